"""Settings written the way papers outside the development set write them: Greek letters with their standard
meaning ("Q-learning ... parameters γ = 0.8, η = 0.05"), a name's head noun ("temperature parameter τ"), the
bounds of a run's phases ("from t = 0 up to t = 300"), and names that qualify a setting
("iterations per game")
(find_hyperparameters on Markdown; the sentences are written for these tests)."""

from __future__ import annotations

from hp_found import found

from tools.analysis.hyperparams import canonical_key, names_match


def _found(markdown: str) -> dict[str, list[tuple]]:
    return found(markdown)


def test_greek_letters_take_their_standard_meaning_when_the_sentence_supports_it() -> None:
    got = _found(
        "Our Q-learning agents were implemented with parameters γ = 0.9, η = 0.01 and a fixed seed.\n"
    )
    assert got["discount_factor"] == [(0.9, "stated")]
    assert got["learning_rate"] == [(0.01, "stated")]
    got = _found("Actions follow the Boltzmann policy; we use τ = 2.5 throughout.\n")
    assert got["temperature"] == [(2.5, "stated")]


def test_a_greek_letter_without_support_keeps_no_standard_meaning() -> None:
    got = _found("The image is blurred with parameters γ = 0.7, η = 0.3 before cropping.\n")
    assert "discount_factor" not in got and "learning_rate" not in got
    assert all(c == "candidate" for values in got.values() for _, c in values)


def test_a_name_with_a_generic_head_is_the_setting_it_qualifies() -> None:
    got = _found("Samples are drawn from the softmax with temperature parameter τ = 3.\n")
    assert got["temperature"] == [(3.0, "stated")]


def test_a_size_the_layers_have_is_the_hidden_size() -> None:
    assert _found("All hidden layers have size 256, and the output is linear.\n")["hidden_size"] == [
        (256.0, "stated")
    ]


def test_a_verb_before_parameters_names_no_setting() -> None:
    got = _found("The critic was trained with parameters ρ = 0.4, κ = 0.2 on every batch.\n")
    assert not any(k.startswith("trained") for k in got)


def test_bounds_of_a_run_phase_are_no_settings() -> None:
    md = (
        "The game is played over many time steps t.\n\n"
        "At the start (from t = 0 up to t = 250) the agents only explore.\n\n"
        "Between times t = 251 and t = 600 they follow the learned policy, from t = 601 to 900 they rest.\n"
    )
    values = [v for values in _found(md).values() for v, _ in values]
    assert not {250.0, 251.0, 600.0, 601.0, 900.0} & set(values)


def test_bounds_reached_in_a_run_are_candidates() -> None:
    got = _found(
        "The MCMC is run for k iterations.\n\n"
        "Most gains come in the first k = 50 iterations, but gains continue to k = 300.\n"
    )
    found = [pair for values in got.values() for pair in values]
    assert (50.0, "candidate") in found and (300.0, "candidate") in found
    assert not any(c == "stated" for _, c in found)


def test_names_that_qualify_a_setting_match_it() -> None:
    assert names_match("iterations", "iterations_per_game")
    assert names_match("iterations", "iterations_k")  # the bench also tries a label's last words
    assert names_match("temperature parameter", "temperature")
    assert not names_match("iterations", "games_per_iteration")
    # one name spelled with or without a plural or underscores (a table's 'Nminibatch', 'epoch (NN)')
    assert names_match("epoch_nn", "epochs_nn") and names_match("nminibatch", "n_minibatch")
    assert not names_match("epoch_nn", "epoch_ftq")
    assert canonical_key("top_k") == "top_k"  # an unknown head is left as it was
    assert canonical_key("tokens per batch") == "tokens_per_batch"


def test_keys_read_script_letters_and_keep_words_ending_in_s() -> None:
    from tools.analysis.hp_vocabulary import own_key, singular

    assert own_key("ℓ2 weight penalty") == "l2_weight_penalty"
    assert [singular(w) for w in ("layers", "basis", "bias", "radius", "loss")] == [
        "layer", "basis", "bias", "radius", "loss"
    ]
