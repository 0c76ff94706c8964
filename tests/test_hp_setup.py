"""Does a sentence state the paper's own setup? (hp_setup.decide, and the confidence find_hyperparameters then
gives a value): experiments sections and "we use" sentences are the paper's settings; theory, other methods,
results and the introduction's framing give candidates. Plus the setting forms read since: lists of
symbol=value pairs introduced as settings, chains β_1 = β_2 = 0.5, values with units, initial distributions
and symbols the sentence names in words. The sentences are written for these tests in the style of papers."""

from __future__ import annotations

from hp_found import found

from tools.analysis.hp_setup import decide


def test_an_experiments_section_states_the_papers_own_setup() -> None:
    got = found("## 5 Experiments\n\nWe train the model with Adam and a learning rate of 0.001.\n")
    assert got["learning_rate"] == [(0.001, "stated")]
    assert got["optimizer"] == [("adam", "stated")]
    decision = decide("5 Experiments", "The model is trained with a learning rate of 0.001.")
    assert (decision.own, decision.kind) == (True, "setup")


def test_a_sentence_of_theory_gives_candidates() -> None:
    md = (
        "## 3 Analysis\n\nIn this section, we derive an upper bound for gradient descent with a "
        "learning rate of 0.1.\n"
    )
    assert found(md)["learning_rate"] == [(0.1, "candidate")]
    decision = decide("3 Analysis", "By Theorem 2, a step size of 0.5 converges.")
    assert (decision.own, decision.kind) == (False, "theory")


def test_an_optimiser_a_section_studies_is_no_setting() -> None:
    md = "## 3 The entropy of SGD\n\nOne problem with SGD is that it can collapse the posterior.\n"
    assert found(md)["optimizer"] == [("sgd", "candidate")]
    # said to be used, it is one
    md = "## 3 Method\n\nThe network is trained with SGD, using a batch size of 32.\n"
    assert found(md)["optimizer"] == [("sgd", "stated")]


def test_optimisers_listed_as_compared_methods_are_candidates() -> None:
    md = "## 6 Experiments\n\nWe train a CNN on CIFAR-10 using the SGD, SVRG, and Adam methods.\n"
    assert {c for _v, c in found(md)["optimizer"]} == {"candidate"}
    assert (
        decide("6 Experiments", "In a related experiment, we mixed NNAG with SGD.", key="optimizer").own
        is False
    )


def test_the_introduction_states_no_setting_unless_the_sentence_says_so() -> None:
    assert found("## 1 Introduction\n\nA batch size of 4096 is common for large models.\n")["batch_size"] == [
        (4096.0, "candidate")
    ]
    assert found("## 1 Introduction\n\nWe train all models with a batch size of 64.\n")["batch_size"] == [
        (64.0, "stated")
    ]
    decision = decide("7 Related Work", "Their network has 12 layers.")
    assert (decision.own, decision.kind) == (False, "elsewhere")


def test_a_sentence_reporting_results_gives_candidates() -> None:
    md = "## 5 Results\n\nThe test error is lowest at 300 hidden units.\n"
    assert found(md)["hidden_size"] == [(300.0, "candidate")]
    decision = decide("5 Results", "The validation loss begins to increase after 40 epochs.")
    assert (decision.own, decision.kind) == (False, "results")


def test_a_value_in_a_results_column_is_a_result() -> None:
    assert decide(None, "", column="Test").kind == "results"
    assert decide(None, "", column="Train error (%)").own is False
    assert decide(None, "", column="CIFAR-10").own is not False  # a settings table's column per dataset


def test_a_topic_section_with_a_plain_sentence_stays_stated() -> None:
    # the heading names a topic and the sentence says nothing against it: unsure, kept as stated
    assert found("## 3.2 Reducing gradient noise\n\nThe encoder has four layers.\n")["num_layers"] == [
        (4.0, "stated")
    ]
    assert decide("3.2 Reducing gradient noise", "The encoder has four layers.").own is None


def test_a_list_of_settings_gives_every_item() -> None:
    got = found(
        "## 5 Experiments\n\nHyper-parameters are set to M = 64, n_critic = 100, λ = 0.025, γ = 10.\n"
    )
    assert got["n_critic"] == [(100.0, "stated")]
    assert got["lambda"] == [(0.025, "stated")]
    assert got["gamma"] == [(10.0, "stated")]
    got = found("We set K = 5, τ = 0.3 and ρ = 0.7 for all runs.\n")
    assert (got["tau"], got["rho"]) == ([(0.3, "stated")], [(0.7, "stated")])


def test_a_chain_of_assignments_gives_each_symbol_the_value() -> None:
    got = found("Adam is run for 100 iterations with a step size α = 0.01 and decay rates β_1 = β_2 = 0.5.\n")
    assert got["beta1"] == [(0.5, "stated")]
    assert got["beta2"] == [(0.5, "stated")]


def test_values_with_units_are_read_in_seconds_and_hertz() -> None:
    got = found("Spectrograms were computed with a window size of 64 ms and a hop size of 32 ms.\n")
    assert got["window_size"] == [(0.064, "stated")]
    assert got["hop_size"] == [(0.032, "stated")]


def test_an_initial_distribution_gives_its_moments() -> None:
    got = found(
        "The weights were initialised by sampling values from a Gaussian distribution with 0 mean and 0.01 "
        "standard deviation.\n"
    )
    assert (got["init_mean"], got["init_std"]) == ([(0.0, "stated")], [(0.01, "stated")])
    got = found("All biases are initialized from a zero-mean Gaussian with standard deviation 0.1.\n")
    assert got["init_std"] == [(0.1, "stated")]
    got = found("Each component of the proposal was initialized with zero mean and unit variance.\n")
    assert got["init_variance"] == [(1.0, "stated")]
    # data drawn from a distribution is no initialisation
    assert "init_mean" not in found("The inputs are sampled from a Gaussian with zero mean and variance 2.\n")


def test_a_symbol_the_sentence_names_takes_that_name() -> None:
    # 'penalty' once made λ a weight decay; the sentence names it the gradient penalty coefficient
    for text in (
        "The gradient penalty coefficient is set to λ = 0.025.\n",
        "We use λ = 0.025, which is the gradient penalty coefficient.\n",
        "The gradient penalty coefficient λ is set to 0.025.\n",
    ):
        got = found(text)
        assert "weight_decay" not in got, text
        assert got.get("gradient_penalty_coefficient") == [(0.025, "stated")], text
    assert found("λ = 0.1 is the gradient penalty coefficient.\n")["gradient_penalty_coefficient"] == [
        (0.1, "stated")
    ]


def test_a_layers_width_and_an_audio_sample_rate() -> None:
    got = found("The critic is a 3-layer MLP with 10 hidden nodes per layer and ReLU activations.\n")
    assert (got["num_layers"], got["hidden_size"]) == ([(3.0, "stated")], [(10.0, "stated")])
    got = found(
        "The classifier has 2 dense hidden layers of 20 nodes, followed by an output layer of 5 nodes.\n"
    )
    assert got["hidden_size"] == [(20.0, "stated")]  # the output layer's 5 is the data's, not a width
    assert found("The tracks were downsampled to 16 kHz.\n")["sample_rate"] == [(16000.0, "stated")]


def test_a_momentum_of_one_is_no_setting() -> None:
    # "with momentum 1:" is an algorithm's numbered line run into its title
    got = found("Algorithm 1 Stochastic gradient descent with momentum 1: input: initial weights w.\n")
    assert {c for _v, c in got.get("momentum", [])} <= {"candidate"}
    assert found("We use SGD with momentum 0.9.\n")["momentum"] == [(0.9, "stated")]


def test_a_grid_after_in_and_a_value_after_to_be() -> None:
    got = found("We tested learning rates in {.005, .001, .0005} and selected the batch size to be 2500.\n")
    assert got["learning_rate"] == [([0.005, 0.001, 0.0005], "stated")]
    assert got["batch_size"] == [(2500.0, "stated")]


def test_a_mixtures_components_and_an_output_layers_width() -> None:
    got = found("The adversary models Z as a mixture of five Gaussians, with an output layer of 15 nodes.\n")
    assert got["mixture_components"] == [(5.0, "stated")]
    assert got["output_units"] == [(15.0, "stated")]
    assert "hidden_size" not in got


def test_an_appendix_after_the_references_is_read_when_its_heading_is_a_plain_line() -> None:
    refs = "## References\n\nKingma, D.; and Ba, J. 2015. Adam: A method for stochastic optimization.\n\n"
    got = found(refs + "Appendices\n\nTraining details. We train every model with a learning rate of 0.01.\n")
    assert got["learning_rate"] == [(0.01, "stated")]
    assert "optimizer" not in got  # the reference's title names no setting
    assert found(refs + "Appendices are in the supplement. We use a learning rate of 0.01.\n") == {}
