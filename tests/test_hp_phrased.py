"""Settings the vocabulary has no name for, named by the paper's own noun phrase (hp_phrased.py), and the
phrases that look alike but name a result, a derived quantity or the data."""

from __future__ import annotations

from hp_found import found


def test_a_setting_named_by_its_own_phrase_gets_that_phrase_as_key() -> None:
    got = found(
        "We train the policy with an entropy coefficient of 0.01 and a clipping threshold of 0.2. "
        "We set the trust region radius to 0.5 and the number of candidate proposals is 5. "
        "We set the number of inducing points to 128. We use a margin of 0.3.\n"
    )
    assert got == {
        "entropy_coefficient": [(0.01, "stated")],
        "clipping_threshold": [(0.2, "stated")],
        "trust_region_radius": [(0.5, "stated")],
        "num_candidate_proposals": [(5.0, "stated")],
        "num_inducing_points": [(128.0, "stated")],
        "margin": [(0.3, "stated")],
    }


def test_outcomes_relative_values_data_and_vague_heads_are_no_such_settings() -> None:
    got = found(
        "Our method outperforms the baseline with a success rate of 0.9 and an expected masking rate of "
        "0.64. We fix the kernel bandwidth as 20% of the average distance. The dataset size is 50,000. "
        "The images have a size of 32.\n"
    )
    assert not {"success_rate", "expected_masking_rate", "kernel_bandwidth", "dataset_size", "size"} & set(
        got
    )


def test_a_list_after_a_name_stops_before_the_next_count() -> None:
    """'a step size of 0.05 and 1000 burn-in iterations' gave the value '0.05 and 1000'."""
    got = found("Our sampler uses a step size of 0.05 and 1000 burn-in iterations.\n")
    assert got["learning_rate"] == [(0.05, "stated")]


def test_a_count_of_one_thing_in_another_is_a_count_of_the_first() -> None:
    """'the number of neurons in the FC layers were 1024 and 1536' read as a number of layers."""
    got = found(
        "The number of neurons in the FC layers were 1024 and 1536. "
        "The number of burn-in iterations is 1000.\n"
    )
    assert got == {
        "hidden_size": [([1024.0, 1536.0], "stated")],
        "burn_in": [(1000.0, "stated")],
    }


def test_counts_of_the_data_assumptions_and_cited_settings_are_not_the_papers() -> None:
    """A dataset's counts, a statement's assumption and a cited paper's choice ('Smith et al. (2019) use':
    the quote was cut at 'al.', so the citation went unseen) are never stated settings."""
    got = found(
        "## 5 Experiments\n\nThe number of test images is 10,000 and the number of users is 943. "
        "Assume the loss has a Lipschitz constant of 1. "
        "Smith et al. (2019) use an entropy coefficient of 0.01. "
        "We set the number of inducing points to 128.\n"
    )
    assert got == {
        "lipschitz_constant": [(1.0, "candidate")],
        "entropy_coefficient": [(0.01, "candidate")],
        "num_inducing_points": [(128.0, "stated")],
    }


def test_an_attribute_of_a_named_part_and_a_phrase_before_a_symbol() -> None:
    got = found(
        "## 5 Experiments\n\nThe size of the data mini-batch is 20 and the dimension of the hidden state "
        "is 200. "
        "Each run has a planning budget of K = 100.\n"
    )
    assert got == {
        "batch_size": [(20.0, "stated")],
        "hidden_size": [(200.0, "stated")],
        "planning_budget": [(100.0, "stated")],
    }


def test_an_optimizer_named_with_its_rate_and_a_bounded_gradient_norm() -> None:
    got = found(
        "## 5 Experiments\n\nAll models are trained using back-propagation through time and RMSProp with a "
        "learning rate of 10^-3. The norm of the gradient is bounded by 5.\n"
    )
    assert got == {
        "learning_rate": [(0.001, "stated")],
        "optimizer": [("rmsprop", "stated")],
        "gradient_clipping": [(5.0, "stated")],
    }


def test_a_part_or_phase_before_a_name_is_its_context() -> None:
    """'a critic learning rate of 3e-4 and an actor learning rate of 1e-4': two rates, each with its part, so
    the checklist keeps both and check_coverage compares each config value with its own."""
    got = found(
        "We use a critic learning rate of 3e-4, an actor learning rate of 1e-4 and a training horizon of "
        "H_T = 200,000.\n",
        context=True,
    )
    assert got["learning_rate"] == [(3e-4, "stated", "critic"), (1e-4, "stated", "actor")]
    assert got["horizon"] == [(200000.0, "stated", "training")]


def test_a_setting_written_as_code_keeps_its_name() -> None:
    got = found(
        "Orders that are not accepted disappear (order_timeout_prob = 0.15), and the city has four zones "
        "($num\\_zones = 4$). The update is $\\beta_t = 1$ at the start and $x_i = 0.5$ for every input.\n"
    )
    assert got["order_timeout_prob"] == [(0.15, "stated")] and got["num_zones"] == [(4.0, "stated")]
    assert not {"beta_t", "x_i", "zones"} & set(got)


def test_a_noun_and_parameter_is_that_noun() -> None:
    got = found("We use a learning rate decay of 0.5 with a patience parameter of 5.\n")
    assert got["patience"] == [(5.0, "stated")] and "patience_parameter" not in got
