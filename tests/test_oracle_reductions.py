"""Oracles for reductions over several indices (each index on its own axis), a summation index used as a
value (weights, powers, matrix powers), and sums beside matrices and vectors. Each oracle must accept a
hand-written right implementation (numpy, as an implementer would write it) and reject wrong ones (a sign
flip, a dropped term, a transposed or shifted index); each refusal names its reason."""

from __future__ import annotations

import numpy as np
import pytest
from oracle_proof import both_ways as _both_ways

from tools.trace.oracles import oracle_spec


def _refused(latex, words):
    result = oracle_spec(latex)
    assert not result.ok
    assert words in result.reason, result.reason


mpow = np.linalg.matrix_power


def test_double_sum_over_a_matrix_of_weights():
    spec = _both_ways(
        r"\mathcal{E} = \frac{1}{N} \sum_{i=1}^{N} \sum_{j=1}^{M} w_{ij} (x_i - c_j)^2",
        lambda w, x, c, N: np.sum(w * (x[:, None] - c[None, :]) ** 2) / N,
        lambda w, x, c, N: np.sum(w.T * (x[:, None] - c[None, :]) ** 2) / N,  # w transposed
        lambda w, x, c, N: np.sum(w * (x[:, None] + c[None, :]) ** 2) / N,
        lambda w, x, c, N: np.sum(w * (x[:, None] - c[None, :]) ** 2),
    )
    assert [a["index"] for a in spec["axes"]] == ["i", "j"]
    assert spec["inputs"] == ["N", "w", "x", "c"] and spec["lengths"] == ["N"]


def test_one_vector_on_two_axes_in_a_quadratic_form():
    _both_ways(
        r"Q = \sum_{i} \sum_{j} \alpha_i \alpha_j k_{i,j} + b",
        lambda alpha, k, b: alpha @ k @ alpha + b,
        lambda alpha, k, b: alpha @ k @ alpha - b,
        lambda alpha, k, b: np.sum(alpha * np.diag(k) * alpha) + b,  # the diagonal only
    )


def test_one_sum_over_two_indices_with_a_shared_range():
    _both_ways(
        r"R = \sum_{i,j=1}^{N} \alpha_i \alpha_j y_i y_j k_{ij} - \sum_{i=1}^{N} \alpha_i",
        lambda alpha, y, k: (alpha * y) @ k @ (alpha * y) - alpha.sum(),
        lambda alpha, y, k: (alpha * y) @ k @ (alpha * y) + alpha.sum(),
        lambda alpha, y, k: (alpha * y) @ k @ alpha - alpha.sum(),
    )
    _refused(r"R = \sum_{ij} k_{ij} + \sum_{i} a_i", "a set or a condition")


def test_loss_of_each_pair_is_one_value_per_pair():
    _both_ways(
        r"E = \sum_{i=1}^{N} \sum_{j=1}^{M} w_{ij} \ell(x_i, y_j) + \sum_{i} x_i",
        lambda w, ell_of_x_y, x: np.sum(w * ell_of_x_y) + x.sum(),
        lambda w, ell_of_x_y, x: np.sum(w * ell_of_x_y.T) + x.sum(),
        lambda w, ell_of_x_y, x: np.sum(w * ell_of_x_y) - x.sum(),
    )


def test_shifted_index_names_the_next_entry():
    spec = _both_ways(
        r"\mathcal{L}_{\text{TV}} = \frac{1}{T - 1} \sum_{t=1}^{T-1} |y_{t+1} - y_t|",
        lambda T, y: np.sum(np.abs(np.diff(y))) / (T - 1),
        lambda T, y: np.sum(np.abs(y[1:] - y[0])) / (T - 1),  # the first entry, not the previous one
        lambda T, y: np.sum(np.abs(y[2:] - y[:-2])) / (T - 1),  # two steps
    )
    assert spec["inputs"] == ["T", "y"] and spec["lengths"] == ["T"]


def test_shifted_uses_on_two_axes_share_the_entries():
    _both_ways(
        r"c = \sum_{i=1}^{N} \sum_{j=0}^{N-1} a_i a_{j+1} k_{ij} + \sum_{t=2}^{N} a_{t-1}",
        lambda a, k: a @ k @ a + a[:-1].sum(),
        lambda a, k: a @ k @ a + a[1:].sum(),
    )


def test_sums_from_different_bounds_name_entries_by_their_index():
    _both_ways(
        r"a = \sum_{i=1}^{N} i w_i + \sum_{j=0}^{N-1} j w_j",
        lambda w: np.arange(1, len(w)) @ w[1:] + np.arange(len(w) - 1) @ w[:-1],
        lambda w: np.arange(1, len(w)) @ w[:-1] + np.arange(len(w) - 1) @ w[:-1],
    )


def test_one_index_over_two_ranges_in_two_sums():
    spec = _both_ways(
        r"a = \sum_{t=1}^{T} t x_t + \frac{1}{T} \sum_{t=1}^{T-1} t w_t",
        lambda T, x, w: np.arange(1, len(x) + 1) @ x + np.arange(1, len(w) + 1) @ w / T,
        lambda T, x, w: np.arange(1, len(x) + 1) @ x + np.arange(1, len(w) + 1) @ w,
    )
    assert [len(a) for a in (spec["axes"])] == [6, 6] and spec["axes"][1]["index"] == "tq"


def test_sums_over_different_indices_side_by_side():
    _both_ways(
        r"J = \sum_{n=1}^{N} a_n^2 - \lambda \sum_{m=1}^{M} \log b_m",
        lambda a, b, lambda_: np.sum(a**2) - lambda_ * np.sum(np.log(b)),
        lambda a, b, lambda_: np.sum(a**2) + lambda_ * np.sum(np.log(b)),
        lambda a, b, lambda_: np.sum(a**2),
    )


def test_product_over_two_indices():
    _both_ways(
        r"P = \prod_{d=1}^{D} \prod_{k=1}^{K} (1 + \beta u_{dk})",
        lambda u, beta: np.prod(1 + beta * u),
        lambda u, beta: np.prod(1 - beta * u),
        lambda u, beta: np.prod(1 + beta * u, axis=0).sum(),
    )


def test_index_as_a_power_in_a_polynomial():
    spec = _both_ways(
        r"g_\theta(\lambda) = \sum_{k=0}^{K-1} \theta_k \lambda^k",
        lambda theta, lambda_: np.sum(theta * lambda_ ** np.arange(len(theta))),
        lambda theta, lambda_: np.sum(theta * lambda_ ** np.arange(1, len(theta) + 1)),  # from 1
        lambda theta, lambda_: -np.sum(theta * lambda_ ** np.arange(len(theta))),
    )
    assert spec["axes"][0]["lower"] == 0 and "K" not in spec["inputs"]


def test_index_as_a_weight_with_its_length_symbol():
    _both_ways(
        r"\bar{t} = \frac{1}{T} \sum_{t=1}^{T} t \, p_t",
        lambda T, p: np.sum(np.arange(1, len(p) + 1) * p) / T,
        lambda T, p: np.sum(np.arange(len(p)) * p) / T,  # counted from 0
    )


def test_index_as_a_matrix_power():
    _both_ways(
        r"\mathbf{S} = \sum_{j=0}^{K-1} c_j \mathbf{A}^j \mathbf{B}",
        lambda c, A, B: sum(c[j] * mpow(A, j) @ B for j in range(len(c))),
        lambda c, A, B: sum(c[j] * B @ mpow(A, j) for j in range(len(c))),  # order swapped
        lambda c, A, B: sum(c[j] * mpow(A, j + 1) @ B for j in range(len(c))),
    )


def test_scatter_matrix_from_indexed_vectors():
    spec = _both_ways(
        r"\hat{\mathbf{\Sigma}}_g = \frac{1}{L_g} \sum_{i=1}^{N} (\mathbf{x}_i - \boldsymbol{\mu})"
        r"(\mathbf{x}_i - \boldsymbol{\mu})^\top r_{g,i}",
        lambda L_g, x, mu, r_g: (x - mu).T @ np.diag(r_g) @ (x - mu) / L_g,
        lambda L_g, x, mu, r_g: (x + mu).T @ np.diag(r_g) @ (x + mu) / L_g,
        lambda L_g, x, mu, r_g: (x - mu).T @ (x - mu) / L_g,  # weights dropped
    )
    assert spec["column_vectors"] == ["mu", "x"]


def test_weighted_sum_of_matrices():
    _both_ways(
        r"\mathbf{y} = \sum_{j=1}^{R} \mathbf{\Theta}_j \mathbf{z}_j",
        lambda Theta, z: np.einsum("jab,jb->a", Theta, z),
        lambda Theta, z: np.einsum("jba,jb->a", Theta, z),  # each matrix transposed
    )


def test_weighted_loss_over_samples_and_outputs():
    _both_ways(
        r"\mathcal{L} = \frac{1}{N} \sum_{i=1}^{N} \sum_{k=1}^{K} \gamma_k (y_{ik} - \hat{y}_{ik})^2",
        lambda N, gamma, y, y_hat: np.sum(gamma[None, :] * (y - y_hat) ** 2) / N,
        lambda N, gamma, y, y_hat: np.sum(gamma[:, None] * (y - y_hat)[:, ::-1].T ** 2) / N,
        lambda N, gamma, y, y_hat: np.sum(gamma[None, :] * (y + y_hat) ** 2) / N,
    )


def test_bias_corrected_moving_average_with_the_length_as_exponent():
    def right(t, gamma, g):
        s = np.arange(1, len(g) + 1)
        return np.sum(gamma ** (t - s) * g) / (1 - gamma**t)

    _both_ways(
        r"\hat{m}_t = \frac{1}{1 - \gamma^t} \sum_{s=1}^{t} \gamma^{t-s} g_s",
        right,
        lambda t, gamma, g: np.sum(gamma ** np.arange(len(g)) * g) / (1 - gamma**t),  # reversed weights
        lambda t, gamma, g: np.sum(gamma ** (t - np.arange(1, len(g) + 1)) * g),
    )


def test_one_vector_on_two_axes_in_a_softmax_product():
    def right(s):
        return np.prod(np.exp(s) / np.sum(np.exp(s)))

    _both_ways(
        r"p = \prod_{t=1}^{T} \frac{\exp(s_t)}{\sum_{k} \exp(s_k)}",
        right,
        lambda s: np.prod(np.exp(s) / np.sum(np.exp(s))) * np.sum(np.exp(s)),  # no normaliser
        lambda s: np.sum(np.exp(s) / np.sum(np.exp(s))),
    )


def test_matrix_times_a_sum_of_indexed_vectors():
    _both_ways(
        r"\mathbf{y} = \sum_i \mathbf{A} \mathbf{x}_i - \mathbf{b}",
        lambda A, x, b: A @ x.sum(0) - b,
        lambda A, x, b: A.T @ x.sum(0) - b,
        lambda A, x, b: A @ x.sum(0) + b,
        lambda A, x, b: A @ x.sum(1) - b,
    )


def test_gradient_of_each_term_is_one_value_per_term():
    spec = _both_ways(
        r"g = \frac{1}{N} \sum_{i=1}^{N} \nabla_\theta \ell_i \, x_i",
        lambda N, grad_theta_ell, x: np.sum(grad_theta_ell * x) / N,
        lambda N, grad_theta_ell, x: np.mean(grad_theta_ell) * np.sum(x) / N,
    )
    assert spec["vectors"] == ["grad_theta_ell", "x"]
    _both_ways(
        r"\mathbf{G} = \sum_{i=0}^{K-1} \nabla \ell_i \mathbf{B}^\top (\mathbf{A}^i)^\top",
        lambda grad_ell, B, A: sum(grad_ell[i] * B.T @ mpow(A, i).T for i in range(len(grad_ell))),
        lambda grad_ell, B, A: sum(grad_ell[i] * B.T @ mpow(A, i) for i in range(len(grad_ell))),
    )


@pytest.mark.parametrize(
    ("latex", "words"),
    [
        (r"L = \sum_{j=0}^{k-1} w_{k-1-j} x_j", "shifts or combines"),
        (r"L = \sum_{t} (x_{t+1} - x_t)^2", "where its entries lie is unknown"),
        (r"L = \sum_{i=1}^{N} \sum_{j=1}^{N} x_{ii} w_j", "repeats an index"),
        (r"a = \sum_{i=1}^{N} \sum_{r=0}^{i-1} x_r w_i", "triangular"),
        (r"a = \sum_{t=1}^{T} \left(\sum_{t=1}^{T-1} w_t\right) x_t", "nothing written with that index"),
        (r"a = \sum_{t=1}^{T} x_t + \sum_{t=1}^{T-1} w_t + t", "outside a sum"),
        (r"a = \sum_{i} i x_i", "no lower bound"),
        (r"L = \sum_{i=1}^{N} \sum_{t=1}^{T} (y^i_t - m_t)^2", "a power or an index written on top"),
        (r"L = \sum_{t=1}^{T} h^{t-1} w_t", "a power or an index written on top"),
        (r"a = \sum_{i=1}^{N} i w_i + \sum_{j=0}^{N-1} j w_j + \sum_k w_k", "where its entries lie"),
        (r"E = \sum_{i,j} w_{ij} \ell(x_{ij}, y)", "cannot lay out"),
        (r"E = \sum_{i,j} w_{ij} \ell_k(x_i, y_j)", "cannot lay out"),
        (r"E = \mathbb{E}[\sum_{i,j} w_{ij} z]", "an expectation"),
        (r"E = \sum_{i,j} \|x_i - y_j\|^2 + \sum_{i} x_i", "inside a norm and outside one"),
        (r"\mathbf{G} = \sum_{i=0}^{K-1} \nabla \ell_i (\mathbf{A}^\top)^i \mathbf{C}", "the gradient at"),
        (r"g = \sum_{i=1}^{N} \nabla f(x_i) \, w_i", "a summation index in the parentheses"),
        (r"a = \sum_{i=1}^{N} \sum_{j=1}^{M} x_i w_{ij} + x", "with and without its index"),
        (r"y_i = \sum_j w_{ij} x_{i+1}", "two indices: a matrix"),  # a free index shifted
        (r"a = \sum_{j=1}^{M} \sum_{k=1}^{K} w_j v_k + j", "used outside"),
    ],
)
def test_reductions_the_oracle_cannot_lay_out_are_refused(latex, words):
    _refused(latex, words)


def test_a_sum_over_a_set_named_on_its_own_runs_over_all_its_elements():
    # \sum_{b \in \mathcal{A}}: b runs over the whole set, as \sum_b; a set tied to another variable: refused
    _both_ways(
        r"q = r + \gamma \frac{\sum_{b \in \mathcal{A}} Q_b w_b}{\sum_{b \in \mathcal{A}} w_b}",
        lambda r, gamma, Q, w: r + gamma * np.sum(Q * w, axis=-1) / np.sum(w, axis=-1),
        lambda r, gamma, Q, w: r - gamma * np.sum(Q * w, axis=-1) / np.sum(w, axis=-1),
        lambda r, gamma, Q, w: r + gamma * np.sum(Q * w, axis=-1),
    )
    _both_ways(
        r"H = -\sum_{w \in \text{vocab}} p_w \log p_w",
        lambda p: -np.sum(p * np.log(p), axis=-1),
        lambda p: np.sum(p * np.log(p), axis=-1),
    )
    _both_ways(  # [K] is 1, ..., K: all of k's axis
        r"L = \sum_{k \in [K]} w_k (y_k - t_k)^2",
        lambda w, y, t: np.sum(w * (y - t) ** 2, axis=-1),
        lambda w, y, t: np.sum(w * (y + t) ** 2, axis=-1),
        lambda w, y, t: np.sum((y - t) ** 2, axis=-1),
    )
    _refused(r"y_n = \sum_{m \in c_n} x_m a_m", "a sum over a set")
    _refused(r"y = \sum_{j \in \mathcal{N}(i)} w_j x_j", "a sum over a set")


def _off_diagonal(n):
    return ~np.eye(n, dtype=bool)


def test_a_sum_that_leaves_out_the_outer_index_keeps_the_other_terms():
    # \sum_{j \neq i} inside a sum over i: the runtime masks j = i; an implementation that keeps it fails
    _both_ways(
        r"L = \sum_{i=1}^{N} \sum_{j=1, j \neq i}^{N} w_{ij} (x_i - x_j)^2",
        lambda w, x: np.sum(w * (x[:, None] - x[None, :]) ** 2 * _off_diagonal(len(x))),
        lambda w, x: np.sum(w * (x[:, None] + x[None, :]) ** 2 * _off_diagonal(len(x))),
        lambda w, x: np.sum(w * (x[:, None] + x[None, :]) ** 2),
    )
    spec = _both_ways(
        r"S = \sum_{i} a_i \sum_{j \neq i} b_j",
        lambda a, b: np.sum(a) * np.sum(b) - np.sum(a * b),
        lambda a, b: np.sum(a) * np.sum(b),  # the condition dropped
    )
    assert spec["masks"] == {"zzAXj": [["ne", "zzAXi"]]}


def test_ordered_pairs_and_products_over_a_condition():
    _both_ways(
        r"E = -\sum_{i} \sum_{j < i} J_{ij} s_i s_j",
        lambda J, s: -np.sum(np.tril(J, -1) * s[:, None] * s[None, :]),
        lambda J, s: -np.sum(np.triu(J, 1) * s[:, None] * s[None, :]),
        lambda J, s: -np.sum(np.tril(J) * s[:, None] * s[None, :]),
    )
    _both_ways(
        r"V = \prod_{i} \prod_{j \neq i} (x_i - x_j)",
        lambda x: np.prod(np.where(_off_diagonal(len(x)), x[:, None] - x[None, :], 1.0)),
        lambda x: np.prod(np.where(_off_diagonal(len(x)), x[:, None] + x[None, :], 1.0)),
    )


@pytest.mark.parametrize(
    ("latex", "words"),
    [
        (r"L = \sum_{j=1, j\neq i}^{N} x_j", "no enclosing sum"),  # a given i: read without it, wrong
        (r"L = \sum_{i} \sum_{j \neq k} w_{ij} x_j", "no enclosing sum"),
        (r"L = \sum_{i=1}^{N} \sum_{j=1, j \neq i}^{M} w_{ij} x_j", "different ranges"),
        (r"L = \sum_{i} \sum_{j=1, j \neq i, j \neq 2} w_{ij}", "a set or a condition"),
        (r"L = \sum_{i} \sum_{j: i + j = n} w_{ij}", "a set or a condition"),
    ],
)
def test_conditions_the_oracle_cannot_honour_are_refused(latex, words):
    _refused(latex, words)


def test_an_index_the_target_keeps_is_one_output_per_entry():
    # y_i = \sum_j w_{ij} x_j: the output is the vector y, one entry per i (a matrix-vector product)
    spec = _both_ways(
        r"y_i = \sum_{j=1}^{N} w_{ij} x_j + b_i",
        lambda w, x, b: w @ x + b,
        lambda w, x, b: w.T @ x + b,  # transposed
        lambda w, x, b: w @ x - b,
    )
    assert spec["outputs"] == ["y"] and spec["free"] == ["zzAXi"]
    _both_ways(
        r"h_i = \sum_{j \neq i} a_{ij} x_j",
        lambda a, x: (a * ~np.eye(len(x), dtype=bool)) @ x,
        lambda a, x: a @ x,  # the condition dropped
    )
    _both_ways(
        r"c_{ij} = \sum_{k} a_{ik} b_{kj}",
        lambda a, b: a @ b,
        lambda a, b: b @ a,
    )
    # one output per i added to a sum without i: the same number in every entry
    _both_ways(
        r"a_i = \sum_{j=1}^{M} w_{ij} x_j + \sum_{k=1}^{K} v_k",
        lambda w, x, v: w @ x + np.sum(v),
        lambda w, x, v: w @ x - np.sum(v),
    )


def test_a_norm_of_entries_over_several_axes_agrees_with_vector_and_number_readings():
    """`||y_{j,t} - z_{j,t}||` on the axis layout: each entry gets one more axis, of length 1, so an
    implementation that takes the norm over the last axis and one that reads entries as numbers both pass."""
    loss = r"J = \frac{1}{qm}\sum_{j=0}^{q-1}\sum_{t=0}^{m-1} "
    loss += r"\left\lVert \hat{y}_{j,t} - {{\bm{y}}}_{j,t} \right\rVert^2"
    spec = _both_ways(
        loss,
        lambda q, m, y_hat, y: np.sum(np.linalg.norm(y_hat - y, axis=-1) ** 2) / (q * m),
        lambda q, m, y_hat, y: np.sum(np.linalg.norm(y_hat + y, axis=-1) ** 2) / (q * m),
        lambda q, m, y_hat, y: np.sum(np.linalg.norm(y_hat - y, axis=-1) ** 2) / q,
    )
    assert spec["entry_vectors"] == ["y", "y_hat"]
    _both_ways(loss, lambda q, m, y_hat, y: np.sum((y_hat - y) ** 2) / (q * m))
    _both_ways(
        r"E = \sum_{i,j} \|x_i - y_j\|_1",
        lambda x, y: np.abs(x[:, None, :] - y[None, :, :]).sum(),
        lambda x, y: np.abs(x[:, None, :] + y[None, :, :]).sum(),
    )


def test_a_series_written_with_an_ellipsis_is_the_sum_it_stands_for():
    """`1 + a_1 q^{-1} + \\dots + a_{n} q^{-n}`: the first and last terms give the general one; a number on
    top in the first term makes the index a power."""

    def poly(q, a, sign=-1.0):
        return 1 + np.sum(a * q ** (sign * np.arange(1, a.shape[-1] + 1)), axis=-1)

    _both_ways(
        r"A(q) = 1 + a_1 q^{-1} + \dots + a_{n_a} q^{-n_a}",
        poly,
        lambda q, a: poly(q, a, sign=1.0),
        lambda q, a: poly(q, a) - 1,
    )
    _both_ways(r"y = c - w_1 - \dots - w_N", lambda c, w: c - w.sum(-1), lambda c, w: c + w.sum(-1))
    _both_ways(  # the first term keeps its own sign
        r"y = c + v_1 - w_2 - \dots - w_N",
        lambda c, v_1, w: c + v_1 - w.sum(-1),
        lambda c, v_1, w: c - v_1 - w.sum(-1),
    )
    _both_ways(
        r"m = \frac{x_1 + x_2 + \cdots + x_n}{n}",
        lambda x, n: x.sum(-1) / n,
        lambda x, n: x.sum(-1),
    )


@pytest.mark.parametrize(
    "latex",
    [
        r"y = x_1 + \dots + z_n",  # the last term is another symbol
        r"y = x_1 + \dots + x_1",  # no bound
        r"y = a_1 b_2 + \dots + a_n b_n",  # two different first values
        r"y = c + w_2 - \dots - w_N",  # w_2 added, the rest subtracted: no sum of one sign
    ],
)
def test_an_ellipsis_between_terms_that_do_not_match_stays_refused(latex):
    _refused(latex, "an ellipsis")


def test_a_calligraphic_letter_with_an_index_is_a_quantity():
    _both_ways(
        r"Z = \frac{1}{M} \sum_{i=1}^{M} (\mathcal{H}_i - c)",
        lambda M, H_cal, c: np.sum(H_cal - c) / M,
        lambda M, H_cal, c: np.sum(H_cal + c) / M,
        lambda M, H_cal, c: np.sum(H_cal) / M,
    )
    _both_ways(
        r"\mathcal{Y}_{u,i} = \mathcal{O}_{u,i} \cdot \mathcal{R}_{u,i} + b",
        lambda O_cal_u_i, R_cal_u_i, b: O_cal_u_i * R_cal_u_i + b,
        lambda O_cal_u_i, R_cal_u_i, b: O_cal_u_i * R_cal_u_i - b,
        lambda O_cal_u_i, R_cal_u_i, b: O_cal_u_i * R_cal_u_i,
    )
    _refused(r"a_i = \frac{1}{|\mathcal{N}_i|} \sum_j w_{ij}", "mathcal")  # bars: a set's size
    _refused(r"V_i = \mathcal{T}_\mu V_{i+1}", "applied to what follows it")  # an operator


def test_a_sum_over_a_set_labelled_by_a_capital_or_a_word_runs_over_all_of_it():
    _both_ways(
        r"\mathcal{L} = -\sum_{l \in \mathcal{Y}_L} \sum_{f=1}^{F} Y_{lf} \ln Z_{lf}",
        lambda Y, Z: -np.sum(Y * np.log(Z)),
        lambda Y, Z: np.sum(Y * np.log(Z)),
        lambda Y, Z: -np.sum(Y * Z),
    )
    _refused(r"L = \sum_{x \in X_g} \sum_{k=1}^{K} w_{xk}", "a sum over a set")  # g may be an index


def test_a_decorated_calligraphic_letter_on_the_left_names_the_quantity_defined():
    spec = _both_ways(
        r"\hat{\mathcal{R}}_v(\ell) = \frac{1}{n} \sum_{i=1}^{n} \ell_i",
        lambda n, ell: np.sum(ell) / n,
        lambda n, ell: np.sum(ell),
        lambda n, ell: -np.sum(ell) / n,
    )
    assert spec["inputs"] == ["n", "ell"]
    _refused(r"y = \hat{\mathcal{R}} + 1", "mathcal")  # on the right: a set or a law as much as a number


def test_a_primed_summation_index_is_an_index_like_any_other():
    """A softmax's normaliser sums over k' (a fresh letter for the same range), over `[K]` too."""
    _both_ways(
        r"y_k = \frac{\exp(x_k)}{\sum_{k'=1}^{K} \exp(x_{k'})}",
        lambda x: np.exp(x) / np.exp(x).sum(),
        lambda x: np.exp(x),  # the normaliser dropped
        lambda x: np.exp(-x) / np.exp(-x).sum(),  # a sign flip
    )
    _both_ways(
        r"q_k = \frac{p_k^2}{\sum_{k' \in [K]} p_{k'}^2}",
        lambda p: p**2 / (p**2).sum(),
        lambda p: p**2 / p.sum(),  # the square dropped below
    )
    spec = _both_ways(
        r"y = x' + \sum_{i=1}^{N} x_i", lambda x_prime, x: x_prime + x.sum(), lambda x_prime, x: x.sum()
    )
    assert "x_prime" in spec["inputs"]  # a primed letter that is no sum's index keeps its meaning
