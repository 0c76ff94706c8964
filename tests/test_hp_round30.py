"""Forms read in the thirtieth round, each table and sentence written here in words of our own."""

from __future__ import annotations

from hp_found import found

from tools.analysis.hyperparams import find_hyperparameters

_SYMBOL_TABLE = (
    "## 4 Setup\n\nTable 2 gives the settings we ran with.\n\n"
    "|  | Description | Pendulum | Cartpole |\n|---|---|---|---|\n"
    "| H | planning horizon | 15 | 30 |\n| K | ensemble size | 5 | 5 |\n"
    "| $\\gamma$ | discount | 0.98 | 0.99 |\n| U | gradient updates per step | 10 | 20 |\n"
)


def test_a_table_of_symbols_with_a_description_column_names_each_row_by_its_description():
    got = found(_SYMBOL_TABLE, context=True)
    assert got["ensemble_size"] == [(5.0, "stated", "Pendulum"), (5.0, "stated", "Cartpole")]
    assert [v for v, *_ in got["discount_factor"]] == [0.98, 0.99]
    names = {h.name for h in find_hyperparameters(_SYMBOL_TABLE)}
    assert {"planning horizon H", "ensemble size K"} <= names  # the symbol is kept beside the words
    assert not {"H", "K", "U"} & {h.key for h in find_hyperparameters(_SYMBOL_TABLE)}


def test_a_description_column_over_named_rows_keeps_the_first_column_as_the_name():
    text = (
        "## 4 Setup\n\n**Table 2** Hyperparameters.\n\n"
        "| Setting | Description | Run A | Run B |\n|---|---|---|---|\n"
        "| Batch size | examples per update | 32 | 64 |\n| Dropout | on every layer | 0.1 | 0.2 |\n"
        "| Epochs | passes over the data | 10 | 20 |\n"
    )
    got = found(text)
    assert [v for v, _ in got["batch_size"]] == [32.0, 64.0] and [v for v, _ in got["dropout"]] == [0.1, 0.2]


def test_a_caption_naming_which_experiments_its_parameters_are_for():
    text = (
        "## 5 Experiments\n\n**Table 4** Parameters for the sparse regression experiments.\n\n"
        "| Value | Small | Large |\n|---|---|---|\n| Temperature $T$ | 10 | 50 |\n"
        "| Number of chains | 4 | 8 |\n| Step size $\\epsilon$ for the sampler | 0.02 | 0.01 |\n"
    )
    got = found(text, context=True)
    assert got["temperature"] == [(10.0, "stated", "Small"), (50.0, "stated", "Large")]


def test_a_row_named_by_a_method_with_inner_capitals_keeps_the_setting_and_the_method_as_context():
    text = (
        "## 5 Experiments\n\n**Table 4** Hyperparameters.\n\n"
        "| Parameter | Value |\n|---|---|\n| FastSamp(b) batch size from grid search | 250 |\n"
        "| FastSamp $\\gamma$ | 3.0 |\n"
    )
    hits = {h.key: h for h in find_hyperparameters(text)}
    batch = hits["batch_size"]
    assert batch.value_normalized == 250.0 and "FastSamp(b)" in (batch.context or "")
    assert "gamma" not in hits  # 'FastSamp γ' is the method's own symbol, not the discount


def test_a_count_that_says_how_often_is_not_the_length_of_the_run():
    for sentence in (
        "We ran 8000 iterations at 400 iterations per evaluation.",
        "The dynamics model is refit once per 300 steps.",
        "The target network is copied every 2000 steps.",
    ):
        got = found(f"## 4 Experiments\n\n{sentence}\n")
        often = [how for v, how in got.get("training_steps", []) if v in (400, 300, 2000)]
        assert all(how == "candidate" for how in often), sentence
    got = found("## 4 Experiments\n\nWe ran 8000 iterations at 400 iterations per evaluation.\n")
    assert (8000.0, "stated") in got["training_steps"]


def test_each_point_listed_after_after_is_a_point_in_a_run():
    got = found("## 5 Results\n\nThe curves meet after 60k steps on one task and 20k steps on the other.\n")
    assert got["training_steps"] and all(how == "candidate" for _, how in got["training_steps"])


def test_gradients_clipped_to_an_absolute_size():
    got = found("## 4 Training\n\nWe clip every gradient to an absolute size of 4.\n")
    assert got["gradient_clipping"] == [(4.0, "stated")] and "absolute_size" not in got


def test_three_digits_after_a_thousands_comma_are_never_a_value_of_their_own():
    got = found("## 3 Model\n\nThe two 2,048 dimensional dense layers of the classifier may hurt.\n")
    assert 48.0 not in [v for v, _ in got.get("hidden_size", [])]
    assert (512.0, "stated") in found("## 3 Model\n\nWe use 512 hidden units.\n")["hidden_size"]


def test_words_of_another_paper_or_of_the_original_are_candidates():
    for sentence, key in (
        ("Smith et. al use a patch size of 14 without saying why.", "patch_size"),
        ("The original paper uses hinge loss for the classifier.", "loss"),
        (
            'Nothing is said of the decoder in [x] beyond "We use a small decoder with only four layers".',
            "num_layers",
        ),
        ("Unlike the 256 channels used in the original, our encoder is narrow.", "base_channels"),
    ):
        got = found(f"## 4 Reproduction\n\n{sentence}\n")
        assert got.get(key) and all(how == "candidate" for _, how in got[key]), sentence


def test_a_clause_on_the_original_leaves_the_main_clause_stated():
    got = found("## 4 Setup\n\nUnlike the 256 channels used in the original, we use 96 channels.\n")
    assert (96.0, "stated") in got["base_channels"] and (256.0, "candidate") in got["base_channels"]


def test_questions_and_settings_of_plots_are_candidates():
    for sentence, key in (
        ("[Should we train with RMSProp for optimization?]", "optimizer"),
        ("The returns are smoothed with a Gaussian kernel for visualization purposes.", "kernel"),
        ("The loss settles within the shown 900 steps.", "training_steps"),
    ):
        got = found(f"## 5 Experiments\n\n{sentence}\n")
        assert all(how == "candidate" for _, how in got.get(key, [])), sentence


def test_a_setting_of_something_is_named_by_its_head_not_by_what_it_is_of():
    got = found("## 4 Training\n\nWe set the maximum gradient norm of an update to be 40.\n")
    assert got["gradient_clipping"] == [(40.0, "stated")] and "training_steps" not in got
    got = found("## 4 Training\n\nWe set the minimum count of a merge rule to 5.\n")
    assert "num_rules" not in got and 5.0 in [v for values in got.values() for v, _ in values]
    got = found("## 4 Training\n\nWe set the minimum frequency of a decision tree to 4.\n")
    assert "num_trees" not in got


def test_a_thousands_separator_spaced_out_by_the_pdf():
    got = found("## 4 Training\n\nWe trained for 800 epochs or 250, 112 iterations.\n")
    assert got["training_steps"] == [([250.0, 112.0], "candidate")]  # one number or two: confirm
    got = found("## 3 Model\n\nWe keep the two 2, 048 dimensional dense layers.\n")
    assert 48.0 not in [v for v, _ in got.get("hidden_size", [])]
    got = found("## 3 Model\n\nThe dense layers have dimension 2048, 256, and 1, respectively.\n")
    assert 256.0 in [v for v, _ in got["hidden_size"]]  # an item of a list, not a thousands group
    got = found("## 4 Training\n\nWe try batch sizes of 32, 128 and 512.\n")
    assert got["batch_size"] == [([32.0, 128.0, 512.0], "stated")]


def test_a_date_run_into_a_sentence_is_no_value():
    got = found("## 4 Experiments\n\nRobust variants of losses 14 March 2022 work well with 3 layers.\n")
    assert "losses" not in got and got["num_layers"] == [(3.0, "stated")]


def test_a_column_headed_by_a_word_before_a_known_setting():
    text = (
        "## 4 Tuning\n\nWe tune the rate and the batch size.\n\n"
        "| Minibatch Count | Starter Learning Rate | Score |\n|---|---|---|\n"
        "| 32 | 0.05 | 0.41 |\n| 32 | 0.005 | 0.52 |\n"
    )
    got = found(text)
    assert sorted(v for v, _ in got["learning_rate"]) == [0.005, 0.05]


def test_a_symbol_said_to_be_equal_to_a_value():
    text = (
        "## 3 Method\n\nThe logits are divided by the temperature T before the softmax.\n\n"
        "## 4 Training\n\nIn our runs, T is equal to 3.\n"
    )
    assert found(text)["temperature"] == [(3.0, "stated")]


def test_a_grid_a_setting_is_tuned_from():
    sentence = "We pick the learning rate from {0.3, 0.03} and the batch size from [16, 32, 64]."
    got = found(f"## 4 Training\n\n{sentence}\n")
    assert got["learning_rate"] == [([0.3, 0.03], "stated")]
    assert got["batch_size"] == [([16.0, 32.0, 64.0], "stated")]


def test_the_numerator_of_a_fraction_of_symbols_is_no_value():
    got = found("## 5 Experiments\n\nWe use the prior values α = 1/K and ρ = 1/(L-1) for every run.\n")
    assert "alpha" not in got and "rho" not in got
    assert found("## 5 Experiments\n\nWe fix the weight β = 1/2 in every run.\n")["beta"][0][0] == 0.5


def test_the_architectures_the_runs_use_listed_after_namely():
    got = found("## 4 Experiments\n\nWe evaluate three networks, namely VGG-11, VGG-13 and VGG-16.\n")
    assert got["architecture"] == [(["vgg-11", "vgg-13", "vgg-16"], "stated")]
    assert "architecture" not in found("## 2 Related work\n\nResNet-18 and ResNet-50 are common models.\n")


def test_a_header_row_of_groups_over_a_row_of_setting_names():
    text = (
        "## 4 Setup\n\n| | Our method | | Pre-training | |\n|---|---|---|---|---|\n"
        "| Task | Epochs | Batch Size | Epochs | Batch Size |\n| Maze | 400 | 128 | 50 | 16 |\n"
        "| Reacher | 900 | 256 | 80 | 32 |\n"
    )
    got = found(text, context=True)
    assert (400.0, "stated", "Our method Maze") in got["epochs"]
    assert (50.0, "stated", "Pre-training Maze") in got["epochs"]
    assert (32.0, "stated", "Pre-training Reacher") in got["batch_size"]
    assert not {"maze", "reacher"} & set(got)  # the rows are tasks, not settings


def test_a_captioned_table_after_a_settings_table_is_not_its_rest():
    text = (
        "## 4 Setup\n\n|  | Hyperparameters | Input |\n| --- | --- | --- |\n"
        "| run1 | λ=0 | Mel |\n| run2 | λ=0.3 | Mel |\n\n"
        "Fig. 3: Accuracy of both runs.\nTable 2: confusion matrix of run 1\n"
        "|  | cat | dog |\n| --- | --- | --- |\n| cat | 0.81 | 0.19 |\n| dog | 0.12 | 0.88 |\n"
    )
    got = found(text)
    assert not {"cat", "dog"} & set(got) and got["lambda"]


def test_a_table_of_the_datas_statistics_under_a_settings_heading_gives_no_settings():
    text = (
        "### 3.3 Hyperparameters\n\nWe train with a learning rate of 0.01.\n\n"
        "| Dataset | Nodes | Edges | Features | Classes |\n| --- | --- | --- | --- | --- |\n"
        "| Alpha | 3,100 | 4,200 | 900 | 6 |\n| Beta | 2,500 | 5,000 | 1,200 | 7 |\n"
    )
    got = found(text)
    assert not {"alpha", "beta"} & set(got) and got["learning_rate"] == [(0.01, "stated")]


def test_the_steps_of_a_learning_curve_table_are_candidates():
    text = (
        "## 5 Results\n\nWe tracked the accuracy across checkpoints:\n\n"
        "| Step | Train Acc. | Test Acc. |\n| --- | --- | --- |\n"
        "| 400 | 61.0% | 55.2% |\n| 800 | 72.4% | 66.1% |\n"
    )
    got = found(text)
    assert got["training_steps"] and all(how == "candidate" for _, how in got["training_steps"])
