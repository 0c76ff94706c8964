"""Forms read in the twenty-seventh round, each sentence written here in words of our own."""

from __future__ import annotations

from hp_found import found


def test_a_single_hidden_layer_is_one_layer():
    got = found("## 4 Setup\n\nBoth maps are networks with a single hidden layer of 24 neurons.\n")
    assert got["num_layers"] == [(1.0, "stated")]
    assert got["hidden_size"] == [(24.0, "stated")]
    got = found("## 4 Setup\n\nThe decoder is a single-layer GRU with 32 units.\n")
    assert got["num_layers"] == [(1.0, "stated")]


def test_single_before_other_nouns_is_no_count():
    got = found("## 4 Setup\n\nOn one GPU, training a single epoch takes four hours.\n")
    assert "epochs" not in got
    assert found("## 4 Setup\n\nThe gradient is estimated from a single minibatch.\n") == {}
