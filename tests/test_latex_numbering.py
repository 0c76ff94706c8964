"""Equation, section, theorem and algorithm numbers as LaTeX prints them, on small synthetic documents."""

from __future__ import annotations

import re
from pathlib import Path

from tools.ingest.latex.document import convert_source


def convert(tmp_path: Path, body: str, preamble: str = "", cls: str = "article") -> str:
    main = tmp_path / "main.tex"
    main.write_text(f"\\documentclass{{{cls}}}\n{preamble}\n\\begin{{document}}\n{body}\n\\end{{document}}\n")
    return convert_source(main).markdown


def labels(md: str) -> list[str | None]:
    return [m.group(2) for m in re.finditer(r"^\$\$ (.*) \$\$(?: \((.+)\))?$", md, re.M)]


def heads(md: str) -> list[str]:
    return re.findall(r"^\*\*([A-Z][a-z]+(?: [A-Z0-9.]+)?)\*\*", md, re.M)


def test_align_rows_nonumber_tag_and_trailing_row(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""
\begin{align} a &= 1 \\ b &= 2 \notag \\ c &= 3 \tag*{T} \\ d &= 4 \\ \end{align}
\begin{eqnarray} x &=& 1 \nonumber \\ y &=& 2 \end{eqnarray}
\begin{equation} e = 1 \nonumber \end{equation}
\begin{flalign} f &= 1 & g &= 2 \end{flalign}
\begin{align*} h &= 1 \\ i &= 2 \end{align*}""",
    )
    # amsmath numbers the empty row after a final \\ too (a lone label in the PDF)
    assert labels(md) == ["1", None, "T", "2", "3", None, "4", None, "5", None, None]


def test_numberwithin_section_appendix_and_setcounter(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""
\begin{equation} a \end{equation}
\section{One} \begin{equation} b \end{equation} \begin{equation} c \end{equation}
\section*{Unnumbered} \begin{equation} d \end{equation}
\section{Two} \setcounter{equation}{6} \begin{equation} e \end{equation}
\appendix \section{Extra} \begin{gather} f \\ g \end{gather}""",
        r"\usepackage{amsmath}\numberwithin{equation}{section}",
    )
    assert labels(md) == ["0.1", "1.1", "1.2", "1.3", "2.7", "A.1", "A.2"]
    assert "## 1 One" in md and "## Unnumbered" in md and "## A Extra" in md


def test_report_class_numbers_within_chapters(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""
\chapter{Intro} \section{S} \begin{equation} a \end{equation}
\begin{figure}\caption{F}\end{figure}
\chapter{Next} \begin{equation} b \end{equation}
\appendix \chapter{App} \section{Sub} \begin{equation} c \end{equation}""",
        cls="report",
    )
    assert labels(md) == ["1.1", "2.1", "A.1"]
    assert "### 1.1 S" in md and "**Figure 1.1** F" in md and "### A.1 Sub" in md


def test_subequations_and_custom_formats(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""
\begin{equation} a \end{equation}
\begin{subequations} \begin{align} b \\ c \end{align} \begin{equation} d \end{equation} \end{subequations}
\begin{equation} e \end{equation}
\renewcommand{\theequation}{A\arabic{equation}} \setcounter{equation}{0}
\begin{equation} f \end{equation}""",
    )
    assert labels(md) == ["1", "2a", "2b", "2c", "3", "A1"]


def test_numcases_number_each_row_and_subnumcases_letter_them(tmp_path: Path) -> None:
    """The cases package (held-out class: an ICLR submission lost its definitions): one left-hand side,
    a number per row (numcases) or letters under one number (subnumcases, named by a label in the left-hand
    side); each row is written as its own equation with its condition."""
    md = convert(
        tmp_path,
        r"""
\begin{equation} a = b \end{equation}
\begin{subnumcases}{\label{eq:f} f(x) =}
x^2 & if $x > 0$ \label{eq:fa} \\
0 & otherwise \label{eq:fb}
\end{subnumcases}
\begin{numcases}{g(x) =}
x & if $x > 0$ \\
-x & otherwise
\end{numcases}
\begin{equation} c = d \end{equation}
See \eqref{eq:f} and \eqref{eq:fb}.""",
        preamble=r"\usepackage{cases}",
    )
    assert labels(md) == ["1", "2a", "2b", "3", "4", "5"]
    assert "$$ f(x) = 0 \\quad \\text{otherwise} $$ (2b)" in md and "See (2) and (2b)." in md


def test_theorem_counters_shared_within_and_thmtools(tmp_path: Path) -> None:
    pre = r"""\usepackage{amsthm,thmtools,aliascnt}
\newtheorem{theorem}{Theorem}[section]
\newaliascnt{corollary}{theorem}
\newtheorem{corollary}[corollary]{Corollary}
\newtheorem{conj}{Conjecture}
\counterwithin{conj}{subsection}
\declaretheorem[sibling=theorem]{lemma}
\declaretheorem[name=Fact,numbered=no]{fact}
\declaretheorem{claim}"""
    md = convert(
        tmp_path,
        r"""
\section{A} \begin{theorem} t \end{theorem} \begin{lemma} l \end{lemma} \begin{corollary} c \end{corollary}
\subsection{AA} \begin{conj} q \end{conj} \begin{fact} f \end{fact} \begin{claim} k \end{claim}
\section{B} \begin{lemma}[Named] m \end{lemma} \begin{claim} k2 \end{claim}""",
        pre,
    )
    assert heads(md) == [
        "Theorem 1.1",
        "Lemma 1.2",
        "Corollary 1.3",
        "Conjecture 1.1.1",
        "Fact",
        "Claim 1",
        "Lemma 2.1",
        "Claim 2",
    ]
    assert "**Lemma 2.1** (Named). m" in md


def test_algorithms_numbered_within_sections_and_referenced(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""
\section{A}
\begin{algorithm} \label{alg:x} \caption{First} \begin{algorithmic} \STATE $x \gets 1$ \IF{$x>0$} \STATE y
\ELSE \STATE z \ENDIF \RETURN $x$ \end{algorithmic} \end{algorithm}
See Algorithm~\ref{alg:x} and \cref{alg:x}.""",
        r"\usepackage[section]{algorithm}\usepackage{algorithmic}",
    )
    assert "**Algorithm 1.1** First\n1. $x \\gets 1$\n2. **if** $x>0$ **then**\n    3. y\n4. **else**\n" in md
    assert "See Algorithm 1.1 and Algorithm 1.1." in md


def test_tables_figures_lists_and_text(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""
\begin{table}\caption{Results}\begin{tabular}{l|cc}\hline \multicolumn{2}{c}{Model} & Acc \\ \hline
a & b & $90\%$ \\ c & \textbf{d} & 80\% \\ \hline \end{tabular}\end{table}
\begin{itemize} \item First \item Second with \emph{stress} \end{itemize}
\begin{enumerate} \item One \end{enumerate}
Caf\'e na\"ive --- ``quoted'' \url{https://x.org} \footnote{note}.
Cited \citep[e.g.,][]{a,b} and \cite[p.~3]{c}.""",
    )
    assert (
        "**Table 1** Results\n\n| Model |  | Acc |\n|---|---|---|\n| a | b | $90\\%$ |\n| c | **d** | 80% |"
        in md
    )
    assert "- First\n\n- Second with *stress*" in md and "1. One" in md
    assert "Café naïve — “quoted” <https://x.org> (footnote: note). Cited [e.g., a; b] and [c, p. 3]." in md


def test_theorems_declared_in_a_local_package(tmp_path: Path) -> None:
    (tmp_path / "mythm.sty").write_text(
        "\\ProvidesPackage{mythm}\\RequirePackage{amsthm}\n\\newtheorem{theorem}{Theorem}[section]\n"
        "\\newtheorem{lemma}[theorem]{Lemma}\n\\newcommand{\\R}{\\mathbb{R}}\n"
    )
    md = convert(
        tmp_path,
        r"\section{A} \begin{lemma} $x \in \R$ \end{lemma} \begin{theorem} y \end{theorem}",
        r"\usepackage{mythm}",
    )
    assert heads(md) == ["Lemma 1.1", "Theorem 1.2"] and r"$x \in \mathbb{R}$" in md


def test_a_local_package_beside_a_main_file_in_a_subfolder(tmp_path: Path) -> None:
    """LaTeX runs where the main file is: a folder whose main file sits in paper/ loads paper/x.sty."""
    (tmp_path / "paper").mkdir()
    (tmp_path / "paper" / "mymath.sty").write_text("\\newcommand{\\Ex}{\\mathop{\\mathbb{E}}}\n")
    (tmp_path / "paper" / "main.tex").write_text(
        "\\documentclass{article}\n\\usepackage{mymath}\n\\begin{document}\n"
        "\\begin{equation} m = \\Ex[x] \\end{equation}\n\\end{document}\n"
    )
    (tmp_path / "refs.bib").write_text("")
    md = convert_source(tmp_path).markdown
    assert r"$$ m = \mathop{\mathbb{E}}[x] $$ (1)" in md


def test_displays_numbered_by_hand_advance_the_counter(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""
\begin{equation} a = 1 \label{first} \end{equation}
$$ b = 2 \refstepcounter{equation}~(\theequation) \label{byhand} $$
\[ c = 3 \stepcounter{equation} \]
\begin{equation} d = 4 \addtocounter{equation}{-1} \end{equation}
\begin{equation*} e = 5 \refstepcounter{equation} \tag{\theequation} \label{tagged} \end{equation*}
\begin{align} f &= 6 \setcounter{equation}{9} \\ g &= 7 \end{align}
See (\ref{first}), (\ref{byhand}), (\ref{tagged}).""",
        r"\usepackage{amsmath}",
    )
    assert labels(md) == ["1", "2", None, "3", "4", "10", "11"]
    assert "$$ b = 2 $$ (2)" in md and "$$ e = 5 $$ (4)" in md
    assert "See (1), (2), (4)." in md


SHOW_ONLY_REFS = r"""
\begin{equation} a = 1 \label{eq:a} \end{equation}
\begin{equation} b = 2 \label{eq:b} \end{equation}
\begin{equation} c = 3 \end{equation}
\begin{align} d &= 4 \label{eq:d} \\ e &= 5 \label{eq:e} \\ f &= 6 \tag{T} \end{align}
\begin{equation} g = 7 \label{eq:g} \end{equation}
See \eqref{eq:g} and \eqref{eq:a}, and \ref{eq:b}. \noeqref{eq:x, eq:e}"""


def test_showonlyrefs_numbers_only_the_referenced_displays(tmp_path: Path) -> None:
    # \eqref (even after the display), \noeqref's list and \tag print; \ref alone does not count
    for preamble in (
        r"\usepackage{mathtools}\mathtoolsset{showonlyrefs}",
        r"\usepackage{mathtools}\mathtoolsset{showmanualtags, showonlyrefs=true}",
        r"\usepackage[showonlyrefs]{mathtools}",
    ):
        md = convert(tmp_path, SHOW_ONLY_REFS, preamble)
        assert labels(md) == ["1", None, None, None, "2", "T", "3"], preamble
        assert "See (3) and (1)" in md


def test_showonlyrefs_turned_off_numbers_every_display(tmp_path: Path) -> None:
    for preamble in (
        r"\usepackage{mathtools}",
        r"\usepackage[showonlyrefs]{mathtools}\mathtoolsset{showonlyrefs=false}",
    ):
        md = convert(tmp_path, SHOW_ONLY_REFS, preamble)
        assert labels(md) == ["1", "2", "3", "4", "5", "T", "6"], preamble


def test_source_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    # an 8-bit file reads as latin-1; a stray two-byte code (GBK's right quote) in a UTF-8 file is flagged
    # as U+FFFD, and the file's real UTF-8 stays as it is
    main = tmp_path / "main.tex"
    main.write_bytes(b"\\documentclass{article}\n\\begin{document}\nCaf\xe9 au lait.\n\\end{document}\n")
    assert "Café au lait." in convert_source(main).markdown
    main.write_bytes(
        "\\documentclass{article}\n\\begin{document}\nIt’s\n\\begin{equation} g(h".encode()
        + b"\xa1\xaf, C) = 1 \\end{equation}\n\\end{document}\n"
    )
    md = convert_source(main).markdown
    assert "It’s" in md
    assert re.search(r"^\$\$ g\(h\ufffd\ufffd, C\) = 1 \$\$ \(1\)$", md, re.M), md


def test_row_spacing_and_rule_macros_leave_no_text_in_cells(tmp_path: Path) -> None:
    """`\\\\[2pt]` after a row and a rule macro built on `\\noalign` (`\\shline`) printed '2pt' and '1pt' into
    the next row's first cell ('| 1pt Number of layers | 48 |')."""
    md = convert(
        tmp_path,
        r"""
\newcommand\shline{\noalign{\global\arrayrulewidth1pt}\hline\noalign{\global\arrayrulewidth0.4pt}}
\begin{table}\caption{Settings}\begin{tabular}{ll}Configuration & Value \\ \shline
Number of layers & 48 \\[2pt] Hidden size & 2048 \\ \end{tabular}\end{table}""",
    )
    assert "| Number of layers | 48 |\n| Hidden size | 2048 |" in md


def test_a_counter_step_inside_a_macro_definition_counts_only_where_it_is_used(tmp_path: Path) -> None:
    """A package defining `\\labelOP` with `\\stepcounter{equation}` in its body: the step was counted at the
    definition, so every equation of the paper was numbered one too high."""
    (tmp_path / "opt.sty").write_text(
        "\\ProvidesPackage{opt}\n\\newcommand{\\labelOP}[1]{\\stepcounter{equation}\\tag{\\theequation}\\label{#1}}\n"
    )
    md = convert(tmp_path, r"\begin{equation} a = b \end{equation}", r"\usepackage{opt}")
    assert "$$ a = b $$ (1)" in md


LYX_THEOREMS = r"""\usepackage{amsthm}
\theoremstyle{plain}
\ifx\thechapter\undefined
  \newtheorem{assumption}{\protect\assumptionname}
\else
  \newtheorem{assumption}{\protect\assumptionname}[chapter]
\fi
\ifx\thechapter\undefined \newtheorem{lem}{\protect\lemmaname} \fi
\ifx\mydefined\undefined \newcommand{\gain}{2} \else \newcommand{\gain}{3} \fi
\providecommand{\assumptionname}{Assumption}
\providecommand{\lemmaname}{Lemma}"""


def test_a_branch_on_an_undefined_command_is_taken_as_tex_takes_it(tmp_path: Path) -> None:
    """LyX declares each theorem twice under `\\ifx\\thechapter\\undefined`: an article numbers them 1, 2 (the
    [chapter] branch had given 0.1), a report within chapters."""
    body = r"\section{S} \begin{assumption}[Smooth] $g$ is smooth, gain $\gain$. \end{assumption}"
    md = convert(tmp_path, body, LYX_THEOREMS)
    assert "**Assumption 1** (Smooth)" in md and "gain $2$" in md
    md = convert(tmp_path, r"\begin{lem} $g$ is bounded. \end{lem}", LYX_THEOREMS)
    assert "**Lemma 1**" in md  # its name given as a macro the preamble defines after the declaration
    md = convert(tmp_path, r"\chapter{C}" + body, LYX_THEOREMS, cls="report")
    assert "**Assumption 1.1** (Smooth)" in md
    md = convert(tmp_path, body, r"\def\mydefined{1}" + LYX_THEOREMS)
    assert "gain $3$" in md


def test_a_switch_made_with_newif_takes_the_branch_its_last_setting_picks(tmp_path: Path) -> None:
    """`\\newif\\ifwide` then `\\widefalse`: the printed branch is \\else one (new switches start false)."""
    body = r"""
\ifwide
\begin{equation} a = b + c \label{eq:one} \end{equation}
\else
\begin{equation} a = b \nonumber \end{equation}
\begin{equation} \quad + c \label{eq:one} \end{equation}
\fi
\widetrue
\ifwide \begin{equation} d = 1 \end{equation} \else \begin{equation} d = 2 \end{equation} \fi"""
    md = convert(tmp_path, body, "\\newif\\ifwide\n\\widefalse")
    assert "a = b + c" not in md and "\\quad + c" in md and "d = 1" in md and "d = 2" not in md
    assert labels(md) == [None, "1", "2"]


def test_ieee_eqnarray_numbers_rows_and_drops_its_column_argument(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""
\begin{IEEEeqnarray}{rCl} x &=& 1 \IEEEnonumber \\ y &=& 2 \label{eq:y} \end{IEEEeqnarray}
\begin{IEEEeqnarray*}{lCl} z &=& 3 \end{IEEEeqnarray*}
\begin{equation} w = 4 \end{equation}""",
        preamble="\\usepackage{IEEEtrantools}",
    )
    assert labels(md) == [None, "1", None, "2"]
    assert "rCl" not in md and "IEEEnonumber" not in md


def test_elsarticle_numbers_appendix_equations_within_each_appendix(tmp_path: Path) -> None:
    body = r"""
\section{Method} \begin{equation} a \end{equation} \begin{equation} b \end{equation}
\appendix \section{Proofs} \begin{equation} c \end{equation} \begin{equation} d \end{equation}
\section{More} \begin{equation} e \end{equation}"""
    assert labels(convert(tmp_path, body, cls="elsarticle")) == ["1", "2", "A.1", "A.2", "B.1"]
    assert labels(convert(tmp_path, body)) == ["1", "2", "3", "4", "5"]  # article keeps counting


def test_counters_changed_at_the_appendix_hook_change_only_there(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""
\section{Theory} \begin{lemma} One. \end{lemma} \begin{lemma} Two. \end{lemma}
\appendix \section{Proofs} \begin{lemma} Again. \end{lemma}""",
        r"\usepackage{appendix}\newtheorem{lemma}{Lemma}\AtAppendix{\counterwithin{lemma}{section}}",
    )
    assert heads(md) == ["Lemma 1", "Lemma 2", "Lemma A.1"]


def test_counter_steps_inside_a_local_packages_definitions_do_not_count(tmp_path: Path) -> None:
    # IEEEtrantools.sty steps the equation counter inside its \def bodies: they run where used, not when read
    (tmp_path / "mytools.sty").write_text(
        "\\def\\@myrow{\\stepcounter{equation}\\theequation}\n"
        "\\gdef\\@mysub#1{\\addtocounter{equation}{#1}}\n"
        "\\newcommand{\\mylabel}{\\refstepcounter{equation}}\n"
    )
    md = convert(
        tmp_path,
        "\\begin{equation} a = 1 \\end{equation}\n\\begin{equation} b = 2 \\end{equation}",
        preamble="\\usepackage{mytools}",
    )
    assert labels(md) == ["1", "2"]
