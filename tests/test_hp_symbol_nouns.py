"""What a sentence says an assigned symbol is ("M = 4 chains", "momentum μ = 0.8", "τ = 0.3 for smoothing"),
and the assignments that are no setting: a product's value, a loop's range, a description of the data
(find_hyperparameters on Markdown; the sentences are written for these tests)."""

from __future__ import annotations

from hp_found import found

from tools.analysis.hyperparams import normalize_value


def _found(markdown: str) -> dict[str, list[tuple]]:
    return found(markdown)


def test_a_plural_noun_after_the_value_names_the_symbol() -> None:
    md = (
        "The number of chains M trades speed for accuracy, and a budget M is spent per query.\n\n"
        "We fit each model with M = 4 chains, R = 16 sweeps and a step size of 0.05.\n"
    )
    got = _found(md)
    assert got["chains"] == [(4.0, "stated")]  # counted elsewhere ("the number of chains"): stated
    assert "sweeps" not in got  # not counted elsewhere nor a plain count noun: a verb? ("M = 8 wins")
    assert "budget" not in got


def test_a_verb_after_the_value_names_nothing() -> None:
    got = _found("The number of chains M matters.\n\nThe model with M = 8 wins, whereas M = 2 fails.\n")
    assert "wins" not in got and "fails" not in got


def test_a_noun_opening_the_clause_or_a_purpose_names_the_symbol() -> None:
    md = "The sampler runs with IST, smoothing τ = 0.3 and pruning ρ = 0.05; ν = 0.7 for annealing.\n"
    got = _found(md)
    assert got["smoothing"] == [(0.3, "stated")]
    assert got["pruning"] == [(0.05, "stated")]
    assert got["annealing"] == [(0.7, "stated")]
    # "by taking", "whereas", "of length": no name
    md = "The bound holds by taking ω = 3, whereas ζ = 5 gives the same, and paths of length q = 2.\n"
    got = _found(md)
    assert not {"taking", "whereas", "length"} & set(got)


def test_a_products_value_and_a_loop_range_are_not_settings() -> None:
    md = (
        "The number of walkers W is fixed. We use a total budget of W · S = 600.\n\n"
        "Algorithm 2 Refinement\nfor W = 0, 1, 2, . . . do\nrefine the grid\n\nfor S = 1,2,3, do update\n"
    )
    got = _found(md)
    assert all(v not in (600.0, [0.0, 1.0, 2.0], [1.0, 2.0, 3.0]) for vals in got.values() for v, _ in vals)
    assert "budget" not in got


def test_a_description_of_the_data_is_only_a_candidate() -> None:
    md = (
        "The number of frames F is small.\n\n"
        "The test set holds 900 clips, each containing F = 40 frames. We train with F = 12 frames.\n\n"
        "The figure shows one instance with F = 64 frames.\n"
    )
    got = _found(md)
    assert sorted(got["frames"]) == [(12.0, "stated"), (40.0, "candidate"), (64.0, "candidate")]


def test_items_per_batch_is_a_batch_size() -> None:
    got = _found("Each update uses 48 trajectories per batch and K = 6 sequences per minibatch.\n")
    assert sorted(v for v, _ in got["batch_size"]) == [6.0, 48.0]


def test_an_index_set_after_a_symbol_is_not_a_count() -> None:
    got = _found("Every round alternates the update agent j ∈ {1, 2} over 300 training steps.\n")
    assert got["training_steps"] == [(300.0, "stated")]


def test_a_superscript_set_on_the_line_and_spaced_thousands() -> None:
    assert normalize_value("3×104") == 30000 and normalize_value("4.5 × 106") == 4_500_000
    assert normalize_value("3 × 1024") != 3e24  # only a one-digit exponent is read as a lost superscript
    assert normalize_value("2, 000, 000") == 2_000_000 and normalize_value("3, 5, 7") == [3.0, 5.0, 7.0]
    got = _found("We train for 3×104 gradient steps with a regularization term of 0.002.\n")
    assert got["training_steps"] == [(30000.0, "stated")]
    assert got["weight_decay"] == [(0.002, "stated")]


def test_a_layer_of_a_size_is_a_hidden_size() -> None:
    got = _found("The critic is a network with three hidden layers of size 256.\n")
    assert got["hidden_size"] == [(256.0, "stated")]


def test_a_settings_table_flattened_into_lines_of_pairs() -> None:
    md = (
        "Training used the setup below.\n\nTRAINING SETTINGS\n"
        "Step size η 0.0003 Batch size 64 Entropy bonus 0.02\nSCHEDULE\n"
        "Rollout buffer size 2, 048 Warmup 5K steps Optimizer Adam\n"
        "We then evaluate every agent on held-out seeds.\n"
    )
    got = _found(md)
    assert got["learning_rate"] == [(0.0003, "stated")] and got["batch_size"] == [(64.0, "stated")]
    assert got["entropy_coefficient"] == [(0.02, "stated")]
    assert got["rollout_buffer_size"] == [(2048.0, "stated")]
    assert got["warmup_steps"] == [(5000.0, "stated")] and got["optimizer"] == [("adam", "stated")]
    # the same lines with no settings heading above them are left to the prose rules: a name they do not
    # know is no setting
    assert "rollout_buffer_size" not in _found(md.replace("TRAINING SETTINGS\n", ""))


def test_a_greek_letter_the_authors_plainly_use_or_call_a_setting_is_stated() -> None:
    got = _found(
        "# Experiments\n\n"
        "Earlier work found that the value matters little; therefore, we use ϵ = 0.2.\n\n"
        "The loss adds a ridge penalty, where γ = 10^-3 is a given hyper-parameter.\n\n"
        "We use ρ_1 = 90 for the source task. We suggest to use κ = 3 in general.\n\n"
        "We use x = 3 for the toy problem.\n"
    )
    assert got["epsilon"] == [(0.2, "stated")]
    assert got["gamma"] == [(0.001, "stated")]
    assert got["rho1"] == [(90.0, "stated")]
    assert all(c != "stated" for _, c in got.get("kappa", []))  # a recommendation, not the paper's run
    assert got["x"] == [(3.0, "candidate")]  # a Latin letter stays a guess at the name


def test_values_swept_for_a_bare_symbol_are_the_runs_sweep() -> None:
    got = _found(
        "# Experiments\n\n"
        "We test grid sizes d ∈ {200, 400, 600, 800}.\n\n"
        "The points on each curve come from growing the codebook as k = [8, 16, 32, 64] left to right.\n\n"
        "Every agent j ∈ {1, 2, 3} moves in turn.\n"
    )
    assert got["d"] == [([200.0, 400.0, 600.0, 800.0], "stated")]
    assert got["k"] == [([8.0, 16.0, 32.0, 64.0], "stated")]
    assert "j" not in got  # an index set of small whole numbers is no sweep


def test_a_sweep_of_negative_values_and_a_set_of_signed_labels() -> None:
    got = _found(
        "We train with K = 50 samples and α ∈ {0, −1, −5, −50, −500}.\n\n"
        "The labels are y ∈ {−1, 1}, and the offsets o ∈ {-2, 0, 2}.\n"
    )
    assert got["alpha"] == [([0.0, -1.0, -5.0, -50.0, -500.0], "stated")]
    assert "y" not in got and "o" not in got  # small whole numbers, signed or not: labels or indices


def test_a_count_the_sentence_names_for_a_symbol_and_its_swept_values() -> None:
    got = _found(
        "# Experiments\n\n"
        "In the first run we vary the number of visitors N = 30,000, 60,000, ..., 150,000.\n\n"
        "The number of ads is M = 30. The number of test images is T = 10,000.\n"
    )
    assert got["num_visitors"] == [([30_000.0, 60_000.0, 90_000.0, 120_000.0, 150_000.0], "stated")]
    assert got["num_ads"] == [(30.0, "stated")]
    assert [c for _, c in got["test_images"]] == ["candidate"]  # the data's size, not a setting


def test_a_value_used_in_our_experiments_is_stated_and_a_decay_interval_is_its_steps() -> None:
    got = _found(
        "# Experiments\n\n"
        "The score smooths each term, where u is a scalar constant (u = 1500 in our experiments).\n\n"
        "The learning rate decay interval is 50k iterations.\n"
    )
    assert got["u"] == [(1500.0, "stated")]
    assert got["lr_decay_steps"] == [(50_000.0, "stated")]


def test_thin_spaces_inside_inline_maths_print_as_spaces() -> None:
    md = "# Experiments\n\nThe penalty is $\\lambda\\,=\\,0.5$ and the temperature is $\\tau\\!=\\!0.07$.\n"
    got = _found(md)
    assert got["lambda"] == [(0.5, "stated")] and got["temperature"] == [(0.07, "stated")]


def test_symbols_a_sentence_sets_as_its_hyperparameters() -> None:
    # the PDF runs subscripts on ('σ2w' is σ_w^2, 'λmul(s)' is λ_{mul(s)}); a value of 1 counts in such a list
    md = (
        "## 4 Experiments\n\n"
        "We set the hyperparameters to be σ2w = 1, σz = 1, and σ2x = 0.01. "
        "We set the prior shape and rate as αw = 0.1 and βw = 0.3. "
        "The model is trained with λmul(s) = 10 and λadv(c) = 0.03.\n"
    )
    got = _found(md)
    assert got["sigma2w"] == [(1.0, "stated")] and got["sigmaz"] == [(1.0, "stated")]
    assert got["sigma2x"] == [(0.01, "stated")]
    assert got["alphaw"] == [(0.1, "stated")] and got["betaw"] == [(0.3, "stated")]
    assert got["lambda_mul_s"] == [(10.0, "stated")] and got["lambda_adv_c"] == [(0.03, "stated")]
    # "we set the output dimension to be D = 5": the noun names it
    assert _found("We set the output dimension to be D = 5 for the toy data.\n")["output_dimension"] == [
        (5.0, "stated")
    ]
    # a 1 in a sentence that introduces no settings stays unread
    assert "sigmaz" not in _found("For the proof we note that σz = 1 holds at the optimum.\n")


def test_a_setting_kept_constant_at_a_value() -> None:
    got = _found("We trained with SGD, learning rate kept constant 0.01; momentum held fixed at 0.9.\n")
    assert got["learning_rate"] == [(0.01, "stated")] and got["momentum"] == [(0.9, "stated")]
