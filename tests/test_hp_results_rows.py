"""Rows of a results table named by a setting: '| Weight decay 0.05 | 19.32 | 56.2 |' is a run with weight
decay 0.05 and what it measured; '| Dropout | 18.91 | 60.5 |' cannot be dropout rates. Tables written for
these tests in the layout a PDF converter gives."""

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
    got = found(_TABLE.format(rows="| Dropout | 0.1 | 0.2 | 0.5 |"))
    assert got["dropout"] == [(0.1, "stated"), (0.2, "stated"), (0.5, "stated")]
