"""Oracles of the forty-first round: a max of one scalar shows each branch only on some draws, so its test
draws signed inputs on more seeds, and each wrong answer must fail on one of them."""

from __future__ import annotations

import numpy as np
import pytest
from oracle_proof import run_on

from tools.trace.oracles import load_runtime, oracle_spec, render_test


def _relu(w, x):
    return np.maximum(0.0, np.sum(w * x))


def test_a_rectified_sum_gets_an_oracle_on_more_signed_draws():
    result = oracle_spec(r"\text{ReLU}(\boldsymbol{x})=\max(0,\sum_{j=1}^p w_j x_j)", {}, {})
    assert result.ok, result.reason
    seeds = load_runtime().seeds(result.spec)
    assert len(seeds) > 2 and result.spec["range"] == [-0.9, 0.9]
    for seed in seeds:
        run_on(result.spec, _relu, seed)
    wrongs = (lambda w, x: -_relu(w, x), lambda w, x: np.sum(w * x), lambda w, x: np.maximum(0.0, -w @ x))
    for wrong in wrongs:
        failed = 0
        for seed in seeds:
            try:
                run_on(result.spec, wrong, seed)
            except (AssertionError, ValueError):
                failed += 1
        assert failed, "a wrong branch passed every seed the test draws"


def test_the_rendered_test_draws_on_the_specs_seeds():
    result = oracle_spec(r"\text{ReLU}(\boldsymbol{x})=\max(0,\sum_{j=1}^p w_j x_j)", {}, {})
    text = render_test("EQ-2", "2", result.latex, "mypkg", result)
    assert '@pytest.mark.parametrize("seed", paper_oracle.seeds(SPEC))' in text and '"seeds": 8' in text


@pytest.mark.parametrize("latex", [r"y = \max(0, a - b)", r"z = a + b"])
def test_plain_lines_keep_two_seeds(latex):
    result = oracle_spec(latex, {}, {})
    assert result.ok and load_runtime().seeds(result.spec) == [0, 1]
