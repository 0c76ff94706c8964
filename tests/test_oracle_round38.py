"""Oracles of the thirty-eighth round: a name applied to an application (`D(G(z))`) and the name inside are
functions the paper never defines, whatever their case; `log` written without a backslash after a
subscript (`y_i log(s_i)`) is the logarithm."""

from __future__ import annotations

import numpy as np
from oracle_proof import both_ways

from tools.trace.oracles import oracle_spec, paper_callables

GAN = "\n".join(
    [
        "$$ L_{fake} = \\sum_{n=1}^{N} - \\log D\\left( G\\left( z_n \\right) \\right) $$ (3)",
        "$$ L_{real} = \\sum_{n=1}^{N} 1 - \\log D\\left( x_n \\right) $$ (4)",
        "$$ y = A(B + C) $$ (5)",
    ]
)


def test_a_name_applied_to_an_application_and_the_name_inside_are_functions():
    called = paper_callables(GAN)
    assert {"D", "G"} <= called and "A" not in called  # A(B + C): a matrix times a sum, as before
    spec = both_ways(
        r"L_{fake} = \sum_{n=1}^{N} - \log D\left( G\left( z_n \right) \right)",
        lambda D, G, z: -np.sum(np.log(D(G(z)))),
        lambda D, G, z: np.sum(np.log(D(G(z)))),
        callables=called,
    )
    assert {"D", "G"} <= set(spec["inputs"])
    assert not oracle_spec(r"L_{fake} = \sum_{n=1}^{N} - \log D\left( G\left( z_n \right) \right)").ok


def test_a_log_without_its_backslash_after_a_subscript():
    def cross_entropy(y, s, sign=-1.0, log=np.log):
        return sign * np.sum(y * log(s))

    wrong = (lambda y, s: cross_entropy(y, s, sign=1.0), lambda y, s: cross_entropy(y, s, log=np.negative))
    both_ways(r"\mathcal{L}_{\text{CE}} = -\sum_{i}^{C} y_i log(s_i)", cross_entropy, *wrong)


def test_a_code_name_in_text_is_a_variable():
    spec = both_ways(
        r"\text{weighted\_prob} = 1 - e^{-\text{rate\_per\_minute} \times \text{minutes\_played}}",
        lambda rate_per_minute, minutes_played: 1 - np.exp(-rate_per_minute * minutes_played),
        lambda rate_per_minute, minutes_played: 1 + np.exp(-rate_per_minute * minutes_played),
        lambda rate_per_minute, minutes_played: 1 - np.exp(-rate_per_minute),
    )
    assert spec["outputs"] == ["weighted_prob"]
    assert not oracle_spec(r"y = x \text{ for all } t").ok  # words of a sentence stay text
