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


def _convert_with(tmp_path: Path, preamble: str, body: str) -> str:
    main = tmp_path / "main.tex"
    main.write_text(f"\\documentclass{{article}}{preamble}\n\\begin{{document}}\n{body}\n\\end{{document}}\n")
    return convert_source(main).markdown


def test_declared_algorithm_floats_number_as_algorithms(tmp_path: Path) -> None:
    md = _convert_with(
        tmp_path,
        r"\usepackage{float,newfloat,algorithmic}\newfloat{pcode}{tbp}{lop}\floatname{pcode}{Algorithm}"
        r"\DeclareFloatingEnvironment[fileext=loa,name=Algorithm]{myalgo}\newfloat{snippet}{tbp}{los}",
        r"""\begin{pcode}\caption{Greedy step}\label{a:g}\begin{algorithmic}\STATE pick $i$\end{algorithmic}
\end{pcode}
\begin{myalgo*}\caption{Second one}\begin{algorithmic}\STATE stop\end{algorithmic}\end{myalgo*}
\begin{snippet}\caption{Not an algorithm}\end{snippet}
See Algorithm~\ref{a:g}.""",
    )
    algs = find_all(md, {"algorithm"})["algorithms"]
    assert [(a.number, a.caption, a.steps) for a in algs] == [
        ("1", "Greedy step", ["1. pick $i$"]),
        ("2", "Second one", ["1. stop"]),
    ]
    assert "See Algorithm 1." in md


def test_figure_captioned_as_an_algorithm_is_one_and_other_figures_are_not(tmp_path: Path) -> None:
    md = _convert_with(
        tmp_path,
        r"\usepackage{algorithmic,listings}",
        r"""\begin{figure}\begin{algorithmic}\IF{$a$}\STATE b\ENDIF\end{algorithmic}
\caption{A rule list}\end{figure}
\begin{figure}\begin{algorithmic}\STATE $x \gets 0$\end{algorithmic}
\caption{Algorithm 3: Reset the state}\end{figure}
\begin{figure}\caption{Pseudocode of the update}
\begin{lstlisting}
x = x - lr * g
\end{lstlisting}\end{figure}""",
    )
    algs = find_all(md, {"algorithm"})["algorithms"]
    assert [(a.number, a.caption, a.steps) for a in algs] == [
        ("3", "Reset the state", ["1. $x \\gets 0$"]),
        ("3", "(Figure 3) Pseudocode of the update", ["1. `x = x - lr * g`"]),
    ]
    assert "**Figure 1** A rule list" in md


def test_algorithm2e_side_comments_end_lines_and_escaped_braces_stay_in_a_step(tmp_path: Path) -> None:
    md = _convert_with(
        tmp_path,
        r"\usepackage[ruled]{algorithm2e}",
        r"""\begin{algorithm}[H]
\quad $a := 1$ \tcp*{first}
\quad $b := 2$ \tcp*[h]{kept on the line} and more \tcp*[r]{second}
\While{running}{
  pick $i \in \{1, \dots, n\}$ \;
  update $x_i$
}
\caption{Loop}
\end{algorithm}
\begin{procedure}\caption{Merge($u$, $v$)}\KwRet{$u$}\end{procedure}""",
    )
    algs = find_all(md, {"algorithm"})["algorithms"]
    assert [(a.number, a.caption) for a in algs] == [("1", "Loop"), ("2", "Merge($u$, $v$)")]
    assert algs[0].steps == [
        "1. $a := 1$ ▷ first",
        "2. $b := 2$ ▷ kept on the line and more ▷ second",
        "3. **while** running **do**",
        "4. pick $i \\in \\{1, \\dots, n\\}$",
        "5. update $x_i$",
    ]
    assert algs[1].steps == ["1. **return** $u$"]


def test_captionof_inside_an_algorithmic_block_gives_the_caption(tmp_path: Path) -> None:
    """`\\captionof{algorithm}{...}` (caption package) names the box: its text, not the float type."""
    md = convert(
        tmp_path,
        "\\begin{algorithm}[H]\n\\begin{algorithmic}\n"
        "\\captionof{algorithm}{Joint optimization of weights and hyperparameters\\label{a1}}\n"
        "\\State initialise $\\theta$\n\\State update $\\lambda$\n\\end{algorithmic}\n\\end{algorithm}\n",
    )
    algs = find_all(md, {"algorithm"})["algorithms"]
    want = [("1", "Joint optimization of weights and hyperparameters")]
    assert [(a.number, a.caption) for a in algs] == want
    assert len(algs[0].steps) == 2


def test_an_algorithm_typeset_as_a_one_column_table_is_an_algorithm(tmp_path: Path) -> None:
    md = convert(
        tmp_path,
        r"""We summarize the procedure in Algorithm 1.
\begin{table}
\begin{tabular}{l}
\hline
\textbf{Algorithm 1}: Solve the model via ADMM \\
\hline
\textbf{Input:} a matrix $\mathbf{Y}$, $\mu > 1$; \\
\textbf{While} not converged \textbf{do} \\
1. Update $\mathbf{X}$ as $\mathbf{X} = \|\mathbf{Y}\|_F \mathbf{Z}$ \\
\textbf{end while} \\
\hline
\end{tabular}
\end{table}
\begin{tabular}{ll}
\textbf{Algorithm} & \textbf{Accuracy} \\
ADMM & 0.9 \\
\end{tabular}""",
    )
    algs = find_all(md, {"algorithm"})["algorithms"]
    assert [(a.number, a.caption) for a in algs] == [("1", "Solve the model via ADMM")]
    assert algs[0].steps[0] == "- **Input:** a matrix $\\mathbf{Y}$, $\\mu > 1$;"
    assert "$\\mathbf{X} = \\|\\mathbf{Y}\\|_F \\mathbf{Z}$" in algs[0].steps[2]  # the norm bars unescaped
    assert "| ADMM | 0.9 |" in md  # a table of results stays a table


def test_an_algorithm_box_without_a_caption_is_named_by_its_bold_title(tmp_path: Path) -> None:
    # algorithm2e without \caption: the bold line at the top is the title, the rest are the steps; a bare
    # algorithmic block names nothing (it is left to the figure or text around it)
    md = convert(
        tmp_path,
        r"""\begin{algorithm}[H]
\noindent \textbf{Algorithm: Posterior Sampling (PS)}\\
\SetAlgoLined
\KwData{Prior $f$}
\For{episodes $k=1,2,\dots$}{
  sample $M_k \sim f$ \\
  follow the policy of $M_k$
}
\end{algorithm}
\begin{algorithmic}
\State $x \gets 0$
\State \Return $x$
\end{algorithmic}""",
    )
    algs = find_all(md, {"algorithm"})["algorithms"]
    assert [(a.number, a.caption) for a in algs] == [(None, "Posterior Sampling (PS)")]
    assert algs[0].steps[0] == "1. **Data:** Prior $f$" and len(algs[0].steps) == 4


def test_checklist_ids_of_an_uncaptioned_algorithm_and_a_problem(tmp_root: Path) -> None:
    from tools.analysis.checklist import make_checklist

    md = convert(
        tmp_root,
        r"""\newtheorem{problem}{Problem}
\begin{problem}[Decoding]Find the correction.\end{problem}
\begin{algorithm}[H]
\textbf{Algorithm: Posterior Sampling}\\
\SetAlgoLined
\KwData{Prior $f$}
sample $M \sim f$\;
\end{algorithm}""",
    )
    path = tmp_root / "paper.md"
    path.write_text(md)
    ids = {i.id: i for i in make_checklist(str(path)).items}
    assert ids["ALG-u1"].kind == "algorithm" and "PROB-1" in ids, sorted(ids)
