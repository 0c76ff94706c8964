"""Oracles with whole-number inputs: a letter the line writes as the power of a bracket (`(A^\\top)^j`,
`(A^\\top)^{i-r-1}`) is an integer input (spec "integers"), and the same letter on the matrix itself is then
a power too. A letter only ever on a symbol (`W^h`, an iterate `W^k`) may name a matrix: still refused.
Also a prime after a braced symbol (`{\\bm{x}}'`), read as after a plain letter."""

from __future__ import annotations

import numpy as np
import pytest
from oracle_proof import both_ways

from tools.trace.oracles import load_runtime, oracle_spec

mpow = np.linalg.matrix_power


def _refused(latex: str) -> str:
    result = oracle_spec(latex)
    assert not result.ok
    return result.reason or ""


def test_power_of_a_transposed_matrix_by_a_letter():
    spec = both_ways(
        r"\mathbf{Y} = \mathbf{B}^\top (\mathbf{A}^\top)^{j} + \mathbf{A}^{j}",
        lambda B, A, j: B.T @ mpow(A.T, int(j)) + mpow(A, int(j)),
        lambda B, A, j: B.T @ mpow(A.T, int(j) - 1) + mpow(A, int(j)),  # one power short
        lambda B, A, j: B.T @ mpow(A, int(j)) + mpow(A, int(j)),  # the transpose dropped
        lambda B, A, j: B.T @ A.T * j + A * j,  # the power read as a factor
    )
    assert spec["integers"] == ["j"]


def test_powers_that_combine_letters():
    spec = both_ways(
        r"\mathbf{Y} = (\mathbf{A}^\top)^{r+1} \mathbf{C} (\mathbf{A}^\top)^{i-r-1}",
        lambda A, C, i, r: mpow(A.T, int(r) + 1) @ C @ mpow(A.T, int(i) - int(r) - 1),
        lambda A, C, i, r: mpow(A.T, int(r)) @ C @ mpow(A.T, int(i) - int(r)),
        lambda A, C, i, r: C @ mpow(A.T, int(i)),  # the factors reordered
    )
    assert spec["integers"] == ["i", "r"]


def test_integer_inputs_are_whole_numbers():
    result = oracle_spec(r"\mathbf{Y} = (\mathbf{A}^\top)^{k} \mathbf{B}")
    assert result.ok, result.reason
    rt = load_runtime()
    values = {float(rt.random_inputs(result.spec, seed=s, backend="numpy")["k"]) for s in range(6)}
    assert values <= {2.0, 3.0, 4.0} and len(values) > 1


@pytest.mark.parametrize(
    "latex",
    [
        r"\mathbf{h} = \mathbf{W}^{h} \mathbf{u} + \mathbf{W}^{x} \mathbf{z}",  # names written on top
        r"\mathbf{Z} = \mathbf{W}^k - \eta \mathbf{G}^k",  # iterates
        r"\mathbf{Y} = \mathbf{C} \mathbf{A}^{k-1} \mathbf{B}",  # on a symbol only, even with arithmetic
        r"\mathbf{Y} = (\mathbf{A} \mathbf{B})^{(l)}",  # a mark in brackets, not a power
        r"\mathbf{Y} = (\mathbf{A}^\top)^{1/p}",  # a whole letter, a fractional power
    ],
)
def test_a_letter_power_without_evidence_is_refused(latex):
    assert "power" in _refused(latex)


def test_prime_after_a_braced_symbol():
    spec = both_ways(
        r"z = {\boldsymbol{x}}' w - {x}",
        lambda x_prime, w, x: x_prime * w - x,
        lambda x_prime, w, x: x * w - x_prime,
    )
    assert "x_prime" in spec["inputs"]


def test_prime_after_a_braced_expression_is_refused():
    assert "'" in _refused(r"z = {x + y}' w")
