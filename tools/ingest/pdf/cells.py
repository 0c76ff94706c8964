"""A line's table cells: pieces of text cut where glyphs stand more than _GAP font sizes apart."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tools.ingest.pdf.lines import Line
from tools.ingest.pdf.runs import PdfPage, Run

GAP = 0.8  # font sizes: a wider gap between glyphs separates cells (a word space is ~0.33)
_SPACES = re.compile(r" +")


def ends_apart(ln: Line, page: PdfPage) -> bool:
    """Whether the line's last short piece (a value cell's length) stands apart from what precedes it, or its
    first few words from what follows: a cheap test that spares prose lines the glyph-by-glyph cut."""
    last = ln.runs[-1]
    if len(ln.runs) > 1 and last.x0 - ln.runs[-2].x1 > GAP * last.size:
        return True
    tail = max(len(last.text) - 26, 1)
    spaces = [m.span() for m in _SPACES.finditer(last.text, tail)]
    if any(j < len(last.text) and _wide(page, last, i, j) for i, j in spaces[-3:]):  # a value: <= 3 words
        return True
    first = ln.runs[0]  # or a name of a few words stands apart from a longer value ('Optimizer  Adam (...)')
    heads = [m.span() for m in _SPACES.finditer(first.text, 1, 60)][:6]
    return any(j < len(first.text) and _wide(page, first, i, j) for i, j in heads)


def _wide(page: PdfPage, r: Run, i: int, j: int) -> bool:
    """The space r.text[i:j] is wider than a cell gap (glyph boxes either side)."""
    return page.room(r.ts + i - 1, r.ts + j) > GAP * r.size


def line_cells(ln: Line, page: PdfPage) -> list[Run]:
    """The line cut where glyphs stand more than GAP font sizes apart: between runs, and at a space inside
    a run (from the boxes of the glyphs either side)."""
    cells: list[Run] = []
    for r in ln.runs:
        pieces = _split_run(r, page)
        if cells and pieces[0].x0 - cells[-1].x1 <= GAP * r.size:
            a, b = cells[-1], pieces[0]
            cells[-1] = Run(f"{a.text} {b.text}", a.x0, b.x1, a.y, a.size, a.ci0, b.ci1, a.ts)
            pieces = pieces[1:]
        cells += pieces
    return cells


def _split_run(r: Run, page: PdfPage) -> list[Run]:
    """A run cut at its wide spaces."""
    out: list[Run] = []
    start, x0 = 0, r.x0
    for m in _SPACES.finditer(r.text):
        if m.start() == 0 or m.end() >= len(r.text):
            continue
        left = page.box(page.char(r.ts + m.start() - 1))[2]
        right = page.box(page.char(r.ts + m.end()))[0]
        if right - left > GAP * r.size:
            out.append(Run(r.text[start : m.start()], x0, left, r.y, r.size, r.ci0, r.ci0, r.ts + start))
            start, x0 = m.end(), right
    out.append(Run(r.text[start:], x0, r.x1, r.y, r.size, r.ci0, r.ci1, r.ts + start))
    return out


def lined_up(
    col: Sequence[Run], tol: float, *, start: bool = True, end: bool = True, centre: bool = True
) -> bool:
    """The cells of one column start, end or centre (the edges allowed) within `tol` points of each other."""
    edges = []
    if start:
        edges.append([r.x0 for r in col])
    if end:
        edges.append([r.x1 for r in col])
    if centre:
        edges.append([(r.x0 + r.x1) / 2 for r in col])
    return any(max(e) - min(e) <= tol for e in edges)


def text_line(ln: Line, text: str, kind: str) -> Line:
    """A line of fixed Markdown (a rule row, a blank line) placed where `ln` is."""
    return Line([], ln.x0, ln.x1, ln.y, ln.size, text, kind=kind)


class Cutter:
    """A short line's cells, cut once per line for a block's table passes (the rows kept out of displays,
    then the pair and grid readers). A line is held while cached, so its id is not reused; a line whose text
    changed in between (a label taken off it) is cut again."""

    def __init__(self, page: PdfPage) -> None:
        self.page = page
        self.seen: dict[int, tuple[Line, str, list[Run]]] = {}

    def __call__(self, ln: Line) -> list[Run]:
        held = self.seen.get(id(ln))
        if held is None or held[1] != ln.text:
            short = len(ln.text) <= 160 and ends_apart(ln, self.page)
            held = self.seen[id(ln)] = (ln, ln.text, line_cells(ln, self.page) if short else [])
        return held[2]
