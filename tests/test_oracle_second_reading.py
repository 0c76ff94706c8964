"""Readings that had passed their own proof while the formula meant something else, found by comparing
what an oracle names with what its LaTeX writes: a name in maths italics read as a product of its letters,
a braced name before brackets read as a product, a paper's function called by a letter that only ends a
group, a function defined with a value given whole and then sampled (now a callable input), an ODE's left
side taken for a name, a superscript index read as a power, and `e^{a} x`, which sympy had read as exp(a x).
Each is now refused or read right; the proofs use tests/oracle_proof.py."""

from __future__ import annotations

import numpy as np
from oracle_proof import both_ways

from tools.trace.oracles import oracle_spec


def test_a_name_in_maths_italics_is_not_a_product_of_its_letters():
    for latex in (
        r"F_1 = \frac{\sum^c tp_j}{2 \sum^c tp_j + \sum^c fn_j + \sum^c fp_j}",
        r"P = \frac{1}{c} \sum_{j=1}^c \frac{tp_j}{tp_j + fp_j}",
        r"\theta' = \theta - lr \, g",  # a known name, written once
    ):
        result = oracle_spec(latex)
        assert not result.ok and "one name written in maths italics" in result.reason, latex
    both_ways(  # the same run twice, one of its letters also alone: a product
        r"y = \frac{ks}{2} + \frac{sk}{3} + k",
        lambda k, s: k * s / 2 + s * k / 3 + k,
        lambda k, s: k * s / 2 - s * k / 3 + k,
    )
    both_ways(  # a decorated run is one name already
        r"L = \frac{\overline{tp}}{2\overline{tp} + \overline{fp}}",
        lambda tp_bar, fp_bar: tp_bar / (2 * tp_bar + fp_bar),
        lambda tp_bar, fp_bar: tp_bar / (2 * tp_bar - fp_bar),
    )


def test_a_braced_name_before_brackets_reads_as_the_name():
    braced = oracle_spec(r"D(x) = \frac{{p_D}(x)}{{p_D}(x) + {p_G}(x)}")
    plain = oracle_spec(r"D(x) = \frac{p_D(x)}{p_D(x) + p_G(x)}")
    assert braced.ok and braced.spec == plain.spec
    assert braced.spec["inputs"] == ["p_D_of_x", "p_G_of_x"]  # densities given, not p_D times x
    one = oracle_spec(r"y = {a}(x + 1)")
    assert not one.ok and one.reason == oracle_spec(r"y = a(x + 1)").reason
    exponent = oracle_spec(r"L_n = B_n^{d_n}(0)")  # an exponent group before brackets stays whole
    assert not exponent.ok


def test_a_letter_that_ends_a_group_calls_no_paper_function():
    functions = {"t": r"t(n) = n^\beta", "f": ""}
    spec = both_ways(
        r"\phi(x, y) = e^{-\frac{(x - y)^2}{4t}}\left(f(y) - f(x)\right)",
        lambda x, y, t, f_of_y, f_of_x: np.exp(-((x - y) ** 2) / (4 * t)) * (f_of_y - f_of_x),
        lambda x, y, t, f_of_y, f_of_x: np.exp(-((x - y) ** 2) / (4 * t)) * (f_of_y + f_of_x),
        functions=functions,
    )
    assert "beta" not in spec["inputs"] and not any("function" in d for d in spec["definitions"])


def test_a_call_in_a_subscript_calls_no_paper_function():
    functions = {"g": r"g(h) = \lfloor h / G \rfloor"}
    spec = oracle_spec(r"O_h = Q_h K_{g(h)} + M", functions).spec
    assert spec is not None and {"G", "H"}.isdisjoint(spec["inputs"])
    assert spec["inputs"] == ["Q_h", "K_gh", "M"]


def test_a_function_whose_body_is_given_whole_is_a_callable_where_it_must_follow_its_argument():
    functions = {"R": r"R(z) = \log P_{\theta}(y | z)", "P": ""}
    sampled = oracle_spec(r"J = \log E_{z}\left[e^{R(z)}\right]", functions)
    assert sampled.ok and sampled.spec["callables"] == {"zfR": "R"}  # one given value would serve every z
    both_ways(  # at two points: R is given to both as a function, not as one value
        r"J = R(z) - R(w)",
        lambda R, z, w: R(z) - R(w),
        lambda R, z, w: R(z) + R(w),
        lambda R, z, w: R(z) - R(z),
        functions=functions,
    )
    both_ways(  # called once, at its own parameter: the given value stands for it
        r"J = \beta R(z)",
        lambda beta, P_theta, z: beta * np.log(P_theta),
        lambda beta, P_theta, z: -beta * np.log(P_theta),
        functions=functions,
    )


def test_a_power_of_e_is_one_factor_of_a_product():
    both_ways(  # sympy reads an unbraced `\\exp{(a)} x` as exp(a x)
        r"y = \sqrt{s} e^{-a} x + e^{b}(u - v)",
        lambda s, a, x, b, u, v: np.sqrt(s) * np.exp(-a) * x + np.exp(b) * (u - v),
        lambda s, a, x, b, u, v: np.sqrt(s) * np.exp(-a) * x - np.exp(b) * (u - v),
        lambda s, a, x, b, u, v: np.sqrt(s) * np.exp(-a * x) + np.exp(b * (u - v)),
    )


def test_a_left_hand_side_of_several_terms_names_no_value():
    for latex in (
        r"\ddot{X}_t + (\dot{\gamma}_t - \dot{\alpha}_t)\dot{X}_t + e^{\beta_t}\nabla f(X_t) = e^{a} F",
        r"\frac{d^2 v}{dt^2} + 3 \frac{dv}{dt} + 2v = \cos t",
    ):
        result = oracle_spec(latex)
        assert not result.ok, latex
    derivative = oracle_spec(r"\frac{\partial L}{\partial W} = x y")  # one term: the gradient's name
    assert derivative.ok and derivative.spec["outputs"] == ["partial_L_partial_W"]


def test_a_superscript_the_left_side_indexes_by_is_an_index_on_the_right():
    spec = both_ways(
        r"Q^s_a = r^s_a + \gamma \frac{\sum_{b} Q^x_b w^x_b}{\sum_{b} w^x_b}",
        lambda r_s_a, gamma, Q_x, w_x: r_s_a + gamma * np.sum(Q_x * w_x, -1) / np.sum(w_x, -1),
        lambda r_s_a, gamma, Q_x, w_x: r_s_a - gamma * np.sum(Q_x * w_x, -1) / np.sum(w_x, -1),
    )
    assert "x" not in spec["inputs"]
    both_ways(  # the index shifted a step is an index too, not a power t - 1
        r"v^t = \beta v^{t-1} + x^2",
        lambda beta, v_t_minus_1, x: beta * v_t_minus_1 + x**2,
        lambda beta, v_t_minus_1, x: beta * v_t_minus_1 - x**2,
    )
    both_ways(  # a Greek constant to the power t stays a power
        r"\hat{m}^t = m^t / (1 - \beta_1^t)",
        lambda m_t, beta_1, t: m_t / (1 - beta_1**t),
        lambda m_t, beta_1, t: m_t / (1 + beta_1**t),
    )


def test_an_activation_applied_to_a_matrix_product_plus_a_bias_is_a_callable():
    spec = both_ways(  # written once in the paper: the call-or-product rule alone would refuse it
        r"h_t = \sigma(W_{zh} z_{t-1} + b_h)",
        lambda sigma, W_zh, z_t_minus_1, b_h: sigma(W_zh @ z_t_minus_1 + b_h),
        lambda sigma, W_zh, z_t_minus_1, b_h: sigma(W_zh @ z_t_minus_1 - b_h),
        lambda sigma, W_zh, z_t_minus_1, b_h: W_zh @ z_t_minus_1 + b_h,
    )
    assert spec["callables"] == {"zfsigma": "sigma"}
    for latex in (r"z = \eta(W x + b)", r"y = \lambda(a + b)"):  # a rate times a bracket? refused
        assert not oracle_spec(latex).ok, latex


def test_products_whose_kind_a_scalar_reading_gets_wrong_are_refused():
    for latex, why in (
        (r"a = \sigma\left(\mathbf{h}_q \cdot \mathbf{h}_e\right)", "inner product"),
        (r"H_l = f_e(X * K_l + b_l)", "convolution or a product"),
    ):
        result = oracle_spec(latex)
        assert not result.ok and why in result.reason, latex
    for latex in (r"y = x^* + \theta_* + a_{*}", r"g_\theta(\Lambda) = \operatorname*{diag}(\theta) + a"):
        assert "`*`" not in (oracle_spec(latex).reason or ""), latex  # a mark, an operator's star


def test_a_difference_with_a_letter_on_top_is_indexed_and_a_bare_call_checks_nothing():
    spec = both_ways(
        r"b_i = \gamma b_{i-1} + (1 - \gamma) \Delta \theta^l",
        lambda gamma, b_i_minus_1, Delta_theta_l: gamma * b_i_minus_1 + (1 - gamma) * Delta_theta_l,
        lambda gamma, b_i_minus_1, Delta_theta_l: gamma * b_i_minus_1 - (1 - gamma) * Delta_theta_l,
    )
    assert "l" not in spec["inputs"]
    bare = oracle_spec(r"z_i = g(z_{i-1}) = f(\text{\textbf{W}}_i \cdot z_{i-1} + b_i)", callables={"g", "f"})
    assert not bare.ok and "no formula to check" in bare.reason


def test_a_line_that_only_defines_a_function_is_no_oracle():
    # `p_D(x)` calls p_D, not D: D(x) = ... is the output, not a helper nobody calls
    spec = oracle_spec(r"D(x) = \frac{p_D(x)}{p_D(x) + p_G(x)}").spec
    assert spec is not None and spec["outputs"] == ["D"]
