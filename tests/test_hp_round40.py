"""Forms read in the fortieth round, each written here in words of our own."""

from __future__ import annotations

from hp_found import found


def test_a_warmup_ratio_its_spelling_and_a_lost_decimal_point():
    got = found("We fine-tune for 4 epochs with 0.05 weight decay, 0.06 warmup ratio and a batch size of 8.")
    assert got["warmup_ratio"] == [(0.06, "stated")] and "warmup_steps" not in got
    got = found("Then 4 epochs, warm up ratio set to 0.2, weight decay of 0.05.")
    assert got["warmup_ratio"] == [(0.2, "stated")]
    got = found("The second run used 4 epochs, a warm up ratio of 02 and weight decay 0.05.")
    assert got["warmup_ratio"] == [(2.0, "candidate")]  # '02': a point lost, or 2? the paper must say


def test_a_comma_list_before_a_name_starts_after_an_assignment():
    got = found("The learning rate was 2e-5, the test batch was 64, 3 epochs were run.")
    assert got["epochs"] == [(3.0, "stated")]
    got = found("We train the three models for 10, 20 and 40 epochs.")
    assert got["epochs"] == [([10.0, 20.0, 40.0], "stated")]


def test_dropout_at_a_rate_and_a_leaky_relu_slope():
    got = found("Each hidden layer is followed by a Leaky ReLU with slope 0.1; we apply dropout at rate 0.3.")
    assert got["dropout"] == [(0.3, "stated")]
    assert got["leaky_relu_slope"] == [(0.1, "stated")]


def test_a_symbol_set_in_a_sentence_about_the_experiments_is_stated():
    got = found("In our experiments, M is set to 12. In this case, M is set to 40.")
    assert got["M"] == [(12.0, "stated"), (40.0, "candidate")]


def test_a_symbol_in_a_list_that_a_named_setting_opens():
    got = found("We follow the usual recipe: batch size 512, γ = 0.98, λ = 0.9, clip range 0.1.")
    assert got["gamma"] == [(0.98, "stated")] and got["lambda"] == [(0.9, "stated")]
    assert got["batch_size"] == [(512.0, "stated")]


def test_the_maximum_number_of_steps_per_episode_names_its_symbol():
    got = found("The maximum number of steps per episode is set to $H=200$.")
    assert [v for rows in got.values() for v in rows] == [(200.0, "stated")]


def test_an_input_image_of_a_size():
    got = found("The network takes an input image of size 96 X 96 and is trained for 30 epochs.")
    assert got["image_size"] == [("96 x 96", "stated")]
    assert got["epochs"] == [(30.0, "stated")]


def test_a_headless_table_of_resources_keeps_its_epochs_row():
    got = found("| Disk used | 3.1 GB |\n|---|---|\n| Memory used | 2.5 GB |\n| Epochs | 25 |\n")
    assert got["epochs"] == [(25.0, "stated")]


def test_samples_per_minibatch_is_the_batch_size():
    got = found("| Setting | Value |\n| --- | --- |\n| number of samples per minibatch | 128 |\n")
    assert got["batch_size"] == [(128.0, "stated")]


def test_a_period_named_by_a_symbol_is_no_run_length():
    got = found("Filters are removed after every $N_p = 5$ epochs; filters were cut every Np = 5 epochs.")
    assert all(conf == "candidate" for _, conf in got.get("epochs", []))
    assert "base_channels" not in got  # the 5 is N_p's, not a count of filters


def test_a_table_whose_header_is_a_data_row_names_no_setting():
    table = (
        "Table 3: Hyperparameters of the fine-tuned encoders\n"
        "| Small encoder | 3e-5 | 32 | 64 | 4 | 0.01 | - |\n| --- | --- | --- | --- | --- | --- | --- |\n"
        "| Large encoder | 1e-5 | 16 | 32 | 5 | 0.01 | 0.1 |\n"
        "| Base encoder | 2e-5 | 16 | 32 | 5 | 0.01 | 0.1 |\n"
    )
    assert found(table) == {}


def test_a_plateau_reduction_with_no_improvement_for_some_epochs():
    got = found(
        "The learning rate is watched and is reduced by a factor of 0.2 when there is no improvement in the "
        "training loss for 3 epochs; we train for 60 epochs."
    )
    assert got["patience"] == [(3.0, "stated")] and got["lr_decay"] == [(0.2, "stated")]
    assert got["epochs"] == [(60.0, "stated")]
    seen = found("## 5 Results\n\nWith the wider model we saw no improvement in accuracy for 30 epochs.\n")
    assert "patience" not in seen  # what a run showed, not a rule


def test_settings_table_rows_with_an_article_ppo_epsilons_and_measured_rows():
    got = found(
        "| Parameter | Value |\n| --- | --- |\n| Clipping epsilon | 0.1 |\n| Entropy coeff | 0.02 |\n"
        "| The number of runs | 12 |\n| Runtime per episode (seconds) | 41.3 |\n"
        "| The number of restarts | 7.5 |\n"
    )
    assert got["clip_range"] == [(0.1, "stated")] and got["entropy_coefficient"] == [(0.02, "stated")]
    assert got["num_runs"] == [(12.0, "stated")]
    assert got["num_restarts"] == [(7.5, "candidate")]  # a decimal count: a result
    assert all(conf == "candidate" for key, rows in got.items() if "runtime" in key for _, conf in rows)


def test_a_dropout_layer_of_a_rate_and_a_misprinted_exponent():
    got = found("Between the layers sits a dropout layer of 0.25; the learning rate of 3-e4 is kept fixed.")
    assert got["dropout"] == [(0.25, "stated")]
    assert all(conf == "candidate" for _, conf in got.get("learning_rate", []))


def test_keyword_arguments_of_a_listed_constructor_are_its_settings():
    got = found(
        "The forest is built as follows.\n\n```\nmodel = ForestClassifier(\n    n_estimators=300,\n"
        "    max_depth=12,  # deeper trees overfit\n    min_samples_leaf=4)\n```\n"
    )
    assert got["num_trees"] == [(300.0, "stated")] and got["max_depth"] == [(12.0, "stated")]
    assert got["min_samples_leaf"] == [(4.0, "stated")]


def test_a_generic_parameter_after_a_named_setting_is_that_setting():
    got = found("We apply L2 weight decay with penalty parameter 0.0005 and a batch size of 50.")
    assert got["weight_decay"] == [(0.0005, "stated")]
    got = found("Training uses early stopping with a patience parameter of 6.")
    assert got["patience"] == [(6.0, "stated")]


def test_episodes_blocks_and_a_warmup_taken_from_the_first_steps():
    got = found("The agent trains for 3000 episodes; returns are averaged over 20 episodes.")
    assert got["num_episodes"] == [(3000.0, "stated")] and got["num_eval_episodes"] == [(20.0, "stated")]
    got = found("Each flow is a Glow model with 6 blocks.")
    assert got["num_blocks"] == [(6.0, "stated")]
    got = found("We train for 3 epochs at a learning rate of 2e-5 and use the first 300 steps for warmup.")
    assert got["warmup_steps"] == [(300.0, "stated")] and "training_steps" not in got


def test_the_point_a_run_reaches_something_at_is_no_run_length():
    got = found("The agent reaches its best return at between 30 and 40 episodes. We train for 400 episodes.")
    assert [row for row in got["num_episodes"] if row[1] == "stated"] == [(400.0, "stated")]
