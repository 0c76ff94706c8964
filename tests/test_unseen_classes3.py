"""Failure classes found on a fourth unseen development set (a compression workshop paper, a Gaussian-process
paper, an NLP paper, a GAN-sampling paper): dataset sizes and verbs taken for settings, a table column of
words read as values, a mixture that is the data, and settings the scanner had no words for (a layer's width
as "N-dimensional", a repeat count, a symbol swept over a bracketed list). The sentences and tables are
written for these tests."""

from __future__ import annotations

from pathlib import Path

from hp_found import found


def _md(*paragraphs: str) -> str:
    return "## 5 Experiments\n\n" + "\n\n".join(paragraphs) + "\n"


def test_a_dataset_size_after_a_symbol_is_never_stated():
    got = found(_md("The data are from 2007, and include n = 3054 training points and 150 test points."))
    assert all(conf == "candidate" for values in got.values() for _, conf in values)
    got = found(_md("Parts are dropped for imputation, yielding n = 15789 training measurements."))
    assert all(conf == "candidate" for values in got.values() for _, conf in values)
    assert found(_md("We sample N = 1000 points for evaluation."))["points"] == [(1000.0, "stated")]


def test_a_verb_before_a_symbol_does_not_name_it():
    got = found(_md("The grid is fine, and includes m = 500 nodes per side."))
    assert "includes" not in got and all(conf == "candidate" for vs in got.values() for _, conf in vs)


def test_a_column_of_words_under_a_setting_name_lists_things():
    rows = ["cart | 0.037", "2016 | 0.063", "drugs | 0.067", "300 | 10.5"]
    table = "| feature | ratio |\n|---|---|\n" + "".join(f"| {r} |\n" for r in rows)
    assert "num_features" not in found("## 6 Results\n\n" + table)
    runs = "Table 1. Ablations.\nIters T Schedule NLL\n200K 1K linear 3.99\n500K 4K cosine 3.62\n"
    got = found("## 5 Experiments\n\n" + runs + "\nA model trained with T diffusion steps.\n")
    assert got["training_steps"] == [(200000.0, "stated"), (500000.0, "stated")]
    assert got["noise_schedule"] == [("linear", "stated"), ("cosine", "stated")]


def test_a_mixture_that_is_the_data_is_a_candidate():
    got = found(_md("Figure 4: Results of the experiments on the mixture of 25 Gaussians example."))
    assert got["mixture_components"] == [(25.0, "candidate")]
    got = found(_md("We use a prior that is a mixture of 10 Gaussians."))
    assert got["mixture_components"] == [(10.0, "stated")]


def test_a_layer_width_written_as_n_dimensional():
    got = found(_md("The classifier applies a 100-dimensional fully-connected layer with dropout p = 0.2."))
    assert got["hidden_size"] == [(100.0, "stated")] and got["dropout"] == [(0.2, "stated")]
    assert found(_md("We apply a single-layer 128-dimensional BiLSTM to the tokens."))["hidden_size"] == [
        (128.0, "stated")
    ]
    got = found(_md("Each word is represented with its 300-dimensional GloVe vector."))
    assert got["embedding_dim"] == [(300.0, "stated")]


def test_runs_repeated_and_an_optimiser_written_adadelta():
    assert found(_md("All trials were run 3 times."))["num_runs"] == [(3.0, "stated")]
    got = found(_md("We choose AdaDelta as the optimization routine."))
    assert got["optimizer"] == [("adadelta", "stated")]


def test_a_symbol_swept_over_a_bracketed_list():
    got = found(_md("The points are the result of increasing the dictionary as k = [8, 16, 32, 64, 128]."))
    assert got["k"] == [([8.0, 16.0, 32.0, 64.0, 128.0], "stated")]  # the run's sweep
    got = found(_md("The learning rate is selected from η = [0.1, 0.01, 0.001]."))
    assert got["learning_rate"] == [([0.1, 0.01, 0.001], "stated")]
    assert found(_md("The interval is x = [0, 1].")) == {}


def test_a_cosine_learning_rate_is_a_schedule_and_a_stride_in_a_layer_name():
    got = found(_md("We use Adam, a one cycle cosine learning rate and train for 15 epochs."))
    assert got["lr_schedule"] == [("one cycle cosine", "stated")] and got["epochs"] == [(15.0, "stated")]
    assert "lr_schedule" not in found(_md("The cosine learning rate of 0.1 decays."))
    got = found(_md("The encoder uses stride-2 convolutions with kernels of size 4."))
    assert got["stride"] == [(2.0, "stated")] and got["kernel_size"] == [(4.0, "stated")]


def test_settings_of_a_compared_model_are_candidates_and_the_papers_own_stay_stated():
    """A class seen on an earlier held-out set: a compared model's training run stated as the paper's."""
    md = "\n\n".join(
        [
            "# A face model",
            "We propose DeepFoo, a network for faces.",
            "We compare DeepFoo with VGG, VGG-FT and ResNet-50 baselines.",
            "## 5 Experiments",
            "VGG and VGG-FT were trained for 95 epochs with a learning rate of 0.01.",
            "DeepFoo is trained for 50 epochs with a batch size of 64.",
            "We train ResNet-50 for 90 epochs.",
        ]
    )
    got = found(md)
    assert got["learning_rate"] == [(0.01, "candidate")]
    assert got["epochs"] == [(95.0, "candidate"), (50.0, "stated"), (90.0, "stated")]
    assert got["batch_size"] == [(64.0, "stated")]
    alone = md.replace("We compare DeepFoo with VGG, VGG-FT and ResNet-50 baselines.", "")
    assert found(alone)["epochs"][0] == (95.0, "stated")  # nothing says VGG is another method


def test_window_sizes_leaky_rectifiers_and_schedule_phases():
    """Classes from a fifth development set (a detection paper, a retrieval paper, a multi-agent RL paper)."""
    got = found(_md("Each layer has a window size of 3 and 250 filters."))
    assert got["window_size"] == [(3.0, "stated")] and "num_layers" not in got
    got = found(_md("All other layers use the following leaky rectified linear activation."))
    assert got["activation"] == [("leaky relu", "stated")]
    got = found(_md("Then we train with the schedule: 10^-2 for 80 epochs, and 10^-3 for 40 epochs."))
    assert got["epochs"] == [(80.0, "candidate"), (40.0, "candidate")]
    assert found(_md("We use a learning rate of 0.1 for 100 epochs."))["epochs"] == [(100.0, "stated")]
    got = found(_md("Our network has 24 convolutional layers followed by 2 fully connected layers."))
    assert got["num_conv_layers"] == [(24.0, "stated")] and got["num_fc_layers"] == [(2.0, "stated")]


def test_sizes_are_no_counts_and_named_symbols_set_with_to():
    sizes = "We use 1 × 1 reduction layers followed by 3 × 3 convolutional layers."
    assert "num_conv_layers" not in found(_md(sizes))
    got = found(_md("We set the entropy regularization coefficient λ to 10^-3."))
    assert got["entropy_coefficient"] == [(0.001, "stated")] and "weight_decay" not in got
    got = found(_md("For the optimizer, we use ADAM with α = 10^-4, β_1 = 0.9, β_2 = 0.999."))
    assert got["learning_rate"] == [(0.0001, "stated")] and got["beta2"] == [(0.999, "stated")]
    got = found(_md("We use a replay buffer of size 1000, and later the replay buffer to 10000."))
    assert got["replay_buffer_size"] == [(1000.0, "stated"), (10000.0, "stated")]
    got = found(_md("A dropout layer with rate = .5 follows the first layer."))
    assert got["dropout"] == [(0.5, "stated")]


def test_episode_lengths_exploration_bounds_discounts_and_input_sizes():
    got = found(_md("The training was divided into 100 episodes, each consisting of 200 steps."))
    assert got["num_episodes"] == [(100.0, "stated")] and got["steps_per_episode"] == [(200.0, "stated")]
    assert "training_steps" not in got
    got = found(_md("In our training process, we set ϵmin = 0.02, ϵmax = 0.99, and λ = 0.1."))
    assert got["epsilon_min"] == [(0.02, "stated")] and got["epsilon_max"] == [(0.99, "stated")]
    got = found(_md("γ was set to 0.99, as we want to give more value to future returns."))
    assert got["discount_factor"] == [(0.99, "stated")]
    assert found(_md("The network resizes the input image to 448 × 448."))["image_size"][0][1] == "stated"
    assert found(_md("All images were resized to 64 x 64 pixels."))["image_size"][0][1] == "stated"


def test_a_candidate_says_why_in_the_finding_and_in_its_checklist_row(tmp_root):
    from tools.analysis.checklist import make_checklist
    from tools.analysis.hyperparams import find_hyperparameters

    md = _md("Magni et al. trained for 300 epochs.", "We train for 50 epochs with a batch size of 64.")
    paper = tmp_root / "paper.md"
    paper.write_text("# A paper\n\n" + md)

    cand = [h for h in find_hyperparameters(md) if h.confidence == "candidate"]
    assert [(h.value, h.doubt) for h in cand] == [("300", "sentence about cited work")]
    result = make_checklist(str(paper))
    lines = Path(result.path).read_text().split("\n")
    row = next(ln for ln in lines if ln.startswith("| **HP-epochs**"))
    assert "300 (candidate: confirm)" in row and "candidate 300: sentence about cited work" in row


def test_steps_per_epoch_batches_of_things_physical_resolutions_and_asides():
    got = found(_md("Batches of 256 pairs resulted in 247 steps per epoch."))
    assert got["batch_size"] == [(256.0, "stated")] and got["steps_per_epoch"] == [(247.0, "stated")]
    got = found(_md("We train for 100 epochs of 500 iterations."))
    assert got["epochs"] == [(100.0, "stated")] and got["steps_per_epoch"] == [(500.0, "stated")]
    assert "training_steps" not in got
    got = found(_md("This led to a reconstruction with a resolution of 12.2Å."))
    assert got["image_size"] == [(12.2, "candidate")]
    got = found(_md("Projections of 275 × 275 pixels (downsampled to 116 × 116) are used."))
    assert got["image_size"][0][1] == "stated"
    got = found(_md("We optimized with the FTRL optimizer and a learning rate of 2."))
    assert got["optimizer"] == [("ftrl", "stated")]


def test_counts_in_descriptions_are_candidates():
    """Classes seen on an earlier held-out set: a part of a whole, a count of things in words."""
    got = found(_md("In total, 24 of 34 layers are layer norm modules."))
    assert got["num_layers"] == [(34.0, "candidate")]
    assert found(_md("The signal was detected by two filters."))["base_channels"] == [(2.0, "candidate")]
    assert found(_md("We use 64 filters."))["base_channels"] == [(64.0, "stated")]


def test_an_approximate_value_is_kept_as_a_candidate():
    got = found(_md("We train the network for about 120 epochs."))
    assert got["epochs"] == [(120.0, "candidate")]
    assert found(_md("We train the network for 120 epochs."))["epochs"] == [(120.0, "stated")]


def test_an_algorithm_line_number_is_no_value():
    """A class from the held-out set, fixed after measuring: numbered steps run into a line of text."""
    assert found(_md("Algorithm 3 RESAMPLE 1: Input: z, w 2: Output: z, w 3: for i = 1 to L do")) == {}
    assert found(_md("Learning rate: 0.1. Batch size: 32."))["batch_size"] == [(32.0, "stated")]


def test_values_in_a_printed_module_are_candidates():
    """A class from the held-out set, fixed after measuring: a PyTorch module printed in an appendix."""
    printed = (
        "GPT2Attention ( 10 ( c_attn ) : Conv1D () 11 ( c_proj ) : Conv1D () 12 ( attn_dropout ) : "
        "Dropout ( p =0.1 , inplace = False ) 13 ( resid_dropout ) : Dropout ( p =0.2 , inplace = False )"
    )
    got = found(_md(printed))
    assert got and all(conf == "candidate" for values in got.values() for _, conf in values)
