"""Oracles for notation that only changes how a formula is written: an expectation's `x \\sim p` subscript on
a left-hand side (no relation of the line), old font switches (`{\\cal L}`), `\\mathop{\\mathbb{E}}` and empty
groups `{}`. Each oracle accepts a right implementation and rejects wrong ones (tests/oracle_proof.py); a
real relation on the left stays refused."""

from __future__ import annotations

import numpy as np
from oracle_proof import both_ways, run_on

from tools.trace.oracles import load_runtime, oracle_spec


def test_an_expectation_subscript_on_the_left_is_no_relation():
    spec = both_ways(
        r"\mathbb{E}_{x \sim p}\left[(x - c)^2\right] = \frac{1}{n}\sum_{i=1}^{n} (x_i - c)^2",
        lambda x, c, n: np.sum((x - c) ** 2, axis=-1) / n,
        lambda x, c, n: np.sum((x + c) ** 2, axis=-1) / n,
        lambda x, c, n: np.sum((x - c) ** 2, axis=-1),
    )
    assert len(spec["outputs"]) == 1


def test_a_relation_on_the_left_outside_a_subscript_stays_refused():
    result = oracle_spec(r"x \sim p = a + b")
    assert not result.ok and "relation (\\sim)" in result.reason


def test_mathop_around_an_expectation_is_the_expectation():
    both_ways(
        r"J = \mathop{\mathbb{E}}\left[r^2 + b\right]",
        lambda r, b: np.mean(r**2 + b, axis=0),
        lambda r, b: np.mean(r**2 - b, axis=0),
        lambda r, b: np.mean(r**2, axis=0),
    )


def test_an_old_font_switch_reads_as_its_command():
    font = oracle_spec(r"E = {\cal L}_f - \lambda {\cal N}(x)")
    command = oracle_spec(r"E = \mathcal{L}_f - \lambda \mathcal{N}(x)")
    assert not font.ok and font.reason == command.reason  # one reading, one reason
    indexed = oracle_spec(r"E = {\cal L}_f - \lambda {\cal N}_r")  # a letter with an index: a quantity
    assert indexed.ok and indexed.spec == oracle_spec(r"E = \mathcal{L}_f - \lambda \mathcal{N}_r").spec
    loss = oracle_spec(r"E = {\cal L}_f - \lambda {\cal L}_r")  # losses alone (scripts.py)
    assert loss.ok and loss.spec == oracle_spec(r"E = \mathcal{L}_f - \lambda \mathcal{L}_r").spec
    both_ways(
        r"y = {\bf w} \cdot x + b",
        lambda w, x, b: w * x + b,
        lambda w, x, b: w * x - b,
    )


def test_an_empty_group_written_for_spacing_is_dropped():
    both_ways(
        r"y = a{} x^2{} + b",
        lambda a, x, b: a * x**2 + b,
        lambda a, x, b: a * x**2 - b,
        lambda a, x, b: a * x + b,
    )


def test_a_log_of_a_sum_takes_the_whole_sum_and_a_log_of_bars_the_bars():
    both_ways(
        r"y = \log \sum_{i=1}^{n} w_i e^{x_i} + c",
        lambda w, x, c: np.log(np.sum(w * np.exp(x), axis=-1)) + c,
        lambda w, x, c: np.log(np.sum(w, axis=-1)) * np.exp(x).sum(axis=-1) + c,  # the log of w alone
        lambda w, x, c: np.log(np.sum(w * np.exp(x), axis=-1)) - c,
    )
    both_ways(
        r"y = \log |a - b| \, c + d",
        lambda a, b, c, d: np.log(np.abs(a - b)) * c + d,
        lambda a, b, c, d: np.log(np.abs(a - b) * c) + d,  # the log over the factor after the bars
    )


def test_a_bound_after_the_value_is_refused_as_a_bound():
    result = oracle_spec(r"L = \sum_{j} (x_j - b)^2 \leq \delta")
    assert not result.ok
    assert "an inequality (\\leq): a bound" in result.reason


def test_braces_after_exp_are_its_brackets():
    both_ways(
        r"p = \frac{1}{\sqrt{2\pi}\sigma}"
        r"\exp\left\{-\frac{1}{2}\left(\frac{\theta-\mu}{\sigma}\right)^2\right\}",
        lambda sigma, theta, mu: np.exp(-0.5 * ((theta - mu) / sigma) ** 2) / (np.sqrt(2 * np.pi) * sigma),
        lambda sigma, theta, mu: np.exp(0.5 * ((theta - mu) / sigma) ** 2) / (np.sqrt(2 * np.pi) * sigma),
        lambda sigma, theta, mu: np.exp(-0.5 * ((theta + mu) / sigma) ** 2) / (np.sqrt(2 * np.pi) * sigma),
    )


def test_a_log_of_an_integral_or_of_a_policy_names_the_cause():
    assert "an integral" in oracle_spec(r"y = \log \int_0^1 f(x) \, dx").reason
    assert "policy or density" in oracle_spec(r"\ell = -\log \pi(a_t) A_t").reason


def test_a_named_norm_is_refused_as_one():
    result = oracle_spec(r"d = \frac{x}{\sqrt{-K}\|x\|_{\mathcal{L}}}")
    assert not result.ok and "a named norm (Lorentzian" in result.reason


def test_an_annotated_brace_is_its_term_and_a_phantom_is_only_space():
    both_ways(
        r"L = \underbrace{(y - \mu)^2}_{\text{distortion}} + \lambda \overbrace{r}^{\text{rate}}",
        lambda y, mu, lambda_, r: (y - mu) ** 2 + lambda_ * r,
        lambda y, mu, lambda_, r: (y + mu) ** 2 + lambda_ * r,
        lambda y, mu, lambda_, r: (y - mu) ** 2,
    )
    both_ways(r"s \phantom{=} = a + \hphantom{x} b", lambda a, b: a + b, lambda a, b: a - b)


def test_a_matrix_written_out_is_refused_by_its_environments_name():
    result = oracle_spec(r"y = \begin{pmatrix} a \\ b \end{pmatrix} x")
    assert not result.ok and "\\begin{pmatrix} block" in result.reason


def test_an_inner_product_of_two_vectors_sums_their_product():
    spec = both_ways(
        r"s = \left\langle x, y \right\rangle + b",
        lambda x, y, b: np.sum(x * y, axis=-1) + b,
        lambda x, y, b: np.sum(x * y, axis=-1) - b,
        lambda x, y, b: np.sum(x + y, axis=-1) + b,
    )
    assert spec["vectors"] == ["x", "y"]
    named = oracle_spec(r"d = \langle x, y \rangle_{\mathcal{L}}")
    assert not named.ok and "inner product with a subscript" in named.reason
    beside = oracle_spec(r"s = \langle \mathbf{W} x, y \rangle")
    assert not beside.ok and "a^T b" in beside.reason


def test_latex_operators_spelled_in_roman_read_as_the_operators():
    # \mathop{\rm min}\nolimits(1, x), {\rm tr}(A), \mathrm{exp}(a): LaTeX's own \min, \tr, \exp
    both_ways(
        r"\lambda = \Big(1 - \mathop{\rm min}\nolimits\Big(1, \frac{d}{\epsilon}\Big)\Big)^2",
        lambda d, epsilon: (1 - np.minimum(1, d / epsilon)) ** 2,
        lambda d, epsilon: (1 + np.minimum(1, d / epsilon)) ** 2,
        lambda d, epsilon: (1 - d / epsilon) ** 2,
    )
    spelled = oracle_spec(r"y = {\rm tr}(\mathbf{A} \mathbf{B}) + \mathrm{exp}(c)")
    assert spelled.ok and spelled.spec == oracle_spec(r"y = \tr(\mathbf{A} \mathbf{B}) + \exp(c)").spec
    for trace in (r"\mathrm{Tr}", r"\operatorname{trace}"):  # spelled another way, still the trace
        named = oracle_spec(rf"y = {trace}(\mathbf{{A}} \mathbf{{B}}) + \mathrm{{exp}}(c)")
        assert named.ok and named.spec == spelled.spec


def test_a_roman_operator_word_not_applied_stays_a_name():
    # \lambda_{\mathrm{max}}: a symbol's label, not the maximum
    named = oracle_spec(r"y = \lambda_{\mathrm{max}} x + b")
    assert named.ok and "lambda_max" in str(named.spec)


def test_an_oracle_blind_on_some_of_its_inputs_draws_more_of_them():
    # min(1, |delta|_inf / eps) is 1 on most random inputs, where the whole line is 0: on such an input a sign
    # flip gives the right numbers, so the test draws on more seeds, and a sign flip fails on some of them
    result = oracle_spec(r"w = \Big(1 - \min\Big(1, \frac{\|\delta\|_\infty}{\epsilon}\Big)\Big)^\rho")
    assert result.ok and result.spec["seeds"] == 8

    def right(delta, epsilon, rho):
        return (1 - np.minimum(1, np.max(np.abs(delta)) / epsilon)) ** rho

    seeds = load_runtime().seeds(result.spec)
    for seed in seeds:
        run_on(result.spec, right, seed)
    flipped = 0
    for seed in seeds:
        try:
            run_on(result.spec, lambda delta, epsilon, rho: -right(delta, epsilon, rho), seed)
        except AssertionError:
            flipped += 1
    assert 0 < flipped < len(seeds)  # caught, though not on every draw


def test_functions_written_without_a_backslash_are_the_functions():
    # tanh(Wx), ReLU(...), exp\Big(...\Big) in italic letters: the functions, not products of letters
    both_ways(
        r"v = x + tanh(w f)",
        lambda x, w, f: x + np.tanh(w * f),
        lambda x, w, f: x - np.tanh(w * f),
        lambda x, w, f: np.tanh(w * f),
    )
    both_ways(
        r"g = ReLU(a - b) + exp\Big(\frac{c}{2}\Big)",
        lambda a, b, c: np.maximum(a - b, 0) + np.exp(c / 2),
        lambda a, b, c: np.maximum(a - b, 0) - np.exp(c / 2),
        lambda a, b, c: np.exp(c / 2),
    )


def test_letters_that_spell_a_function_inside_a_product_stay_letters():
    # `t` + `anh(...)` inside a longer word: no function; letters that spell one alone (`e x p`, `cos`) are
    # refused, not read as a product: the spacing that might tell them apart is lost in the maths
    assert oracle_spec(r"y = a b c + 1").spec["definitions"][0]["rhs"] == r"{\zza} {\zzb} {\zzc} +1"
    assert "'exp' is a word" in oracle_spec(r"y = e x p + 1").reason
    refused = oracle_spec(r"y = s tanh + 1")  # five letters in a row: a word, not a product to guess at
    assert not refused.ok and "word written in maths italics" in refused.reason


def test_a_word_in_text_font_names_a_quantity_as_mathrm_does():
    spec = both_ways(
        r"\text{accuracy} = 1 - 2 \cdot \text{EMD}",
        lambda EMD: 1 - 2 * EMD,
        lambda EMD: 1 + 2 * EMD,
        lambda EMD: -2 * EMD,
    )
    assert spec["inputs"] == ["EMD"] and spec["outputs"] == ["accuracy"]
    both_ways(
        r"\text{MRR} = \frac{1}{n}\sum_{i=1}^{n} \frac{1}{\textnormal{rank}_i}",
        lambda rank, n: np.sum(1 / rank, axis=-1) / n,
        lambda rank, n: np.sum(rank, axis=-1) / n,
    )


def test_prose_units_and_statistics_in_text_font_stay_refused():
    for latex in (
        r"t = 3 d \, \text{ms}",  # a unit
        r"y = x^2 ~~ (\text{mag}^2)",  # a unit in brackets
        r"\log p(x) = -x^2 + \text{const}",  # an unnamed constant
        r"v = \text{Var}[x] + c",  # a statistic
        r"y = x + \text{forall}",  # prose run together
    ):
        result = oracle_spec(latex)
        assert not result.ok, latex


def test_a_word_named_function_with_a_subscript_is_not_a_product():
    result = oracle_spec(r"G(x) = \mathrm{Softmax}(\text{Top}_k(x W + b))")
    assert not result.ok and "Top_k(...) applies a function the paper names" in result.reason
    assert oracle_spec(r"y = \beta_t(1 - x)").ok  # one letter with a subscript: a product, as before


def test_an_upright_e_is_eulers_number():
    for latex in (r"y = \mathrm{e}^{-x}", r"y = {\rm e}^{-x}", r"y = \text{e}^{-x}"):
        spec = both_ways(latex, lambda x: np.exp(-x), lambda x: np.exp(x), lambda x: -x)
        assert spec["inputs"] == ["x"], latex


def test_a_power_on_the_left_names_the_quantity_it_defines():
    spec = both_ways(
        r"\sigma^2 = \mu + \frac{\mu^2}{r}",
        lambda mu, r: mu + mu**2 / r,
        lambda mu, r: mu - mu**2 / r,
        lambda mu, r: mu,
    )
    assert "sigma" not in spec["inputs"]
    result = oracle_spec(r"x^2 = a + b = a - b")  # a chain whose links disagree is still refused
    assert not result.ok and "disagree" in result.reason


def test_pi_before_a_bracket_is_the_number_after_a_coefficient_and_a_policy_otherwise():
    both_ways(
        r"\omega_{j} = 2\,\pi\,(\nu + j\,\Delta\nu)",
        lambda nu, j, Delta_nu: 2 * np.pi * (nu + j * Delta_nu),
        lambda nu, j, Delta_nu: 2 * np.pi * (nu - j * Delta_nu),
        lambda nu, j, Delta_nu: 2 * np.pi * nu,
    )
    result = oracle_spec(r"a_t = \pi(x_t, z_t)")
    assert not result.ok and "policy or density" in result.reason


def test_a_superscript_written_before_its_subscript_keeps_its_meaning():
    """`\\hat{y}^{\\rm sim}_t` (an old font switch on top), `W^T_k` (a transpose on top): the order of the
    scripts changes nothing."""
    both_ways(
        r"J = \frac{1}{n}\sum_{t=1}^{n} (y_t - \hat{y}^{\rm sim}_{t})^2",
        lambda n, y, y_hat_sim: np.sum((y - y_hat_sim) ** 2, axis=-1) / n,
        lambda n, y, y_hat_sim: np.sum((y + y_hat_sim) ** 2, axis=-1) / n,
    )
    both_ways(
        r"z = \boldsymbol W^T_{k} \boldsymbol x + b",
        lambda W_k, x, b: np.swapaxes(W_k, -1, -2) @ x + b,
        lambda W_k, x, b: W_k @ x + b,
    )


def test_a_unit_after_the_value_is_no_factor():
    both_ways(
        r"\mathrm{FIT} = 100 \left(1 - \frac{e}{s}\right) (\%),",
        lambda e, s: 100 * (1 - e / s),
        lambda e, s: 100 * (1 + e / s),
    )
    assert not oracle_spec(r"a = b \% c").ok  # a percent sign between terms stays unread


def test_pi_with_a_subscript_is_a_variable_and_bare_pi_the_number():
    both_ways(
        r"p = \sum_{k=1}^{K} \pi_k x_k^2",
        lambda pi, x: np.sum(pi * x**2, axis=-1),
        lambda pi, x: np.sum(x**2, axis=-1),
    )
    both_ways(r"q = 2 \pi r", lambda r: 2 * np.pi * r, lambda r: np.pi * r)


def test_doubled_braces_around_a_symbol_change_nothing():
    both_ways(
        r"J = \sum_{j=1}^{n} (a_j - {{\bm{y}}}_j)^2",
        lambda a, y: np.sum((a - y) ** 2, axis=-1),
        lambda a, y: np.sum((a + y) ** 2, axis=-1),
    )


def test_old_font_switches_with_braces_in_scripts_and_an_identity_sized_by_a_subscripted_letter():
    """`J_{\\rm{xf}}^\\top` names one matrix (no product of x and f); `I_{n_\\theta}` is the identity, no
    input; a ridge solution then has its oracle."""
    both_ways(
        r"\bar{\theta} = (J_{\rm{xf}}^\top J_{\rm{xf}} + \sigma^2 I_{n_\theta})^{-1} "
        r"J^\top_{\rm{xf}} \mathbf{y}",
        lambda J_xf, sigma, y: np.linalg.solve(J_xf.T @ J_xf + sigma**2 * np.eye(len(J_xf)), J_xf.T @ y),
        lambda J_xf, sigma, y: np.linalg.solve(J_xf.T @ J_xf + np.eye(len(J_xf)), J_xf.T @ y),
    )


def test_a_linear_system_on_the_left_is_no_definition():
    for latex in (
        r"(A^\top A + \lambda I) \hat{w} = A^\top y",
        r"\overbrace{(A^\top A + \lambda I)}^{=M} \hat{w} = A^\top y",
    ):
        reason = oracle_spec(latex).reason
        assert reason and "an equation to solve" in reason, latex
    assert oracle_spec(r"\mathbb{E}_{x \sim p}[(x - c)^2] = \frac{1}{n}\sum_{i=1}^{n} (x_i - c)^2").ok


def test_a_signal_at_one_sample_in_brackets_is_its_subscript():
    """`y[n]`, `\\hat{y}[n]`, `h[n-1]`: the error-to-signal ratio over a sum on n, and a gate of a GRU."""
    both_ways(
        r"\mathcal{E} = \frac{\sum_{n=0}^{N-1} |y[n] - \hat{y}[n]|^2}{\sum_{n=0}^{N-1} |y[n]|^2}",
        lambda y, y_hat: np.sum((y - y_hat) ** 2, axis=-1) / np.sum(y**2, axis=-1),
        lambda y, y_hat: np.sum((y + y_hat) ** 2, axis=-1) / np.sum(y**2, axis=-1),
    )


def test_a_braced_parameter_of_a_function_the_line_defines():
    spec = both_ways(
        r"f({x}) = x^2 + 1, \qquad y = f(a) - f(b)",
        lambda a, b: a**2 - b**2,
        lambda a, b: a**2 + b**2,
    )
    assert spec["definitions"][0]["params"] == ["zzx"]
