"""A thesis class shipped beside the paper that builds on a standard class (`\\LoadClass[...]{book}`, as
university templates do) numbers equations per chapter as that class does: (1.1), (2.1), not (1), (2)."""

from __future__ import annotations

from pathlib import Path

from tools.analysis.equations import find_all
from tools.ingest.latex.document import convert_source

MAIN = r"""\documentclass[oneside]{unithesis}
\begin{document}
\chapter{Background}
\begin{equation} a = b \end{equation}
\chapter{Method}
\begin{equation} c = d \end{equation}
\begin{equation} e = f \end{equation}
\end{document}
"""

CLASS = r"""\NeedsTeXFormat{LaTeX2e}
\ProvidesClass{unithesis}
\LoadClass [
    a4paper, % page size
    12pt
    ] { BASE }
"""


def _labels(tmp_path: Path, base: str) -> list[str]:
    (tmp_path / "main.tex").write_text(MAIN)
    (tmp_path / "unithesis.cls").write_text(CLASS.replace("BASE", base))
    markdown = convert_source(tmp_path).markdown
    return [e.label for e in find_all(markdown, {"numbered"})["numbered"]]


def test_a_shipped_class_built_on_book_numbers_equations_per_chapter(tmp_path: Path):
    assert _labels(tmp_path, "book") == ["1.1", "2.1", "2.2"]


def test_a_shipped_class_built_on_article_numbers_them_through(tmp_path: Path):
    assert _labels(tmp_path, "article") == ["1", "2", "3"]


def test_a_shipped_class_that_numbers_equations_through_the_book_is_obeyed(tmp_path: Path):
    (tmp_path / "main.tex").write_text(MAIN)
    through = "\\counterwithout{section}{chapter}\n\\counterwithout{equation}{chapter}\n"
    (tmp_path / "unithesis.cls").write_text(CLASS.replace("BASE", "scrbook") + through)
    markdown = convert_source(tmp_path).markdown
    assert [e.label for e in find_all(markdown, {"numbered"})["numbered"]] == ["1", "2", "3"]
    # inside a definition it is no declaration of the class: the book's numbering holds
    inside = "\\def\\flat{\n\\counterwithout{equation}{chapter}}\n"
    (tmp_path / "unithesis.cls").write_text(CLASS.replace("BASE", "book") + inside)
    markdown = convert_source(tmp_path).markdown
    assert [e.label for e in find_all(markdown, {"numbered"})["numbered"]] == ["1.1", "2.1", "2.2"]
