"""Forms read in the thirty-fourth round, each sentence written here in words of our own."""

from __future__ import annotations

from hp_found import found


def test_a_count_per_layer_is_the_counted_things_not_the_layers():
    for text in (
        "The number of hidden neurons per layer is 64.",
        "The number of hidden units per block was set to 64.",
    ):
        got = found(f"## 4 Setup\n\n{text}\n")
        assert "num_layers" not in got and "num_blocks" not in got, text
        assert got["hidden_size"] == [(64.0, "stated")], text


def test_a_count_of_steps_per_episode_is_an_inner_loop_not_the_runs_length():
    got = found("## 4 Setup\n\nThe number of steps per rollout is 256. The number of epochs is 30.\n")
    assert got["steps_per_rollout"] == [(256.0, "stated")]
    assert "training_steps" not in got
    assert got["epochs"] == [(30.0, "stated")]
