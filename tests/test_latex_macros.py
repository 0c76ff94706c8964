"""User macros expanded as TeX would (arguments, defaults, \\def, \\let, operators, paired delimiters,
environments), bounded on recursive definitions; and how the source files are read (inputs, dead code)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tools.errors import NotAPaper
from tools.ingest.latex.document import convert_source
from tools.ingest.latex.macros import MacroTable
from tools.ingest.latex.scan import drop_iffalse, split_commas, strip_comments


def expand(defs: str, text: str) -> str:
    t = MacroTable()
    t.collect(defs)
    return t.expand(text)


@pytest.mark.parametrize(
    ("defs", "text", "want"),
    [
        (r"\newcommand{\vx}{\mathbf{x}}", r"\vx^\top \vx", r"\mathbf{x}^\top \mathbf{x}"),
        (
            r"\newcommand\pd[2]{\frac{\partial #1}{\partial #2}}",
            r"\pd{f}{x} + \pd fy",
            r"\frac{\partial f}{\partial x} + \frac{\partial f}{\partial y}",
        ),
        (r"\newcommand{\E}[1][x]{\mathbb{E}_{#1}}", r"\E[z] \E", r"\mathbb{E}_{z} \mathbb{E}_{x}"),
        (r"\renewcommand*{\a}{A}\providecommand{\a}{B}", r"\a", "A"),
        # an argument opening with a letter stays apart from a control word before it
        (r"\newcommand{\norm}[1]{\left\lVert#1\right\rVert}", r"\norm{y_i}", r"\left\lVert y_i\right\rVert"),
        (r"\def\sq#1#2{#1^{#2}}", r"\sq{x}{2}", "x^{2}"),
        (r"\let\eps=\varepsilon", r"\eps", r"\varepsilon"),
        (r"\DeclareMathOperator*{\argmax}{arg\,max}", r"\argmax_x", r"\operatorname*{arg\,max}_x"),
        (
            r"\DeclarePairedDelimiter\abs{\lvert}{\rvert}",
            r"\abs{x} \abs*{y} \abs[\big]{z}",
            r"\lvert x\rvert \left\lvert y\right\rvert \bigl\lvert z\bigr\rvert",
        ),
        (
            r"\DeclarePairedDelimiterX{\inner}[2]{\langle}{\rangle}{#1, \delimsize| #2}",
            r"\inner{a}{b}",
            r"\langle a, | b\rangle",
        ),
        (r"\newcommandx{\todo}[2][1=]{}", r"a\todo[x]{y}b", "ab"),
        (r"\NewDocumentCommand{\bm}{m}{\boldsymbol{#1}}", r"\bm{x}", r"\boldsymbol{x}"),
        (r"\newcommand{\A}{\B}\newcommand{\B}{C}", r"\A", "C"),
        (r"\newcommand{\x}{X}", r"\xy \x{}", r"\xy X{}"),
        (
            r"\newenvironment{pf}[1]{\begin{proof}[#1]}{\end{proof}}",
            r"\begin{pf}{Sketch} ok \end{pf}",
            r"\begin{proof}[Sketch] ok \end{proof}",
        ),
        # xargs: any argument may be optional, its default given by number among other keys
        (
            r"\newcommandx\cov[2][usedefault, addprefix=\global, 1=\theta, 2={\alpha}]{\rho(#1,#2)}",
            r"\cov + \cov[x] + \cov[x][y] = b",
            r"\rho(\theta,\alpha) + \rho(x,\alpha) + \rho(x,y) = b",
        ),
        # \def with delimited parameters: each argument runs to its delimiter, outside braces
        (
            r"\def\beqa#1\eeqa{\begin{eqnarray}#1\end{eqnarray}}",
            r"\beqa a &=& {b \eeqa} \label{e}\eeqa \eeqax",
            r"\begin{eqnarray}a &=& {b \eeqa} \label{e}\end{eqnarray} \eeqax",
        ),
        (r"\def\pair(#1,#2){\langle #1|#2\rangle}", r"\pair(a,{b,c})", r"\langle a|b,c\rangle"),
        (r"\def\word#1 {[#1]}", r"\word abc def", "[abc]def"),
        # an empty macro between dollars keeps an empty formula, not a `$$` display
        (r"\newcommand{\none}{}", r"with $\none$ runs, $a$", r"with ${}$ runs, $a$"),
    ],
)
def test_expansion(defs: str, text: str, want: str) -> None:
    assert expand(defs, text) == want


def test_engine_only_definitions_are_left_alone() -> None:
    t = MacroTable()
    rest = t.collect(
        r"\makeatletter\def\foo#1#{#1}\newcommand{\bar}{\csname x\endcsname}\newcommand{\section}{S}"
    )
    assert {"foo", "bar", "section"} <= set(t.skipped)
    assert t.expand(r"\foo a. \bar \section{T}") == r"\foo a. \bar \section{T}"
    assert r"\newcommand" not in rest


def test_recursive_definitions_stop() -> None:
    t = MacroTable()
    t.collect(r"\def\a{\a\a}\newcommand{\b}{x\b}")
    start = time.perf_counter()
    out = t.expand(r"\a \b")
    assert time.perf_counter() - start < 60 and len(out) < 50_000_000  # stops, not loops
    assert any("recursive" in w for w in t.warnings)


def test_macro_that_opens_an_environment_is_numbered(tmp_path: Path) -> None:
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\\newcommand{\\be}{\\begin{equation}}\\newcommand{\\ee}{\\end{equation}}\n"
        "\\begin{document}\\be a = b \\ee\\end{document}"
    )
    assert "$$ a = b $$ (1)" in convert_source(tmp_path / "main.tex").markdown


def test_comments_and_iffalse() -> None:
    assert strip_comments("a % c\n  b\n% whole line\n\nc 50\\% d") == "a b\n\nc 50\\% d"
    assert drop_iffalse(r"a \iffalse b \ifx c \fi d \else e \fi f \iffalse g \fi h") == "a  e  f  h"


def test_inputs_subfiles_imports_and_cycles(tmp_path: Path) -> None:
    (tmp_path / "parts" / "deep").mkdir(parents=True)
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\\begin{document}\n\\input intro\n\\subfile{parts/sub}\n"
        "\\import{parts/}{imp}\n\\include{loop}\n\\input{../outside}\n"
        f"\\input{{{tmp_path.parent / 'outside.tex'}}}\n\\end{{document}}"
    )
    (tmp_path / "intro.tex").write_text("INTRO\n")
    (tmp_path / "parts" / "sub.tex").write_text(
        "\\documentclass[../main.tex]{subfiles}\\begin{document}SUBFILE\\end{document}"
    )
    (tmp_path / "parts" / "imp.tex").write_text("IMPORTED \\subimport{deep/}{d}")
    (tmp_path / "parts" / "deep" / "d.tex").write_text("DEEP")
    (tmp_path / "loop.tex").write_text("LOOP \\input{loop}")
    (tmp_path.parent / "outside.tex").write_text("OUTSIDE")
    conv = convert_source(tmp_path / "main.tex")
    for word in ("INTRO", "SUBFILE", "IMPORTED DEEP", "LOOP"):
        assert word in conv.markdown
    assert "OUTSIDE" not in conv.markdown and "documentclass" not in conv.markdown
    assert any("cycle" in w for w in conv.warnings) and any("outside the project" in w for w in conv.warnings)


def test_binary_main_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "main.tex").write_bytes(b"\x00\x01binary")
    with pytest.raises(NotAPaper, match="binary file"):
        convert_source(tmp_path / "main.tex")


def test_siunitx_quantities_print_with_their_units(tmp_path: Path) -> None:
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\\usepackage{siunitx}\\begin{document}\n"
        "We use a \\SI{25}{\\milli\\second} window, a dropout of \\SI{10}{\\percent}, audio at "
        "\\qty[round-precision=1]{16}{\\kilo\\hertz} and a rate in \\si{\\hertz} with \\num{3e-4}.\n"
        "\\end{document}\n"
    )
    md = convert_source(tmp_path).markdown
    assert "a 25 ms window, a dropout of 10%, audio at 16 kHz and a rate in Hz with 3e-4." in md


def test_a_control_symbol_the_paper_defines_is_expanded() -> None:
    # \renewcommand{\*}[1]{\mathbf{#1}}: a one-character name; a line break `\\*` and `\\` stay as they are
    got = expand(r"\renewcommand{\*}[1]{\mathbf{#1}}", r"$\*{u}_t = \*w x$ \\* next \\ end")
    assert got == r"$\mathbf{u}_t = \mathbf{w} x$ \\* next \\ end"


def test_structural_control_symbols_are_never_redefined() -> None:
    t = MacroTable()
    t.collect(r"\renewcommand{\\}{X} \def\{{Y} \renewcommand{\*}{Z}")
    assert set(t.macros) == {"*"}
    assert t.expand(r"a \\ b \{ c \*") == r"a \\ b \{ c Z"


def test_option_lists_split_at_commas_outside_braces() -> None:
    assert split_commas(r"usedefault, 1=\theta, 2={a,b}") == ["usedefault", r" 1=\theta", " 2={a,b}"]
    assert split_commas(r"name={A, B},numbered=no") == ["name={A, B}", "numbered=no"]
    assert split_commas(r"1=a\,b") == [r"1=a\,b"]  # a thin space is no separator


def test_a_redefined_control_symbol_is_named_not_a_crash(tmp_path: Path) -> None:
    # `\(` redefined: its name is no word, and reading the source must not treat it as a pattern
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\\renewcommand{\\(}{\\mathopen{}\\left(}\\renewcommand{\\)}{\\right)}\n"
        "\\begin{document}\\begin{equation} f = \\( a + b \\) \\end{equation}\\end{document}"
    )
    converted = convert_source(tmp_path / "main.tex")
    assert "(1)" in converted.markdown
    assert any("\\(" in w for w in converted.warnings)
