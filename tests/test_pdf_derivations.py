"""PDF route: pages of derivations (appendix proofs) keep every equation label. A one-column page with display
rows sit left and right of the middle is no two-column page; display rows are indented from the prose lines'
margin even where displays outnumber prose; an accent read after a label does not hide it; an align of many
rows closed by one label is numbered; a theorem whose statement runs on into a display keeps the display and
the words after it. The PDF is a small pdflatex file in tests/fixtures/pdf_layout (source beside)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from tools.analysis.equations import find_all
from tools.ingest.pdf.displays import mark_displays
from tools.ingest.pdf.engine import convert_document
from tools.ingest.pdf.labels import label_of
from tools.ingest.pdf.lines import Line, group_lines
from tools.ingest.pdf.runs import Run

FIXTURES = Path(__file__).parent / "fixtures" / "pdf_layout"


def convert(name: str) -> str:
    doc = pdfium.PdfDocument(str(FIXTURES / f"{name}.pdf"))
    try:
        return convert_document(doc).markdown
    finally:
        doc.close()


def run(text: str, x0: float, y: float, x1: float | None = None, ts: int = 0) -> Run:
    return Run(text, x0, x1 if x1 is not None else x0 + 5 * len(text), y, 10.0, ts, ts + len(text), ts)


class Page:
    """Glyph boxes 5 pt wide from x=100 for each text index, except those given; no maths fonts."""

    def __init__(self, at: dict[int, float] | None = None) -> None:
        self.at = at or {}

    def char(self, i: int) -> int:
        return i

    def box(self, ci: int) -> tuple[float, float, float, float]:
        x = self.at.get(ci, 100.0 + 5 * ci)
        return x, 0.0, x + 5, 10.0

    def math_font(self, ci: int) -> bool:
        return False

    def room(self, before: int, after: int) -> float:
        return self.box(after)[0] - self.box(before)[2]


def test_a_page_of_derivations_keeps_every_label_once() -> None:
    """Align blocks cut at the page's middle (pieces left and right of it, few prose lines): before, the page
    read as two columns and labels (3) and (5) lost their rows; a label dropped below a row too wide for it
    closes that row."""
    md = convert("derivations")
    found = find_all(md, {"numbered"})["numbered"]
    assert [e.label for e in found] == [str(k) for k in range(1, 11)]
    by_label = {e.label: e.body for e in found}
    assert "vk+1 − vk, vk − x" in by_label["3"]  # the last row of the align, the label set below it
    assert "vk+1 − vk = −" in by_label["5"]


def test_a_statement_that_runs_on_into_its_display_keeps_it() -> None:
    """'The smoothed estimator, <display> is unbiased.': the statement is the display and the words after it,
    the display's label left out."""
    md = convert("derivations")
    [thm] = find_all(md, {"theorem"})["theorems"]
    assert thm.text.startswith("The smoothed estimator, ")
    assert "gˆ = ∑_{t=1}^{T}" in thm.text and thm.text.endswith("c(at), is unbiased.")


def test_a_latex_route_statement_runs_on_into_its_display_too() -> None:
    md = (
        "**Theorem C.1** The LAX estimator,\n$$ \\hat g = \\sum_t r_t - c(a_t) $$ (18)\nis unbiased.\n"
        "**Lemma 2** Under these conditions we have\nThe next paragraph opens here.\n"
    )
    got = [(t.kind, t.text) for t in find_all(md, {"theorem"})["theorems"]]
    assert got == [
        ("theorem", "The LAX estimator, \\hat g = \\sum_t r_t - c(a_t) is unbiased."),
        ("lemma", "Under these conditions we have"),
    ]


def _derivation_block() -> list[Line]:
    """Three prose lines at the margin (x=108) and six long display rows at one indent (x=175): the rows'
    start is the commonest; the last row's fraction denominators and its label sit on lines of their own."""
    runs = [
        run("Next, from the update we have", 108, 700, 250),
        run("where the last equality we used", 108, 500, 250),
        run("Using both bounds in the sum we have", 108, 480, 260),
    ]
    for k in range(6):
        y = 680 - 13 * k
        runs.append(
            run(f"+ (t + )(f(xk+{k}) − f(xk)) + 1(∥vk+1 − vk∥2 + 2⟨vk+1 − vk, vk − x⟩),", 175, y, 460)
        )
    runs += [run("4 2 2", 192, 680 - 13 * 5 - 7, 333), run("(64)", 488, 680 - 13 * 5 - 16, 504.7)]
    return group_lines(runs)


def test_display_rows_are_indented_from_the_prose_margin_not_from_each_other() -> None:
    """Where display rows outnumber the prose lines, the margin is where the prose starts: the rows are a
    display, so the label below them closes them (not a label alone, with the denominators for a body)."""
    out = mark_displays(_derivation_block(), Page())
    [labelled] = [ln for ln in out if ln.label]
    assert labelled.label == "64"
    assert labelled.text.startswith("+ (t + )(f(xk+0)") and labelled.text.endswith("(4 2 2) (64)")
    assert [ln.text for ln in out if ln.kind == "text"][:1] == ["Next, from the update we have"]


def test_an_accent_read_after_its_label_does_not_hide_the_label() -> None:
    """pdfium reads the bar over the X last ('= X (25) ¯'): the run ends at the accent, left of the label;
    the label still closes the line flush right, without the accent."""
    text = "m = X (25) ¯"
    at = {k: 300.0 + 5 * (k - 6) for k in range(6, 10)}  # '(25)' flush right at x=300..320
    at[11] = 150.0  # the bar, over the X
    line = group_lines([run(text, 100, 500, 155, ts=0), run("h = ∑ x", 100, 520, 320)])[1]
    assert label_of(line, Page(at), 100.0, 320.0) == "25"
    assert line.text == "m = X (25)"


def test_an_align_of_many_rows_closed_by_one_label_is_numbered() -> None:
    rows = " ".join(
        f"+ (t + )(f(xk+{k}) − f(xk)) + 1(∥vk+{k} − vk∥2 + 2⟨vk+1 − vk, vk − x⟩)" for k in range(12)
    )
    prose = " ".join(["the bound holds for every step of the method as shown above"] * 12)
    found = find_all(f"Then we have\n{rows}. (42)\nAs seen {prose} in (7)\n", {"numbered"})["numbered"]
    assert len(rows) > 600 and len(prose) > 600
    assert [e.label for e in found] == ["42"]


def test_a_fraction_closing_a_display_is_no_list_of_references() -> None:
    """'(δ)/(2), (41)' ends in the PDF route's fraction, not in a list of labels like '(39), (41)'."""
    md = "≥ 1 − (δ)/(2), (41)\nthe bound follows from (39), (41)\n"
    assert [e.label for e in find_all(md, {"numbered"})["numbered"]] == ["41"]


def test_an_equation_restated_in_an_appendix_is_reported_once() -> None:
    """A lemma restated in the appendix prints its displays again, label and all: one equation. The same
    label over another body (numbering restarted in a supplement) is another equation."""
    eq = "0 ≤ µ − E [µBH] ≤ ∥f∥∞M−ϵ (P∥Φ)ϵ (11)"
    lemma = "Lemma 1. Let P be a measure."
    md = f"{lemma}\n{eq}\n## A Proofs\n{lemma}\n{eq}\nx = y + 1 (11)\n"
    found = find_all(md, {"numbered"})["numbered"]
    assert [(e.label, e.line) for e in found] == [("11", 2), ("11", 6)]


def test_theorem_heads_in_small_capitals_or_closed_by_a_colon_or_a_dash() -> None:
    """Heads as papers set them: small capitals ('Theorem 1.', 'Lemma 2 (Descent).'), bold closed by a colon,
    bold closed by a dash: each statement found with its own first words (no dash before them), also where
    the engine joined two statements into one paragraph."""
    theorems = find_all(convert("theoremheads"), {"theorem"})["theorems"]
    got = [(t.kind, t.number, t.title, t.text.split()[:2]) for t in theorems]
    assert got == [
        ("theorem", "1", None, ["Every", "bounded"]),
        ("lemma", "2", "Descent", ["If", "the"]),
        ("proposition", "1", None, ["The", "estimator"]),
        ("proposition", "2", "Variance", ["The", "variance"]),
        ("corollary", "1", None, ["The", "method"]),
        ("lemma", "3", None, ["Let", "Ψ"]),
    ]
    assert theorems[4].text.endswith("strong convexity.")


def test_a_sum_in_a_sentence_reads_its_lower_limit_first() -> None:
    """Text-style limits stand as scripts after the sum, the upper over the lower; pdfium reads the upper
    first ('∑Ll=1'). The lower comes first, as LaTeX writes `\\sum_{l=1}^{L}`, and nothing is lost."""
    [lemma] = [t for t in find_all(convert("theoremheads"), {"theorem"})["theorems"] if t.number == "3"]
    assert lemma.text.startswith("Let Ψ = ∑l=1L ζlPl and Φ = ∑k=1K βkQk be two finite mixtures")


def test_multline_first_row_near_the_margin_joins_its_labelled_last_row() -> None:
    """multline in a narrow column: the first row starts within the multline gap of the margin with no
    operator at its end, the last row is flush right with the label (a fraction's parts between them). The
    first row was left as prose and the equation lost it."""
    md = convert("multline")
    found = {e.label: e.body for e in find_all(md, {"numbered"})["numbered"]}
    assert found["1"].startswith("JθPPO := log Ez") and found["1"].endswith("Pfixed(z|x)")
    assert found["2"].startswith("∇Jθ − βEz") and found["2"].endswith("z ∼ Pθ(.|x)")
