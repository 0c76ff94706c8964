"""Forms read in the thirty-sixth round, each sentence and table written here in words of our own."""

from __future__ import annotations

from hp_found import found


def test_a_name_column_over_a_metric_column_lists_models_compared_not_settings():
    table = (
        "## 3 Models\n\n**Table 1** Candidate backbones\n\n| Name | Mean Top-1 Accuracy | Count |\n"
        "|---|---|---|\n| SqueezeNet | 0.612 | 2 |\n| ShuffleNet | 0.703 | 4 |\n\n"
        "| Name | Acc. | Time (seconds) |\n|---|---|---|\n| ShuffleNetV2 | 0.9812 | 91 |\n"
    )
    assert found(table) == {}
    settings = found("| Name | Value |\n|---|---|\n| Batch size | 64 |\n| Dropout | 0.3 |\n")
    assert settings["batch_size"] == [(64.0, "stated")] and settings["dropout"] == [(0.3, "stated")]


def test_one_row_naming_two_settings_with_a_slash_gives_each_its_value():
    table = (
        "**Table 5** Agent settings.\n\n| Parameter | Value | Source |\n|---|---|---|\n"
        "| ε start / end | 0.9 / 0.05 | after [smith2019] |\n"
        "| Actor / critic learning rate | 1e-4 / 5e-4 | |\n"
        "| β1 / β2 | 0.8 / 0.99 | |\n| Pixel scale | 1/255 | |\n"
    )
    got = found(table)
    assert got["epsilon_start"] == [(0.9, "stated")] and got["epsilon_end"] == [(0.05, "stated")]
    assert got["learning_rate"] == [(0.0001, "stated"), (0.0005, "stated")]
    assert got["beta1"] == [(0.8, "stated")] and got["beta2"] == [(0.99, "stated")]
    assert "epsilon_start_end" not in got  # no quotient of the two values (0.9 / 0.05 = 18)


def test_a_reference_column_leaves_the_value_the_papers_own():
    table = "| Parameter | Value | Reference |\n|---|---|---|\n| Replay ratio | 0.25 | [lee2021] |\n"
    assert found(table)["replay_ratio"] == [(0.25, "stated")]


def test_pairs_of_columns_under_a_method_each_are_that_methods_settings():
    table = (
        "**Table 2** Hyperparameter values\n\n| SI |  | LwF |  |\n|---|---|---|---|\n"
        "| $c$ | [0.5, 1, 2] | Temperature | [1, 2] |\n|  |  | Distillation weight | [0.3, 0.7] |\n"
    )
    got = found(table)
    assert got["c"] == [([0.5, 1.0, 2.0], "stated")]  # not LwF's temperatures
    assert got["temperature"] == [([1.0, 2.0], "stated")]


def test_a_compound_word_with_to_names_no_setting():
    got = found("## 4 Setup\n\nWe use 6 heads. Finally a 20-game head-to-head series decides the winner.\n")
    assert got["num_heads"] == [(6.0, "stated")]


def test_accuracies_paired_by_order_are_results_not_settings():
    text = (
        "Compared with a dense layer, with 5 times more parameters than ours: the train and test accuracies "
        "are 92.0% and 80.4% compared to 87.9% and 81.5%."
    )
    assert found(f"{text}\n") == {}  # 80.4% had been read as the count of 'times more parameters'


def test_a_sized_published_model_described_is_not_the_papers_setting():
    text = (
        "Since ResNet-34 has 4 residual stages (Figure 2), we upsample the maps. "
        "In the initial paper, the authors propose very thin layers (24 filters per layer)[lee2017]. "
        "Our head has 3 layers."
    )
    got = found(f"## 3 Method\n\n{text}\n")
    assert got["num_layers"] == [(3.0, "stated")] and got["residual_stages"] == [(4.0, "candidate")]
    assert all(c == "candidate" for v, c in got.get("base_channels", []))
    own = found("## 3 Method\n\nThe U-Net has 5 levels of 2 layers each, and we train it for 9 epochs.\n")
    assert own["epochs"] == [(9.0, "stated")]


def test_a_caption_about_the_data_makes_a_table_no_settings():
    counts = (
        "Settings and search ranges are listed in Table 1.\n\n| **Mood** | **Count** |\n|---|---|\n"
        "| Calm | 4,120 |\n| Tense | 2,310 |\n\n"
        "**Table 1** Distribution of mood labels in the training data\n"
    )
    assert found(counts) == {}
    grid = (
        "| Region (N) | Total | North | South |\n|---|---|---|---|\n| Oak | 512 | 300 | 212 |\n\n"
        "**Table 4** Final tree crown image dataset\n"
    )
    assert "num_trees" not in found(grid)


def test_a_layers_width_word_after_its_name_makes_it_the_hidden_size():
    got = found("## 3 Model\n\nEach classifier uses a hidden layer dimension of 96 and tanh activations.\n")
    assert got["hidden_size"] == [(96.0, "stated")] and "num_layers" not in got


def test_nested_items_give_their_titles_setting_per_part_and_a_listed_activation():
    text = (
        "## 4 Training\n\n- Epochs: 40\n\n- Activation: leaky relu\n\n- Learning rate\n\n"
        "   - Encoder: 2e-4\n\n   - Decoder: 5e-4\n"
    )
    got = found(text)
    assert got["learning_rate"] == [(0.0002, "stated"), (0.0005, "stated")]
    assert got["activation"] == [("leaky relu", "stated")] and got["epochs"] == [(40.0, "stated")]


def test_a_rate_that_starts_at_a_value_decaying_with_its_period_first():
    text = "I train with a learning rate that starts at 0.003 and decays every three epochs by a factor of 5."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["learning_rate"] == [(0.003, "stated")]
    assert got["lr_decay"] == [(0.2, "stated")] and got["lr_decay_epochs"] == [(3.0, "stated")]


def test_a_share_kept_for_a_part_with_its_count_in_brackets():
    text = (
        "I withhold 15% of my data (1,204 clips) for final evaluation and use 20% (1,605 clips) for "
        "validation."
    )
    got = found(f"## 4 Data\n\n{text}\n")
    assert got["test_split"] == [(0.15, "stated")] and got["validation_split"] == [(0.2, "stated")]


def test_symbols_glossed_as_the_number_of_the_layers_name_table_columns():
    text = (
        "$L_{e}$ represents the number of the encoder layers and $L_{d}$ represents the number of the "
        "decoder layers.\n\n| Attention | $L_{e}$ | $L_{d}$ | lr |\n|---|---|---|---|\n"
        "| Sparse | $2$ | $3$ | $0.01$ |\n\n**Table 1** Default hyperparameters\n"
    )
    got = found(text)
    assert got["encoder_layers"] == [(2.0, "stated")] and got["decoder_layers"] == [(3.0, "stated")]


def test_a_table_with_one_column_per_method_is_no_table_of_name_value_pairs():
    # one cell holds words ('400 and 300'), most rows fill one column: each method still gets its value
    table = (
        "**Table 2** Hyperparameters of the baselines.\n\n"
        "| **Parameter** | SAC | TD3 | PPO |\n|---|---|---|---|\n"
        "| Discount factor ($\\gamma$) | $0.98$ |  |  |\n| Replay buffer size | $10^5$ |  |  |\n"
        "| Batch size | $128$ | $100$ | $32$ |\n| Activation | `relu` |  | `Tanh` |\n"
        "| Critic width | $128$ | $400$ and $300$ | $32$ |\n| Critic depth | $2$ |  |  |\n"
        "| Optimizer | `Adam` |  |  |\n| Policy delay | $1$ | $2$ | $1$ |\n"
    )
    got = found(table)
    assert got["batch_size"] == [(128.0, "stated"), (100.0, "stated"), (32.0, "stated")]
    assert "400_and_300" not in got


def test_an_equation_numbered_in_its_chapter_is_a_reference_not_a_value():
    text = "The estimates converge under the usual conditions on the learning rate (3.4) [smith2009]."
    assert "learning_rate" not in found(f"## 4 Method\n\n{text}\n")
    assert found("## 4 Setup\n\nWe use a learning rate (0.003).\n")["learning_rate"] == [(0.003, "stated")]
