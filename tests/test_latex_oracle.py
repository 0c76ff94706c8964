"""LaTeX itself as the oracle: compile each source with a hook that logs every equation number and theorem
head LaTeX prints, and compare with the labels the converter wrote (same order). The converter never runs TeX;
only this test does, and it is skipped where TeX Live is not installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tools.ingest.latex.document import convert_source

FIXTURES = Path(__file__).parent / "fixtures"
PDFLATEX = shutil.which("pdflatex")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(PDFLATEX is None, reason="pdflatex (TeX Live) is not installed: no oracle to ask"),
]
HOOK = r"""
\makeatletter
\newwrite\ptclog \immediate\openout\ptclog=\jobname.numbers
\def\ptc@log#1#2{\begingroup\let\Hy@raisedlink\@gobble\protected@edef\ptc@x{#2}%
  \edef\ptc@do{\write\ptclog{#1 \unexpanded\expandafter{\ptc@x}}}\ptc@do\endgroup}
\AtBeginDocument{%
  \@ifpackageloaded{amsmath}{%
    \let\ptc@tagform\tagform@ \def\tagform@#1{\ptc@log{EQ}{#1}\ptc@tagform{#1}}%
  }{%
    \let\ptc@eqnnum\@eqnnum \def\@eqnnum{\ptc@log{EQ}{\theequation}\ptc@eqnnum}%
  }%
  \@ifpackageloaded{amsthm}{%
    \let\ptc@thmhead\thmhead \def\thmhead#1#2#3{\ptc@log{THM}{#1 #2}\ptc@thmhead{#1}{#2}{#3}}%
  }{%
    \let\ptc@begthm\@begintheorem \def\@begintheorem#1#2{\ptc@log{THM}{#1 #2}\ptc@begthm{#1}{#2}}%
    \let\ptc@opbegthm\@opargbegintheorem
    \def\@opargbegintheorem#1#2#3{\ptc@log{THM}{#1 #2}\ptc@opbegthm{#1}{#2}{#3}}%
  }%
}
\makeatother
"""
DOCS = {
    "align rows, tags, trailing row": (
        r"\usepackage{amsmath}",
        r"""
\begin{align} a &= 1 \\ b &= 2 \notag \\ c &= 3 \tag{T} \\ d &= 4 \\ \end{align}
\begin{eqnarray} x &=& 1 \nonumber \\ y &=& 2 \end{eqnarray}
\begin{equation} e = 1 \nonumber \end{equation}
\begin{flalign} f &= 1 & g &= 2 \end{flalign}
\begin{subequations} \begin{align} b \\ c \end{align} \begin{equation} d \end{equation} \end{subequations}
\begin{equation} e \end{equation}
\renewcommand{\theequation}{A\arabic{equation}} \setcounter{equation}{0}
\begin{equation} f \end{equation}""",
    ),
    "numberwithin and appendix": (
        r"\usepackage{amsmath}\numberwithin{equation}{section}",
        r"""
\begin{equation} a \end{equation}
\section{One} \begin{equation} b \end{equation} \begin{equation} c \end{equation}
\section*{Unnumbered} \begin{equation} d \end{equation}
\section{Two} \setcounter{equation}{6} \begin{equation} e \end{equation}
\appendix \section{Extra} \begin{gather} f \\ g \end{gather}""",
    ),
    "theorem counters": (
        r"""\usepackage{amsthm,thmtools,aliascnt}
\newtheorem{theorem}{Theorem}[section]
\newaliascnt{corollary}{theorem}
\newtheorem{corollary}[corollary]{Corollary}
\aliascntresetthe{corollary}
\newtheorem{conj}{Conjecture}
\counterwithin{conj}{subsection}
\declaretheorem[sibling=theorem]{lemma}
\declaretheorem[name=Fact,numbered=no]{fact}
\declaretheorem{claim}""",
        r"""
\section{A} \begin{theorem} t \end{theorem} \begin{lemma} l \end{lemma} \begin{corollary} c \end{corollary}
\subsection{AA} \begin{conj} q \end{conj} \begin{fact} f \end{fact} \begin{claim} k \end{claim}
\section{B} \begin{lemma}[Named] m \end{lemma} \begin{claim} k2 \end{claim}""",
    ),
    "kernel equation and theorems": (
        r"\newtheorem{thm}{Theorem}[section]\newtheorem{cor}[thm]{Corollary}",
        r"""
\section{A} \begin{equation} a \end{equation} \begin{thm}[T] x \end{thm} \begin{cor} y \end{cor}
\begin{eqnarray} p &=& q \\ r &=& s \nonumber \\ t &=& u \end{eqnarray}""",
    ),
    "comment package": (
        r"""\usepackage{amsmath,amsthm,comment}\newtheorem{theorem}{Theorem}
\includecomment{short}\excludecomment{long}\specialcomment{note}{}{}""",
        r"""
\begin{equation} a \end{equation}
\begin{short}
\begin{theorem} s \end{theorem} \begin{equation} b \end{equation}
\end{short}
\begin{long}
\begin{theorem} l \end{theorem} \begin{align} c \\ d \end{align}
\end{long}
\begin{note}
\begin{equation} e \end{equation}
\end{note}
\begin{comment}
\begin{equation} f \end{equation}
\end{comment}
\excludecomment{short}
\begin{short}
\begin{equation} g \end{equation}
\end{short}
\begin{theorem} t \end{theorem} \begin{equation} h \end{equation}""",
    ),
}


def printed(folder: Path, main: str, tmp_path: Path) -> list[str]:
    work = tmp_path / "tex"
    shutil.copytree(folder, work)
    path = work / main
    text = path.read_text()
    text = re.sub(r"\\usepackage\s*(?:\[[^\]]*\])?\{hyperref\}", "", text)  # its anchors garble logged tags
    path.write_text(text.replace("\\begin{document}", HOOK + "\\begin{document}", 1))
    for _ in range(2):  # restatable re-prints need the .aux of a first run
        subprocess.run(
            [PDFLATEX, "-interaction=nonstopmode", "-no-shell-escape", main],
            cwd=work,
            timeout=180,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    log = (work / main).with_suffix(".numbers").read_text().splitlines()
    out = [re.sub(r"\s+", "", ln) for ln in log if not ln.startswith("EQ \\ref")]  # \eqref uses \tagform@ too
    return [re.sub(r"\\MakeUppercase(?:\[\])?\{(\w)\}", lambda m: m.group(1).upper(), x) for x in out]


def written(markdown: str) -> list[str]:
    out = []
    for line in markdown.splitlines():
        if m := re.match(r"^\$\$ .* \$\$ \((.+)\)$", line):
            out.append("EQ" + re.sub(r"\s+", "", m.group(1)))
        elif (m := re.match(r"^\*\*([A-Z][a-z]+)(?: ([A-Z0-9.]+))?\*\*", line)) and m.group(1) not in (
            "Algorithm",
            "Table",
            "Figure",
        ):
            out.append("THM" + m.group(1) + (m.group(2) or ""))
    return out


SOURCES = [
    (FIXTURES / "latex" / "papers" / "numbered" / "source", "main.tex"),
    (FIXTURES / "latex" / "papers" / "plain" / "source", "paper.tex"),
    (FIXTURES / "latex" / "papers" / "wild" / "source", "main.tex"),
    (FIXTURES / "corpus" / "iddpm" / "source", "main.tex"),
    (FIXTURES / "corpus" / "nfp" / "source", "neural-fingerprints.tex"),
]


@pytest.mark.parametrize(
    ("folder", "main"), SOURCES, ids=lambda x: x.parent.name if isinstance(x, Path) else ""
)
def test_papers_match_latex(folder: Path, main: str, tmp_path: Path) -> None:
    want = printed(folder, main, tmp_path)
    assert want, "the hook logged nothing: the oracle itself failed"
    assert written(convert_source(folder / main).markdown) == want


@pytest.mark.parametrize("name", DOCS)
def test_documents_match_latex(name: str, tmp_path: Path) -> None:
    preamble, body = DOCS[name]
    src = tmp_path / "src"
    src.mkdir()
    (src / "main.tex").write_text(
        f"\\documentclass{{article}}\n{preamble}\n\\begin{{document}}\n{body}\n\\end{{document}}\n"
    )
    want = printed(src, "main.tex", tmp_path)
    assert want
    assert written(convert_source(src / "main.tex").markdown) == want


def test_theorems_of_a_local_class_match_latex(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "venue.cls").write_text(
        "\\NeedsTeXFormat{LaTeX2e}\\ProvidesClass{venue}\\LoadClass{article}\\RequirePackage{amsthm}\n"
        "\\newtheorem{theorem}{Theorem}[section]\n\\newtheorem{lemma}[theorem]{Lemma}\n"
        "\\newtheorem{remark}{Remark}\n"
    )
    (src / "main.tex").write_text(
        "\\documentclass{venue}\n\\begin{document}\n\\section{A}\\begin{lemma} l \\end{lemma}"
        "\\begin{remark} r \\end{remark}\\begin{theorem} t \\end{theorem}\n"
        "\\section{B}\\begin{remark} q \\end{remark}\\begin{lemma} m \\end{lemma}\n\\end{document}\n"
    )
    want = printed(src, "main.tex", tmp_path)
    assert want == ["THMLemma1.1", "THMRemark1", "THMTheorem1.2", "THMRemark2", "THMLemma2.1"]
    assert written(convert_source(src / "main.tex").markdown) == want
