"""Oracles for the constructs of ML papers beyond scalar algebra: matrix and vector products, transposes,
inverses and norms; expectations; indicators; definitions written with \\stackrel{def}{=}; subscripts on
braced or decorated symbols. Each oracle must accept a hand-written right implementation (numpy, as an
implementer would write it) and reject a sign flip and a dropped term; each refusal names its reason."""

from __future__ import annotations

import numpy as np
import pytest
from oracle_proof import both_ways as _both_ways

from tools.trace.oracles import load_runtime, oracle_spec

inv = np.linalg.inv


def test_recurrent_cell_with_weight_matrices():
    spec = _both_ways(
        r"\mathbf{h}_t = \tanh\left(\mathbf{W}_{xh} \mathbf{x}_t + \mathbf{W}_{hh} \mathbf{h}_{t-1} "
        r"+ \mathbf{b}\right)",
        lambda W_xh, x_t, W_hh, h_t_minus_1, b: np.tanh(W_xh @ x_t + W_hh @ h_t_minus_1 + b),
        lambda W_xh, x_t, W_hh, h_t_minus_1, b: np.tanh(W_xh @ x_t - W_hh @ h_t_minus_1 + b),
        lambda W_xh, x_t, W_hh, h_t_minus_1, b: np.tanh(W_xh @ x_t + b),
        lambda W_xh, x_t, W_hh, h_t_minus_1, b: np.tanh(W_xh * x_t + W_hh * h_t_minus_1 + b),  # elementwise
    )
    assert spec["matrices"] == ["W_hh", "W_xh"] and spec["column_vectors"] == ["b", "h_t_minus_1", "x_t"]


def test_product_order_is_the_papers():
    _both_ways(
        r"\mathbf{z} = \frac{1}{2} \mathbf{B} \mathbf{A} \mathbf{v}",
        lambda B, A, v: 0.5 * B @ A @ v,
        lambda B, A, v: 0.5 * A @ B @ v,  # the factors swapped: matrices do not commute
        lambda B, A, v: -0.5 * B @ A @ v,
        lambda B, A, v: 0.5 * B @ v,
    )


def test_quadratic_form_with_transpose_and_inverse():
    _both_ways(
        r"m(\mathbf{u}) := (\mathbf{u} - \boldsymbol{\nu})^{\top} \mathbf{K}^{-1} "
        r"(\mathbf{u} - \boldsymbol{\nu})",
        lambda u, nu, K: (u - nu) @ inv(K) @ (u - nu),
        lambda u, nu, K: (u + nu) @ inv(K) @ (u - nu),
        lambda u, nu, K: u @ inv(K) @ u,
        lambda u, nu, K: (u - nu) @ K @ (u - nu),  # no inverse
    )


def test_outer_product_and_dot_product_from_transposes():
    _both_ways(r"\mathbf{S} = \mathbf{g}\mathbf{g}^\top", lambda g: np.outer(g, g), lambda g: -np.outer(g, g))
    _both_ways(r"c = p^{\mathsf{T}} q + r", lambda p, q, r: p @ q + r, lambda p, q, r: p @ q - r)


def test_ridge_objective_with_frobenius_norm():
    _both_ways(
        r"\ell = \|\mathbf{M}\mathbf{a} - \mathbf{y}\|^2 + \rho \|\mathbf{M}\|_F^2",
        lambda M, a, y, rho: np.sum((M @ a - y) ** 2) + rho * np.sum(M * M),
        lambda M, a, y, rho: np.sum((M @ a - y) ** 2) - rho * np.sum(M * M),
        lambda M, a, y, rho: np.sum((M @ a - y) ** 2),
    )


def test_state_space_model_two_definitions_and_a_range():
    _both_ways(
        r"\mathbf{s}_{k+1} = \mathbf{F}\mathbf{s}_k + \mathbf{G} u_k, "
        r"\quad \mathbf{o}_k = \mathbf{H}\mathbf{s}_k, \quad k = 0, 1, \dots",
        lambda F, s_k, G, u_k, H: (F @ s_k + G @ u_k, H @ s_k),
        lambda F, s_k, G, u_k, H: (F @ s_k - G @ u_k, H @ s_k),
        lambda F, s_k, G, u_k, H: (F @ s_k, H @ s_k),
    )


def test_expectation_is_a_mean_over_the_sample_axis():
    spec = _both_ways(
        r"\mathcal{J}(\phi) = \mathbb{E}_{z \sim q_\phi}\big[ \log(1 + z) - \kappa z \big] + \beta \phi^2",
        lambda z, kappa, beta, phi: np.mean(np.log(1 + z) - kappa * z, axis=0) + beta * phi**2,
        lambda z, kappa, beta, phi: np.mean(np.log(1 + z) + kappa * z, axis=0) + beta * phi**2,
        lambda z, kappa, beta, phi: np.mean(np.log(1 + z), axis=0) + beta * phi**2,
        lambda z, kappa, beta, phi: np.log(1 + z) - kappa * z + beta * phi**2,  # no mean
    )
    assert spec["sampled"] == ["kappa", "z"]


def test_expected_squared_error_of_a_denoiser():
    _both_ways(
        r"\mathcal{L} = \mathbb{E}_{\mathbf{n}, \tau}"
        r"\left[ \| \mathbf{n} - \hat{\mathbf{n}}_{\psi} \|^2 \right]",
        lambda n, n_hat_psi: np.mean(np.sum((n - n_hat_psi) ** 2, axis=-1), axis=0),
        lambda n, n_hat_psi: np.mean(np.sum((n + n_hat_psi) ** 2, axis=-1), axis=0),
        lambda n, n_hat_psi: np.mean(np.sum(n**2, axis=-1), axis=0),
    )


def test_several_expectations_of_the_same_samples():
    spec = _both_ways(
        r"c = \mathbb{E}[X Y] - \mathbb{E}[X]\mathbb{E}[Y]",
        lambda X, Y: np.mean(X * Y, axis=0) - np.mean(X, axis=0) * np.mean(Y, axis=0),
        lambda X, Y: np.mean(X * Y, axis=0) + np.mean(X, axis=0) * np.mean(Y, axis=0),
        lambda X, Y: np.mean(X * Y, axis=0),
    )
    assert spec["sampled"] == ["X", "Y"]


def test_indicator_of_a_comparison():
    _both_ways(
        r"g = \mathbb{1}[u > v] \, w + \gamma",
        lambda u, v, w, gamma: (u > v) * w + gamma,
        lambda u, v, w, gamma: (u < v) * w + gamma,
        lambda u, v, w, gamma: w + gamma,
    )


def test_definitions_written_with_stackrel_and_braced_subscripts():
    _both_ways(
        r"r_k \stackrel{\text{def}}{=} {\boldsymbol{a}}_k - \hat{b_k}",
        lambda a_k, b_hat_k: a_k - b_hat_k,
        lambda a_k, b_hat_k: a_k + b_hat_k,
    )
    _both_ways(
        r"\bar{m} = \frac{1}{K} \sum^{K}_{k=1} {\mathbf{q}}_k",
        lambda K, q: np.sum(q, axis=-1) / K,
        lambda K, q: -np.sum(q, axis=-1) / K,
    )


def test_rows_of_an_aligned_block_are_definitions_and_continued_rows_a_chain():
    _both_ways(
        r"\begin{aligned} p_j &= c_j + d \\ q_j &= c_j d \end{aligned}",
        lambda c_j, d: (c_j + d, c_j * d),
        lambda c_j, d: (c_j - d, c_j * d),
        lambda c_j, d: (c_j, c_j * d),
    )
    spec = _both_ways(
        r"e &= (u - v)^2 \\ &= u^2 - 2uv + v^2",
        lambda u, v: (u - v) ** 2,
        lambda u, v: (u + v) ** 2,
        lambda u, v: u**2 + v**2,
    )
    assert spec["definitions"][0]["links"]
    spec = _both_ways(  # a comma closes the first row, and the chain goes on after it
        r"\begin{aligned} e &= \frac{u w}{v}, \\ &= u \frac{w}{v}. \end{aligned}",
        lambda u, w, v: u * w / v,
        lambda u, w, v: u * w * v,
        lambda u, w, v: u / v,
    )
    assert spec["definitions"][0]["links"]


def test_indices_in_subscript_lists_marks_and_late_subscripts():
    _both_ways(  # l_{c,n}: one part is the sum's index
        r"N_c = \sum_{n=1}^{M} r_{c,n} \, y_n^2",
        lambda r_c, y: np.sum(r_c * y**2, axis=-1),
        lambda r_c, y: -np.sum(r_c * y**2, axis=-1),
        lambda r_c, y: np.sum(r_c, axis=-1),
    )
    _both_ways(  # ^{[b]}: a mark carrying the index of the sum
        r"S = \sum_{b=1}^{B} \tilde{S}^{[b]} + \eta",
        lambda S_tilde, eta: np.sum(S_tilde, axis=-1) + eta,
        lambda S_tilde, eta: np.sum(S_tilde, axis=-1) - eta,
        lambda S_tilde, eta: eta,
    )
    _both_ways(  # x^2_2 is x_2^2
        r"n = \sqrt{\|\mathbf{v}\|^2_2 + \epsilon}",
        lambda v, epsilon: np.sqrt(np.sum(v**2) + epsilon),
        lambda v, epsilon: np.sqrt(np.sum(v**2) - epsilon),
        lambda v, epsilon: np.sqrt(np.sum(v**2)),
    )


def test_softmax_over_the_last_axis():
    def softmax(x):
        e = np.exp(x)
        return e / e.sum(axis=-1, keepdims=True)

    _both_ways(
        r"\boldsymbol{\pi} = \operatorname{softmax}(\mathbf{z} / \tau) + \epsilon",
        lambda z, tau, epsilon: softmax(z / tau) + epsilon,
        lambda z, tau, epsilon: softmax(-z / tau) + epsilon,
        lambda z, tau, epsilon: softmax(z) + epsilon,
        lambda z, tau, epsilon: np.exp(z / tau) + epsilon,  # not normalised
    )


def test_soft_threshold_needs_signed_inputs_to_be_proved():
    """sgn(b) is 1 on positive inputs, so dropping it goes unnoticed there: the oracle draws signed ones."""
    spec = _both_ways(
        r"s_\lambda(b) = \mathrm{sgn}(b) \max(|b| - \lambda, 0)",
        lambda b, lambda_: np.sign(b) * np.maximum(np.abs(b) - lambda_, 0),
        lambda b, lambda_: np.maximum(np.abs(b) - lambda_, 0),
    )
    assert spec["range"] == [-0.9, 0.9]


def test_a_left_hand_side_that_is_an_expression_names_the_output():
    spec = _both_ways(
        r"\log p(\mathbf{z}) = \log q - (n - 1) \log\left(\frac{\sinh u}{u}\right)",
        lambda q, n, u: np.log(q) - (n - 1) * np.log(np.sinh(u) / u),
        lambda q, n, u: np.log(q) + (n - 1) * np.log(np.sinh(u) / u),
        lambda q, n, u: np.log(q),
    )
    assert spec["outputs"] == ["log_p_z"]
    spec = _both_ways(
        r"\left|\det J\right| = \prod_{i=1}^{d} s_i",
        lambda s: np.prod(s, axis=-1),
        lambda s: -np.prod(s, axis=-1),
    )
    assert spec["outputs"] == ["abs_det_J"]


def test_a_left_hand_side_of_plain_algebra_is_a_link_of_the_chain():
    spec = _both_ways(
        r"\frac{1}{a b} - \frac{1}{c} = \frac{c - a b}{a b c}",
        lambda a, b, c: (c - a * b) / (a * b * c),
        lambda a, b, c: (c + a * b) / (a * b * c),
    )
    assert len(spec["definitions"][0]["links"]) == 1


def test_functions_defined_on_a_line_and_not_called_there_are_outputs():
    spec = _both_ways(
        r"\begin{aligned} g(x) &= \mu m_{t-1} + \eta_t x \\ g'(x) &= \eta_t \end{aligned}",
        lambda mu, m_t_minus_1, eta_t, x: (mu * m_t_minus_1 + eta_t * x, eta_t),
        lambda mu, m_t_minus_1, eta_t, x: (mu * m_t_minus_1 - eta_t * x, eta_t),
        lambda mu, m_t_minus_1, eta_t, x: (mu * m_t_minus_1 + eta_t * x, -eta_t),
    )
    assert spec["outputs"] == ["g", "g_prime"]
    # one called on the line stays a helper
    spec = _both_ways(r"f(t) = t^2, \quad y = f(a) + b", lambda a, b: a**2 + b, lambda a, b: a**2 - b)
    assert spec["outputs"] == ["y"]


def test_a_function_of_several_arguments_the_paper_never_defines_is_given_as_its_value():
    spec = _both_ways(
        r"R({d}, \mathbf{x}, \mathbf{y}) = \ell({d}, \mathbf{x}, \mathbf{y}) + {\lambda} K - d(a, b)",
        lambda ell_of_d_x_y, lambda_, K, d_of_a_b: ell_of_d_x_y + lambda_ * K - d_of_a_b,
        lambda ell_of_d_x_y, lambda_, K, d_of_a_b: ell_of_d_x_y + lambda_ * K + d_of_a_b,
        lambda ell_of_d_x_y, lambda_, K, d_of_a_b: lambda_ * K - d_of_a_b,
    )
    assert spec["inputs"] == ["ell_of_d_x_y", "lambda_", "K", "d_of_a_b"]
    # the same function at other arguments is another value
    assert oracle_spec(r"y = d(a, b) - d(b, a)").spec["inputs"] == ["d_of_a_b", "d_of_b_a"]


def test_an_update_rule_returns_the_new_value():
    spec = _both_ways(
        r"m := m + v d, \, v := v - v^2 d",
        lambda m, v, d: (m + v * d, v - v**2 * d),
        lambda m, v, d: (m - v * d, v - v**2 * d),
        lambda m, v, d: (m + v * d, v),
    )
    assert spec["outputs"] == ["m_new", "v_new"] and spec["inputs"] == ["m", "v", "d"]
    spec = _both_ways(
        r"\theta_{t} = \theta_{t} - \eta g_t",
        lambda theta_t, eta, g_t: theta_t - eta * g_t,
        lambda theta_t, eta, g_t: theta_t + eta * g_t,
    )
    assert spec["outputs"] == ["theta_t_new"]


def test_lower_and_upper_bounds_written_under_and_over_lines():
    _both_ways(
        r"\dot{\underline{x}} = \underline{A} \cdot \underline{x} - \overline{A} \cdot \overline{x} "
        r"+ B \cdot u",
        lambda A_under, x_under, A_bar, x_bar, B, u: A_under * x_under - A_bar * x_bar + B * u,
        lambda A_under, x_under, A_bar, x_bar, B, u: A_under * x_under + A_bar * x_bar + B * u,
        lambda A_under, x_under, A_bar, x_bar, B, u: A_under * x_under + B * u,
    )


def test_functions_the_paper_never_defines_are_callables_given_to_both():
    spec = _both_ways(
        r"y_{d+1:D} = x_{d+1:D} \odot \exp(s(x_{1:d})) + t(x_{1:d})",
        lambda x_d_plus_1D, x_1d, s, t: x_d_plus_1D * np.exp(s(x_1d)) + t(x_1d),
        lambda x_d_plus_1D, x_1d, s, t: x_d_plus_1D * np.exp(s(x_1d)) - t(x_1d),
        lambda x_d_plus_1D, x_1d, s, t: x_d_plus_1D * np.exp(s(x_1d)),
        lambda x_d_plus_1D, x_1d, s, t: x_d_plus_1D * np.exp(t(x_1d)) + s(x_1d),  # s and t swapped
        lambda x_d_plus_1D, x_1d, s, t: x_d_plus_1D * np.exp(x_1d) + t(x_1d),  # s left out
        callables={"s", "t"},
    )
    assert spec["callables"] == {"zfs": "s", "zft": "t"}
    refused = oracle_spec(r"y = \nabla_\theta s(x) + s(z)", callables={"s"})
    assert not refused.ok and "the gradient of s" in refused.reason
    assert spec["inputs"] == ["x_d_plus_1D", "s", "x_1d", "t"]
    _both_ways(
        r"r_{ij} = \sigma\left(a_i + e_j\right) \cdot u_i + b_j",
        lambda a_i, e_j, u_i, b_j, sigma: sigma(a_i + e_j) * u_i + b_j,
        lambda a_i, e_j, u_i, b_j, sigma: sigma(a_i - e_j) * u_i + b_j,
        lambda a_i, e_j, u_i, b_j, sigma: (a_i + e_j) * u_i + b_j,
        callables={"sigma"},
    )


def test_callables_are_fixed_smooth_maps_the_same_on_every_call():
    rt = load_runtime()
    spec = oracle_spec(r"y = q_k(z) - q_k(w)", callables={"q_k"}).spec
    first = rt.random_inputs(spec, seed=0, backend="numpy")
    second = rt.random_inputs(spec, seed=5, backend="numpy")
    x = np.linspace(-2, 2, 7)
    assert np.allclose(first["q_k"](x), second["q_k"](x))  # the same map whatever the seed
    assert np.all(np.diff(first["q_k"](x)) > 0)  # smooth, increasing: not a constant
    other = oracle_spec(r"y = s(z) + z", callables={"s"}).spec
    assert not np.allclose(rt.random_inputs(other, seed=0, backend="numpy")["s"](x), first["q_k"](x))


def test_which_functions_a_paper_never_defines():
    from tools.trace.oracles import paper_callables

    md = "\n".join(
        [
            "$$ y = x \\odot \\exp(s(x)) + t(x) $$",
            "$$ z = \\exp(-s(y)) + \\alpha (1 - \\alpha) $$",
            "$$ w = t(y) + \\alpha \\, v(u) + f(a, b) + f(c) + f(d) $$",
            "$$ e = \\epsilon_\\theta(x) + \\epsilon_\\theta(y) $$",
            "$$ v = 3 $$",
            "$$ g(x) = x^2, \\quad h = g(a) + g(b) $$",
        ]
    )
    # s and t: called twice with one argument, never alone; alpha: once with parentheses and alone
    # (a factor?); v: alone too; f: also with two arguments; epsilon_theta: a model output; g: defined
    assert paper_callables(md) == {"s", "t"}
    assert oracle_spec(r"y = s(x) + t(x)", callables=paper_callables(md)).ok


def test_a_gaussian_density():
    from math import pi

    def pdf(x, m, v):
        return np.exp(-((x - m) ** 2) / (2 * v)) / np.sqrt(2 * pi * v)

    _both_ways(
        r"p = \mathcal{N}(x; \mu, \sigma^2)",
        lambda x, mu, sigma: pdf(x, mu, sigma**2),
        lambda x, mu, sigma: pdf(x, -mu, sigma**2),
        lambda x, mu, sigma: pdf(x, mu, sigma),
        lambda x, mu, sigma: np.log(pdf(x, mu, sigma**2)),
    )
    spec = _both_ways(  # covariance v I: the joint density of the vector, a product over its last axis
        r"q(x_t | x_0) = \mathcal{N}(x_t; \sqrt{\bar{\alpha}_t} x_0, (1 - \bar{\alpha}_t) \mathbf{I})",
        lambda x_t, alpha_bar_t, x_0: np.prod(pdf(x_t, np.sqrt(alpha_bar_t) * x_0, 1 - alpha_bar_t), -1),
        lambda x_t, alpha_bar_t, x_0: pdf(x_t, np.sqrt(alpha_bar_t) * x_0, 1 - alpha_bar_t),  # per entry
        lambda x_t, alpha_bar_t, x_0: np.prod(pdf(x_t, np.sqrt(alpha_bar_t) * x_0, alpha_bar_t), -1),
        lambda x_t, alpha_bar_t, x_0: np.prod(pdf(x_t, x_0, 1 - alpha_bar_t), -1),
    )
    assert spec["outputs"] == ["q"]
    _both_ways(
        r"\log p(y) = \log \mathcal{N}(y \mid w x, \beta^{-1})",
        lambda y, w, x, beta: np.log(pdf(y, w * x, 1 / beta)),
        lambda y, w, x, beta: np.log(pdf(y, w * x, beta)),
        lambda y, w, x, beta: -np.log(pdf(y, w * x, 1 / beta)),
    )


def test_assignments_with_leftarrow_and_gradients_given_as_values():
    spec = _both_ways(
        r"\begin{aligned} m_t &\leftarrow \mu m_{t-1} + \eta_t \nabla_\theta J(\theta_{t-1}, \psi) \\ "
        r"\theta_t &\leftarrow \theta_{t-1} - m_t \end{aligned}",
        lambda mu, m_t_minus_1, eta_t, grad_theta_J_of_theta_t_minus_1_psi, theta_t_minus_1: (
            mu * m_t_minus_1 + eta_t * grad_theta_J_of_theta_t_minus_1_psi,
            theta_t_minus_1 - mu * m_t_minus_1 - eta_t * grad_theta_J_of_theta_t_minus_1_psi,
        ),
        lambda mu, m_t_minus_1, eta_t, grad_theta_J_of_theta_t_minus_1_psi, theta_t_minus_1: (
            mu * m_t_minus_1 - eta_t * grad_theta_J_of_theta_t_minus_1_psi,
            theta_t_minus_1 - mu * m_t_minus_1 + eta_t * grad_theta_J_of_theta_t_minus_1_psi,
        ),
        lambda mu, m_t_minus_1, eta_t, grad_theta_J_of_theta_t_minus_1_psi, theta_t_minus_1: (
            mu * m_t_minus_1 + eta_t * grad_theta_J_of_theta_t_minus_1_psi,
            theta_t_minus_1 - mu * m_t_minus_1,  # the gradient step dropped
        ),
    )
    assert spec["outputs"] == ["m_t", "theta_t"]
    sized = oracle_spec(
        r"\small \begin{aligned} g_t &\leftarrow a + b \\ v_t &\leftarrow g_t^2 \end{aligned}"
    )
    assert sized.spec["outputs"] == ["g_t", "v_t"] and sized.spec["inputs"] == ["a", "b"]  # a size is no name
    spec = _both_ways(
        r"\theta \gets \theta - \eta \nabla_\theta L",
        lambda theta, eta, grad_theta_L: theta - eta * grad_theta_L,
        lambda theta, eta, grad_theta_L: theta + eta * grad_theta_L,
        lambda theta, eta, grad_theta_L: theta,
    )
    assert spec["outputs"] == ["theta_new"]


def test_a_function_of_the_summed_index_is_one_value_per_term():
    spec = _both_ways(
        r"L = \frac{1}{N} \sum_{n=1}^N \ell(f(x_n), y_n) + \lambda r",
        lambda N, ell_of_fx_y, lambda_, r: ell_of_fx_y.sum(-1) / N + lambda_ * r,
        lambda N, ell_of_fx_y, lambda_, r: ell_of_fx_y.sum(-1) / N - lambda_ * r,
        lambda N, ell_of_fx_y, lambda_, r: ell_of_fx_y[..., 0] + lambda_ * r,  # one term, not the mean
    )
    assert spec["vectors"] == ["ell_of_fx_y"]
    spec = _both_ways(  # a function named by a word, of several arguments: given as its value
        r"\textnormal{supp}(\beta, \mathbf{x}) = \frac{1}{N} \sum_{n=1}^N \textnormal{cap}(x_n, \beta)",
        lambda N, cap_of_x_beta: cap_of_x_beta.sum(-1) / N,
        lambda N, cap_of_x_beta: -cap_of_x_beta.sum(-1) / N,
        lambda N, cap_of_x_beta: cap_of_x_beta.sum(-1),
    )
    assert spec["outputs"] == ["supp"]


@pytest.mark.parametrize(
    ("latex", "reason"),
    [
        (r"y = \mathbb{E}_{x}[x] - x", "inside and outside an expectation"),
        (r"y = \mathbb{E}[\mathbb{E}[x]]", "inside another"),
        (r"y = \mathbb{E}_{x \sim p} x", "without brackets"),
        (r"y = \mathbb{E}[3]", "nothing to sample"),
        (r"g = \mathbb{1}[u = v]", "never equal"),
        (r"\mathbf{y} = \mathbf{A}^{1/2} \mathbf{x}", "power 1/2 of a matrix"),
        (r"n = \|\mathbf{A}\|_1 + \|\mathbf{A} \mathbf{x}\|", "the induced norm or"),
        (r"\mathbf{y} = \|\mathbf{A} \mathbf{x}\|_\infty", "only ||v||"),
        (r"n = \|\mathbf{A}\|", "spectral or Frobenius"),
        (r"y = \sigma(x) + \sigma", "function or a product"),  # also written alone: a value or a map?
        (r"y = \sigma(x + 1)", "function or a product"),
        (r"c = \mathbf{G}_{g,3,2} - \mathbf{G}_{g,2,3}", "an entry of a matrix"),
        (r"\theta^* = \arg\min_\theta f(\theta)", "\\arg"),
        (r"L \leq x + y", "no `=`"),
        (r"|u| \le a = b + c", "a relation (\\le)"),
        (r"v = \frac{d}{dt} (x t^2)", "a total derivative d/dt"),  # does x depend on t? not written
        (r"v = \frac{\mathrm{d} x}{\mathrm{d} t}", "a renaming"),  # dx/dt alone: a given value
        (r"y = r(a + b)", "function or a product"),
        (r"y = W(x) + b", "W(...) may be a function or a product"),  # a capital may be a matrix
        (r"y = \alpha_t", "a renaming"),
        (r"m := m + v d, \, w := m - d", "updated on this line and used after"),
        (r"z_{it} = \mathrm{LSTM}(e_{i1}, e_{it})", "a renaming"),
        (r"\lim_{\epsilon \to 0} a \epsilon = b + c", "a relation (\\lim)"),
        (r"\frac{1}{a b} - \frac{1}{c} = \frac{c + a b}{a b c}", "the links of the chain"),
        (r"p = \mathcal{N}(\mu, \sigma^2)", "without the point it is evaluated at"),
        (r"p = \mathcal{N}(x; \mu, \Sigma)", "a covariance matrix"),
        (r"p = \mathcal{N}(x; \mu)", "exactly a mean and a variance"),
        (r"y = \mathcal{L}(x) + 1", "a distribution or set"),
        (r"g = \nabla_\theta (a x + b)", "the gradient of an expression"),
        (r"p(\gamma) = \text{Gam}(\gamma; a, b)", "a density the oracle does not know"),
        (r"s = \textnormal{cap}(x, \beta \,|\, d)", "a conditional"),
        (r"y = \operatorname{foo}(a) + c", "\\operatorname{foo} is not one the oracle knows"),
        # an optimisation written as a word (once read as a variable named argmin_w: a wrong oracle)
        (r"w^* = \mathop{\mathrm{argmin}}\limits_{w} \mathcal{L}_{T}(w, \lambda)", "an optimisation"),
        (r"w^* = \operatorname*{arg\,min}_{w} \mathcal{L}_{T}(w, \lambda)", "an optimisation"),
        (r"y = \mathrm{max}_{w} (a w + b) + c", "an optimisation"),  # \mathrm{max}(a, b) is max(a, b)
        (r"f(u) = u^2, \quad y = \nabla f(x) + f(x)", "the gradient of f"),
    ],
)
def test_refusals_name_their_reason(latex, reason):
    result = oracle_spec(latex)
    assert not result.ok
    assert reason in result.reason, result.reason
