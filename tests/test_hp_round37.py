"""Forms read in the thirty-seventh round, each sentence written here in words of our own."""

from __future__ import annotations

from hp_found import found

from tools.analysis.hyperparams import find_hyperparameters


def _doubt(text: str, key: str) -> str | None:
    return next(h.doubt for h in find_hyperparameters(text) if h.key == key)


def test_a_count_of_layers_read_past_a_dimension_word():
    got = found("The encoder stacks five 2D convolutional layers and three fully connected layers.")
    assert got["num_conv_layers"] == [(5.0, "stated")] and got["num_fc_layers"] == [(3.0, "stated")]
    assert found("Each branch uses four 1D convolutional layers.")["num_layers"] == [(4.0, "stated")]


def test_hidden_layer_shapes_are_widths_not_a_count_of_layers():
    got = found("The policy network uses hidden layer shapes = [128, 64] in every run.")
    assert got == {"hidden_size": [([128.0, 64.0], "stated")]}


def test_an_activation_assigned_with_an_equals_sign():
    got = found("The classifier uses dropout = 0.2 and activation=swish throughout.")
    assert got["activation"] == [("swish", "stated")] and got["dropout"] == [(0.2, "stated")]


def test_values_then_the_settings_they_are_for_respectively():
    got = found("For the two windows we used 150 and 40 for W_wide and W_narrow respectively.")
    assert got["W_wide"] == [(150.0, "stated")] and got["W_narrow"] == [(40.0, "stated")]
    got = found("We chose 0.003 and 32 for the learning rate and the batch size, respectively.")
    assert got["learning_rate"] == [(0.003, "stated")] and got["batch_size"] == [(32.0, "stated")]
    assert found("The F1 scores were 0.7 and 0.6 for the dev and test sets, respectively.") == {}


def test_a_count_of_points_after_layers_is_no_count_of_layers():
    text = "Then three decoder layers upsample the cloud back to 2048 points before the head."
    assert "num_layers" not in found(text) or all(v != 2048.0 for v, _ in found(text)["num_layers"])


def test_a_fraction_is_no_count_of_layers():
    got = found("Results include middle layer regularization at 1e-3 and 1e-6 strengths.")
    assert got["num_layers"] == [([0.001, 1e-06], "candidate")]


def test_kinds_of_layer_compared_and_an_epoch_as_a_span_are_candidates():
    compared = "In this study we compare four different layers on one task."
    assert "kinds of layer" in _doubt(compared, "num_layers")
    text = "We stop once the change of the mean loss in one epoch and the next is below a threshold."
    assert all(conf == "candidate" for _, conf in found(text).get("epochs", []))


def test_a_published_model_which_has_a_size_is_described_not_set():
    text = "We fine-tune Google's Gemma-2B (footnote: <https://example.org/gemma.2b>) which has 18 layers."
    assert found(text)["num_layers"] == [(18.0, "candidate")]
    ours = "Our network, which has 6 layers, is trained from scratch."
    assert found(ours)["num_layers"] == [(6.0, "stated")]


def test_a_value_the_paper_then_changed_is_a_candidate():
    assert found("AlexNet uses a stride of 4, but we reduced it to 2.")["stride"][0] == (4.0, "candidate")
    assert found("We use a stride of 4 but we change the padding.")["stride"] == [(4.0, "stated")]


def test_a_cited_technique_the_paper_applies_leaves_its_value_stated():
    text = "Features go to a hidden dimension of 1024 and are fused using cross-attention Chen et al. (2021)."
    assert found(text)["hidden_size"] == [(1024.0, "stated")]
    theirs = "Chen et al. (2021) use a hidden dimension of 1024."
    assert found(theirs)["hidden_size"] == [(1024.0, "candidate")]


def test_the_explained_variance_of_components_is_a_result():
    text = "The explained variance of the first two components was 0.61 and 0.22 respectively."
    assert all(conf == "candidate" for values in found(text).values() for _, conf in values)


def test_results_paired_respectively_after_a_setting_named_earlier_are_no_settings():
    text = (
        "A layer-wise learning rate strategy gave our best run, with train and validation accuracy "
        "staying close (97.1% and 93.4%, respectively)."
    )
    assert "learning_rate" not in found(text)


def test_a_table_row_naming_the_activation_of_hidden_units():
    table = "| Setting | Small | Large |\n|---|---|---|\n| Hidden Units Activation | Tanh | Tanh |\n"
    table += "| Hidden Units | 100 | 400 |\n"
    got = found(table)
    assert got["activation"] == [("tanh", "stated"), ("tanh", "stated")]
    assert got["hidden_size"] == [(100.0, "stated"), (400.0, "stated")]


def test_values_that_reduced_performance_and_people_who_annotated_are_candidates():
    tried = "Weight decay (λ = 10^-5 and λ = 10^-2) consistently reduced performance on both sets."
    assert all(conf == "candidate" for _, conf in found(tried)["weight_decay"])
    assert _doubt("The corpus was annotated by 6 experts in two rounds.", "num_experts").startswith("people")
    assert found("Each layer is a mixture of 6 experts.") != {}


def test_a_listed_model_with_its_citation_key_is_described_not_set():
    assert found("- HerBERT [mroczkowski2021] - a BERT-based model with 124M parameters.") == {
        "num_parameters": [(124000000.0, "candidate")]
    }


def test_an_epoch_defined_is_no_run_length():
    text = "We train for 30 epochs (one epoch is the number of steps needed to see every sample once)."
    assert found(text)["epochs"] == [(30.0, "stated"), (1.0, "candidate")]


def test_a_dot_for_the_times_sign_in_a_power_of_ten():
    assert found("The learning rate is 2.10^{-4} for every run.")["learning_rate"] == [(0.0002, "stated")]


def test_how_long_a_schedule_decays_is_no_run_length():
    got = found("The ε-greedy policy starts at 1 and decays linearly to 0.05 over 20000 steps.")
    assert got["epsilon_decay_steps"] == [(20000.0, "stated")] and "training_steps" not in got
    got = found("The learning rate is reduced by 10 at epochs 30 and 60, and we train over 90 epochs.")
    assert got["epochs"] == [(90.0, "stated")]


def test_the_runs_a_mean_is_over_are_a_setting():
    got = found("Every score is the average of five different runs with different seeds.")
    assert got["num_runs"] == [(5.0, "stated")]


def test_embedded_and_latent_dimension_sizes_are_known_settings():
    got = found("The encoder uses an embedded dimension of 512 and a latent dimension size of 16.")
    assert got["embedding_dim"] == [(512.0, "stated")] and got["latent_dim"] == [(16.0, "stated")]


def test_a_listed_model_described_by_its_family_and_flow_layers():
    described = "- XLM-R - RoBERTa-based model with 270M parameters trained on 100 languages."
    assert found(described) == {"num_parameters": [(270000000.0, "candidate")]}
    table = "| Setting | Plain | Flow |\n|---|---|---|\n| Normalizing Flow Layers | 0 | 4 |\n"
    assert found(table)["num_flow_layers"] == [(0.0, "stated"), (4.0, "stated")]


def test_a_count_of_filters_of_a_size_is_no_kernel_size():
    got = found("Each hidden layer uses 48 filters of size 5x5.")
    assert got["kernel_size"] == [("5x5", "stated")] and got["base_channels"] == [(48.0, "stated")]
