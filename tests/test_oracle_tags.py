"""Superscripts that name rather than raise (tools/trace/oracle_latex/variables.py): a word
(`W^{\\text{enc}}`, `b^{dec}`), one capital letter over a matrix (`\\mathbf{W}^{Q}`, `B^U`) and one letter
on a left-hand side (`u^m_i = ...`, the m-th u). Each is proved both ways (tests/oracle_proof.py); a
capital letter that also stands alone in the line stays a power."""

from __future__ import annotations

import numpy as np
from oracle_proof import both_ways

from tools.trace.oracles import oracle_spec


def test_a_capital_letter_over_a_bold_matrix_names_the_projection():
    spec = both_ways(
        r"\mathbf{q} = \mathbf{W}^{Q} \mathbf{x} + \mathbf{b}^{Q}",
        lambda W_Q, x, b_Q: W_Q @ x + b_Q,
        lambda W_Q, x, b_Q: W_Q @ x - b_Q,
        lambda W_Q, x, b_Q: W_Q.T @ x + b_Q,
    )
    assert spec["inputs"] == ["W_Q", "x", "b_Q"]


def test_a_word_in_the_superscript_is_part_of_the_name():
    spec = both_ways(
        r"h = \tanh(W^{\text{enc}} \cdot x + b^{\mathrm{enc}}) + c^{dec}",  # a number: \cdot says so
        lambda W_enc, x, b_enc, c_dec: np.tanh(W_enc * x + b_enc) + c_dec,
        lambda W_enc, x, b_enc, c_dec: np.tanh(W_enc * x) + c_dec,
        lambda W_enc, x, b_enc, c_dec: np.tanh(W_enc * x + b_enc) - c_dec,
    )
    assert set(spec["inputs"]) == {"W_enc", "x", "b_enc", "c_dec"}


def test_rows_defining_the_m_th_quantities_of_an_aligned_block():
    spec = both_ways(
        r"\begin{aligned} u^m_{i} &= z_{i}W^U_m + B^U_m\\ a^m_{i} &= z_{i}W^A_m + B^A_m.\\ \end{aligned}",
        lambda z_i, W_U_m, B_U_m, W_A_m, B_A_m: (z_i * W_U_m + B_U_m, z_i * W_A_m + B_A_m),
        lambda z_i, W_U_m, B_U_m, W_A_m, B_A_m: (z_i * W_U_m + B_U_m, z_i * W_A_m - B_A_m),
        lambda z_i, W_U_m, B_U_m, W_A_m, B_A_m: (z_i * W_U_m, z_i * W_A_m + B_A_m),
    )
    assert spec["outputs"] == ["u_m_i", "a_m_i"]


def test_a_capital_letter_written_alone_elsewhere_stays_a_power():
    spec = oracle_spec(r"y = A^N \cdot x + N", {}, set()).spec
    assert "A" in spec["inputs"] and "N" in spec["inputs"] and "A_N" not in spec["inputs"]
    assert "^" in spec["definitions"][0]["rhs"]


def test_two_letters_are_not_a_word():
    spec = oracle_spec(r"y = x^{ab} + 1", {}, set()).spec
    assert "x_ab" not in spec["inputs"]


def test_a_decimal_without_its_zero_and_a_size_command():
    both_ways(
        r"\phi(x) = \begin{cases} 1.1x, & \text{if } x > 0\\ .1x, & \text{otherwise} \end{cases}",
        lambda x: np.where(x > 0, 1.1 * x, 0.1 * x),
        lambda x: np.where(x > 0, 1.1 * x, 1.0 * x),
        lambda x: np.where(x > 0, 0.1 * x, 1.1 * x),
    )
    both_ways(r"y = \mathlarger{x} + .5", lambda x: x + 0.5, lambda x: x - 0.5)
