"""Failure classes found on a third unseen development set, second round: a value's context (dataset, model
size) from its own clause; settings stated as a fixed symbol ("we fix a = 2"), a sampled count, a count of
arms, number words, "8D capsules", a schedule given as a formula; values that are no setting (how a problem
is solved, a plot's legend); a theorem-like head opening a sentence mid-line; a LaTeX \\tag holding a
reference. The sentences and snippets are written for these tests."""

from __future__ import annotations

from pathlib import Path

from hp_found import found

from tools.analysis.equations import find_all
from tools.ingest.latex.document import convert_source


def _md(*paragraphs: str) -> str:
    return "## 5 Experiments\n\n" + "\n\n".join(paragraphs) + "\n"


# ------------------------------------------------------------------ a value's context


def test_each_value_of_a_setting_carries_the_dataset_of_its_clause() -> None:
    got = found(
        _md(
            "For both datasets we use two convolutional layers (16 channels with 3 × 3 kernels for "
            "Fashion-MNIST, 48 channels with 5 × 5 kernels for SVHN), then a pooling layer."
        ),
        context=True,
    )
    assert got["kernel_size"] == [("3 × 3", "stated", "Fashion-MNIST"), ("5 × 5", "stated", "SVHN")]
    got = found(_md("On CIFAR-10 we use 3×3 kernels, on SVHN 5×5 kernels."), context=True)
    assert [v[2] for v in got["kernel_size"]] == ["CIFAR-10", "SVHN"]
    got = found(_md("For STL-10 we train 100K steps, and for ImageNet-64 we train 400K steps."), context=True)
    assert got["training_steps"] == [(100000.0, "stated", "STL-10"), (400000.0, "stated", "ImageNet-64")]


def test_a_model_size_is_a_context_and_two_datasets_are_none() -> None:
    got = found(_md("We use a learning rate of 0.01 for the large model."), context=True)
    assert got["learning_rate"] == [(0.01, "stated", "large model")]
    got = found(_md("For MNIST and SVHN we use a batch size of 64."), context=True)
    assert got["batch_size"] == [(64.0, "stated", None)]  # both datasets: no one of them


# ------------------------------------------------------------------ settings stated in other forms


def test_a_constant_the_paper_fixes_is_stated() -> None:
    got = found(_md("We fix a = 3 and c = 1 for the link function."))
    assert got["a"] == [(3.0, "stated")] and got["c"] == [(1.0, "stated")]
    assert found(_md("We set q = 0.2 in all experiments."))["q"] == [(0.2, "stated")]
    assert found(_md("We recommend to use ρ = 1 in practice."))["rho"] == [(1.0, "stated")]
    assert found(_md("We fix s = 256 as we vary the length."))["s"] == [(256.0, "stated")]  # fixed: its value
    assert "a" not in found(_md("To get the best rate we set a = 1 − ι, with ι small."))  # a formula


def test_counts_in_other_words() -> None:
    got = found(
        _md(
            "To estimate the error we sample m = 5000 points uniformly. The bandit runs on a grid of the "
            "action set (40 arms). We randomly split the test set into five parts. The last layer has "
            "12D capsules, one per class."
        )
    )
    assert got["points"] == [(5000.0, "stated")]
    assert got["num_arms"] == [(40.0, "stated")]
    assert got["num_splits"] == [(5.0, "stated")]
    assert got["capsule_dimension"] == [(12.0, "stated")]
    assert "num_splits" not in found(_md("Its mass is then split into two parts at the mode."))
    assert "data_dimension" not in found(_md("We test on synthetic 2D to 12D data."))


def test_a_schedule_given_as_a_formula_is_that_formula_never_one_of_its_numbers() -> None:
    md = _md(
        "We always use a batch size n for the updates.",
        "We use n(t) = 50(1+0.2t)^1/2, which grows slowly.",
    )
    got = found(md)
    assert got["batch_size_schedule"] == [("50(1+0.2t)^1/2", "candidate")]
    assert "batch_size" not in got


# ------------------------------------------------------------------ values that are no setting


def test_how_a_problem_is_solved_is_not_the_papers_optimizer() -> None:
    got = found(_md("The primal problem (4) is solved using SGD, with guarantees on the primal gap."))
    assert got["optimizer"] == [("sgd", "candidate")]
    got = found(_md("This estimates the plan online, which cannot be achieved using Adam."))
    assert got["optimizer"] == [("adam", "candidate")]
    assert found(_md("We train the network using Adam."))["optimizer"] == [("adam", "stated")]


def test_a_plots_legend_gives_candidates_only() -> None:
    md = (
        "## 5 Experiments\n\nWe always use a batch size n for the updates.\n\n"
        "Iterations 10 20 30\nkvar + . . .\nGreedy n = 300 Greedy n = 30\n2 × 10\nGreedy n = 3000\n"
        "Figure 2: Error against time.\n"
    )
    got = found(md)
    assert got["batch_size"] and all(conf == "candidate" for _v, conf in got["batch_size"])
    md = "## 5 Experiments\n\nWe always use a batch size n for the updates.\n\nIn all runs, n = 300.\n"
    assert found(md)["batch_size"] == [(300.0, "stated")]


# ------------------------------------------------------------------ theorem-like heads, LaTeX \tag


def _theorems(md: str) -> list[tuple[str, str | None, str]]:
    return [(t.kind, t.number, t.text[:12]) for t in find_all(md, {"theorem"})["theorems"]]


def test_a_head_opening_a_sentence_mid_line_is_a_statement() -> None:
    md = "The bound follows the argument in [7]. Lemma 4. Under Assumption 2, the map is a contraction.\n"
    assert _theorems(md) == [("lemma", "4", "Under Assump")]
    md = "We adapt it from [3], Lemma C.2. Proposition 5 (Rate). Let f be convex and smooth.\n"
    assert _theorems(md) == [("proposition", "5", "Let f be con")]


def test_a_reference_to_a_statement_is_no_head() -> None:
    for md in (
        "This is a corollary of Theorem 3.1. For large n the bound holds.\n",
        "By Lemma 2. the claim holds.\n",
        "Then Lemma 2 shows that the iterates converge. Theorem 1 gives the rate.\n",
        "It was shown in [4], Lemma B.7. We then use it twice.\n",
    ):
        assert _theorems(md) == [], md


def test_a_tag_holding_a_reference_prints_and_labels_nothing(tmp_path: Path) -> None:
    """'\\tag{by equation~\\eqref{eq:ab}}' justifies a step: the page prints it, but no one can cite it (the
    corpus ground truth does not count it either)."""
    main = tmp_path / "main.tex"
    main.write_text(
        "\\documentclass{article}\\usepackage{amsmath}\n\\begin{document}\n"
        "\\begin{equation} a \\leq b \\label{eq:ab} \\end{equation}\n"
        "\\begin{align*}\nx &\\leq a + 1 \\tag{by equation~\\eqref{eq:ab}}\\\\\n&\\leq b + 1\n\\end{align*}\n"
        "\\end{document}\n"
    )
    md = convert_source(main).markdown
    assert "(by equation (1))" in md
    found = find_all(md, {"numbered", "display"})
    assert [e.label for e in found["numbered"]] == ["1"]
    assert any(e.body.startswith("x &\\leq a + 1") for e in found["display"])


def test_layers_of_n_nodes_give_the_count_not_the_width() -> None:
    """'2 dense hidden layers of 20 nodes': two layers, each 20 wide; the 20 is never the number of layers."""
    from tools.analysis.hyperparams import find_hyperparameters

    for text, count in (
        ("The network comprises 2 dense hidden layers of 20 nodes with tanh activations.", "2"),
        ("The architecture of f comprises 3 hidden layers of 64 neurons each.", "3"),
    ):
        layers = [f.value for f in find_hyperparameters(text) if f.key == "num_layers"]
        assert layers == [count], (text, layers)
