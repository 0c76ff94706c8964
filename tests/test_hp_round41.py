"""Forms read in the forty-first round, each written here in words of our own."""

from __future__ import annotations

from hp_found import found

_RESULTS = """| **Family** | **Model** | **Parameters** | **RMSE** |
|---|---|---|---|
| Factorisation | ALS | rank 4, $\\lambda=0.2$, 30 iter | 0.91 |
|  | SVD++ | rank 6 | 0.93 |
| Neural | AutoRec | $\\eta=1e-3$, batch 256, 120 epochs | 0.90 |
|  |  | best, hidden\\_size=300, n\\_est=50 | 0.95 |
"""


def test_a_parameters_column_of_settings_lists_gives_each_setting_its_rows_model():
    got = found(_RESULTS, context=True)
    assert got["batch_size"] == [(256.0, "stated", "AutoRec")]
    assert got["epochs"] == [(120.0, "stated", "AutoRec")]  # '256, 120' is two items, no thousands
    assert got["hidden_size"] == [(300.0, "stated", "AutoRec")]  # a blank model cell carries the one above
    assert (4.0, "candidate", "ALS") in got["rank"] and (6.0, "candidate", "SVD++") in got["rank"]
    assert got["eta"] == [(1e-3, "candidate", "AutoRec")]  # a symbol the paper never named: confirm
    assert "rmse" not in got and 0.91 not in [v for rows in got.values() for v, *_ in rows]


def test_a_table_with_one_parameters_row_is_no_settings_list():
    table = "| Model | Settings | Acc |\n|---|---|---|\n| Ours | w/o attn | 81.2 |\n| Base | full | 80.1 |"
    assert found(table) == {}


def test_a_warmup_over_the_first_iterations_is_the_warmups_length():
    text = (
        "A schedule with linear warm-up and cosine decay is used: for the first $T_w = 200$ iterations the "
        "learning rate increases linearly. We train for 8000 iterations."
    )
    got = found(text)
    assert got["warmup_steps"] == [(200.0, "stated")] and got["training_steps"] == [(8000.0, "stated")]
    got = found("We fine-tune for 8000 iterations; the first 200 iterations use a frozen encoder.")
    assert got["training_steps"] == [(8000.0, "stated"), (200.0, "candidate")]


def test_a_heading_that_names_a_topic_the_paper_tests_is_no_limitations_section():
    text = "## 4.3 Limitations of Learned Position Codes\n\nThe model is a GPT-2 with 8 layers and 4 heads."
    assert found(text)["num_layers"] == [(8.0, "stated")]
    text = "## 6 Limitations\n\nThe model is a GPT-2 with 8 layers and 4 heads."
    assert found(text)["num_layers"] == [(8.0, "candidate")]


def test_the_model_a_paper_is_about_is_its_own_even_beside_comparison_words():
    about = " ".join(["DuoNet solves the task."] * 16)
    text = (
        f"{about}\n\nWe compare DuoNet with a bigger counterpart.\n\n"
        "DuoNet is a two-layer network with 64 hidden units trained for 30 epochs."
    )
    got = found(text)
    assert got["hidden_size"] == [(64.0, "stated")] and got["epochs"] == [(30.0, "stated")]
    text = "We compare DuoNet with MonoNet.\n\nDuoNet is a two-layer network with 64 hidden units."
    assert found(text)["hidden_size"] == [(64.0, "candidate")]  # named twice: no more than a compared model


def test_an_activation_a_sentence_compares_with_is_not_the_one_used():
    got = found("We use LeakyReLU with a slope of 0.2 since it performed better than ReLU activations.")
    assert got["activation"] == [("relu", "candidate")]
    got = found("The decoder MLP uses Gaussian Error Linear Units (GELU) in each hidden layer.")
    assert got["activation"] == [("gelu", "stated")]
    got = found("Each block applies the Softmax Linear Units (SoLU) non-linearity after its first layer.")
    assert got["activation"] == [("solu", "stated")]  # not a 'linear' activation


def test_a_named_function_in_maths_keeps_its_name():
    got = found("The output layer uses a $\\tanh$ activation function.")
    assert got["activation"] == [("tanh", "stated")]


def test_a_cap_on_epochs_written_max_is_no_product():
    got = found("We employed early stopping (max 150 epochs) and a smaller learning rate on plateaus.")
    assert got["epochs"] == [(150.0, "stated")]
    got = found("The stem uses 3 x 64 filters.")
    assert "epochs" not in got


def test_a_grid_table_of_library_arguments_keeps_words_and_none():
    table = (
        "| Classifier | Hyperparameter | Values searched |\n|---|---|---|\n"
        "| `RandomForestClassifier` | `n_estimators` | 50, 100 |\n|  | `max_depth` | 3, 10, None |\n"
        "| `SVC` | `kernel` | poly, sigmoid |\n|  | `gamma` | auto, scale |\n"
    )
    got = found(table)
    assert got["max_depth"] == [([3.0, 10.0, "none"], "stated")]
    assert got["kernel"] == [(["poly", "sigmoid"], "stated")]
    assert got["gamma"] == [(["auto", "scale"], "stated")] and "discount_factor" not in got


def test_a_two_row_header_and_argument_columns_beside_known_settings():
    table = (
        "|  |  | `max_depth` | `min_samples_leaf` | `n_estimators` |\n|---|---|---|---|---|\n"
        "| Setting | Features |  |  |  |\n| joint | `tfidf` | 12 | 4 | 300 |\n"
        "|  | `bert` | None | 8 | 150 |\n|  | `w2v` | 5 | 2 | 100 |\n"
    )
    got = found(table, context=True)
    assert got["max_depth"] == [(12.0, "stated", "joint"), ("none", "stated", "bert"), (5.0, "stated", "w2v")]
    assert got["min_samples_leaf"][:2] == [(4.0, "stated", "joint"), (8.0, "stated", "bert")]
    assert got["num_trees"][:2] == [(300.0, "stated", "joint"), (150.0, "stated", "bert")]


def test_a_warmup_schedule_row_is_no_noise_schedule():
    got = found("| Hyperparameter | Value |\n|---|---|\n| warmup schedule | linear |\n| warmup steps | 500 |")
    assert got["warmup_schedule"] == [("linear", "stated")] and "noise_schedule" not in got


def test_values_tried_under_a_heading_that_names_the_setting():
    text = "### 3.2 Batch Size\n\nValues of 8, 16 and 32 were tested on every model."
    assert found(text)["batch_size"] == [([8.0, 16.0, 32.0], "stated")]
    text = "### 3.2 Results\n\nValues of 8, 16 and 32 were tested on every model."
    assert "batch_size" not in found(text)
