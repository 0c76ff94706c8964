"""Where an oracle's reading guesses: a superscript letter read as a power, a letter before a bracket read as
a product, a dot between letters read element by element, a letter beside a transposed matrix read as a
number, a sine of a bracket run on by a letter. The oracle is kept (the guess is often right) and the place
is named; what the notation settles (a number on top, a sum's index on top, a function the paper names)
raises no doubt; an I added to other terms is an identity matrix, and refused. Formulas written for these
tests in the style of papers."""

from __future__ import annotations

import pytest
from oracle_proof import both_ways

from tools.trace.oracles import explain, oracle_spec


def _doubts(latex: str) -> list[str]:
    result = oracle_spec(latex)
    assert result.ok, (latex, result.reason)
    return explain(latex, result.spec).doubts


def test_a_letter_on_top_read_as_a_power_is_named():
    (doubt,) = _doubts(r"y = a \theta^k + b")
    assert doubt.startswith("`theta**k`: a superscript read as a power")


def test_a_letter_before_a_bracket_read_as_a_product_is_named():
    (doubt,) = _doubts(r"y = x(1 - x)")
    assert doubt.startswith("`x(...)`: read as x times the bracket")
    (doubt,) = _doubts(r"S(u; \beta, \eta) = \frac{1}{1 + \exp(-\beta (u + \eta))}")  # beta: an argument
    assert doubt.startswith("`beta(...)`")


def test_a_product_whose_kind_the_notation_leaves_open_is_named():
    (doubt,) = _doubts(r"\ell_n = w \cdot q_n + b")
    assert doubt.startswith("`w \\cdot q_n`: read element by element")
    (doubt,) = _doubts(r"H_t = \Phi_h(A^T U_t + b_h)")
    assert doubt.startswith("`U_t*transpose(A)`: U_t read as a number scaling a matrix")
    assert _doubts(r"h_t = \Phi_h(W^T h_{t-1} + b_h)") == []  # a lower-case letter: a column vector
    assert _doubts(r"L = \lambda \cdot J + c") == []  # a bare Greek letter: a weight


def test_an_identity_beside_no_other_matrix_is_refused():
    for latex in (r"T = \hat{S} + I", r"E = a I_n + (1 - a) b"):  # no matrix to take its size from
        result = oracle_spec(latex)
        assert not result.ok and result.reason.startswith("the identity matrix"), latex
    assert oracle_spec(r"J = I \gamma^2").ok  # an I alone in a product: a quantity the paper names I


def test_a_sine_of_a_bracket_run_on_by_a_letter_is_named():
    (doubt,) = _doubts(r"s = \frac{\sin (1 - \mu)\theta}{\sin \theta} q_1")
    assert doubt.startswith("`\\sin (1 - \\mu)\\theta`: read as the sin of the bracket times \\theta")
    assert _doubts(r"s = \sin(\theta) + \cos(\phi)") == []


@pytest.mark.parametrize(
    "latex",
    [
        r"y = a x^2 + b",  # a number on top
        r"G = \sum_{t=0}^{T} \gamma^t r_t",  # a discount raised to the index it sums over
        r"v = \sigma(W x + b)",  # an activation applied
        r"L = g_\theta(x) + c",  # a subscript before the bracket: the function g_theta applied
    ],
)
def test_what_the_notation_settles_raises_no_doubt(latex):
    assert _doubts(latex) == []


def test_braces_around_a_bold_letter_do_not_hide_it():
    latex = r"p = {\mathbf{{h}}}({x}) + c"
    result = oracle_spec(latex)
    if result.ok:  # read as a product: the place is named
        assert any(d.startswith("`h(...)`") for d in explain(latex, result.spec).doubts)
    else:  # or refused outright as a possible function
        assert "h(...)" in result.reason


def test_an_upper_case_letter_before_a_latin_letter_with_nothing_to_settle_it_is_refused():
    """`A_L x_k + B_L u_k` (a state-space model), `K z`: a matrix times a vector as often as numbers, so no
    guess is written into a test; what settles the reading keeps the oracle."""
    ambiguous = (r"x_{k+1} = A_L x_k + B_L u_k", r"\mathbf{y} = K\,\mathbf{z}", r"r_{ij} = U_i e_j + b_j")
    ambiguous += (r"\mathbf{y} = \mathbf{m} + K_{\alpha}^{1/2}\,\mathbf{q}",)  # a power between them
    for latex in (*ambiguous, r"\mu^* = K(t^*, t)\, \mathbf{z}"):  # a kernel's value: a matrix?
        reason = oracle_spec(latex).reason
        assert reason and "a matrix times a vector, or a product of numbers?" in reason, latex
    assert oracle_spec(r"x_{k+1} = \mathbf{A} x_k + \mathbf{B} u_k").spec["matrices"] == ["A", "B"]
    assert oracle_spec(r"x_{k+1} = A_L \cdot x_k + B_L \cdot u_k").ok  # numbers, as \cdot says
    assert oracle_spec(r"\rho = \frac{\sigma^2}{2 \pi G r^2}").ok  # a power: r is a number
    assert oracle_spec(r"q = \sum_{b} Q_b w_b").ok  # entries at a common index
    assert oracle_spec(r"s = P(y) a").ok  # a probability's value: a number


def test_an_upper_case_symbol_after_a_transposed_bracket_is_a_matrix():
    """`(t - m)^T L (t - m)`: the row before L makes it a quadratic form's matrix, as after `x^T`."""
    spec = both_ways(
        r"q = -\frac{1}{2} (\theta_{j} - \mu_{j})^{T} \Lambda_{jj} (\theta_j - \mu_j)",
        lambda theta_j, mu_j, Lambda_jj: -0.5 * (theta_j - mu_j) @ Lambda_jj @ (theta_j - mu_j),
        lambda theta_j, mu_j, Lambda_jj: -0.5 * (theta_j - mu_j) @ Lambda_jj @ (theta_j + mu_j),
        lambda theta_j, mu_j, Lambda_jj: -0.5 * (theta_j - mu_j) @ (theta_j - mu_j),  # the matrix dropped
    )
    assert spec["matrices"] == ["Lambda_jj"] and spec["column_vectors"] == ["mu_j", "theta_j"]


def test_the_inverse_of_an_upper_case_function_value_is_refused():
    """`K(t, t)^{-1}` is a Gram matrix's inverse in a GP paper and a reciprocal elsewhere: no guess."""
    for latex in (r"\mathbf{z} = K(t, t)^{-1} (\mathbf{y} - m)", r"\mathbf{z} = {K(t, t)}^{-1} \mathbf{y}"):
        reason = oracle_spec(latex).reason
        assert reason and "the inverse of a matrix the function gives" in reason, latex
    assert oracle_spec(r"z = k(t, t)^{-1} y").ok  # a lower-case kernel's value: a number
