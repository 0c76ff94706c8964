"""Which setting a value belongs to, and whether it is one: an optimiser family named where a method is
described, a variant named after an optimiser, the count a noun before a verb takes, a count of networks
before a count of layers, a figure's inner text, and names written in other words ('sub-sequences of length',
'lr scaling', 'minibatch size M'). The sentences are written for these tests in the style of papers."""

from __future__ import annotations

from hp_found import found

from tools.analysis.hyperparams import names_match


def test_an_optimiser_family_in_a_method_section_is_a_candidate() -> None:
    md = (
        "## 3 Method\n\nThe estimates of the gradient can then be used to minimise the objective with "
        "stochastic gradient descent.\n"
    )
    assert found(md)["optimizer"] == [("sgd", "candidate")]
    # even when the sentence says "we"
    md = (
        "## 3.1 Learning the control variate\n\nWe simply optimise the critic using stochastic gradient "
        "descent.\n"
    )
    assert found(md)["optimizer"] == [("sgd", "candidate")]


def test_an_optimiser_family_with_a_setting_or_in_the_experiments_is_stated() -> None:
    md = "## 3 Method\n\nWe train the critic with SGD and a learning rate of 0.1.\n"
    assert found(md)["optimizer"] == [("sgd", "stated")]
    md = "## 5 Experiments\n\nWe simply optimise the critic using stochastic gradient descent.\n"
    assert found(md)["optimizer"] == [("sgd", "stated")]
    # a named optimiser is no family: stated wherever a run is said to use it
    md = "## 3 Method\n\nThe critic is trained using Adam.\n"
    assert found(md)["optimizer"] == [("adam", "stated")]


def test_a_variant_named_after_an_optimiser_is_a_candidate() -> None:
    md = (
        "## 5 Experiments\n\nFigure 5 shows the bound for the noise-corrected SGD algorithm of Section 4 "
        "trained on 50,000 digits.\n"
    )
    assert found(md)["optimizer"] == [("sgd", "candidate")]


def test_a_count_before_a_verb_is_its_nouns() -> None:
    md = "## 5 Experiments\n\nAfter every 10th training episode 100 episodes were run to estimate it.\n"
    assert "num_runs" not in found(md)
    md = "## 5 Experiments\n\nResults are averaged over 5 runs.\n"
    assert found(md)["num_runs"] == [(5.0, "stated")]


def test_a_count_of_networks_before_a_count_of_layers() -> None:
    md = "## 5 Experiments\n\nWe train ten three-layer neural networks jointly, one per task.\n"
    assert found(md).get("num_layers") == [(3.0, "stated")]


def test_a_figures_inner_text_is_a_candidate() -> None:
    md = "## 5 Experiments\n\nWe plot the losses below.\n\n2 67.5\n\n68.0 1 Lr 68.5 ¸ 69.0\n"
    assert all(conf == "candidate" for _, conf in found(md).get("learning_rate", []))


def test_names_written_in_other_words() -> None:
    md = "## 5 Experiments\n\nThe training tracks were divided into sub-sequences of length 200.\n"
    assert found(md)["sequence_length"] == [(200.0, "stated")]
    assert names_match("lr_scaling", "learning rate scaling")
    assert names_match("subsequence_length", "sequence length")
    assert not names_match("lr_scaling", "learning rate")
    for text in ("We use a minibatch size M = 64.\n", "We draw M = 64 samples per minibatch.\n"):
        assert found("## 5 Experiments\n\n" + text)["batch_size"] == [(64.0, "stated")], text


def test_a_symbol_assigned_beside_its_name_names_it_later() -> None:
    md = (
        "## 5.1 Toy data\n\nThe model is run for 100 epochs with mini-batches of size $M=32$.\n\n"
        "## 5.2 Real data\n\nHyper-parameters are set to $M=48$, $\\lambda=0.1$.\n"
    )
    got = found(md)
    assert got["batch_size"] == [(32.0, "stated"), (48.0, "stated")]
    assert "M" not in got


def test_iterations_of_a_named_inner_loop_are_no_training_length() -> None:
    md = "## 5 Experiments\n\nAt each epoch, the critic is trained for n_critic = 50 iterations.\n"
    got = found(md)
    assert "training_steps" not in got and got["n_critic"] == [(50.0, "stated")]  # the loop's own setting
    md = "## 5 Experiments\n\nWe train for T = 5000 iterations.\n"
    assert found(md)["training_steps"] == [(5000.0, "stated")]


def test_one_hidden_layer_is_an_architecture() -> None:
    md = "## 5 Experiments\n\nWe use a neural network with one hidden layer of 50 units.\n"
    assert found(md)["num_layers"] == [(1.0, "stated")]
    md = "## 5 Experiments\n\nThus one layer of our flow is a composition of two maps.\n"
    assert found(md)["num_layers"] == [(1.0, "candidate")]


def test_gradient_descent_said_to_train_the_models() -> None:
    md = "## 4 Training\n\nThe acoustic models were trained by gradient descent on the frame-wise loss.\n"
    assert found(md)["optimizer"] == [("gradient descent", "stated")]
    md = "## 2 Method\n\nThe surrogate is then optimised by gradient descent on the relaxed objective.\n"
    assert found(md)["optimizer"] == [("gradient descent", "candidate")]
    # an attack is no optimiser: "projected gradient descent" is not said to train anything
    md = "## 5 Experiments\n\nWe attack the classifier with projected gradient descent.\n"
    assert "optimizer" not in found(md)


def test_activations_written_as_units_or_adjectives() -> None:
    md = "## 5 Experiments\n\nThe output layers of both networks consisted of sigmoid units.\n"
    assert found(md)["activation"] == [("sigmoid", "stated")]
    md = "## 5 Experiments\n\nWe use a network with 100 hidden units and sigmoidal activation functions.\n"
    assert found(md)["activation"] == [("sigmoid", "stated")]


def test_an_exponent_a_pdf_sets_with_spaces() -> None:
    md = "## 5 Experiments\n\nAll models were trained using Adam with β1 = 0.9 and ϵ = 1e − 08.\n"
    assert found(md)["epsilon"] == [(1e-08, "stated")]


def test_the_loss_a_model_is_trained_on() -> None:
    md = "## 5 Experiments\n\nThe classifiers were trained by minimising a cross entropy cost.\n"
    assert found(md)["loss"] == [("cross entropy", "stated")]
    md = "## 5 Experiments\n\nThe evaluation reports the cross entropy of the test set.\n"
    assert "loss" not in found(md)


def test_output_activations_by_name() -> None:
    md = (
        "## 5 Experiments\n\nThe output nodes for the means come with linear activations, those for the "
        "scales with exponential activations.\n"
    )
    assert found(md)["activation"] == [("linear", "stated"), ("exponential", "stated")]


def test_a_terms_weight_takes_the_terms_name_entropy_its_coefficient() -> None:
    md = (
        "## 5 Experiments\n\nEntropy regularization with a weight of .02 was used to encourage exploration.\n"
    )
    assert found(md)["entropy_coefficient"] == [(0.02, "stated")]


def test_pooling_and_monte_carlo_repeats() -> None:
    md = "## 5 Experiments\n\nThe network has two convolutional layers, each followed by average pooling.\n"
    assert found(md)["pooling"] == [("average", "stated")]
    md = "## 5 Experiments\n\nThe results of 30 Monte-Carlo simulations are shown in Figure 2.\n"
    assert found(md)["num_runs"] == [(30.0, "stated")]


def test_one_value_shared_by_two_things_named() -> None:
    md = "## 5 Experiments\n\nThe step sizes for SGD and SVRG were 0.05.\n"
    assert found(md)["learning_rate"] == [(0.05, "stated")]
    md = "## 5 Experiments\n\nThe batch sizes for CIFAR-10 and for ImageNet are 128 and 4096.\n"
    paired = [(128.0, "stated", "CIFAR-10"), (4096.0, "stated", "ImageNet")]  # by order, each its own
    assert found(md, context=True)["batch_size"] == paired
    # a word that is no name between: not a value both share
    md = "## 5 Experiments\n\nThe step sizes for SGD and not for SVRG were 0.05.\n"
    assert "learning_rate" not in found(md)


def test_layers_of_a_size_are_no_count_of_layers() -> None:
    md = "## 5 Experiments\n\nWe train models with one or two layers of 300 Bernoulli random variables.\n"
    assert 300.0 not in [v for v, _ in found(md).get("num_layers", [])]
    md = "## 5 Experiments\n\nThe number of layers is 4.\n"
    assert found(md)["num_layers"] == [(4.0, "stated")]


def test_a_product_of_two_symbols_gives_neither_its_value() -> None:
    # L is a number of samples by the paper's own words; 'K L = 2048' is the budget K times L, not L
    md = (
        "## 3 Method\n\nWe assume an operator that accepts a query and a number of samples $L$ and returns "
        "a new query.\n\n## 5 Sample budget\n\nThis fixes the total computation budget to $K L = 2048$ "
        "samples, which lets us compare the allocations.\n"
    )
    assert found(md) == {}
    # one symbol alone is still read
    md = "## 5 Experiments\n\nWe use K = 2048 particles in all runs.\n"
    assert found(md) == {"num_particles": [(2048.0, "stated")]}  # 'particles' names K


def test_a_tree_ensembles_settings_are_its_own() -> None:
    got = found(
        "The random forest uses 500 trees with a maximum depth of 10. XGBoost is run with a max depth of 6 "
        "and a subsample ratio of 0.8.\n"
    )
    assert got["num_trees"] == [(500.0, "stated")] and got["subsample"] == [(0.8, "stated")]
    assert got["max_depth"] == [(10.0, "stated"), (6.0, "stated")]
    assert "num_layers" not in got  # a tree's depth counts no network's layers


def test_adams_first_and_second_momentum_are_its_betas() -> None:
    got = found(
        "# Experiments\n\nThe Adam optimizer is used with the first momentum of 0.9 and the second momentum "
        "of 0.99.\n\nThe baseline uses SGD with momentum 0.8.\n"
    )
    assert got["beta1"] == [(0.9, "stated")] and got["beta2"] == [(0.99, "stated")]
    assert got["momentum"] == [(0.8, "stated")]


def test_an_activation_used_as_the_activation_and_seeds_in_brackets() -> None:
    got = found(
        "# Experiments\n\nReLU was used as the activation function before the output layer.\n\n"
        "Each experiment was run with three random seeds (0, 1, and 42).\n"
    )
    assert got["activation"] == [("relu", "stated")] and got["seed"] == [([0, 1, 42], "stated")]


def test_a_loss_or_an_activation_named_by_how_it_is_used() -> None:
    got = found(
        "# Experiments\n\nWe use the mean square error as the loss function.\n\n"
        "We set f to the ReLU function.\n\nThe critic uses an activation function (tanh for all runs).\n\n"
        "We train for twenty-five epochs.\n"
    )
    assert got["loss"] == [("mean square error", "stated")]
    assert got["activation"] == [("relu", "stated"), ("tanh", "stated")]
    assert got["epochs"] == [(25, "stated")]


def test_a_letter_the_paper_says_it_set_is_stated_a_letter_after_with_stays_a_candidate() -> None:
    md = "## 5 Experiments\n\nWe use K = 30 latent factors. In practice, we empirically chose κ = 1.5.\n"
    assert found(md)["K"] == [(30.0, "stated")] and found(md)["kappa"] == [(1.5, "stated")]
    md = "## 5 Experiments\n\nResults for the model trained with ξ = 0.5 are shown below.\n"
    assert found(md)["xi"] == [(0.5, "candidate")]
