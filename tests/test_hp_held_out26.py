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


_SETTINGS_TABLE = """## B Details

**Table 7** Sampler hyperparamter choices per benchmark.

| Benchmark | Langevin Steps | Batch Size | $\\gamma$ | Train Size |
|---|---|---|---|---|
| Spirals | 40 | 64 | 0.20 | 2000 |
| Rings | 15 | 32 | 0.05 | 5000 |
"""


def test_a_table_captioned_as_settings_reads_columns_named_in_its_own_words() -> None:
    got = found(_SETTINGS_TABLE, context=True)
    assert got["langevin_steps"] == [(40.0, "stated", "Spirals"), (15.0, "stated", "Rings")]
    assert got["gamma"] == [(0.2, "stated", "Spirals"), (0.05, "stated", "Rings")]
    assert got["batch_size"] == [(64.0, "stated", "Spirals"), (32.0, "stated", "Rings")]
    assert not any("train" in key for key in got)  # a dataset's size is no setting
    results = _SETTINGS_TABLE.replace("Sampler hyperparamter choices", "Test error")
    assert "langevin_steps" not in found(results) and "gamma" not in found(results)


_RESULTS_TABLE = """## 5 Results

**Table 2** Accuracy on the held-out episodes.

| Task | Baseline | Ours |
|---|---|---|
| 10-way, 1-shot | $41.3 \\pm 0.8\\%$ | **47.9 ± 0.7%** |
| wide net (52k parameters) | ($\\pm$ 1.2) | **(± 0.4)** |
"""


def test_a_results_table_with_spreads_and_bold_is_a_table_whose_row_labels_name_settings() -> None:
    got = found(_RESULTS_TABLE)
    assert got["num_ways"] == [(10.0, "stated")] and got["num_shots"] == [(1.0, "stated")]
    assert got["num_parameters"] == [(52000.0, "candidate")]  # a compared model's size
    assert set(got) == {"num_ways", "num_shots", "num_parameters"}  # no result cell read as a value


def test_what_a_choice_led_to_is_a_candidate() -> None:
    text = "## 5 Setup\n\nWe grew forests with depths ∈ {2, 4, 8}, leading to 3, 5 and 9 features used.\n"
    got = found(text)
    assert got["num_features"] == [([3.0, 5.0, 9.0], "candidate")]


def test_a_size_in_megabytes_is_no_setting() -> None:
    got = found("## 5 Setup\n\nAfter two days of training on one GPU the model size is 912 MB.\n")
    assert all(conf == "candidate" for rows in got.values() for _, conf in rows)


def test_numbered_references_after_a_noun_are_citations() -> None:
    cited = found("## 5 Setup\n\nNeighbours are found with random projection trees [7, 8].\n")
    assert "num_trees" not in cited
    got = found("## 5 Setup\n\nWe tried learning rates [0.1, 0.01, 0.001].\n")
    assert got["learning_rate"] == [([0.1, 0.01, 0.001], "stated")]


def test_a_statistic_of_a_result_and_a_value_after_a_new_clause_are_no_settings() -> None:
    got = found("## 5 Results\n\nThe obtained accuracy had a standard deviation of 0.05 over folds.\n")
    assert all(conf == "candidate" for rows in got.values() for _, conf in rows)
    got = found("## 3 Model\n\nThe width doubles at every convolutional layer until a maximum of 512.\n")
    assert "num_layers" not in got
    assert found("## 5 Setup\n\nThe batch size when fine-tuning is 48.\n")["batch_size"] == [(48.0, "stated")]
    stacked = found("## 3 Model\n\nWe stack convolutional layers: 6 in total.\n")
    assert stacked["num_layers"] == [(6.0, "stated")]


def test_symbols_set_as_the_defaults_in_one_formula_are_the_papers_choice() -> None:
    got = found("## 5 Training\n\nThroughout, we use the defaults of $\\rho = 0.95, \\kappa = 0.001$.\n")
    assert got["rho"] == [(0.95, "stated")] and got["kappa"] == [(0.001, "stated")]
    got = found("## 5 Training\n\nThe sampler is set as $\\rho = 0.95$ and $\\kappa = 0.001$.\n")
    assert got["kappa"] == [(0.001, "candidate")]  # no one says it is the paper's choice


def test_an_augmentations_ranges_in_brackets() -> None:
    text = "## 5 Data\n\nImages get random shifts (up to 12%), zoom (to 5%) and rotations (to $20^\\circ$).\n"
    got = found(text)
    assert got["augmentation_shift"] == [(0.12, "stated")] and got["augmentation_zoom"] == [(0.05, "stated")]
    assert got["rotation_degrees"] == [(20.0, "stated")]
    assert found("## 5 Data\n\nWe apply random translations of up to 3 pixels.\n")["augmentation_shift"] == [
        (3.0, "stated")
    ]
    measured = found("## 6 Results\n\nThe shifts (up to 12%) of the prices were measured.\n")
    assert "augmentation_shift" not in measured


def test_respectively_over_symbols_and_the_setting_itself_names_quantities_not_things() -> None:
    text = (
        "## 5 Results\n\nThe estimated values of $L_q$, $\\rho$, and learning rate were 12.5, 3.1, and 0.42 "
        "respectively.\n"
    )
    got = found(text, context=True)
    assert all(conf == "candidate" for rows in got.values() for _, conf, _ in rows)
    assert not any(ctx for rows in got.values() for _, _, ctx in rows)  # no symbol taken for a thing
    text = "## 5 Setup\n\nThe learning rates of the actor and the critic are 0.002 and 0.0005 respectively.\n"
    pairs = found(text, True)
    assert pairs["learning_rate"] == [(0.002, "stated", "actor"), (0.0005, "stated", "critic")]


def test_respectively_pairs_a_setting_in_the_papers_own_words_with_the_things_named_before() -> None:
    text = "## 5 Setup\n\nFor BM3D-2 and NL-Bayes, the search radius is set as 12 and 7, respectively.\n"
    got = found(text, context=True)
    assert got["search_radius"] == [(12.0, "stated", "BM3D-2"), (7.0, "stated", "NL-Bayes")]
    results = found("## 6 Results\n\nFor MNIST and SVHN, the error is 0.8 and 3.1, respectively.\n")
    assert all(conf == "candidate" for rows in results.values() for _, conf in rows)


def test_input_and_output_units_are_no_hidden_size() -> None:
    got = found("## 3 Model\n\nThe MLP has 561 input units, 96 hidden units and 6 output units.\n")
    assert got["input_units"] == [(561.0, "stated")] and got["output_units"] == [(6.0, "stated")]
    assert got["hidden_size"] == [(96.0, "stated")]
    got = found("## 3 Model\n\nThe output layer has 7 neurons; the hidden layer has 48 neurons.\n")
    assert got["output_units"] == [(7.0, "stated")] and got["hidden_size"] == [(48.0, "stated")]
