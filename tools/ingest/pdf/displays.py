"""Display equations in one column block: indented lines next to each other, or lines ending in a label
flush right, found line by line and joined into one line each (label last)."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from tools.analysis.equations import STEP_WORDS
from tools.ingest.pdf.cells import Cutter
from tools.ingest.pdf.display_join import join_block
from tools.ingest.pdf.labels import LABEL, label_of
from tools.ingest.pdf.lines import Line, margins
from tools.ingest.pdf.mathtext import MATH, OPEN_OP, REL, few_words, mathy, operator_row
from tools.ingest.pdf.runs import PdfPage
from tools.ingest.pdf.table_rows import mark_table_rows

_STEP = re.compile(rf"^(?:\d{{1,3}}:|{STEP_WORDS})", re.I)
_NEAR = ("label", "display", "indented")
# an unnumbered pseudo-code line: an assignment arrow, a right-set comment mark (algorithm2e's '// ...'), or a
# 'do'/'then' at its end
_COMMENT = re.compile(r"(?:[⊲▷]|\s//\s).*$")
_STEP_MARK = re.compile(r"[←⊲▷]|\s//\s\S|\s(?:do|then)$")


@dataclass(frozen=True, slots=True)
class _Frame:
    """A block's margins, text width and body font size."""

    xl: float
    xr: float
    width: float
    body: float


def mark_displays(lines: list[Line], page: PdfPage, cut: Cutter | None = None) -> list[Line]:
    """Find display equations in one column block and join each into one line (label last)."""
    if not lines:
        return lines
    frame = _frame(lines)
    mark_table_rows(lines, cut or Cutter(page))
    for ln in lines:
        if ln.kind == "tabled":
            continue
        ln.label = label_of(ln, page, frame.xl, frame.xr)
        ln.kind = _kind(ln, frame, page)
    _rows_of_lone_labels(lines, frame, page)
    _fraction_rows(lines, frame.body)
    _rows_above_displays(lines, frame)
    _fraction_rows(lines, frame.body)
    _main_rows(lines, frame.body)
    return _join_displays(lines, frame.body, page)


def _width(ln: Line) -> float:
    return ln.x1 - ln.x0


def _long_lines(lines: list[Line]) -> list[Line]:
    span = max(x.x1 for x in lines) - min(x.x0 for x in lines)
    return [ln for ln in lines if _width(ln) > 0.5 * span]


def _frame(lines: list[Line]) -> _Frame:
    long_ = _long_lines(lines)
    rest = [ln for ln in lines if ln is not long_[0]] if long_ else []
    # one line run on across both columns (twice as wide as any other) sets no frame
    if len(long_) == 1 and len(rest) >= 3 and _width(long_[0]) > 1.8 * max(map(_width, rest)):
        long_ = _long_lines(rest)
    xl, xr = margins(long_ or lines)
    # on a page of derivations the displays' indent is the commonest start; prose lines start at the margin
    prose = [ln for ln in lines if not few_words(ln.text)]
    if len(prose) >= 3:
        xl = min(xl, margins(prose)[0])
    return _Frame(xl, xr, max(xr - xl, 50.0), statistics.median(ln.size for ln in lines))


def _kind(ln: Line, f: _Frame, page: PdfPage) -> str:
    """A line's kind from its own look: label, algorithm step, table row, display, indented or text."""
    if ln.label:
        return "label"
    if _STEP.match(ln.text) and (ln.text[:1].isdigit() or ln.x1 < f.xr - 0.05 * f.width):
        return "step"  # keyword-led steps are short lines; justified prose starting 'require' is not
    if _STEP_MARK.search(ln.text) and few_words(_COMMENT.sub("", ln.text)):
        return "step"
    if _is_table_row(ln) and _math_runs(ln, page) < 0.5:
        return "table"
    if not (ln.x0 >= f.xl + 0.06 * f.width and ln.size <= f.body * 1.15):  # not indented: its own kind
        return ln.kind
    if ln.x1 > f.xr - 0.04 * f.width:
        return "indented"
    looks_maths = MATH.search(ln.text) or mathy(ln.text) or _math_runs(ln, page) >= 0.5
    return "display" if looks_maths else "indented"


def _math_runs(line: Line, page: PdfPage) -> float:
    """The share of a line's runs that open in a maths font: a display row, whatever its glyphs print as."""
    return sum(page.math_font(r.ci0) for r in line.runs) / len(line.runs) if line.runs else 0.0


def _is_table_row(line: Line) -> bool:
    gaps = sum(1 for a, b in zip(line.runs, line.runs[1:], strict=False) if b.x0 - a.x1 > 1.5 * line.size)
    return gaps >= 2 and not MATH.search(line.text)


def _rows_of_lone_labels(lines: list[Line], f: _Frame, page: PdfPage) -> None:
    """A label on a line of its own belongs to maths rows next to it, whatever their indent: above it when
    it dropped below a row too wide for it; above and below when LaTeX centred it between the rows of an
    aligned block. Rows are gathered while they stay close and read as maths."""
    for k, ln in enumerate(lines):
        if ln.kind != "label" or not _lone(ln):
            continue
        up = k - 1
        while up >= 0 and lines[up].y - lines[up + 1].y <= 2.3 * f.body and _maths_row(lines[up], page):
            lines[up].kind = "display"
            up -= 1
        if k + 1 < len(lines) and ln.y - lines[k + 1].y < 0.9 * f.body and up < k - 1:
            down = k + 1
            while down < len(lines) and lines[down - 1].y - lines[down].y <= 2.0 * f.body \
                    and _maths_row(lines[down], page):
                lines[down].kind = "display"
                down += 1


def _lone(ln: Line) -> bool:
    """A label line holding nothing but the label and script-size pieces of the rows around it."""
    before = ln.runs[:-1]
    return all(r.size < 0.8 * ln.size for r in before) and not LABEL.sub("", ln.runs[-1].text).strip()


def _maths_row(ln: Line, page: PdfPage) -> bool:
    """A row of a display: few ordinary words, and maths signs or maths fonts; no label of its own, no
    numbered or keyword-led pseudo-code step."""
    if ln.kind in ("indented", "display"):
        return True  # a display's own row or its note ('(apply the chain rule)')
    if ln.kind not in ("text", "step") or _STEP.match(ln.text):
        return False
    maths = few_words(ln.text) and bool(MATH.search(ln.text) or _math_runs(ln, page) >= 0.5)
    return maths or operator_row(ln.text)


def _fraction_rows(lines: list[Line], body: float) -> None:
    """A fraction's numerators or limits, spaced out like a table row, next to a display line."""
    for k, ln in enumerate(lines):
        around = [o for o in lines[max(k - 2, 0) : k + 3] if o is not ln]
        if ln.kind == "table" and all(len(r.text) <= 8 for r in ln.runs) and any(
            o.kind in _NEAR and abs(o.y - ln.y) < 1.2 * body for o in around
        ):
            ln.kind = "indented"


def _rows_above_displays(lines: list[Line], f: _Frame) -> None:
    """A row above a display that is no display by itself: multline's first row at the margin (the next opens
    with '+', or is its last row set flush right), or a row too wide for the indent rule (its label had to
    drop to a line of its own)."""
    dropped = False  # a label alone on its line lies below, in this run of display lines
    for k in range(len(lines) - 1, 0, -1):
        a, ln = lines[k - 1], lines[k]
        dropped = ln.kind in _NEAR and (dropped or ln.text == f"({ln.label})")
        last = _multline_last(a, lines[k : k + 4], f)
        if (
            ln.kind in _NEAR
            and a.kind == "text"
            and (OPEN_OP.match(ln.text) or a.x0 >= f.xl + 0.06 * f.width or dropped or last)
            and a.y - ln.y < 2.2 * f.body
            and (REL.search(a.text) or last and MATH.search(a.text))
            and few_words(a.text)
        ):
            a.kind = "display"


def _multline_last(a: Line, below: list[Line], f: _Frame) -> bool:
    """The display rows below `a` end in multline's last row (a fraction's parts may stand between): `a`
    starts near the margin and stops short of the right one, the last row sets its label flush right and
    starts well right of `a`."""
    rows = []
    for ln in below:
        if ln.kind not in _NEAR:
            return False
        rows.append(ln)
        if ln.label:
            break
    ln = rows[-1] if rows else None
    # a sentence's end is no first row: 'basis {∂xi,p}:' before the display
    prose = re.match(r"[a-z]{3,}\s", a.text) or a.text.rstrip().endswith((":", "."))
    return (
        ln is not None
        and not prose
        and bool(ln.label)
        and a.x0 < f.xl + 0.06 * f.width
        and a.x1 < ln.x1 - 0.03 * f.width
        and ln.x1 >= f.xr - 0.02 * f.width
        and ln.x0 > a.x0 + 0.1 * f.width
    )


def _main_rows(lines: list[Line], body: float) -> None:
    """A wide main line between a fraction's numerator and denominator."""
    for k in range(1, len(lines) - 1):
        a, ln, b = lines[k - 1], lines[k], lines[k + 1]
        if (
            ln.kind == "text"
            and a.kind in _NEAR
            and b.kind in _NEAR
            and a.y - ln.y < body
            and ln.y - b.y < body
            and MATH.search(ln.text)
        ):
            ln.kind = "indented"


def _join_displays(lines: list[Line], body: float, page: PdfPage) -> list[Line]:
    """Each vertical run of display-like lines joined: by its labels, or when it has none, its strictly
    display-like neighbours form unnumbered displays and the rest is text."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if lines[i].kind not in _NEAR:
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].kind in _NEAR and lines[j - 1].y - lines[j].y <= 2.3 * body:
            j += 1
        block = lines[i:j]
        if any(ln.label for ln in block):
            out.extend(join_block(block, body, page))
        else:
            out.extend(_join_unlabelled(block, body, page))
        i = j
    return out


def _join_unlabelled(block: list[Line], body: float, page: PdfPage) -> list[Line]:
    out: list[Line] = []
    k = 0
    while k < len(block):
        if block[k].kind != "display":
            block[k].kind = "text"
            out.append(block[k])
            k += 1
            continue
        m = k + 1
        while m < len(block) and block[m].kind == "display":
            m += 1
        out.extend(join_block(block[k:m], body, page))
        k = m
    return out
