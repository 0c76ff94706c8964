"""Algorithm boxes whose body is a code listing, and listings with options, as the converter writes them."""

from __future__ import annotations

from pathlib import Path

from tools.analysis.equations import find_all
from tools.ingest.latex.document import convert_source


def convert(tmp_path: Path, body: str) -> str:
    main = tmp_path / "main.tex"
    main.write_text(
        "\\documentclass{article}\\usepackage{algorithm,listings,minted}\n\\begin{document}\n"
        f"{body}\n\\end{{document}}\n"
    )
    return convert_source(main).markdown


def test_algorithm_box_holding_a_listing_gives_its_lines_as_steps(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""\begin{algorithm}[t]
\caption{Asynchronous coordinate update}\label{alg:async}
\begin{lstlisting}[language=C++, basicstyle=\small]
while (!done) {
	i = pick_coordinate();
	x[i] -= step * grad(i);   // `atomic`
}
\end{lstlisting}
\end{algorithm}
See Algorithm~\ref{alg:async}.""",
    )
    algs = find_all(md, {"algorithm"})["algorithms"]
    assert [(a.number, a.caption) for a in algs] == [("1", "Asynchronous coordinate update")]
    assert algs[0].steps == [
        "1. `while (!done) {`",
        "2. `i = pick_coordinate();`",
        "3. `` x[i] -= step * grad(i);   // `atomic` ``",
        "4. `}`",
    ]
    assert "    2. `i = pick_coordinate();`" in md  # nesting from the indentation
    assert "language" not in md and "See Algorithm 1." in md


def test_listing_options_and_minted_language_are_not_code(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""\begin{lstlisting}[caption={Loop}]
for i in range(3): pass
\end{lstlisting}
\begin{minted}[linenos]{python}
print(1)
\end{minted}
\begin{verbatim}[kept]
text
\end{verbatim}""",
    )
    assert "```\nfor i in range(3): pass\n```" in md
    assert "```\nprint(1)\n```" in md
    assert "```\n[kept]\ntext\n```" in md


def test_code_environments_the_paper_declares_are_listings(tmp_path: Path) -> None:
    main = tmp_path / "main.tex"
    main.write_text(
        r"""\documentclass{article}\usepackage{algorithm,listings,fancyvrb,minted,amsmath}
\lstnewenvironment{code}[1][]{\lstset{language=C,#1}}{}
\DefineVerbatimEnvironment{shell}{Verbatim}{fontsize=\small}
\newminted{python}{linenos}
\begin{document}
\begin{algorithm}\caption{Parallel update loop}
\begin{code}[mathescape]
while (k < K) {
    x = prox(x);
}
\end{code}
\end{algorithm}
\begin{shell}
$ run --flag \begin{equation} a \end{equation}
\end{shell}
\begin{pythoncode}
def f(): return {1: 2}
\end{pythoncode}
\begin{equation} b \end{equation}
\end{document}
"""
    )
    md = convert_source(main).markdown
    found = find_all(md, {"algorithm", "numbered"})
    assert [(a.caption, a.steps) for a in found["algorithms"]] == [
        ("Parallel update loop", ["1. `while (k < K) {`", "2. `x = prox(x);`", "3. `}`"])
    ]
    assert [(e.label, e.body) for e in found["numbered"]] == [("1", "b")]  # nothing inside code is numbered
    assert "```\n$ run --flag \\begin{equation} a \\end{equation}\n```" in md
    assert "```\ndef f(): return {1: 2}\n```" in md
