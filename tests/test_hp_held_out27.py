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


def test_a_table_of_settings_and_outcomes_with_units_in_its_cells():
    """Cells with a scale or a unit ('1.68 M', '0.8 d') no longer hide the table's rows; headings written
    as symbols with a word below (`n_{\\rm layers}`, `d_{\\text{model}}`) name their settings."""
    text = (
        "## 5 Experiments\n\n**Table 2** Sequence models: settings and outcomes.\n\n"
        "| Class | $n_{\\text{param}}$ | $n_{\\rm layers}$ | $n_{\\text{heads}}$ | $d_{\\text{model}}$ | "
        "$n_{\\rm ctx}$ | $n_{\\rm itr}$ | batch size $b$ | train time | rmse |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
        "| A | 3.1 M | 6 | 8 | 256 | 512 | 200K | 64 | 3 h | 0.02 |\n"
        "| B | 9.4 M | 8 | 8 | 512 | 512 | 1M | 16 | (0.5 + 1.5) d | 0.03 |\n"
    )
    got = found(text)
    assert got["num_layers"] == [(6.0, "stated"), (8.0, "stated")]
    assert got["hidden_size"] == [(256.0, "stated"), (512.0, "stated")]
    assert got["sequence_length"] == [(512.0, "stated")] * 2  # one per row (its context)
    assert got["training_steps"] == [(200000.0, "stated"), (1000000.0, "stated")]
    assert got["batch_size"] == [(64.0, "stated"), (16.0, "stated")]


def test_a_layer_made_of_units_named_in_two_words_counts_the_units():
    got = found("## 3 Model\n\nThe model uses a recurrent layer made up of 12 Gated Recurrent Units.\n")
    assert "num_layers" not in got
    assert got["hidden_size"] == [(12.0, "stated")]


def test_recordings_made_at_a_frequency_give_the_sample_rate():
    got = found("## 3 Data\n\nAll recordings were made through a USB audio interface at 48 kHz.\n")
    assert got["sample_rate"] == [(48000.0, "stated")]
    assert "sample_rate" not in found("## 3 Data\n\nThe recorded signal has a bandwidth of 20 kHz.\n")


def test_a_set_size_written_with_bars_and_a_qualified_warmup():
    got = found("## 4 Training\n\nWe use a batch size $|\\mathcal{B}| = 64$ and 500 linear warmup steps.\n")
    assert got["batch_size"] == [(64.0, "stated")]
    assert got["warmup_steps"] == [(500.0, "stated")]


def test_a_step_size_far_above_any_rate_is_a_candidate():
    got = found("## 5 Setup\n\nThe search changes words in steps: we set the step size $k = 64$.\n")
    assert got["learning_rate"] == [(64.0, "candidate")]
    plain = found("## 5 Setup\n\nWe use SGD with a learning rate of 10.\n")
    assert plain["learning_rate"] == [(10.0, "stated")]


def test_symbols_a_sentence_sets_are_stated():
    """'We set ..., the window ω = 6 ∈ {2, 6}': a symbol the sentence sets is a setting even when its name is
    the paper's own; a symbol a sentence only uses stays a candidate."""
    text = (
        "## 5 Setup\n\nWe set the beam width $B = 4 \\in \\{2, 4, 8\\}$, the number of neighbours "
        "$K = 32 \\in \\{16, 32\\}$ and the window $\\omega = 6 \\in \\{2, 6\\}$.\n"
    )
    assert found(text)["omega"] == [(6.0, "stated")]
    used = "## 5 Setup\n\nAcross runs, the window $\\omega = 6 \\in \\{2, 6\\}$ gave the best recall.\n"
    assert found(used)["omega"] == [(6.0, "candidate")]


def test_bars_around_a_graph_s_sets_describe_the_data():
    text = (
        "Here $d(i, j)$ is the shortest path distance, i.e. the minimum number of edges connecting two "
        "vertices on the graph.\n\nFor our graph model, we build an $8$-NN graph of the pixel grid which "
        "gives a graph of $n = |\\mathcal{V}| = 976$ nodes (784 pixels and 192 padding nodes) and "
        "$|\\mathcal{E}| = 3198$ edges.\n"
    )
    assert "edges" not in found(text)
