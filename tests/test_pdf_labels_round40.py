"""Labels of the fortieth round, in text written here: an algorithm step with nothing after its number keeps
the box open (a '(1)' ending a later step is a reference), and a line of a logic program closed by the next
label is a display; on the LaTeX route a code span keeps its underscores."""

from __future__ import annotations

from pathlib import Path

from tools.analysis.equations import find_all
from tools.ingest.latex.document import convert_source


def _labels(markdown: str) -> list[str | None]:
    return [e.label for e in find_all(markdown, {"numbered"})["numbered"]]


def test_an_empty_step_keeps_the_algorithm_box_and_its_references() -> None:
    md = (
        "The share pruned is\n\nk = round(q K / 100) (1)\n\n**Algorithm 2** Pruning loop\n"
        "1: for t = 1 to T do\n2: train(model)\n3:\n4: k ← value as per (1)\n5: prune(model, k)\n"
        "\nThe loop ends after T rounds.\n"
    )
    assert _labels(md) == ["1"]
    assert _labels("We pick it as per (2)\n\nx = y + 1 (1)\n") == ["1"]


def test_a_rule_closed_by_the_next_label_is_a_display_and_prose_is_not() -> None:
    md = (
        "The rules of the program are\n\nmove(X, Y) ← edge(X, Y), free(Y). (2.1)\n\n"
        "node((0..N)). (2.2)\n\nand the goal is reached when the search ends, as we prove using (2.3)\n"
    )
    assert _labels(md) == ["2.1", "2.2"]


def test_a_code_span_keeps_its_underscores(tmp_path: Path) -> None:
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\\begin{document}Levels start at \\texttt{start\\_level}=0 and the "
        "variant \\texttt{ppo\\_stack} reads four frames; $n\\_\\text{steps}$ stays maths.\\end{document}"
    )
    md = convert_source(tmp_path / "main.tex").markdown
    assert "`start_level`=0" in md and "`ppo_stack`" in md
