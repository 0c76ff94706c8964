"""The priors a probabilistic model is given (hp_priors.py): a distribution written whole is one setting,
each parameter of a named prior is one; a distribution's name never sets the Greek letter it spells."""

from __future__ import annotations

from hp_found import found


def test_a_prior_written_whole_is_one_setting_and_sets_no_greek_letter() -> None:
    got = found("All priors on the weights are set to Gamma(0.1, 0.3), and the top ones to Dirichlet(0.5).\n")
    assert [v for v, _ in got["prior"]] == ["gamma(0.1, 0.3)", "dirichlet(0.5)"]
    assert "discount_factor" not in got  # 'Gamma' is the distribution, not γ


def test_each_parameter_of_a_named_prior_is_a_setting() -> None:
    got = found(
        "We place gamma priors over the weights with rate 0.3 and shape 0.1.\n\n"
        "We use a Gaussian prior with mean 0 and variance 1 on the weights.\n"
    )
    assert got["prior_rate"] == [(0.3, "stated")] and got["prior_shape"] == [(0.1, "stated")]
    assert got["prior_mean"] == [(0, "stated")] and got["prior_variance"] == [(1, "stated")]


def test_a_distribution_outside_a_prior_sets_nothing() -> None:
    got = found("We draw the mixing weight from a Beta(2, 2) distribution with mean 0.5.\n")
    assert "prior" not in got and not any(k.startswith("prior_") for k in got)
    assert "discount_factor" not in found("The rewards follow a Gamma(2, 1) law.\n")


def test_a_prior_printed_with_a_space_before_its_bracket_is_one_value() -> None:
    assert found("Assuming a gaussian prior z ∼ N (0, 1), we generate data.\n")["prior"] == [
        ("n(0, 1)", "stated")
    ]
