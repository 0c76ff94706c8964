"""Readings the oracle gained from development papers: a network the paper names in words applied to its
input (`\\mathrm{MLP}(h)`, `\\texttt{D-CNN}(v)`) is given as its value, as the paper gives no formula for
it; a case chosen by an equality between indices (`i = j`, `t = 0`) is checked on whole-number indices
drawn from {0, 1}, so both branches occur; a conditional written inline (`a \\text{ if } c \\text{ else }
b`) is a cases block; a letter after a transposed vector is a matrix (`x^\\top A y`), and a capital letter
right after a bold vector is refused. Each is proved both ways (tests/oracle_proof.py)."""

from __future__ import annotations

import numpy as np
import pytest
from oracle_proof import both_ways

from tools.trace.oracles import oracle_spec


def test_a_named_network_applied_to_its_input_is_given_as_its_value():
    spec = both_ways(
        r"h_t = \tanh(\mathrm{MLP}(x_t) + b)",
        lambda mlp_of_x_t, b: np.tanh(mlp_of_x_t + b),
        lambda mlp_of_x_t, b: np.tanh(mlp_of_x_t - b),
        lambda mlp_of_x_t, b: np.tanh(b),
    )
    assert spec["given"] == {"mlp_of_x_t": "the value of mlp(x_t)"}


def test_typewriter_names_read_as_operators_and_networks():
    spec = both_ways(
        r"y_t = \texttt{sigmoid}(\gamma \cdot \texttt{D-CNN}(v_t) - \beta)",
        lambda gamma, dcnn_of_v_t, beta: 1 / (1 + np.exp(-(gamma * dcnn_of_v_t - beta))),
        lambda gamma, dcnn_of_v_t, beta: 1 / (1 + np.exp(-(gamma * dcnn_of_v_t + beta))),
        lambda gamma, dcnn_of_v_t, beta: gamma * dcnn_of_v_t - beta,
    )
    assert set(spec["inputs"]) == {"gamma", "dcnn_of_v_t", "beta"}


def test_a_network_inside_a_sum_is_one_value_per_term():
    both_ways(
        r"L = \frac{1}{N} \sum_{i=1}^N \left(\mathrm{Dec}(z_i) - x_i\right)^2",
        lambda N, dec_of_z, x: np.sum((dec_of_z - x) ** 2, axis=-1) / N,
        lambda N, dec_of_z, x: np.sum((dec_of_z + x) ** 2, axis=-1) / N,
        lambda N, dec_of_z, x: np.sum(dec_of_z**2, axis=-1) / N,
    )


@pytest.mark.parametrize("latex", [r"z = \mathrm{Var}(x) + 1", r"y = \mathrm{Tr}(A) + \mathrm{sign}(x)"])
def test_other_named_operators_with_one_argument_stay_refused(latex):
    """A right implementation computes Var(x) itself: given as a value, it would fail the oracle."""
    result = oracle_spec(latex)
    assert not result.ok


def test_a_network_alone_on_the_right_is_a_renaming():
    result = oracle_spec(r"u_t = \texttt{CNN}(d_t)")
    assert not result.ok and "renaming" in result.reason


def test_a_case_chosen_by_two_equal_indices():
    spec = both_ways(
        r"d_{ij} = \begin{cases} 1 & \text{if } i = j \\ -w_{ij} & \text{otherwise} \end{cases}",
        lambda w_ij, i, j: np.where(i == j, 1.0, -w_ij),
        lambda w_ij, i, j: np.where(i != j, 1.0, -w_ij),
        lambda w_ij, i, j: np.where(i == j, 1.0, w_ij),
    )
    assert spec["choices"] == ["i", "j"]


def test_a_first_step_case_and_a_not_equal_case():
    both_ways(
        r"c_t = \begin{cases} 0, & \text{if } t = 0 \\ \max(a, b), & \text{otherwise} \end{cases}",
        lambda a, b, t: np.where(t == 0, 0.0, np.maximum(a, b)),
        lambda a, b, t: np.maximum(a, b),
        lambda a, b, t: np.where(t == 0, 0.0, np.minimum(a, b)),
    )
    both_ways(
        r"r = \begin{cases} a - b & k \neq l \\ a & \text{otherwise} \end{cases}",
        lambda a, b, k, l: np.where(k != l, a - b, a),  # noqa: E741
        lambda a, b, k, l: np.where(k == l, a - b, a),  # noqa: E741
    )


def test_an_equality_of_real_quantities_stays_refused():
    result = oracle_spec(r"y = \begin{cases} a & \text{if } x = 0 \\ b & \text{otherwise} \end{cases}")
    assert not result.ok and "never equal" in result.reason


@pytest.mark.parametrize(
    "latex",
    [
        r"y = a + b \text{ if } a > b \text{ else } a - b,",
        r"y = a + b \quad \text{if } a > b, \quad a - b \quad \text{otherwise}.",
    ],
)
def test_a_conditional_written_inline_reads_as_cases(latex):
    both_ways(
        latex,
        lambda a, b: np.where(a > b, a + b, a - b),
        lambda a, b: a + b,
        lambda a, b: np.where(a > b, a - b, a + b),
    )


def test_a_side_condition_after_a_value_is_still_stripped():
    spec = oracle_spec(r"y = a + b, \quad \text{if } a > b").spec
    assert "pwhere" not in spec["definitions"][0]["rhs"]


def test_a_letter_after_a_transposed_vector_is_a_matrix():
    spec = both_ways(
        r"q = \mathbf{x}^\top A \mathbf{y} + b",
        lambda x, A, y, b: x @ A @ y + b,
        lambda x, A, y, b: x @ A.T @ y + b,
        lambda x, A, y, b: x @ y + b,
    )
    assert spec["matrices"] == ["A"]


def test_a_capital_letter_right_after_a_bold_vector_is_refused():
    """`W x C`: C is a matrix the vector would meet as a row, or a scalar written last; either reading
    could fail a right implementation."""
    result = oracle_spec(r"\mathbf{p} = \mathbf{W} \mathbf{x} C")
    assert not result.ok and "right after a vector" in result.reason
    assert oracle_spec(r"\mathbf{p} = C \mathbf{W} \mathbf{x}").ok


def test_named_losses_of_a_prediction_and_a_target_are_given_values():
    spec = both_ways(
        r"\mathcal{L}(y, b) = \mathcal{L}_y(y, y^*) + \beta \mathcal{L}_b(b, b^*)",
        lambda L_cal_y_of_y_y_star, beta, L_cal_b_of_b_b_star: (
            L_cal_y_of_y_y_star + beta * L_cal_b_of_b_b_star
        ),
        lambda L_cal_y_of_y_y_star, beta, L_cal_b_of_b_b_star: (
            L_cal_y_of_y_y_star - beta * L_cal_b_of_b_b_star
        ),
        lambda L_cal_y_of_y_y_star, beta, L_cal_b_of_b_b_star: L_cal_y_of_y_y_star,
    )
    assert set(spec["given"]) == {"L_cal_y_of_y_y_star", "L_cal_b_of_b_b_star"}
    assert not oracle_spec(r"y = \mathcal{L}(X) + 1").ok  # one operand: an operator or a law
