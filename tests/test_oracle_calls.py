"""Oracles for function applications: functions a paper names without a formula (their values become
inputs), functions it defines inline and uses later (substituted), and chains `a = b = c` (each link the
oracle can evaluate is checked, the others are named in the SPEC). Each oracle must accept a hand-written
right implementation and reject a wrong one; each refusal names its reason."""

from __future__ import annotations

import numpy as np
import pytest
from oracle_proof import both_ways

from tools.trace.oracles import oracle_spec, paper_callables, paper_functions


def _both_ways(latex, functions, right, *wrong):
    return both_ways(latex, right, *wrong, functions=functions)


def _paper(*paragraphs):
    """A LaTeX-route paper.md: prose paragraphs and display equations ($$ ... $$ lines)."""
    return "# A paper\n\n" + "\n\n".join(paragraphs) + "\n"


COUPLING = _paper(
    "The coupling layer splits $x$ and applies",
    "$$ y_{d+1:D} = x_{d+1:D} \\odot \\exp(s(x_{1:d})) + t(x_{1:d}) $$ (3)",
    "where $s$ and $t$ are the scale and translation networks, from $\\mathbb{R}^d$ to "
    "$\\mathbb{R}^{D-d}$. Its log-determinant is",
    "$$ \\log |J| = \\sum_{j} s(x_{1:d})_j $$ (4)",
    "and we write $s$ for $s(x_{1:d})$ when it is clear, as in $v = \\sigma(s)$.",
)


def test_functions_the_paper_names_give_their_values_as_inputs():
    functions = paper_functions(COUPLING)
    assert functions["s"] == "" and functions["t"] == ""  # named in prose, no formula
    assert "s" not in paper_callables(COUPLING)  # also written alone: not a callable map
    spec = _both_ways(
        r"y_{d+1:D} = x_{d+1:D} \odot \exp(s(x_{1:d})) + t(x_{1:d})",
        functions,
        lambda x_d_plus_1D, s_of_x_1d, t_of_x_1d: x_d_plus_1D * np.exp(s_of_x_1d) + t_of_x_1d,
        lambda x_d_plus_1D, s_of_x_1d, t_of_x_1d: x_d_plus_1D * np.exp(t_of_x_1d) + s_of_x_1d,  # swapped
        lambda x_d_plus_1D, s_of_x_1d, t_of_x_1d: x_d_plus_1D * np.exp(s_of_x_1d) - t_of_x_1d,
    )
    assert spec["inputs"] == ["x_d_plus_1D", "s_of_x_1d", "t_of_x_1d"]
    assert spec["given"] == {"s_of_x_1d": "the value of s(x_{1:d})", "t_of_x_1d": "the value of t(x_{1:d})"}


def test_the_generated_test_says_what_each_value_is():
    from tools.trace.oracles import EquationTestResult, render_test

    latex = r"y_{d+1:D} = x_{d+1:D} \odot \exp(s(x_{1:d})) + t(x_{1:d})"
    result = oracle_spec(latex, {"s": "", "t": ""})
    text = render_test("EQ-3", "3", latex, "coupling", result)
    assert '"s_of_x_1d": "the value of s(x_{1:d})"' in text
    compile(text, "test_oracle_eq_3.py", "exec")
    summary = EquationTestResult(
        path="tests/test_oracle_eq_3.py",
        item_id="EQ-3",
        oracle=True,
        latex_source="argument",
        inputs=result.spec["inputs"],
        outputs=result.spec["outputs"],
        given=result.spec["given"],
    ).summary_text()
    assert "t_of_x_1d: the value of t(x_{1:d})" in summary


def test_two_applications_of_one_function_are_two_values():
    spec = _both_ways(
        r"r = g(u) - g(v) + \lambda u",
        {"g": ""},
        lambda g_of_u, g_of_v, lambda_, u: g_of_u - g_of_v + lambda_ * u,
        lambda g_of_u, g_of_v, lambda_, u: g_of_v - g_of_u + lambda_ * u,
    )
    assert set(spec["given"]) == {"g_of_u", "g_of_v"}


def test_a_density_the_paper_names_on_both_sides():
    spec = _both_ways(
        r"\log p(z) = \log p(v) - n \log a",
        {"p": ""},
        lambda p_of_v, n, a: np.log(p_of_v) - n * np.log(a),
        lambda p_of_v, n, a: np.log(p_of_v) + n * np.log(a),
    )
    assert spec["outputs"] == ["log_p_z"] and spec["inputs"] == ["p_of_v", "n", "a"]


def test_a_named_function_inside_a_sum_over_its_index_is_one_value_per_term():
    spec = _both_ways(
        r"y = \sum_{k=0}^{K-1} \theta_k T_k(\tilde{L})",
        {"T_k": ""},
        lambda theta, T_of_L_tilde, **_: np.sum(theta * T_of_L_tilde, axis=-1),
        lambda theta, T_of_L_tilde, **_: -np.sum(theta * T_of_L_tilde, axis=-1),
    )
    assert "T_of_L_tilde" in spec["vectors"] and "each term" in spec["given"]["T_of_L_tilde"]


@pytest.mark.parametrize(
    ("latex", "functions", "reason"),
    [
        (r"y = s(x) + s", {"s": ""}, "applied, s(...), and alone on this line"),
        (r"y = \beta(1 + x)", {}, "may be a function or a product"),  # no evidence: still refused
        (r"y = \mathbf{F}(\mathbf{x})", {}, "may be a function or a product"),  # a map F, or F x?
        (r"y = V(a)", {"V": r"V(s) = r_s + \gamma V(s)"}, "defined in terms of itself"),
        (r"V(a) = r_a + \gamma V(a)", {}, "defined in terms of itself"),
        (r"f_t, i_t = \sigma(W_{f,i} x_t)", {"sigma": ""}, "lists several quantities"),
        # a function spelled in letters without its backslash is no product of c, o and s, nor a variable
        (r"x(t) = e^{a t}(c_1 cos\:\omega t + c_2 sin\:\omega t)", {}, "'cos' is a word written in maths"),
        (r"y = \mathrm{sin}\, q", {}, "'sin' is a function written as a name"),
    ],
)
def test_applications_that_stay_refused(latex, functions, reason):
    result = oracle_spec(latex, functions)
    assert not result.ok and reason in result.reason, result.reason


def test_a_bold_capital_before_a_bracket_is_a_matrix_product():
    spec = _both_ways(
        r"\mathbf{y} = \mathbf{W}(\mathbf{x} + \mathbf{b}) + \mathbf{c}",
        {},
        lambda W, x, b, c: W @ (x + b) + c,
        lambda W, x, b, c: W @ x + b + c,
        lambda W, x, b, c: W.T @ (x + b) + c,
    )
    assert spec["matrices"] == ["W"] and "given" not in spec


def test_evidence_that_a_symbol_is_a_function():
    md = _paper(
        "Let $\\phi$ denote a pointwise non-linearity, $h: \\mathbb{R}^d \\to \\mathbb{R}$ a score, and "
        "$g_1$ and $g_2$ two neural networks; the critic $q(\\cdot)$ is trained apart.",
        "$$ a = \\phi(u) + h(v) + g_1(w) + g_2(w) + q(z) $$ (1)",
        "$$ b = \\phi(v) h(u) q(w) $$ (2)",
        "$$ c = Q(s, a) - Q(s') $$ (3)",
        "$$ d = V(s) - V(s') + \\beta_t(1 - s) $$ (4)",
        "The cost is $O(n)$ and $O(m)$.",
    )
    functions = paper_functions(md)
    named = {n for n, body in functions.items() if body == ""}
    # V: applied to two variables, never alone; beta_t: to an expression; O: an order of growth
    assert named == {"phi", "h", "g_1", "g_2", "q", "Q", "V"}, named


def test_prose_that_names_no_function():
    md = _paper(
        "The output of the network $y$ is compared with the input of the network, $x$; the "
        "encoder maps $u$ to the tangent space. Here $\\alpha$ is a scale, and the function "
        "$x^* = k(x)$ is a threshold. The loss function $L$ is the depth. We feed the input to the "
        "network $z$.",
        "$$ a = y(1 + x) + \\alpha(1 - \\alpha) + u(v) + z(2 - v) $$ (1)",
        "$$ b = L + L(2 + v) + L z + x^* $$ (2)",
    )
    named = {n for n, body in paper_functions(md).items() if body == ""}
    # y, x, z: the output and input of a network; u: after a verb; x: the subject of a statement; L:
    # written alone more often than applied
    assert named == set(), named


def test_functions_defined_inline_are_substituted_with_their_arguments():
    md = _paper(
        "We use the activation $\\phi(u) = \\tanh(u) + u$ and the gate $\\psi(u) = \\phi(2 u)$, and note "
        "that $f(x^*) = 0$ at the optimum.",
        "$$ h = \\phi(a x + b) - \\psi(x) $$ (1)",
    )
    functions = paper_functions(md)
    assert set(functions) >= {"phi", "psi"} and "f" not in functions  # f(x^*) = 0 states a value

    def phi(u):
        return np.tanh(u) + u

    _both_ways(
        r"h = \phi(a x + b) - \psi(x)",
        functions,
        lambda a, x, b: phi(a * x + b) - phi(2 * x),
        lambda a, x, b: phi(a * x + b) - phi(x),  # psi's argument not renamed through phi
        lambda a, x, b: phi(a * x - b) - phi(2 * x),
    )


def test_only_real_calls_of_a_defined_function_are_substituted():
    md = _paper("The link probability is $p(A_{u,v} = 1 | z_u, z_v) = \\sigma(z_u^T z_v)$, a density.")
    assert "p" not in paper_functions(md)  # its arguments are an event, not parameters
    spec = oracle_spec(r"y = \textnormal{exp}(a) + b", {"p": r"p(u) = u^2"}).spec
    assert len(spec["definitions"]) == 1  # the p of \textnormal{exp}( calls no p


def test_a_parameter_named_like_a_variable_of_the_line():
    _both_ways(
        r"y = f(x + z) \cdot f(c) - x",
        {"f": r"f(x) = x^2 + 1"},
        lambda x, z, c: ((x + z) ** 2 + 1) * (c**2 + 1) - x,
        lambda x, z, c: ((x + z) ** 2 + 1) * (c**2 + 1) + x,
        lambda x, z, c: (x**2 + 1) * (c**2 + 1) - x,  # the argument taken as the parameter's name
    )


def test_a_chain_checks_the_links_it_can_evaluate_and_names_the_others():
    spec = _both_ways(
        r"F = \int_0^1 (a u + b) \, du = \frac{a}{2} + b",
        {},
        lambda a, b: a / 2 + b,
        lambda a, b: a / 2 - b,
        lambda a, b: a + b,
    )
    (definition,) = spec["definitions"]
    assert "links" not in definition
    assert len(definition["unchecked"]) == 1 and "integral" in definition["unchecked"][0]


def test_a_chain_through_a_renaming_checks_the_rest():
    spec = _both_ways(
        r"L = \ell = (a - b)^2 = a^2 - 2 a b + b^2",
        {},
        lambda a, b: (a - b) ** 2,
        lambda a, b: (a + b) ** 2,
    )
    assert spec["definitions"][0]["unchecked"] == [r"\ell: a renaming"]
    assert len(spec["definitions"][0]["links"]) == 1


@pytest.mark.parametrize(
    ("latex", "reason"),
    [
        (r"\nabla_{x_t} L = \nabla_{h_t} L", "one input"),  # two names for one value: nothing to compute
        (r"h(x) = z = g(u, v)", "only renames"),
        (r"L = (a + b)^2 = a^2 + 2 a b + b^2 \le 2 a^2 + 2 b^2", "\\le"),  # a bound: not dropped
        (r"F = \int_0^1 u \, du = \mathbb{E}[x \mid y]", "integral"),  # no side left: the first reason
        (r"y = (a + b)^2 = a^2 + b^2", "links of the chain a = b = c disagree"),
        # two sums said equal (a regret identity): no quantity is defined
        (r"\mathbb{E}[\sum_{k=1}^{m} \Delta_k] = \mathbb{E}[\sum_{k=1}^{m} \tilde\Delta_k]", "identity"),
    ],
)
def test_chains_that_stay_refused(latex, reason):
    result = oracle_spec(latex)
    assert not result.ok and reason in result.reason, result.reason


def test_the_players_of_a_gan_and_a_policy_are_named_functions():
    md = _paper(
        "The generator $G$ maps noise to images and the discriminator $D$ scores them; the policy "
        "$\\mu$ picks an action.",
        "$$ a = \\log D(x) + \\log(1 - D(G(z))) + \\mu(s) $$ (1)",
    )
    named = {n for n, body in paper_functions(md).items() if body == ""}
    assert {"G", "D", "mu"} <= named, named


GAN = _paper(
    "GANs alternate between updating a discriminator $D$ and a generator $G$. The optimal one is",
    "$$ D(x) = \\frac{p_D(x)}{p_D(x) + p_G(x)} $$ (1)",
    "and a calibrated $D$ gives the density ratio",
    "$$ D(x) = \\frac{1}{1 + \\exp(-d(x))} $$ (2)",
    "$$ r = \\frac{D(x)}{1 - D(x)} $$ (3)",
)


def test_a_function_named_in_prose_and_defined_two_ways_is_given():
    """D is defined twice (no one formula to substitute) and named 'a discriminator': its value is an input;
    `p_D(x)` in the first definition is a density with a subscript, not a call of D (no recursion)."""
    functions = paper_functions(GAN)
    assert functions["D"] == ""
    _both_ways(
        r"r = \frac{D(x)}{1 - D(x)}",
        functions,
        lambda D_of_x: D_of_x / (1 - D_of_x),
        lambda D_of_x: D_of_x / (1 + D_of_x),
    )
    _both_ways(  # D defined once: substituted, and its p_D is no call of D
        r"r = \frac{D(x)}{1 - D(x)}",
        {"D": r"D(x) = \frac{p_D(x)}{p_D(x) + p_G(x)}"},
        lambda x, p_D_of_x, p_G_of_x: p_D_of_x / p_G_of_x,
        lambda x, p_D_of_x, p_G_of_x: p_G_of_x / p_D_of_x,
    )


def test_a_map_declared_with_in_is_a_function_not_a_value():
    md = _paper(
        "A generator $G \\in \\mathbb{R}^{d} \\rightarrow \\mathcal{X}$ maps a latent code to a sample.",
        "$$ y = G(z) + b $$ (1)",
    )
    functions = paper_functions(md)
    assert functions["G"] == ""
    _both_ways(r"y = G(z) + b", functions, lambda G_of_z, b: G_of_z + b, lambda G_of_z, b: G_of_z - b)


def test_a_named_function_of_a_computed_argument_is_a_callable_input():
    # f named in prose, no formula: z = f(a h + b) as f's value would be a renaming; as a callable map given
    # to both, the oracle checks the argument
    spec = _both_ways(
        r"z_t = f(a h_t + b)",
        {"f": ""},
        lambda a, h_t, b, f: f(a * h_t + b),
        lambda a, h_t, b, f: f(a * h_t - b),
        lambda a, h_t, b, f: f(a * h_t),
        lambda a, h_t, b, f: a * h_t + b,
    )
    assert spec["callables"] == {"zff": "f"}
    # of one variable it stays a renaming: nothing to compute
    refused = oracle_spec(r"s_x = E(x)", {"E": ""})
    assert not refused.ok and "renaming" in refused.reason


def test_a_lower_case_name_applied_to_one_variable_gives_its_value():
    # u(k), sigma(y): a product is not written with brackets around one variable; the value is given
    spec = _both_ways(
        r"\hat{p} = \lambda p_y + (1 - \lambda) u(k)",
        {},
        lambda lambda_, p_y, u_of_k: lambda_ * p_y + (1 - lambda_) * u_of_k,
        lambda lambda_, p_y, u_of_k: lambda_ * p_y - (1 - lambda_) * u_of_k,
        lambda lambda_, p_y, u_of_k: lambda_ * p_y,
    )
    assert spec["given"] == {"u_of_k": "the value of u(k)"}
    # a capital (an expectation E(x), a matrix W(x)), a name the line also writes alone, the 'r' of a word
    # written in italic letters (Var(x)) and a bracket holding an expression keep the question
    for latex in (r"y = E(x) + c", r"y = \sigma(x) + \sigma", r"y = u(a + b)"):
        refused = oracle_spec(latex)
        assert not refused.ok and "may be a function or a product" in refused.reason, latex
    refused = oracle_spec(r"y = \sqrt{Var(x)} + c")
    assert not refused.ok and "'Var' is a word" in refused.reason


def test_a_name_also_written_alone_times_a_bracket_is_a_product():
    # \lambda alone in (1 - \lambda), a parameter of S(u; \beta, \eta): a value, so \lambda(...) multiplies
    _both_ways(
        r"L = (1 - \lambda) a + \lambda (b + c)",
        {},
        lambda lambda_, a, b, c: (1 - lambda_) * a + lambda_ * (b + c),
        lambda lambda_, a, b, c: (1 - lambda_) * a - lambda_ * (b + c),
        lambda lambda_, a, b, c: (1 - lambda_) * a + lambda_ * b,
    )
    _both_ways(
        r"S(u; \beta, \eta) = \frac{1}{1 + \exp(-\beta (u + \eta))}",
        {},
        lambda u, beta, eta: 1 / (1 + np.exp(-beta * (u + eta))),
        lambda u, beta, eta: 1 / (1 + np.exp(-beta * (u - eta))),
        lambda u, beta, eta: 1 / (1 + np.exp(-beta * u)),
    )
    _both_ways(  # p(1 - p): a variance, not a density of 1 - p
        r"v = p(1 - p)", {}, lambda p: p * (1 - p), lambda p: p * (1 + p), lambda p: p
    )
    # applied to one variable it keeps the question: \sigma(x) + \sigma may be a function and a value
    refused = oracle_spec(r"y = \sigma(x) + \sigma")
    assert not refused.ok and "may be a function or a product" in refused.reason


def test_a_semicolon_separates_arguments_from_parameters():
    # q(z; \lambda): a function of z with parameters \lambda, never a product; its value is given
    spec = _both_ways(
        r"w = \frac{q(z_n; \lambda_n)}{r(z_n; \lambda_n, \tau_n)}",
        {},
        lambda q_of_z_n_lambda_n, r_of_z_n_lambda_n_tau_n: q_of_z_n_lambda_n / r_of_z_n_lambda_n_tau_n,
        lambda q_of_z_n_lambda_n, r_of_z_n_lambda_n_tau_n: r_of_z_n_lambda_n_tau_n / q_of_z_n_lambda_n,
    )
    assert spec["given"]["q_of_z_n_lambda_n"] == r"the value of q(z_n;\lambda_n)"


def test_a_name_applied_to_the_defined_functions_own_argument_gives_its_value():
    # E(x) = -A(x) - log h(x): A applied to x, an argument of the function the line defines, is a function's
    # value, capital or not; a name also written alone keeps the question
    spec = _both_ways(
        r"E(x) = - A(x) - \log h(x)",
        {},
        lambda A_of_x, h_of_x: -A_of_x - np.log(h_of_x),
        lambda A_of_x, h_of_x: A_of_x - np.log(h_of_x),
        lambda A_of_x, h_of_x: -np.log(h_of_x),
    )
    assert spec["given"] == {"A_of_x": "the value of A(x)", "h_of_x": "the value of h(x)"}
    _both_ways(
        r"J(\theta) = J_{EN}(\theta) + \lambda J_{SL}(\theta)",
        {},
        lambda J_EN_of_theta, lambda_, J_SL_of_theta: J_EN_of_theta + lambda_ * J_SL_of_theta,
        lambda J_EN_of_theta, lambda_, J_SL_of_theta: J_EN_of_theta - lambda_ * J_SL_of_theta,
    )
    refused = oracle_spec(r"y = A(x) + c")  # no function of x defined on the line: a product A x?
    assert not refused.ok and "may be a function or a product" in refused.reason


def test_the_log_of_an_expectation_written_with_a_plain_e():
    spec = _both_ways(
        r"J = \log E_z[e^{r}] - \beta",
        {},
        lambda r, beta: np.log(np.mean(np.exp(r), axis=0)) - beta,
        lambda r, beta: np.log(np.mean(np.exp(r), axis=0)) + beta,
    )
    assert spec["sampled"] == ["r"]


def test_a_clipped_objective_with_a_hatted_expectation_and_bare_min():
    spec = _both_ways(
        r"L = \hat{E}_{t}[ min( r_t A_t, c A_t ) ]",
        {},
        lambda r_t, A_t, c: np.mean(np.minimum(r_t * A_t, c * A_t), axis=0),
        lambda r_t, A_t, c: np.mean(np.maximum(r_t * A_t, c * A_t), axis=0),
        lambda r_t, A_t, c: np.minimum(r_t * A_t, c * A_t),  # no mean
    )
    assert spec["inputs"] == ["r_t", "A_t", "c"]  # not E_hat_t times m, i and n(...)


def test_a_function_at_a_starred_argument_is_another_value():
    spec = _both_ways(
        r"\varepsilon_k = (f(x_k) - f(x^*)) + \frac{1}{2}\|x_k - x^*\|^2",
        {"f": ""},
        lambda f_of_x_k, f_of_x_star, x_k, x_star: f_of_x_k - f_of_x_star + 0.5 * np.sum((x_k - x_star) ** 2),
        lambda f_of_x_k, f_of_x_star, x_k, x_star: 0.5 * np.sum((x_k - x_star) ** 2),  # f(x*) read as f(x_k)
    )
    assert spec["inputs"] == ["f_of_x_k", "f_of_x_star", "x_k", "x_star"]
    spec = oracle_spec(r"D = f(x_{k}) - f(x_k) + f(y)", {"f": ""}).spec
    assert spec["inputs"] == ["f_of_x_k", "f_of_y"]  # one value however its braces are written


def test_a_change_written_with_delta_is_one_quantity():
    spec = _both_ways(
        r"p = e^{-\alpha \frac{\Delta E}{T}}",
        {},
        lambda alpha, Delta_E, T: np.exp(-alpha * Delta_E / T),
        lambda alpha, Delta_E, T: np.exp(alpha * Delta_E / T),
    )
    assert spec["inputs"] == ["alpha", "Delta_E", "T"]  # not Delta times E
    assert oracle_spec(r"x_{k+1} = x_k + \Delta\theta_k").spec["inputs"] == ["x_k", "Delta_theta_k"]
    assert oracle_spec(r"y = \Delta + x").spec["inputs"] == ["Delta", "x"]  # alone, a quantity of its own


@pytest.mark.parametrize(
    ("latex", "why"),
    [
        (r"g_j = \tau^i(a, b) + 1", "an inverse or indexed function"),  # not tau to the power i(a, b)
        (r"\hat{x}_k = g^{-1}(\hat{z}_k)", "an inverse or indexed function"),  # not z / g
        (r"\int_\Theta p(\theta \mid x) d\theta = 1 - \alpha", "an integral set equal"),  # a condition
        (r"\hat{g}_i = g_i + (\hat{g}_i - g_i)", "reduces to its input"),  # a decomposition: terms cancel
    ],
)
def test_readings_that_failed_right_implementations_are_refused(latex, why):
    result = oracle_spec(latex)
    assert not result.ok and why in result.reason, result.reason


def test_a_letter_on_top_of_the_left_hand_side_indexes_the_right_one():
    spec = _both_ways(
        r"\hat{S}^L_{i} = \hat{S}^L_{i-1} + (\hat{S}_i - \hat{S}_{i-L})/L",
        {},
        lambda S_hat_L_i_minus_1, S_hat_i, S_hat_i_minus_L, L: (
            S_hat_L_i_minus_1 + (S_hat_i - S_hat_i_minus_L) / L
        ),
        lambda S_hat_L_i_minus_1, S_hat_i, S_hat_i_minus_L, L: (
            S_hat_L_i_minus_1 + (S_hat_i + S_hat_i_minus_L) / L
        ),
    )
    assert spec["inputs"] == ["S_hat_L_i_minus_1", "S_hat_i", "S_hat_i_minus_L", "L"]  # a window, no power
    assert oracle_spec(r"y = x^n(1 - x)").spec["inputs"] == ["x", "n"]  # a power times an expression


def test_two_applications_that_would_share_a_name_stay_two_inputs():
    both_ways(  # the later term uses the sum's index and D has none: the sum runs over both terms
        r"D = \sum_{t=1}^{T} J(\pi^{(1)}) - J(\pi_t)",
        lambda J_of_pi_1, J_of_pi: np.sum(J_of_pi_1 - J_of_pi),
        lambda J_of_pi_1, J_of_pi: J_of_pi_1 - np.sum(J_of_pi),
        lambda J_of_pi_1, J_of_pi: np.sum(J_of_pi_1 + J_of_pi),
        functions={"J": ""},
    )
    spec = oracle_spec(r"D = J(\pi^{(1)}) - J(\pi_1)", {"J": ""}).spec
    assert len(spec["inputs"]) == 2 and len(set(spec["given"].values())) == 2


@pytest.mark.parametrize(
    "latex",
    [
        r"L(y, \nu) = -x^\top y + \nu(k - 1^\top y)",
        r"\bar{x}_t = X_t \frac{\mathbf{1}}{n}",
        r"E = a I_n + (1 - a) A_n",
    ],
)
def test_the_vector_of_ones_and_the_identity_are_refused_not_read_as_numbers_or_inputs(latex):
    # 1^T y is a sum, X 1 / n a mean, a I_n a diagonal: read as the number 1, or as random inputs, the oracle
    # would fail the right implementation
    refused = oracle_spec(latex)
    assert not refused.ok and ("vector of ones" in refused.reason or "identity matrix" in refused.reason)


def test_an_index_in_square_brackets_is_refused_not_read_as_a_product():
    # P[j] picks an entry; read as P times j the oracle would fail the right implementation
    refused = oracle_spec(r"p_{c,j} = \mathbf{P}_\mathrm{s}[j] + \mathbf{Q}[c]")
    assert not refused.ok and "indexes" in refused.reason
    # a plain letter at one sample (`x[t-1]`, signal processing's brackets) is its subscript
    assert oracle_spec(r"y_t = x[t-1] + b").spec == oracle_spec(r"y_t = x_{t-1} + b").spec
    _both_ways(  # a bracket around an expression stays a product
        r"y = \lambda [a + b^2]",
        {},
        lambda lambda_, a, b: lambda_ * (a + b**2),
        lambda lambda_, a, b: lambda_ * a,
    )


def test_a_word_in_maths_italics_is_refused_not_split_into_letters():
    # 'weight' would be w·e·i·g·h·t: an oracle the implementation with one input `weight` cannot pass
    for latex in (r"q = weight \cdot p + (1 - weight) z", r"y = [GC + BN + ReLU] + GAP"):
        refused = oracle_spec(latex)
        assert not refused.ok and "word written in maths italics" in refused.reason, latex
    _both_ways(  # log and exp written without a backslash still read as the functions before \frac
        r"l = log \frac{p}{1 - p}", {}, lambda p: np.log(p / (1 - p)), lambda p: np.log(p * (1 - p))
    )
    # a row break's extra space `\\[6pt]` is no bracket of algebra (it had been read as 6·p·t)
    spec = _both_ways(r"y = a x + b \\[6pt]", {}, lambda a, x, b: a * x + b, lambda a, x, b: a * x - b)
    assert "p" not in spec["inputs"] and "t" not in spec["inputs"]


def test_a_braced_bold_symbol_after_a_norm_bar_keeps_its_sample_mark():
    # `\Vert {\bm{z}}^{(i)}`: z of sample i; the group is no argument of \Vert, and (i) is no power
    spec = oracle_spec(r"d = \Vert {\bm{z}}^{(i)} - {\bm{e}} \Vert").spec
    assert spec["inputs"] == ["z_i", "e"]


def test_a_time_or_layer_letter_over_an_indexed_letter_is_an_index():
    # x^{t-1}_i, x^t_i: the value at steps t-1 and t, no powers; beta_2^t and x_i^k stay powers
    spec = _both_ways(
        r"g = x^{t}_i - x^{t-1}_i",
        {},
        lambda x_t_i, x_t_minus_1_i: x_t_i - x_t_minus_1_i,
        lambda x_t_i, x_t_minus_1_i: x_t_i + x_t_minus_1_i,
    )
    assert spec["inputs"] == ["x_t_i", "x_t_minus_1_i"]
    assert oracle_spec(r"v = m / (1 - \beta_2^t)").spec["inputs"] == ["m", "beta_2", "t"]
    assert oracle_spec(r"y = a_i^k + b").spec["inputs"] == ["a_i", "k", "b"]


def test_a_letter_the_defined_symbol_carries_on_top_indexes_the_right_hand_side_too():
    # m^t: the t-th iterate, as on the left; beta_1^t (a Greek constant) and A^i (a bold matrix) are powers
    spec = _both_ways(
        r"\hat{m}^t = m^t / (1 - \beta_1^t)",
        {},
        lambda m_t, beta_1, t: m_t / (1 - beta_1**t),
        lambda m_t, beta_1, t: m_t / (1 + beta_1**t),
    )
    assert spec["inputs"] == ["m_t", "beta_1", "t"]
    got = oracle_spec(r"F_X^{a, i} = \exp(-(a - \mu_X^i)^2)").spec
    assert got["inputs"] == ["a", "mu_i_X"]  # the i-th mean, no power


def test_a_model_applied_twice_and_a_trace_written_without_a_backslash():
    # p_θ(x, z) / p_θ(z): two values of the model, two inputs (one input had made the ratio 1)
    spec = _both_ways(
        r"p_{\theta}(x|z) = \frac{p_{\theta}(x,z)}{p_{\theta}(z)}",
        {},
        lambda p_theta, p_theta_of_z: p_theta / p_theta_of_z,
        lambda p_theta, p_theta_of_z: p_theta * p_theta_of_z,
    )
    assert spec["inputs"] == ["p_theta", "p_theta_of_z"]
    spec = oracle_spec(r"h = \frac{1}{n} \cdot {tr}(\mathbf{L} \hat{X} \hat{X}^T)").spec
    assert "\\optrace(" in spec["definitions"][0]["rhs"]  # the trace, not t times r


def test_the_identity_beside_matrices_is_the_identity_of_their_size():
    inv = np.linalg.inv
    spec = both_ways(
        r"\hat{\Sigma} = (I - V H)^{-1} V",
        lambda V, H: inv(np.eye(3) - V @ H) @ V,
        lambda V, H: inv(np.eye(3) + V @ H) @ V,  # a sign flip
        lambda V, H: inv(np.eye(3) - H @ V) @ V,  # the factors swapped
    )
    assert spec["inputs"] == ["V", "H"] and spec["identity"] == ["I"]  # no input of its own
    spec = both_ways(
        r"R = (K^\top K + \lambda I)^{-1} K^\top y",
        lambda K, lambda_, y: inv(K.T @ K + lambda_ * np.eye(3)) @ K.T @ y,
        lambda K, lambda_, y: inv(K.T @ K) @ K.T @ y,  # the ridge dropped
    )
    assert spec["inputs"] == ["K", "lambda_", "y"]
    both_ways(
        r"S_a = (I_a - V_a H_a)^{-1} V_a",
        lambda V_a, H_a: inv(np.eye(3) - V_a @ H_a) @ V_a,
        lambda V_a, H_a: inv(np.eye(3) - V_a @ H_a),
    )


def _softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def test_scaled_dot_product_attention_in_sans_serif_names():
    spec = both_ways(
        r"\mathsf{Attention}(Q, K, V) = \mathsf{softmax} \big( \frac{QK^T}{\sqrt{d_k}}\big)V",
        lambda Q, K, d_k, V: _softmax(Q @ K.T / np.sqrt(d_k)) @ V,
        lambda Q, K, d_k, V: _softmax(Q @ K.T / np.sqrt(d_k), axis=0) @ V,  # over the queries
        lambda Q, K, d_k, V: _softmax(Q @ K.T) @ V,  # the scale dropped
        lambda Q, K, d_k, V: V @ _softmax(Q @ K.T / np.sqrt(d_k)),  # the product turned round
    )
    # the scale under the fraction is a number, not a vector after K^T; V after softmax(...) is a matrix
    assert spec["matrices"] == ["K", "Q", "V"] and "d_k" not in spec["column_vectors"]


def test_a_sign_on_top_names_a_variant_not_a_sum():
    spec = both_ways(
        r"f^+_{n} = \phi_{n+1} \left[f^+_{n+1} + u_{n} z_{n+1}\right]",
        lambda phi_n_plus_1, f_plus_n_plus_1, u_n, z_n_plus_1: (
            phi_n_plus_1 * (f_plus_n_plus_1 + u_n * z_n_plus_1)
        ),
        lambda phi_n_plus_1, f_plus_n_plus_1, u_n, z_n_plus_1: (
            phi_n_plus_1 * (f_plus_n_plus_1 - u_n * z_n_plus_1)
        ),
    )
    assert spec["outputs"] == ["f_plus_n"]
    assert oracle_spec(r"y = x^+ - x^-").spec["inputs"] == ["x_plus", "x_minus"]  # two variants, no power


def test_a_network_in_calligraphic_letters_gives_its_output_as_a_value():
    """`\\mathcal{N}_f(x, u; \\theta)`, `\\mathcal{N\\!N}(x)` and a loss `\\mathcal{L}_f(\\theta_f)`
    applied to one argument are functions the paper applies: their outputs are given; a Gaussian
    `\\mathcal{N}(x; m, v)` keeps its density; a line that only renames the network's output has nothing to
    compute."""
    spec = both_ways(
        r"h_{t+1} = W h_t + \mathcal{N}_\phi(h_t, u_t; \theta)",
        lambda W, h_t, N_cal_phi_of_h_t_u_t_theta: W @ h_t + N_cal_phi_of_h_t_u_t_theta,
        lambda W, h_t, N_cal_phi_of_h_t_u_t_theta: W @ h_t,  # the network dropped
        lambda W, h_t, N_cal_phi_of_h_t_u_t_theta: W.T @ h_t + N_cal_phi_of_h_t_u_t_theta,
    )
    assert spec["matrices"] == ["W"] and list(spec["given"]) == ["N_cal_phi_of_h_t_u_t_theta"]
    both_ways(
        r"x_{k+1} = x_k + \mathcal{N\!N}(x_k, u_k)",
        lambda x_k, NN_cal_of_x_k_u_k: x_k + NN_cal_of_x_k_u_k,
        lambda x_k, NN_cal_of_x_k_u_k: NN_cal_of_x_k_u_k,
    )
    both_ways(
        r"E_\lambda = {\cal L}_f(\theta_f) - \lambda {\cal L}_r(\theta_f, \theta_r)",
        lambda L_cal_f_of_theta_f, lambda_, L_cal_r_of_theta_f_theta_r: (
            L_cal_f_of_theta_f - lambda_ * L_cal_r_of_theta_f_theta_r
        ),
        lambda L_cal_f_of_theta_f, lambda_, L_cal_r_of_theta_f_theta_r: (
            L_cal_f_of_theta_f + lambda_ * L_cal_r_of_theta_f_theta_r
        ),
    )
    assert "renaming" in oracle_spec(r"\dot x = \mathcal{N}_{\!f}(x, u; \theta)").reason
    assert oracle_spec(r"p(x) = \mathcal{N}(x; \mu, \sigma^2)").spec["inputs"] == ["x", "mu", "sigma"]
