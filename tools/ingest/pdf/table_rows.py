"""Rows of a name/value table found before displays are: three or more lines close below each other, each a
cell of words and one or more cells apart from it, the columns lining up. 'Weight decay  0.045' or
'Optimizer momentum  β1=0.9, β2=0.96' in an indented table looked like display maths (few words, an `=`)
and were joined into one display with their neighbours; their kind becomes 'tabled', which the display
passes leave alone and the table readers take (or turn back into text)."""

from __future__ import annotations

import re

from tools.ingest.pdf.cells import Cutter, lined_up
from tools.ingest.pdf.lines import Line
from tools.ingest.pdf.mathtext import MATH
from tools.ingest.pdf.runs import Run

_MIN_ROWS = 3
_ALIGN = 3.0  # points
_ROW_GAP = 2.2  # font sizes between rows (a rule adds space)
_NAME = re.compile(r"^[^\W\d_][^\W_]*(?:[ -][^\W\d_][^\W_]*){0,5}$")


def mark_table_rows(lines: list[Line], cut: Cutter) -> None:
    """Set the kind of each such run of lines to 'tabled'."""
    k = 0
    while k < len(lines):
        n = _run_from(lines, k, cut)
        if n >= _MIN_ROWS:
            for ln in lines[k : k + n]:
                ln.kind = "tabled"
        k += max(n, 1)


def _run_from(lines: list[Line], k: int, cut: Cutter) -> int:
    first = _row(lines[k], cut)
    if first is None:
        return 0
    n = 1
    while k + n < len(lines):
        row = _row(lines[k + n], cut)
        gap = (lines[k + n - 1].y - lines[k + n].y) / max(lines[k + n].size, 1.0)
        if row is None or gap > _ROW_GAP or not _lined_up(first, row):
            break
        n += 1
    return n


def _row(ln: Line, cut: Cutter) -> list[Run] | None:
    """The line's cells when it opens with a name of words (no maths) and has a cell apart from it."""
    if len(ln.text) > 90 or ln.label:
        return None
    cells = cut(ln)
    if len(cells) < 2 or MATH.search(cells[0].text) or not _NAME.match(cells[0].text.strip()):
        return None
    return cells


def _lined_up(a: list[Run], b: list[Run]) -> bool:
    """Names start (or centre) at one x; the second cells start, or the last cells end or centre, at one x."""
    names = lined_up((a[0], b[0]), _ALIGN, end=False)
    values = lined_up((a[1], b[1]), _ALIGN, end=False, centre=False)
    return names and (values or lined_up((a[-1], b[-1]), _ALIGN, start=False))
