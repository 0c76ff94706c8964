"""Oracles of the thirty-fifth round: a clip (min of max, refused where the random inputs do not straddle its
bounds), operators braced for their spacing (`x{-}m`), and a function the paper never defines inside a log of
one minus it. Each is proved both ways on hand-written implementations."""

from __future__ import annotations

import numpy as np
import pytest
from oracle_proof import both_ways, run_on

from tools.trace.oracles import load_runtime, oracle_spec


def _ppo(r, A, epsilon):
    return np.minimum(r * A, np.clip(r, 1 - epsilon, 1 + epsilon) * A)


def test_a_clip_is_min_of_max_and_its_bounds_must_be_straddled():
    spec = both_ways(
        r"a = \text{clip}(x{-}m, -c, c)",
        lambda x, m, c: np.clip(x - m, -c, c),
        lambda x, m, c: x - m,  # the clip dropped
        lambda x, m, c: np.clip(x - m, -c, 0 * c),
        lambda x, m, c: np.clip(x + m, -c, c),
    )
    assert len(spec["conditions"]) == 4  # its two bounds, and which argument of its min and max wins
    # PPO's ratio clipped at 1 ± ε: two draws in [-0.9, 0.9] miss a bound, so the test draws on more seeds,
    # where each bound left out fails on some of them
    result = oracle_spec(r"L = \min\big(r A, \operatorname{clip}(r, 1{-}\epsilon, 1{+}\epsilon) A\big)")
    assert result.ok and result.spec["seeds"] == 8
    seeds = load_runtime().seeds(result.spec)
    for seed in seeds:
        run_on(result.spec, _ppo, seed)
    for wrong in (
        lambda r, A, epsilon: np.minimum(r * A, np.maximum(r, 1 - epsilon) * A),  # the upper bound left out
        lambda r, A, epsilon: np.minimum(r * A, np.minimum(r, 1 + epsilon) * A),  # the lower bound left out
    ):
        with pytest.raises(AssertionError):
            for seed in seeds:
                run_on(result.spec, wrong, seed)


def test_a_clip_written_without_its_bounds_is_refused_with_that_reason():
    result = oracle_spec(r"L = \min(w A, \text{clip}(w) A)")
    assert not result.ok and "without its two bounds" in result.reason


def test_an_undefined_function_inside_a_log_of_one_minus_it_stays_finite():
    both_ways(
        r"\ell = y \log f(x) + (1 - y) \log(1 - f(x))",
        lambda y, x, f: y * np.log(f(x)) + (1 - y) * np.log(1 - f(x)),
        lambda y, x, f: y * np.log(f(x)) - (1 - y) * np.log(1 - f(x)),
        lambda y, x, f: y * np.log(f(x)),
        callables={"f"},
    )


def test_a_models_output_inside_a_sum_over_its_argument_is_one_value_per_term():
    spec = both_ways(
        r"L = \frac{1}{N}\sum_{i=1}^{N} (f_\theta(x_i) - y_i)^2",
        lambda N, f_theta, y: np.sum((f_theta - y) ** 2) / N,
        lambda N, f_theta, y: np.sum((f_theta[..., :1] - y) ** 2) / N,  # one output for every term
        lambda N, f_theta, y: np.sum((f_theta + y) ** 2) / N,
    )
    assert "f_theta" in spec["vectors"]
    # an autoregressive factorisation: the sequence's log-probability is the sum of its tokens'
    both_ways(
        r"\log p_\theta(y) = \sum_{t=1}^{T} \log p_\theta(y_t \mid y_{<t})",
        lambda p_theta: np.sum(np.log(p_theta)),
        lambda p_theta: np.log(p_theta[..., 0]) * p_theta.shape[-1],
        lambda p_theta: -np.sum(np.log(p_theta)),
    )


def test_a_sum_over_ell_is_a_sum_over_an_index_and_ell_of_x_stays_a_loss():
    both_ways(
        r"h = \sum_{\ell=1}^{L} w_\ell x_\ell",
        lambda w, x: np.sum(w * x),
        lambda w, x: -np.sum(w * x),
        lambda w, x: np.sum(w) * np.sum(x),
    )
    spec = both_ways(
        r"L = \frac{1}{N}\sum_{i=1}^{N} \ell(x_i, y_i)",
        lambda N, ell_of_x_y: np.sum(ell_of_x_y) / N,
        lambda N, ell_of_x_y: -np.sum(ell_of_x_y) / N,
    )
    assert "ell_of_x_y" in spec["vectors"]
