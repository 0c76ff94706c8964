"""Flags on lines whose text likely lost something a reader of the page sees: a bar, accent or stroke over a
letter, a stacked fraction, glyphs without a Unicode map, scripts read on their own baseline, pieces gathered
from other baselines. The display joiner sets the last ones; this stage adds what the page's drawing and the
text show."""

from __future__ import annotations

import re

from tools.ingest.pdf.glyphs import MAPLESS
from tools.ingest.pdf.lines import Line, line_box
from tools.ingest.pdf.runs import PdfPage

ACCENT = "accent or bar over a letter"
STROKE = "stroke or bar drawn over a letter"
FRACTION = "stacked fraction"
MAPLESS_GLYPHS = "glyphs without a Unicode map"
ROOT = "extent of a square root (its bar spans more than the symbol after it)"
SCRIPT = "script on its own baseline"
PIECES = "pieces from other baselines read in a linear order"
_ROOT_SPAN = 1.6  # a root's bar wider than this many font sizes covers more than one symbol and its scripts

# spacing accents and combining marks: what pdfium prints for \bar \hat \tilde \dot \vec over a letter
_ACCENTS = re.compile("[\u00af\u02c6\u02dc\u02d9\u00a8\u02d8\u02c7\u02da\u0300-\u036f\u20d0-\u20ff]")
_CHECKED = ("display", "step", "label", "indented")
# an accent touching no symbol on either side, only spaces or punctuation ('Tk(Λ) ˜ ,'): which symbol it marks
# is lost. One written right before or after its symbol ('ˆf', 'α¯t', ' ˜x', '∆˜') keeps it: pdfium orders it
# by x beside its base.
_APART = r"[\s,;:.()\[\]{}=+−-]"
_FLOATING = re.compile(rf"(?:^|(?<={_APART})){_ACCENTS.pattern}(?:$|(?={_APART}))")
# glyphs without a Unicode map, leaving out the Symbol font's pieces of big brackets and braces (U+F8E5..)
_UNMAPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ue000-\uf8e4]")
# a maths font read through a text encoding prints = + <= >= < as these, standing alone: 'st`1 “ Ast ` Bxt'
_TEXT_CODED = re.compile("(?:^|\\s)[\u201c`\u010f\u011b\u0103](?=\\s|$)")


def flag_lines(lines: list[Line], page: PdfPage, body: float) -> None:
    """Add flags to the display and step lines of one column block."""
    for ln in lines:
        if _UNMAPPED.search(ln.text) or MAPLESS.search(ln.text):
            ln.flags.append(MAPLESS_GLYPHS)
        if ln.kind not in _CHECKED:
            continue
        if _TEXT_CODED.search(ln.text) and MAPLESS_GLYPHS not in ln.flags:
            ln.flags.append(MAPLESS_GLYPHS)
        if _FLOATING.search(ln.text):
            ln.flags.append(ACCENT)
        _drawn(ln, page, body)


def _drawn(ln: Line, page: PdfPage, body: float) -> None:
    """Rules drawn inside the line's box that the text cannot show: a fraction bar with no fraction read in
    the text, a bar over a letter (text under it, none over it), a stroke through a letter."""
    x0, bottom, x1, top = line_box(ln)
    size = ln.size or body
    bars = strokes = roots = 0
    for rule in page.rules():
        left, low, right, high = rule
        if right < x0 or left > x1 or high < bottom or low > top:
            continue
        w, h = right - left, high - low
        flat = h <= 1.2
        over, under = _text_near(ln, rule, size)
        if flat and _after_radical(ln, rule, size):
            roots += w > _ROOT_SPAN * size or "√(" in ln.text  # over one symbol, read right after √: shown
        elif flat and over and under:
            bars += 1
        elif (flat and under and w <= 1.1 * size) or (not flat and w < 1.2 * size and h < 1.2 * size):
            strokes += 1
    if strokes:
        ln.flags.append(STROKE)
    if bars > ln.text.count(")/("):
        ln.flags.append(FRACTION)
    if roots:
        ln.flags.append(ROOT)


def _after_radical(ln: Line, rule: tuple[float, float, float, float], size: float) -> bool:
    """A radical's bar: the rule starts where a run ending in a root sign ends."""
    return any(r.text.rstrip().endswith("√") and abs(r.x1 - rule[0]) < 0.3 * size for r in ln.runs)


def _text_near(ln: Line, rule: tuple[float, float, float, float], size: float) -> tuple[bool, bool]:
    """Whether runs stand right over and right under a rule, overlapping it across."""
    left, low, right, high = rule
    over = under = False
    for r in ln.runs:
        if r.x1 < left or r.x0 > right:
            continue
        if high < r.y - 0.2 * r.size < high + size:
            over = True
        elif low - 1.2 * size < r.y + 0.6 * r.size <= low + 1:
            under = True
    return over, under
