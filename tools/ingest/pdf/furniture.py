"""Page furniture: running heads and feet, and page numbers. They would cut sentences that continue across
pages, so they are found over the whole document and left out of the text.

A running head or foot is the same text (digits aside) near the top or bottom of many pages. A page number is
found where the document puts it, not in a fixed band: a number alone on its line, at the same height on many
pages, counting up with the pages (an `article` page on A4 prints it ~16% up the page, in the text's way)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from tools.ingest.pdf.runs import Run

_NUMBER = re.compile(r"\d{1,4}")
_LETTER = re.compile(r"[^\W\d_]")  # a running head has words: digits alone are a page number or a cell
_EDGE = 0.1  # a running head or foot lies in the top or bottom tenth of the page
_SAME_Y = 2.0  # points: page numbers of one document share their baseline to within this


def page_furniture(pages_runs: list[list[Run]], heights: list[float]) -> set[int]:
    """The ids of the runs that are page furniture."""
    need = max(3, 0.4 * len(pages_runs))
    return _running(pages_runs, heights, need) | _page_numbers(pages_runs, need)


def _running(pages_runs: list[list[Run]], heights: list[float], need: float) -> set[int]:
    """Running heads and feet (words, the same on many pages), and a number alone on its line at the top or
    bottom edge."""

    def key(r: Run) -> str:
        return re.sub(r"\d+", "#", r.text.lower())

    def edge(r: Run, h: float) -> bool:
        return r.y > (1 - _EDGE) * h or r.y < _EDGE * h

    seen: Counter[str] = Counter()
    for runs, h in zip(pages_runs, heights, strict=True):
        seen.update({key(r) for r in runs if edge(r, h)})
    out = set()
    for runs, h in zip(pages_runs, heights, strict=True):
        for r in runs:
            if not edge(r, h):
                continue
            head = seen[key(r)] >= need and _LETTER.search(r.text)
            if head or (_NUMBER.fullmatch(r.text) and _alone(r, runs)):
                out.add(id(r))
    return out


def _page_numbers(pages_runs: list[list[Run]], need: float) -> set[int]:
    """Numbers alone on their line that count up with the pages (number - page index the same) at one
    height on at least `need` pages, wherever that height is."""
    by_offset: dict[int, list[tuple[float, int, Run]]] = defaultdict(list)
    for i, runs in enumerate(pages_runs):
        for r in runs:
            if _NUMBER.fullmatch(r.text) and _alone(r, runs):
                by_offset[int(r.text) - i].append((r.y, i, r))
    out: set[int] = set()
    for found in by_offset.values():
        for y, _, _ in found:
            same = [(i, r) for y2, i, r in found if abs(y2 - y) <= _SAME_Y]
            if len({i for i, _ in same}) >= need:
                out.update(id(r) for _, r in same)
    return out


def _alone(r: Run, runs: list[Run]) -> bool:
    """No other run on the run's baseline: a page number, not a table cell or a word of a sentence."""
    return not any(o is not r and abs(o.y - r.y) < 0.5 * r.size for o in runs)
