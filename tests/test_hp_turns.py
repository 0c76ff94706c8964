"""Settings stated in common turns of phrase: early-stopping patience, pooling windows and kernels written as
sizes, whole sizes (`32 × 32`), a loss term's weight, target-network updates, negatives per positive."""

from __future__ import annotations

from hp_found import found


def test_a_patience_counted_in_epochs_is_the_patience_not_the_training_length() -> None:
    got = found(
        "We train for 200 epochs. Early stopping with a patience of 10 epochs is used.\n\n"
        "A second model stops once the validation loss has not improved for five consecutive epochs.\n"
    )
    assert got["epochs"] == [(200.0, "stated")]
    assert got["patience"] == [(10.0, "stated"), (5.0, "stated")]


def test_kernels_and_pooling_windows_written_as_sizes() -> None:
    got = found(
        "We use 3 × 3 convolutions throughout the network. Each block ends with 2 × 2 max pooling.\n\n"
        "The decoder uses average pooling with a window of 4 × 4.\n"
    )
    assert got["kernel_size"] == [("3 × 3", "stated")]
    assert got["pool_size"] == [("2 × 2", "stated"), ("4 × 4", "stated")]


def test_a_count_of_steps_after_another_setting_is_that_settings() -> None:
    got = found("We allowed window sizes between 3 and 10 steps. The warmup lasts 500 steps.\n")
    assert got["window_size"] == [([3.0, 10.0], "stated")] and got["warmup_steps"] == [(500.0, "stated")]
    assert "training_steps" not in got  # neither is the run's length
    assert found("We train for between 50 and 100 epochs.\n")["epochs"] == [([50.0, 100.0], "stated")]


def test_sizes_listed_one_per_layer_are_all_read() -> None:
    got = found("The six convolutional layers are of size 32, 32, 64, 64, 128 and 128.\n")
    assert got["hidden_size"] == [([32.0, 32.0, 64.0, 64.0, 128.0, 128.0], "stated")]  # not the first alone
    got = found("2 linear layers each of size 128, with dropout 0.1.\n")
    assert got["hidden_size"] == [(128.0, "stated")] and got["dropout"] == [(0.1, "stated")]


def test_a_size_of_a_3d_convolution_or_pooling_keeps_all_its_sides() -> None:
    got = found(
        "The 1 × 1 × 1 convolution layer produces 128 feature maps, followed by a 3×3×3 convolution layer. "
        "Each block ends with 2 × 2 × 2 max pooling, and we train on 32 × 32 × 3 patches.\n"
    )
    assert got["kernel_size"] == [("1 × 1 × 1", "stated"), ("3×3×3", "stated")]
    assert got["pool_size"] == [("2 × 2 × 2", "stated")] and got["patch_size"] == [("32 × 32 × 3", "stated")]


def test_a_number_with_a_second_side_is_read_as_the_whole_size() -> None:
    got = found(
        "The input images have a resolution of 32 × 32.\n\n"
        "We use a batch size of 32 × 4.\n\n"
        "The model was trained on three different resolutions: 95×120, 190×240 and 285 × 360.\n\n"
        "We train for 2 × 10^5 steps.\n"
    )
    assert got["image_size"][0] == ("32 × 32", "stated")
    assert got["image_size"][1] == ("95×120", "candidate")  # one of three sizes
    assert got["batch_size"] == [("32 × 4", "candidate")]  # a per-device batch times devices?
    assert got["training_steps"] == [(200000.0, "stated")]


def test_a_loss_terms_weight_is_named_by_the_term() -> None:
    got = found(
        "The weight of the auxiliary loss λ is set to 0.5. We weight the reconstruction loss by 10.\n\n"
        "The adversarial loss is weighted by λ_adv = 0.1.\n\n"
        "The total loss is weighted by the batch size. This loss is scaled by 2 × 10^3 units.\n"
    )
    assert got["auxiliary_loss_weight"] == [(0.5, "stated")]
    assert got["reconstruction_loss_weight"] == [(10.0, "stated")]
    assert got["adversarial_loss_weight"] == [(0.1, "stated")]
    assert not {k for k in got if k.startswith(("total", "this"))}


def test_target_network_updates_buffers_and_negatives() -> None:
    got = found(
        "The target network is updated every 1000 steps. We use soft target updates with τ = 0.005 for the "
        "critic. We use a replay buffer of size 1M. We draw 10 negative samples for each positive pair.\n"
    )
    assert got["target_update_interval_steps"] == [(1000.0, "stated")]
    assert got["target_update_rate"] == [(0.005, "stated")]
    assert got["replay_buffer_size"] == [(1000000.0, "stated")]
    assert got["num_negative_samples"] == [(10.0, "stated")]


def test_a_count_per_update_or_for_sampling_is_no_training_length() -> None:
    got = found(
        "We train for 10M steps with 16 parallel environments, collecting 2048 steps per environment and "
        "running 4 epochs per update.\n\n"
        "We use 1000 diffusion steps during training and 250 DDIM steps for sampling.\n"
    )
    assert got["training_steps"] == [(10_000_000.0, "stated")]
    assert got["num_envs"] == [(16.0, "stated")]
    assert got["steps_per_environment"] == [(2048.0, "stated")]
    assert got["epochs_per_update"] == [(4.0, "stated")]
    assert "epochs" not in got
    assert got["sampling_steps"] == [(250.0, "stated")]


def test_warmup_truncation_and_gradient_accumulation() -> None:
    got = found(
        "The learning rate is warmed up linearly over the first 1,000 steps. Input sequences are truncated "
        "to 128 tokens. We use gradient accumulation over 8 steps.\n"
    )
    assert got["warmup_steps"] == [(1000.0, "stated")]
    assert got["sequence_length"] == [(128.0, "stated")]
    assert got["gradient_accumulation_steps"] == [(8.0, "stated")]
    assert "training_steps" not in got


def test_the_architecture_a_part_is_built_from() -> None:
    got = found(
        "We use a ResNet-50 backbone. We fine-tune BERT-base for 3 epochs. The encoder is a pretrained "
        "ViT-B/16. We use ResNet-18 as the feature extractor. We use a UNet model architecture⁴ like [3].\n\n"
        "We compare against ResNet-101 and VGG-16 baselines.\n"
    )
    assert got["backbone"] == [("resnet-50", "stated")]
    assert got["model"] == [("bert-base", "stated")]
    assert got["encoder"] == [("vit-b/16", "stated")]
    assert got["feature_extractor"] == [("resnet-18", "stated")]
    assert got["architecture"] == [("unet", "stated")]
    assert not [v for rows in got.values() for v, _c in rows if str(v).startswith(("resnet-101", "vgg"))]


def test_schedule_floor_plateau_decay_validation_split_and_critic_steps() -> None:
    got = found(
        "We use a learning rate of 1e-3 with a cosine schedule and a minimum learning rate of 1e-6. "
        "A second run reduces the learning rate by a factor of 10 when the validation loss plateaus.\n\n"
        "We hold out 10% of the training data for validation. The discriminator is updated 5 times per "
        "generator update.\n"
    )
    assert got["learning_rate"] == [(0.001, "stated")]
    assert got["min_learning_rate"] == [(1e-6, "stated")]
    assert got["lr_decay"] == [(0.1, "stated")]
    assert set(got["lr_schedule"]) == {("reduce on plateau", "stated"), ("cosine", "stated")}
    assert "noise_schedule" not in got  # the cosine schedule of a learning rate, not of a diffusion's noise
    assert got["validation_split"] == [(0.1, "stated")]
    assert got["n_critic"] == [(5.0, "stated")]


def test_sampler_and_kernel_settings_and_a_symbol_counting_a_known_noun() -> None:
    got = found(
        "We use 500 inducing points and a Matérn kernel with length scale 0.5. The number of leapfrog "
        "steps is set to 10, and we draw samples after a burn-in of 500 iterations. Intervals use 1000 "
        "bootstrap samples.\n\n"
        "We run each algorithm for T = 10^5 rounds. The model with M = 8 wins.\n"
    )
    assert got["num_inducing_points"] == [(500.0, "stated")]
    assert got["lengthscale"] == [(0.5, "stated")]
    assert got["num_leapfrog_steps"] == [(10.0, "stated")]
    assert got["burn_in"] == [(500.0, "stated")]
    assert got["num_resamples"] == [(1000.0, "stated")]
    assert got["rounds"] == [(100000.0, "stated")]
    assert "training_steps" not in got and "wins" not in got


def test_audio_front_end_vocabulary_precision_queue_and_lora_settings() -> None:
    got = found(
        "We extract 80-dimensional log-Mel filterbank features with a 25 ms window and a 10 ms shift. "
        "We use a vocabulary of 5000 BPE units. The LoRA rank is 8. Training is done in bfloat16. "
        "We use a queue of 65536 negative keys.\n"
    )
    assert got["num_mel_bins"] == [(80.0, "stated")]
    assert got["window_size"] == [(0.025, "stated")]
    assert got["hop_size"] == [(0.01, "stated")]  # one key for the hop, however named
    assert got["vocab_size"] == [(5000.0, "stated")]
    assert "hidden_size" not in got  # BPE units are tokens, not a layer's
    assert got["lora_r"] == [(8.0, "stated")]
    assert got["precision"] == [("bfloat16", "stated")]
    assert got["queue_size"] == [(65536.0, "stated")]


def test_a_power_of_two_is_read_whole() -> None:
    got = found("We use a learning rate of 10^{-4} and a batch size of 2^{10}.\n")
    assert got["batch_size"] == [(1024.0, "stated")]
    assert got["learning_rate"] == [(1e-4, "stated")]


def test_rl_episode_length_n_step_frames_and_an_annealed_epsilon() -> None:
    got = found(
        "We use ε-greedy exploration with ε annealed linearly from 1.0 to 0.1 over the first 1M frames. "
        "We use a frame skip of 4 and stack the last 4 frames. Episodes are truncated at 27,000 steps. "
        "We use n-step returns with n = 3. Learning starts after 50,000 steps. The policy is evaluated every "
        "5000 steps over 10 episodes. We train for 10M frames with a population size of 50.\n\n"
        "We evaluate our method on 26 games.\n"
    )
    assert got["epsilon_start"] == [(1.0, "stated")]
    assert got["epsilon_end"] == [(0.1, "stated")]
    assert got["epsilon_anneal_steps"] == [(1e6, "stated")]
    assert got["frame_skip"] == [(4.0, "stated")] and got["frame_stack"] == [(4.0, "stated")]
    assert got["max_episode_steps"] == [(27000.0, "stated")]
    assert got["n_step"] == [(3.0, "stated")]
    assert got["learning_starts"] == [(50000.0, "stated")]
    assert got["num_eval_episodes"] == [(10.0, "stated")]
    assert got["population_size"] == [(50.0, "stated")]
    assert got["training_frames"] == [(1e7, "stated")] and "training_steps" not in got


def test_values_paired_with_the_things_the_sentence_opens_with() -> None:
    got = found(
        "The actor and critic learning rates are 1e-4 and 1e-3, respectively.\n\n"
        "The generator and the discriminator are trained with batch sizes of 32 and 64, respectively.\n",
        context=True,
    )
    assert got["learning_rate"] == [(1e-4, "stated", "actor"), (1e-3, "stated", "critic")]
    assert got["batch_size"] == [(32.0, "stated", "generator"), (64.0, "stated", "discriminator")]


def test_more_turns_a_decay_updated_by_a_factor_a_window_of_dimension_and_constraint_weights() -> None:
    got = found(
        "We updated the learning rate by a factor of 0.1 at every 5 epochs. It includes a max-pooling "
        "operation with a window of dimension 3 × 3. We report the return averaged over 10 episodes. We "
        "select 10% of each training fold at random as validation set. We use convolution window 3. The "
        "weight for cardinality constraints is 0.0005. This LSTM had 128 memory cells.\n"
    )
    assert got["lr_decay"] == [(0.1, "stated")] and got["lr_decay_epochs"] == [(5.0, "stated")]
    assert got["pool_size"] == [("3 × 3", "stated")]
    assert got["num_eval_episodes"] == [(10.0, "stated")]
    assert got["validation_split"] == [(0.1, "stated")]
    assert got["kernel_size"] == [(3.0, "stated")]
    assert got["cardinality_constraints_weight"] == [(0.0005, "stated")]
    assert got["hidden_size"] == [(128.0, "stated")]


def test_a_loss_used_an_l_bfgs_b_solver_and_embeddings_of_a_dimension() -> None:
    got = found(
        "We train using the categorical cross-entropy loss and the Adam optimizer. We solved the problem "
        "using a L-BFGS-B. A layer generates embeddings of dimension 64 for each card.\n"
    )
    assert got["loss"] == [("categorical cross-entropy", "stated")]
    assert got["optimizer"] == [("adam", "stated"), ("l-bfgs-b", "stated")]
    assert got["embedding_dim"] == [(64.0, "stated")]


def test_two_values_a_plural_verb_pairs_by_order_without_respectively() -> None:
    got = found(
        "The discriminator and generator learning rates are 4e-4 and 1e-4. The batch size and the dropout "
        "are 64 and 0.1.\n",
        context=True,
    )
    assert got["learning_rate"] == [(4e-4, "stated", "discriminator"), (1e-4, "stated", "generator")]
    assert got["batch_size"] == [(64.0, "stated", None)] and got["dropout"] == [(0.1, "stated", None)]


def test_a_list_of_values_after_as_many_names_is_paired_by_order() -> None:
    got = found(
        "The learning rate, momentum and weight decay were set to 0.1, 0.9 and 5e-4. We train with a "
        "learning rate and momentum of 0.01 and 0.9, 10 times smaller.\n"
    )
    assert got["learning_rate"] == [(0.1, "stated"), (0.01, "stated")]  # the same momentum once
    assert got["momentum"] == [(0.9, "stated")] and got["weight_decay"] == [(5e-4, "stated")]
    # one name the scanner does not know before the list: no value goes to the name it knows as the paper's
    got = found("We set the CTC weight and beam width as 0.4 and 30.\n")
    assert got["beam_size"] == [(0.4, "candidate"), (30.0, "candidate")]
    assert found("We set the dropout rate to 0.1 and 0.2.\n")["dropout"] == [([0.1, 0.2], "stated")]


def test_rl_graph_and_recurrent_loop_settings() -> None:
    got = found(
        "We update the target network every 1000 steps with τ = 0.005, and use an n-step return of 3. The "
        "LSTM is trained with truncated BPTT over 35 time steps. Node embeddings use 2 rounds of message "
        "passing. The weight of the KL term is annealed from 0 to 1 over 10 epochs.\n"
    )
    assert got["target_update_interval_steps"] == [(1000.0, "stated")] and got["n_step"] == [(3.0, "stated")]
    assert "training_steps" not in got  # '1000 steps with τ = 0.005': the 0.005 is τ's
    assert got["sequence_length"] == [(35.0, "stated")]
    assert got["message_passing_steps"] == [(2.0, "stated")]
    assert got["kl_weight_anneal_epochs"] == [(10.0, "stated")] and "epochs" not in got


def test_a_tree_ensembles_depth_and_iterations_in_one_sentence() -> None:
    got = found("For CatBoost we use 2000 iterations with a depth of 8 and a learning rate of 0.03.\n")
    assert got["max_depth"] == [(8.0, "stated")] and got["num_trees"] == [(2000.0, "stated")]
    got = found("We train the network for 2000 iterations and compare it with a random forest.\n")
    assert got["training_steps"] == [(2000.0, "stated")]  # a network's own iterations stay its run's length


def test_loss_augmentation_and_architecture_phrases_of_applied_papers() -> None:
    got = found(
        "We use the focal loss with γ = 2 and α = 0.25. The U-Net has 4 downsampling levels. Augmentation "
        "includes random rotations of up to 15 degrees. We train for 200 epochs with early stopping "
        "(patience 20). We use a 3D CNN with kernels of size 3 × 3 × 3.\n"
    )
    assert got["focal_gamma"] == [(2.0, "stated")] and got["focal_alpha"] == [(0.25, "stated")]
    assert got["num_levels"] == [(4.0, "stated")] and got["rotation_degrees"] == [(15.0, "stated")]
    assert got["patience"] == [(20.0, "stated")] and got["epochs"] == [(200.0, "stated")]
    assert got["kernel_size"] == [("3 × 3 × 3", "stated")]  # the whole 3-D size


def test_a_named_quantity_given_a_symbols_value_and_runs_averaged() -> None:
    got = found(
        "The noise level is σ = 5. We set the input feature dimension as p = 200. Results are averaged over "
        "2,000 experiments. The largest model has a vocabulary size of 1.2 million.\n"
    )
    assert got["noise_level"] == [(5.0, "stated")]
    assert got["input_feature_dimension"] == [(200.0, "stated")]
    assert got["num_runs"] == [(2000.0, "stated")] and got["vocab_size"] == [(1.2e6, "stated")]


def test_a_warmup_share_its_peak_and_repeated_runs() -> None:
    got = found(
        "We warm up the learning rate in the first 5% of the training steps to 10^-4 and decay it linearly "
        "afterwards. We repeatedly run the whole experiment 100 times. Our model runs 3 times faster.\n"
    )
    assert got["warmup_ratio"] == [(0.05, "stated")] and got["learning_rate"] == [(1e-4, "stated")]
    assert got["num_runs"] == [(100.0, "stated")]  # '3 times faster' counts no runs


def test_how_often_experiments_run_and_with_which_seeds() -> None:
    got = found(
        "# Experiments\n\nFor each dataset we train and test each model 20 times. The detection rate is "
        "averaged over 50 restarts. Mean and standard deviations are calculated across 100 episodes. We use "
        "the random seeds {11, 42, 1993}. It is trained 2 times longer than the baseline.\n"
    )
    assert got["num_runs"] == [(20.0, "stated")] and got["num_restarts"] == [(50.0, "stated")]
    assert got["num_eval_episodes"] == [(100.0, "stated")]
    assert got["seed"] == [([11.0, 42.0, 1993.0], "stated")]


def test_policy_gradient_decoding_and_warmup_peak_settings() -> None:
    got = found(
        "# Experiments\n\nWe use PPO with a clip range of 0.2. The entropy bonus is 0.01 and the value "
        "coefficient is 0.5. We clip gradients at a global norm of 1.0. We decode with beam size 4 and "
        "length penalty 0.6. The learning rate is warmed up linearly over the first 2,000 steps to a peak of "
        "3e-4.\n"
    )
    assert got["clip_range"] == [(0.2, "stated")] and got["entropy_coefficient"] == [(0.01, "stated")]
    assert got["value_loss_coefficient"] == [(0.5, "stated")]
    assert got["gradient_clipping"] == [(1.0, "stated")]
    assert got["length_penalty"] == [(0.6, "stated")] and got["learning_rate"] == [(3e-4, "stated")]
    assert got["warmup_steps"] == [(2000.0, "stated")] and "training_steps" not in got


def test_a_capped_run_a_dropped_share_a_batch_that_holds_and_a_unets_levels() -> None:
    got = found(
        "# Experiments\n\nWe train with early stopping for at most 500 epochs. Node features are dropped "
        "with probability 0.5. Each mini-batch holds 64 graphs. The learning rate decays to zero after a "
        "warmup over 10% of the training steps. The U-Net has channel multipliers (1, 2, 4, 8) and "
        "attention at resolutions 16 and 8.\n"
    )
    assert got["epochs"] == [(500.0, "stated")] and got["dropout"] == [(0.5, "stated")]
    assert got["batch_size"] == [(64.0, "stated")] and got["warmup_ratio"] == [(0.1, "stated")]
    assert got["channel_mult"] == [([1.0, 2.0, 4.0, 8.0], "stated")]
    assert got["attention_resolutions"] == [([16.0, 8.0], "stated")] and "image_size" not in got
    assert "epochs" not in found("# Experiments\n\nWe train for at least 500 epochs.\n")


def test_a_framed_list_thousands_by_spaces_newer_optimizers_and_kernels_counted() -> None:
    got = found(
        "# Experiments\n\nAll models have the same configuration: 24 layers, 8 attention heads. The "
        "AdaBelief optimizer is used for 100 000 iterations. We use 64 convolutional kernels in the first "
        "layer.\n"
    )
    assert got["num_layers"] == [(24.0, "stated")] and got["num_heads"] == [(8.0, "stated")]
    assert got["optimizer"] == [("adabelief", "stated")] and got["training_steps"] == [(1e5, "stated")]
    assert got["base_channels"] == [(64.0, "stated")]


def test_a_dataset_named_beside_a_comparison_is_no_compared_model() -> None:
    got = found(
        "# Experiments\n\nWe compare with VQGAN on ImageNet. ImageNet models are trained for 300 epochs. "
        "VQGAN is trained for 100 epochs.\n"
    )
    assert (300.0, "stated") in got["epochs"] and (100.0, "candidate") in got["epochs"]


def test_learning_rate_schedules_by_name_and_pretrained_embedding_widths() -> None:
    got = found(
        "# Experiments\n\nWe train with the one-cycle [12] learning rate schedule. We use 50-dimensional "
        "pre-trained GloVe embeddings.\n"
    )
    assert got["lr_schedule"] == [("one-cycle", "stated")] and got["embedding_dim"] == [(50.0, "stated")]
    assert "lr_schedule" not in found("# Experiments\n\nWe take a step along the learning rate.\n")


def test_a_header_row_of_symbols_names_none_of_them() -> None:
    """'N dmodel dff h dk dv Pdrop ϵls train steps': each symbol is a column, not the name of the next."""
    got = found(
        "# Experiments\n\nN dmodel dff h dk dv Pdrop ϵls train steps PPL BLEU\n\n"
        "For each of these we use dk = dv = dmodel/h = 64. We employed label smoothing of value ϵls = 0.1.\n"
    )
    assert got.get("label_smoothing") == [(0.1, "stated")]
    assert "ffn_dim" not in got and "dropout" not in got


def test_clipping_masking_and_warmup_in_common_turns() -> None:
    got = found(
        "We clip gradients at a norm of 1.0. In the second model gradients are clipped to a maximum L2 norm "
        "of 10.\n\n"
        "We randomly mask 15% of the input tokens.\n\n"
        "We use linear warmup for the first 4k updates and train for 100k updates.\n"
    )
    assert got["gradient_clipping"] == [(1.0, "stated"), (10.0, "stated")]
    assert got["mask_ratio"] == [(0.15, "stated")]
    assert got["warmup_steps"] == [(4000.0, "stated")]
    assert got["training_steps"] == [(100000.0, "stated")]


def test_a_sentence_with_numbers_is_no_flattened_table() -> None:
    got = found(
        "## Implementation details\n\n"
        "The encoder consists of 6 transformer blocks with a hidden size of 768 and 12 attention heads. "
        "We use AdamW with β1 = 0.9, β2 = 0.98 and ε = 1e-6 and a peak learning rate of 5e-4.\n"
    )
    assert got["hidden_size"] == [(768.0, "stated")]
    assert got["num_heads"] == [(12.0, "stated")]
    assert got["num_layers"] == [(6.0, "stated")]


def test_tuples_run_on_after_and_and_with_their_symbols_said_again() -> None:
    got = found(
        "We use (K, L) = (2048, 1), (512, 4) and (4, 512).\n\n"
        "We compare schedules with $(a, b) = (0, 2)$, $(a, b) = (\\frac{1}{2}, 1)$ and $(a, b) = (1, 0)$.\n"
    )
    assert got["K"] == [([2048.0, 512.0, 4.0], "stated")]
    assert got["L"] == [([1.0, 4.0, 512.0], "stated")]
    assert got["a"] == [([0.0, 0.5, 1.0], "stated")]
    assert got["b"] == [([2.0, 1.0, 0.0], "stated")]


def test_a_held_out_share_a_one_layer_model_sticky_actions_and_a_model_variant() -> None:
    got = found(
        "## Experimental setup\n\n"
        "We hold out 10% of the training data for model selection. We use a 1 layer LSTM with hidden size of "
        "512. For ImageNet, we use the post-activation ResNet-50. The agent acts with sticky actions "
        "(ς = 0.25).\n"
    )
    assert got["validation_split"] == [(0.1, "stated")]
    assert got["num_layers"] == [(1.0, "stated")]
    assert got["model"] == [("post-activation resnet-50", "stated")]
    assert got["sticky_action_probability"] == [(0.25, "stated")]


def test_a_symbol_after_a_setting_with_a_probability_is_that_settings_value() -> None:
    got = found(
        "The dropout rate p is 0.1 in all layers. We use sticky-actions with a probability of p = 0.25 of "
        "repeating the previous action.\n\nThe classifier uses label smoothing with a factor of ε = 0.1.\n"
    )
    assert got["dropout"] == [(0.1, "stated")]
    assert got["sticky_action_probability"] == [(0.25, "stated")]
    assert got["label_smoothing"] == [(0.1, "stated")]


def test_a_piecewise_learning_rate_a_bare_decay_beside_momentum_and_rates_after_a_colon() -> None:
    got = found(
        "We use two learning rates during training: 10−2 and 10−3. Throughout training we use a momentum "
        "of 0.9 and a decay of 0.0005. Then we train with the following learning rate schedule: 10−2 for 80 "
        "epochs, and 10−3 for 40 epochs.\n",
        context=True,
    )
    want = [([0.01, 0.001], "stated", None), (0.01, "stated", "for 80 epochs")]
    want.append((0.001, "stated", "for 40 epochs"))
    assert sorted(map(str, got["learning_rate"])) == sorted(map(str, want))
    assert got["weight_decay"] == [(0.0005, "stated", None)]
    assert [c for _, c, _ in got["epochs"]] == ["candidate", "candidate"]  # phases, not the run


def test_a_set_searched_before_the_setting_it_is_for() -> None:
    got = found("We set the grid search set to {0.003, 0.0003} for the learning rates.\n")
    assert got["learning_rate"] == [([0.003, 0.0003], "stated")]


def test_resolution_annealing_a_masking_range_and_a_symbol_from_an_equation() -> None:
    got = found(
        "## Implementation details\n\n"
        "We use the original images with 28×28 pixel resolution and a cosine annealing learning rate "
        "scheduler. We apply linear scheduling on the masking ratio in the range [0.5, 0.85]. The SIGReg "
        "regularization hyperparameter λ from Eq. (6) was set to 0.3. Our approach surpasses the best "
        "baseline by a margin of 0.037 mIoU.\n"
    )
    assert got["image_size"] == [("28×28", "stated")]
    assert got["lr_schedule"] == [("cosine", "stated")]
    assert got["mask_ratio"] == [([0.5, 0.85], "stated")]
    assert got["lambda"] == [(0.3, "stated")]  # a regularizer's weight, not the weight decay
    assert "margin" not in got  # a result's lead


def test_the_rl_algorithm_trained_with_and_a_unit_beside_a_rows_name() -> None:
    got = found(
        "We train the policy and the encoder using PPO for 100M steps. We compare against SAC.\n\n"
        "Table 1: Ranges of the drone parameters.\n\n| Parameter | Training range |\n|---|---|\n"
        "| Mass (kg) | [0.1, 0.9] |\n| Max. motor speed (rad/s) | [707, 4895] |\n"
    )
    assert got["rl_algorithm"] == [("ppo", "stated")]  # not the compared one
    assert got["mass"] == [([0.1, 0.9], "stated")]
    assert "mass_kg" not in got and "max_motor_speed" in got


def test_a_size_keeps_all_its_sides() -> None:
    # a voxel grid of three sides is read whole, never cut to its first two ('24×54' of '24×54×24')
    got = found("We use a resolution of 24×54×24 voxels, and images are resized to 224 × 224 pixels.\n")
    assert got["image_size"] == [("24×54×24", "stated"), ("224 × 224", "stated")]
