"""Reading the tables of IMPLEMENTATION_CHECKLIST.md: rows split into cells, tables with an ID and a status
column, the item ID in a row. make_checklist's parser and check_coverage both read the file through these."""

from __future__ import annotations

import re
from typing import NamedTuple

CHECKLIST_NAME = "IMPLEMENTATION_CHECKLIST.md"

_SPLIT = re.compile(r"(?<!\\)\|")
# A checklist ID: a short upper-case kind, a dash, then letters/digits/dots/dashes (EQ-12, EQ-A.3, THM-C.1,
# ALG-1, HP-learning-rate). A trailing dot (end of a sentence) is not part of the ID.
ID_PATTERN = r"[A-Z]{1,6}-[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?"
# an ID cell, bold or not: '**EQ-12**', 'HP-learning-rate'
ID_CELL = re.compile(rf"^\**\s*({ID_PATTERN})\s*\**$")


class Table(NamedTuple):
    heading: str  # the section heading above it
    header: int  # line index of the header row
    cols: dict[str, int]  # column index by lower-case name
    rows: list[int]  # line indexes of its rows


def split_row(line: str) -> list[str]:
    """The cells of a table row, stripped (escaped pipes stay inside their cell)."""
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [c.strip() for c in _SPLIT.split(body)]


def row_id(cells: list[str], cols: dict[str, int]) -> str | None:
    """The item ID in a row's ID cell, or None."""
    m = ID_CELL.match(cells[cols["id"]]) if cols["id"] < len(cells) else None
    return m.group(1) if m else None


def find_tables(lines: list[str]) -> list[Table]:
    """Every table whose header has an ID and a status column."""
    tables = []
    heading = ""
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        if s.startswith("#"):
            heading = s.lstrip("#").strip()
        if s.startswith("|"):
            cols = {c.lower(): k for k, c in enumerate(split_row(s))}
            if (
                "id" in cols
                and "status" in cols
                and i + 1 < len(lines)
                and re.match(r"^\|?\s*:?-{2,}", lines[i + 1].strip())
            ):
                rows = []
                j = i + 2
                while j < len(lines) and lines[j].strip().startswith("|"):
                    rows.append(j)
                    j += 1
                tables.append(Table(heading, i, cols, rows))
                i = j
                continue
        i += 1
    return tables


def cell_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each cell's text in a table row, surrounding spaces excluded, in split_row's order:
    an edit through these spans leaves every other byte of the row as it was."""
    pipes = [m.start() for m in _SPLIT.finditer(line)]
    lead = line.lstrip().startswith("|")
    trail = line.rstrip().endswith("|") and not line.rstrip().endswith("\\|")
    bounds = ([] if lead else [-1]) + pipes + ([] if trail else [len(line)])
    spans = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        raw = line[a + 1 : b]
        if not raw.strip():  # an empty cell: its text goes after the first space
            spans.append((a + 1 + min(1, len(raw)),) * 2)
            continue
        start = a + 1 + len(raw) - len(raw.lstrip())
        spans.append((start, a + 1 + len(raw.rstrip())))
    return spans
