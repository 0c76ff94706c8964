"""Theorem-like environments that a document class declares itself: Springer's llncs defines example, remark,
claim and a dozen more, and its .cls is rarely in a paper's source."""

from __future__ import annotations

from pathlib import Path

from tools.analysis.equations import find_all
from tools.ingest.latex.document import convert_source

LLNCS = r"""\documentclass{llncs}
\begin{document}
\section{Setting}
\begin{definition}\label{d:walk} A walk is a sequence of edges.\end{definition}
\begin{example}\label{ex:two} Take two nodes joined by one edge.\end{example}
\begin{example} A ring of six nodes.\end{example}
\begin{remark} Walks may repeat nodes.\end{remark}
\begin{claim} Every walk of length one is a path.\end{claim}
As Example~\ref{ex:two} shows, a walk may be short.
\end{document}
"""


def _theorems(tmp_path: Path, source: str) -> tuple[list[tuple[str, str | None]], str]:
    (tmp_path / "main.tex").write_text(source)
    markdown = convert_source(tmp_path).markdown
    return [(t.kind, t.number) for t in find_all(markdown, {"theorem"})["theorems"]], markdown


def test_llncs_declares_example_remark_and_an_unnumbered_claim(tmp_path: Path):
    found, markdown = _theorems(tmp_path, LLNCS)
    assert found == [
        ("definition", "1"), ("example", "1"), ("example", "2"), ("remark", "1"), ("claim", None)
    ]
    assert "As Example 1 shows" in markdown


def test_the_article_class_declares_none_of_them(tmp_path: Path):
    found, _ = _theorems(tmp_path, LLNCS.replace("{llncs}", "{article}"))
    assert found == [("definition", "1")]


def test_llncs_kinds_get_their_own_checklist_ids(tmp_root: Path):
    from tools.analysis.checklist import make_checklist

    source = LLNCS.replace(r"\begin{claim}", r"\begin{note} Walks are finite.\end{note}\begin{claim}")
    (tmp_root / "src").mkdir()
    (tmp_root / "src" / "main.tex").write_text(source)
    paper = tmp_root / "paper.md"
    paper.write_text(convert_source(tmp_root / "src").markdown, encoding="utf-8")
    ids = [i.id for i in make_checklist(str(paper)).items if i.kind == "theorem"]
    assert {"DEF-1", "EX-1", "EX-2", "REM-1", "NOTE-1"} <= set(ids) and len(ids) == len(set(ids)), ids
