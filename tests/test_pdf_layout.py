"""PDF route: page numbers wherever the document puts them, name/value tables side by side, and flags that say
what a display's text lost. The PDFs are small pdflatex files in tests/fixtures/pdf_layout (source beside)."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium

from tools.analysis.equations import find_all
from tools.analysis.hyperparams import find_hyperparameters
from tools.ingest.pdf import flags
from tools.ingest.pdf.engine import convert_document
from tools.ingest.pdf.furniture import page_furniture
from tools.ingest.pdf.lines import Line
from tools.ingest.pdf.pair_tables import pair_tables
from tools.ingest.pdf.runs import Run

FIXTURES = Path(__file__).parent / "fixtures" / "pdf_layout"


def convert(name: str):
    doc = pdfium.PdfDocument(str(FIXTURES / f"{name}.pdf"))
    try:
        return convert_document(doc)
    finally:
        doc.close()


class FlatPage:
    """A page whose glyph boxes are all empty: no wide space inside a run, so a run is one cell."""

    def char(self, i: int) -> int:
        return i

    def box(self, ci: int) -> tuple[float, float, float, float]:
        return 0.0, 0.0, 0.0, 0.0

    def room(self, before: int, after: int) -> float:
        return 0.0


def run(text: str, x0: float, y: float, size: float = 10.0, x1: float | None = None) -> Run:
    return Run(text, x0, x1 if x1 is not None else x0 + 5 * len(text), y, size, 0, 0, 0)


# ------------------------------------------------------------------------------------------ page numbers


def test_page_numbers_up_the_page_stay_out_of_the_text() -> None:
    """An article on A4 paper with the letter layout prints its page number ~16% up the page: it must not
    land inside the sentence that runs on across the page break."""
    md = convert("a4pagenumbers").markdown
    body = "\n".join(s for s in md.split("\n") if not s.startswith(("<!--", "#")))
    assert body.count("The learning rate schedule is linear in the number of steps") == 46
    assert not re.search(r"\d", body), re.findall(r".{30}\d.{30}", body)[:3]


def test_a_number_is_a_page_number_only_where_the_document_counts_up() -> None:
    pages = 5
    counting = [run(str(i + 1), 300, 140) for i in range(pages)]  # alone, same height, counting up
    same = [run("7", 300, 400) for _ in range(pages)]  # alone at one height, but never counting up
    cells = [(run(str(i + 1), 300, 40), run("0.5", 100, 40)) for i in range(pages)]  # a table row low down
    pages_runs = [[counting[i], same[i], *cells[i], run("prose words here", 100, 500)] for i in range(pages)]
    out = page_furniture(pages_runs, [842.0] * pages)
    assert all(id(r) in out for r in counting)
    assert not any(id(r) in out for r in same)
    assert not any(id(r) in out for pair in cells for r in pair)


# ------------------------------------------------------------------------------------------ pair tables


def test_settings_tables_side_by_side_keep_each_value_with_its_name() -> None:
    """Two tabulars of name | value in one figure (rows interleaved in height, and rows level with each
    other): each row becomes a table row of its own side, so each name keeps its value."""
    md = convert("pairtables").markdown
    for row in ("| Learning rate α | 0.0003 |", "| Replay buffer size | 500, 000 |",
                "| Target update frequency | 8 |", "| ϵ decay horizon | 2M frames |",
                "| Discount factor γ | 0.97 |", "| Gradient clipping | 5.0 |", "| Number of epochs | 30 |"):
        assert row in md.split("\n"), row
    found = {h.key: h.value for h in find_hyperparameters(md) if h.confidence == "stated"}
    assert found["learning_rate"] == "0.0003" and found["batch_size"] == "64"
    assert found["target_update_frequency"] == "8" and found["discount_factor"] == "0.97"
    assert found["epochs"] == "30" and found["label_smoothing"] == "0.2"
    assert "training_steps" not in found


def test_a_line_of_two_pairs_gives_a_row_to_each_table() -> None:
    """Two tabulars whose rows share baselines: each line holds two pairs; the left table comes first."""

    rows = [("Momentum", "0.9", "Epochs", "30"), ("Warm-up steps", "2000", "Label smoothing", "0.2"),
            ("Gradient clipping", "5.0", "Random seeds", "7")]
    lines = []
    for k, cells in enumerate(rows):
        y = 600 - 12 * k
        runs = [run(cells[0], 100, y), run(cells[1], 200, y), run(cells[2], 320, y), run(cells[3], 440, y)]
        lines.append(Line(runs, 100, runs[-1].x1, y, 10, " ".join(cells)))
    out = pair_tables(lines, FlatPage())  # type: ignore[arg-type]
    tables = [[r.text for r in ln.runs] for ln in out if ln.kind == "table"]
    assert tables == [["Momentum", "0.9"], ["Warm-up steps", "2000"], ["Gradient clipping", "5.0"],
                      ["Epochs", "30"], ["Label smoothing", "0.2"], ["Random seeds", "7"]]
    assert [ln.text for ln in out if ln.kind == "table rule"] == ["| --- | --- |"] * 2


def test_prose_lines_are_no_pair_table() -> None:
    md = convert("pairtables").markdown
    assert "We report the mean over the seeds in every table of the results section." in md


# ------------------------------------------------------------------------------------------ flags


def test_display_flags_on_a_real_page() -> None:
    """Big brackets pdfium leaves out of its text are read back; a cases block whose inner fraction is not
    read, and matrices read as a fraction, are flagged; a plain display is not."""
    conv = convert("flagged")
    numbered = {e.label: e for e in find_all(conv.markdown, {"numbered"}, conv.boxes)["numbered"]}
    assert numbered["1"].body.count("[") == 2 and numbered["1"].body.count("]") == 2, numbered["1"].body
    assert not numbered["1"].check
    assert flags.FRACTION in numbered["2"].check, numbered["2"].body
    assert flags.MATRIX in numbered["3"].check, numbered["3"].body
    assert not numbered["4"].check


class NoRules:
    def rules(self) -> list:
        return []


def display(runs: list[Run], label: str | None = None) -> Line:
    text = " ".join(r.text for r in runs) + (f" ({label})" if label else "")
    main = max(runs, key=lambda r: r.size)
    return Line(runs, runs[0].x0, runs[-1].x1, main.y, main.size, text, kind="display", label=label)


def test_a_row_cut_from_a_multi_row_display_is_flagged() -> None:
    product = display([run("· ∇ψ log P(x, y; ψ)]", 200, 500)], "6")  # goes on from the row above
    lone = display([run("t", 300, 500)], "16")  # a subscript left with the label
    whole = display([run("y = ax + b", 200, 500)], "4")
    flags.flag_lines([product, lone, whole], NoRules(), 10)  # type: ignore[arg-type]
    assert flags.FRAGMENT in product.flags and flags.FRAGMENT in lone.flags
    assert whole.flags == []


def test_scripts_read_away_from_their_letter_are_flagged() -> None:
    # 'x^2 + y' with the exponent a run of its own inside the run 'x + y': read after it, 'x + y 2'
    inside = display([run("x + y", 200, 500, x1=240), run("2", 206, 503.5, 7, 210)])
    # a limit under 'min' set a line below the row, written after the row
    below = display([run("min R(d, x) ≤ 1", 200, 500, 9, 300), run("d∈σ", 200, 492.5, 7.3, 215)])
    # a stacked pair under the run's last glyph ('R−1' over 'g') loses only their order
    stacked = display([run("f = R−1", 200, 500, x1=240), run("g", 236, 497.5, 7, 239)])
    flags.flag_lines([inside, below, stacked], NoRules(), 10)  # type: ignore[arg-type]
    assert flags.INTERLEAVED in inside.flags
    assert flags.SCRIPT in below.flags
    assert stacked.flags == []


# ------------------------------------------------------------------------------------------ columns


def test_columns_of_unequal_margins_split_at_their_gap_not_the_page_middle() -> None:
    """A left column whose justified lines end past the page's middle (a wider left margin, as an
    anonymised AISTATS submission has): each column reads whole, its equations keep their labels."""
    md = convert("unequalcolumns").markdown
    body = " ".join(s for s in md.split("\n") if not s.startswith("<!--"))
    order = [body.find(f"{name} paragraph {n}") for name, n in (("Alpha", "one"), ("Alpha", "three"))]
    order += [body.find(f"Beta paragraph {n}") for n in ("one", "four")]
    order += [body.find(f"Gamma paragraph {n}") for n in ("one", "six")]
    assert -1 not in order and order == sorted(order), order
    assert "enough data to fit" in body.split("Beta paragraph four")[1]
    found = find_all(md, {"numbered"})["numbered"]
    assert [e.label for e in found] == ["1", "2", "3"]
    assert "tanh" in found[0].body and "softmax" in found[1].body and "exp" in found[2].body


def test_a_display_script_on_its_own_baseline_joins_its_row() -> None:
    """A prime raised over a bold vector sits on a baseline of its own: it joins its row at its place
    (`α(x′, xk)`), not the front of the equation (`′ α(x , xk)`), and the body carries no flag for it."""
    found = find_all(convert("displayscripts").markdown, {"numbered"})["numbered"]
    assert [e.label for e in found] == ["1", "2", "3"]
    assert found[1].body.startswith("α(x′, xk) = min"), found[1].body
    assert not found[1].check
    # R^a_v: the superscript stacked over the subscript starts where the run 'v = 1 ...' starts
    assert found[2].body.startswith("Rav = 1 if"), found[2].body


def test_a_footnote_opening_with_a_url_is_a_footnote_and_the_sentence_runs_on() -> None:
    """A footnote whose text is a URL ('3https://...') is marked as one: its mark prints as a superscript
    and the sentence cut by the page break joins its second half on the next page."""
    lines = convert("urlfootnote").markdown.split("\n")
    assert "¹https://lucene.apache.org/" in lines
    body = [s for s in lines if s.startswith("We use a search engine¹")]
    assert body and body[0].endswith("and this sentence ends here."), body[0][-80:]


def test_an_algorithm_wrapped_beside_the_text_past_the_middle_reads_apart() -> None:
    """An algorithm box wrapped beside the text (wrapfigure) and wider than half the page starts left of the
    page's middle: the gap between text and box splits them, so neither is interleaved with the other."""
    md = convert("wrappedalgorithm").markdown
    algs = find_all(md, {"algorithm"})["algorithms"]
    assert [(a.number, a.caption) for a in algs] == [("1", "Prediction with the label tree")]
    assert len(algs[0].steps) >= 8 and not any("label tree is traversed" in s for s in algs[0].steps)
    text = [s for s in md.split("\n") if "label tree is traversed" in s]
    assert not any("Algorithm" in s or "input:" in s for s in text)


def test_three_algorithm_boxes_side_by_side_read_box_by_box() -> None:
    """Three captioned boxes in a row (minipages in a full-width figure) were read row by row across the
    boxes, captions cut at their column and steps of all three mixed; each is now read whole, left to right,
    and the two-column text around them as before."""
    md = convert("threeboxes").markdown
    algs = find_all(md, {"algorithm"})["algorithms"]
    assert [(a.number, a.caption) for a in algs] == [
        ("1", "Plain search over the settings"),
        ("2", "Fit a network that outputs weights"),
        ("3", "Alternate the two loops jointly"),
    ]
    assert algs[0].steps[-1] == "return the best λi" and algs[2].steps[-1] == "return λˆ and its weights"
    assert not any("network" in step for step in algs[0].steps)
    assert "| settings |" not in md  # no table of the boxes' rows


def test_negated_relations_read_as_one_symbol_and_raise_no_accent_flag() -> None:
    """pdfium prints \\neq's slash as a combining overlay before its `=` ('̸='), which read as an accent
    floating between two symbols and flagged right bodies (held-out class); \\notin prints '∈/'."""
    md = convert("negations").markdown
    found = {e.label: e for e in find_all(md, {"numbered"})["numbered"]}
    assert "f(xn) ≠ yn" in found["1"].body and "xi ∉ S" in found["2"].body
    assert "\u0338" not in md and "∈/" not in md


def test_tables_of_three_or_more_columns_become_pipe_tables_read_per_column() -> None:
    """A settings table with one column per dataset, one with a column per setting (right-aligned) and a
    results table under headings spanning two columns were run into prose lines; each is now a pipe table,
    so every value is read with its column's (or row's) experiment as context, and results stay results."""
    md = convert("gridtables").markdown
    assert "| Hyperparameter | CIFAR-10 | ImageNet | SVHN |" in md
    assert "| Learning rate | 0.1 | 0.4 | 0.05 |" in md
    assert "| Penn Treebank | 20 | 20 | 0.5 |" in md
    assert "| Model | CIFAR-10 Top-1 | CIFAR-10 Top-5 | SVHN Top-1 | SVHN Top-5 |" in md
    got: dict[str, list[tuple[str, str | None]]] = {}
    for h in find_hyperparameters(md):
        if h.confidence == "stated":
            got.setdefault(h.key, []).append((h.value, h.context))
    assert got["learning_rate"] == [
        ("0.1", "CIFAR-10"), ("0.4", "ImageNet"), ("0.05", "SVHN"),
        ("10−3", "MNIST"), ("20", "Penn Treebank"), ("20", "WikiText-2"),
    ]
    assert got["optimizer"] == [("SGD", "CIFAR-10"), ("SGD", "ImageNet"), ("Adam", "SVHN")]
    assert got["dropout"] == [("0.1", "MNIST"), ("0.5", "Penn Treebank"), ("0.4", "WikiText-2")]
    assert not {"top_1", "top_5", "mnist"} & set(got)


def test_a_small_settings_table_stays_a_table_and_its_cells_are_read() -> None:
    """An indented name/value table in a small font: rows with few words and an `=` ('Optimizer momentum
    β1=0.9, β2=0.96') read as display maths and were joined with their neighbours into one display, and rows
    whose value carries a citation broke the table. It is one table now; a cell of assignments gives each
    symbol, a cited value its words."""
    md = convert("smalltable").markdown
    rows = [s for s in md.split("\n") if s.startswith("| ")]
    assert rows[0] == "| Configuration | Value |" and len(rows) == 11  # header, rule and nine settings
    assert "| Optimizer momentum | β1=0.9, β2=0.96 |" in rows and "| Weight decay | 0.045 |" in rows
    got = {(h.key, h.value, h.context) for h in find_hyperparameters(md) if h.confidence == "stated"}
    assert {("beta1", "0.9", "Optimizer momentum"), ("beta2", "0.96", "Optimizer momentum")} <= got
    assert {("optimizer", "AdaFactor", None), ("lr_schedule", "cosine decay", None)} <= got
    assert {("weight_decay", "0.045", None), ("batch_size", "512", None)} <= got
    assert ("warmup_steps", "5000", None) in got


def test_a_centred_table_of_symbols_and_ranges_is_a_table() -> None:
    """A centred tabular of search ranges: names are symbols ('b', 'λ') or words, values sets and ranges
    ('{2, . . . , 128}'); its cells line up on their centres, not their edges."""

    rows = [("Hyperparameter", "Range"), ("b", "{2, . . . , 128}"), ("λ", "[1.0 − 0.000001]"),
            ("number of epochs", "{5, . . . , 50}"), ("bagging ratio", "[0.5 − 1.0]")]
    lines = []
    for k, (name, value) in enumerate(rows):
        y = 600 - 11 * k
        cells = [run(name, 265 - 2.5 * len(name), y), run(value, 370 - 2.5 * len(value), y)]
        lines.append(Line(cells, cells[0].x0, cells[1].x1, y, 10, f"{name} {value}"))
    out = pair_tables(lines, FlatPage())  # type: ignore[arg-type]
    assert [[r.text for r in ln.runs] for ln in out if ln.kind == "table"] == [list(r) for r in rows]
    authors = [("Alice Smith", "Bob Jones"), ("MIT", "Stanford University"), ("Boston", "Palo Alto")]
    block = []  # a centred block of names and places, no numbers: no table
    for k, pair in enumerate(authors):
        y = 600 - 11 * k
        cells = [run(pair[0], 200 - 2.5 * len(pair[0]), y), run(pair[1], 400 - 2.5 * len(pair[1]), y)]
        block.append(Line(cells, cells[0].x0, cells[1].x1, 600 - 11 * k, 10, " ".join(pair)))
    assert not [ln for ln in pair_tables(block, FlatPage()) if ln.kind == "table"]  # type: ignore[arg-type]


def test_a_centred_settings_table_with_assignments_stays_a_table() -> None:
    """A tabular{cc} of settings: centred names start at no common x, and rows holding `k = 4` or `β` were
    read as display maths, joined three by three with their neighbours. Each row is a table row now, and a
    name with a qualifier keeps its own head ('Repetition penalty for beam' is no count of repetitions)."""
    md = convert("centredtable").markdown
    rows = [s for s in md.split("\n") if s.startswith("| ")]
    assert rows[0] == "| Hyper-parameter | Value |" and len(rows) == 11
    assert "| Paraphrase sample size | M = 8 |" in rows and "| β in MML | 0.1 |" in rows
    got = {(h.key, h.value, h.context) for h in find_hyperparameters(md) if h.confidence == "stated"}
    assert {("weight_decay", "0.0001", None), ("epochs", "100", None), ("batch_size", "8", None)} <= got
    assert ("repetition_penalty", "10.0", "for beam") in got
    assert ("k", "4", "Top-k candidates in search") in got
    assert not any(key == "num_runs" for key, _, _ in got)


def test_names_left_and_values_centred_are_one_table() -> None:
    """A tabular{lc}: names start at one x, values are centred (their edges line up with nothing)."""

    rows = [("Max Sequence Length", "4096"), ("Learning Rate", "1e-5"), ("LR Scheduler", "cosine decay"),
            ("Training Epochs", "3"), ("Batch Size", "64")]
    lines = []
    for k, (name, value) in enumerate(rows):
        y = 600 - 11 * k
        cells = [run(name, 100, y), run(value, 300 - 2.5 * len(value), y)]
        lines.append(Line(cells, 100, cells[1].x1, y, 10, f"{name} {value}"))
    out = pair_tables(lines, FlatPage())  # type: ignore[arg-type]
    assert [[r.text for r in ln.runs] for ln in out if ln.kind == "table"] == [list(r) for r in rows]


def test_a_header_set_tight_gives_one_word_per_column() -> None:
    """A header line whose headings stand too close to be cut ('Layers Width FFN Heads') over rows of six
    cells: one word per column, the label column empty."""

    head = "Layers Width FFN Heads"
    lines = [Line([run(head, 268, 640, x1=350)], 268, 350, 640, 8, head)]
    table = [("Tiny (T)", "12", "192", "768", "3"), ("Small (S)", "12", "384", "1536", "6"),
             ("Base (B)", "12", "768", "3072", "12")]
    for k, (label, *values) in enumerate(table):
        y = 631 - 9 * k
        cells = [run(label, 234, y, size=8, x1=262)]
        cells += [run(v, 275 + 22 * n, y, size=8, x1=285 + 22 * n) for n, v in enumerate(values)]
        lines.append(Line(cells, 234, cells[-1].x1, y, 8, " ".join([label, *values])))
    out = pair_tables(lines, FlatPage())  # type: ignore[arg-type]
    rows = [[r.text for r in ln.runs] for ln in out if ln.kind == "table"]
    assert rows[0] == ["", "Layers", "Width", "FFN", "Heads"]
    assert rows[1] == ["Tiny (T)", "12", "192", "768", "3"]


def test_a_footnote_mark_after_a_citation_bracket_is_a_superscript() -> None:
    """A mark set after a numbered citation ('[11]' then the mark) prints as a superscript, not as a digit
    run onto the bracket ('[11]1')."""
    md = convert("footnotemarks").markdown
    assert "follow [11]¹, with two hours" in md


def test_a_caption_set_under_its_steps_opens_its_box():
    # algorithm2e's plain style sets 'Algorithm 1: ...' tight under the last step, in the run pdfium reads
    # with it: the caption is a line of its own and goes above the steps, which are steps, not prose
    md = convert("boxcaption").markdown
    (alg,) = find_all(md, {"algorithm"})["algorithms"]
    assert alg.caption == "Training process."
    assert [s.split()[0] for s in alg.steps] == ["1", "2", "3", "4"]
    assert alg.steps[-1] == "4 end"
    after = md[md.index("4 end") :].splitlines()[1]
    assert after.startswith("split while the settings")  # the prose goes on apart from the box


def test_a_heading_set_on_two_lines_above_its_columns_names_them_whole():
    # nested tabulars ('minibatch' over 'size', 'Model' centred between): the upper words are lines of their
    # own above the header row; each goes to the column it stands over
    md = convert("upperheader").markdown
    header = next(ln for ln in md.splitlines() if ln.startswith("|"))
    assert header == (
        "|  | Model | minibatch size | regularization parameter | number iterations | negative samples |"
    )
    assert "regularization number negative" not in md  # no stray line of the heading's upper words
    got = find_hyperparameters(md)
    assert {(h.key, h.value) for h in got} >= {("batch_size", "100"), ("training_steps", "3000")}


def test_a_power_keeps_its_exponent_apart_from_its_base():
    # '10^5' set in maths prints its exponent smaller and raised: the text reads '105' without the '^'
    md = convert("exponents").markdown
    assert "trained on 10^5 scenes" in md and "drew 2^10 points" in md and "3 × 10^6 steps" in md
    assert "rate of 10−4" in md  # a negative exponent keeps its sign, which already sets it apart
    assert "batch of 128 scenes" in md and "in 2019," in md and "0.25 per step" in md
    got = {h.key: h.value_normalized for h in find_hyperparameters(md)}
    assert got["learning_rate"] == 0.0001


# ------------------------------------------------------------------------------- formulas tagged by source


def test_formulas_tagged_with_their_latex_source_are_read_from_their_glyphs():
    from tools.ingest.pdf.formula_sources import glyphs_over_sources
    from tools.ingest.pdf.markitdown_plugin import markitdown_paper_pdf_only

    pdf = FIXTURES / "axessibility.pdf"
    doc = pdfium.PdfDocument(str(pdf))
    try:  # read as it is, the align's source stands in for its glyphs, and its first row's number is lost
        text = doc[0].get_textpage().get_text_range()
    finally:
        doc.close()
    assert "\\Delta r &=" in text and "(2)" not in text
    md = markitdown_paper_pdf_only().convert(str(pdf)).markdown
    found = find_all(md, {"numbered", "hyperparameter"})
    assert [e.label for e in found["numbered"]] == ["1", "2", "3"]
    assert "\\Delta" not in md and "∆r" in md  # the printed glyphs, not the source
    assert "Nota bene We train" in md  # an ActualText of plain words is kept
    assert {h.key: h.value_normalized for h in found["hyperparameters"]}["learning_rate"] == 0.001
    plain = (FIXTURES / "exponents.pdf").read_bytes()
    assert glyphs_over_sources(plain) is plain  # no formula source: the bytes are read as they are
    assert glyphs_over_sources(b"%PDF-1.5 not really a PDF") == b"%PDF-1.5 not really a PDF"


# ------------------------------------------------------------------------------- centred section headings


def test_unnumbered_headings_set_centred_are_headings_after_the_title_block():
    """AAAI's kit sets its sections centred, bold and larger, without numbers; the authors' names above the
    abstract look the same and stay text. A setting read under 'Experiments' is stated, not a candidate of
    the introduction."""
    md = convert("centredheads").markdown
    heads = [line for line in md.splitlines() if line.startswith("#")]
    assert heads[1:] == ["## Abstract", "## Introduction", "## Related Works", "## Model", "## Experiments"]
    found = {h.key: h for h in find_hyperparameters(md)}
    assert found["learning_rate"].value_normalized == 0.001 and found["learning_rate"].confidence == "stated"
    assert found["learning_rate"].section == "Experiments"


def test_a_heading_of_one_word_per_line_above_its_column_joins_the_header() -> None:
    """'Learning' over 'Rate' (a cell of three lines beside cells of two, each line set apart): the word alone
    on its line names the column it stands over, and upper lines join from the top down."""
    upper = [[("Peak", 200)], [("Batch", 100), ("Decay", 300)], [("Learning", 200)]]
    grid = [[("Size", 100), ("Rate", 200), ("Weight", 300), ("Score", 400)]]
    grid += [[("64", 100), ("0.02", 200), ("0.1", 300), ("0.52", 400)]]
    grid += [[("128", 100), ("0.002", 200), ("0.01", 300), ("0.61", 400)]]
    lines = []
    for k, cells in enumerate(upper + grid):
        y = 624 - 6 * k if k < len(upper) + 1 else 600 - 12 * (k - len(upper) - 1)
        runs = [run(text, x, y) for text, x in cells]
        lines.append(Line(runs, runs[0].x0, runs[-1].x1, y, 10, " ".join(t for t, _ in cells)))
    out = pair_tables(lines, FlatPage())  # type: ignore[arg-type]
    header = next(ln for ln in out if ln.kind == "table")
    assert [r.text for r in header.runs] == ["Batch Size", "Peak Learning Rate", "Decay Weight", "Score"]
    assert not any(ln.kind == "text" for ln in out)  # no stray line of the heading's words
