"""Densities as values: a distribution applied to what it conditions on (`p(x | θ)`, `r(z | z')`), a
probability of an event (`P(Y = 1)`) or a density of one variable (`\\tilde p(z)`) is an input of the line,
like a network's output; the algebra around it (Bayes' rule, a likelihood ratio, a log-likelihood summed
over data, a mixture) is what the oracle checks, both ways (tests/oracle_proof.py)."""

from __future__ import annotations

import numpy as np
import pytest
from oracle_proof import both_ways

from tools.trace.oracles import oracle_spec


def test_bayes_rule_over_given_densities():
    spec = both_ways(
        r"p(y \mid x) = \frac{p(x \mid y) p(y)}{p(x)}",
        lambda p_of_x_given_y, p_of_y, p_of_x: p_of_x_given_y * p_of_y / p_of_x,
        lambda p_of_x_given_y, p_of_y, p_of_x: p_of_x_given_y * p_of_y * p_of_x,
        lambda p_of_x_given_y, p_of_y, p_of_x: p_of_x_given_y / p_of_x,
    )
    assert spec["outputs"] == ["p"]
    assert spec["given"]["p_of_x_given_y"] == r"the value of p(x\mid y)"


def test_a_likelihood_ratio_with_a_bold_subscript():
    latex = r"r = \frac{p_\mathbf{X}(\mathbf{x}|\theta_0)}{p_\mathbf{X}(\mathbf{x}|\theta_1)}"
    spec = both_ways(
        latex,
        lambda **k: k["p_X_of_x_given_theta_0"] / k["p_X_of_x_given_theta_1"],
        lambda **k: k["p_X_of_x_given_theta_1"] / k["p_X_of_x_given_theta_0"],
    )
    assert spec["inputs"] == ["p_X_of_x_given_theta_0", "p_X_of_x_given_theta_1"]


def test_a_log_likelihood_is_a_sum_of_per_example_values():
    both_ways(
        r"\ell(\theta) = \sum_{i=1}^N \log p(x_i | \theta)",
        lambda p_of_x_given_theta: np.sum(np.log(p_of_x_given_theta), axis=-1),
        lambda p_of_x_given_theta: np.sum(p_of_x_given_theta, axis=-1),
        lambda p_of_x_given_theta: -np.sum(np.log(p_of_x_given_theta), axis=-1),
    )


def test_a_mixture_of_densities_of_one_variable():
    latex = r"p(x|\gamma) = (1-\gamma)\frac{p_{0}(x) + p_{1}(x)}{2} + \gamma p_{2}(x)"

    def mixture(w: float, a: str, b: str, c: str):
        return lambda gamma, **k: (1 - gamma) * (k[a] + k[b]) * w + gamma * k[c]

    spec = both_ways(
        latex,
        mixture(0.5, "p_0_of_x", "p_1_of_x", "p_2_of_x"),
        mixture(1.0, "p_0_of_x", "p_1_of_x", "p_2_of_x"),
        mixture(0.5, "p_0_of_x", "p_2_of_x", "p_1_of_x"),
    )
    assert spec["inputs"] == ["gamma", "p_0_of_x", "p_1_of_x", "p_2_of_x"]


def test_a_probability_of_an_event():
    both_ways(
        r"s = \frac{P(Y=1) a}{P(Y=0) b + P(Y=1) a}",
        lambda P_of_Y1, a, P_of_Y0, b: P_of_Y1 * a / (P_of_Y0 * b + P_of_Y1 * a),
        lambda P_of_Y1, a, P_of_Y0, b: P_of_Y0 * a / (P_of_Y0 * b + P_of_Y1 * a),
    )


def test_a_chain_whose_links_use_other_given_values_checks_its_first_side():
    ratio = r"\log\frac{p(x_i \mid \theta')}{p(x_i \mid \theta)}"
    spec = oracle_spec(rf"\Delta = \sum_{{i=1}}^N {ratio} - \psi = \Lambda(\theta,\theta') - \psi").spec
    assert "links" not in spec["definitions"][0] and spec["definitions"][0]["unchecked"]


@pytest.mark.parametrize(
    ("latex", "reason"),
    [
        (r"y = f(|x|) + 1", "conditional"),  # a bar in a pair: an absolute value, not a condition
        (r"y = p(1 - q) + x", "function or a product"),  # a probability times a bracket?
        (r"U = H(q(\theta | \psi)) + c", "conditional"),  # the bar belongs to q, inside H's brackets
    ],
)
def test_what_is_no_density_stays_refused(latex, reason):
    result = oracle_spec(latex)
    assert not result.ok and reason in result.reason


def test_a_density_indexed_by_the_sum_is_one_value_per_term():
    spec = both_ways(
        r"y = \sum_c w_c p_c(\mathbf{x} | \theta)",
        lambda w, p_of_x_given_theta: np.sum(w * p_of_x_given_theta, axis=-1),
        lambda w, p_of_x_given_theta: np.sum(w, axis=-1) * np.sum(p_of_x_given_theta, axis=-1),
        lambda w, p_of_x_given_theta: np.sum(p_of_x_given_theta, axis=-1),
    )
    assert spec["vectors"] == ["p_of_x_given_theta", "w"]


def test_an_expectation_of_log_densities_braced_as_papers_write_it():
    spec = both_ways(
        r"L = {\mathbb{E}}_{q(z \mid x)} \left[ \log p(x \mid z) - \log q(z \mid x) \right]",
        lambda p_of_x_given_z, q_of_z_given_x: np.mean(np.log(p_of_x_given_z) - np.log(q_of_z_given_x), 0),
        lambda p_of_x_given_z, q_of_z_given_x: np.mean(np.log(p_of_x_given_z) + np.log(q_of_z_given_x), 0),
        lambda p_of_x_given_z, q_of_z_given_x: np.mean(np.log(p_of_x_given_z), 0),
    )
    assert spec["sampled"] == ["p_of_x_given_z", "q_of_z_given_x"]


def test_a_score_function_estimator_takes_the_scores_as_given_values():
    score = r"\frac{\partial}{\partial \theta} \log p"
    spec = both_ways(
        rf"\hat g = f(b, \theta) {score}(b|\theta) - c_\phi(z) {score}(z|\theta)",
        lambda **k: k["f_of_b_theta"] * k["grad_theta_log_p_of_b_given_theta"]
        - k["c_phi"] * k["grad_theta_log_p_of_z_given_theta"],
        lambda **k: k["f_of_b_theta"] * k["grad_theta_log_p_of_b_given_theta"]
        + k["c_phi"] * k["grad_theta_log_p_of_z_given_theta"],
    )
    assert "grad_theta_log_p_of_b_given_theta" in spec["given"]


def test_a_fraction_set_with_nicefrac():
    both_ways(
        r"y = a^{\nicefrac{1}{2}} + \nicefrac{x}{\tau}",
        lambda a, x, tau: np.sqrt(a) + x / tau,
        lambda a, x, tau: a / 2 + x / tau,
    )
