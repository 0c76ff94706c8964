"""PDF route labels of the thirty-ninth round: a figure's text ending in '(3)' after the equations are all
numbered, and two displays set side by side on one line."""

from __future__ import annotations

import sys
from pathlib import Path

from pdf_writer import page_stream, pdf_document

from tools.analysis.equations import find_all

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from extraction import convert_ours  # noqa: E402


def _labels(markdown: str) -> list[str | None]:
    return [e.label for e in find_all(markdown, {"numbered"})["numbered"]]


def test_labels_off_the_rising_run_are_a_figures_text(tmp_path: Path) -> None:
    runs = [(72.0, 700.0, 10.0, "The loss of one example is")]
    runs += [(200.0, 675.0, 10.0, "l(x, y) = (f(x) - y)^2"), (500.0, 675.0, 10.0, "(1)")]
    runs += [(72.0, 650.0, 10.0, "and the penalty is")]
    runs += [(200.0, 625.0, 10.0, "r(w) = c |w|^2"), (500.0, 625.0, 10.0, "(2)")]
    runs += [(72.0, 600.0, 10.0, "Figure 2 shows two rules the explainer printed:")]
    runs += [(90.0, 575.0, 9.0, "Age Age > 33.00 (1)"), (90.0, 560.0, 9.0, "Years 8.00 < Years <= 10.00 (0)")]
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(pdf_document([page_stream(runs)]))
    assert _labels(convert_ours(pdf, 1)[0]) == ["1", "2"]


def test_two_displays_side_by_side_are_two_equations() -> None:
    md = "The two penalties are\n\nL1 = λ|w| (4) L2 = λ|w|² (5)\n\nwhere λ weighs them.\n"
    found = find_all(md, {"numbered"})["numbered"]
    assert [(e.label, e.body) for e in found] == [("4", "L1 = λ|w|"), ("5", "L2 = λ|w|²")]
