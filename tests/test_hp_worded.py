"""Settings stated in turns of phrase the synonym table alone misses: intervals named by their purpose, a
pronoun for a setting named before ("we set it to"), steps of a process, architecture-table widths, square
input sizes, learning-rate schedules stated by their start, decay factor and milestones, a symbol a name
gave earlier in the sentence (find_hyperparameters on Markdown; the sentences are written for these
tests)."""

from __future__ import annotations

from hp_found import found

from tools.analysis.hyperparams import find_hyperparameters


def _found(markdown: str) -> dict[str, list[tuple]]:
    return found(markdown)


def test_an_interval_is_named_by_its_purpose_and_unit() -> None:
    got = _found(
        "The agent is evaluated at every 250, 000 frames. "
        "Checkpoints were saved during training every 5 epochs.\n"
    )
    assert got["evaluation_interval_frames"] == [(250000.0, "stated")]
    assert got["checkpoint_interval_epochs"] == [(5.0, "stated")]
    assert "training_steps" not in got and "epochs" not in got  # "every N" is never a run's length


def test_a_pronoun_takes_the_setting_named_before_it() -> None:
    got = _found("The temperature barely matters on these tasks, so we set it to 0.7 throughout.\n")
    assert got["temperature"] == [(0.7, "stated")]
    assert _found("The results barely change, so we set it to 0.7.\n") == {}  # nothing named: nothing taken


def test_steps_of_a_process_are_counted() -> None:
    got = _found("The encoder performs three steps of pooling before the bottleneck.\n")
    assert got["pooling_steps"] == [(3.0, "stated")]


def test_an_architecture_tables_layer_width() -> None:
    md = "| Layer | Encoder |\n|---|---|\n| 1 | FC 48 ReLU |\n| 2 | FC 24 Tanh |\n| 3 | FC 2 |\n"
    got = _found(md)
    assert sorted(got["hidden_size"]) == [(24.0, "stated"), (48.0, "stated")]  # "FC 2": the output, no width


def test_a_square_input_size() -> None:
    assert _found("We use the size of 96 × 96 for the crops.\n")["image_size"] == [("96 × 96", "stated")]


def test_a_schedule_stated_by_its_start_after_a_citation() -> None:
    md = "We use the linear learning rate schedule [smith19], starting at 0.4 for MNIST and 1.6 for SVHN.\n"
    got = find_hyperparameters(md)
    lr = [(h.value_normalized, h.context, h.confidence) for h in got if h.key == "learning_rate"]
    assert lr == [(0.4, "MNIST", "stated"), (1.6, "SVHN", "stated")]
    assert not [h for h in got if h.key == "lr_decay"]


def test_a_step_decay_by_factor_and_milestones() -> None:
    got = _found("The learning rate is divided by 5 at epochs 60, 120 and 160.\n")
    assert got["lr_decay"] == [(0.2, "stated")]
    assert got["lr_milestones"] == [([60.0, 120.0, 160.0], "stated")]
    got = _found(
        "With a MultiStepLR scheduler we use milestones at [300, 600] and a decay factor of γ = 0.5.\n"
    )
    assert got["lr_decay"] == [(0.5, "stated")] and got["lr_milestones"] == [([300.0, 600.0], "stated")]
    assert "lr_decay" not in _found("Rewards use a decay factor of 0.9 per step.\n")  # no learning rate named


def test_milestones_written_before_their_unit_are_no_run_length() -> None:
    """'reduced by factor 0.1 at 60, 90 and 120 epochs' was read as epochs = [60, 90, 120]."""
    got = _found("The learning rate 0.05 is reduced by factor 0.1 at 60, 90 and 120 epochs.\n")
    assert got["lr_decay"] == [(0.1, "stated")] and "epochs" not in got
    assert got["lr_milestones"] == [([60.0, 90.0, 120.0], "stated")]
    got = _found("We train for 200 epochs, multiplying the learning rate by 0.5 at 100 and 150 epochs.\n")
    assert got["epochs"] == [(200.0, "stated")] and got["lr_milestones"] == [([100.0, 150.0], "stated")]


def test_a_symbol_named_once_keeps_its_name_in_the_sentence() -> None:
    got = _found(
        "We use a wide network with width factor q = 4 for the small setting and q = 8 for the large one.\n"
    )
    assert sorted(got["width_factor"]) == [(4.0, "stated"), (8.0, "stated")]


def test_a_count_before_a_typed_layer_with_a_note() -> None:
    got = _found("The decoder uses six Upsample (bilinear) layers.\n")
    assert got["num_layers"] == [(6.0, "stated")]


def test_a_list_after_a_name_stops_before_the_next_count() -> None:
    got = _found("Each run uses 8 chains, learning rate 3×10^-4, and 5×10^4 gradient steps.\n")
    assert got["learning_rate"] == [(0.0003, "stated")]
    assert got["training_steps"] == [(50000.0, "stated")]
    # a list of values for one name is still one finding
    assert _found("We tried learning rates 0.1, 0.01 and 0.001.\n")["learning_rate"] == [
        ([0.1, 0.01, 0.001], "stated")
    ]


def test_the_same_setting_for_another_case() -> None:
    md = "For CelebA the hidden size is 300 while for SVHN we use 450 and train longer.\n"
    got = find_hyperparameters(md)
    sizes = [(h.value_normalized, h.context) for h in got if h.key == "hidden_size"]
    assert sizes == [(300.0, "CelebA"), (450.0, "SVHN")]  # each value with its dataset


def test_a_pdf_joined_subscript_and_a_footnote_mark_after_a_length() -> None:
    md = (
        "One model sees sequences of length kt = 40, the other sequences of length kt = 80.2 Both converge.\n"
    )
    got = _found(md)
    assert sorted(got["sequence_length"]) == [(40.0, "stated"), (80.0, "stated")]


def test_a_loss_named_before_it_is_optimized() -> None:
    got = found(
        "The MSE loss is optimized with RMSprop for 250 epochs. We train with a binary cross-entropy loss. "
        "The L2 loss is a common choice.\n"
    )
    assert got["loss"] == [("mse", "stated"), ("binary cross-entropy", "stated")]


def test_decoding_settings_and_a_symbol_assigned_in_brackets() -> None:
    got = found(
        "We also perform top-k (k = 3) sampling on the token logits. We decode with a beam size of 5 and "
        "nucleus sampling with p = 0.9.\n"
    )
    assert got["top_k"] == [(3.0, "stated")] and got["beam_size"] == [(5.0, "stated")]
    assert got["top_p"] == [(0.9, "stated")]


def test_decimals_under_a_setting_heading_are_results() -> None:
    """A results table whose columns are decoding variants ('Top-P | Beam') holds accuracies, not beams."""
    table = "| Technique | Top-P | Beam |\n| --- | --- | --- |\n| PG | 67.9 | 68.0 |\n| MML | 69.6 | 69.1 |\n"
    got = found(table)
    assert all(c == "candidate" for rows in got.values() for _, c in rows)


def test_an_optimizer_said_to_be_utilized_or_employed_is_stated() -> None:
    got = found("For optimization, we utilized the AdamW optimizer.\n")
    assert got == {"optimizer": [("adamw", "stated")]}
    assert found("We employed the RMSProp optimizer.\n") == {"optimizer": [("rmsprop", "stated")]}


def test_the_floor_a_learning_rate_schedule_decays_to() -> None:
    got = found("We use a starting learning rate of 0.01 and a minimum of 10^-6, and a batch size of 64.\n")
    assert got["learning_rate"] == [(0.01, "stated")] and got["min_learning_rate"] == [(1e-6, "stated")]


def test_a_normalization_or_pooling_used_or_following_a_layer() -> None:
    got = found("We used four layers of width 256 followed by batch norm. We used mean pooling.\n")
    assert got["normalization"] == [("batch norm", "stated")] and got["pooling"] == [("mean", "stated")]


def test_a_warmup_over_the_first_epochs_is_its_length() -> None:
    got = found("We apply a gradual warmup strategy during the first 5 epochs.\n")
    assert got == {"warmup_epochs": [(5.0, "stated")]}


def test_an_optimizer_in_lower_case_and_selu_activations() -> None:
    got = found("Our experiments use the adamw optimizer, and 3 hidden layers with SELU activations.\n")
    assert got["optimizer"] == [("adamw", "stated")] and got["activation"] == [("selu", "stated")]


def test_command_line_options_set_their_settings() -> None:
    got = found(
        "We train with `python train.py --lr 3e-4 --batch-size 64 --epochs 100 --optimizer adamw "
        "--scheduler=cosine --max_grad_norm 1.0 --mask_ratio 0.75 --fp16 training` on one GPU.\n"
    )
    assert got["learning_rate"] == [(3e-4, "stated")] and got["batch_size"] == [(64.0, "stated")]
    assert got["optimizer"] == [("adamw", "stated")] and got["scheduler"] == [("cosine", "stated")]
    assert got["gradient_clipping"] == [(1.0, "stated")]  # a known option's key ('--max_grad_norm')
    assert got["mask_ratio"] == [(0.75, "stated")]  # else the option's own name
    # '64 --epochs 100' counts no 64 epochs; a switch takes no value from the sentence ('--fp16 training')
    assert got["epochs"] == [(100.0, "stated")] and "fp16" not in got


def test_a_list_of_worded_settings_reads_names_the_vocabulary_lacks() -> None:
    got = found(
        "MD-IPR: relation dim = 16, projection dim = 4, symmetric. "
        "RelConv: num filters = 16, filter size = 3, discrete groups = combinations.\n",
        context=True,
    )
    assert got["relation_dim"] == [(16.0, "stated", "MD-IPR")]
    assert got["projection_dim"] == [(4.0, "stated", "MD-IPR")]
    assert got["discrete_groups"] == [("combinations", "stated", "RelConv")]
    assert got["kernel_size"] == [(3.0, "stated", None)]


def test_assignments_that_name_no_setting_are_no_list_of_settings() -> None:
    got = found("In the proof, upper bound = 4, lower part = 2 and the gap closes. We set wd = 0.01.\n")
    assert "upper_bound" not in got and "lower_part" not in got
    assert got["weight_decay"] == [(0.01, "stated")]  # 'wd' is weight decay


def test_a_tuple_assigns_each_symbol_and_adams_betas() -> None:
    got = found("We use Adam with (β1, β2) = (0.9, 0.98).\n\nWe train with AdamW, betas of (0.8, 0.95).\n")
    assert got["beta1"] == [(0.9, "stated"), (0.8, "stated")]
    assert got["beta2"] == [(0.98, "stated"), (0.95, "stated")]
    # a tuple whose counts differ gives nothing; betas with no Adam in sight are no Adam's
    got = found("We set (a, b) = (1, 2, 3). The betas of (0.5, 0.6) weigh the two losses.\n")
    assert "a" not in got and "beta1" not in got


def test_an_averages_decay_and_regularisers_named_by_their_method() -> None:
    got = found(
        "We perform EMA offline on the checkpointed weights with a decay factor of 0.7. The target network "
        "is an exponential moving average of the online network with momentum 0.996. We use a mixup alpha "
        "of 0.2, and stochastic depth with a drop path rate of 0.1.\n"
    )
    assert got["ema_rate"] == [(0.7, "stated"), (0.996, "stated")]
    assert got["mixup_alpha"] == [(0.2, "stated")] and got["drop_path_rate"] == [(0.1, "stated")]
    assert "num_layers" not in got and "decay_factor" not in got and "momentum" not in got


def test_a_value_before_a_preposition_is_no_count_of_the_noun_after_it() -> None:
    got = found("We use 3 GCN layers with residual connections and a dropout of 0.5 between layers.\n")
    assert got["dropout"] == [(0.5, "stated")] and got["num_layers"] == [(3.0, "stated")]


def test_a_list_value_ends_where_another_settings_count_begins() -> None:
    got = found("We use PPO with GAE λ = 0.95, an entropy coefficient of 0.01 and 8 parallel environments.\n")
    assert got["entropy_coefficient"] == [(0.01, "stated")] and got["num_envs"] == [(8.0, "stated")]
    assert got["gae_lambda"] == [(0.95, "stated")]  # GAE's λ is named by its method


def test_patience_codebook_and_crop_padding_phrases() -> None:
    got = found(
        "Training stops after 50 epochs without improvement in validation loss. The codebook has 512 "
        "entries and the commitment cost β is 0.25. We use random crops with 4 pixels of padding.\n"
    )
    assert got["patience"] == [(50.0, "stated")] and "epochs" not in got
    assert got["codebook_size"] == [(512.0, "stated")] and got["commitment_cost"] == [(0.25, "stated")]
    assert got["crop_padding"] == [(4.0, "stated")]


def test_adapter_sampler_vocabulary_and_frozen_layers() -> None:
    got = found(
        "We apply LoRA with rank 8 and alpha 16 to the query and value projections. We use DDIM sampling "
        "with 50 steps. The vocabulary consists of 32k SentencePiece tokens. The model has a context window "
        "of 2048 tokens. We freeze the first 6 layers of the encoder.\n"
    )
    assert got["lora_r"] == [(8.0, "stated")] and got["lora_alpha"] == [(16.0, "stated")]
    assert got["sampling_steps"] == [(50.0, "stated")] and "training_steps" not in got
    assert got["vocab_size"] == [(32000.0, "stated")]
    assert got["sequence_length"] == [(2048.0, "stated")] and "window_size" not in got
    assert got["frozen_layers"] == [(6.0, "stated")] and "num_layers" not in got


def test_simulation_and_sampler_counts() -> None:
    got = found(
        "We draw data from a Gaussian mixture with K = 3 components in d = 10 dimensions. We simulate 100 "
        "replications of each setting. The sampler runs for 5000 iterations with thinning of 5, and the "
        "particle filter uses 500 particles. We use an RBF kernel with bandwidth 0.5 and an ensemble of 5 "
        "networks trained from different initialisations.\n"
    )
    assert got["components"] == [(3.0, "stated")]  # 'K = 3 components in ...': the noun names K
    assert got["num_runs"] == [(100.0, "stated")] and got["thinning"] == [(5.0, "stated")]
    assert got["num_particles"] == [(500.0, "stated")] and got["bandwidth"] == [(0.5, "stated")]
    assert got["ensemble_size"] == [(5.0, "stated")]


def test_a_results_row_named_by_a_citation_key_is_a_cited_models() -> None:
    table = (
        "The kernel bandwidth b = 64 is used throughout.\n\n"
        "| | F1 | mAP |\n|---|---|---|\n| [cohen2018spherical] ($b=128$) | 78.9 | 67.6 |\n"
    )
    got = found(table)
    assert (64.0, "stated") in got["bandwidth"] and (128.0, "candidate") in got["bandwidth"]


def test_several_tuples_after_one_assignment_are_a_sweep_of_each_symbol() -> None:
    got = found("# Experiments\n\nWe set K and L to (K, L) = (2048, 1), (512, 4), ... (4, 512) in turn.\n")
    assert got["K"] == [([2048.0, 512.0, 4.0], "stated")] and got["L"] == [([1.0, 4.0, 512.0], "stated")]
    got = found("# Experiments\n\nWe set K and L to (K,L) = (2048,1), (512, 4), ... (4,512) in turn.\n")
    assert got["K"] == [([2048.0, 512.0, 4.0], "stated")]  # '(4,512)' is two values, not 4,512


def test_word_settings_in_the_passive_in_lower_case_or_as_the_error_minimised() -> None:
    got = _found(
        "## 4 Experiments\n\nBatch normalization is performed on all convolutional layers. "
        "The models were trained with a learning rate of 0.1 with adam [kingma2014]. "
        "Models are trained to minimize the Mean Square Error (MSE). We use the cross-entropy loss.\n"
    )
    assert got["normalization"] == [("batch normalization", "stated")]
    assert got["optimizer"] == [("adam", "stated")]
    assert [v for v, _c in got["loss"]] == ["mean square error", "cross-entropy"]
    # a person named Adam and a norm that is not applied are neither
    got = _found("## 4 Experiments\n\nWe thank Adam Smith. Batch normalization statistics are in Fig. 2.\n")
    assert "optimizer" not in got and "normalization" not in got


def test_an_optimiser_in_the_passive_a_single_kernel_and_a_clipping_norm_in_brackets() -> None:
    got = _found(
        "## 4 Experiments\n\nADAM is leveraged to numerically optimize the cross entropy loss. "
        "Each block is a 3×3 convolution with 128 filters. We use gradient clipping (max norm 1.0).\n"
    )
    assert got["optimizer"] == [("adam", "stated")] and got["loss"] == [("cross entropy", "stated")]
    assert got["kernel_size"] == [("3×3", "stated")] and got["base_channels"] == [(128.0, "stated")]
    assert got["gradient_clipping"] == [(1.0, "stated")]


def test_each_link_of_a_chained_assignment_and_a_rectifier_named_as_sigma_or_after_a_layer() -> None:
    got = _found("## 4 Experiments\n\nWe set λ1=λ2=1e-4 in our model. We use β_1 = β_2 = 0.5 for both.\n")
    assert got["lambda1"] == [(1e-4, "stated")] and got["lambda2"] == [(1e-4, "stated")]
    assert got["beta1"] == [(0.5, "stated")] and got["beta2"] == [(0.5, "stated")]
    got = _found("## 4 Model\n\nwhere σ(.) is the rectified linear unit.\n")
    assert got["activation"] == [("relu", "stated")]
    got = _found("## 4 Model\n\nEach conv is followed by batch normalization, a ReLU and 2×2 max-pooling.\n")
    assert got["activation"] == [("relu", "stated")]
    # a sigmoid σ is a gate's, not the network's activation
    assert "activation" not in _found("## 3 Method\n\nHere i = σ(Wx), where σ is the sigmoid function.\n")


def test_images_downsampled_to_a_size() -> None:
    got = _found("## 4 Experiments\n\nWe downsample the images to 80×60 pixels for memory reasons.\n")
    assert got["image_size"] == [("80×60", "stated")]


def test_an_optimiser_that_sets_the_learning_rate_and_a_nonlinearity_named_after_is() -> None:
    got = _found(
        "## 4 Experiments\n\nThe learning rate policy for each scalar weight in the network is Adam. "
        "The pointwise nonlinearity we have chosen is the rectified linear unit (ReLU).\n"
    )
    assert got["optimizer"] == [("adam", "stated")] and got["activation"] == [("relu", "stated")]
    got = _found("## 4 Experiments\n\nThe per-parameter learning rate schedule is given by Adagrad [d11].\n")
    assert got["optimizer"] == [("adagrad", "stated")]
    # a rate that is Adam's default, or a nonlinearity compared with another, names neither
    got = _found("## 4 Experiments\n\nThe learning rate is the Adam default. The nonlinearity is unusual.\n")
    assert "optimizer" not in got and "activation" not in got


def test_a_kind_of_layer_named_in_three_words() -> None:
    text = "The network has two convolutional layers and 3 fully connected linear layers."
    got = _found(f"## 4 Setup\n\n{text}\n")
    assert got["num_conv_layers"] == [(2.0, "stated")] and got["num_fc_layers"] == [(3.0, "stated")]


def test_steps_within_an_epoch_and_a_setting_named_beside_an_apposition() -> None:
    got = _found(
        "## 4 Setup\n\nAn epoch consists of 3000 iterations of the agent. "
        "During an epoch the policy is trained for 10000 steps on the model's data.\n"
    )
    assert got["steps_per_epoch"] == [(3000.0, "stated"), (10000.0, "stated")] and "training_steps" not in got
    text = "The episode length, the horizon, is set to 200 steps. We train for 500 iterations."
    got = _found(f"## 4 Setup\n\n{text}\n")
    assert got["horizon"] == [(200.0, "stated")] and got["training_steps"] == [(500.0, "stated")]


def test_a_rectifier_unit_as_activation_images_scaled_down_and_sizes_of_layers() -> None:
    got = _found("## 4 Setup\n\nIt is followed by a leaky rectified linear unit (ReLU) activation.\n")
    assert got["activation"] == [("leaky relu", "stated")]
    got = _found("## 4 Setup\n\nThe images were scaled down to 256 x 192 pixels.\n")
    assert got["image_size"] == [("256 x 192", "stated")]
    got = _found("## 4 Setup\n\nThese fully connected layers had dimension 1024, 512, and 1, respectively.\n")
    assert "num_layers" not in got and [v for v, _c in got["hidden_size"]] == [1024.0, 512.0, 1.0]


def test_negative_samples_in_prose_and_in_a_table_row() -> None:
    got = _found("## 4 Setup\n\nThe number of negative samples is set to 10. False negatives are 5.\n")
    assert [v for k, vals in got.items() if "negative" in k for v, _c in vals] == [10.0]
    table = "| Setting | A | B |\n|---|---|---|\n| Neg. Sampling Size | 5 | 3 |\n"
    assert [v for v, _c in _found(f"## 4 Setup\n\n{table}")["negative_samples"]] == [5.0, 3.0]


def test_an_algorithms_step_numbers_and_loop_bounds_are_no_values() -> None:
    md = (
        "## 4 Method\n\n**Algorithm 1** Sampling.\n1. $d \\gets 1$ Initial code block depth\n"
        "2. **for** epoch = 1 **to** 100 **do**\n3. update with learning rate 0.001\n"
    )
    got = _found(md)
    # not 'depth 2.' (the next step's number), not 'epoch = 1' (a loop's first value)
    assert (2.0, "stated") not in got.get("num_layers", []) and "epochs" not in got
    assert got["learning_rate"] == [(0.001, "stated")]


def test_gradient_accumulation_and_the_effective_batch_named_without_their_last_word() -> None:
    got = _found("## 4 Setup\n\nWe use batch size 4 with gradient accumulation 8 (effective batch 32).\n")
    assert got["gradient_accumulation_steps"] == [(8.0, "stated")] and got["batch_size"] == [(4.0, "stated")]
    assert got["effective_batch_size"] == [(32.0, "stated")]
    assert "gradient_accumulation_steps" not in _found("## 4 Setup\n\nWe use gradient accumulation.\n")


def test_steps_of_a_phase_are_that_phases_length_and_walkers_a_count() -> None:
    text = "We initialize 32 walkers, then run 500 steps of burn-in and 2000 steps of MCMC."
    got = _found(f"## 4 Setup\n\n{text}\n")
    assert got["num_walkers"] == [(32.0, "stated")] and got["burn_in"] == [(500.0, "stated")]
    assert got["mcmc_steps"] == [(2000.0, "stated")] and "training_steps" not in got
    got = _found("## 4 Setup\n\nWe run 1000 iterations of warm-up. It takes 50 steps of gradient descent.\n")
    assert got["warmup_steps"] == [(1000.0, "stated")] and "training_steps" not in got


def test_few_shot_ways_and_shots_and_folds_written_as_an_adjective() -> None:
    text = "We evaluate on 5-way 1-shot and 20-way, 5-shot tasks. The MAE is 5-fold cross-validated."
    got = _found(f"## 4 Setup\n\n{text}\n")
    assert got["num_ways"] == [(5.0, "stated"), (20.0, "stated")]
    assert got["num_shots"] == [(1.0, "stated"), (5.0, "stated")] and got["cv_folds"] == [(5.0, "stated")]
    assert "num_shots" not in _found("## 4 Setup\n\nZero-shot transfer works; a one-shot learner too.\n")


def test_symbols_listed_after_a_named_setting_with_its_value() -> None:
    got = _found("## 5 Setup\n\nWe train on mini-batches of size $M=128$, $K=500$ and $\\lambda=50$.\n")
    assert got["batch_size"] == [(128.0, "stated")] and got["K"] == [(500.0, "stated")]
    assert got["lambda"] == [(50.0, "stated")]


def test_a_learning_rate_decayed_from_one_value_to_another() -> None:
    text = "We use SGD, exponentially decaying the learning rate from 0.01 to 0.0001 with a cosine schedule."
    got = _found(f"## 3 Setup\n\n{text}\n")
    # the floor the schedule decays to is a setting too, not the upper end of a range
    assert got["learning_rate"] == [(0.01, "stated")] and got["min_learning_rate"] == [(0.0001, "stated")]
    assert got["lr_schedule"] == [("cosine", "stated")] and "noise_schedule" not in got
    assert "learning_rate" not in _found("## 3 Setup\n\nWe varied the learning rate from 0.1 to 0.0001.\n")


def test_a_variance_written_as_a_square_and_a_greek_subscript() -> None:
    got = _found("## 3 Setup\n\nWe set $\\sigma_1^2 = 10$, $\\sigma_2^2 = 1$ and $\\sigma_x^2=2$.\n")
    assert got["sigma1_squared"] == [(10.0, "stated")] and got["sigmax_squared"] == [(2.0, "stated")]
    assert "sigma1" not in got  # the square's value is no σ's
    text = "The observation noise variance $\\sigma^2 = 0.1$ is fixed. We set $\\alpha_\\tau = 3$."
    got = _found(f"## 3 Setup\n\n{text}\n")
    assert got["noise_variance"] == [(0.1, "stated")] and got["alphatau"] == [(3.0, "stated")]
    assert _found("## 3 Setup\n\nNote that $x^2 = 4$ here.\n") == {}


def test_a_number_raised_to_a_power_is_no_symbols_value() -> None:
    got = _found("## 3 Setup\n\nWe set the priors to $\\alpha_\\nu = 2$ and $\\Sigma_\\beta = 0.1^{-1} I$.\n")
    assert got["alphanu"] == [(2.0, "stated")] and "Sigmabeta" not in got


def test_three_words_before_a_count_only_for_a_kind_of_layer() -> None:
    got = _found("## 3 Setup\n\nWe use $T = 200$ inference message passing iterations to test the limits.\n")
    assert got == {"T": [(200.0, "stated")]}  # not 200 sampling steps
