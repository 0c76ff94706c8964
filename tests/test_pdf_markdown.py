"""pdf_to_markdown on the corpus papers, checked against their LaTeX ground truth."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest

from tools.analysis.equations import find_all
from tools.errors import OutsideRoots, TooLarge
from tools.ingest.paper import MAX_LIMIT, pdf_to_markdown

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_extraction", ROOT / "bench" / "extraction.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def convert(tmp_root: Path, corpus_dir: Path, name: str):
    shutil.copyfile(corpus_dir / name / "paper.pdf", tmp_root / f"{name}.pdf")
    r = pdf_to_markdown(f"{name}.pdf")
    return r, Path(r.markdown_path).read_text(encoding="utf-8")


def gt(corpus_dir: Path, name: str) -> dict:
    return json.loads((corpus_dir / name / "groundtruth.json").read_text())


def test_sidecar_and_page_markers(tmp_root, corpus_dir):
    r, md = convert(tmp_root, corpus_dir, "iddpm")
    assert r.pages == 17 and not r.cached
    assert [int(n) for n in re.findall(r"^<!-- page (\d+) -->$", md, re.M)] == list(range(1, 18))
    side = json.loads(Path(r.sidecar_path).read_text())
    for key in ("paper_id", "source", "pages", "title", "headings", "characters", "sha256", "converter",
                "route", "warnings", "created"):
        assert key in side
    assert side["route"] == "pdf" and side["sha256"].startswith(r.paper_id)
    assert Path(r.markdown_path).parent == tmp_root / ".paper-to-code" / "papers" / r.paper_id
    assert "Improved Denoising Diffusion" in (r.title or "")


@pytest.mark.parametrize("name", ["plrnn", "nfp", "iddpm"])
def test_section_headings_match_the_source(tmp_root, corpus_dir, name):
    r, md = convert(tmp_root, corpus_dir, name)
    src = (corpus_dir / name / gt(corpus_dir, name)["main_tex"]).read_text(encoding="utf-8", errors="replace")
    body = src.split("\\appendix")[0]
    titles = re.findall(r"\\section\{([A-Za-z][A-Za-z \-]+)\}", body)
    assert titles
    heads = [h.text.lower() for h in r.headings]
    for t in titles:
        assert any(h.endswith(t.lower()) for h in heads), t
    lines = md.split("\n")
    for h in r.headings:  # every heading points at its Markdown line
        assert lines[h.line - 1].lstrip("#").strip() == h.text


@pytest.mark.parametrize("name", ["nfp", "iddpm"])
def test_equation_labels_end_their_lines(tmp_root, corpus_dir, name):
    _, md = convert(tmp_root, corpus_dir, name)
    ends = re.findall(r"\((\d+)\)\s*$", md, re.M)
    for label in gt(corpus_dir, name)["equation_labels"]:
        assert label in ends, label


def test_multiline_display_joined_with_its_label(tmp_root, corpus_dir, bench):
    _, md = convert(tmp_root, corpus_dir, "iddpm")
    eqs = {e["label"]: e["tex"] for e in gt(corpus_dir, "iddpm")["equations"] if e["tex"]}
    by_label = {m.group(2): m.group(1) for m in re.finditer(r"^(.*\S)\s+\((\d+)\)$", md, re.M)}
    attached = [lab for lab, tex in eqs.items() if bench.body_attached(by_label.get(lab, ""), tex)]
    assert len(attached) >= 0.85 * len(eqs), sorted(set(eqs) - set(attached))
    # (10) is a fraction over three baselines: numerator, main line, denominator on one line
    assert bench.body_attached(by_label["10"], eqs["10"])


@pytest.mark.parametrize("name", ["plrnn", "nfp", "iddpm"])
def test_reading_order_and_word_spacing(tmp_root, corpus_dir, bench, name):
    _, md = convert(tmp_root, corpus_dir, name)
    phrases = bench.pick_phrases(bench.source_units(corpus_dir / name, bench._groundtruth_module()))
    assert len(phrases) >= 60
    assert bench.phrase_recall(phrases, md) >= 0.93


def test_ligatures_and_hyphenation_repaired(tmp_root, corpus_dir):
    _, md = convert(tmp_root, corpus_dir, "iddpm")
    assert not re.search("[\ufb00-\ufb06\x02\ufffe]", md)
    # pdfium reports these words broken at a line end with a soft hyphen
    for word in ("improvements", "assumptions", "derivation"):
        assert word in md, word
    assert "state-of-the-art" not in md or "stateoftheart" not in md
    assert not re.search(r"\bimprove- ?ments\b", md)


def test_repeat_call_is_cached(tmp_root, corpus_dir):
    r1, _ = convert(tmp_root, corpus_dir, "nfp")
    r2 = pdf_to_markdown("nfp.pdf")
    assert r2.cached and not r1.cached
    assert r2.markdown_path == r1.markdown_path and r2.characters == r1.characters


def test_paging_cuts_at_line_ends(tmp_root, corpus_dir):
    r, md = convert(tmp_root, corpus_dir, "iddpm")
    parts, offset = [], 0
    while offset is not None:
        page = pdf_to_markdown("iddpm.pdf", offset=offset, limit=5000)
        assert len(page.text) <= 5000 and page.total_characters == len(md)
        if page.next_offset is not None:
            assert page.text.endswith("\n")
        parts.append(page.text)
        offset = page.next_offset
    assert "".join(parts) == md
    big = pdf_to_markdown("iddpm.pdf", limit=10**6)
    assert len(big.text) <= MAX_LIMIT
    assert len(big.model_dump_json()) < 100_000  # well under ~25k tokens


def test_out_dir_inside_roots(tmp_root, corpus_dir):
    shutil.copyfile(corpus_dir / "plrnn" / "paper.pdf", tmp_root / "p.pdf")
    r = pdf_to_markdown("p.pdf", out_dir="converted/plrnn")
    assert Path(r.markdown_path) == tmp_root / "converted" / "plrnn" / "paper.md"
    assert not (tmp_root / ".paper-to-code").exists()
    with pytest.raises(OutsideRoots, match="outside the allowed roots"):
        pdf_to_markdown("p.pdf", out_dir=str(tmp_root.parent / "elsewhere"))


def test_300_page_pdf_converts_whole(tmp_root, corpus_dir):
    """Every page of a 300-page document comes out (its speed is bench/extraction.py's business)."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(corpus_dir / "plrnn" / "paper.pdf")
    big = pdfium.PdfDocument.new()
    while len(big) < 300:
        big.import_pages(src)
    big.save(tmp_root / "big.pdf")
    r = pdf_to_markdown("big.pdf", limit=1000)
    assert r.pages == len(big) >= 300
    md = Path(r.markdown_path).read_text()
    assert md.count("<!-- page ") == r.pages


def test_page_cap_refuses_oversized(tmp_root, corpus_dir, monkeypatch):
    import tools.ingest.pdf.engine

    monkeypatch.setattr(tools.ingest.pdf.engine, "MAX_PAGES", 10)
    shutil.copyfile(corpus_dir / "iddpm" / "paper.pdf", tmp_root / "p.pdf")
    with pytest.raises(TooLarge, match="17 pages, above the 10-page limit"):
        pdf_to_markdown("p.pdf")
    assert not (tmp_root / ".paper-to-code").exists()


def test_markitdown_uses_our_converter(tmp_root, corpus_dir):
    from markitdown import MarkItDown

    from tools.ingest.pdf.markitdown_plugin import markitdown_with_paper_pdf

    pdf = corpus_dir / "iddpm" / "paper.pdf"
    res = markitdown_with_paper_pdf().convert(str(pdf))
    out = res.markdown
    assert out.startswith("<!-- page 1 -->") and res.facts.pages == 17
    plugged = MarkItDown(enable_plugins=True).convert(str(pdf)).markdown  # via the installed entry point
    assert plugged == out


def make_mapless_pdf(path: Path) -> None:
    """One page set in a font whose glyphs have no Unicode map: codes come out as ASCII letters, so B(x)
    prints as 'Bpxq', a minus as '´' and a sum as 'ÿ' (what mathabx-style fonts do in real papers)."""
    import pikepdf

    pdf = pikepdf.new()
    n = pikepdf.Name
    desc = pikepdf.Dictionary(Type=n.FontDescriptor, FontName=n("/XYZMath"), Flags=4,
                              FontBBox=[0, -200, 1000, 800], ItalicAngle=0, Ascent=800, Descent=-200,
                              CapHeight=700, StemV=80)
    enc = pikepdf.Dictionary(Type=n.Encoding, Differences=pikepdf.Array(
        [112, n("/g112"), n("/g113"), 180, n("/g180"), 255, n("/g255")]))
    font = pikepdf.Dictionary(Type=n.Font, Subtype=n.Type1, BaseFont=n("/XYZMath"), FirstChar=32,
                              LastChar=255, Widths=pikepdf.Array([500] * 224),
                              FontDescriptor=pdf.make_indirect(desc), Encoding=enc)
    lines = ["The loss Bpxq = fpx, yq is minimized over all samples in the training set.",
             "We write Lpwq \xb4 1 for the shifted loss and \xff for the sum over all terms here."] * 3
    ops = "BT /F1 11 Tf 72 720 Td 14 TL " + " ".join(f"({t}) '" for t in lines) + " ET"
    page = pikepdf.Dictionary(Type=n.Page, MediaBox=[0, 0, 612, 792],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                              Contents=pdf.make_stream(ops.encode("latin-1")))
    pdf.pages.append(pikepdf.Page(pdf.make_indirect(page)))
    pdf.save(path)


def test_fonts_without_unicode_map_are_reported(tmp_root, corpus_dir):
    pytest.importorskip("pikepdf", reason="pikepdf (dev dependency) writes the test PDF")
    make_mapless_pdf(tmp_root / "mapless.pdf")
    r = pdf_to_markdown("mapless.pdf")
    (w,) = [w for w in r.warnings if "Unicode map" in w]
    assert "pages 1" in w and "LaTeX source" in w
    assert w in json.loads(Path(r.sidecar_path).read_text())["warnings"]
    clean, _ = convert(tmp_root, corpus_dir, "nfp")  # fonts with Unicode maps: no warning
    assert not clean.warnings


def test_cache_is_keyed_by_converter_version(tmp_root, corpus_dir, monkeypatch):
    import tools.ingest.sources.pdf

    convert(tmp_root, corpus_dir, "plrnn")
    assert pdf_to_markdown("plrnn.pdf").cached
    monkeypatch.setattr(tools.ingest.sources.pdf, "CONVERTER_VERSION", "0-test")
    again = pdf_to_markdown("plrnn.pdf")
    assert not again.cached
    assert json.loads(Path(again.sidecar_path).read_text())["converter"]["version"] == "0-test"


BENCH_PAPERS = ROOT / "bench" / "papers"


def convert_bench(tmp_root: Path, name: str) -> list[str]:
    """A hand-written pdflatex paper of bench/papers (see its ORIGIN.md) as Markdown lines."""
    return convert(tmp_root, BENCH_PAPERS, name)[1].split("\n")


def line_ending(lines: list[str], label: str) -> str:
    hits = [s for s in lines if s.rstrip().endswith(f"({label})")]
    assert len(hits) == 1, (label, hits)
    return hits[0]


def test_multline_first_row_joins_the_labelled_row(tmp_root):
    """multline: the first row sits at the left margin, the label ends the second row."""
    one = line_ending(convert_bench(tmp_root, "hand1col"), "2.1")
    assert one.startswith("θt+1 = θt − η∇θL(θt)") and "+ λθt + ϵt." in one
    two = line_ending(convert_bench(tmp_root, "hand2col"), "6")
    assert two.startswith("θt+1 = θt − η∇θL(θt)") and "α1β2γ3δ4κ5ζ6ω7" in two


def test_tag_words_and_symbols_flush_right_are_labels(tmp_root):
    """\\tag{E}, \\tag{KL}, \\tag{dKL}, \\tag{$\\ddagger$}: labels when flush right after maths; prose
    ending a line in '(CNN)' or '(GS)' is no display."""
    lines = convert_bench(tmp_root, "hand1col")
    assert line_ending(lines, "E").startswith("e = mc2")
    assert line_ending(lines, "KL").startswith("DKL(p ∥ q) = Ep")
    assert line_ending(lines, "⋆").startswith("L⋆(θ) = min")
    lines = convert_bench(tmp_root, "hand3times")
    assert "DKL(pt ∥qt)" in line_ending(lines, "dKL")
    assert line_ending(lines, "‡").startswith("F(p,q) = Ep")
    assert not any(s.rstrip().endswith(("(CNN)", "(GS)")) for s in lines)
    assert any("convolutional neural network (CNN) to parameterise" in s for s in lines)


def test_label_on_its_own_line_joins_the_display_above(tmp_root):
    """A display too wide for its label (two-column KLR, the one-column average 2.4): the label drops below
    the display, flush right; it must end the display's line, not open the next paragraph."""
    lines = convert_bench(tmp_root, "hand2col")
    klr = line_ending(lines, "KLR")
    assert klr.startswith("DKL(p ∥ q) = Ep") and "+ c" in klr and "r(x) q(x)" in klr
    assert not any(s.startswith("(KLR)") for s in lines)
    avg = line_ending(convert_bench(tmp_root, "hand1col"), "2.4")
    assert "¯θT" in avg and "∥θT ∥" in avg and "t=1" in avg and "|" not in avg


def test_theorem_heads_come_from_their_font(tmp_root):
    """amsthm heads: bold Theorem/Lemma/Definition, italic Remark (numbered or not), each opening its
    paragraph; prose that opens with 'Theorem 3.3 needs' stays prose."""
    lines = convert_bench(tmp_root, "hand1col")
    assert any(s.startswith("**Remark**. The starred risk") for s in lines)
    assert any(s.startswith("**Lemma 3.2**. If L is") for s in lines)
    assert any(s.startswith("Theorem 3.3 needs L-smoothness") for s in lines)
    lines = convert_bench(tmp_root, "hand2col")
    assert any(s.startswith("**Remark 1**. Tighter bounds") for s in lines)
    assert any(s.startswith("**Definition 1** (Tightness). The gap") for s in lines)
    assert any(s.startswith("Theorem 1 needs bounded") for s in lines)


def test_display_pieces_read_in_linear_order(tmp_root, corpus_dir):
    """Limits attach to their big operator as _{lower}^{upper}; a numerator and a denominator centred on each
    other around the main row read (num)/(den) in place; a cmex big slash between sums stays in the row."""
    def flat(s: str) -> str:
        return s.replace(" ", "")

    nfp = convert(tmp_root, corpus_dir, "nfp")[1].split("\n")
    assert flat(line_ending(nfp, "1")) == flat("distance(x, y) = 1 − ∑min(xi, yi)/∑max(xi, yi) (1)")
    iddpm = convert(tmp_root, corpus_dir, "iddpm")[1].split("\n")
    assert flat(line_ending(iddpm, "1")) == flat("q(x1, ..., xT |x0) := ∏_{t=1}^{T} q(xt|xt−1) (1)")
    assert flat(line_ending(iddpm, "10")) == flat("β˜t := (1 − α¯t−1)/(1 − α¯t) βt (10)")
    kl = line_ending(convert_bench(tmp_root, "hand4mixed"), "KL")
    assert "∑_{i=1}^{N}" in kl and "∑_{j=1}^{M} (rj)/(2sj)" in kl


def test_footnote_marks_are_superscripts_apart_from_their_words(tmp_root, corpus_dir):
    """A footnote mark set small and raised prints as superscript digits, so it never glues onto a word:
    inside a run of Computer Modern text ('to.¹', '¹Particularly'), and as a run of its own in Times
    ('architecture⁴', '¹We additionally'). Exponents and subscripts of maths keep their digits."""
    synth = convert_bench(tmp_root, "synth1col")
    assert any(s.startswith("¹Particularly our this is") for s in synth)
    assert any("with efficiency to.¹ " in s + " " for s in synth)
    assert not any(s.startswith("1Particularly") for s in synth)
    iddpm = convert(tmp_root, corpus_dir, "iddpm")[1].split("\n")
    assert any(s.startswith("¹We additionally tried") for s in iddpm)
    assert any("use a UNet model architecture⁴ similar" in s for s in iddpm)
    lines = convert_bench(tmp_root, "hand1col")
    assert line_ending(lines, "E").startswith("e = mc2")
    assert "α1β2γ3δ4κ5ζ6ω7" in line_ending(convert_bench(tmp_root, "hand2col"), "6")


def test_a_page_the_layout_stages_fail_on_keeps_its_text(tmp_root, corpus_dir, monkeypatch):
    """A defect of one stage on one page's layout costs that page's structure, not the paper: the page's text
    comes line by line, the other pages as usual, and a warning names the page and the error."""
    import tools.ingest.pdf.page_markdown as pm

    real = pm.mark_displays

    def failing_on_page_3(lines, page, *rest):
        if "Improving the Log-likelihood" in page.text and "the authors set" in page.text:
            raise IndexError("list index out of range")
        return real(lines, page, *rest)

    shutil.copyfile(corpus_dir / "iddpm" / "paper.pdf", tmp_root / "p.pdf")
    good = pdf_to_markdown("p.pdf", out_dir="good")
    monkeypatch.setattr(pm, "mark_displays", failing_on_page_3)
    monkeypatch.setattr("tools.ingest.sources.pdf.CONVERTER_VERSION", "test-failing")
    bad = pdf_to_markdown("p.pdf", out_dir="bad")
    assert [w for w in bad.warnings if "layout reader failed (IndexError" in w] == [
        w for w in bad.warnings if w.startswith("pages 3: ")
    ] != []
    pages = lambda md: re.split(r"<!-- page \d+ -->", md)  # noqa: E731
    good_md, bad_md = (Path(r.markdown_path).read_text() for r in (good, bad))
    # pages 2 and 4 share paragraphs with page 3; the rest is untouched
    assert pages(bad_md)[5:] == pages(good_md)[5:] and pages(bad_md)[:2] == pages(good_md)[:2]
    assert "Improving the Log-likelihood" in pages(bad_md)[3] and pages(bad_md)[3] != pages(good_md)[3]


@pytest.mark.parametrize("error", [RuntimeError("boom in the engine"), MemoryError()])
def test_an_engine_failure_reaches_the_caller_as_itself(tmp_root, corpus_dir, monkeypatch, error):
    """A failure of the engine outside any one page (a bug, the call's memory budget) is not answered by
    markitdown's own converter nor worded as a damaged file: it reaches the adapters as itself (a bug with
    its traceback; a MemoryError that the worker reports as the budget) and leaves no paper folder."""
    import tools.ingest.pdf.engine as engine

    def failing(doc, progress=None):
        raise error

    shutil.copyfile(corpus_dir / "nfp" / "paper.pdf", tmp_root / "p.pdf")
    monkeypatch.setattr(engine, "convert_document", failing)
    with pytest.raises(type(error)) as raised:
        pdf_to_markdown("p.pdf", out_dir="out")
    assert raised.value is error
    assert not (tmp_root / "out").exists() or not any((tmp_root / "out").rglob("paper.md"))


def test_figure_labels_beside_a_text_column(tmp_root):
    """hand8figlabels: a prose column beside a column holding only a figure's short labels. The prose reads
    whole, no label inside it; the plot's large '20 ... UCT' is no heading; the \\tag of a reference plus a
    word is a label, and its display's first piece (which pdfium prints on the prose line above) is not
    left in the prose."""
    lines = convert_bench(tmp_root, "hand8figlabels")
    prose = next(s for s in lines if s.startswith("We train the world model"))
    assert "fresh batch of real interactions with the environment before the model is updated" in prose
    for word in ("pong", "qbert", "boxing", "krull", "gopher", "freeway", "seaquest", "private eye"):
        assert word not in prose
    assert not any(s.startswith("#") and "UCT" in s for s in lines)
    assert line_ending(lines, "1 revisited").startswith("L(θ) =")
    r = find_all("\n".join(lines), {"numbered"})
    assert [e.label for e in r["numbered"]] == ["1", "1 revisited"]


def test_line_end_hyphens_kept_in_compounds():
    """TeX breaks no word after a digit and leaves two letters before a break and three after; a paper that
    writes 'log-likelihood' means 'log-' + 'likelihoods' as a compound; 'end-' + 'to-end' is one too. Plain
    hyphenation is still undone."""
    from tools.ingest.pdf.paragraphs import Vocab
    from tools.ingest.pdf.runs import Run

    words = "the log-likelihood of data under a model with selection and training end-to-end learning"
    vocab = Vocab([[Run(words, 0, 100, 0, 10, 0, 0, 0)]])
    assert vocab.join("on 2", "action MDPs", True) == "on 2-action MDPs"
    assert vocab.join("an X", "ray image", True) == "an X-ray image"
    assert vocab.join("containing log", "likelihoods of", True) == "containing log-likelihoods of"
    assert vocab.join("the end", "to-end model", True) == "the end-to-end model"
    assert vocab.join("the selec", "tion of", True) == "the selection of"
    assert vocab.join("the train", "ing data", True) == "the training data"


def test_label_centred_between_aligned_rows_takes_every_row(tmp_root):
    """equation + aligned: LaTeX centres the label between the rows, on a line of its own; the display is
    every row, read top to bottom (four '\\leftarrow' rows under \\small are no fraction), the label last."""
    lines = convert_bench(tmp_root, "hand9rows")
    two = line_ending(lines, "1")
    assert two.startswith("mt ← µmt−1") and "θt ← θt−1 − mt" in two
    four = line_ending(lines, "2")
    assert four.startswith("gt ← ∇θJ(θt−1)") and ")/(" not in four
    assert all(row in four for row in ("vt ← β2vt−1", "vˆt ← vt/(1 − β2)", "θt ← θt−1 − ηt"))


def test_dropped_and_hand_set_labels_close_their_displays(tmp_root):
    """A label dropped below a row too wide for it; a number set by hand a space after a display's stop."""
    lines = convert_bench(tmp_root, "hand9rows")
    displays = [s for s in lines if s.startswith(("ψt+1 ←", "min_"))]  # steps and a caption end in (3), (4)
    assert line_ending(displays, "3").startswith("ψt+1 ← ψt+ηψ∇θt J(θt, Ddev)")
    assert line_ending(displays, "4").startswith("min_{θ} ∑_{n=1}^{N} ∥yn − Φnθ∥2 + λ∥θ∥2.")


def test_numbers_in_tables_captions_and_steps_are_no_labels(tmp_root):
    """'(31.3)' ending a table row, '(6)' ending a sub-caption of words, '(4)' ending an algorithm step that
    cites a display: grep_equations reports only the four displays' labels."""
    md = "\n".join(convert_bench(tmp_root, "hand9rows"))
    assert "698.5 (31.3)" in md and "II Goofspiel (6)" in md and "ESTIMATION(DN ). (4)" in md
    assert sorted(e.label for e in find_all(md, {"numbered"})["numbered"]) == ["1", "2", "3", "4"]


def test_numbered_algorithm_steps_and_captions_are_no_headings(tmp_root):
    """algorithm2e's bold line numbers before a step whose maths went to the next line ('3 Sample B training
    data points') are steps, a caption wrapped after 'with' keeps its end, and a bold 'Figure 1:' caption
    sharing a band with large scaled-down tick labels is no heading."""
    lines = convert_bench(tmp_root, "hand10steps")
    headings = [s for s in lines if s.startswith("#")]
    assert [h for h in headings if not h.startswith("# ")] == ["### 1.1 Training", "### 1.2 Results"]
    assert "3 Sample B training data points" in lines and "4 Sample B validation data points" in lines
    assert any(s.startswith("Figure 1: Source usage by training step.") for s in lines)
    (alg,) = find_all("\n".join(lines), {"algorithm"})["algorithms"]
    assert alg.caption == "Training a weighted classification model and a scorer of its examples with DDS."
    assert [s.split()[0] for s in alg.steps[2:]] == ["1", "2", "3", "4", "5", "6", "7"]
    assert alg.steps[4].endswith("∼ Uniform(Dtrain);")  # the step's maths on the line below joins it
