"""Text switched off with the comment and version packages stays out of the Markdown, wherever the switch
and the text sit (main file, \\input files, a local package); text switched on keeps its equations."""

from __future__ import annotations

import re
from pathlib import Path

from tools.analysis.equations import find_all
from tools.ingest.latex.comments import apply
from tools.ingest.latex.document import convert_source

PREAMBLE = r"""\documentclass{article}
\usepackage{amsmath,amsthm,comment}
\newtheorem{theorem}{Theorem}
"""


def labels(md: str) -> list[str]:
    return [e.label for e in find_all(md, {"numbered"})["numbered"]]


def test_switch_in_main_file_applies_to_input_files(tmp_path: Path) -> None:
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "bounds.tex").write_text(
        r"""Short version.
\begin{kdd}
\begin{equation} a = 1 \end{equation}
\end{kdd}
\begin{arxiv}
\begin{theorem} A long proof only the extended version prints. \end{theorem}
\begin{equation} b = 2 \end{equation}
\end{arxiv}
\begin{equation} c = 3 \end{equation}
"""
    )
    (tmp_path / "main.tex").write_text(
        PREAMBLE + "\\includecomment{kdd}\\excludecomment{arxiv}\n\\begin{document}\n"
        "\\input{sections/bounds}\n\\end{document}\n"
    )
    md = convert_source(tmp_path).markdown
    assert labels(md) == ["1", "2"]
    assert "a = 1" in md and "c = 3" in md
    assert "b = 2" not in md and "long proof" not in md
    assert find_all(md, {"theorem"})["theorems"] == []
    assert "kdd" not in md and "arxiv" not in md


def test_switch_declared_in_a_local_package(tmp_path: Path) -> None:
    (tmp_path / "switches.sty").write_text("\\RequirePackage{comment}\n\\excludecomment{longversion}\n")
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\\usepackage{amsmath,switches}\n\\begin{document}\n"
        "\\begin{longversion}\\begin{equation} x \\end{equation}\\end{longversion}\n"
        "\\begin{equation} y \\end{equation}\n\\end{document}\n"
    )
    md = convert_source(tmp_path).markdown
    assert labels(md) == ["1"] and "$$ y $$ (1)" in md


def test_include_special_and_plain_comment() -> None:
    text = r"""\includecomment{short}\excludecomment{long}\specialcomment{note}{[NOTE: }{]}
A \begin{short}S \begin{long}L\end{long} s\end{short} B
\begin{note}n\end{note} \begin{comment}
c \end{comment} D \begin{long}
several
lines \end{long} E"""
    out = apply(text)
    assert re.sub(r"\s+", " ", out).strip() == "A S s B [NOTE: n] D E"


def test_later_declaration_wins_and_version_package() -> None:
    text = r"""\excludeversion{draft}\begin{draft}one\end{draft}
\includeversion{draft}\begin{draft}two\end{draft}
\excludecomment{draft}\begin{draft}three\end{draft}"""
    assert apply(text).split() == ["two"]


def test_an_environment_used_before_any_declaration_is_kept() -> None:
    assert "\\begin{later}x\\end{later}" in apply("\\begin{later}x\\end{later} \\excludecomment{other}")


def test_an_unclosed_excluded_environment_drops_to_the_end() -> None:
    assert apply("\\excludecomment{x}keep \\begin{x} lost").strip() == "keep"
