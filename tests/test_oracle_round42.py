"""Oracles of the forty-second round: the physics package's derivative macros (`\\pdv`, `\\dv`) read as the
fractions they print, so a derivative gets the same oracle, or the same named refusal, either way."""

from __future__ import annotations

from oracle_proof import both_ways

from tools.trace.oracles import oracle_spec


def test_a_pdv_of_a_written_expression_is_differentiated():
    both_ways(
        r"g = \pdv{}{x}\left(a x^3 + b x\right)",
        lambda a, x, b: 3 * a * x**2 + b,
        lambda a, x, b: a * x**3 + b * x,  # not differentiated
        lambda a, x, b: 3 * a * x**2 - b,
    )


def test_a_pdv_of_an_unwritten_quantity_is_a_given_value_as_its_fraction_is():
    by_pdv = oracle_spec(r"\Delta E = - O \cdot \pdv{E}{O}")
    by_frac = oracle_spec(r"\Delta E = - O \cdot \frac{\partial E}{\partial O}")
    assert by_pdv.ok and by_frac.ok, (by_pdv.reason, by_frac.reason)
    assert by_pdv.spec["inputs"] == by_frac.spec["inputs"]
    both_ways(
        r"\Delta E = - u \cdot \pdv{E}{u}",
        lambda u, grad_u_E: -u * grad_u_E,
        lambda u, grad_u_E: u * grad_u_E,
    )


def test_higher_and_mixed_physics_derivatives_are_refused_by_name():
    for latex in (r"z = \pdv[2]{}{x}(x^3)", r"z = \pdv{f}{x}{y}", r"z = \dv[2]{f}{t}"):
        result = oracle_spec(latex)
        assert not result.ok and "second or higher derivative" in result.reason, (latex, result.reason)
    result = oracle_spec(r"z = \pdv{f}")
    assert not result.ok and "without its two arguments" in result.reason


def test_a_sum_over_a_subscripted_index_is_refused_by_that_name():
    result = oracle_spec(r"z = \sum_{h_{\ell-1}=1}^{H} W_{h_{\ell-1}} x_{h_{\ell-1}}")
    assert not result.ok and "index carries a subscript" in result.reason
    assert oracle_spec(r"z = \sum_{j=1}^{n} w_j x_j").ok
