"""Oracles, round two: punctuation written in \\text{...}, the trace written Tr(...) in italic letters, the
exponent of a matrix (A^j), decorated bold symbols (\\dot{\\mathbf{B}}) and a decoration over a transposed
symbol (\\dot{B^\\top}), a derivative that only names the output. Each oracle accepts a hand-written right
implementation and rejects wrong ones; each refusal is checked by its reason."""

from __future__ import annotations

import numpy as np
import pytest
from oracle_proof import both_ways as _both_ways

from tools.trace.oracles import oracle_spec


def _refused(latex):
    result = oracle_spec(latex)
    assert not result.ok
    return result.reason


def test_full_stop_written_in_text_is_punctuation():
    _both_ways(
        r"\ell(a, b) = \left(a - 2 b\right)^2 \text{\,.}",
        lambda a, b: (a - 2 * b) ** 2,
        lambda a, b: (a + 2 * b) ** 2,
        lambda a, b: a**2,
    )


def test_a_comma_in_text_still_separates_two_definitions():
    spec = _both_ways(
        r"u = x + y \text{,} \quad v = x - y",
        lambda x, y: {"u": x + y, "v": x - y},
        lambda x, y: {"u": x + y, "v": x + y},
    )
    assert spec["outputs"] == ["u", "v"]


def test_a_word_in_text_is_still_refused():
    assert "text" in _refused(r"y = a \text{mod} b")


def test_italic_tr_around_matrices_is_the_trace():
    spec = _both_ways(
        r"s = Tr\left(\mathbf{A}^\top \mathbf{B}\right)",
        lambda A, B: np.trace(A.T @ B),
        lambda A, B: np.trace(A @ B),
        lambda A, B: -np.trace(A.T @ B),
        lambda A, B: np.sum(A.T @ B),
    )
    assert spec["matrices"] == ["A", "B"]


def test_italic_tr_with_a_transpose_written_t():
    _both_ways(
        r"c = tr(\mathbf{W}^T \mathbf{V}) + \lambda",
        lambda W, V, lambda_: np.trace(W.T @ V) + lambda_,
        lambda W, V, lambda_: np.trace(W.T @ V) - lambda_,
        lambda W, V, lambda_: np.trace(W @ V) + lambda_,
    )


def test_italic_tr_around_scalars_stays_refused():
    # `Tr(...)` reads as the trace, of something the line does not show to be a matrix: no oracle
    assert "does not show to be a matrix" in _refused(r"y = Tr(x + z)")


def test_exponent_of_a_matrix_is_no_vector_inside_a_sum():
    _both_ways(
        r"\mathbf{M} = \sum_{j=0}^{3} \mathbf{C} \mathbf{A}^j \mathbf{B}",
        lambda C, A, B: sum(C @ np.linalg.matrix_power(A, j) @ B for j in range(4)),
        lambda C, A, B: sum(C @ np.linalg.matrix_power(A, j) @ B for j in range(3)),
        lambda C, A, B: sum(B @ np.linalg.matrix_power(A, j) @ C for j in range(4)),
    )


def test_free_power_of_a_matrix_refused_with_its_reason():
    assert "power" in _refused(r"\mathbf{M} = \mathbf{C} \mathbf{A}^j \mathbf{B}")


def test_decorated_bold_symbol_is_a_matrix():
    spec = _both_ways(
        r"\dot{\gamma} = {\bm{B}}^\top \dot{{\bm{B}}} - \dot{{\bm{C}}} {\bm{C}}^\top",
        lambda B, B_dot, C_dot, C: B.T @ B_dot - C_dot @ C.T,
        lambda B, B_dot, C_dot, C: B.T @ B_dot + C_dot @ C.T,
        lambda B, B_dot, C_dot, C: B_dot.T @ B - C_dot @ C.T,
    )
    assert spec["matrices"] == ["B", "B_dot", "C", "C_dot"]
    assert spec["outputs"] == ["gamma_dot"]  # the derivative on the left only names the output


def test_dot_over_a_transpose_is_the_transpose_of_the_dot():
    _both_ways(
        r"\dot{\gamma} = \dot{{\bm{B}}^\top} {\bm{B}} + {\bm{B}}^\top \dot{{\bm{B}}}",
        lambda B_dot, B: B_dot.T @ B + B.T @ B_dot,
        lambda B_dot, B: B_dot @ B + B.T @ B_dot,  # the transpose dropped
        lambda B_dot, B: 2 * B.T @ B_dot,  # equal only when B is a column
    )


def test_decoration_over_an_expression_refused():
    assert "over an expression" in _refused(r"y = \hat{a + b} c")


def test_decoration_over_a_subscripted_symbol_still_read():
    _both_ways(
        r"y = \hat{x_{t-1}} + 2 z",
        lambda x_hat_t_minus_1, z: x_hat_t_minus_1 + 2 * z,
        lambda x_hat_t_minus_1, z: x_hat_t_minus_1 - 2 * z,
    )


def test_partial_derivative_on_the_left_names_the_output():
    spec = _both_ways(
        r"\frac{\partial \mathcal{L}}{\partial \mathbf{W}} = "
        r"(\mathbf{W} \mathbf{X} - \mathbf{Y}) \mathbf{X}^\top",
        lambda W, X, Y: (W @ X - Y) @ X.T,
        lambda W, X, Y: (W @ X + Y) @ X.T,
        lambda W, X, Y: X.T @ (W @ X - Y),
    )
    assert len(spec["outputs"]) == 1 and "W" in spec["outputs"][0]


def test_derivative_of_an_undefined_symbol_on_the_right_is_a_given_value():
    result = oracle_spec(r"g = \frac{\partial f}{\partial x} + x")  # tests/test_oracle_derivatives.py
    assert result.ok and result.spec["inputs"] == ["grad_x_f", "x"]


def test_row_vector_times_matrix_refused_with_the_shape_reason():
    assert "vector before a matrix" in _refused(r"\mathbf{y} = \mathbf{z} \mathbf{W} + \mathbf{b}")


def test_free_power_reason_names_the_papers_symbol():
    assert "the power j of a matrix" in _refused(r"\mathbf{M} = \mathbf{C} \mathbf{A}^j \mathbf{B}")


def test_entry_with_an_index_no_sum_runs_over_refused():
    reason = _refused(
        r"u(v_i) = u_i = \sum_j \psi_{ij} \hat{u}_j = "
        r"\sum_{\lambda_j} \psi(v_i, \lambda_j) \hat{u}(\lambda_j)"
    )
    assert "runs over no sum" in reason


def test_both_indices_summed_still_built():
    _both_ways(
        r"s = \sum_{i=1}^{N} \sum_{j=1}^{N} w_{ij} x_j",
        lambda w, x: np.sum(w @ x),
        lambda w, x: np.sum(w.T @ x),
        lambda w, x: -np.sum(w @ x),
    )


def test_bars_around_a_matrix_refused_determinant_or_entries():
    assert "determinant" in _refused(r"y = |\mathbf{\Sigma}|^{\frac{1}{2}}")
    assert "determinant" in _refused(r"y = |2 \mathbf{A}|")


def test_bars_around_a_vector_are_the_entries_absolute_values():
    _both_ways(
        r"\mathbf{y} = |\mathbf{W} \mathbf{x}| + \mathbf{b}",
        lambda W, x, b: np.abs(W @ x) + b,
        lambda W, x, b: np.abs(x) + b,
        lambda W, x, b: np.abs(W @ x) - b,
    )


@pytest.mark.parametrize("latex", [r"c = \operatorname{tr}(\mathbf{W}^\top V)", r"c = Tr(W^T V)"])
def test_a_trace_of_a_capital_the_line_does_not_type_is_refused(latex):
    """`V` after a transposed matrix, at the end of the product: a matrix the paper did not mark, or a scalar?
    Read as a scalar it would make an oracle a right implementation fails."""
    result = oracle_spec(latex)
    assert not result.ok and "does not show to be a matrix" in result.reason


def test_a_trace_of_marked_matrices_still_works():
    assert oracle_spec(r"c = \operatorname{tr}(\mathbf{W}^\top \mathbf{V})").ok
