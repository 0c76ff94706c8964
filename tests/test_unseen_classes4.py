"""Failure classes found on the seventh round's development papers (the last round's held-out set, now
spent): a learning rate decayed at a fixed period ("multiplied by 0.85 for every 5000 steps", "halved every
10 epochs"), a setting named by one head word before its symbol ("with bandwidth b = 64", "the temperature
is set at T = 1000") and the values a search settled on ("the best values are M = 300 and K = 7"). The
sentences are written for these tests."""

from __future__ import annotations

import pytest
from hp_found import found


def _md(*paragraphs: str) -> str:
    return "## 5 Experiments\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.mark.parametrize(
    ("sentence", "factor", "key", "period"),
    [
        ("The learning rate is multiplied by 0.85 for every 5000 steps.", 0.85, "lr_decay_steps", 5000),
        ("We decay the learning rate by a factor of 0.5 every 20k iterations.", 0.5, "lr_decay_steps", 20000),
        ("The learning rate is halved every 10 epochs.", 0.5, "lr_decay_epochs", 10),
        ("The learning rate is divided by 10 every 30 epochs.", 0.1, "lr_decay_epochs", 30),
        ("The learning rate is multiplied by 0.95 after each epoch.", 0.95, "lr_decay_epochs", 1),
    ],
)
def test_a_decay_at_a_fixed_period_gives_its_factor_and_period(sentence, factor, key, period):
    got = found(_md(sentence))
    assert got["lr_decay"] == [(factor, "stated")]
    assert got[key] == [(float(period), "stated")]


def test_a_periodic_scaling_of_something_else_is_no_decay():
    got = found(_md("The target network weights are scaled by 2 every 100 steps."))
    assert "lr_decay" not in got and "lr_decay_steps" not in got


def test_an_active_step_decay_at_milestones():
    got = found(_md("We divide the learning rate by 10 at epochs 30 and 60."))
    assert got["lr_decay"] == [(0.1, "stated")]
    assert got["lr_milestones"] == [([30.0, 60.0], "stated")]


@pytest.mark.parametrize(
    ("sentence", "key", "value"),
    [
        ("We use an equiangular sampling with bandwidth $b = 64$ on the sphere.", "bandwidth", 64.0),
        ("The temperature is set at $T = 1000$ for all runs.", "temperature", 1000.0),
        ("We set the tolerance $\\epsilon = 0.005$ to control the test error.", "tolerance", 0.005),
    ],
)
def test_a_head_word_alone_before_a_symbol_names_it(sentence, key, value):
    assert found(_md(sentence))[key] == [(value, "stated")]


def test_the_values_a_search_settled_on_are_settings():
    got = found(_md("We tuned both on the validation set. The best values are $M = 300$ and $K = 7$."))
    assert got["M"] == [(300.0, "stated")] and got["K"] == [(7.0, "stated")]
    got = found(_md("The values are $M = 300$ and $K = 7$ in this example."))
    assert all(conf == "candidate" for values in got.values() for _, conf in values)


def test_the_size_of_a_layer_is_no_count_of_layers():
    got = found(_md("The dimensionality of the hidden layer is set to 512."))
    assert got["hidden_size"] == [(512.0, "stated")] and "num_layers" not in got
    assert found(_md("The number of hidden layers is 3."))["num_layers"] == [(3.0, "stated")]
    assert "num_layers" not in found(_md("We think the two 4096 fully connected layers harm the features."))


def test_values_of_what_a_phrase_opens_with_are_not_the_counted_things():
    got = found(_md("The estimated noise levels of the R, G, and B channels are 16.8, 17.0, and 16.6."))
    assert not any(key.endswith("channels") for key in got)


@pytest.mark.parametrize(
    "sentence",
    [
        "We shift the image with a step size of 4 pixels in both directions.",
        "Poses range from -90 to +90 degrees with a step size of 5.625°.",
    ],
)
def test_a_step_size_in_pixels_or_degrees_is_no_learning_rate(sentence):
    assert "learning_rate" not in found(_md(sentence))
    assert found(_md("We use SGD with a step size of 0.01."))["learning_rate"] == [(0.01, "stated")]


def test_a_value_alone_in_brackets_after_its_name():
    got = found(_md("We train a model with a discount factor (0.98) and one with a discount factor (0.99)."))
    assert got["discount_factor"] == [(0.98, "stated"), (0.99, "stated")]
    got = found(_md("We refer to the smooth filters (2) as Smooth and to the filters (7) as Spline."))
    assert not got  # a whole number in brackets cites an equation, or describes
    assert not found(_md("For a fixed timestep (2500) we collect several rollouts of a task."))


@pytest.mark.parametrize(
    ("sentence", "key", "value"),
    [
        ("All images are first normalized by resizing to 512x512.", "image_size", "512x512"),
        ("Images are randomly cropped to 224 × 224.", "crop_size", "224 × 224"),
        ("At the first step, we use a 448x448 crop.", "crop_size", "448x448"),
        ("At every step we crop a 8x8 patch around the sampled location.", "patch_size", "8x8"),
    ],
)
def test_sizes_an_image_is_resized_or_cropped_to(sentence, key, value):
    assert found(_md(sentence))[key] == [(value, "stated")]


def test_a_size_written_with_times_equals_its_two_numbers():
    from tools.analysis.hyperparams import values_match

    assert values_match("448 × 448", [448, 448]) and values_match("8$\\times$8", "8x8")
    assert not values_match("448 × 448", [224, 224]) and not values_match("3 × 5", "5 × 5")


def test_values_paired_with_names_respectively():
    got = found(_md("We set the batch size and the learning rate to 64 and 0.001, respectively."))
    assert got["batch_size"] == [(64.0, "stated")] and got["learning_rate"] == [(0.001, "stated")]


def test_one_setting_with_a_value_per_thing_respectively():
    got = found(_md("For WNNM and MC-WNNM, the initial penalty parameter is set as $\\rho_0 = 10$ and "
                    "$\\rho_0 = 3$, respectively."))
    assert got["initial_penalty_parameter"] == [(10.0, "stated"), (3.0, "stated")]
    got = found(_md("The learning rates of the generator and the critic are 1e-4 and 4e-4, respectively."))
    assert got["learning_rate"] == [(0.0001, "stated"), (0.0004, "stated")]


def test_a_respectively_list_of_measured_levels_is_no_setting():
    got = found(_md("The noise levels of the R, G, and B channels are 16.8, 17.0, and 16.6, respectively."))
    assert not any("channels" in key for key in got)


def test_an_average_a_run_reached_is_a_candidate_but_a_moving_average_is_a_setting():
    got = found(_md("With an initial size of 100, we reach an average minibatch size of 393."))
    assert got["batch_size"] == [(393.0, "candidate")]
    got = found(_md("The smoothing factor of the exponential moving average is 0.8."))
    assert got["ema_rate"] == [(0.8, "stated")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The tasks simulate the robot's 7-DOF robotic arm.",  # the arm's degrees of freedom
        "In all cases, we set $Q = 0.4 |D|$ for the neighbours.",  # a share of a set's size
        "We fix $D = 2 . 103$ points.",  # 2 · 10^3 with its superscript lost
    ],
)
def test_values_that_are_formulas_or_properties_are_not_read(sentence):
    """Held-out classes of the seventh round, fixed after measuring."""
    assert not {k: v for k, v in found(_md(sentence)).items() if any(c == "stated" for _, c in v)}


def test_a_verb_before_parameters_names_nothing_and_a_sequence_size_is_its_length():
    """Classes from the twelfth round's held-out papers."""
    got = found("# Experiments\n\nWe increase sizes geometrically and use parameters p = 2 in all runs.\n")
    assert "use" not in got
    got = found("# Experiments\n\nWe trained the model with a max sequence size of 256 tokens.\n")
    assert got["sequence_length"] == [(256.0, "stated")]


def test_an_effective_batch_size_reached_by_accumulating_gradients_is_a_setting():
    got = found(
        "# Experiments\n\nWe used a batch size of 4 and accumulated gradients for eight steps to have an "
        "effective batch size of 32. The average minibatch size of 393 was reached.\n"
    )
    assert got["effective_batch_size"] == [(32.0, "stated")]
    assert got["batch_size"] == [(4.0, "stated"), (393.0, "candidate")]


def test_shares_of_the_data_set_apart_for_training_validation_and_testing():
    got = found(
        "# Experiments\n\nIn each run we separated 80% of the dataset for training, 10% for validation, and "
        "evaluated on the remaining 10% test set.\n\nThe new loss improves accuracy by 10% for training.\n"
    )
    assert got["train_split"] == [(0.8, "stated")]
    assert got["validation_split"] == [(0.1, "stated")] and got["test_split"] == [(0.1, "stated")]
    assert len(got) == 3  # a gain for training is no share of the data


def test_the_kernel_a_method_uses_is_a_setting_unless_the_sentence_speaks_of_common_practice():
    got = found("# Experiments\n\nWe fit a Gaussian process regression model with an RBF kernel.\n")
    assert got["kernel"] == [("rbf", "stated")]
    got = found("# Method\n\nIt is common to use a Gaussian kernel and set the weights from distances.\n")
    assert got["kernel"] == [("gaussian", "candidate")]
    assert found("# Method\n\nThe Gaussian kernel is universal on compact sets.\n") == {}


def test_a_learning_rate_decayed_towards_a_minimum():
    got = found("# Experiments\n\nThe learning rate decayed linearly towards a minimum of 10^-6.\n")
    assert got["min_learning_rate"] == [(1e-6, "stated")] and "training_steps" not in got
