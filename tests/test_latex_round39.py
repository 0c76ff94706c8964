"""LaTeX-route forms met in the thirty-ninth round, in sources written here: a class that loads its base
class through a macro, and an algorithm box named by the figure around it."""

from __future__ import annotations

from pathlib import Path

from tools.analysis.equations import find_all
from tools.ingest.latex.document import convert_source


def test_a_class_loading_its_base_through_a_macro_numbers_equations_by_chapter(tmp_path: Path) -> None:
    (tmp_path / "thesis.cls").write_text(
        "\\NeedsTeXFormat{LaTeX2e}\\ProvidesClass{thesis}\\providecommand{\\baseclass}{book}\n"
        "\\LoadClass{\\baseclass}\n"
    )
    (tmp_path / "main.tex").write_text(
        "\\documentclass{thesis}\\begin{document}\\chapter{One}\\begin{equation}a=b\\end{equation}"
        "\\chapter{Two}\\begin{equation}c=d\\end{equation}\\begin{equation}e=f\\end{equation}\\end{document}"
    )
    md = convert_source(tmp_path / "main.tex").markdown
    labels = [e.label for e in find_all(md, {"numbered"})["numbered"]]
    assert labels == ["1.1", "2.1", "2.2"]


def test_an_uncaptioned_algorithm_box_in_a_captioned_figure_takes_the_figures_caption(tmp_path: Path) -> None:
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\\usepackage[ruled]{algorithm2e}\\begin{document}\n"
        "\\begin{figure}[h]\\begin{algorithm}[H]\\KwData{pairs $C$}\\For{$(u, v) \\in C$}{$d = v - u$\\;}"
        "\\end{algorithm}\\caption{Simple projection procedure.}\\label{fig:p}\\end{figure}\n"
        "\\begin{figure}[h]\\begin{algorithm}[H]\\KwData{a set}\\caption{Own caption}\\end{algorithm}"
        "\\caption{Outer}\\end{figure}\n\\end{document}"
    )
    md = convert_source(tmp_path / "main.tex").markdown
    algs = find_all(md, {"algorithm"})["algorithms"]
    assert [(a.number, a.caption) for a in algs] == [
        (None, "(Figure 1) Simple projection procedure."),
        ("1", "Own caption"),
    ]
    assert len(algs[0].steps) == 3
