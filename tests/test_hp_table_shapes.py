"""Tables read by their shape: one row per layer, or a grid of one setting named by the caption (each
table written here in our own words)."""

from __future__ import annotations

from hp_found import found

from tools.analysis.hyperparams import find_hyperparameters


def test_a_table_whose_first_column_names_layers_is_read_row_by_row():
    text = (
        "## 3 Model\n\n**Table 2** The classifier.\n\n"
        "| Layer | No. of units | Activation | Dropout rate |\n|---|---|---|---|\n"
        "| Dense input | 512 | Leaky ReLU | 0.3 |\n"
        "| Dense hidden | 128 | Leaky ReLU | 0.1 |\n"
        "| Softmax output | 10 | None | - |\n"
    )
    got = found(text)
    assert sorted(got["hidden_size"]) == [(10.0, "stated"), (128.0, "stated"), (512.0, "stated")]
    assert sorted(got["dropout"]) == [(0.1, "stated"), (0.3, "stated")]
    contexts = {h.context for h in find_hyperparameters(text) if h.key == "dropout"}
    assert contexts == {"Dense input", "Dense hidden"}
    assert ("leaky relu", "stated") in got["activation"]


def test_a_results_table_with_a_layer_column_gives_no_stated_setting():
    text = (
        "## 5 Results\n\n**Table 4** Test accuracy when freezing each layer.\n\n"
        "| Layer | Dropout | Accuracy |\n|---|---|---|\n| conv1 | 0.5 | 91.2 |\n| conv2 | 0.5 | 90.1 |\n"
    )
    assert all(how == "candidate" for _, how in found(text).get("dropout", []))


def test_a_grid_captioned_by_one_setting_gives_each_cell_its_row_and_column():
    text = (
        "## 4 Training\n\n**Table 3** Reduced learning rates for the two largest corpora.\n\n"
        "| Run | Corpus A | Corpus B |\n|---|---|---|\n| short | 0.01 | 0.02 |\n| long | 0.005 | 0.001 |\n"
    )
    got = found(text)
    assert sorted(got["learning_rate"]) == [
        (0.001, "stated"),
        (0.005, "stated"),
        (0.01, "stated"),
        (0.02, "stated"),
    ]
    contexts = {h.context for h in find_hyperparameters(text) if h.key == "learning_rate"}
    assert contexts == {"short Corpus A", "short Corpus B", "long Corpus A", "long Corpus B"}


def test_a_grid_captioned_by_results_or_two_settings_is_not_read_as_one_setting():
    grid = "| Run | Corpus A | Corpus B |\n|---|---|---|\n| short | 81.2 | 79.0 |\n| long | 84.5 | 80.3 |\n"
    for caption in (
        "Test accuracy for different batch sizes.",  # the subject is a result
        "Batch sizes and learning rates of the runs.",  # two settings: which is each cell?
    ):
        got = found(f"## 4 Training\n\n**Table 3** {caption}\n\n{grid}")
        assert all(how == "candidate" for values in got.values() for _, how in values), caption


def test_a_table_of_named_settings_under_a_generic_caption_is_no_one_setting_grid():
    """'Parameters for the experiments' over rows that each name a setting: 'Parameters' is no setting of its
    own, so no cell becomes a count of parameters."""
    text = (
        "## 6 Appendix\n\n**Table 5** Parameters for the regression experiments.\n\n"
        "| Value | Corpus A | Corpus B |\n|---|---|---|\n| Temperature $K$ | 50 | 50 |\n"
        "| Number of draws $T$ | 4000 | 2000 |\n| Number of trials | 8 | 4 |\n"
    )
    assert "num_parameters" not in found(text)
