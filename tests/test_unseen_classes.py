"""Failure classes found on papers the scanners had never seen (a third unseen development set): settings
named by their own sentence ("confidence level δ = 0.2", "hyperparameter κ = 1", "σ = 0.15 fixed",
"OPTIMIST2 with κ = 2"), kernel sizes and strides, protocol settings (repeats, bootstrap resamples, split
sizes, sampled sets),
values that are no setting (results, cited work in one clause, examples, counterfactual protocols, formulas,
plot ticks, programme names with a year), captions floated into a related-work section, and two LaTeX-route
macros (\\@ and \\xspace). The sentences and snippets are written for these tests."""

from __future__ import annotations

from pathlib import Path

from hp_found import found

from tools.ingest.latex.document import convert_source
from tools.ingest.latex.macros import MacroTable


def _md(*paragraphs: str) -> str:
    return "## 5 Experiments\n\n" + "\n\n".join(paragraphs) + "\n"


# ------------------------------------------------------------------ symbols named by their own sentence


def test_a_two_word_name_right_before_a_symbol_names_it() -> None:
    got = found(
        _md("Every bandit algorithm is run with confidence level δ = 0.3 and mixing weight w = 0.25.")
    )
    assert got["confidence_level"] == [(0.3, "stated")]
    assert got["mixing_weight"] == [(0.25, "stated")]
    assert "error_rate" not in found(_md("The final model reaches an error rate ε = 0.04 on the test set."))


def test_a_greek_symbol_introduced_as_a_setting_is_stated_a_latin_one_when_set() -> None:
    got = found(_md("For the attack we use 200 restarts (with hyperparameter κ = 1), and we set C = 64."))
    assert got["kappa"] == [(1.0, "stated")]  # a value of 1 counts when introduced as a setting
    assert got["C"] == [(64.0, "stated")]  # the paper says it sets C: its value, by its letter
    got = found(_md("The attack uses C = 64."))
    assert got["c"] == [(64.0, "candidate")]  # a Latin letter no sentence says is set: a candidate
    got = found(_md("The policy is Gaussian with mean ξ learned and σ = 0.2 fixed."))
    assert got["sigma"] == [(0.2, "stated")]


def test_a_named_method_with_a_symbol_is_that_methods_configuration() -> None:
    got = found(_md("We compare SPLITTER3 with λ = 4 against two baselines."), context=True)
    assert got["lambda"] == [(4.0, "stated", "SPLITTER3")]


def test_an_unintroduced_one_is_still_no_setting() -> None:
    assert "x" not in found(_md("The map is the identity when x = 1 and shrinks otherwise."))


def test_the_size_of_a_named_thing_is_that_things_size() -> None:
    md = _md(
        "We always use a fixed batch-size n for the updates.",
        "Errors are measured on a held-out lattice of size n = 5000; each batch of size B = 32 is shuffled.",
    )
    got = found(md)
    assert got["lattice_size"] == [(5000.0, "candidate")]  # not the batch size n stands for elsewhere
    assert got["batch_size"] == [(32.0, "stated")]


def test_the_parameter_sigma_is_no_count_of_parameters() -> None:
    md = _md(
        "We constrain the search for the ρ parameter to a box around its start.",
        "The hyperpolicy keeps ρ = 0.35 fixed in all runs.",
    )
    got = found(md)
    assert got["rho"] == [(0.35, "stated")]
    assert "num_parameters" not in got


# ------------------------------------------------------------------ architecture and protocol settings


def test_a_square_filter_is_a_kernel_size_and_a_stride_is_read() -> None:
    got = found(
        _md("The encoder uses 48 and 96 channels with 7×7 filters, then 16 filter with size 3×3, stride 4.")
    )
    assert got["kernel_size"] == [("7×7", "stated"), ("3×3", "stated")]
    assert got["stride"] == [(4.0, "stated")]
    assert found(_md("A last layer has a stride of 2."))["stride"] == [(2.0, "stated")]
    assert (7.0, "stated") not in got.get("base_channels", [])  # the 7 of "7×7" is no channel count


def test_repeats_resamples_splits_and_sampled_sets() -> None:
    md = _md(
        "We divided the held-out data into 2 sets of sizes (4000, 6000) and drew, with replacement, a "
        "tuning set of 800 points.",
        "We repeated this whole protocol 40 times, and we repeat the resampling 2,000 times with 500 "
        "bootstrap resamples.",
    )
    got = found(md)
    assert got["split_sizes"] == [([4000.0, 6000.0], "stated")]
    assert got["tuning_set_size"] == [(800.0, "stated")]
    assert got["num_runs"] == [(40.0, "stated")]
    assert sorted(got["num_resamples"]) == [(500.0, "stated"), (2000.0, "stated")]


def test_generated_examples_and_a_horizon_are_read_interval_levels_are_candidates() -> None:
    got = found(_md("For every model we generate 300 adversarial examples; the horizon is limited to 50."))
    assert got["examples"] == [(300.0, "stated")]
    assert got["horizon"] == [(50.0, "stated")]
    got = found(_md("Regret curves show 80% confidence intervals (12 runs)."))
    assert got["confidence_level"] == [(0.8, "candidate")]  # how results are reported, not a setting


# ------------------------------------------------------------------ values that are no setting of the paper


def test_a_sentence_reporting_results_gives_candidates() -> None:
    md = _md(
        "The number of samples M sets the cost of one update.",
        "The sampler outperforms the exact solver for M = 300 and M = 3000 on all problems.",
        "With a batch size of 20 the squared error is 3.1 ± 0.4 times lower than with the baseline.",
    )
    got = found(md)
    assert got["samples"] == [(300.0, "candidate"), (3000.0, "candidate")]
    assert got["batch_size"] == [(20.0, "candidate")]
    # a sentence that also states the choice stays stated
    got = found(_md("We use a learning rate of 0.002, which outperforms 0.02 in early tests."))
    assert (0.002, "stated") in got["learning_rate"]


def test_a_clause_whose_subject_is_a_citation_gives_candidates() -> None:
    md = _md("Larger batches help, e.g. [smith2011] use a batch size of 64---our estimator needs far fewer.")
    assert found(md)["batch_size"] == [(64.0, "candidate")]
    md = _md("As in [smith2011], we use a batch size of 64.")
    assert found(md)["batch_size"] == [(64.0, "stated")]


def test_example_values_and_counterfactual_protocols_give_candidates() -> None:
    got = found(_md("In our model the penalty weight λ ≥ 0 is small; e.g., λ = 0.05 acts like a prior."))
    assert all(c == "candidate" for rows in got.values() for _, c in rows)
    md = _md("Another protocol would have been to split the data into two sets of size (500, 9500).")
    assert found(md)["split_sizes"] == [([500.0, 9500.0], "candidate")]
    md = _md("When using a constant step size of η = 1, the scheme reduces to the exact method.")
    assert found(md)["learning_rate"] == [(1.0, "candidate")]


def test_numbers_inside_formulas_are_no_values() -> None:
    got = found(_md("We set a = 1 - ι and b = 3 ι with ι small, and the step size η_t = 1t^a decays."))
    assert "b" not in got
    assert "learning_rate" not in got


def test_a_plot_tick_is_no_count_and_a_programme_year_is_no_setting() -> None:
    got = found(_md("Online solver 10−1 warmup 10−3 10−4 standard solver"))
    assert all(c == "candidate" for _, c in got.get("warmup_steps", []))
    got = found(_md("Funded by the European Union's Horizon 2020 research and innovation programme."))
    assert "horizon" not in got


def test_a_caption_floated_into_related_work_is_read() -> None:
    md = (
        "## 6 Related Work\n\nEarlier methods use 10 runs and a learning rate of 0.1 [smith2011].\n\n"
        "*Cumulative regret of the three samplers (25 runs, 95% c.i.).*\n\n## 7 Experiments\n\nText.\n"
    )
    got = found(md)
    assert got["num_runs"] == [(25.0, "stated")]
    assert "learning_rate" not in got  # the related work itself is still skipped


# ------------------------------------------------------------------ LaTeX route


def test_space_factor_and_xspace_in_a_macro_body(tmp_path: Path) -> None:
    t = MacroTable()
    t.collect(r"\DeclareRobustCommand{\meth}{SPLITTER\@\xspace}")
    out = t.expand(r"\meth{} and \meth2 run, like \meth.")
    assert "\\@" not in out and "SPLITTER 2 run" in out  # \xspace before a word is the space it stands for
    main = tmp_path / "main.tex"
    main.write_text(
        "\\documentclass{article}\\usepackage{xspace}\n"
        "\\DeclareRobustCommand{\\meth}{SPLITTER\\@\\xspace}\n\\begin{document}\n"
        "We compare \\meth with two baselines, and \\meth2 too.\n\\end{document}\n"
    )
    assert "We compare SPLITTER with two baselines, and SPLITTER 2 too." in convert_source(main).markdown


def test_results_reported_for_a_symbols_value_and_its_set_of_values() -> None:
    md = _md(
        "We report the main curves for τ = 10^-3; the other curves are given for τ ∈ {10^-4, 10^-3, 10^-2]}.",
        "Each worker updates player i ∈ {1, 2} in turn.",
    )
    got = found(md)
    assert got["tau"] == [(0.001, "stated"), ([0.0001, 0.001, 0.01], "stated")]
    assert "i" not in got  # an index set of small whole numbers is no sweep


def test_a_set_written_in_latex_keeps_its_braces() -> None:
    md = _md(r"All runs are reported for $\varrho \in \{ 10^{-3}, 10^{-2}\}$ in Figure 4.")
    assert found(md)["rho"] == [([0.001, 0.01], "stated")]


def test_a_way_it_can_be_done_and_another_methods_result_give_candidates() -> None:
    md = _md(
        "The relaxed problem is unconstrained and can be solved in terms of w using the RMSProp optimizer."
    )
    assert found(md)["optimizer"] == [("rmsprop", "candidate")]
    md = _md("Our estimate is sharper than the result obtained using SGD with kernel expansions [smith2011].")
    assert found(md)["optimizer"] == [("sgd", "candidate")]
    md = _md(
        "We minimise the loss, which can be solved using the RMSProp optimizer, with a learning rate of 0.01."
    )
    assert ("rmsprop", "stated") in found(md)["optimizer"]  # "we": the paper's own choice
