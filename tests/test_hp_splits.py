"""Data splits written as ratios (hp_splits.py): each part's share, named by the words the sentence gives."""

from __future__ import annotations

from hp_found import found


def test_ratios_give_each_part_its_share_in_the_order_named() -> None:
    got = found(
        "We use an 80/20 train/test split.\n\n"
        "The second corpus is split 70-15-15 into training, development and test sets.\n\n"
        "We split into training and testing sets with a ratio of 50:50.\n"
    )
    assert got["train_split"] == [(0.8, "stated"), (0.7, "stated"), (0.5, "stated")]
    assert got["validation_split"] == [(0.15, "stated")]
    assert got["test_split"] == [(0.2, "stated"), (0.15, "stated"), (0.5, "stated")]


def test_a_fraction_or_a_year_range_is_no_split() -> None:
    got = found("Results on the 2019/20 test data. The rate was 1/10 of the training rate, split by phase.\n")
    assert not any(k.endswith("_split") for k in got)
