"""Three or more captioned boxes side by side (`Algorithm 1 ... Algorithm 2 ... Algorithm 3` on one baseline,
minipages in a full-width figure): each box is read whole, left to right, instead of row by row across
the boxes. Two boxes are left to the column reading (columns.py), which already splits them."""

from __future__ import annotations

import re

from tools.ingest.pdf.runs import Run

_CAPTION = re.compile(r"^(?:Algorithm|Procedure|Listing)\s+\d+\b")
_ROW = 0.5  # runs within half a font size of one baseline share a row


def box_row(runs: list[Run]) -> tuple[list[Run], list[list[Run]], list[Run]] | None:
    """(runs above, the boxes left to right, runs below) when a row holds three or more box captions."""
    rows = _rows(runs)
    for k, row in enumerate(rows):
        heads = sorted((r for r in row if _CAPTION.match(r.text)), key=lambda r: r.x0)
        if len(heads) < 3:
            continue
        starts = [h.x0 for h in heads]
        end = _extent(rows, k, starts)
        inside = [r for rw in rows[k:end] for r in rw]
        boxes = [[r for r in inside if _box_of(r, starts) == i] for i in range(len(starts))]
        if all(len({round(r.y) for r in b}) >= 3 for b in boxes):
            above = [r for rw in rows[:k] for r in rw]
            below = [r for rw in rows[end:] for r in rw]
            return above, [sorted(b, key=lambda r: (-r.y, r.x0)) for b in boxes], below
    return None


def _rows(runs: list[Run]) -> list[list[Run]]:
    """Runs grouped by baseline, top of the page first."""
    rows: list[list[Run]] = []
    for r in sorted(runs, key=lambda r: -r.y):
        if rows and abs(rows[-1][0].y - r.y) <= _ROW * r.size:
            rows[-1].append(r)
        else:
            rows.append([r])
    return rows


def _extent(rows: list[list[Run]], k: int, starts: list[float]) -> int:
    """The index after the last row of the boxes: rows go on while no run crosses from one box into the
    next (a caption's box ends where the next caption's left edge begins) and none starts left of them."""
    end = k + 1
    while end < len(rows):
        row = rows[end]
        if any(r.x0 < starts[0] - 8 or _crosses(r, starts) for r in row):
            break
        end += 1
    return end


def _crosses(r: Run, starts: list[float]) -> bool:
    return any(r.x0 < s - 1 < r.x1 for s in starts[1:])


def _box_of(r: Run, starts: list[float]) -> int:
    return max(i for i, s in enumerate(starts) if r.x0 >= s - 2 or i == 0)
