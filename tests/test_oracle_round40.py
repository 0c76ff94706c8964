"""Oracles of the fortieth round: braced symbols with empty scripts, after a function name or a Greek
letter (`\\log {\\hat{p}}^{(n)}_{}`), read as the symbol itself."""

from __future__ import annotations

import numpy as np
from oracle_proof import both_ways


def test_braced_symbols_with_empty_subscripts_in_a_log_likelihood():
    spec = both_ways(
        r"Q_0 = \sum_{n=1}^N {y}^{(n)}_{} \log {\hat{p}}^{(n)}_{} "
        r"+ (1 - {y}^{(n)}_{}) \log (1 - {\hat{p}}^{(n)}_{})",
        lambda y, p_hat: np.sum(y * np.log(p_hat) + (1 - y) * np.log(1 - p_hat)),
        lambda y, p_hat: np.sum(y * np.log(p_hat) - (1 - y) * np.log(1 - p_hat)),
        lambda y, p_hat: np.sum(y * np.log(p_hat)),
    )
    assert set(spec["inputs"]) == {"y", "p_hat"}


def test_a_braced_symbol_after_a_greek_letter_is_a_factor():
    both_ways(
        r"u = \alpha {x}_1 + \exp {y}_2",
        lambda alpha, x_1, y_2: alpha * x_1 + np.exp(y_2),
        lambda alpha, x_1, y_2: alpha * x_1 - np.exp(y_2),
    )


def test_a_sum_opening_the_right_side_runs_on_only_while_its_index_does():
    both_ways(  # the penalty has no index: it stays outside the sum
        r"L = \sum_{i=1}^N (y_i - t_i)^2 + \lambda w^2",
        lambda y, t, lambda_, w: np.sum((y - t) ** 2) + lambda_ * w**2,
        lambda y, t, lambda_, w: np.sum((y - t) ** 2 + lambda_ * w**2),
    )


def test_plain_tex_over_is_a_fraction_and_a_spelled_out_name_is_one_word():
    spec = both_ways(
        r"Loss = {1 \over B} \sum_{b=1}^{B} \big(y_b - q_b\big)^2",
        lambda B, y, q: np.sum((y - q) ** 2) / B,
        lambda B, y, q: np.sum((y - q) ** 2) * B,
        lambda B, y, q: np.sum((y + q) ** 2) / B,
    )
    assert spec["outputs"] == ["Loss"]
    both_ways(
        r"\phi = 2\pi {a \over A}",
        lambda a, A: 2 * np.pi * a / A,
        lambda a, A: 2 * np.pi * A / a,
    )
