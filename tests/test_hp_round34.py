"""Forms read in the thirty-fourth round, each sentence written here in words of our own."""

from __future__ import annotations

from hp_found import found


def test_a_count_per_layer_is_the_counted_things_not_the_layers():
    for text in (
        "The number of hidden neurons per layer is 64.",
        "The number of hidden units per block was set to 64.",
    ):
        got = found(f"## 4 Setup\n\n{text}\n")
        assert "num_layers" not in got and "num_blocks" not in got, text
        assert got["hidden_size"] == [(64.0, "stated")], text


def test_a_count_of_steps_per_episode_is_an_inner_loop_not_the_runs_length():
    got = found("## 4 Setup\n\nThe number of steps per rollout is 256. The number of epochs is 30.\n")
    assert got["steps_per_rollout"] == [(256.0, "stated")]
    assert "training_steps" not in got
    assert got["epochs"] == [(30.0, "stated")]


def test_a_correlation_is_a_result_and_an_interval_over_iterations_counts_runs():
    text = (
        "Each score carries a 90% confidence interval over 200 iterations. The two ratings agree, with "
        "Spearman correlations of 0.81 and 0.77."
    )
    got = found(f"## 5 Results\n\n{text}\n")
    assert got["num_runs"] == [(200.0, "stated")] and "training_steps" not in got
    assert all(conf == "candidate" for k, values in got.items() if k != "num_runs" for _, conf in values), got


def test_parameters_drawn_from_a_prior_are_draws_not_the_models_size():
    text = "We draw 5000 simulator parameters from the prior. The network has 2000 parameters."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert (5000.0, "candidate") in got["num_parameters"] and (2000.0, "stated") in got["num_parameters"]


def test_a_table_cell_pointing_to_a_figure_is_no_value():
    table = (
        "| Setting | Method | Fraction | Plots |\n|---|---|---|---|\n"
        "| Default | ours | $3.1^{+0.4}_{-0.2}$ | Figure 5 |\n"
        "| Alt. prior | ours | $2.9^{+0.3}_{-0.3}$ | Fig. 9 |\n"
    )
    got = found(f"## 5 Results\n\n{table}")
    assert not any("fig" in str(v).lower() for values in got.values() for v, _ in values), got


def test_a_search_space_written_with_a_tilde_in_prose_and_in_a_display():
    text = "We search the step size $\\sim \\{0.003, 0.03\\}$ and dropout $\\sim \\{0.2, 0.4\\}$."
    prose = found(f"## 4 Setup\n\n{text}\n")
    assert prose["learning_rate"] == [([0.003, 0.03], "stated")]
    assert prose["dropout"] == [([0.2, 0.4], "stated")]
    display = (
        "$$ \\textrm{Grid}: \\begin{cases} \\textrm{Learning rate} \\sim \\{0.003, 0.03\\} \\\\ "
        "\\textrm{Dropout} \\sim \\{0.2, 0.4\\} \\\\ \\beta \\sim \\{1, 2\\} \\end{cases} $$"
    )
    got = found(f"## 4 Setup\n\n{display}\n")
    assert got["learning_rate"] == [([0.003, 0.03], "stated")] and got["dropout"] == [([0.2, 0.4], "stated")]
    assert found("## 3 Model\n\n$$ \\mathrm{softmax}(x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}} $$\n") == {}


def test_stopping_when_a_score_fails_to_increase_gives_the_patience():
    text = "We stop training when the validation accuracy fails to increase after 12 epochs."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["patience"] == [(12.0, "stated")] and "epochs" not in got


def test_padding_is_a_setting_and_an_epoch_of_iterations_its_length():
    got = found(
        "## 4 Setup\n\nEach layer has 32 5 × 5 filters with stride 2 and padding 2. Each training epoch "
        "consists of 300 iterations.\n"
    )
    assert got["padding"] == [(2.0, "stated")] and got["stride"] == [(2.0, "stated")]
    assert got["steps_per_epoch"] == [(300.0, "stated")]


def test_a_table_of_configurations_reads_its_columns_as_settings():
    table = (
        "| Config | depth | lr | n\\_rounds | $\\rho$ | AUC |\n|---|---|---|---|---|---|\n"
        "| Base | 4 | 0.05 | 300 | 0.71 | 0.88 |\n| Wide | 8 | 0.02 | 300 | 0.69 | 0.90 |\n"
    )
    lead = "We compare two configurations (Table 4).\n\n**Table 4** Settings."
    got = found(f"## C Sensitivity\n\n{lead}\n\n{table}")
    assert sorted(got["learning_rate"]) == [(0.02, "stated"), (0.05, "stated")]
    assert all(conf == "candidate" for k in ("rho", "n_rounds") for _, conf in got.get(k, [])), got
    assert "base" not in got and "wide" not in got and "auc" not in got


def test_a_bound_and_an_estimate_with_its_interval_are_no_settings():
    text = (
        "We suggest averaging over $m \\geq 3$ seeds. The slope $\\beta_2 = 0.91$ (90% CI [0.4, 1.3]) is "
        "positive. Coefficients come from a filter bank of 48 mel-frequency bands; the number of channels "
        "is set to 256."
    )
    got = found(f"## 5 Analysis\n\n{text}\n")
    assert all(conf == "candidate" for k, values in got.items() if k != "base_channels" for _, conf in values)
    assert (256.0, "stated") in got["base_channels"] and (48.0, "candidate") in got["base_channels"]


def test_a_negative_value_keeps_its_sign_where_the_setting_may_be_negative():
    text = (
        "We set the hinge margin to $-0.25$. The reward threshold is set to $-150$. For robustness we set "
        "the margin as $\\gamma = -0.3$. We use a window of 2-6 frames and a batch size of -32."
    )
    got = found(f"## 4 Setup\n\n{text}\n")
    assert (-0.25, "stated") in got["margin"] and got["reward_threshold"] == [(-150.0, "stated")]
    assert (-0.3, "stated") in got["margin"] and "discount_factor" not in got
    assert not any(v in (-6.0, -32.0) for values in got.values() for v, c in values if c == "stated")
