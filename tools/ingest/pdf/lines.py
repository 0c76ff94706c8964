"""Lines of text: runs grouped by baseline (sub- and superscripts included), and a block's margins."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

from tools.ingest.pdf.runs import Run, runs_text


@dataclass(slots=True)
class Line:
    runs: list[Run]
    x0: float
    x1: float
    y: float
    size: float
    text: str
    hyphen: bool = False
    kind: str = "text"  # text | display | label | table | step | heading | caption
    label: str | None = None
    flags: list[str] = field(default_factory=list)  # what the text may have lost ("stacked fraction", ...)


Box = tuple[float, float, float, float]  # x0, bottom, x1, top in PDF points (origin bottom-left)


def line_box(ln: Line) -> Box:
    """The area a line's runs cover, ascenders and descenders included."""
    rs = ln.runs or []
    if not rs:
        return ln.x0, ln.y - 0.3 * ln.size, ln.x1, ln.y + 0.9 * ln.size
    return (min(r.x0 for r in rs), min(r.y - 0.3 * r.size for r in rs),
            max(r.x1 for r in rs), max(r.y + 0.9 * r.size for r in rs))


def union(a: Box, b: Box) -> Box:
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def group_lines(runs: list[Run]) -> list[Line]:
    """Runs on one baseline (sub/superscripts included) -> lines, top to bottom, runs left to right."""
    runs = sorted(runs, key=lambda r: -r.y)
    groups: list[list[Run]] = []
    anchor_y = anchor_size = 0.0
    for r in runs:
        if groups and anchor_y - r.y <= 0.45 * max(anchor_size, r.size):
            groups[-1].append(r)
            if r.size > anchor_size + 0.5:
                anchor_y, anchor_size = r.y, r.size
        else:
            groups.append([r])
            anchor_y, anchor_size = r.y, r.size
    lines = []
    for g in groups:
        _sort_stacked(g)
        main = max(g, key=lambda r: (r.size, len(r.text)))
        lines.append(Line(g, g[0].x0, max(r.x1 for r in g), main.y, main.size, runs_text(g), g[-1].hyphen))
    return lines


def _sort_stacked(g: list[Run]) -> None:
    """Runs left to right; a script starting where a larger run starts (`R^a_v`: 'a' stacked over the run
    'v = 1 ...') goes first, not after the whole run."""
    g.sort(key=lambda r: r.x0)
    for k in range(len(g) - 1):
        a, b = g[k], g[k + 1]
        if b.x0 - a.x0 < 1.0 and b.size < 0.85 * a.size and b.x1 < a.x1:
            g[k], g[k + 1] = b, a


def margins(ref: list[Line]) -> tuple[float, float]:
    """The left margin (the most common start) and right margin (median end of the longer half) of lines."""
    xl = Counter(round(ln.x0) for ln in ref).most_common(1)[0][0]
    xr = statistics.median(sorted(ln.x1 for ln in ref)[len(ref) // 2 :])
    return xl, xr
