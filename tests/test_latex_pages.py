"""LaTeX-route findings get their PDF page when the paper's PDF is known, matched by their printed labels."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tools.analysis.equations import grep_equations
from tools.ingest.paper import pdf_to_markdown

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def _paper(root: Path, name: str, *, pdf: bool = True) -> Path:
    (root / name).mkdir()
    shutil.copytree(CORPUS / name / "source", root / name / "source")
    if pdf:
        shutil.copy(CORPUS / name / "paper.pdf", root / name / "paper.pdf")
    return root / name


def _pages(markdown_path: str) -> dict[str, int | None]:
    g = grep_equations(markdown_path, kinds=["numbered", "algorithm", "theorem"])
    out: dict[str, int | None] = {f"({e.label})": e.page for e in g.numbered}
    out |= {f"Algorithm {a.number}": a.page for a in g.algorithms}
    out |= {f"{t.kind} {t.number}": t.page for t in g.theorems}
    return out


def test_pages_agree_with_the_pdf_route(tmp_root: Path) -> None:
    for name in ("iddpm", "nfp"):
        folder = _paper(tmp_root, name)
        latex = pdf_to_markdown(str(folder / "source"))
        assert latex.pdf_path == str((folder / "paper.pdf").resolve())
        on_latex = _pages(latex.markdown_path)
        on_pdf = _pages(pdf_to_markdown(str(folder / "paper.pdf")).markdown_path)
        assert on_latex and all(on_latex.values()), on_latex  # every numbered item has a page
        shared = {k for k in on_latex if on_pdf.get(k)}
        assert len(shared) >= 0.9 * len(on_latex)
        assert {k: on_latex[k] for k in shared} == {k: on_pdf[k] for k in shared}
    assert _pages(latex.markdown_path) == {"(1)": 3, "Algorithm 1": 3, "Algorithm 2": 3}  # nfp, as printed


def test_no_pdf_no_page_and_a_damaged_pdf_is_no_failure(tmp_root: Path) -> None:
    folder = _paper(tmp_root, "nfp", pdf=False)
    res = pdf_to_markdown(str(folder / "source"))
    assert res.pdf_path is None and set(_pages(res.markdown_path).values()) == {None}
    other = _paper(tmp_root, "plrnn", pdf=False)
    (other / "paper.pdf").write_bytes(b"%PDF-1.4\n% not really a PDF\n")
    res = pdf_to_markdown(str(other / "source"))
    side = json.loads(Path(res.sidecar_path).read_text())
    assert side["route"] == "latex" and not side.get("label_pages")
    assert set(_pages(res.markdown_path).values()) == {None}
