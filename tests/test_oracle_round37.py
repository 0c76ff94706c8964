"""Oracles of the thirty-seventh round: a letter on top of a vector is its layer or step, never a power (a
vector has no power of a letter), and so is that letter on top of a matrix in the same line."""

from __future__ import annotations

import numpy as np
from oracle_proof import both_ways

from tools.trace.oracles import oracle_spec


def test_a_layer_on_top_of_a_vector_and_its_matrix_names_them():
    spec = both_ways(
        r"\mathbf{h}^{l+1} = \mathrm{ReLU}(\mathbf{W}^{l} \mathbf{h}^{l} + \mathbf{b}^{l})",
        lambda W_l, h_l, b_l: np.maximum(W_l @ h_l + b_l, 0),
        lambda W_l, h_l, b_l: np.maximum(W_l.T @ h_l + b_l, 0),  # the matrix transposed
        lambda W_l, h_l, b_l: np.maximum(W_l @ h_l - b_l, 0),
    )
    assert spec["inputs"] == ["W_l", "h_l", "b_l"] and spec["outputs"] == ["h_l_plus_1"]


def test_a_recurrent_step_reads_the_previous_state_as_an_input():
    spec = both_ways(
        r"{\bm{a}}^{t} = \tanh ( {\bm{W}}_{a} {\bm{a}}^{t-1} + {\bm{W}}_{x} {\bm{x}}^{t} + {\bm{b}}_{a} )",
        lambda W_a, a_t_minus_1, W_x, x_t, b_a: np.tanh(W_a @ a_t_minus_1 + W_x @ x_t + b_a),
        lambda W_a, a_t_minus_1, W_x, x_t, b_a: np.tanh(W_a @ a_t_minus_1 + W_x @ x_t),
    )
    assert "a_t_minus_1" in spec["inputs"]


def test_a_matrix_raised_to_a_letter_no_vector_carries_stays_refused():
    assert not oracle_spec(r"\mathbf{y} = \mathbf{A}^{k} \mathbf{x}").ok  # a power, or the k-th matrix?
    assert not oracle_spec(r"\mathbf{x}^{n} = \mathbf{A}^{n} \mathbf{x}^{0}").ok


def test_activations_spelled_with_a_capital_in_italics_are_functions():
    spec = both_ways(
        r"y = Sigmoid(w x + b) + Tanh(x)",
        lambda w, x, b: 1 / (1 + np.exp(-(w * x + b))) + np.tanh(x),
        lambda w, x, b: 1 / (1 + np.exp(w * x + b)) + np.tanh(x),
        lambda w, x, b: 1 / (1 + np.exp(-(w * x + b))),
    )
    assert spec["inputs"] == ["w", "x", "b"]
    assert not oracle_spec(r"y = Sigmoidal + x").ok  # a word in italics that names no function


def test_an_activation_applied_to_an_inner_product_is_a_function_given():
    spec = both_ways(
        r"y = \sigma(\mathbf{w}^\top \mathbf{x})",
        lambda sigma, w, x: sigma(w @ x),
        lambda sigma, w, x: sigma(-(w @ x)),
        lambda sigma, w, x: sigma(w @ x) + 1,
    )
    assert spec["inputs"] == ["sigma", "w", "x"]
    assert not oracle_spec(r"y = \lambda(x^T y)").ok  # no activation's name: a value times a bracket?


def test_a_sum_opening_a_bracket_runs_to_its_end_when_later_terms_use_its_index():
    latex = r"F = - \left(\sum_{k=1}^K x_k \log p_k + \left(1 - x_k\right)\log\left(1 - p_k\right)\right)"
    both_ways(
        latex,
        lambda x, p: -np.sum(x * np.log(p) + (1 - x) * np.log(1 - p), -1),
        lambda x, p: -np.sum(x * np.log(p), -1) - (1 - x[..., -1]) * np.log(1 - p[..., -1]),  # sum stops at +
        lambda x, p: -np.sum(x * np.log(p) - (1 - x) * np.log(1 - p), -1),
    )
    both_ways(  # a later term without the index stays outside the sum
        r"s = \left(\sum_{i=1}^N w_i + c\right)",
        lambda w, c: np.sum(w, -1) + c,
        lambda w, c: np.sum(w + c[..., None], -1),
    )
