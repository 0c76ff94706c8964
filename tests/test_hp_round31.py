"""Forms read in the thirty-first round, each sentence written here in words of our own."""

from __future__ import annotations

from hp_found import found

from tools.analysis.hp_normalize import normalize_value


def test_a_count_followed_by_another_unit_is_not_the_count_its_name_says():
    got = found("## 4 Setup\n\nOne full training epoch consists of 25 batches, each holding 8 clips.\n")
    assert "epochs" not in got  # the 25 counts batches
    assert got["batch_size"] == [(8.0, "stated")]
    got = found("## 4 Setup\n\nWe train for 30 epochs of 200 iterations.\n")
    assert got["epochs"] == [(30.0, "stated")] and "training_steps" not in got


def test_batches_of_n_items_and_a_remainder_batch():
    text = "The training set splits into 910 batches of 48 documents and 1 batch of 7 documents."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["batch_size"] == [(48.0, "stated")]


def test_e_notation_written_with_a_caret():
    assert normalize_value("5e^{-3}") == 0.005 and normalize_value("2e^-5") == 2e-05
    got = found("## 4 Setup\n\nWe optimise with an initial learning rate of $5e^{-3}$.\n")
    assert got["learning_rate"] == [(0.005, "stated")]
    assert normalize_value("e^{-3}") == "e^{-3}"  # no mantissa: an exponential, not a number in e-notation


def test_optimisers_named_after_namely_an_algorithm_noun_or_a_list_of_what_is_used():
    cases = {
        "The model is fitted with the usual optimiser, namely stochastic gradient descent.": "sgd",
        "We run the optimization algorithm RMSProp for 4k updates.": "rmsprop",
        "The network is trained using a hinge loss and Adagrad.": "adagrad",
        "We use Muon for the matrices and AdamW for the rest.": "muon",
    }
    for sentence, optimizer in cases.items():
        got = found(f"## 4 Setup\n\n{sentence}\n")
        assert (optimizer, "stated") in got["optimizer"], sentence


def test_cells_of_a_recurrent_layer_are_its_width():
    got = found("## 4 Model\n\nThe decoder is a GRU with 3 layers and 640 cells per layer.\n")
    assert got["hidden_size"] == [(640.0, "stated")] and got["num_layers"] == [(3.0, "stated")]
    assert "hidden_size" not in found("## 4 Task\n\nThe grid world has 64 cells.\n")


def test_a_bare_symbol_set_to_a_value_by_us_or_in_words_after_it():
    got = found("## 4 Setup\n\nDuring training we set $\\kappa$ to 0.35.\n")
    assert got["kappa"] == [(0.35, "stated")]
    got = found("## 4 Setup\n\nThe margin is chosen by hand, and $\\kappa$ is set to 0.35.\n")
    assert got["kappa"] == [(0.35, "candidate")]  # the letter alone: the paper may call it something else


def test_a_value_set_for_the_items_a_condition_picks_is_a_rule_not_a_setting():
    text = "For every pixel p where both masks agree and the label is known, we set $w_p$ to 2."
    got = found(f"## 4 Method\n\n{text}\n")
    assert all(how == "candidate" for values in got.values() for _, how in values)


def test_a_count_that_begins_at_a_value():
    got = found("## 4 Model\n\nThe number of filters begins at 24 and doubles after every pooling layer.\n")
    assert got["base_channels"] == [(24.0, "stated")]


def test_a_count_after_by_or_within_is_a_point_in_the_run():
    text = "The two heads agree within 800 steps, and most runs pass the baseline by 20k steps."
    got = found(f"## 5 Results\n\n{text}\n")
    assert got["training_steps"] and all(how == "candidate" for _, how in got["training_steps"])
    assert found("## 4 Setup\n\nWe train for 20k steps.\n")["training_steps"] == [(20000.0, "stated")]


_DEPTH_SWEEP = (
    "## 5 Experiments\n\n**Table 3** Error of the encoder for several depths and widths.\n\n"
    "| Depth | Dim | Error [%] |  |\n|---|---|---|---|\n|  |  | val | test |\n"
    "| 8 | 256 | 4.1 | 4.4 |\n|  | 128 | 4.3 | 4.6 |\n| 4 | 256 | 4.9 | 5.2 |\n"
)


def test_a_second_header_row_of_sub_headings_leaves_the_first_as_the_header():
    got = found(_DEPTH_SWEEP)
    assert sorted(v for v, _ in got["num_layers"]) == [4.0, 8.0]  # the depths the table sweeps


def test_a_first_column_of_layer_counts_is_no_table_of_layers():
    text = (
        "## 5 Experiments\n\n**Table 3** Effect of the encoder's depth and width.\n\n"
        "| Layers | Dim | WER |\n|---|---|---|\n| 8 | 256 | 4.1 |\n| 8 | 128 | 4.3 |\n| 4 | 256 | 4.9 |\n"
    )
    got = found(text)
    assert sorted(v for v, _ in got["num_layers"]) == [4.0, 8.0]
    layers = "## 4 Model\n\n| Layer | Units | Activation |\n|---|---|---|\n| 1 | 256 | ReLU |\n"
    layers += "| 2 | 10 | softmax |\n"  # one row per layer, indexed 1, 2
    assert found(layers, context=True)["hidden_size"] == [(256.0, "stated", "1"), (10.0, "stated", "2")]


def test_a_symbol_named_before_it_and_set_in_words_keeps_its_name():
    got = found("## 4 Setup\n\nThe dimension of the latent code z is set to 48.\n")
    assert got["latent_dim"] == [(48.0, "stated")] and "z" not in got


def test_a_table_of_runs_whose_row_label_looks_like_a_setting_is_still_one_row_per_run():
    text = (
        "## 5 Setup\n\n**Table 2** Hyperparameters for each environment.\n\n"
        "| Environment | Epochs | Batch Size | Prior Batch Size |\n|---|---|---|---|\n"
        "| Swimmer | 300 | 512 | 16 |\n| Walker | 600 | 1024 | 32 |\n"
    )
    got = found(text, context=True)
    assert got["epochs"] == [(300.0, "stated", "Swimmer"), (600.0, "stated", "Walker")]
    assert (16.0, "stated", "Prior Swimmer") in got["batch_size"]  # the heading's word joins the context
    assert "num_walkers" not in got


def test_zero_for_a_setting_that_zero_switches_off():
    text = "The clip range is set to 0.2, the entropy coefficient to 0.0 and the weight decay to 0."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["entropy_coefficient"] == [(0.0, "stated")] and got["weight_decay"] == [(0.0, "stated")]
    assert "learning_rate" not in found("## 4 Setup\n\nAt the end the learning rate is 0.\n")


def test_a_warmup_that_warms_up_and_schedules_named_without_the_rate():
    text = "The rate warms up linearly over the first 3,000 steps, then has an inverse square root schedule."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["warmup_steps"] == [(3000.0, "stated")] and "training_steps" not in got
    assert got["lr_schedule"] == [("inverse square root", "stated")]


def test_a_clause_on_what_a_cited_model_used():
    text = "Ours reaches 31.0, against 29.5 for the model of Lee et al. (2020) which used a dropout of 0.4."
    got = found(f"## 5 Results\n\n{text}\n")
    assert got["dropout"] == [(0.4, "candidate")]


def test_a_greek_symbol_with_a_capital_subscript():
    text = "The gradient penalty weight $\\lambda_{GP}$ is 10 and we set $\\beta_{KL} = 0.5$."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["gradient_penalty_weight"] == [(10.0, "stated")] and got["beta_kl"] == [(0.5, "stated")]


def test_a_decay_schedule_with_a_warmup_share_and_one_of_exploration():
    got = found("## 4 Setup\n\nWe use a linear decay schedule with 6% warmup.\n")
    assert got["lr_schedule"] == [("linear", "stated")] and got["warmup_ratio"] == [(0.06, "stated")]
    got = found("## 4 Setup\n\nThe exploration rate follows a linear decay schedule from 1.0 to 0.05.\n")
    assert "lr_schedule" not in got and "noise_schedule" not in got  # ε's schedule: no learning rate's
    got = found("## 4 Setup\n\nWe use a warmup of 4% of the training steps.\n")
    assert got["warmup_ratio"] == [(0.04, "stated")] and "warmup_steps" not in got


def test_a_table_of_scores_the_text_points_to_for_settings_gives_none():
    text = (
        "## 5 Ablation\n\nIn Table 3 the “First System” runs for 3 epochs. Both the “Second System” "
        "configuration in Table 3 and the runs of Table 4 use 5 epochs.\n\n"
        "|  | Attack | Task | Bench | Final |\n|---|---|---|---|---|\n"
        "| First System | 0 | 0.1 | 0.28 | 0.12 |\n| Second System | 0.59 | 0.39 | 0.26 | 0.42 |\n\n"
        "**Table 3** First System versus Second System.\n"
    )
    got = found(text)
    assert not {k for k in got if "system" in k}  # neither rows nor columns name a setting: scores
    assert (3.0, "stated") in got["epochs"]


def test_a_scheduler_named_by_its_library_class_or_reduce_on_plateau_in_words():
    got = found("## 4 Setup\n\nThe rate is adjusted by a ReduceLROnPlateau scheduler.\n")
    assert got["lr_schedule"] == [("reduce on plateau", "stated")]
    got = found("## 4 Setup\n\nWe use torch.optim.lr_scheduler.MultiStepLR with milestones at 40 and 80.\n")
    assert got["lr_schedule"] == [("step", "stated")]
    assert found("## 4 Setup\n\nThe rate follows a reduce-on-plateau schedule.\n")["lr_schedule"]
