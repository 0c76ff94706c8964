"""Oracles of the thirty-ninth round: `\\lvert x \\rvert` is `|x|`, in a line and in a case condition."""

from __future__ import annotations

import numpy as np
from oracle_proof import both_ways


def test_lvert_rvert_is_an_absolute_value():
    both_ways(
        r"L_1 = \lambda \lvert w \rvert",
        lambda lambda_, w: lambda_ * np.abs(w),
        lambda lambda_, w: lambda_ * w**2,
        lambda lambda_, w: -lambda_ * np.abs(w),
    )


def test_lvert_rvert_in_a_huber_loss_and_its_condition():
    def huber(y, f, delta, flip=False):
        r = np.abs(y - f)
        small = (r <= delta) != flip
        return np.where(small, 0.5 * (y - f) ** 2, delta * r - 0.5 * delta**2)

    both_ways(
        r"L_H = \begin{cases} \frac{1}{2} (y - f)^2, & \text{for } \lvert y - f\rvert \leq \delta \\ "
        r"\delta \lvert y - f\rvert - \frac{1}{2} \delta^2, & \text{otherwise} \end{cases}",
        huber,
        lambda y, f, delta: huber(y, f, delta, flip=True),
    )
