"""How a setting's name reaches its value: 'applied with probability', a tuple of symbols 'set to' a tuple,
'the optimizer used is', a spelled count right after its name, a number grouped by a space before what it
counts; and what does not reach it: a noun between ('epochs with mini-batches of 16'), a time for a count,
'non-linear', 'Algorithm 1 Mean field'. The sentences are written for these tests in the style of papers."""

from __future__ import annotations

from hp_found import found


def _one(md: str, key: str) -> list:
    return found("## 5 Experiments\n\n" + md + "\n").get(key, [])


def test_activation_words_that_name_none_or_another() -> None:
    assert _one("We use a network with rectified linear activation functions.", "activation") == [
        ("relu", "stated")
    ]
    assert _one("where g is a non-linear activation function.", "activation") == []
    assert _one("Each block ends in a piecewise linear activation.", "activation") == []
    assert _one("The last layer has a linear activation.", "activation") == [("linear", "stated")]


def test_a_probability_applied_with_its_name() -> None:
    assert _one("Dropout is applied with probability 0.1.", "dropout") == [(0.1, "stated")]
    assert _one("We apply dropout with a probability of 0.3 to all layers.", "dropout") == [(0.3, "stated")]
    # a rate 'with rate' after a verb that changes it is no value of the name
    assert _one("The learning rate is decayed with rate 0.5 every 10 epochs.", "learning_rate") == []


def test_a_tuple_of_symbols_set_to_a_tuple() -> None:
    md = "Moving average coefficients (β1, β2) of AdamW is set to (0.9, 0.999)."
    assert _one(md, "beta1") == [(0.9, "stated")] and _one(md, "beta2") == [(0.999, "stated")]


def test_the_optimizer_used_is() -> None:
    assert _one("The optimizer we used was Adam.", "optimizer") == [("adam", "stated")]


def test_a_spelled_count_right_after_its_name() -> None:
    assert _one("We fine-tune on a batch size of thirty-two.", "batch_size") == [(32.0, "stated")]
    assert _one("The number of hidden layers was set to three.", "num_layers") == [(3.0, "stated")]
    # words between the name and the number: the number counts something else
    md = "Thus one layer of our flow is a composition of two maps."
    assert (2.0, "stated") not in _one(md, "num_layers")
    assert _one("A batch size of one of the models is smaller.", "batch_size") == []


def test_a_value_of_a_noun_after_with_is_that_nouns() -> None:
    assert _one("We train for 100 epochs with mini-batches of 16 documents.", "epochs") == [(100.0, "stated")]
    # the name's own measure after 'with' is still the name's
    md = "Entropy regularization with a weight of .02 was used to encourage exploration."
    assert _one(md, "entropy_coefficient") == [(0.02, "stated")]


def test_a_count_grouped_by_a_space() -> None:
    assert _one("Networks are randomly initialized and trained for 2 500 epochs.", "epochs") == [
        (2500.0, "stated")
    ]


def test_a_time_is_no_count_of_steps() -> None:
    assert _one("The average runtime per iteration is 24 minutes for our method.", "training_steps") == []


def test_an_algorithm_number_before_mean_field_is_no_initial_mean() -> None:
    md = "Algorithm 1 Mean field variational inference 1: initialize E[θ], E[β] randomly 2: for each user do"
    assert _one(md, "init_mean") == []


def test_a_word_valued_setting_between_a_name_and_its_number_is_a_qualifier() -> None:
    md = "We set the learning rate of hidden activations to 0.1."
    assert _one(md, "learning_rate") == [(0.1, "stated")] and _one(md, "activation") == []
    # a name that takes numbers still claims the number after it
    assert _one("We set the learning rate warmup steps to 1000.", "learning_rate") == []
