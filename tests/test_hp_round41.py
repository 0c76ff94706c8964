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


def test_a_settings_row_named_by_a_symbol_and_its_meaning_in_brackets():
    table = (
        "| Hyperparameter | Value |\n|---|---|\n| $d_h$ (Hidden Size) | 512 |\n"
        "| $p_d$ (Dropout Rate) | 0.2 |\n"
        "| $\\gamma$ (min) | 0.9 |\n| $\\gamma$ (max) | 0.995 |\n"
    )
    got = found(table)
    assert got["hidden_size"] == [(512.0, "stated")] and got["dropout"] == [(0.2, "stated")]
    assert got["gamma_min"] == [(0.9, "stated")] and got["gamma_max"] == [(0.995, "stated")]  # no minutes


def test_a_settings_row_named_by_a_symbol_the_paper_defined():
    text = (
        "We optimise with Adam at a learning rate $\\alpha$ that decays linearly.\n\n"
        "| Hyperparameter | REINFORCE | A2C |\n|---|---|---|\n| $\\alpha$ | 0.002 | 0.0003 |\n"
    )
    got = found(text, context=True)
    assert got["learning_rate"] == [(0.002, "stated", "REINFORCE"), (0.0003, "stated", "A2C")]


def test_a_symbols_values_down_the_side_of_methods_measured_are_an_axis():
    text = (
        "We plan over a horizon $n$ of turns.\n\n**Table 3** $P(\\text{score} \\geq n)$\n\n"
        "| $n$ | A2C | DP |\n|---|---|---|\n| 50 | 1.0 | 1.0 |\n| 100 | 0.97 | 0.99 |\n"
        "| 150 | 0.62 | 0.71 |\n"
    )
    assert {conf for _, conf in found(text)["horizon"]} == {"candidate"}


def test_no_improvement_within_a_stretch_is_a_patience():
    got = found("If the validation accuracy could not be improved in 15 epochs, the learning rate is halved.")
    assert got["patience"] == [(15.0, "stated")] and "epochs" not in got


def test_an_effective_batch_via_accumulation_is_no_accumulation_count():
    got = found("We use batch size 16 (effective 64 via gradient accumulation of 4) and 3 epochs.")
    assert got["gradient_accumulation_steps"] == [(4.0, "stated")]


def test_symbols_listed_after_the_following_hyperparameters():
    got = found("In our experiments, we use the following hyper-parameter setting: $p = 2$, $q = 3$.")
    assert got["p"] == [(2.0, "stated")] and got["q"] == [(3.0, "stated")]
    rows = found("The following results hold: $p = 2$, $q = 3$.").values()
    assert all(conf == "candidate" for row in rows for _, conf in row)


def test_a_loss_with_an_adjective_before_its_name():
    assert found("The loss is a simple Mean Squared Error over the masked patches.")["loss"] == [
        ("mean squared error", "stated")
    ]


def test_a_three_way_split_in_percentages():
    got = found("The reviews were split into train/val/test sets of ratios 85%/10%/5%.")
    assert got["train_split"] == [(0.85, "stated")] and got["test_split"] == [(0.05, "stated")]
    got = found("We split the corpus into train, validation, and test sets being 70%, 20%, and 10%.")
    assert got["validation_split"] == [(0.2, "stated")]
    assert found("Accuracy rose to 70%, 20%, and 10% on the train split.") == {}


def test_parts_an_our_sentence_defines_are_the_papers_own():
    text = (
        "We compare the FLW against the SDE. Our framework has two parts, a flow (FLW) and a stochastic "
        "correction (SDE).\n\nThe SDE control network uses ReLU activations in each hidden layer."
    )
    assert found(text)["activation"] == [("relu", "stated")]


def test_a_pdf_table_chunk_whose_header_row_is_data_is_read_from_its_lists():
    chunk = (
        "Family Model Parameters RMSE\n| ALS | rank 4, 30 iter | 0.91 |\n| --- | --- | --- |\n"
        "| AutoRec | batch 256, 120 epochs | 0.90 |\n| GCN | batch 1024, 80 epochs | 0.89 |\n"
    )
    got = found(chunk, context=True)
    assert got["batch_size"] == [(256.0, "stated", "AutoRec"), (1024.0, "stated", "GCN")]
    assert (4.0, "candidate", "ALS") in got["rank"]
    scores = "| A | acc 0.91, f1 0.88 |\n| --- | --- |\n| B | acc 0.90, f1 0.87 |\n| C | acc 0.80, f1 0.7 |\n"
    assert found(scores) == {}  # lists of measurements name no known setting


def test_a_schedule_beside_an_optimiser_is_its_learning_rates():
    got = found("We use the AdamW optimiser with a linear schedule and FP16 mixed-precision training.")
    assert got["lr_schedule"] == [("linear", "stated")] and "noise_schedule" not in got
    assert got["precision"] == [("fp16", "stated")]
    assert found("A cosine schedule for the noise levels of the diffusion.")["noise_schedule"] == [
        ("cosine", "stated")
    ]


def test_a_symbol_row_whose_meaning_the_vocabulary_lacks_keeps_its_words():
    table = "| Setting | Value |\n|---|---|\n| $B$ (Games per Batch) | 20 |\n| $L$ (Hidden Layers) | 3 |"
    got = found(table)
    assert got["games_per_batch"] == [(20.0, "stated")] and got["num_layers"] == [(3.0, "stated")]


def test_heads_with_no_attention_in_sight_may_be_a_networks_output_heads():
    got = found("We utilise two distinct heads for the rolling and the scoring actions.")
    assert got["num_heads"] == [(2.0, "candidate")]
    assert found("The encoder has 6 layers and 8 heads.")["num_heads"] == [(8.0, "stated")]
