"""Reading order of a page: full-width runs cut it into bands; a band is read left column, then right."""

from __future__ import annotations

import re
import statistics

from tools.ingest.pdf.box_rows import box_row
from tools.ingest.pdf.runs import Run

_WORD = re.compile(r"\b[a-z]{3,}\b")
Band = tuple[list[Run], list[Run], list[Run]]  # spanning runs, left column, right column


def columns(runs: list[Run], width: float) -> list[list[Run]]:
    """Blocks in reading order. Full-width runs cut the page into bands; on a two-column page each band is
    read left column then right; on a one-column page only bands holding side-by-side boxes (two algorithm
    boxes, say) are split, the rest stays one block. Three or more captioned boxes in a row are read box by
    box (box_rows.py), the page above and below them as usual."""
    if found := box_row(runs):
        above, boxes, below = found
        return (columns(above, width) if above else []) + boxes + (columns(below, width) if below else [])
    mid = width / 2
    left, right, two_col = _sides(runs, mid)
    if (gap := _gutter(runs, width)) != mid:  # columns of unequal width: split at the gap between them
        gap_left, gap_right, gap_two = _sides(runs, gap)
        if two_col or (gap_two and _prose_column(gap_left) and _prose_column(gap_right)):
            mid, left, right, two_col = gap, gap_left, gap_right, True
        elif len(gap_left) + len(gap_right) > len(left) + len(right) and _prose_column(gap_left) \
                and _aligned_box(gap_right):
            left, right = gap_left, gap_right  # a float wrapped beside the text: bands split at the gap
    if two_col:
        _overflows(runs, left, right, mid)
    return _read_bands(_bands(runs, left, right), two_col)


def _sides(runs: list[Run], mid: float) -> tuple[list[Run], list[Run], bool]:
    """The runs left and right of `mid`, and whether the page reads as two columns split there."""
    left = [r for r in runs if r.x1 <= mid + 4]
    right = [r for r in runs if r.x0 >= mid - 4 and r.x1 > mid + 4]
    total = sum(len(r.text) for r in runs) or 1
    n_left, n_right = sum(len(r.text) for r in left), sum(len(r.text) for r in right)
    # a one-column page of displays (pieces left and right of the middle) still has most prose lines spanning
    two_col = n_left >= 0.2 * total and n_right >= 0.2 * total and n_left + n_right >= 0.75 * total
    # a one-column page of derivations: no column of prose, and display rows cross the middle between rows cut
    # left and right of it (a two-column page has no run across its gutter inside its columns)
    prose = _prose_column(left) or _prose_column(right)
    return left, right, two_col and (prose or _rows_across(runs, left + right) < 3)


def _aligned_box(rs: list[Run]) -> bool:
    """Lines that start at one left edge, most of them (an algorithm box, a wrapped table), not pieces of
    displays scattered right of a gap."""
    starts = [round(r.x0) for r in rs]
    if len({round(r.y) for r in rs}) < 4:
        return False
    edge = max(set(starts), key=starts.count)
    return sum(abs(x - edge) <= 2 for x in starts) >= 0.4 * len(starts)


def _gutter(runs: list[Run], width: float) -> float:
    """The middle of the page, or the gap between the columns when text crosses the middle and a clear gap
    lies beside it (columns of unequal width: a left column ending past the middle)."""
    lo, hi = int(0.4 * width), int(0.6 * width)
    steps = [0] * (hi - lo + 2)
    for r in runs:  # characters over each x from lo to hi, by a difference array
        a, b = max(lo, int(r.x0) + 1), min(hi + 1, int(r.x1 + 0.999))
        if a < b:
            steps[a - lo] += len(r.text)
            steps[b - lo] -= len(r.text)
    cover, total = [], 0
    for d in steps[:-1]:
        total += d
        cover.append(total)
    half = int(width / 2) - lo
    least = min(cover)
    if cover[half] <= least:
        return width / 2
    near = min((k for k, c in enumerate(cover) if c == least), key=lambda k: abs(k - half))
    a = b = near
    while a > 0 and cover[a - 1] == least:
        a -= 1
    while b + 1 < len(cover) and cover[b + 1] == least:
        b += 1
    return lo + (a + b) / 2


def _rows_across(runs: list[Run], sides: list[Run]) -> int:
    """Baselines of runs crossing the middle (in neither side) between the sides' top and bottom rows."""
    ids = {id(r) for r in sides}
    top, bottom = max(r.y for r in sides), min(r.y for r in sides)
    return len({round(r.y) for r in runs if id(r) not in ids and bottom < r.y < top})


def _overflows(runs: list[Run], left: list[Run], right: list[Run], mid: float) -> None:
    """A left-column line too wide for its column (an overfull display) runs on into the right column, over
    that column's own prose on the same baseline: no full-width line can overlap prose, so the run crossing
    the middle, and what touches it on its baseline, stay in the left column."""
    for r in runs:
        if not (r.x0 < mid - 4 < mid + 4 < r.x1) or not _overlaps_text(r, right):
            continue
        left.append(r)
        end = r.x1
        for o in sorted((o for o in right if abs(o.y - r.y) < 0.3 * r.size), key=lambda o: o.x0):
            if -1 <= o.x0 - end < 0.5 * r.size:
                left.append(o)
                right.remove(o)
                end = max(end, o.x1)


def _overlaps_text(r: Run, others: list[Run]) -> bool:
    """A line of prose on about the same baseline starts inside r's width (a figure's labels may overlap)."""
    return any(
        o is not r and abs(o.y - r.y) < 0.5 * r.size and r.x0 < o.x0 < r.x1 - 1
        and len(_WORD.findall(o.text)) >= 4
        for o in others
    )


def _prose_column(rs: list[Run]) -> bool:
    """Three or more lines of prose on one side of the middle: a text column (beside it a figure's labels,
    not a table of short cells)."""
    return sum(len(_WORD.findall(r.text)) >= 6 for r in rs) >= 3


def _bands(runs: list[Run], left: list[Run], right: list[Run]) -> list[Band]:
    """The page cut at each spanning run; the spanning run opens the band below it."""
    ids = {id(r) for r in left} | {id(r) for r in right}
    span = sorted((r for r in runs if id(r) not in ids), key=lambda r: -r.y)
    cuts = [s.y for s in span]
    bands: list[Band] = [([], [], []) for _ in range(len(cuts) + 1)]

    def band(y: float) -> int:
        i = 0
        while i < len(cuts) and y < cuts[i] - 0.1:
            i += 1
        return i

    for r in left:
        bands[band(r.y)][1].append(r)
    for r in right:
        bands[band(r.y)][2].append(r)
    for i, s in enumerate(span):
        bands[i + 1][0].append(s)
    return bands


def _read_bands(bands: list[Band], two_col: bool) -> list[list[Run]]:
    """Bands -> blocks: a split band gives its left and right columns; the rest gathers into one block."""
    blocks: list[list[Run]] = []
    pending: list[Run] = []
    for spn, lft, rgt in bands:
        if lft and rgt and (two_col or _side_by_side(lft, rgt) or _prose_column(lft) or _prose_column(rgt)):
            pending.extend(spn)
            if pending:
                blocks.append(pending)
                pending = []
            blocks += [lft, rgt]
        else:
            pending += spn + lft + rgt
    if pending:
        blocks.append(pending)
    return blocks


def _side_by_side(lft: list[Run], rgt: list[Run]) -> bool:
    """Two boxes of text lines next to each other (not a two-column table of short cells)."""
    def rows(rs: list[Run]) -> int:
        return len({round(r.y) for r in rs})

    return (
        rows(lft) >= 4
        and rows(rgt) >= 4
        and statistics.median(len(r.text) for r in lft) >= 12
        and statistics.median(len(r.text) for r in rgt) >= 12
    )
