"""Counter formats a shipped package redefines: at its top level they hold (a journal's `(S1)`); inside a
branch of one of its options (`\\ifthenelse{\\boolean{...}}{...}{\\renewcommand{\\theequation}...}`) this
reader cannot tell which branch LaTeX took, so the class's own numbering stays (a thesis in `scrreprt` numbers
its equations per chapter, 2.1, 2.2, ...)."""

from __future__ import annotations

from pathlib import Path

from tools.analysis.equations import find_all
from tools.ingest.latex.document import convert_source

THESIS = r"""\documentclass[oneside]{scrreprt}
\usepackage{mythesis}
\begin{document}
\chapter{Background}
\begin{equation} a = b \label{eq:a} \end{equation}
\begin{equation} c = d \end{equation}
\chapter{Method}
\begin{equation} e = f \end{equation}
By (\ref{eq:a}) the rest follows.
\end{document}
"""

CONDITIONAL = r"""\ProvidesPackage{mythesis}
\newboolean{my@perchapter}
\ifthenelse{\boolean{my@perchapter}}{\relax}{%
    \renewcommand{\theequation}{\arabic{equation}}%
}
"""


def _labels(tmp_path: Path, package: str) -> tuple[list[str], str]:
    (tmp_path / "main.tex").write_text(THESIS)
    (tmp_path / "mythesis.sty").write_text(package)
    markdown = convert_source(tmp_path).markdown
    return [e.label for e in find_all(markdown, {"numbered"})["numbered"]], markdown


def test_a_format_inside_a_packages_option_branch_leaves_the_chapter_numbering(tmp_path: Path):
    labels, markdown = _labels(tmp_path, CONDITIONAL)
    assert labels == ["1.1", "1.2", "2.1"]
    assert "By (1.1) the rest follows" in markdown


def test_a_format_a_package_sets_at_its_top_level_holds(tmp_path: Path):
    labels, _ = _labels(tmp_path, "\\renewcommand{\\theequation}{S\\arabic{equation}}\n")
    assert labels == ["S1", "S2", "S1"]  # the format changes; the counter still restarts each chapter
