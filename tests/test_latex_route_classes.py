"""LaTeX-route failure classes from papers the converter had never seen: display equations a \\def with a
delimited parameter opens (`\\beqa ... \\eeqa`), xargs macros whose every argument is optional (LyX writes
them), an empty macro between dollars, two inline formulas written back to back (`$a$$b$`), an algorithm
float inside the paper's own environment, REVTeX's and AASTeX's appendix equations (A1), an \\intertext
written without a line break before it, a line break with spacing (`\\\\[2pt]`) outside maths, and a tag set
in a font command. Each source here is written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.analysis.equations import find_all
from tools.ingest.latex.document import convert_source

_PREAMBLE = r"""\documentclass{article}
\usepackage{amsmath,xargs}
\usepackage[ruled]{algorithm2e}
\def\beqa#1\eeqa{\begin{eqnarray}#1\end{eqnarray}}
\newcommandx\dens[2][usedefault, addprefix=\global, 1=\theta, 2=\alpha]{\rho\left(#1,#2\right)}
\newcommand{\runs}{}
\newenvironment{phase}[1][htb]{\renewcommand{\algorithmcfname}{Algorithm}\begin{algorithm}[#1]}{\end{algorithm}}
"""


def _convert(tmp_path: Path, body: str) -> tuple[str, dict]:
    tex = tmp_path / "paper.tex"
    tex.write_text(_PREAMBLE + "\\begin{document}\n" + body + "\n\\end{document}\n")
    md = convert_source(tex).markdown
    return md, find_all(md, {"numbered", "algorithm"})


def test_a_delimited_def_opens_numbered_equations(tmp_path: Path) -> None:
    md, found = _convert(
        tmp_path,
        "\\section{Model}\nFirst\n\\begin{equation} a = b \\label{e1} \\end{equation}\nthen\n"
        "\\beqa\n x &=& y + 1, \\label{e2} \\\\\n z &=& {w \\eeqa}\n\\eeqa\n"
        "and\n\\begin{equation} c = d \\end{equation}\n",
    )
    got = {e.label: e.body for e in found["numbered"]}
    assert list(got) == ["1", "2", "3", "4"], md
    assert got["2"].startswith("x &=& y + 1")
    assert "\\eeqa" in got["3"]  # a delimiter inside braces does not end the argument
    assert got["4"] == "c = d"


def test_xargs_defaults_fill_every_optional_argument(tmp_path: Path) -> None:
    _, found = _convert(
        tmp_path,
        "\\begin{align} f &= \\dens + \\dens[x] + \\dens[][\\beta] \\label{f} \\end{align}\n"
        "\\begin{align} g &= 1 \\end{align}\n",
    )
    bodies = [e.body for e in found["numbered"]]
    assert bodies[0] == (
        "f &= \\rho\\left(\\theta,\\alpha\\right) + \\rho\\left(x,\\alpha\\right) "
        "+ \\rho\\left(\\theta,\\beta\\right)"
    )
    assert [e.label for e in found["numbered"]] == ["1", "2"]  # nothing after it was eaten as an argument


def test_empty_macros_and_back_to_back_formulas_open_no_display(tmp_path: Path) -> None:
    md, found = _convert(
        tmp_path,
        "\\section{Setup}\nThe fit ran with $\\runs$ iterations; the slope is $C$$\\left(x\\right)$.\n\n"
        "\\begin{equation} u = v \\end{equation}\n\n\\section{Later}\nThe end of the text.\n",
    )
    assert [e.label for e in found["numbered"]] == ["1"]
    assert "## 2 Later" in md and "The end of the text." in md
    setup = md.split("## 1 Setup")[1].split("u = v")[0]
    assert "The fit ran with ${}$ iterations; the slope is $C$$\\left(x\\right)$." in setup


def test_an_algorithm_inside_the_papers_own_environment_is_an_algorithm(tmp_path: Path) -> None:
    _, found = _convert(
        tmp_path,
        "\\begin{phase}[t]\n\\caption{Reward Learning}\n\\KwIn{demonstrations}\n"
        "Fit the model\\;\nReturn the reward\\;\n\\end{phase}\n",
    )
    assert [a.caption for a in found["algorithms"]] == ["Reward Learning"]


@pytest.mark.parametrize(
    ("doc_class", "labels"),
    [
        ("revtex4-1", ["1", "A1", "A2", "B1"]),
        ("aastex631", ["1", "A1", "A2", "B3"]),
        ("article", list("1234")),
    ],
)
def test_physics_classes_number_appendix_equations_by_letter(
    tmp_path: Path, doc_class: str, labels: list[str]
) -> None:
    """REVTeX restarts the count in each appendix (A1, A2, B1); AASTeX keeps one count (A1, A2, B3)."""
    tex = tmp_path / "paper.tex"
    tex.write_text(
        f"\\documentclass[reprint]{{{doc_class}}}\n\\begin{{document}}\n\\section{{Method}}\n"
        "\\begin{equation} a = b \\end{equation}\n\\appendix\n\\section{Details}\n"
        "\\begin{equation} c = d \\end{equation}\n\\begin{equation} e = f \\end{equation}\n"
        "\\section{More}\n\\begin{equation} g = h \\end{equation}\n\\end{document}\n"
    )
    found = find_all(convert_source(tex).markdown, {"numbered"})
    assert [e.label for e in found["numbered"]] == labels


def test_intertext_after_maths_ends_the_row(tmp_path: Path) -> None:
    _, found = _convert(
        tmp_path,
        "\\begin{gather}\n a \\implies b, \\label{g1}\n \\intertext{where}\n c := d.\n\\end{gather}\n"
        "\\begin{equation} e = f \\end{equation}\n",
    )
    assert [(e.label, e.body) for e in found["numbered"]] == [
        ("1", "a \\implies b,"),
        ("2", "c := d."),
        ("3", "e = f"),
    ]


def test_a_line_break_with_spacing_opens_no_display(tmp_path: Path) -> None:
    md, found = _convert(
        tmp_path,
        "\\section{Setup}\n\\begin{figure}\\centering A first line\\\\[0.4mm] a second line\n"
        "\\caption{A figure.}\\end{figure}\n\\section{Method}\n\\begin{equation} a = b \\end{equation}\n"
        "\\begin{equation} c = d \\end{equation}\n\\[ e = f \\]\n",
    )
    assert "## 2 Method" in md  # the section after the break is numbered
    assert [e.label for e in found["numbered"]] == ["1", "2"]


def test_a_tag_in_a_font_command_prints_its_words(tmp_path: Path) -> None:
    _, found = _convert(
        tmp_path, "\\begin{equation} m = \\arg\\min_x f(x) \\tag{\\textbf{PeakSeg}} \\end{equation}\n"
    )
    assert [e.label for e in found["numbered"]] == ["PeakSeg"]


def test_a_supplement_compiled_as_its_own_document_is_read_as_the_appendix(tmp_path: Path) -> None:
    (tmp_path / "setup.tex").write_text("\\documentclass{article}\n\\usepackage{amsmath}\n")
    (tmp_path / "paper.tex").write_text(
        "\\input{setup}\n\\begin{document}\n\\section{Model}\n\\begin{equation} a = b \\end{equation}\n"
        "\\begin{equation} c = d \\end{equation}\n\\end{document}\n"
    )
    (tmp_path / "supplementary.tex").write_text(
        "\\input{setup}\n\\newcommand{\\lr}{3\\cdot 10^{-4}}\n\\begin{document}\n\\appendix\n"
        "\\section{Training}\nWe train with Adam and a learning rate of $\\lr$.\n"
        "\\begin{equation} e = f \\end{equation}\n\\end{document}\n"
    )
    conv = convert_source(tmp_path)
    found = find_all(conv.markdown, {"numbered", "hyperparameter"})
    # its equations, numbered afresh on its own pages, get IDs apart from the paper's; its own macros are read
    assert [(e.label, e.body) for e in found["numbered"]] == [("1", "a = b"), ("2", "c = d"), ("S1", "e = f")]
    assert [h.value_normalized for h in found["hyperparameters"] if h.key == "learning_rate"] == [0.0003]
    assert any("supplementary.tex" in w and "appendix" in w for w in conv.warnings)
    # a standalone figure named after the appendix is no supplement
    figure = "\\documentclass{standalone}\n\\begin{document}\nx\n\\end{document}\n"
    (tmp_path / "appendix_plot.tex").write_text(figure)
    assert any(w.startswith("read supplementary.tex") for w in convert_source(tmp_path).warnings)
    # two supplements: neither is guessed, and the record says why
    (tmp_path / "appendix-b.tex").write_text("\\input{setup}\n\\begin{document}\nMore.\n\\end{document}\n")
    conv = convert_source(tmp_path)
    assert "We train with Adam" not in conv.markdown
    assert any("several supplementary documents" in w for w in conv.warnings)


def test_another_version_of_the_paper_named_as_with_appendix_is_no_supplement(tmp_path: Path) -> None:
    body = "\\section{Model}\nA.\n\\section{Experiments}\nB.\n"
    opening = "\\documentclass{article}\n\\begin{document}\n"
    (tmp_path / "paper.tex").write_text(f"{opening}{body}\\end{{document}}\n")
    (tmp_path / "paper_with_appendix.tex").write_text(
        f"\\documentclass{{article}}\n\\begin{{document}}\n{body}\\appendix\n\\section{{Proofs}}\nC.\n"
        "\\end{document}\n"
    )
    conv = convert_source(tmp_path)
    assert conv.markdown.count("Experiments") == 1 and "Proofs" not in conv.markdown
    assert any("another version" in w for w in conv.warnings)


def test_an_algorithm_written_as_a_nested_list_keeps_its_steps_and_numbered_equations(tmp_path: Path) -> None:
    """An algorithm float whose steps are enumerate items (no algorithmic, no algorithm2e statements), with
    numbered displays inside the items: every label is found, the steps stay a list under one head."""
    _md, found = _convert(
        tmp_path,
        "\\section{Method}\n\\begin{equation} p = q \\label{first} \\end{equation}\n"
        "\\begin{algorithm}\n\\caption{Windowed fitting}\n\\textbf{Inputs}: data $D$; window $m$.\n"
        "\\begin{enumerate}\n\\item \\textbf{initialize} $\\theta$;\n\\item \\textbf{for} $i=1,\\dots,n$ "
        "\\textbf{do}\n\\begin{enumerate}\n\\item \\textbf{compute} the loss\n\\begin{equation}\n"
        "J = \\frac{1}{m} \\sum_{t=1}^{m} e_t^2 \\label{loss}\n\\end{equation}\n"
        "\\item \\textbf{update} \\begin{equation} \\theta \\leftarrow \\theta - \\eta g \\label{step}"
        "\\end{equation}\n\\end{enumerate}\n\\end{enumerate}\n"
        "\\textbf{Output}: $\\theta$.\n\\end{algorithm}\n"
        "After it\n\\begin{equation} r = s \\label{last} \\end{equation}\n",
    )
    assert [e.label for e in found["numbered"]] == ["1", "2", "3", "4"]
    (alg,) = found["algorithms"]
    assert alg.caption == "Windowed fitting" and alg.steps[0].startswith("- **Inputs**")
    assert any("**compute** the loss $$" in step for step in alg.steps)
    assert alg.steps[-1] == "- **Output**: $\\theta$."
