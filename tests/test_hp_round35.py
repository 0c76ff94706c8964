"""Forms read in the thirty-fifth round, each sentence written here in words of our own."""

from __future__ import annotations

from hp_found import found

from tools.analysis.hp_normalize import values_match
from tools.analysis.hyperparams import names_match


def test_a_decay_named_after_a_symbol_is_not_the_learning_rates():
    text = "With a step size of 0.5 and a discount of 0.9, the ε-decay rate of 0.8 converged fastest."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert "lr_decay" not in got
    assert got["epsilon_decay_rate"] == [(0.8, "candidate")]
    plain = found("## 4 Setup\n\nWe decay the learning rate with a decay rate of 0.3.\n")
    assert plain["lr_decay"] == [(0.3, "stated")]


def test_the_values_of_the_work_a_paper_reproduces_are_candidates():
    text = (
        "The reference network had K=200; we shrink it to 32. We train with batches of 16, down from the "
        "original batch size of 128."
    )
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["batch_size"] == [(16.0, "stated"), (128.0, "candidate")]
    kept = found("## 4 Setup\n\nImages are cropped to 80% of the original scale, then resized to 64x64.\n")
    assert kept["image_size"] == [("64x64", "stated")]


def test_the_end_of_a_range_is_no_stated_value():
    got = found("## 4 Setup\n\nEach score averages 2 to 6 runs. Training lasts 15 to 25 epochs.\n")
    assert got["num_runs"] == [(6.0, "candidate")] and got["epochs"] == [(25.0, "candidate")]


def test_columns_right_of_an_outcome_column_report_runs():
    table = (
        "| Step size | Discount | Solved? | Episode length | Steps |\n|---|---|---|---|---|\n"
        "| 0.3 | 0.9 | Yes | 18 | 51,320 |\n| 0.5 | 0.9 | No | 40 | 88,110 |\n"
    )
    got = found(f"## 5 Results\n\n{table}")
    assert got["training_steps"] and all(conf == "candidate" for _, conf in got["training_steps"])


def test_a_parameter_count_to_the_unit_or_a_systems_capacity_is_a_candidate():
    text = (
        "The chosen network has 512,318 parameters. Our code can scale to 70B parameters on eight GPUs. "
        "The encoder has 25M parameters."
    )
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["num_parameters"] == [(512318.0, "candidate"), (7e10, "candidate"), (2.5e7, "stated")]


def test_low_rank_adapters_spelled_out_are_lora():
    got = found("## 4 Setup\n\nOnly low-rank adaptation matrices (rank 16, alpha=32) are trained.\n")
    assert got["lora_r"] == [(16.0, "stated")] and got["lora_alpha"] == [(32.0, "stated")]


def test_halving_the_rate_after_a_plateau():
    text = "A scheduler halves the learning rate after 3 epochs without improvement of the validation loss."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["lr_decay"] == [(0.5, "stated")]
    assert got["lr_schedule"] == [("reduce on plateau", "stated")]
    assert got["patience"] == [(3.0, "stated")]


def test_audio_front_end_settings():
    text = (
        "Inputs are 96-band melspectrograms; spectrograms are computed every 12 ms. We draw a random "
        "3-second excerpt from each track."
    )
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["num_mel_bins"] == [(96.0, "stated")]
    assert got["hop_size"] == [(0.012, "stated")]
    assert got["segment_length"] == [(3.0, "stated")]


def test_a_procedures_true_or_false_rule_and_a_random_variables_parameter():
    text = (
        "If a score passes the bound, its flag is set to True; otherwise it is set to False. The noise "
        "bits are Bernoulli random variables with parameter 0.5."
    )
    got = found(f"## 3 Method\n\n{text}\n")
    assert all(conf == "candidate" for values in got.values() for _, conf in values), got
    assert "variable" not in got


def test_scheduler_class_names_and_setting_synonyms_match_the_papers_words():
    assert values_match("reduce on plateau", "ReduceLROnPlateau")
    assert values_match("cosine", "CosineAnnealingLR") and values_match("step", "StepLR")
    assert values_match("inverse sqrt", "InverseSquareRootLR")
    assert not values_match("cosine", "CosineAnnealingWarmRestarts") and not values_match("step", "linear")
    assert names_match("hop_size", "hop_length") and names_match("chunk_length", "segment_length")
    assert names_match("normalization_layer", "normalization")
    assert names_match("lr_reduction_factor", "lr_decay")


def test_one_verb_sets_several_settings():
    text = (
        "We set $\\gamma$ to 0.2 and $\\mu_q$ to 0.7. The policy weight was set to 0.05, and the critic "
        "weight to 2."
    )
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["gamma"] == [(0.2, "stated")] and got["muq"] == [(0.7, "stated")]
    assert got["policy_weight"] == [(0.05, "stated")] and got["critic_weight"] == [(2.0, "stated")]


def test_l2_written_with_a_subscript_is_weight_decay_and_seq_is_sequence():
    got = found("## 4 Setup\n\n$L_2$ regularization with a coefficient of 0.004 is applied to all weights.\n")
    assert got["weight_decay"] == [(0.004, "stated")]
    assert names_match("max_seq_length", "sequence_length")


def test_counts_of_the_data_are_candidates():
    text = (
        "After cleaning, 240 sessions are available. We also test on mouse_v1.npz (9000 frames, 120 cells, "
        "14 sessions). The encoder (2 layers, 128 units) is trained for 30 epochs."
    )
    got = found(f"## 4 Setup\n\n{text}\n")
    counted = got.get("num_runs", []) + got.get("hidden_size", [])
    assert all(conf == "candidate" for v, conf in counted if v in (240, 120, 14)), got
    assert got["num_layers"] == [(2.0, "stated")] and (128.0, "stated") in got["hidden_size"]
    assert got["epochs"] == [(30.0, "stated")]


def test_a_split_given_as_an_example_or_in_cross_validation_is_no_split():
    got = found("## 4 Setup\n\nIn a cross-validation run, folds are drawn at random (e.g., 80/20) each.\n")
    assert "train_split" not in got and "test_split" not in got
    kept = found("## 4 Setup\n\nWe use a 70/30 train/test split.\n")
    assert kept["train_split"] == [(0.7, "stated")]


def test_a_count_of_a_kind_of_layer():
    text = "We use 3 feature update layers and 32 hidden units. A baseline has 2-layer convolutional layers."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["feature_update_layers"] == [(3.0, "stated")] and "num_features" not in got
    assert "layer_convolutional_layers" not in got


def test_a_display_row_of_symbols_with_their_numbers():
    display = (
        "$$ \\begin{split} L &= \\beta_\\text{rec} L_\\text{rec} + \\beta_\\text{adv} L_\\text{adv} \\\\ "
        "\\beta_\\text{rec} &= 2.0,\\; \\beta_\\text{adv} = 0.1 \\end{split} $$ (3)"
    )
    got = found(f"## 3 Method\n\n{display}\n\nAnd $$ x_0 = 0, \\quad y = 2 x + 1 $$\n")
    assert got["beta_rec"] == [(2.0, "candidate")] and got["beta_adv"] == [(0.1, "candidate")]
    assert "x0" not in got and "y" not in got


def test_a_number_before_a_name_with_its_own_value_belongs_to_the_row_before():
    line = "Critic Width 256 400 and 300 64 Critic Depth 2 Actor Width 256 Actor Depth 2 Optimizer Adam."
    got = found(f"## A Settings\n\nTable 3: Settings.\n\n{line}\n\nWe train 3 layers for 100 epochs.\n")
    assert (64.0, "stated") not in got.get("num_layers", []) and (2.0, "stated") in got["num_layers"]
    assert (3.0, "stated") in got["num_layers"] and got["epochs"] == [(100.0, "stated")]


def test_pretrained_models_of_recent_papers():
    text = (
        "We base our experiments on Qwen3-8B. We chose to use Roberta Large across all experiments. "
        "We start from Mistral-7B-Instruct."
    )
    got = found(f"## 4 Setup\n\n{text}\n")
    assert [v for v, _ in got["model"]] == ["qwen3-8b", "roberta large", "mistral-7b-instruct"]
    assert all(conf == "stated" for _, conf in got["model"])


def test_an_activation_named_before_its_abbreviation_and_a_gated_linear_unit():
    got = found("## 4 Setup\n\nExponential Linear Unit (ELU) was used as the activation function.\n")
    assert got["activation"] == [("elu", "stated")]
    got = found("## 4 Setup\n\nEach block ends in a convolution with a stride of 1 and GLU activation.\n")
    assert got["activation"] == [("glu", "stated")]


def test_gradient_accumulation_over_mini_batches_a_share_in_percent_and_a_listed_one():
    text = (
        "We accumulate gradients across 6 mini-batches. We keep 75 percent of the data for training and "
        "split the rest evenly. The critic is an MLP (width 128, 1 layer, 4 heads)."
    )
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["gradient_accumulation_steps"] == [(6.0, "stated")]
    assert got["train_split"] == [(0.75, "stated")]
    assert got["num_layers"] == [(1.0, "stated")]


def test_a_warmup_counted_in_epochs_and_an_optimizer_for_every_model():
    text = "We train for 100 epochs with a 5-epoch warmup, mean pooling and AdamW for every model."
    got = found(f"## 5 Experiments\n\n{text}\n")
    assert got["epochs"] == [(100.0, "stated")] and got["warmup_epochs"] == [(5.0, "stated")]
    assert got["optimizer"] == [("adamw", "stated")]
