"""Oracles for scripts with a standard meaning (tools/trace/oracle_latex/scripts.py): a whole power on a
named function (`\\log^2 x`, `\\sin^2 \\theta`), a numeric base on \\log (`\\log_2 x`), a loss
`\\mathcal{L}_W` standing alone on a right-hand side, and a braced system whose rows start with `&`. Each
is proved both ways (tests/oracle_proof.py), as is the inverse a trigonometric or hyperbolic name writes
with `^{-1}` (`\\tan^{-1}`); a letter as the base (`\\log_K`, a manifold's map), another negative power
(`\\sin^{-2}`), `\\mathcal{L}` applied to an operand, a step-shifted target on its own right-hand
side (an implicit equation) and a symbol followed by `(0)` (a function at a point) stay refused with the
reason."""

from __future__ import annotations

import numpy as np
import pytest
from oracle_proof import both_ways

from tools.trace.oracles import oracle_spec


def test_a_numeric_base_on_log_is_that_base():
    both_ways(
        r"H_b = -p \log_2 p - (1 - p) \log_{2}(1 - p)",
        lambda p: -p * np.log2(p) - (1 - p) * np.log2(1 - p),
        lambda p: -p * np.log(p) - (1 - p) * np.log(1 - p),
        lambda p: -p * np.log2(p) + (1 - p) * np.log2(1 - p),
    )


def test_log_ten_of_a_bracket():
    both_ways(
        r"d = 10 \log_{10} \left( \frac{s}{n} \right)",
        lambda s, n: 10 * np.log10(s / n),
        lambda s, n: 10 * np.log(s / n),
        lambda s, n: 10 * np.log10(n / s),
    )


def test_a_power_on_a_function_is_a_power_of_its_value():
    both_ways(
        r"r = \log^2 x + \sin^2 \theta",
        lambda x, theta: np.log(x) ** 2 + np.sin(theta) ** 2,
        lambda x, theta: 2 * np.log(x) + np.sin(theta) ** 2,
        lambda x, theta: np.log(x) ** 2 + np.sin(theta**2),
    )


def test_minus_one_on_a_trigonometric_or_hyperbolic_name_is_its_inverse():
    both_ways(
        r"\phi = \frac{a}{\sqrt{1 - q^2}} \tan^{-1}\left[\frac{\sqrt{1 - q^2}\, x}{c}\right] + \tanh^{-1} q",
        lambda a, q, x, c: a / np.sqrt(1 - q**2) * np.arctan(np.sqrt(1 - q**2) * x / c) + np.arctanh(q),
        lambda a, q, x, c: a / np.sqrt(1 - q**2) * np.tan(np.sqrt(1 - q**2) * x / c) + np.arctanh(q),
        lambda a, q, x, c: a / np.sqrt(1 - q**2) * np.arctan(np.sqrt(1 - q**2) * x / c) - np.arctanh(q),
    )


def test_a_loss_standing_alone_on_the_right_is_a_scalar_input():
    spec = both_ways(
        r"\mathcal{L}_{G} = -\mathcal{L}_{W} + \lambda \mathcal{L}_{\mathrm{rec}}",
        lambda L_cal_W, lambda_, L_cal_rec: -L_cal_W + lambda_ * L_cal_rec,
        lambda L_cal_W, lambda_, L_cal_rec: L_cal_W + lambda_ * L_cal_rec,
        lambda L_cal_W, lambda_, L_cal_rec: -L_cal_W + L_cal_rec,
    )
    assert spec["inputs"] == ["L_cal_W", "lambda_", "L_cal_rec"]


def test_a_system_whose_rows_start_with_an_ampersand():
    both_ways(
        r"\left\{ \begin{array}{ll} & x_{k+1} = x_k + s v_k, \\ & v_{k+1} = v_k - s x_{k+1}. "
        r"\end{array} \right.",
        lambda x_k, s, v_k: (x_k + s * v_k, v_k - s * (x_k + s * v_k)),
        lambda x_k, s, v_k: (x_k + s * v_k, v_k - s * x_k),
        lambda x_k, s, v_k: (x_k - s * v_k, v_k - s * (x_k - s * v_k)),
    )


@pytest.mark.parametrize(
    ("latex", "cause"),
    [
        (r"z = \log_K x + y", "subscripted \\log is another map"),
        (r"z = \log_{\mathbf{o}}(x) + y", "subscripted \\log is another map"),
        (r"z = \sin^{-2} x + y", "\\sin with a power or subscript"),
        (r"z = \exp^{-1} x + y", "\\exp with a power or subscript"),
        (r"z = \exp^2 x + y", "\\exp with a power or subscript"),
        (r"u = \mathcal{L} f + g", "applied to what follows it"),
        (r"x_{k+1} = x_k + a \cdot (v_k - x_{k+1})", "an implicit equation for the next step"),
        (r"L_n = B_n^{d_n}(0) + c", "a function evaluated at 0"),
    ],
)
def test_scripts_without_a_certain_meaning_are_refused(latex, cause):
    result = oracle_spec(latex)
    assert not result.ok
    assert cause in result.reason
