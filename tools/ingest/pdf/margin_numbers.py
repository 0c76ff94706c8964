"""Line numbers printed in the margins of review copies and preprints (lineno's number beside every line, the
zero-padded rulers of conference review styles), found as a class and dropped before the layout stages.

A number is a digit-only piece: a run of its own, or glued by pdfium to the start or the end of a text line
across a wide gap. Numbers of one page form a band when they share an edge (right-aligned: their right ends;
left-aligned: their left ends) and increase down the page by small steps. A band is dropped when bands at the
same place carry many numbers on a good share of the pages, and it lies outside the text block (left of its
left edge, right of its right edge) or, in the gap between columns, continues the numbering of such a band. A
table's column of row numbers, an algorithm's step numbers or a plot's ticks never pass: they sit inside the
text block, on few pages.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from tools.ingest.pdf.runs import PdfPage, Run

_NUMBER = re.compile(r"\d{1,4}")
_LEAD = re.compile(r"(\d{1,4})\s+(?=\S)")
_TRAIL = re.compile(r"(?<=\S)(\s+)(\d{1,4})$")
GAP = 0.6  # least gap, in font sizes, between a glued number and its line's text
ALIGN = 1.0  # pt: the numbers of a band share an edge within this
PLACE = 3.0  # pt: bands of two pages at the same place
MAX_STEP = 10  # numbering steps of at most this (lineno can number every 5th or 10th line)
MIN_BAND = 8  # numbers of a band on one page for it to count as evidence
MIN_SHARE = 0.3  # share of the pages (and at least two) that need such a band at the same place
LONG = 15  # characters of a run that can tell the text block's edges


@dataclass(slots=True)
class _Number:
    value: int
    x0: float
    x1: float
    y: float
    run: Run  # the run it was read from
    rest: Run | None  # that run without the number; None when the number is the whole run


@dataclass(slots=True)
class _Band:
    page: int
    edge: str  # "x0" (left-aligned numbers) or "x1" (right-aligned)
    at: float
    numbers: list[_Number]
    outer: bool  # outside the text block
    first: int
    last: int


class MarginNumbers:
    """Collects the digit-only pieces of each page while pages are read (`scan`), then drops the ones that
    form margin line-number bands (`strip`)."""

    def __init__(self) -> None:
        self.numbers: dict[int, list[_Number]] = {}

    def scan(self, page_no: int, page: PdfPage, runs: list[Run]) -> list[Run]:
        """Records the page's number pieces; the runs are returned unchanged."""
        found = []
        for r in runs:
            if _NUMBER.fullmatch(r.text):
                found.append(_Number(int(r.text), r.x0, r.x1, r.y, r, None))
            else:
                found += [n for n in (_lead(page, r), _trail(page, r)) if n is not None]
        if found:
            self.numbers[page_no] = found
        return runs

    def strip(self, pages_runs: list[list[Run]]) -> list[list[Run]]:
        """The pages' runs with margin line numbers dropped (a glued number cut off its line's run)."""
        if not self.numbers:
            return pages_runs
        pages = sum(1 for runs in pages_runs if runs)
        cut: dict[int, dict[int, _Number]] = {}  # run -> its numbers (a number can be in two bands)
        for b in _accepted(self._bands(pages_runs), max(2, math.ceil(MIN_SHARE * pages))):
            for n in b.numbers:
                cut.setdefault(id(n.run), {})[id(n)] = n
        if not cut:
            return pages_runs
        out = []
        for runs in pages_runs:
            kept = [_without(r, list(cut[id(r)].values())) if id(r) in cut else r for r in runs]
            out.append([r for r in kept if r is not None])
        return out

    def _bands(self, pages_runs: list[list[Run]]) -> list[_Band]:
        """Every page's bands; a page whose text cannot tell the text block's edges (a page of figures)
        gets the document's usual ones."""
        edges = {k: _text_edges(nums, pages_runs[k]) for k, nums in self.numbers.items()}
        usual = [_most_common(e[j] for e in edges.values()) for j in (0, 1)]
        bands = []
        for k, nums in self.numbers.items():
            left, right = (usual[j] if edges[k][j] is None else edges[k][j] for j in (0, 1))
            bands += _page_bands(k, nums, left, right)
        return bands


def _without(r: Run, numbers: list[_Number]) -> Run | None:
    """The run less its numbers: nothing when it is one, else its text between a leading and a trailing
    number."""
    rests = [n.rest for n in numbers if n.rest is not None]
    if len(rests) < len(numbers) or not rests:
        return None
    if len(rests) == 1:
        return rests[0]
    a, b = sorted(rests, key=lambda x: x.ts)  # a: trailing number cut (starts first); b: leading number cut
    text = b.text[: len(b.text) - (len(r.text) - len(a.text))]
    return Run(text, b.x0, a.x1, b.y, b.size, b.ci0, a.ci1, b.ts, a.hyphen)


def _rest_size(page: PdfPage, ci: int, fallback: float) -> float:
    s = page.size(ci)
    return s if 3 <= s <= 100 else fallback


def _lead(page: PdfPage, r: Run) -> _Number | None:
    """A number opening the run, a wide gap before the line's text ('12 of the minibatch estimate')."""
    m = _LEAD.match(r.text)
    if m is None:
        return None
    k = m.end()
    right = page.box(page.char(r.ts + m.end(1) - 1))[2]
    ci = page.char(r.ts + k)
    left = page.box(ci)[0]
    size = _rest_size(page, ci, r.size)
    if left - right < GAP * size:
        return None
    rest = Run(r.text[k:], left, max(r.x1, left), page.origin(ci)[1], size, ci, r.ci1, r.ts + k, r.hyphen)
    return _Number(int(m.group(1)), r.x0, right, r.y, r, rest)


def _trail(page: PdfPage, r: Run) -> _Number | None:
    """A number closing the run, a wide gap after the line's text ('the budget is exhausted. 43')."""
    m = _TRAIL.search(r.text)
    if m is None:
        return None
    end = m.start()
    ci = page.char(r.ts + end - 1)
    right = page.box(ci)[2]
    left = page.box(page.char(r.ts + m.start(2)))[0]
    if left - right < GAP * r.size:
        return None
    text, hyphen = r.text[:end], r.hyphen
    if re.search(r"[^\W\d_]-$", text):  # the line's hyphen, which pdfium marks only at a line's very end
        text, hyphen = text[:-1], True
    rest = Run(text, r.x0, max(right, r.x0), r.y, r.size, r.ci0, ci, r.ts, hyphen)
    return _Number(int(m.group(2)), left, r.x1, r.y, r, rest)


def _most_common(values: Iterable[float | None]) -> float | None:
    c = Counter(v for v in values if v is not None)
    return c.most_common(1)[0][0] if c else None


def _page_bands(k: int, nums: list[_Number], left: float | None, right: float | None) -> list[_Band]:
    """The page's bands: numbers sharing an edge, increasing down the page by steps of 1..MAX_STEP; `left`
    and `right` are the text block's edges (the document's usual ones where the page alone cannot tell)."""
    out = []
    for edge in ("x1", "x0"):
        for group in _aligned(nums, edge):
            for seq in _increasing(group):
                at = sorted(getattr(n, edge) for n in seq)[len(seq) // 2]
                x0, x1 = min(n.x0 for n in seq), max(n.x1 for n in seq)
                outer = (left is not None and x1 < left - ALIGN) or (right is not None and x0 > right + ALIGN)
                out.append(_Band(k, edge, at, seq, outer, seq[0].value, seq[-1].value))
    return out


def _text_edges(nums: list[_Number], runs: list[Run]) -> tuple[float | None, float | None]:
    """The text block's left and right edges: the outermost places where three or more long lines (number
    pieces cut off, at both ends where a line has two) start or end."""
    pieces: dict[int, list[_Number]] = {}
    for n in nums:
        pieces.setdefault(id(n.run), []).append(n)
    lines = [_without(r, pieces[id(r)]) if id(r) in pieces else r for r in runs]
    long = [r for r in lines if r is not None and len(r.text) >= LONG]
    starts = Counter(round(r.x0) for r in long)
    ends = Counter(round(r.x1) for r in long)
    lefts = [x for x, c in starts.items() if c >= 3]
    rights = [x for x, c in ends.items() if c >= 3]
    return (min(lefts) - 0.5 if lefts else None), (max(rights) + 0.5 if rights else None)


def _aligned(nums: list[_Number], edge: str) -> list[list[_Number]]:
    """Numbers grouped by a shared edge (each within ALIGN of the previous one, in order of that edge)."""
    groups: list[list[_Number]] = []
    for n in sorted(nums, key=lambda n: getattr(n, edge)):
        if groups and getattr(n, edge) - getattr(groups[-1][-1], edge) <= ALIGN:
            groups[-1].append(n)
        else:
            groups.append([n])
    return [g for g in groups if len(g) >= 2]


def _increasing(group: list[_Number]) -> list[list[_Number]]:
    """Top to bottom, the stretches whose numbers increase by 1..MAX_STEP from one to the next."""
    seqs: list[list[_Number]] = []
    for n in sorted(group, key=lambda n: -n.y):
        last = seqs[-1][-1] if seqs else None
        if last is not None and 0 < n.value - last.value <= MAX_STEP and n.y < last.y:
            seqs[-1].append(n)
        else:
            seqs.append([n])
    return [s for s in seqs if len(s) >= 2]


def _accepted(bands: list[_Band], need: int) -> list[_Band]:
    """None unless the document is line-numbered: bands at one place on `need` pages or more, one of them
    strong (MIN_BAND numbers or more). Then the bands outside the text block at the place of a strong band,
    and those in a column gap at such a place that continue an accepted outside band of their page."""
    strong = [b for b in bands if len(b.numbers) >= MIN_BAND]

    def near(a: _Band, b: _Band) -> bool:
        return a.edge == b.edge and abs(a.at - b.at) <= PLACE

    if not any(len({b.page for b in bands if near(s, b)}) >= need for s in strong):
        return []
    placed = [b for b in bands if any(near(s, b) for s in strong)]
    outer = [b for b in placed if b.outer]
    inner = [
        b for b in placed
        if not b.outer and any(o.page == b.page and o.last < b.first for o in outer)
    ]
    return outer + inner
