"""Tables of name/value pairs set as plain lines: a `tabular{l l}` of settings, or two of them side by side in
one figure. pdfium often prints a row as one run ('Learning rate α 0.00025'), so a row's cells are cut where
its glyphs stand apart. Three or more rows in a row whose cells line up become pipe tables; a line holding
two pairs (the two tabulars' rows on one baseline) gives a row to each side, and the left table is written
before the right one, so each name keeps its value."""

from __future__ import annotations

import re

from tools.ingest.pdf.cells import Cutter, lined_up, text_line
from tools.ingest.pdf.grid_tables import grid_table
from tools.ingest.pdf.lines import Line
from tools.ingest.pdf.runs import PdfPage, Run

_ALIGN = 3.0  # points: the cells of one column start (or end) this close to each other
_MIN_ROWS = 3
_CANDIDATE = ("text", "indented", "tabled")
_WORDS = re.compile(r"[^\W\d_]{2,}")
_SYMBOL = re.compile(r"[^\W\d_]\d?")  # a setting named by its symbol: b, λ, p
# a citation after a name or a value: 'AdaFactor (Shazeer & Stern, 2018)', 'Warmup steps [12]'
_CITED = re.compile(r"\s*(?:\([^()]*\b(?:19|20)\d\d[a-z]?\)|\[[\d,\s–-]+\])\s*$")


def pair_tables(lines: list[Line], page: PdfPage, cut: Cutter | None = None) -> list[Line]:
    """The block's lines with each run of name/value rows turned into table lines (kind 'table', one run per
    cell); the first row of each table is followed by a Markdown rule row, and tables are set apart by a
    blank line."""
    out: list[Line] = []
    cut = cut or Cutter(page)
    k = 0
    while k < len(lines):
        rows = _rows_from(lines, k, cut)
        while len(rows) >= _MIN_ROWS and not _aligned(rows):
            rows.pop()  # the longest aligned run of rows from line k
        if len(rows) >= _MIN_ROWS:
            out += _tables(lines[k : k + len(rows)], rows)
            k += len(rows)
        elif (grid := grid_table(lines, k, cut, _untouched_above(out, lines, k)))[0]:
            del out[len(out) - grid[2] :]  # the header's upper lines, written as text before
            out += grid[1]
            k += grid[0]
        else:
            out.append(lines[k])
            k += 1
    for ln in out:
        ln.kind = "text" if ln.kind == "tabled" else ln.kind  # a row no table took is text after all
    return out


def _untouched_above(out: list[Line], lines: list[Line], k: int) -> int:
    """How many of the three lines right before k were written out as they are (a table may take them as its
    header's upper lines)."""
    n = 0
    while n < 3 and n < len(out) and k - 1 - n >= 0 and out[len(out) - 1 - n] is lines[k - 1 - n]:
        n += 1
    return n


def _rows_from(lines: list[Line], k: int, cut: Cutter) -> list[list[Run]]:
    """The cells of the lines from k on that read as rows of one or two name/value pairs, same count each,
    evenly spaced (a wider gap than 1.5 times the first one ends the table)."""
    rows: list[list[Run]] = []
    for n, ln in enumerate(lines[k:], start=k):
        cells = _pairs(ln, cut)
        if not cells or (rows and len(cells) != len(rows[0])):
            break
        if n > k + 1 and lines[n - 1].y - ln.y > 1.5 * (lines[k].y - lines[k + 1].y):
            break
        rows.append(cells)
    return rows


def _pairs(ln: Line, cut: Cutter) -> list[Run]:
    """A line's cells when it reads as one or two (name, value) pairs: a name of a few words, a short one."""
    if ln.kind not in _CANDIDATE or len(ln.text) > 90 or len(ln.runs) > 8:
        return []
    cells = cut(ln)  # cut once per line: the grid reader looks at the same lines
    if len(cells) not in (2, 4):
        return []
    names = [_CITED.sub("", c.text) for c in cells[0::2]]
    values = [_CITED.sub("", c.text) for c in cells[1::2]]
    if not all((_WORDS.search(c) or _SYMBOL.fullmatch(c)) and len(c.split()) <= 6 for c in names):
        return []
    if not all(len(c) <= 24 and (len(c.split()) <= 3 or not _WORDS.search(c)) for c in values):
        return []  # a value of a few words, or a set or range of numbers ('{2, . . . , 128}')
    return cells


def _aligned(rows: list[list[Run]]) -> bool:
    """Every column's cells start at one x (a value column may instead end at one x: right-aligned); when
    most rows hold a number, a column may be centred instead (a centred tabular, not a centred block of
    names)."""
    centred = sum(any(ch.isdigit() for ch in row[1].text) for row in rows) * 2 > len(rows)
    columns = [[row[c] for row in rows] for c in range(len(rows[0]))]
    return all(lined_up(col, _ALIGN, end=c % 2 == 1, centre=centred) for c, col in enumerate(columns))


def _tables(lines: list[Line], rows: list[list[Run]]) -> list[Line]:
    """One table per pair of columns, left one first: a rule row after its first row, a blank line after."""
    out: list[Line] = []
    for c in range(0, len(rows[0]), 2):
        for n, (ln, row) in enumerate(zip(lines, rows, strict=True)):
            cells = row[c : c + 2]
            out.append(Line(cells, cells[0].x0, cells[1].x1, ln.y, ln.size, ln.text, kind="table"))
            if n == 0:
                out.append(text_line(ln, "| --- | --- |", "table rule"))
        out.append(text_line(ln, "", "blank"))
    return out
