"""Rows of a results table named by a setting, and numbers whose exponent the PDF text lost. '| Weight
decay 0.05 | 19.32 |' is a run with weight decay 0.05 and what it measured; '| Dropout | 18.91 | 60.5 |'
cannot be dropout rates. Tables and sentences written for these tests in the layout a converter gives."""

from __future__ import annotations

from hp_found import found

_TABLE = (
    "## Appendix G\n\nTable 5: Robust error of each variant.\n\n"
    "| Model | RErr | Err | Flatness |\n| --- | --- | --- | --- |\n{rows}\n"
)


def test_a_row_named_by_a_setting_and_its_value_states_that_value_only() -> None:
    rows = "| Weight decay 0.05 | 19.32 | 56.2 | 58.1 |\n| Batch size 16 | 18.1 | 58.3 | 59 |"
    got = found(_TABLE.format(rows=rows))
    assert got["weight_decay"] == [(0.05, "stated")]
    assert got["batch_size"] == [(16.0, "stated")]


def test_a_row_with_a_value_the_setting_cannot_take_is_a_runs_results() -> None:
    got = found(_TABLE.format(rows="| Dropout | 18.91 | 60.5 | 0.58 |"))
    assert got["dropout"] == [(18.91, "candidate"), (60.5, "candidate"), (0.58, "candidate")]


def test_a_row_of_values_the_setting_can_take_keeps_each_column() -> None:
    table = "## Appendix G\n\n| | CIFAR-10 | SVHN | MNIST |\n| --- | --- | --- | --- |\n{rows}\n"
    got = found(table.format(rows="| Dropout | 0.1 | 0.2 | 0.5 |"))
    assert got["dropout"] == [(0.1, "stated"), (0.2, "stated"), (0.5, "stated")]
    # under a 'Model' heading the row is a model compared, its cells what it measured
    got = found(_TABLE.format(rows="| Dropout | 0.1 | 0.2 | 0.5 |"))
    assert got["dropout"] == [(0.1, "candidate"), (0.2, "candidate"), (0.5, "candidate")]


def test_powers_whose_exponent_the_pdf_text_lost_are_candidates() -> None:
    """'10^3 samples' prints as '103 samples' in PDF text, '2^K − 1 states' as '2K − 1 states'."""
    got = found("## 5 Experiments\n\nThe sampler produces 103 samples for each drawing.\n")
    assert got["samples"] == [(103.0, "candidate")]
    got = found("## 5 Experiments\n\nThe tree of depth K has S = 2K − 1 nodes.\n")
    assert all(c == "candidate" for vals in got.values() for _, c in vals)
    assert found("## 5 Experiments\n\nWe train for 100 epochs with 2K warmup steps.\n")["warmup_steps"] == [
        (2000.0, "stated")
    ]


def test_a_setting_named_by_a_word_is_never_a_number() -> None:
    """A plot's panels flattened into rows: 'Training loss' heads three columns of axis ticks."""
    plot = (
        "## 5 Experiments\n\n| 2.5 | 2.5 | 1 |\n| 1 | Baseline | 1 | Baseline | 0.4 | Baseline |\n"
        "| Training loss | Training loss | Training loss |\n| 0.5 | 0.5 | 0.2 |\n| 0 | 0 | 0 |\n"
        "| Epoch | Epoch | Epoch |\n"
    )
    assert "objective" not in found(plot)
    got = found(_TABLE.format(rows="| Optimizer | Adam | SGD | Adam |"))
    assert [v for v, _ in got["optimizer"]] == ["adam", "sgd", "adam"]
