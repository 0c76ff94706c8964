"""Where findings are in the PDF beyond equations: tables on the PDF route, numbered items on the LaTeX route
(boxes matched in the paper's PDF), the checklist naming those crops, and flags that say what was lost."""

from __future__ import annotations

import shutil
from pathlib import Path

from tools.analysis.checklist import make_checklist
from tools.analysis.equations import grep_equations
from tools.ingest.paper import pdf_to_markdown
from tools.ingest.pdf import flags
from tools.ingest.render import render_page

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def _copy(root: Path, name: str, *, pdf: bool = True) -> Path:
    (root / name).mkdir()
    shutil.copytree(CORPUS / name / "source", root / name / "source")
    if pdf:
        shutil.copy(CORPUS / name / "paper.pdf", root / name / "paper.pdf")
    return root / name


def _inside(inner: list[float], outer: list[float]) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def test_pdf_tables_are_findings_with_page_and_box(tmp_root: Path) -> None:
    folder = _copy(tmp_root, "iddpm")
    r = pdf_to_markdown(str(folder / "paper.pdf"))
    g = grep_equations(r.markdown_path, kinds=["table", "hyperparameter"])
    assert [t.number for t in g.tables][:4] == ["1", "2", "3", "4"]
    assert all(t.page and t.bbox for t in g.tables)
    first = g.tables[0]
    assert first.caption.startswith("Ablating schedule") and first.rows and "NLL" in first.rows[0]
    assert first.bbox[3] - first.bbox[1] > 30  # the caption and the table's body, not one line
    from_tables = [h for h in g.hyperparameters if h.where == "table"]
    assert from_tables and all(h.page and h.bbox for h in from_tables)
    # a value read from a table carries the box of its row, inside that table's box
    assert all(any(_inside(h.bbox, t.bbox) for t in g.tables if t.page == h.page) for h in from_tables)
    crop = render_page(r.paper_id, first.page, first.bbox)
    assert crop.width > crop.height > 50
    assert "Table 1 p5" in g.summary_text()


def test_latex_route_items_carry_the_pdf_routes_boxes(tmp_root: Path) -> None:
    for name in ("iddpm", "nfp"):
        folder = _copy(tmp_root, name)
        on_latex = grep_equations(pdf_to_markdown(str(folder / "source")).markdown_path)
        on_pdf = grep_equations(pdf_to_markdown(str(folder / "paper.pdf")).markdown_path)
        latex = {f"({e.label})": (e.page, e.bbox) for e in on_latex.numbered}
        latex |= {f"Algorithm {a.number}": (a.page, a.bbox) for a in on_latex.algorithms}
        pdf = {f"({e.label})": (e.page, e.bbox) for e in on_pdf.numbered}
        pdf |= {f"Algorithm {a.number}": (a.page, a.bbox) for a in on_pdf.algorithms}
        assert latex and all(page and box for page, box in latex.values()), latex
        assert latex == {k: pdf[k] for k in latex}
        assert all(e.latex for e in on_latex.numbered)  # still the exact LaTeX bodies


def test_latex_route_without_a_pdf_has_no_pages_or_boxes(tmp_root: Path) -> None:
    folder = _copy(tmp_root, "nfp", pdf=False)
    g = grep_equations(pdf_to_markdown(str(folder / "source")).markdown_path)
    items = [*g.numbered, *g.algorithms]
    assert items and all(i.page is None and i.bbox is None for i in items)


def test_latex_checklist_names_pages_and_crops(tmp_root: Path) -> None:
    folder = _copy(tmp_root, "iddpm")
    res = make_checklist(pdf_to_markdown(str(folder / "source")).markdown_path)
    assert res.route == "latex"
    eq = {i.id: i for i in res.items if i.kind == "equation"}
    assert eq["EQ-1"].page == 2 and "render: page 2, bbox [" in eq["EQ-1"].notes
    row = next(ln for ln in Path(res.path).read_text(encoding="utf-8").splitlines() if "**EQ-1**" in ln)
    assert "p. 2" in row and "render: page 2" in row


def test_a_short_root_bar_is_read_and_a_long_one_flagged(tmp_root: Path) -> None:
    folder = _copy(tmp_root, "iddpm")
    g = grep_equations(pdf_to_markdown(str(folder / "paper.pdf")).markdown_path, kinds=["numbered"])
    by = {e.label: e for e in g.numbered}
    # (8) √ᾱt x0: the bar covers the one symbol the text reads after √
    assert not by["8"].check, by["8"].body
    # (2) √(1 − βt) xt−1: the text cannot say where the root ends
    assert by["2"].check == [flags.ROOT], by["2"].body


def test_an_accent_beside_its_letter_is_kept_one_apart_is_flagged() -> None:
    from tools.ingest.pdf.lines import Line
    from tools.ingest.pdf.runs import Run

    class NoRules:
        def rules(self) -> list:
            return []

    def display(text: str) -> Line:
        return Line([Run(text, 100, 300, 500, 10, 0, len(text), 0)], 100, 300, 500, 10, text, kind="display")

    kept = [display(t) for t in ("ˆf(λj ) = ˆfj", "q = N (xt−1; ˜µ(xt, x0), β˜tI)", "z1 = ∆˜ x")]
    apart = [display(t) for t in ("gθ(Λ) = ∑ θkTk(Λ) ˜ ,", "ψ ̄ (x) = sup")]
    flags.flag_lines([*kept, *apart], NoRules(), 10)
    assert [ln.flags for ln in kept] == [[], [], []]
    assert [ln.flags for ln in apart] == [[flags.ACCENT], [flags.ACCENT]]
