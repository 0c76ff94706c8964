"""Theorem-like statements and tags as the PDF prints them: environments a document class shipped with the
paper declares, statements that open with a run-in heading or a list, references inside \\tag."""

from __future__ import annotations

from pathlib import Path

from tools.analysis.equations import find_all
from tools.ingest.latex.document import convert_source

CLS = r"""\NeedsTeXFormat{LaTeX2e}\ProvidesClass{venue}
\LoadClass{article}
\RequirePackage{amsthm}
\def\@venuesetup{
  \newtheorem{insidedef}{Never}}
\theoremstyle{plain}
\newtheorem{theorem}{Theorem}[section]
\newtheorem{lemma}[theorem]{Lemma}
\newtheorem{remark}[theorem]{Remark}
"""


def convert(tmp_path: Path, body: str, preamble: str = "", cls: str = "article") -> str:
    main = tmp_path / "main.tex"
    main.write_text(f"\\documentclass{{{cls}}}\n{preamble}\n\\begin{{document}}\n{body}\n\\end{{document}}\n")
    return convert_source(tmp_path).markdown


def statements(md: str) -> list[tuple[str, str | None, str]]:
    return [(t.kind, t.number, t.text) for t in find_all(md, {"theorem"})["theorems"]]


def test_theorems_declared_by_a_local_class_share_its_counter(tmp_path: Path) -> None:
    (tmp_path / "venue.cls").write_text(CLS)
    md = convert(
        tmp_path,
        r"""\section{Intro}
\begin{lemma} First claim. \end{lemma}
\begin{remark} A side note. \end{remark}
\section{Main}
\begin{theorem} Main claim. \end{theorem}
\begin{insidedef} not a statement \end{insidedef}""",
        cls="venue",
    )
    assert statements(md) == [
        ("lemma", "1.1", "First claim."),
        ("remark", "1.2", "A side note."),
        ("theorem", "2.1", "Main claim."),
    ]
    assert "Never" not in md


def test_without_the_class_file_only_standard_names_are_statements(tmp_path: Path) -> None:
    body = r"\begin{lemma} First claim. \end{lemma}\begin{remark} Note. \end{remark}"
    md = convert(tmp_path, body, cls="venue")
    assert [k for k, _, _ in statements(md)] == ["lemma"]


def test_statement_opening_with_run_in_heading_or_list_has_its_text(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""\begin{definition}[Bounds]
\paragraph{On trees.} We denote by $L$ a lower bound.
\end{definition}
\begin{lemma}[Properties]
\begin{enumerate}
\item $B$ preserves monotonicity.
\item It converges.
\end{enumerate}
\end{lemma}""",
        r"\usepackage{amsthm}\newtheorem{definition}{Definition}\newtheorem{lemma}{Lemma}",
    )
    found = statements(md)
    assert found[0][0] == "definition" and "We denote by $L$ a lower bound." in found[0][2]
    assert found[1] == ("lemma", "1", "$B$ preserves monotonicity.")


def test_newtheorem_numbered_within_in_the_body_leaves_no_text(tmp_path: Path) -> None:
    md = convert(tmp_path, r"\newtheorem{claim}{Claim}[section]\section{A}\begin{claim} C. \end{claim}",
                 r"\usepackage{amsthm}")
    assert "[section]" not in md and statements(md) == [("claim", "1.1", "C.")]


def test_tag_holding_a_reference_prints_the_number(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""\section{A}
\begin{equation} L = \sum_j \ell_j \label{eq:loss} \end{equation}
\appendix\section{Proofs}
\begin{equation} L = \sum_j \ell_j \tag{\ref{eq:loss} revisited} \end{equation}
\begin{equation} M \tag{$\star$} \end{equation}
\begin{equation} N \le M \tag{by equation \eqref{eq:loss}} \end{equation}""",
        r"\usepackage{amsmath}\numberwithin{equation}{section}",
    )
    found = find_all(md, {"numbered", "display"})
    assert [(e.label, e.body) for e in found["numbered"]] == [
        ("1.1", r"L = \sum_j \ell_j"),
        ("1.1 revisited", r"L = \sum_j \ell_j"),
        ("$\\star$", "M"),
    ]
    assert [e.body for e in found["display"]] == [r"N \le M"]  # a tag justifying a step labels nothing


def test_known_venue_class_or_package_not_shipped_still_declares_its_theorems(tmp_path: Path) -> None:
    body = (r"\section{A}\begin{lemma} L. \end{lemma}\begin{definition} D. \end{definition}"
            r"\begin{remark} R. \end{remark}")
    acm = convert(tmp_path, body, cls="acmart")  # acmart: within sections, one counter, no remark
    assert statements(acm) == [("lemma", "1.1", "L."), ("definition", "1.2", "D.")]
    jmlr = convert(tmp_path, body, r"\usepackage{jmlr2e}")  # jmlr2e: one counter for all, remark too
    assert statements(jmlr) == [("lemma", "1", "L."), ("definition", "2", "D."), ("remark", "3", "R.")]


def test_statement_cut_by_a_list_keeps_the_items(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""\newtheorem{assumption}{Assumption}
\begin{assumption}[Bounded] We require that
\begin{enumerate}\item the steps are bounded by $B$; \item the noise is centred.\end{enumerate}
\end{assumption}
\begin{theorem} The bound holds. \begin{itemize}\item Not part of the opening.\end{itemize} \end{theorem}""",
        r"\usepackage{amsthm}",
    )
    got = statements(md)
    opening = "We require that the steps are bounded by $B$; the noise is centred."
    assert got[0] == ("assumption", "1", opening)
    assert got[1] == ("theorem", "1", "The bound holds.")


def test_references_ending_a_step_or_a_sentence_are_not_labels(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""\begin{equation} y = Ax \label{eq:model} \end{equation}
Algorithm~\ref{alg:fit} presents the procedure that fits $A$ to the data of \eqref{eq:model}.
\begin{algorithm}\caption{Fit}\label{alg:fit}\begin{algorithmic}
\STATE $A \gets$ \textsc{Estimate}$(x, y)$. \eqref{eq:model}
\STATE $r \gets y - Ax$ \quad (\ref{eq:model})
\end{algorithmic}\end{algorithm}
The residual follows from $r = y - Ax$ \eqref{eq:model}""",
        r"\usepackage{amsmath}\usepackage{algorithm}\usepackage{algorithmic}",
    )
    found = find_all(md, {"numbered", "algorithm"})
    assert [(e.label, e.body) for e in found["numbered"]] == [("1", "y = Ax")]
    assert [(a.number, a.caption) for a in found["algorithms"]] == [("1", "Fit")]


# algorithmic.sty's own definitions, as a paper that ships the package beside its source has them
ALGORITHMIC_STY = r"""\ProvidesPackage{algorithmic}
\newcommand{\ALC@it}{\item}
\newenvironment{ALC@for}{\begin{ALC@g}}{\end{ALC@g}}
\newenvironment{algorithmic}[1][0]{\begin{list}{}{}}{\end{list}}
\newcommand{\STATE}{\ALC@it}
\newcommand{\FOR}[2][default]{\ALC@it\algorithmicfor\ ##2\ \algorithmicdo\begin{ALC@for}}
\newcommand{\ENDFOR}{\end{ALC@for}\ALC@it\algorithmicendfor}
"""


def test_step_commands_of_a_shipped_algorithmic_sty_are_converted_without_a_warning(tmp_path: Path) -> None:
    (tmp_path / "algorithmic.sty").write_text(ALGORITHMIC_STY)
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\n\\usepackage{algorithm}\n\\usepackage{algorithmic}\n\\begin{document}\n"
        "\\begin{algorithm}\\caption{Fit}\\begin{algorithmic}\n\\FOR{$n = 1$ to $N$}\n\\STATE Update $x$\n"
        "\\ENDFOR\n\\end{algorithmic}\\end{algorithm}\n\\end{document}\n"
    )
    conv = convert_source(tmp_path)
    (alg,) = find_all(conv.markdown, {"algorithm"})["algorithms"]
    assert alg.steps == ["1. **for** $n = 1$ to $N$ **do**", "2. Update $x$"]
    assert not [w for w in conv.warnings if "not expanded" in w]


def test_a_statement_that_opens_with_a_display_and_references_inside_maths(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""\begin{equation}\label{eq:e} E = mc^2 \end{equation}
\begin{lemma}
$$ \|A - B\|_F = O(\sqrt{N}) $$
\end{lemma}
\begin{lemma} The bound $\eqref{eq:e}$ holds, and so does $x_{\ref{eq:e}}$. \end{lemma}
""",
        preamble="\\usepackage{amsthm}\n\\newtheorem{lemma}{Lemma}",
    )
    assert statements(md) == [
        ("lemma", "1", "$$ \\|A - B\\|_F = O(\\sqrt{N}) $$"),
        ("lemma", "2", "The bound (1) holds, and so does $x_{1}$."),
    ]


def test_a_declared_problem_statement_is_theorem_like(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"\begin{problem}[Decoding problem]Given a syndrome, find the correction.\end{problem} "
        "Problem 1 is hard in general.",
        preamble=r"\usepackage{amsthm}\newtheorem{problem}{Problem}",
    )
    assert statements(md) == [("problem", "1", "Given a syndrome, find the correction.")]
