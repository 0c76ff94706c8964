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


def test_a_tuning_table_with_results_beside_the_settings_names_no_setting_by_its_rows():
    """Rows 'Random | 0.1 | 0.3, 100 | 91.7 ± 0.18': runs (an initialisation at a density) with their accuracy
    beside the tuned values, not settings named Random or ERK."""
    text = (
        "## 5 Tuning\n\nTable 4. Reference vs tuned hyperparameters (α, ΔT) on CIFAR-10.\n\n"
        "|  |  |  | (Test) | (α, ΔT) | (Test) |\n| --- | --- | --- | --- | --- | --- |\n"
        "| Uniform | 0.1 | 0.3, 100 | 91.2 ± 0.11 | 0.21, 50 | 91.5 ± 0.12 |\n"
        "| Uniform | 0.2 | 0.3, 100 | 92.1 ± 0.14 | 0.42, 150 | 92.0 ± 0.19 |\n"
        "| ERK | 0.1 | 0.3, 100 | 92.0 ± 0.08 | 0.39, 200 | 92.2 ± 0.20 |\n"
    )
    got = found(text)
    assert "uniform" not in got and "erk" not in got


def test_settings_named_as_code_without_their_underscore():
    got = found("## 5 Setup\n\nThe encoder uses nlayers = 6, dmodel = 256 and nheads = 4.\n")
    assert got["num_layers"] == [(6.0, "stated")] and got["num_heads"] == [(4.0, "stated")]


def test_methods_a_results_table_compares_in_its_first_column_are_candidates():
    """A caption below the table ('Test accuracy of ...') makes it results: the optimisers its first column
    lists are the methods compared, not the paper's choice."""
    text = (
        "## 5 Results\n\n| Optimizer | MNIST | CIFAR10 |\n|---|---|---|\n"
        "| Ours | **98.1%** | $81.2\\%$ |\n| Adam | $97.9\\%$ | $\\textbf{83.0\\%}$ |\n"
        "| SGD | 97.5% | 80.1% |\n\n"
        "**Table 3** Test accuracy of each optimiser.\n"
    )
    assert {c for _, c in found(text)["optimizer"]} == {"candidate"}


def test_a_settings_table_whose_first_column_groups_its_rows():
    """'| Optimizer | Parameter | MNIST | CIFAR10 |': the first column names the method each group of rows
    belongs to, the second the setting; each value's context is the group and the column."""
    text = (
        "## 4 Setup\n\n| Optimizer | Parameter | MNIST | CIFAR10 |\n|---|---|---|---|\n"
        "| Ours | Initial LR | $10^{-3}$ | $10^{-2}$ |\n|  | Batch size | 64 | 128 |\n"
        "| Adam | Initial LR | $10^{-4}$ | $10^{-4}$ |\n|  | Batch size | 32 | 32 |\n\n"
        "**Table 1** Training settings of each optimiser.\n"
    )
    got = found(text, context=True)
    assert (0.001, "stated", "Ours MNIST") in got["learning_rate"]
    assert (32.0, "stated", "Adam CIFAR10") in got["batch_size"]
    assert "ours" not in got and "adam" not in got
