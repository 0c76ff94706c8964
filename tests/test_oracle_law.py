"""An equality in distribution (`X \\stackrel{d}{=} Y`, `=_d`, `\\overset{\\mathcal{L}}{=}`) states that two
random variables share a law, not a value: code may draw the sample any way with that law, so no oracle checks
it pointwise and it is refused by name. A definition sign written over `=` (def, \\Delta, a step label) stays
an equality, proved both ways."""

from __future__ import annotations

import pytest
from oracle_proof import both_ways

from tools.trace.oracles import oracle_spec


@pytest.mark.parametrize(
    "latex",
    [
        r"z \stackrel{d}{=} \mu + \sigma \epsilon",
        r"z \overset{\mathcal{D}}{=} \mu + \sigma \epsilon",
        r"z \overset{\mathcal{L}}{=} \mu + \sigma \epsilon",
        r"z \stackrel{\text{law}}{=} \mu + \sigma \epsilon",
        r"z =_{d} \mu + \sigma \epsilon",
        r"z \buildrel d \over = \mu + \sigma \epsilon",
        r"\left(x \mid y = y^*\right) \stackrel{\mathrm{d}}{=} x + C_{xy} C_{yy}^{-1} (y^* - y)",
    ],
)
def test_an_equality_in_distribution_is_refused_by_name(latex):
    result = oracle_spec(latex)
    assert not result.ok and "equality in distribution" in result.reason


def test_an_equals_sign_with_another_subscript_names_that():
    result = oracle_spec(r"u =_{\theta} a + b")
    assert not result.ok and "equals sign with a subscript" in result.reason


@pytest.mark.parametrize(
    "sign",
    [r"\stackrel{\text{def}}{=}", r"\overset{\Delta}{=}", r"\stackrel{(a)}{=}", r"\buildrel \rm def \over ="],
)
def test_a_definition_sign_over_equals_stays_an_equality(sign):
    both_ways(
        rf"z {sign} \mu + \sigma \epsilon",
        lambda mu, sigma, epsilon: mu + sigma * epsilon,
        lambda mu, sigma, epsilon: mu - sigma * epsilon,
        lambda mu, sigma, epsilon: sigma * epsilon,
    )
