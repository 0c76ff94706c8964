"""Oracles of the thirty-sixth round: each argument of a min or max must win on some random inputs and lose
on others, so that an implementation dropping one (max(x, 0) -> x) cannot pass."""

from __future__ import annotations

import numpy as np
from oracle_proof import both_ways

from tools.trace.oracles import oracle_spec


def test_a_positive_part_straddles_zero_so_a_dropped_max_fails():
    spec = both_ways(
        r"h = \max(x - b, 0)",
        lambda x, b: np.maximum(x - b, 0),
        lambda x, b: x - b,  # the max dropped: equal wherever x > b
        lambda x, b: np.maximum(x + b, 0),
    )
    assert len(spec["conditions"]) == 1


def test_each_of_three_arguments_must_be_the_largest_somewhere():
    spec = both_ways(
        r"m = \max(a, b, c) - \min(a, b)",
        lambda a, b, c: np.maximum(np.maximum(a, b), c) - np.minimum(a, b),
        lambda a, b, c: np.maximum(a, b) - np.minimum(a, b),  # c dropped from the max
        lambda a, b, c: np.maximum(np.maximum(a, b), c) - a,  # b dropped from the min
    )
    assert len(spec["conditions"]) == 3 * 3  # per max argument: 2 comparisons, both (a > b is the min's)


def test_a_max_one_argument_always_wins_is_refused_with_the_condition_named():
    result = oracle_spec(r"y = \max(x, 1)")  # x is drawn below 1 on every range the oracle tries
    assert not result.ok
    assert "min/max: 0 < (x -(1))) is never true" in result.reason
    assert not oracle_spec(r"y = \max(x^2, -1)").ok  # x^2 always wins: the max could be left out unseen


def test_a_max_of_a_positive_quantity_and_zero_is_tried_on_signed_inputs():
    spec = both_ways(
        r"y = \max(w, 0) \cdot v",
        lambda w, v: np.maximum(w, 0) * v,
        lambda w, v: w * v,  # the max dropped: equal on the positive inputs drawn at first
    )
    assert spec["range"] == [-0.9, 0.9]


def test_a_max_inside_a_function_the_paper_defines_does_not_break_the_lines_oracle():
    spec = both_ways(
        r"s = \phi(w \cdot u + b) + u",
        lambda w, u, b: np.maximum((w * u + b) ** 3, 0) + u,
        lambda w, u, b: np.maximum((w * u + b) ** 3, 0) - u,
        functions={"phi": r"\phi(x)=\max\{x^3,0\}."},
    )
    # `x > 0` names the definition's parameter, no input of the line: not probed (which of its branches
    # the calls reach is left unchecked, as for a case inside a definition)
    assert spec.get("conditions", []) == []


def test_a_max_over_an_index_is_a_reduction_over_its_axis():
    spec = both_ways(
        r"y = r + \gamma \max_{a'} Q(s', a')",  # Q-learning's target
        lambda r, gamma, Q_of_s_prime: r + gamma * np.max(Q_of_s_prime),
        lambda r, gamma, Q_of_s_prime: r + gamma * np.sum(Q_of_s_prime),  # a sum for the max
        lambda r, gamma, Q_of_s_prime: r + gamma * np.min(Q_of_s_prime),
        lambda r, gamma, Q_of_s_prime: r + gamma * Q_of_s_prime[0],  # one action's value
    )
    assert "Q(s',k)" in spec["given"]["Q_of_s_prime"]
    both_ways(
        r"L = \left[r + \gamma \min_{b} Q_{b} - q\right]^2",
        lambda r, gamma, Q, q: (r + gamma * np.min(Q) - q) ** 2,
        lambda r, gamma, Q, q: (r + gamma * np.max(Q) - q) ** 2,
    )
    both_ways(
        r"w_i = v_i / \max_j w_j",
        lambda v, w: v / np.max(w),
        lambda v, w: v / np.max(v),
    )


def test_a_max_over_a_variable_the_operand_is_not_indexed_by_stays_an_optimisation():
    for latex in (
        r"C = \max_s \left\{ \frac{1}{a} (z - s) + s \right\}",  # over a real s
        r"L = \max_{w \in W} f(w) - g",  # over parameters in a set
    ):
        result = oracle_spec(latex)
        assert not result.ok and "optimisation" in result.reason, (latex, result.reason)


def test_an_argmax_inside_a_call_is_no_max_over_an_index():
    latex = r"y = r + \gamma\, Q\!\left(s',\; \arg\max_{a'} Q(s', a'; \theta);\; \theta^-\right)."
    result = oracle_spec(latex)
    assert result.ok and "opredmax" not in result.spec["definitions"][0]["rhs"]  # Q at the argmax, given


def test_a_tables_value_updated_in_place_reads_the_old_values_given():
    spec = both_ways(
        r"Q(s_t, a_t) \leftarrow Q(s_t, a_t) + \alpha\left[r_t + \gamma \max_{a'} Q(s_{t+1}, a') "
        r"- Q(s_t, a_t)\right]",
        lambda Q_of_s_t_a_t, alpha, r_t, gamma, Q_of_s_t_plus_1: Q_of_s_t_a_t
        + alpha * (r_t + gamma * np.max(Q_of_s_t_plus_1) - Q_of_s_t_a_t),
        lambda Q_of_s_t_a_t, alpha, r_t, gamma, Q_of_s_t_plus_1: Q_of_s_t_a_t
        + alpha * (r_t + gamma * np.mean(Q_of_s_t_plus_1) - Q_of_s_t_a_t),  # SARSA-like expectation
        lambda Q_of_s_t_a_t, alpha, r_t, gamma, Q_of_s_t_plus_1: alpha
        * (r_t + gamma * np.max(Q_of_s_t_plus_1) - Q_of_s_t_a_t),  # the old value dropped
    )
    assert spec["given"]["Q_of_s_t_a_t"] == "the value of Q(s_t,a_t)"
    recursion = oracle_spec(r"V(a) = r + \gamma V(s(a))")  # a function calling itself elsewhere: refused
    assert not recursion.ok and "recursion" in recursion.reason
