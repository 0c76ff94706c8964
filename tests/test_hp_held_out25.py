"""Forms read after the twenty-fifth round's opened sets, each sentence written here in words of our own: an
optimiser spelled out in capitals and emphasis, a family named with the epochs it ran for, 'N dimensional'
without a hyphen, dropout's rate given later in its clause, a bare 'in batches of N', runs 'with different
seeds', and a 'respectively' list whose things are a comma list before the verb."""

from __future__ import annotations

from hp_found import found


def test_an_optimiser_spelled_out_in_capitals_and_emphasis() -> None:
    got = found("## 4 Experiments\n\nWe fit the network using *Stochastic Gradient Descent* for 30 epochs.\n")
    assert got["optimizer"] == [("sgd", "stated")] and got["epochs"] == [(30.0, "stated")]


def test_a_family_named_in_a_method_section_alone_stays_a_candidate() -> None:
    got = found("## 2 Method\n\nThe objective is minimised with stochastic gradient descent.\n")
    assert got["optimizer"] == [("sgd", "candidate")]


def test_dimensions_without_a_hyphen_and_dropout_rate_later_in_its_clause() -> None:
    got = found(
        "## 5 Setup\n\nTokens are mapped to 48 dimensional embeddings. The decoder stacks two 96 dimensional "
        "GRU layers. Dropout regularisation is applied to the node states with a rate of 0.3.\n"
    )
    assert got["embedding_dim"] == [(48.0, "stated")] and got["hidden_size"] == [(96.0, "stated")]
    assert got["dropout"] == [(0.3, "stated")]


def test_bare_batches_of_n_and_runs_with_different_seeds() -> None:
    got = found(
        "## 5 Setup\n\nInputs are cut to 2k tokens and fed in batches of 48. "
        "We repeat 20 runs with different random seeds.\n"
    )
    assert got["batch_size"] == [(48.0, "stated")] and got["num_runs"] == [(20.0, "stated")]
    assert "batch_size" not in found("## 5 Setup\n\nWe accumulate gradients over 6 batches.\n")


def test_respectively_pairs_values_with_a_comma_list_of_models_before_the_verb() -> None:
    got = found(
        "## 5 Setup\n\nIn the copy task the GRU with ReLU gates, MLP, CNN and transformer had hidden "
        "layers of size 60, 70, 30 and 256 respectively.\n"
    )
    assert sorted(v for v, c in got["hidden_size"] if c == "stated") == [30.0, 60.0, 70.0, 256.0]
    # an opening phrase is no thing: three values pair with the last three names
    got = found(
        "## 5 Setup\n\nFor the copy task, the MLP, CNN and transformer had hidden layers of size "
        "70, 30 and 256 respectively.\n"
    )
    assert sorted(v for v, c in got["hidden_size"] if c == "stated") == [30.0, 70.0, 256.0]


def test_a_decay_factor_in_words_and_a_hyphenated_million() -> None:
    got = found(
        "## 4 Training\n\nWe fit this 12-million parameter network with an initial learning rate of 0.003, "
        "decaying by a factor of one half every 4 epochs.\n"
    )
    assert got["lr_decay"] == [(0.5, "stated")] and got["lr_decay_epochs"] == [(4.0, "stated")]
    assert got["num_parameters"] == [(12_000_000.0, "stated")]
    got = found("## 4 Training\n\nThe learning rate is decayed by a factor of ten every 20 epochs.\n")
    assert got["lr_decay"] == [(0.1, "stated")] and got["lr_decay_epochs"] == [(20.0, "stated")]


def test_a_dimensionality_of_the_models_and_a_symbols_searched_grid() -> None:
    got = found(
        "## 5 Setup\n\nThe latent dimensionality of the models is fixed at 48 throughout. The penalty C was "
        "chosen from {10^-2, 10^-1, ..., 10^2}.\n"
    )
    assert got["latent_dim"] == [(48.0, "stated")]
    assert got["C"] == [([0.01, 0.1, 1.0, 10.0, 100.0], "stated")]


def test_the_family_of_the_optimiser_a_sentence_names_is_no_second_optimiser() -> None:
    got = found(
        "## 4 Training\n\nThe network is fit by stochastic gradient descent, using the RMSProp optimizer.\n"
    )
    assert got["optimizer"] == [("sgd", "candidate"), ("rmsprop", "stated")]
    got = found(
        "## 4 Training\n\nWe train the encoder with SGD with momentum 0.8 and use Adam for the decoder.\n"
    )
    assert ("sgd", "stated") in got["optimizer"]


def test_no_few_shot_ways_without_shots_no_metric_cutoff_and_no_count_after_a_slash() -> None:
    got = found("## 5 Setup\n\nThe explainer scores 3-way feature interactions of the fitted model.\n")
    assert "num_ways" not in got
    assert found("## 5 Setup\n\nWe run 10-way 5-shot episodes.\n")["num_ways"] == [(10.0, "stated")]
    got = found("## 5 Setup\n\nHits@K (K ∈ {1, 3, 20}) counts queries whose answer is ranked in the top K.\n")
    assert got["K"] == [([1.0, 3.0, 20.0], "candidate")]
    assert "num_layers" not in found("## 5 Setup\n\nFigure 3: a ViT-L/14 layer with its spectrum.\n")


def test_a_count_of_convolutional_blocks() -> None:
    got = found("## 5 Setup\n\nThe embedding network stacks five convolutional blocks of 48 filters.\n")
    assert got["num_conv_blocks"] == [(5.0, "stated")]


def test_a_retrieval_table_spoken_of_as_varying_hyperparameters_is_results() -> None:
    got = found(
        "## 4 Results\n\nTable 2 reports retrieval for each (α, β) pair; only the hyperparameters differ.\n"
        "Table 2: Image retrieval on the held-out pool. Bold = best.\n"
        "| Configuration (α, β) | R@1 | R@5 | MedR |\n| --- | --- | --- | --- |\n"
        "| Plain (7, 0) | 5.10 | 15.20 | 51 |\n| Mixed (4, 4) | 7.90 | 20.40 | 35 |\n"
    )
    assert not [k for k in got if k.startswith(("plain", "mixed"))]


def test_a_decay_dampened_every_n_episodes_critic_iterations_and_a_parts_learning_rate() -> None:
    got = found(
        "## 4 Training\n\nThe learning rate starts at 0.002 and is dampened by 0.7 every 500 episodes.\n"
    )
    assert got["lr_decay"] == [(0.7, "stated")] and got["lr_decay_steps"] == [(500.0, "stated")]
    got = found(
        "## 4 Training\n\nWe raised the generator's learning rate to 3e-4, while the critic's learning rate "
        "stayed at 2e-5.\n",
        context=True,
    )
    assert got["learning_rate"] == [(0.0003, "stated", "generator"), (2e-05, "stated", "critic")]


def test_an_initialisation_variant_epsilon_greedily_and_a_decay_when_no_longer_improving() -> None:
    got = found("## 4 Training\n\nAll layers are initialised with the Xavier normal initialization.\n")
    assert got["initialization"] == [("xavier normal", "stated")]
    got = found("## 4 Training\n\nThe agent acts ε-greedily, with ε = 0.05, during evaluation.\n")
    assert got["exploration"] == [(0.05, "stated")]
    got = found(
        "## 4 Training\n\nLearning rates were reduced by a factor of 5 when the validation loss did not "
        "improve for 3 checks.\n"
    )
    assert got["lr_decay"] == [(0.2, "stated")] and got["lr_schedule"] == [("reduce on plateau", "stated")]


def test_an_emphasised_name_and_a_cited_papers_column() -> None:
    got = found("## 4 Model\n\nA *window size* of w = 5 is used in each attention block.\n")
    assert got["window_size"] == [(5.0, "stated")]
    got = found(
        "Table 1: Hyperparameters of our runs and of the original paper.\n\n"
        "| Setting | Ours | Model (article) |\n|---|---|---|\n| beta2 | 0.99 | 0.999 |\n"
    )
    assert sorted(got["beta2"], key=str) == [(0.99, "stated"), (0.999, "candidate")]


def test_a_resampling_factor_far_from_its_verb_and_a_letters_parameter_grid() -> None:
    got = found("## 3 Model\n\nWe down-sample each map of the pyramid by a factor of 4.\n")
    assert got["downsampling_factor"] == [(4.0, "stated")]
    got = found("## 5 Setup\n\nThe C-parameter was chosen from {10^-2, 10^-1, ..., 10^2}.\n")
    assert got["C"] == [([0.01, 0.1, 1.0, 10.0, 100.0], "stated")]


def test_an_architecture_based_on_a_named_model() -> None:
    got = found("## 3 Model\n\nWe pick a convolutional network architecture based on the DenseNet-121.\n")
    assert got["architecture"] == [("densenet-121", "stated")]


def test_a_uniform_initialisation_interval_a_split_fraction_and_no_decay() -> None:
    got = found(
        "## 4 Training\n\nWord vectors are initialized from a uniform distribution in the range "
        "[-0.05, 0.05].\n"
    )
    assert got["initialization"] == [("uniform(-0.05, 0.05)", "stated")]
    got = found(
        "## 4 Training\n\nWe keep a validation fraction of 0.15 and train for 30 epochs without any "
        "learning rate decay.\n"
    )
    assert got["validation_split"] == [(0.15, "stated")] and got["lr_schedule"] == [("constant", "stated")]


def test_settings_in_code_style_and_a_rows_code_name() -> None:
    got = found("## 3 Setup\n\nUnless stated otherwise, train_time=3600 s, batch_size=128, seq_len=40.\n")
    assert got["batch_size"] == [(128.0, "stated")] and got["seq_len"] == [(40.0, "stated")]
    got = found(
        "Table 1: Settings of the full factorial experiment.\n\n| Setting | Values |\n|---|---|\n"
        "| Size b of training (mini)batch (batch\\_size) | 32, 128, 512 |\n"
        "| Fitting seq. length (seq\\_fit\\_len) | 40, 80, 160 |\n"
    )
    assert got["batch_size"] == [([32.0, 128.0, 512.0], "stated")]
    assert got["seq_fit_len"] == [([40.0, 80.0, 160.0], "stated")]


def test_a_single_hidden_layer_with_nodes_a_spelled_activation_and_a_validation_portion() -> None:
    got = found(
        "## 3 Setup\n\nThe encoder is a single-hidden-layer network with 24 nodes and uses an exponential "
        "linear unit as its activation function. A 15% portion of the training data is used as "
        "validation set.\n"
    )
    assert got["hidden_size"] == [(24.0, "stated")] and got["activation"] == [("elu", "stated")]
    assert got["validation_split"] == [(0.15, "stated")]


def test_keyword_arguments_of_a_call_in_a_listing_stay_code() -> None:
    got = found(
        "## 5 Usage\n\n17 print(evaluate_model(GIN, dataset, [1, 2, 3], max_num_epochs=150, "
        "18 batch_size=48, start_lr=0.02, num_repetitions=10))\n"
    )
    assert all(c == "candidate" for rows in got.values() for _, c in rows)
