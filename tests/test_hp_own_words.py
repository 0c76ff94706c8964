"""Settings the vocabulary has no name for, read in the paper's own words (hp_own_words): always candidates,
named by the phrase that frames the number, and never a number that names no setting. The sentences are
written for these tests in the style of papers."""

from __future__ import annotations

from tools.analysis.hp_own_words import DOUBT
from tools.analysis.hyperparams import find_hyperparameters


def own(markdown: str) -> dict[str, list]:
    """key -> values of the own-word candidates of a text."""
    out: dict[str, list] = {}
    for h in find_hyperparameters(markdown):
        if h.doubt == DOUBT:
            assert h.confidence == "candidate", h
            out.setdefault(h.key, []).append(h.value_normalized)
    return out


def _setup(text: str) -> str:
    return "## 5 Experiments\n\n" + text + "\n"


def test_each_frame_names_its_number_with_the_papers_phrase() -> None:
    got = own(
        _setup(
            "We set the dimension d of the weight matrices to 250. Each instance holds I = 3 clusters. "
            "The curve uses a smoothing power of 0.8. We collect 10 rollouts for each update."
        )
    )
    assert got == {"dimension_d": [250.0], "clusters_i": [3.0], "smoothing_power": [0.8], "rollouts": [10.0]}


def test_a_number_a_named_reading_took_is_not_read_again() -> None:
    got = find_hyperparameters(_setup("We use a batch size of 64 and a window of 64 ms with 8 heads."))
    assert [h for h in got if h.doubt == DOUBT] == []
    assert {h.key for h in got} >= {"batch_size", "num_heads"}


def test_a_phrase_the_vocabulary_knows_is_left_to_the_named_readings() -> None:
    # "at least 500 epochs" is a bound the named readings decline; the phrase is theirs, so no candidate
    assert own(_setup("We train for at least 500 epochs.")) == {}


def test_references_citations_spreads_products_and_years_are_no_settings() -> None:
    text = (
        "As Tables 5 and 6 show, the sampler mixes. Smith et al. use 1000 particles. "
        "The robot caused 1058 ± 113 collisions. The simulation yields 4 · 105 trajectories. "
        "The split of 50:50 rollouts is standard. Released in 2019 rollouts were few."
    )
    assert own(_setup(text)) == {}


def test_indices_ranges_and_formulas_are_no_settings() -> None:
    text = (
        "For i = 1 the chain starts. The update sets x_i = 0.5 for every input. "
        "From t = 0 up to t = 250 the agents explore. The maps hold n = 4 b^2 cells. "
        "A budget of W · S = 600 is shared."
    )
    assert own(_setup(text)) == {}


def test_the_data_measurements_and_names_are_no_settings() -> None:
    text = (
        "The corpus has 51 relations and 50k entity tuples. The accuracy of our model is 93.5. "
        "The method needs an average of 3.6 glimpses. Mode 1 starts the agent at level 5. "
        "Our 24 convolutional networks outperform the baseline."
    )
    assert own(_setup(text)) == {}


def test_theory_and_others_work_give_no_own_word_candidates() -> None:
    assert own("## 3 Analysis\n\nIn this section, we prove the bound holds for 12 rounds.\n") == {}
    assert own("## 2 Related Work\n\nEarlier samplers kept 12 chains.\n") == {}


def test_a_candidate_carries_its_sentence_and_why_it_is_one() -> None:
    (h,) = [h for h in find_hyperparameters(_setup("We keep 12 elite rollouts.")) if h.doubt == DOUBT]
    assert (h.name, h.value, h.confidence) == ("elite rollouts", "12", "candidate")
    assert h.quote == "We keep 12 elite rollouts." and "confirm" in h.doubt


def test_acronyms_periods_and_passive_settings() -> None:
    got = own(
        _setup(
            "We use a VLT of 5 in all runs. "
            "We keep only every 10th time step of each game. The initial state was simply set to be 3."
        )
    )
    assert got == {"vlt": [5.0], "time_step_interval": [10.0], "initial_state": [3.0]}
    got = own(_setup("Constant β is chosen to be 5. K was fixed at 10 for all runs."))
    assert got == {"beta": [5.0], "k": [10.0]}
    assert own(_setup("The RMSE of our model is 17.5. For L = 3 to R we stop.")) == {}


def test_a_known_name_that_only_qualifies_a_noun_is_that_nouns_count() -> None:
    """'with 5 seed episodes' was read as the random seed 5: the count is the episodes'."""
    got = find_hyperparameters(_setup("We start with 5 seed episodes with random actions."))
    assert [(h.key, h.value, h.confidence) for h in got] == [("seed_episodes", "5", "candidate")]


def test_a_choice_in_words_is_what_the_paper_uses_it_as() -> None:
    got = own(
        _setup(
            "We use random flips and cropping as data augmentation. We use BM25 as the ranking function "
            "and the engine. We use the same optimizer as the baseline. We use this as a starting point. "
            "Using histograms as features gives a gain. For RANDBET, we use λ = 1 and start injecting errors."
        )
    )
    assert got == {
        "data_augmentation": [["random flips", "cropping"]],
        "ranking_function": ["bm25"],
        "lambda": [1.0],
    }


def test_a_verb_or_a_modal_after_the_phrase_names_no_setting() -> None:
    got = own(
        "## 5 Experiments\nAgain, this metric will equal 0 only if the two classifiers are the same. "
        "The generator with γ = 0.5 serves as our baseline. We use I = 3 clusters.\n"
    )
    assert "metric_will" not in got and "serves_gamma" not in got
    assert got.get("clusters_i") == [3.0]


def test_a_part_of_the_paper_used_as_something_is_no_value() -> None:
    got = own(
        "## 5 Experiments\nWe use Algorithm 1 as a template. We use random crops as data augmentation.\n"
    )
    assert "template" not in got
    assert got.get("data_augmentation") == ["random crops"]


def test_a_clause_word_ends_a_phrase_and_of_names_the_head_before_it() -> None:
    got = own(_setup("All convolutional layers have 32 kernels unless stated otherwise."))
    assert got == {"kernels": [32.0]}
    got = own(_setup("The smoothing power of the curves is set to 0.8."))
    assert got == {"smoothing_power": [0.8]}


def test_two_symbols_set_in_one_breath_are_two_candidates_and_a_power_is_whole() -> None:
    """'τ = 10^-8 and ζ = 0.3' sets two symbols (no range 't = 1 and t = 5'); the power is read whole, never
    its base alone."""
    got = own(_setup("In the last run we found that τ = 10^-8 and ζ = 0.3 worked best."))
    assert got == {"tau": [1e-08], "zeta": [0.3]}
    assert own(_setup("The error stays flat between t = 251 and t = 600.")) == {}
