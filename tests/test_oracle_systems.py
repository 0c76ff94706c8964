"""Oracles for braced blocks: a `cases` block whose last row leaves its condition out (that row is
`otherwise`), and a system of equations in a brace (`\\left\\{ u = ... \\\\ v = ... \\right.`), read as one
definition per row like aligned rows, also where each row ends in a comma. Each is proved both ways
(tests/oracle_proof.py); a row without a condition before the last, a continued last row, or a system inside
a larger expression stays refused with its reason."""

from __future__ import annotations

import numpy as np
import pytest
from oracle_proof import both_ways

from tools.trace.oracles import oracle_spec


def test_a_last_case_row_without_a_condition_is_otherwise():
    both_ways(
        r"h = \begin{cases} \beta x^2 & x < \delta \\ 2 \delta x - \delta^2 \end{cases}",
        lambda beta, x, delta: np.where(x < delta, beta * x**2, delta * (2 * x - delta)),
        lambda beta, x, delta: np.where(x < delta, beta * x**2, delta * (2 * x + delta)),
        lambda beta, x, delta: np.where(x > delta, beta * x**2, delta * (2 * x - delta)),
    )


def test_a_system_in_a_brace_is_one_definition_per_row():
    spec = both_ways(
        r"\left\{ \begin{array}{l} m = \beta_1 m_0 + (1 - \beta_1) g, \\ "
        r"v = \beta_2 v_0 + (1 - \beta_2) g^2. \end{array} \right.",
        lambda beta_1, m_0, g, beta_2, v_0: (
            beta_1 * m_0 + (1 - beta_1) * g,
            beta_2 * v_0 + (1 - beta_2) * g**2,
        ),
        lambda beta_1, m_0, g, beta_2, v_0: (
            beta_1 * m_0 + (1 - beta_1) * g,
            beta_2 * v_0 + (1 + beta_2) * g**2,
        ),
        lambda beta_1, m_0, g, beta_2, v_0: (
            beta_1 * m_0 - (1 - beta_1) * g,
            beta_2 * v_0 + (1 - beta_2) * g**2,
        ),
    )
    assert spec["outputs"] == ["m", "v"]


def test_a_system_in_cases_with_aligned_rows():
    both_ways(
        r"\begin{cases} s &= a + b \\ d &= a - b \end{cases}",
        lambda a, b: (a + b, a - b),
        lambda a, b: (a + b, b - a),
    )


def test_aligned_rows_that_end_in_a_comma_are_separate_definitions():
    both_ways(
        r"\begin{aligned} u &= x y, \\ w &= u + x. \end{aligned}",
        lambda x, y: (x * y, x * y + x),
        lambda x, y: (x * y, x * y - x),
    )


@pytest.mark.parametrize(
    ("latex", "reason"),
    [
        (
            r"y = \begin{cases} a x \\ b x & x < 0 \end{cases}",
            "only the last row may leave its condition out",
        ),
        (
            r"y = \begin{cases} a x & x > 0 \\ + b x \end{cases}",
            "only the last row may leave its condition out",
        ),
        (
            r"y = \begin{cases} a x & x > 0 \\ b x, x < 0 \end{cases}",
            "only the last row may leave its condition",
        ),
        (r"y = \left\{ \begin{array}{l} u = a, \\ v = b \end{array} \right.", "a system"),
        (r"y = \begin{cases} a & u = v \\ b & u \neq v \end{cases}", "random real inputs are never equal"),
    ],
)
def test_braced_blocks_that_stay_refused_name_their_cause(latex, reason):
    result = oracle_spec(latex)
    assert not result.ok and reason in result.reason


def test_a_row_using_what_a_later_row_defines_is_refused_by_name():
    result = oracle_spec(
        r"\left\{ \begin{array}{l} x_{k+1} = x_k + h v_k, \\ v_k = v_{k-1} - h g_k \end{array} \right."
    )
    assert not result.ok and "used before the row that defines it" in result.reason


def test_a_later_update_leaves_the_row_before_reading_the_old_value():
    spec = both_ways(
        r"m := m + v g, \quad v := v - v^2 h",
        lambda m, v, g, h: (m + v * g, v - v**2 * h),
        lambda m, v, g, h: (m + (v - v**2 * h) * g, v - v**2 * h),
        lambda m, v, g, h: (m + v * g, v + v**2 * h),
    )
    assert spec["outputs"] == ["m_new", "v_new"]


def test_two_equations_set_side_by_side_in_align_columns_are_two_definitions():
    """`x &= ... & y &= ...`: align's second pair of columns holds an equation of its own, not a chain."""
    spec = both_ways(
        r"x &= (1 + \epsilon) \cos t & y &= (1 + \epsilon) \sin t \,,",
        lambda epsilon, t: ((1 + epsilon) * np.cos(t), (1 + epsilon) * np.sin(t)),
        lambda epsilon, t: ((1 - epsilon) * np.cos(t), (1 + epsilon) * np.sin(t)),
        lambda epsilon, t: ((1 + epsilon) * np.cos(t), np.sin(t)),
    )
    assert spec["outputs"] == ["x", "y"]


@pytest.mark.parametrize(
    "latex",
    [r"u = a + b, \quad u = a - b", r"\Phi' &:= \kappa + 2\alpha & \Phi' &:= \kappa + \nu"],
)
def test_one_quantity_defined_twice_on_a_line_is_refused(latex):
    """Two definitions of one target that is no update (two cases or two models side by side): an oracle of
    the last would fail a right implementation of the first."""
    result = oracle_spec(latex, None)
    assert not result.ok and "defined twice" in result.reason
