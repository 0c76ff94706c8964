"""One setting given several values in one clause, each with what it is for ("0.1 for CIFAR-10 and 0.01 for
ImageNet"), and an optimizer named as a setting's value ("optimizer: Adam") (find_hyperparameters on
Markdown; the sentences are written for these tests)."""

from __future__ import annotations

import pytest
from hp_found import found


@pytest.mark.parametrize(
    ("sentence", "key", "expected"),
    [
        (
            "We use a learning rate of 0.1 for CIFAR-10 and 0.01 for ImageNet.",
            "learning_rate",
            [(0.1, "stated", "CIFAR-10"), (0.01, "stated", "ImageNet")],
        ),
        (
            "Models use a mini-batch size of 10 for training and 6 for evaluation.",
            "batch_size",
            [(10.0, "stated", "training"), (6.0, "stated", "evaluation")],
        ),
        (
            "We use a batch size of 32 (ViT), 64 (ResNet) and 128 (MLP).",
            "batch_size",
            [(32.0, "stated", "ViT"), (64.0, "stated", "ResNet"), (128.0, "stated", "MLP")],
        ),
        (
            "We train for 100 epochs on MNIST and 200 epochs on SVHN.",
            "epochs",
            [(100.0, "stated", "MNIST"), (200.0, "stated", "SVHN")],
        ),
    ],
)
def test_values_paired_with_their_contexts(sentence, key, expected) -> None:
    assert found(sentence + "\n", context=True)[key] == expected


def test_a_clause_without_contexts_keeps_one_value() -> None:
    got = found("We use a learning rate of 0.1 and a momentum of 0.9.\n", context=True)
    assert got["learning_rate"] == [(0.1, "stated", None)]
    # "for 10 epochs" names no dataset, model or phase: the second rate is not paired by this rule
    assert found("We train with a dropout of 0.1 for 10 epochs and 0.5 for 5 epochs.\n").get("dropout") == [
        (0.1, "stated")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Training details: optimizer: Adam, batch size: 16.",
        "The optimizer is Adam.",
        "Our optimizer was Adam.",
    ],
)
def test_an_optimizer_given_as_the_optimizers_value(sentence) -> None:
    assert found(sentence + "\n")["optimizer"] == [("adam", "stated")]


def test_an_optimizer_described_is_not_one_chosen() -> None:
    assert "optimizer" not in found("Adam is an optimizer that adapts the step size per weight.\n")
