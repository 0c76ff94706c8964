"""Tables of name/value pairs set as plain lines: a `tabular{l l}` of settings, or two of them side by side in
one figure. pdfium often prints a row as one run ('Learning rate α 0.00025'), so a row's cells are cut where
its glyphs stand apart. Three or more rows in a row whose cells line up become pipe tables; a line holding
two pairs (the two tabulars' rows on one baseline) gives a row to each side, and the left table is written
before the right one, so each name keeps its value."""

from __future__ import annotations

import re

from tools.ingest.pdf.lines import Line
from tools.ingest.pdf.runs import PdfPage, Run

_GAP = 0.8  # font sizes: a wider gap between glyphs separates cells (a word space is ~0.33)
_ALIGN = 3.0  # points: the cells of one column start (or end) this close to each other
_MIN_ROWS = 3
_CANDIDATE = ("text", "indented")
_WORDS = re.compile(r"[^\W\d_]{2,}")
_SPACES = re.compile(r" +")


def pair_tables(lines: list[Line], page: PdfPage) -> list[Line]:
    """The block's lines with each run of name/value rows turned into table lines (kind 'table', one run per
    cell); the first row of each table is followed by a Markdown rule row, and tables are set apart by a
    blank line."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        rows = _rows_from(lines, k, page)
        while len(rows) >= _MIN_ROWS and not _aligned(rows):
            rows.pop()  # the longest aligned run of rows from line k
        if len(rows) >= _MIN_ROWS:
            out += _tables(lines[k : k + len(rows)], rows)
            k += len(rows)
        else:
            out.append(lines[k])
            k += 1
    return out


def _rows_from(lines: list[Line], k: int, page: PdfPage) -> list[list[Run]]:
    """The cells of the lines from k on that read as rows of one or two name/value pairs, same count each,
    evenly spaced (a wider gap than 1.5 times the first one ends the table)."""
    rows: list[list[Run]] = []
    for n, ln in enumerate(lines[k:], start=k):
        cells = _pairs(ln, page)
        if not cells or (rows and len(cells) != len(rows[0])):
            break
        if n > k + 1 and lines[n - 1].y - ln.y > 1.5 * (lines[k].y - lines[k + 1].y):
            break
        rows.append(cells)
    return rows


def _pairs(ln: Line, page: PdfPage) -> list[Run]:
    """A line's cells when it reads as one or two (name, value) pairs: a name of a few words, a short one."""
    if ln.kind not in _CANDIDATE or len(ln.text) > 90 or len(ln.runs) > 8 or not _ends_apart(ln, page):
        return []
    cells = _cells(ln, page)
    if len(cells) not in (2, 4):
        return []
    names, values = cells[0::2], cells[1::2]
    if not all(_WORDS.search(c.text) and len(c.text.split()) <= 6 for c in names):
        return []
    if not all(len(c.text.split()) <= 3 and len(c.text) <= 24 for c in values):
        return []
    return cells


def _ends_apart(ln: Line, page: PdfPage) -> bool:
    """Whether the line's last short piece (a value cell's length) stands apart from what precedes it: a cheap
    test that spares prose lines the glyph-by-glyph cut."""
    last = ln.runs[-1]
    if len(ln.runs) > 1 and last.x0 - ln.runs[-2].x1 > _GAP * last.size:
        return True
    tail = max(len(last.text) - 26, 1)
    spaces = [m.span() for m in _SPACES.finditer(last.text, tail)]
    return any(j < len(last.text) and _wide(page, last, i, j) for i, j in spaces[-3:])  # a value: <= 3 words


def _wide(page: PdfPage, r: Run, i: int, j: int) -> bool:
    """The space r.text[i:j] is wider than a cell gap (glyph boxes either side)."""
    return page.room(r.ts + i - 1, r.ts + j) > _GAP * r.size


def _cells(ln: Line, page: PdfPage) -> list[Run]:
    """The line cut where glyphs stand more than _GAP font sizes apart: between runs, and at a space inside
    a run (from the boxes of the glyphs either side)."""
    cells: list[Run] = []
    for r in ln.runs:
        pieces = _split_run(r, page)
        if cells and pieces[0].x0 - cells[-1].x1 <= _GAP * r.size:
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
        if right - left > _GAP * r.size:
            out.append(Run(r.text[start : m.start()], x0, left, r.y, r.size, r.ci0, r.ci0, r.ts + start))
            start, x0 = m.end(), right
    out.append(Run(r.text[start:], x0, r.x1, r.y, r.size, r.ci0, r.ci1, r.ts + start))
    return out


def _aligned(rows: list[list[Run]]) -> bool:
    """Every column's cells start at one x (a value column may instead end at one x: right-aligned)."""
    for c in range(len(rows[0])):
        starts = [row[c].x0 for row in rows]
        ends = [row[c].x1 for row in rows]
        if max(starts) - min(starts) > _ALIGN and (c % 2 == 0 or max(ends) - min(ends) > _ALIGN):
            return False
    return True


def _tables(lines: list[Line], rows: list[list[Run]]) -> list[Line]:
    """One table per pair of columns, left one first: a rule row after its first row, a blank line after."""
    out: list[Line] = []
    for c in range(0, len(rows[0]), 2):
        for n, (ln, row) in enumerate(zip(lines, rows, strict=True)):
            cells = row[c : c + 2]
            out.append(Line(cells, cells[0].x0, cells[1].x1, ln.y, ln.size, ln.text, kind="table"))
            if n == 0:
                out.append(_text_line(ln, "| --- | --- |", "table rule"))
        out.append(_text_line(ln, "", "blank"))
    return out


def _text_line(ln: Line, text: str, kind: str) -> Line:
    """A line of fixed Markdown (a rule row, a blank line) placed where `ln` is."""
    return Line([], ln.x0, ln.x1, ln.y, ln.size, text, kind=kind)
