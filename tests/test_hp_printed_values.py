"""Values as a PDF prints them: LaTeX's `*` set as ∗ (U+2217) and `\\cdot` as ⋅ in a power of ten (read whole,
not as the number before the sign), and a value the setting can never take (a discount factor above 1, a range
reaching past it) kept only as a candidate. The sentences are written for these tests in the style of
papers."""

from __future__ import annotations

import pytest
from hp_found import found

from tools.analysis.hyperparams import normalize_value


@pytest.mark.parametrize(
    ("printed", "value"),
    [("2∗10−4", 2e-4), ("2 ∗ 10−4", 2e-4), ("3⋅10^{-5}", 3e-5), ("5·10−4", 5e-4), ("2*10^-4", 2e-4)],
)
def test_a_power_of_ten_after_any_multiplication_sign(printed: str, value: float) -> None:
    assert normalize_value(printed) == pytest.approx(value)


def test_a_learning_rate_printed_with_an_asterisk_operator() -> None:
    md = "## 4 Experiments\n\nThe learning rate is 3∗10−4 and the batch size is 16.\n"
    lr = found(md)["learning_rate"]
    assert len(lr) == 1 and lr[0][0] == pytest.approx(3e-4) and lr[0][1] == "stated"


def test_a_discount_factor_above_one_is_no_setting() -> None:
    augment = "We augment with gamma [0.8,1.2], brightness [0.5,2.0] and color shifts [0.8,1.2]."
    gamma = found(f"## 4 Experiments\n\n{augment}\n").get("discount_factor", [])
    assert [c for _, c in gamma] == ["candidate"]
    assert found("## 4 Experiments\n\nWe use a discount factor of 0.99.\n")["discount_factor"] == [
        (0.99, "stated")
    ]


def test_a_power_of_ten_no_float_holds_is_left_as_printed() -> None:
    assert normalize_value("10^-1000") == "10^-1000" and normalize_value("3×10^400") == "3×10^400"
    md = "## 4 Experiments\n\nThe chance of a collision is below 10^-1000, and we use 5 seeds.\n"
    assert found(md)["num_runs"][0][0] == 5.0  # the page is read, not crashed on
