"""Tables of three or more columns set as plain lines (a results table, a settings table with one column per
experiment): a header line over two or more rows whose cells line up column by column. The header's cells
are given to the columns they stand over, so a heading spanning two columns names both; a row of words under
such a header is a second header line, joined to the first ('CIFAR-10 Top-1')."""

from __future__ import annotations

import re
from collections.abc import Callable

from tools.ingest.pdf.cells import lined_up, text_line
from tools.ingest.pdf.lines import Line
from tools.ingest.pdf.runs import Run

Cut = Callable[[Line], list[Run]]  # a line's cells ([] when it cannot be a table row)

_KINDS = ("text", "indented", "table", "tabled")
_MIN_COLUMNS, _MAX_COLUMNS, _MIN_BODY = 3, 14, 2
_ROW_GAP = 2.2  # font sizes: rows of one table stand at most this far apart (a rule adds space)
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_DIGITS = re.compile(r"\d")
_NUMBER = re.compile(r"[-+−]?\d[\d.,]*(?:[eE][-+−]?\d+)?%?")


def grid_table(lines: list[Line], k: int, cut: Cut, above: int = 0) -> tuple[int, list[Line], int]:
    """How many lines from k form a grid table, its Markdown lines (0 and [] when none does), and how many of
    the `above` lines right before k it took as the upper lines of its header."""
    if lines[k].kind not in _KINDS or not _LETTERS.search(lines[k].text):
        return 0, [], 0
    head, whole = cut(lines[k]), False
    if not head and lines[k].runs:  # a header set tight: its headings may still be one word per column
        head, whole = [_whole(lines[k])], True
    body, ends = _body(lines, k + 1, cut)
    if len(body) < _MIN_BODY or not head or _gap(lines[k], lines[k + 1]) > 1.3 * _ROW_GAP:
        return 0, [], 0
    spans = [(min(c.x0 for c in col), max(c.x1 for c in col)) for col in zip(*body, strict=True)]
    names = _header(head, spans, whole)
    if names is None:
        return 0, [], 0
    upper = _upper_header(lines, k, above, cut, spans)
    for words in reversed(upper):  # 'minibatch' over 'size': 'minibatch size'; 'Starter' 'Learning' 'Rate'
        names = [f"{w} {n}".strip() for w, n in zip(words, names, strict=True)]
    n = ends[-1] - k
    rows = [lines[k], *(lines[e - 1] for e in ends)]
    if len(head) < len(spans) and len(body) > _MIN_BODY and all(_LETTERS.search(c.text) for c in body[0]):
        names = [f"{a} {b.text}".strip() for a, b in zip(names, body.pop(0), strict=True)]  # a second header
        rows = [rows[0], *rows[2:]]
    out = [_row(rows[0], [_cell(head[0], t, s) for t, s in zip(names, spans, strict=True)])]
    out.append(text_line(rows[0], "| " + " | ".join("---" for _ in spans) + " |", "table rule"))
    out += [_row(ln, cells) for ln, cells in zip(rows[1:], body, strict=True)]
    return n, [*out, text_line(rows[-1], "", "blank")], len(upper)


def _upper_header(
    lines: list[Line], k: int, above: int, cut: Cut, spans: list[tuple[float, float]]
) -> list[list[str]]:
    """The words, column by column, of the header's upper lines: up to `above` lines of words right above line
    k, close to it, each word standing over one column ('minibatch', 'regularization' over 'size',
    'parameter'); nearest last. [] when the line above is no such line."""
    upper: list[list[str]] = []
    for j in range(k - 1, max(k - 1 - above, -1), -1):
        cells = (cut(lines[j]) or _one(lines[j])) if lines[j].kind in _KINDS else []  # one word: 'Learning'
        if not cells or _gap(lines[j], lines[j + 1]) > 1.3 * _ROW_GAP or _DIGITS.search(lines[j].text):
            break
        words = [""] * len(spans)
        for cell in cells:
            over = _columns_under(cell, spans)
            if len(over) != 1:
                return upper
            words[over[0]] = f"{words[over[0]]} {cell.text}".strip()
        upper.insert(0, words)
    return upper


def _gap(a: Line, b: Line) -> float:
    return (a.y - b.y) / max(a.size, b.size, 1.0)


def _body(lines: list[Line], k: int, cut: Cut) -> tuple[list[list[Run]], list[int]]:
    """The cells of the rows from line k on: the same count of cells (three or more), close below each other,
    cut back to the longest run whose columns line up; and, for each row, the line after its last one (a
    cell wrapped onto a second line, 'Resnet-18, Resnet-34, and' over 'VGG-16', joins its row)."""
    rows: list[list[Run]] = []
    ends: list[int] = []
    for n in range(k, len(lines)):
        ln = lines[n]
        cells = cut(ln) if ln.kind in _KINDS else []
        if rows and _gap(lines[n - 1], ln) <= _ROW_GAP and (joined := _wrapped(rows[-1], cells or _one(ln))):
            rows[-1], ends[-1] = joined, n + 1
            continue
        cells = _grouped(cells, rows[0]) if rows else cells
        if not _MIN_COLUMNS <= len(cells) <= _MAX_COLUMNS or (rows and len(cells) != len(rows[0])):
            break
        if rows and _gap(lines[n - 1], ln) > _ROW_GAP:
            break
        rows.append(cells)
        ends.append(n + 1)
    while len(rows) >= _MIN_BODY and not _aligned(rows):
        rows.pop()
    return (rows, ends[: len(rows)]) if len(rows) >= _MIN_BODY else ([], [])


def _grouped(cells: list[Run], first: list[Run]) -> list[Run]:
    """A row with one cell more than the table, that cell a word set left of the first column (a group's
    label, 'Encoder', centred on its rows by \\multirow): the label joined to the row's name cell."""
    if len(cells) != len(first) + 1 or cells[0].x1 > first[0].x0 or not _LETTERS.search(cells[0].text):
        return cells
    if _NUMBER.fullmatch(cells[0].text.strip()):
        return cells
    name = Run(
        f"{cells[0].text} {cells[1].text}",
        cells[1].x0,
        cells[1].x1,
        cells[1].y,
        cells[1].size,
        cells[0].ci0,
        cells[1].ci1,
        cells[1].ts,
    )
    return [name, *cells[2:]]


def _one(ln: Line) -> list[Run]:
    return [_whole(ln)] if ln.runs and ln.kind in _KINDS else []


def _wrapped(row: list[Run], cells: list[Run]) -> list[Run] | None:
    """The row with a line's cells added to the cells they stand under, when the line is the rest of
    cells wrapped onto it: it leaves the first column and at least one other empty, and each of its cells
    stands under one cell of the row. None when it is no such line (a row of its own: '|  | Initial LR |
    1e-4 |' under a group's first row fills every column but the first)."""
    if not cells or len(cells) > len(row) - 2 or any(_NUMBER.fullmatch(c.text.strip()) for c in cells):
        return None  # a lone number under a column is a row's value, not the rest of a cell
    spans = [(c.x0, c.x1) for c in row]
    joined = list(row)
    for cell in cells:
        over = _columns_under(cell, spans)
        if len(over) != 1 or over[0] == 0:
            return None
        c = joined[over[0]]
        joined[over[0]] = _cell(c, f"{c.text} {cell.text}", (c.x0, c.x1))
    return joined


def _aligned(rows: list[list[Run]]) -> bool:
    """Each column's cells start, end or centre at one x, and columns do not overlap."""
    tol = max(3.0, 0.5 * rows[0][0].size)
    cols = list(zip(*rows, strict=True))
    for c, col in enumerate(cols):
        if not lined_up(col, tol):
            return False
        if c and max(r.x1 for r in cols[c - 1]) >= min(r.x0 for r in col):
            return False
    return True


def _header(head: list[Run], spans: list[tuple[float, float]], whole: bool = False) -> list[str] | None:
    """Each column's heading: the header cell over it ('' for none), or one word per column when a cell has
    as many words as the columns it stands over ('Layers Width FFN Heads'); None when a header cell stands
    over no column, the header has more cells than the rows, or an uncut line does not split word by word."""
    if len(head) > len(spans):
        return None
    names = [""] * len(spans)
    for cell in head:
        over = _columns_under(cell, spans)
        words = cell.text.split()
        if not over or whole and len(words) != len(over):
            return None
        if len(over) > 1 and len(words) != len(over) and sum(bool(_NUMBER.fullmatch(w)) for w in words) >= 2:
            return None  # '10 clog-log 10−4 0.537' over three columns: a row run together, not one heading
        for n, c in enumerate(over):
            mine = words[n] if len(over) > 1 and len(words) == len(over) else cell.text
            names[c] = names[c] or mine
    return names


def _columns_under(cell: Run, spans: list[tuple[float, float]]) -> list[int]:
    """The columns a header cell stands over (its box overlaps theirs)."""
    return [c for c, (a, b) in enumerate(spans) if min(b, cell.x1) - max(a, cell.x0) > 0]


def _whole(ln: Line) -> Run:
    """The line as one cell."""
    a, b = ln.runs[0], ln.runs[-1]
    return Run(ln.text, ln.x0, ln.x1, ln.y, ln.size, a.ci0, b.ci1, a.ts)


def _cell(like: Run, text: str, span: tuple[float, float]) -> Run:
    return Run(text, span[0], span[1], like.y, like.size, like.ci0, like.ci1, like.ts)


def _row(ln: Line, cells: list[Run]) -> Line:
    return Line(cells, cells[0].x0, cells[-1].x1, ln.y, ln.size, ln.text, kind="table")
