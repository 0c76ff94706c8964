"""grep_equations on converted corpus papers (against their ground truth) and on hand-written Markdown of both
routes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tools.analysis.equations import MAX_ITEMS, find_all, grep_equations
from tools.ingest.paper import pdf_to_markdown


def converted(tmp_root: Path, corpus_dir: Path, name: str) -> str:
    shutil.copyfile(corpus_dir / name / "paper.pdf", tmp_root / f"{name}.pdf")
    return pdf_to_markdown(f"{name}.pdf").markdown_path


def gt(corpus_dir: Path, name: str) -> dict:
    return json.loads((corpus_dir / name / "groundtruth.json").read_text())


def test_numbered_equations_match_ground_truth(tmp_root, corpus_dir):
    r = grep_equations(converted(tmp_root, corpus_dir, "iddpm"))
    want = gt(corpus_dir, "iddpm")["equation_labels"]
    got = [e.label for e in r.numbered]
    assert len(set(got) & set(want)) >= 0.95 * len(want)
    assert set(got) <= set(want)  # no citation year, page number or prose reference taken for a label
    assert r.route == "pdf"
    for e in r.numbered:
        assert e.page and 2 <= e.page <= 17 and e.section and e.body and not e.latex
    lines = Path(r.markdown_path).read_text().split("\n")
    for e in r.numbered:
        assert lines[e.line - 1].rstrip().endswith(f"({e.label})")


@pytest.mark.parametrize("name", ["plrnn", "nfp"])
def test_algorithm_captions_and_steps(tmp_root, corpus_dir, name):
    r = grep_equations(converted(tmp_root, corpus_dir, name), kinds=["algorithm"])
    assert r.counts == {"algorithm": len(r.algorithms)}
    want = gt(corpus_dir, name)["algorithms"]
    assert len(r.algorithms) == len(want)
    for w in want:
        first = " ".join(w["caption"].lower().split()[:4])
        hit = [a for a in r.algorithms if first in a.caption.lower()]
        assert hit, (first, [a.caption for a in r.algorithms])
        assert len(hit[0].steps) >= 0.8 * w["lines"] and hit[0].page  # wrapped steps are joined, not cut


def test_hyperparameters_come_from_the_shared_finder(tmp_root, corpus_dir):
    from tools.analysis.hyperparams import find_hyperparameters

    md = converted(tmp_root, corpus_dir, "iddpm")
    r = grep_equations(md, kinds=["hyperparameter"])
    direct = find_hyperparameters(Path(md).read_text())
    assert r.counts["hyperparameter"] == len(direct) > 0
    assert all(h.page for h in r.hyperparameters)


PROSE = """<!-- page 1 -->
# A Paper
## 1 Introduction
As shown by Smith et al. (2019), results in Eq. (3) and equation (4) hold, see also Vaswani et al. (2017).
Journal of Things 79(3): 1-10, 2020.
12
## 2 Method
The loss is
L(θ) = E[‖x − f(x)‖2] + λ R(θ) (1)
<!-- page 2 -->
and the update
θt+1 = θt − η ∇L(θt)
**Algorithm 1** Training with noise
1: Input: data D, learning rate η
2: for t = 1 to T do
3: θ ← θ − η∇L
4: end for

**Theorem 3.1** (Convergence). If η ≤ 1/L then the iterates converge.
**Lemma C.2**. The gradient is bounded.
**Definition 2**. A model is a function.
Assumption 1. The data are i.i.d.
Condition 2 (Set complexity). There exists a set of bounded size.
The encoder has 6 layers with multi-head attention and residual connections.
"""


def test_pdf_route_labels_whatever_the_maths_glyphs(tmp_root):
    """Labels after maths whose signs did not come through ('=' as '“'), a display opening with a bar, and
    no \\tag read into a function's argument '(x)', '(otj)' (a fraction's row of arguments) or a table's
    '(0.2)'."""
    (tmp_root / "p.md").write_text(
        "# 1 Model\n"
        "LSpA, B, Cq “ 1 ℓ RNN ´xpiq , ypiq , (3.2)\n"
        "|CAjB ´ CˆAˆjBˆ| ď ϵ, @j P t0, 1, . . . , q ´ 1u . (3.5)\n"
        "| a | b |\n"
        "∂y ∂expKo (z) ∂f(˜x) ∂ logKo (x)\n"
        "√ni:j (otj) √ni:j (otj)\n"
        "R(o) ← R(o) + 1/√n (ot)\n"
        "ResNet 93.1 94.2 95.0 (0.2)\n"
        "D(p‖q) = E log p/q, (KL)\n"
        "We train the model for a while and then stop it, as the figure shows (3)\n"
    )
    r = grep_equations("p.md", kinds=["numbered"])
    assert [e.label for e in r.numbered] == ["3.2", "3.5", "KL"]


def test_tag_of_a_reference_and_rows_of_unmapped_maths(tmp_root):
    """'(3.4 revisited)' (\\tag{\\ref{x} revisited}) is a label after a display, not after prose; a display
    whose signs print as glyphs of another font ('=' '“', '≥' 'ě', max(x) 'maxpxq') keeps its label even with
    many numbers or words like 'maxp' in it."""
    (tmp_root / "p.md").write_text(
        "# 3 Loss\n"
        "LpA, B, Cq “ CAjB ´ CˆAˆjBˆ . (3.4 revisited)\n"
        "i M “ maxp|wi|q ` M21 ϵ1.5 ě maxp|wi|q ` }C}}B} ě maxp|wi|q ` |CB|, i i i (C.60)\n"
        "˙ 1.5 1 1 1.5 1 M˜2ϵ ln ˆ 0.5 ď M˜2ϵ ϵ´0.5 “ (M˜2)/(2w0) ϵ. 2w0 ϵ 2w0 (C.97)\n"
        "We ran the same schedule again for the smaller model and it converged (2 times)\n"
        "ResNet 93.1 94.2 95.0 96.1 (12)\n"
    )
    r = grep_equations("p.md", kinds=["numbered"])
    assert [e.label for e in r.numbered] == ["3.4 revisited", "C.60", "C.97"]


def test_algorithm2e_comment_lines_are_steps(tmp_root):
    """algorithm2e sets a comment right of its line as '// ...': such a line is a step, however long."""
    (tmp_root / "p.md").write_text(
        "**Algorithm 1** Forward-backward splitting.\n"
        "Input : A, b and x are shared variables, p agents, K > 0.\n"
        "foward(x) := x − η ∇x ∑mi=1 log(1 + e−bi·aTi x) // forward operator of the logistic loss,"
        " a gradient step\n"
        "backward(x) := proxηλ∥·∥1(x) // backward operator\n"
        "while each of the p agents continuously do\n"
        "\n"
        "The snippet of code shown in Listing 1 implements Algorithm 1 with the package, line by line.\n"
    )
    r = grep_equations("p.md", kinds=["algorithm"])
    assert len(r.algorithms[0].steps) == 4
    assert r.algorithms[0].steps[1].startswith("foward(x)")


def test_kinds_on_pdf_route_markdown(tmp_root):
    (tmp_root / "p.md").write_text(PROSE)
    r = grep_equations("p.md")
    assert [(e.label, e.page, e.section) for e in r.numbered] == [("1", 1, "2 Method")]
    assert r.numbered[0].body.startswith("L(θ) = E[")
    assert [e.body for e in r.display] == ["θt+1 = θt − η ∇L(θt)"] and r.display[0].page == 2
    (alg,) = r.algorithms
    assert (alg.number, alg.caption, len(alg.steps)) == ("1", "Training with noise", 4)
    got = [(t.kind, t.number, t.title) for t in r.theorems]
    assert got == [("theorem", "3.1", "Convergence"), ("lemma", "C.2", None), ("definition", "2", None),
                   ("assumption", "1", None), ("condition", "2", "Set complexity")]
    assert any("attention" in a.keywords and "layers" in a.keywords for a in r.architecture)
    only = grep_equations("p.md", kinds=["numbered"])
    assert set(only.counts) == {"numbered"} and not only.algorithms


def test_latex_route_markdown(tmp_root):
    (tmp_root / "l.md").write_text(
        "## 3 Method\n$$ \\mathcal{L} = \\mathbb{E}\\left[\\|x - f(x)\\|^2\\right] $$ (12)\n"
        "$$ y = Wx + b $$\nText citing (2017) and Eq. (12).\n"
    )
    r = grep_equations("l.md")
    assert r.route == "latex"
    assert [(e.label, e.latex, e.page) for e in r.numbered] == [("12", True, None)]
    assert r.numbered[0].body == "\\mathcal{L} = \\mathbb{E}\\left[\\|x - f(x)\\|^2\\right]"
    assert [e.body for e in r.display] == ["y = Wx + b"]
    assert "(12) line 2: \\mathcal{L}" in r.summary_text() and "None" not in r.summary_text()


def test_huge_input_is_capped(tmp_root):
    eqs = "\n".join(f"x_{i} = y + {i} ({i})" for i in range(1, 901))  # 4-digit '(2017)' reads as a year
    (tmp_root / "big.md").write_text("<!-- page 1 -->\n" + eqs + "\n")
    r = grep_equations("big.md", kinds=["numbered"])
    assert r.counts["numbered"] == 900
    assert len(r.numbered) <= MAX_ITEMS and r.truncated["numbered"] == 900 - len(r.numbered)
    assert len(r.model_dump_json()) < 100_000



def test_a_capped_reply_keeps_the_stated_hyperparameters(tmp_root):
    """Candidates interleaved with stated values: a reply cut to its size limit drops candidates first."""
    rows = []
    for i in range(1, 151):
        rows.append(f"We collect {i + 1000} rollouts for worker {i} in the long run of this experiment.")
        rows.append(f"Worker {i} uses a learning rate of {i / 10000:.4f} in the long run of this experiment.")
    (tmp_root / "hp.md").write_text("## 5 Experiments\n\n" + "\n\n".join(rows) + "\n")
    r = grep_equations("hp.md", kinds=["hyperparameter"])
    stated = [h for h in r.hyperparameters if h.confidence == "stated"]
    assert r.truncated.get("hyperparameter") and len(stated) == 150

@pytest.mark.parametrize("name", ["synth2col", "synth1col"])
def test_synthetic_latex_papers(tmp_root, name):
    """PDFs built by bench/synthetic_papers.py: theorem-like statements, \\tag and section-numbered labels."""
    paper = Path(__file__).resolve().parent.parent / "bench" / "papers" / name
    truth = json.loads((paper / "groundtruth.json").read_text())
    shutil.copyfile(paper / "paper.pdf", tmp_root / "p.pdf")
    r = grep_equations(pdf_to_markdown("p.pdf").markdown_path)
    assert [(t.kind, bool(t.text)) for t in r.theorems] == [(t["env"], True) for t in truth["theorems"]]
    want = [lab.replace("$\\star$", "⋆") for lab in truth["equation_labels"]]
    assert [e.label for e in r.numbered] == want
    assert [a.caption for a in r.algorithms] == [a["caption"] for a in truth["algorithms"]]


def test_unnumbered_align_rows_on_pdf_route(tmp_root, corpus_dir):
    """plrnn has no numbered equations; its backpropagation align* (page 3) has six rows of fractions."""
    r = grep_equations(converted(tmp_root, corpus_dir, "plrnn"), kinds=["numbered", "display"])
    assert r.numbered == []
    rows = [e for e in r.display if e.page == 3 and "∇" in e.body]
    assert len(rows) == 6
    assert all("=" in e.body for e in rows)
    assert sum("∂" in e.body for e in rows) >= 5  # the fractions' parts joined into their rows
    assert not any("@" in e.body or "Berkeley" in e.body for e in r.display)


# \tag symbols as the PDF prints them (bench/extraction.py maps every one through latex2text)
_TAG_PRINTED = {"$\\star$": "⋆", "$\\dagger$": "†", "$\\ddagger$": "‡"}


@pytest.mark.parametrize("name", ["hand1col", "hand2col", "hand3times", "hand4mixed"])
def test_hand_written_latex_papers(tmp_root, name):
    """pdflatex papers of bench/papers (ORIGIN.md says what each exercises): every printed label, multline and
    dropped labels included, exactly once; theorem-like statements by their heads' font, remarks included, and
    no prose sentence that merely names a theorem."""
    paper = Path(__file__).resolve().parent.parent / "bench" / "papers" / name
    truth = json.loads((paper / "groundtruth.json").read_text())
    shutil.copyfile(paper / "paper.pdf", tmp_root / "p.pdf")
    r = grep_equations(pdf_to_markdown("p.pdf").markdown_path)
    assert [e.label for e in r.numbered] == [_TAG_PRINTED.get(x, x) for x in truth["equation_labels"]]
    assert [t.kind for t in r.theorems] == [t["env"] for t in truth["theorems"]]
    assert not any(t.text.startswith("needs") or "needs" in t.text[:20] for t in r.theorems)
    assert [a.caption for a in r.algorithms] == [a["caption"] for a in truth["algorithms"]]
    empty = [e["label"] for e in truth["equations"] if not e["tex"].strip()]  # align's final '\\' row
    for e in r.numbered:  # every body holds a relation: no label attached to a lone fraction piece
        assert any(c in e.body for c in "=≥≈←") or (not e.body and e.label in empty), (e.label, e.body)


def test_maths_fonts_without_a_faithful_map(tmp_root):
    """hand5fonts: maths letters mapped to U+1D44E.. (two UTF-16 units each) and relation signs to unrelated
    characters ('=' prints '“'). Every label is still found, in the text font after maths-font runs, also one
    with a star printed after it; no display line becomes a table row; theorem heads keep their bold font;
    maths letters read plain."""
    paper = Path(__file__).resolve().parent.parent / "bench" / "papers" / "hand5fonts"
    truth = json.loads((paper / "groundtruth.json").read_text())
    shutil.copyfile(paper / "paper.pdf", tmp_root / "p.pdf")
    md = pdf_to_markdown("p.pdf").markdown_path
    text = Path(md).read_text()
    r = grep_equations(md)
    assert [e.label for e in r.numbered] == truth["equation_labels"]
    assert [t.kind for t in r.theorems] == [t["env"] for t in truth["theorems"]]
    assert [t.title for t in r.theorems if t.title] == ["Balancedness", "Balance is kept"]
    assert not any(ln.startswith("|") and ln.endswith("|") for ln in text.split("\n"))
    assert not any(0x1D400 <= ord(c) <= 0x1D7FF for c in text)
    assert "(2.2)\n" in text and "⋆" not in r.numbered[-1].body  # the star printed after a label is dropped
    first = r.numbered[0].body
    assert "Ast" in first and "Cst" in first and "“" in first  # the letters plain, the broken '=' as printed


def test_algorithm_boxes_beside_text(tmp_root):
    """hand6algo: algorithm* across two columns, an algorithm2e box with unnumbered lines and a wrapped
    caption, and a box in a minipage beside prose. Every caption whole, every line of each box a step, no
    prose mixed in, and a superscript opening a glyph run stays on its line ('v∗ ← ∞')."""
    paper = Path(__file__).resolve().parent.parent / "bench" / "papers" / "hand6algo"
    truth = json.loads((paper / "groundtruth.json").read_text())
    shutil.copyfile(paper / "paper.pdf", tmp_root / "p.pdf")
    r = grep_equations(pdf_to_markdown("p.pdf").markdown_path, kinds=["algorithm"])
    assert [a.caption for a in r.algorithms] == [a["caption"] for a in truth["algorithms"]]
    assert [len(a.steps) for a in r.algorithms] == [10, 9, 11]  # every line of the boxes in source/main.tex
    for a in r.algorithms:
        assert not any(w in s for s in a.steps for w in ("queue method", "sequences", "minibatches,"))
        assert not re.search(r"\s\d$", a.steps[-1])  # no page number glued to the last step
    assert any(s.endswith("v∗ ← ∞") for s in r.algorithms[2].steps)


def test_one_column_page_of_displays(tmp_root):
    """hand7displays: pages of align rows whose pieces lie left and right of the middle are still one column:
    each label keeps its whole row, the determinant on the left and the log density on the right."""
    paper = Path(__file__).resolve().parent.parent / "bench" / "papers" / "hand7displays"
    truth = json.loads((paper / "groundtruth.json").read_text())
    shutil.copyfile(paper / "paper.pdf", tmp_root / "p.pdf")
    r = grep_equations(pdf_to_markdown("p.pdf").markdown_path, kinds=["numbered"])
    assert [e.label for e in r.numbered] == truth["equation_labels"]
    for e in r.numbered:
        assert e.body.startswith("det") and f"log p(x{e.label})" in e.body, e.body


def test_algorithm2e_steps_numbered_without_a_stop_and_a_long_wrapped_input() -> None:
    """algorithm2e numbers lines '1 Initialize ...' (no stop); an Input line wrapped into a long second line
    goes on with the steps below it, and prose after the box ends the steps."""
    md = (
        "**Algorithm 2** Training multilingual NMT with DDS.\n"
        "Input :Dtrain; K: number of data to train the NMT\n"
        "model before updating ψ; E: number of updates for ψ; α1,α2: discount factors for the gradient\n"
        "Output :The converged NMT model θ∗\n1 Initialize ψ0, θ0\n2 grad[Si] ← 0 for i in n\n"
        "3 while θ not converged do\n4 X, Y ← load data(ψ, Dtrain, K)\n5 end\n"
        "The pseudo code above trains the model and the scorer in turns, and it is run for every language "
        "pair in the data set that we describe below in more detail.\n"
    )
    (alg,) = find_all(md, {"algorithm"})["algorithms"]
    assert alg.steps[0].endswith("discount factors for the gradient")
    assert [s.split()[0] for s in alg.steps[2:]] == ["1", "2", "3", "4", "5"]


def test_a_row_of_sub_figure_captions_holds_no_label() -> None:
    md = (
        "<!-- page 1 -->\n## 2 Method\n\nL(θ) = E[ℓ(x, θ)] (1)\n\n"
        "(a) P(Y | Z = z) for Experiment (A) (b) P(Y | Z = z) for Experiment (B)\n"
        "Figure 10: Plots of P(Y | Z = z) against z for both synthetic experiments.\n"
    )
    assert [e.label for e in find_all(md, {"numbered"})["numbered"]] == ["1"]


def test_a_statement_head_whose_title_follows_a_stop_on_a_line_of_its_own() -> None:
    md = (
        "<!-- page 1 -->\n**Proposition 5**. (Feature Operator (Carmeli et al., 2010))\n"
        "Let H be any Hilbert space and φ a map into it.\n\n"
        "**Assumption 2**. (ηt)t is such that the sum of ηt diverges.\n"
    )
    got = [(t.kind, t.number, t.title, t.text[:12]) for t in find_all(md, {"theorem"})["theorems"]]
    assert got == [
        ("proposition", "5", "Feature Operator (Carmeli et al., 2010)", "Let H be any"),
        ("assumption", "2", None, "(ηt)t is suc"),
    ]


def test_a_statement_numbered_after_a_roman_section_number() -> None:
    # IEEEtran numbers sections in Roman numerals: a theorem counted within them prints 'Theorem II.1'
    md = (
        "<!-- page 1 -->\n## II. Background\n\n"
        "Theorem II.1 (GNN transferability). Let Φ be a GNN with fixed coefficients.\n\n"
        "Definition III.2 (Feature Homophily). Let G be a graph with Laplacian L.\n"
    )
    got = [(t.kind, t.number, t.title) for t in find_all(md, {"theorem"})["theorems"]]
    assert got == [("theorem", "II.1", "GNN transferability"), ("definition", "III.2", "Feature Homophily")]


def test_labels_after_an_application_a_bracket_debris_or_a_curly_bound() -> None:
    md = (
        "<!-- page 1 -->\n## C Proofs\n\nwe can get from Lemma B.6 that\n"
        "α−(ρ1) − o(1) ⩽ δ/∆ ⩽ α+(ρ1) + o(1), (C.11)\n"
        "+ Tr [Σ2(X⊤1 X1 + X⊤2 X2)−2 (σ12 · X⊤1 X1) , (A.6)]\n"
        "sup (|m2(z) − m2c(z)|) ≲ (log n)−1 with high probability, (E.66)\n"
        "Then we can track its sign using (C.10), (C.11).\n"
    )
    got = [(e.label, e.body[-6:]) for e in find_all(md, {"numbered"})["numbered"]]
    assert got == [("C.11", " o(1),"), ("A.6", "1) , ]"), ("E.66", "ility,")]


def test_a_bracketed_word_under_a_display_is_a_script_not_an_empty_row() -> None:
    md = "<!-- page 1 -->\n## 3 Metric\n\nThe distance is\nPPL = ∥θt − θ̂∥2 (1)\n(crit)\nwhere θ̂ is it.\n"
    assert [e.label for e in find_all(md, {"numbered"})["numbered"]] == ["1"]


def test_a_label_the_pdf_set_on_the_line_under_its_display() -> None:
    md = (
        "<!-- page 1 -->\n## 3 Retrieval\n\nThe selected entries are formatted as\n"
        "source_term ↦ target_translation\n(9)\nand injected into the model.\nA list of candidates\n(10)\n"
    )
    got = [(e.label, e.body) for e in find_all(md, {"numbered"})["numbered"]]
    assert got == [("9", "source_term ↦ target_translation")]  # '(10)' under prose labels nothing


def test_brackets_that_close_a_line_but_number_nothing() -> None:
    """A results header's last bracketed score, a deviation '(0.4)', a function applied at a display's
    variable: none is a label; a plain display's label still is."""
    md = (
        "<!-- page 1 -->\n## 4 Results\n\n"
        "Model FID ↓ IS ↑ # steps ImageNet 256×256 Top-1 (76.6) Top-5 (93.1)\n"
        "The loss is L = x + y (0.4)\n"
        "p(y|t) = (p ∗ G(0, tI)) (y)\n"
        "q(y|t) = p(y) + t (2)\n"
    )
    assert [e.label for e in find_all(md, {"numbered"})["numbered"]] == ["2"]


def test_a_sentence_opening_with_an_algorithm_is_prose_and_a_caption_beside_a_heading_is_one() -> None:
    """'Algorithm 2 trains a ...' after a heading is a sentence about the algorithm, even with a step-like
    line under it; a float set beside a heading puts its caption at the end of the heading's line."""
    md = (
        "### 2.3 Convergence\nAlgorithm 2 trains a network by sampling from a fixed distribution.\n"
        "1. a numbered remark that follows it\n\n"
        "### 2.4 Joint training Algorithm 4 Simplified joint updates\nWe now train both at once.\n"
    )
    (alg,) = find_all(md, {"algorithm"})["algorithms"]
    assert (alg.number, alg.caption, alg.steps) == ("4", "Simplified joint updates", [])


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # revtex prints 'Problem 1 (Title) Assume ...' with no stop after the title
            "## 3 Setting\n\nProblem 1 (Recovery task) Assume a register holds an unknown state and we must "
            "restore it.\n\nProblem 1 is hard to solve in general.\n\nLemma 4 (see [3]) and its proof "
            "follow.\n\nTheorem 2 (Rate) Let the step size be small. Then the error decays.\n",
            [("problem", "1", "Recovery task"), ("theorem", "2", "Rate")],
        ),
        (  # \newtheorem{question}{Research Question}: a bold head (LaTeX route) or a titled one (a PDF)
            "## 4 Questions\n\n**Research Question 4.1** (Shifts). Does the model drift over rounds?\n\n"
            "Research Question IV.2 (Costs). Are the shifts costly?\n\nResearch Question 3 asks whether the "
            "costs grow.\n\nWe return to Research Question 4.1 (Shifts) in the discussion.\n",
            [("research question", "4.1", "Shifts"), ("research question", "IV.2", "Costs")],
        ),
    ],
)
def test_titled_statement_heads_open_statements(tmp_root, text, want):
    """A titled head opens a statement; untitled at a line's start, an aside in brackets, or the words in a
    sentence stay prose."""
    (tmp_root / "q.md").write_text(text)
    got = [(t.kind, t.number, t.title) for t in grep_equations("q.md", kinds=["theorem"]).theorems]
    assert got == want


def test_an_axis_title_ending_in_a_bracketed_name_is_no_label(tmp_root):
    """A plot's axis title '#Modified Words (L1)' (a count's mark, two words, a norm's name) is no display;
    a display whose maths signs did not come through keeps its label."""
    text = "## C Search\n\n0 1000 2000 3000\n#Modified Words (L1)\n\nq “ r ` 1 (A1)\n"
    (tmp_root / "ax.md").write_text(text)
    got = [e.label for e in grep_equations("ax.md", kinds=["numbered"]).numbered]
    assert got == ["A1"]


def test_an_unnumbered_algorithm_head_with_a_colon_in_pdf_text(tmp_root):
    """A PDF's text of an algorithm2e box the paper names but does not number: 'Algorithm: Title' over its
    'Data:' line and steps; the same words in a sentence are prose."""
    (tmp_root / "a.md").write_text(
        "## 3 Method\n\nThe procedure is shown below.\nAlgorithm: Greedy rollout planning (GRP)\n"
        "Data: a model m, t=1\nfor rounds k = 1, 2, . . . do\nplan with m and act\nend\n"
        "The next result gives, as far as we know, the first regret bound for this kind of planner.\n\n"
        "Algorithm: we now describe the idea in words, without any steps at all.\n"
    )
    (alg,) = grep_equations("a.md", kinds=["algorithm"]).algorithms
    assert (alg.number, alg.caption) == (None, "Greedy rollout planning (GRP)")
    assert alg.steps[0] == "Data: a model m, t=1" and alg.steps[-1] == "end"


def test_a_display_set_as_a_row_of_cells_and_a_bracket_glyph_opening_a_line(tmp_root):
    """PDF dumps: a display whose pieces became table cells, its label in the last cell, is an equation; a
    line opened by a bracket's glyph '#' is no heading; a table row with no relation stays a table's."""
    (tmp_root / "r.md").write_text(
        "## 3 Model\n\nWe write the roots with\n\n| qj | = | aj cj − bj dj | (A6) |\n"
        "| --- | --- | --- | --- |\n| rj | = | (d2 j + c2 j) | (A7) |\n\n"
        "The profile is\n#) , [( θr f(θr) = fe exp (−bn )1/n − 1 (14)\n"
        "where θr is the radius.\n\n| Model | Accuracy | (3) |\n| --- | --- | --- |\n| MLP | 0.91 | 0.93 |\n"
    )
    got = [(e.label, e.body) for e in grep_equations("r.md", kinds=["numbered"]).numbered]
    assert got == [
        ("A6", "qj = aj cj − bj dj"),
        ("A7", "rj = (d2 j + c2 j)"),
        ("14", "#) , [( θr f(θr) = fe exp (−bn )1/n − 1"),
    ]


def test_a_letter_glued_after_a_label_is_a_superscript_read_late(tmp_root):
    """'... V M µ,i+1 (7)M': the PDF dump read the display's superscript M after its label; prose that ends
    with a reference and a word is untouched."""
    (tmp_root / "g.md").write_text(
        "## 2 Background\n\nThe value functions satisfy\nVµ,i = TM µ(·,i)VM µ,i+1 (7)M\n"
        "for i = 1 . . . τ.\n\n"
        "As shown in the table (7)A is best.\n"
    )
    got = [(e.label, e.body) for e in grep_equations("g.md", kinds=["numbered"]).numbered]
    assert got == [("7", "Vµ,i = TM µ(·,i)VM µ,i+1")]


def test_the_text_summary_marks_a_candidate_with_its_doubt(tmp_root):
    """The CLI and the MCP text reply list every finding: a candidate must not read like a stated value."""
    (tmp_root / "c.md").write_text("## 5 Training\n\nWe train for about 90 epochs with a batch size of 32.\n")
    lines = grep_equations("c.md", kinds=["hyperparameter"]).summary_text().splitlines()
    assert any(ln.startswith("  epochs = 90 (prose, line 3, candidate: an approximate value") for ln in lines)
    assert "  batch_size = 32 (prose, line 3)" in lines
