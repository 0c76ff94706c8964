"""Flags on lines whose text likely lost something a reader of the page sees: a bar, accent or stroke over a
letter, a stacked fraction, glyphs without a Unicode map, scripts read on their own baseline, pieces gathered
from other baselines. The display joiner sets the last ones; this stage adds what the page's drawing and the
text show."""

from __future__ import annotations

import re

from tools.ingest.pdf.glyphs import MAPLESS, negations
from tools.ingest.pdf.labels import LABEL
from tools.ingest.pdf.lines import Line, line_box
from tools.ingest.pdf.mathtext import REL
from tools.ingest.pdf.runs import PdfPage, Run

ACCENT = "accent or bar over a letter"
STROKE = "stroke or bar drawn over a letter"
FRACTION = "stacked fraction"
MAPLESS_GLYPHS = "glyphs without a Unicode map"
ROOT = "extent of a square root (its bar spans more than the symbol after it)"
SCRIPT = "script on its own baseline"
PIECES = "pieces from other baselines read in a linear order"
FRAGMENT = "part of a multi-row display: rows above or below it are not in this line"
MATRIX = "a big bracket's pieces or a matrix's rows read as a fraction"
INTERLEAVED = "script inside another run's span, read after it, away from its letter"
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
        ln.flags += [f for f in _read_order(ln) if f not in ln.flags]
        _drawn(ln, page, body)


def _read_order(ln: Line) -> list[str]:
    """What the line's text and runs show was read out of place: a floating accent, a row cut from its
    display, a script read after a run it sits inside or on a row of its own, a matrix read as a fraction."""
    out = []
    if _FLOATING.search(negations(ln.text)):  # '̸=' is '≠', no accent
        out.append(ACCENT)
    if ln.label and _fragment(LABEL.sub("", ln.text).strip()):
        out.append(FRAGMENT)
    if _interleaved(ln.runs):
        out.append(INTERLEAVED)
    if _script_row(ln):
        out.append(SCRIPT)
    if any(_matrix_row(a, b) for a, b in _FRACTION.findall(ln.text)):
        out.append(MATRIX)
    return out


# a fraction as the display joiner writes it; its parts as space-separated cells ('0 −c3 c2', '0 0 1 !')
_FRACTION = re.compile(r"\(([^()]*)\)/\(([^()]*)\)")
_PIECES = re.compile("[\uf8e5-\uf8fe]")  # the Symbol font's pieces of big brackets and braces
_CELL = re.compile(r"[−-]?\w{1,3}|!")


def _matrix_row(num: str, den: str) -> bool:
    """Both parts of a fraction read as rows of one matrix (as many short cells each, two or more, and no
    operator between them), or one part empty but for pieces of big brackets: no fraction has that."""
    a, b = _PIECES.sub(" ", num).split(), _PIECES.sub(" ", den).split()
    return not a or not b or len(a) == len(b) >= 2 and all(_CELL.fullmatch(t) for t in a + b)


def _script_row(ln: Line) -> bool:
    """A smaller run on a baseline of its own, more than half a line from every body-size run's (a limit
    under 'min', not a script of a fraction's row), that the text does not write as an operator's limit
    ('∑_{t=1}', 'min_{θ∈Θ, t>0}')."""
    big = [r.y for r in ln.runs if r.size >= 0.9 * ln.size]
    limits = _LIMIT.findall(ln.text) if "{" in ln.text else []
    small = [r for r in ln.runs if r.size < 0.9 * ln.size and not any(r.text in g for g in limits)]
    return any(all(abs(r.y - y) > 0.45 * ln.size for y in big) for r in small)


_LIMIT = re.compile(r"[_^]\{([^{}]*)\}")  # an operator's limit as the display joiner writes it
# a row that goes on from the row above: a product or composition sign opens it
_CONTINUES = re.compile("^[·×⋅∘]")


def _fragment(body: str) -> bool:
    """A labelled display's body that is a row cut from a multi-row display: it opens with a product sign,
    or it is a few glyphs without a relation."""
    return bool(_CONTINUES.match(body)) or (len(re.sub(r"\s", "", body)) <= 3 and not REL.search(body))


def _interleaved(runs: list[Run]) -> bool:
    """A smaller run on a script's baseline (above or below another run's, within a line height) that lies
    inside that run's span with a glyph or more of it to its right: read in x order it lands after the whole
    run ('Va ≤ Br' for 'V^r_a ≤ B'). A script under the run's last glyph (a stacked pair, 'R−1' over 'g')
    loses nothing but their order."""
    for a in runs:
        for b in runs:
            if b is a or b.size > a.size - 0.5:
                continue
            dy = abs(b.y - a.y)
            if 0.15 * a.size < dy < 0.8 * a.size and a.x0 + 0.3 * a.size < b.x0 and b.x1 < a.x1 - a.size:
                return True
    return False


def _drawn(ln: Line, page: PdfPage, body: float) -> None:
    """Rules drawn inside the line's box that the text cannot show: a fraction bar with no fraction read in
    the text, a bar over a letter (text under it, none over it), a stroke through a letter."""
    x0, bottom, x1, top = line_box(ln)
    size = ln.size or body
    bars = unread = strokes = roots = 0
    for rule in page.rules():
        left, low, right, high = rule
        if right < x0 or left > x1 or high < bottom or low > top:
            continue
        w, h = right - left, high - low
        flat = h <= 1.2
        over, under = _text_near(ln, rule, size)
        if flat and _after_radical(ln, rule, size):
            # over one symbol, read right after √, or over one run that is a single operand: shown
            roots += (w > _ROOT_SPAN * size and not _one_operand(ln, rule, size)) or "√(" in ln.text
        elif flat and over and under:
            bars += 1
            unread += f")/({under.text.strip()[:2]}" not in ln.text
        elif (flat and under and w <= 1.1 * size) or (not flat and w < 1.2 * size and h < 1.2 * size):
            strokes += 1
    if strokes:
        ln.flags.append(STROKE)
    if bars > ln.text.count(")/(") or unread:
        ln.flags.append(FRACTION)
    if roots:
        ln.flags.append(ROOT)


def _after_radical(ln: Line, rule: tuple[float, float, float, float], size: float) -> bool:
    """A radical's bar: the rule starts where a run ending in a root sign ends."""
    return any(r.text.rstrip().endswith("√") and abs(r.x1 - rule[0]) < 0.3 * size for r in ln.runs)


_OPERATOR = re.compile(r"[+−\-=<>≤≥·×/,;]")


def _one_operand(ln: Line, rule: tuple[float, float, float, float], size: float) -> bool:
    """A root's bar over exactly one run, from its first glyph to its last, holding no operator ('√' over
    'Var(xi)'): the text shows the extent, the run being what follows the root sign."""
    left, _, right, _ = rule
    under = [r for r in ln.runs if r.x1 > left + 0.5 and r.x0 < right - 0.5 and r.size >= 0.9 * size]
    under = [r for r in under if not r.text.rstrip().endswith("√")]
    if len(under) != 1:
        return False
    r = under[0]
    return abs(r.x0 - left) < 0.6 * size and abs(r.x1 - right) < 0.6 * size and not _OPERATOR.search(r.text)


def _text_near(
    ln: Line, rule: tuple[float, float, float, float], size: float
) -> tuple[bool, Run | None]:
    """Whether a run stands right over a rule, overlapping it across, and the leftmost run right under it
    that starts under the rule (a denominator starts with it)."""
    left, low, right, high = rule
    over, under = False, None
    for r in ln.runs:
        if r.x1 < left or r.x0 > right:
            continue
        if high < r.y - 0.2 * r.size < high + size:
            over = True
        elif low - 1.2 * size < r.y + 0.6 * r.size <= low + 1:
            starts = left - 0.5 * size <= r.x0 <= right  # a denominator starts under the bar
            if starts and (under is None or r.x0 < under.x0):
                under = r
    return over, under
