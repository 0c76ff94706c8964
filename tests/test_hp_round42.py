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
        "The decoder is trained subject to an unweighted binary cross-entropy loss.": "binary cross-entropy",
        "We minimise the multi-class cross entropy loss function.": "cross entropy",
        "The tagger is optimised using a masked MSE loss.": "mse",
        "Mean absolute error (MAE) loss is then used as the loss function.": "mean absolute error",
        "Both heads are implemented using MSE as loss function.": "mse",
        "For pre-training we used softmax loss.": "softmax",
        "We adopt a standard RMSE loss for the ratings.": "rmse",
    }
    for text, value in cases.items():
        assert [v.lower() for v, _ in found(text)["loss"]] == [value], text
    assert "loss" not in found("We report RMSE as the evaluation metric, and apply a softmax to the logits.")


def test_an_activation_named_as_one_without_an_article():
    assert found("Each block embraces SELU as activations.")["activation"] == [("selu", "stated")]
    got = found("A Parametric Rectified Linear Unit (PReLU) is then used as the activation function.")
    assert got["activation"] == [("prelu", "stated")]
    assert found("We add a tanh non linearity after the first layer.")["activation"] == [("tanh", "stated")]
