"""Forms read in the thirty-eighth round, each written here in words of our own."""

from __future__ import annotations

from hp_found import found

from tools.analysis.hyperparams import find_hyperparameters

CODE_NAMED = """The shared settings of every attack are listed below.

| **Parameter** | **Value** | **Description** |
|---|---|---|
| nSteps | 300 | Iterations |
| nBatch | 12 | Images attacked at once |
| lossWeight | 2 | Weight on the attack term |
| rv_dist | Sphere | Direction distribution |

**Table 1** Shared attack parameters
"""


def test_code_named_rows_described_after_their_values_carry_the_description():
    found_all = {h.key: h for h in find_hyperparameters(CODE_NAMED)}
    assert found_all["training_steps"].value_normalized == 300.0  # 'Iterations' names a known setting
    assert found_all["training_steps"].name == "nSteps (Iterations)"
    assert found_all["nBatch"].name == "nBatch (Images attacked at once)"
    # the description is no value column: nothing is read from it
    assert not any(h.context == "Description" for h in found_all.values())


def test_worded_names_described_after_their_values_keep_their_own_names():
    table = CODE_NAMED.replace("nSteps", "Steps").replace("nBatch", "Batch").replace("lossWeight", "Weight")
    got = found(table.replace("rv_dist", "Directions"))
    assert not any("(" in k for k in got)


SETTINGS_LIST = """Training uses the library's trainer with these parameters:

- **Batch Size:** 8

- **Optimizer:** `adamw\\_torch`

- **Max New Tokens:** 512

- **Learning Rate:** $3 \\times 10^{-4}$

- **LR Scheduler:** `cosine` (the default)

- **Number of Epochs:** 12
"""


def test_a_list_of_settings_reads_items_the_vocabulary_lacks():
    got = found(SETTINGS_LIST)
    assert got["max_new_tokens"] == [(512.0, "stated")]
    assert got["optimizer"] == [("adamw_torch", "stated")]
    assert got["batch_size"] == [(8.0, "stated")] and got["epochs"] == [(12.0, "stated")]


def test_a_list_of_unknown_names_or_results_is_left_to_the_other_readers():
    results = "Test scores:\n\n- Exact Match: 71.2\n\n- Token Overlap: 80.4\n\n- Length Ratio: 0.9\n"
    assert "exact_match" not in found(results) and "token_overlap" not in found(results)
    two = "- **Batch Size:** 8\n\n- **Max New Tokens:** 512\n"  # too short to be a settings list
    assert "max_new_tokens" not in found(two)


def test_a_code_listing_states_its_assignments_one_per_line():
    listing = (
        "The constants of the agent:\n\n```\n#define LEARNING_RATE 0.005f\n#define BATCH_SIZE 128\n```\n"
    )
    got = found(listing)
    assert got["learning_rate"] == [(0.005, "stated")] and got["batch_size"] == [(128.0, "stated")]
    python = "Our configuration:\n\n```\nlearning_rate = 0.002\nnum_epochs = 30\n```\n"
    got = found(python)
    assert got["learning_rate"] == [(0.002, "stated")] and got["epochs"] == [(30.0, "stated")]


def test_a_legend_line_is_still_no_sentence():
    got = found("Sinkhorn n = 1000\n\nThe method converges quickly.")
    assert all(conf == "candidate" for values in got.values() for _, conf in values)


def test_a_count_in_each_epoch_is_per_epoch_not_the_run():
    got = found("## 4 Experiments\n\nIn training, the number of iterations in each epoch is 2500.")
    assert got == {"iterations_per_epoch": [(2500.0, "stated")]}


def _read(sentence: str) -> dict:
    return {
        h.key: (h.value_normalized, h.confidence) for h in find_hyperparameters(f"## 4 Setup\n\n{sentence}")
    }


def test_a_fraction_over_a_root_is_no_run_of_digits():
    got = _read(r"The output weights use a standard deviation of $\frac{1}{\sqrt{25}}$ in every run.")
    assert all(value != 125.0 for value, _ in got.values())


def test_one_side_of_a_ratio_is_no_value_on_its_own():
    assert _read("The three losses are summed at the ratio of 4:1:8.")["losses"][1] == "candidate"
    assert _read("We split the data 70:30 into train and test.")["train_split"] == (0.7, "stated")


def test_a_rate_decreased_by_a_percentage_keeps_the_rest():
    got = _read("In the second group, the learning rate is decreased by 80% at the 40th epoch.")
    assert got["lr_decay"] == (0.2, "stated") and got["lr_milestones"][1] == "stated"


def test_a_table_counting_its_rows_samples_describes_data():
    table = (
        "| name | kind | no of samples |\n|---|---|---|\n| Cartoons | labelled drawings | 91234 |\n"
        "| Photos | unlabelled photos | 4120 |\n\n**Table 1** The datasets of this project."
    )
    assert "cartoons" not in found(table) and "photos" not in found(table)


def test_a_made_up_case_explaining_a_formula_is_hypothetical():
    made_up = _read("Say we have four layers, then the network is f(x) = f4(f3(f2(f1(x)))).")
    assert made_up["num_layers"][1] == "candidate"


def test_a_named_network_which_is_a_sized_one_is_described_not_chosen():
    got = _read("Its features come from the VGG-16 network, which is a 16-layer pretrained network.")
    assert got["num_layers"] == (16.0, "candidate")
    ours = _read("Our encoder, which is a 5-layer transformer, is trained from scratch.")
    assert ours["num_layers"][1] == "stated"


WORDED_ROWS = """**Table 1** Hyperparameters of the three models.

|  | **Hyperparameter** | **Model A** | **Model B** |
|---|---|---|---|
|  | Cell type | GRU | LSTM |
|  | Learning rate | $0.001$ | $0.002$ |
|  | attention | luong | bahdanau |
|  | dataset | Commonvoice | Commonvoice |
"""


def test_a_settings_row_of_words_reads_each_word_as_a_choice():
    got = found(WORDED_ROWS)
    assert got["cell_type"] == [("gru", "stated"), ("lstm", "stated")]
    assert got["attention"] == [("luong", "stated"), ("bahdanau", "stated")]
    assert "dataset" not in got  # what the runs are on is no setting


def test_a_list_describing_layers_in_words_is_no_list_of_choices():
    items = ("Batch Size:** 64", "Learning Rate:** 2e-4", "First layer:** Conv2D", "Second layer:** Flatten")
    got = found("The discriminator:\n\n" + "".join(f"- **{item}\n\n" for item in items))
    described = {"first_layer", "second_layer"} & set(got)
    assert not described and got["batch_size"] == [(64.0, "stated")]


def test_a_constant_over_a_variable_is_a_formula():
    got = _read(r"During training we set $\gamma = 0.9$ and $\epsilon = \frac{1}{\sqrt{n(s)}}$ per state.")
    assert "epsilon" not in got and got["gamma"] == (0.9, "stated")


def test_a_sentence_after_a_complete_pdf_list_item_is_no_part_of_it():
    cases = {
        "Figure 1: The pipeline.\n• Weight decay: 0.05\nAdapter parameters are as follows:": "weight_decay",
        "• We train with a learning rate of 0.001 and\ndecay it by half after 10 epochs.": "learning_rate",
    }
    for text, key in cases.items():  # a complete item, then a sentence; an item wrapped onto a second line
        assert found(f"## 4 Setup\n\n{text}\n")[key][0][1] == "stated", text


def test_a_count_after_data_contains_with_a_thousands_point_describes_the_data():
    assert _read("Data contains 40.000 examples each with 12 features.")["num_features"][1] == "candidate"


SPANNING_RESULTS = """**Table 1** Compare the estimators

|  | Ollivier |  | Forman |  |
|---|---|---|---|---|
| Dataset/dim | c | loss | c | loss |
| Karate / 2 | -0.3 | **0.21** | -12.5 | 0.26 |
| Karate / 10 | -0.3 | 0.07 | -12.5 | **0.05** |
"""


def test_a_results_table_under_spanning_method_groups_states_no_settings():
    assert found(SPANNING_RESULTS) == {}
    plain = SPANNING_RESULTS.replace("**", "")  # no bold: a loss over numbers is still a measured value
    assert "objective" not in found(plain) and "c" not in found(plain)


def test_a_one_row_table_of_settings_reads_its_first_column_too():
    table = "| regularisation | Activation | batch |\n|---|---|---|\n| Dropout | Tanh | 64 |\n"
    got = found(f"## 4 Setup\n\n{table}\n**Table 2** Training details of the network.")
    assert got["activation"] == [("tanh", "stated")] and got["batch_size"] == [(64.0, "stated")]
    assert "dropout" not in got  # the row's first cell is the regularisation used, not a setting's name


def test_an_example_identifier_and_a_shown_moment_are_no_settings():
    assert "par_id" not in _read("The phrase reads kindly in context (par_id: 3120), as the authors note.")
    steps = "The run uses T = 5000 steps. Figure 3 shows clip 7 at timestamps t = 120 and t = 900."
    got = {h.value_normalized: h.confidence for h in find_hyperparameters(f"## 4 Setup\n\n{steps}")}
    assert got.get(120.0) != "stated" and got.get(900.0) != "stated"


def test_a_dropout_layer_with_a_rate_below_one():
    assert _read("We add a dropout layer with 0.25 before the classifier.")["dropout"] == (0.25, "stated")
    assert "dropout" not in _read("A dropout layer with 128 units follows the encoder.")


def test_two_values_before_a_compact_name_are_both_read():
    got = _read("The model was trained 3 epochs with 16 and 32 batch size.")
    assert got["batch_size"] == ([16.0, 32.0], "stated")


def test_folds_of_the_data_and_an_annealing_on_the_rate():
    assert _read("We randomly create five folds of the data.")["cv_folds"] == (5.0, "stated")
    assert "cv_folds" not in _read("The new sampler runs ten folds faster.")
    got = _read("We used an annealing of 0.99 on the learning rate starting at 0.5.")
    assert got["lr_decay"] == (0.99, "stated") and got["learning_rate"] == (0.5, "stated")


def test_a_loss_named_after_with_and_no_article():
    assert _read("We trained on three datasets with categorical cross entropy loss.")["loss"][1] == "stated"
    assert _read("Compared with MSE loss, our loss converges faster.")["loss"][1] == "candidate"


def test_a_layer_with_an_activation_by_its_name():
    got = _read("The decoder stacks four convolutional layers with leaky ReLU and batch normalization.")
    assert got["activation"] == ("leaky relu", "stated")
    assert _read("Each hidden layer uses tanh.")["activation"] == ("tanh", "stated")


def test_a_pair_after_its_size_name_and_a_frame_rate_sampled_to():
    assert _read("The convolution layers use a stride of (2, 2).")["stride"] == ([2.0, 2.0], "stated")
    assert _read("We subsample the videos from 25 fps down to 5 fps.")["frame_rate"] == (5.0, "stated")
    assert "frame_rate" not in _read("The camera records at 30 fps.")  # how the data was recorded


def test_a_run_for_so_many_time_steps_is_its_length():
    assert _read("Each agent is trained for 20000 time-steps.")["training_steps"] == (20000.0, "stated")
    assert "training_steps" not in _read("Each input sequence has 50 time steps.")
