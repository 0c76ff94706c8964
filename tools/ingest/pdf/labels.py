"""Equation labels: a '(12)' or \\tag word '(E)' flush right at the end of a line, a wide gap before it."""

from __future__ import annotations

import re

from tools.analysis.equations import LABEL_BODY, TAG_BODY
from tools.ingest.pdf.lines import Line
from tools.ingest.pdf.mathtext import MATH, OPEN_OP, REL, few_words, mathy
from tools.ingest.pdf.runs import PdfPage

LABEL = re.compile(rf"\(({LABEL_BODY}|{TAG_BODY})\)$")
_TAG = re.compile(TAG_BODY)
_REF_WORD = re.compile(r"(?i)(?:eqs?\.|equations?|eqn\.?|and|or|in|see|of|by|from|to|with|\(see|cf\.|,)$")


def label_of(line: Line, page: PdfPage, xl: float, xr: float) -> str | None:
    """The equation label ending `line`, when it sits flush right with a wide gap before it. A \\tag word
    (E) (KL) must also follow maths, or stand alone in the right half of the column."""
    m = LABEL.search(line.text)
    if not m or line.x1 < xr - max(6.0, 0.6 * line.size):
        return None
    before = line.text[: m.start()].rstrip()
    word = _TAG.fullmatch(m.group(1)) is not None
    if not before:
        return m.group(1) if not word or line.x0 > (xl + xr) / 2 else None
    font_maths = _math_font_before(line, page)
    maths = REL.search(before) or OPEN_OP.match(before) or (mathy(before) and MATH.search(before))
    maths = maths or font_maths
    if word and not maths:
        return None
    gap = _label_gap(line, page, m.group())
    if gap is None:
        return None
    if gap < (0.4 if (MATH.search(before) or font_maths) and few_words(before) else 0.8) * line.size:
        return None  # amsmath may set a label 0.5em after a full display line; prose needs a wider gap
    if _REF_WORD.search(before) and not (MATH.search(before[-30:]) or few_words(before)):
        return None
    return m.group(1)


def _math_font_before(line: Line, page: PdfPage) -> bool:
    """A run in a maths font among the last three before the label: the label closes a display, whatever its
    maths glyphs print as."""
    return any(page.math_font(r.ci0) or page.math_font(r.ci1) for r in line.runs[-4:-1]) or (
        len(line.runs) == 1 and page.math_font(line.runs[0].ci0)
    )


def _label_gap(line: Line, page: PdfPage, label: str) -> float | None:
    """The white space before the label, or None when the label stands on no gap of its own."""
    last = line.runs[-1]
    lab_len = len(label)
    if len(last.text) > lab_len and last.text.endswith(label):
        # the label shares pdfium's run with the body: measure the gap with character boxes
        k = last.ts + len(last.text) - lab_len
        lx0 = page.box(page.char(k))[0]
        prev = last.text[: len(last.text) - lab_len].rstrip()
        if not prev:
            return None
        px1 = page.box(page.char(last.ts + len(prev) - 1))[2]
        return lx0 - px1
    if last.text == label and len(line.runs) > 1:
        return last.x0 - line.runs[-2].x1
    return None
