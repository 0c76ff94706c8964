"""Forms read in the forty-second round, each written here in words of our own."""

from __future__ import annotations

from hp_found import found


def test_a_count_after_a_named_settings_item_is_no_thousands_tail():
    got = found("Defaults: hidden width 16, 240 epochs, Adam (learning rate 0.002).")
    assert got["epochs"] == [(240.0, "stated")] and got["learning_rate"] == [(0.002, "stated")]
    # a number split by a PDF's spaced comma stays one number: '4, 096' is no item after a setting
    assert "hidden_size" not in found("The encoder has two 4, 096 dimensional layers.")


def test_past_tense_usually_tells_of_the_papers_own_runs():
    got = found("Fine-tuning was usually 3 epochs with a batch size of 16.")
    assert got["epochs"] == [(3.0, "stated")] and got["batch_size"] == [(16.0, "stated")]
    # the present tense tells of common practice: at most a candidate
    got = found("Momentum is usually set to 0.9 in such networks.")
    assert all(conf == "candidate" for _, conf in got.get("momentum", []))


def test_an_optimiser_named_in_its_role_is_the_runs():
    got = found("For every model we are using Adagrad as the optimiser.")
    assert got["optimizer"] == [("adagrad", "stated")]
    assert found("We are using plain SGD as optimizer.")["optimizer"] == [("sgd", "stated")]


def test_a_misspelt_epochs_still_counts_epochs():
    assert found("The rate was set as 0.01 for 25 epoches.")["epochs"] == [(25.0, "stated")]


def test_items_per_batch_size_the_batch_and_count_no_steps():
    got = found("We keep a 10k-transition buffer and draw 64-transition minibatches from it.")
    assert got["batch_size"] == [(64.0, "stated")] and "training_steps" not in got
    assert found("The critic is trained for 500 minibatches.")["training_steps"] == [(500.0, "stated")]


def test_losses_named_with_a_qualifier_an_acronym_or_no_article():
    cases = {
        # a word that makes it another loss is part of its name; one that only describes it is not
        "The decoder is trained subject to an unweighted binary cross-entropy loss.": "binary cross-entropy",
        "We minimise the multi-class cross entropy loss function.": "cross entropy",
        "The tagger is optimised using a masked MSE loss.": "masked mse",
        "The tagger is optimised using a standard MSE loss.": "mse",
        "Mean absolute error (MAE) loss is then used as the loss function.": "mean absolute error",
        "Both heads are implemented using MSE as loss function.": "mse",
        "For pre-training we used softmax loss.": "softmax loss",
        "We adopt a standard RMSE loss for the ratings.": "rmse",
    }
    for text, value in cases.items():
        assert [v.lower() for v, _ in found(text)["loss"]] == [value], text
    assert "loss" not in found("We report RMSE as the evaluation metric, and apply a softmax to the logits.")
    got = found("We train with an MAE loss (we also tried RMSE as loss, which was worse).")["loss"]
    assert got == [("mae", "stated"), ("rmse", "candidate")]


def test_an_activation_named_as_one_without_an_article():
    assert found("Each block embraces SELU as activations.")["activation"] == [("selu", "stated")]
    got = found("A Parametric Rectified Linear Unit (PReLU) is then used as the activation function.")
    assert got["activation"] == [("prelu", "stated")]
    assert found("We add a tanh non linearity after the first layer.")["activation"] == [("tanh", "stated")]


def test_a_settings_table_headed_by_a_qualified_parameter_column():
    table = (
        "Settings for the policy training:\n\n| **Training parameter** | **Value** |\n|---|---|\n"
        "| Learning rate | $3e-4$ |\n| Batch size | $1024$ |\n| Discount factor | $0.98$ |\n"
    )
    got = found(table)
    assert got["batch_size"] == [(1024.0, "stated")] and got["discount_factor"] == [(0.98, "stated")]


_GRID = """**Table 2** The parameters used in the simulations

| neurons | synapses |
|---|---|
| $\\tau_{m}=15$ms | $w_{max}=0.4$ |
| $v_{th}=-50$mV | $\\rho_{+} = 0.05$ |
| $N_{in}=400$ |  |
"""


def test_a_grid_of_symbol_assignments_gives_one_setting_per_cell():
    got = found(_GRID)
    assert got["taum"] == [(15.0, "stated")] and got["v_th"] == [(-50.0, "stated")]
    assert got["rho_plus"] == [(0.05, "stated")] and got["N_in"] == [(400.0, "stated")]
    # without a caption that calls them settings, symbols named nowhere are candidates
    got = found(_GRID.replace("The parameters used in the simulations", "Overview"))
    assert got["w_max"] == [(0.4, "candidate")]
    # a results table with a few assignments in its header is no such grid
    results = "| Model | $\\lambda=0.1$ | $\\lambda=1$ |\n|---|---|---|\n"
    results += "| A | 81.2 | 80.3 |\n| B | 79.9 | 78.1 |"
    assert "lambda" not in found(results)


def test_prose_forms_of_the_forty_second_round():
    got = found("We use a dropout layer [hinton12], with probability of 0.3 after the encoder.")
    assert got["dropout"] == [(0.3, "stated")]
    assert found("The schedule runs over $T=18,240$ iterations.")["training_steps"] == [(18240.0, "stated")]
    assert found("This equals the number of epochs ($12$) times the batches.")["epochs"] == [(12.0, "stated")]
    got = found("If there is no increase in the validation F1 for 15 epochs, training stops.")
    assert got["patience"] == [(15.0, "stated")] and "epochs" not in got
    assert found("The chosen kNN uses cosine distance and $k = 9$.")["num_neighbors"] == [(9.0, "stated")]
    assert found("Every run sets seed 7.")["seed"] == [(7.0, "stated")]
    assert "seed" not in found("We compare the runs with seed 3 and seed 4.")


def test_a_line_of_code_style_assignments_is_a_settings_line():
    text = "The hyperparameters we chose are:\n\n   `k = 40, lr = 0.05, num_epoch = 30`\n"
    got = found(text)
    assert got["learning_rate"] == [(0.05, "stated")] and got["epochs"] == [(30.0, "stated")]
    legend = found("Figure 3\n\nn = 1000, m = 10\n")
    assert legend and all(conf == "candidate" for rows in legend.values() for _, conf in rows)


def test_a_pdfs_grid_runs_subscripts_on_and_splits_the_table_under_one_caption():
    grid = (
        "Table 1: The parameters used in the simulations\n| inputs | wiring |\n| --- | --- |\n"
        "| fin = 4Hz | Kmax = 32 |\n| tstim = 150ms | Nlayer = 16 |\n\n"
        "| membrane | plasticity |\n| --- | --- |\n| vrest = −65mV | A+ = 0.2 |\n| eext = 0mV | B = 1.5 |\n"
    )
    got = found(grid)
    assert got["K_max"] == [(32.0, "stated")] and got["tstim"] == [(150.0, "stated")]
    assert got["vrest"] == [(-65.0, "stated")] and got["B"] == [(1.5, "stated")]  # the same table, split


def test_pretrained_models_named_by_hub_id_by_a_verb_of_trial_or_in_the_passive():
    cases = {
        "First, we fine-tuned acme/tiny-lm-7B-chat on the forum posts.": ("model", "acme/tiny-lm-7b-chat"),
        "We carry all later experiments with the roberta-large model.": ("model", "roberta-large"),
        "In this work we experiment with a pre-trained EfficientNet-B3.": ("model", "efficientnet-b3"),
        "A ResNet-34 architecture is used, trained from scratch.": ("architecture", "resnet-34"),
        "We use a pre trained VGG19 network as a feature extractor.": ("feature_extractor", "vgg19"),
    }
    for text, (key, value) in cases.items():
        stated = [str(v).lower() for v, c in found(text)[key] if c == "stated"]
        assert stated == [value], text
    assert "model" not in found("We use encoder/decoder models and input/output pairs.")
    assert "model" not in found("In their runs, a fine-tuned roberta-base model performed well.")
    assert "model" not in found("We never used BERT-base for the final runs.")
    got = found("Regularization: a dropout layer (Hinton et al., 2012), with probability 0.3 is used.")
    assert got["dropout"] == [(0.3, "stated")]


def test_one_of_two_losses_offered_is_a_candidate():
    got = found("A possible fix is using weighted logistic loss or focal loss as the loss function.")
    assert all(conf == "candidate" for _, conf in got["loss"])
    assert found("The recogniser is trained using CTC loss.")["loss"] == [("ctc loss", "stated")]


def test_precision_schedule_and_repeated_models_named_in_passing():
    got = found("We clip gradients at 0.5 and train in bf16 AMP with a batch size of 8.")
    assert got["precision"] == [("bf16", "stated")]
    got = found("We optimised with Adam following a slanted triangular learning rate schedule.")
    assert got["lr_schedule"] == [("slanted triangular", "stated")]
    assert found("We then trained 5 models with different random seeds.")["num_runs"] == [(5.0, "stated")]


def test_a_depth_a_published_models_name_gives_is_a_candidate():
    got = found("- ResNet-34 [he]: A 34-layer CNN with skip connections.")
    assert got["num_layers"] == [(34.0, "candidate")]
    got = found("VGG-13 is a deep network with 13 weight layers, and our head adds 2 layers.")
    assert got["num_layers"] == [(13.0, "candidate"), (2.0, "stated")]


def test_widths_named_by_their_units():
    got = found("The streams are joined into a 2048-node layer, then a 512-unit FC layer.")
    assert got["hidden_size"] == [(2048.0, "stated"), (512.0, "stated")] and "num_layers" not in got
    got = found("Each sentence passes through 6 transformer layers each has a size of 384.")
    assert got["hidden_size"] == [(384.0, "stated")] and got["num_layers"] == [(6.0, "stated")]
    assert "hidden_size" not in found("We pad each tile with a border of width 12 = (25 - 1)/2.")


def test_a_gans_noise_vector_sizes_its_latent_code():
    assert found("The generator takes a 128 dimensional noise vector z.")["latent_dim"] == [(128.0, "stated")]


def test_values_of_cited_work_and_hopes_are_doubted():
    got = found("We used 100 inducing points, while in [smith2019], 400 inducing points are used.")
    assert got["num_inducing_points"] == [(100.0, "stated"), (400.0, "candidate")]
    assert found("Ideally, 5-fold cross-validation is to be chosen.")["cv_folds"] == [(5.0, "candidate")]
    got = found("We train as described in [lee20], with a latent dimension of 16.")
    assert got["latent_dim"] == [(16.0, "stated")]  # a method described in cited work, the value ours


def test_losses_kernels_and_layers_named_in_more_forms():
    cases = {
        "We use the Adam optimizer to reduce the mean squared error.": "mean squared error",
        "We used Adam and the categorical cross entropy loss function.": "categorical cross entropy",
        'This loss function is actually the "binary crossentropy" function.': "binary crossentropy",
    }
    for text, value in cases.items():
        assert [str(v).lower() for v, _ in found(text)["loss"]] == [value], text
    assert "loss" not in found("Table 3 reports MSE and cross-entropy loss for all runs.")
    assert found("For the baseline, the ARD squared-exponential kernel function is used.")["kernel"]
    got = found("Layer normalization layers are also added after each block.")
    assert [str(v).lower() for v, _ in got["normalization"]] == ["layer normalization"]
    assert found("Early stopping ends training when the validation loss is not improved after one epoch.")[
        "patience"
    ] == [(1.0, "stated")]
    assert found("The head has a Dropout layer with a 30% rate.")["dropout"] == [(0.3, "stated")]
    got = found("We use the pretrained network AlexNet for both streams.")
    assert got["architecture"] == [("alexnet", "stated")]
