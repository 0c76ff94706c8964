"""Flags on lines whose text likely lost something a reader of the page sees: a bar, accent or stroke over a
letter, a stacked fraction, glyphs without a Unicode map, scripts read on their own baseline, pieces gathered
from other baselines. The display joiner sets the last ones; this stage adds what the page's drawing and the
text show."""

from __future__ import annotations

import re

from tools.ingest.pdf.glyphs import BAD, MAPLESS
from tools.ingest.pdf.lines import Line, line_box
from tools.ingest.pdf.runs import PdfPage

ACCENT = "accent or bar over a letter"
STROKE = "stroke or bar drawn over a letter"
FRACTION = "stacked fraction"
MAPLESS_GLYPHS = "glyphs without a Unicode map"
SCRIPT = "script on its own baseline"
PIECES = "pieces from other baselines read in a linear order"

# spacing accents and combining marks: what pdfium prints for \bar \hat \tilde \dot \vec over a letter
_ACCENTS = re.compile("[\u00af\u02c6\u02dc\u02d9\u00a8\u02d8\u02c7\u02da\u0300-\u036f\u20d0-\u20ff]")
_CHECKED = ("display", "step", "label", "indented")


def flag_lines(lines: list[Line], page: PdfPage, body: float) -> None:
    """Add flags to the display and step lines of one column block."""
    for ln in lines:
        if BAD.search(ln.text) or MAPLESS.search(ln.text):
            ln.flags.append(MAPLESS_GLYPHS)
        if ln.kind not in _CHECKED:
            continue
        if _ACCENTS.search(ln.text):
            ln.flags.append(ACCENT)
        _drawn(ln, page, body)


def _drawn(ln: Line, page: PdfPage, body: float) -> None:
    """Rules drawn inside the line's box: a short one over a letter is a bar or stroke, a long flat one a
    fraction bar."""
    x0, bottom, x1, top = line_box(ln)
    size = ln.size or body
    for left, low, right, high in page.rules():
        if right < x0 or left > x1 or high < bottom or low > top:
            continue
        w, h = right - left, high - low
        if h <= 1.2 and w > 1.6 * size and FRACTION not in ln.flags:
            ln.flags.append(FRACTION)
        elif (h <= 1.2 or (w < 1.2 * size and h < 1.2 * size)) and STROKE not in ln.flags:
            ln.flags.append(STROKE)
