"""Forms read in the twenty-sixth round, each sentence written here in words of our own: relations in inline
maths (`\\pm`, `\\sim`, `\\leq`) keep their meaning, a number that opens a formula is no value, and a layer's
bracketed numbers are its own settings, not a list of layer counts."""

from __future__ import annotations

from hp_found import found


def test_a_measured_value_with_its_spread_in_maths_is_no_setting() -> None:
    text = "## 5 Data\n\nThe source has a catalogued orbital period of $4.21 \\pm 0.35\\,\\mathrm{days}$.\n"
    got = found(text)
    assert got == {}


def test_a_tilde_in_maths_makes_the_value_approximate() -> None:
    got = found("## 5 Training\n\nEach model is trained for $\\sim 250$ epochs.\n")
    assert got["epochs"] == [(250.0, "candidate")]
    tilde = found("## 5 Training\n\nEach model is trained for ~250 epochs.\n")
    assert tilde["epochs"] == [(250.0, "candidate")]
    assert found("## 5 Training\n\nEach model is trained for 250 epochs.\n")["epochs"] == [(250.0, "stated")]


def test_a_bound_in_maths_is_no_value() -> None:
    assert "dropout" not in found("## 5 Training\n\nAny dropout $p \\leq 0.4$ kept the loss stable.\n")
    assert found("## 5 Training\n\nWe use dropout $p = 0.4$.\n")["dropout"] == [(0.4, "stated")]


def test_a_number_that_opens_a_formula_is_no_value() -> None:
    text = "## 3 Model\n\nBecause the matrix is symmetric, its packed vector has length $2+1/2(Q+1)Q$.\n"
    assert found(text) == {}


def test_bracketed_numbers_after_layers_are_the_layers_own_settings() -> None:
    got = found("## 3 Model\n\nThe trunk stacks 8 convolutional layers (64, 5, 2) separated by pooling.\n")
    assert [v for v, _ in got.get("convolutional_layers", got.get("num_layers", []))] == [8.0]
    got = found("## 3 Model\n\nThe trunk stacks 8 layers (64, 5, 2) separated by pooling.\n")
    assert got["num_layers"] == [(8.0, "stated")]
