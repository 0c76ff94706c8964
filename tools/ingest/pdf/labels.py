"""Equation labels: a '(12)' or \\tag word '(E)' flush right at the end of a line, a wide gap before it."""

from __future__ import annotations

import re

from tools.analysis.equations import LABEL_BODY, TAG_BODY, TAG_REF_BODY
from tools.ingest.pdf.lines import Line
from tools.ingest.pdf.mathtext import MATH, OPEN_OP, REL, few_words, mathy
from tools.ingest.pdf.runs import PdfPage, Run, runs_text

# '(12)', a \\tag word '(E)', or a number in brackets '[12]' as some journals print them (PNAS)
LABEL = re.compile(rf"(?:\(({LABEL_BODY}|{TAG_BODY}|{TAG_REF_BODY})\)|\[(\d{{1,3}})\])$")
_TAG = re.compile(rf"{TAG_BODY}|{TAG_REF_BODY}")
# a superscript or a decoration printed right after a label: '(6)⋆', '(2) †'
_MARKS = "⋆∗*†‡′'˜ˆ¯˙·•◦∘□■◇♢✓✗"
_DEBRIS = re.compile(rf"\(({LABEL_BODY}|{TAG_BODY})\)\s?[{_MARKS}]{{1,2}}$")
_LABEL_IN_RUN = re.compile(rf"\((?:{LABEL_BODY}|{TAG_BODY})\)(?=\s?[{_MARKS}]{{0,2}}$)")
_REF_WORD = re.compile(r"(?i)(?:eqs?\.|equations?|eqn\.?|and|or|in|see|of|by|from|to|with|\(see|cf\.|,)$")


def label_of(line: Line, page: PdfPage, xl: float, xr: float) -> str | None:
    """The equation label ending `line`, when it sits flush right with a wide gap before it. A \\tag word
    (E) (KL) must also follow maths, or stand alone in the right half of the column. A superscript or
    decoration after the label is dropped from the line."""
    bare = _without_debris(line, page)
    label = _label(bare, page, xl, xr)
    if label and bare is not line:
        line.runs, line.text = bare.runs, bare.text
    return label


def _without_debris(line: Line, page: PdfPage) -> Line:
    """The line without a symbol or two printed after its label ('(6)⋆'), or the line itself. An accent in a
    run of its own read after the label but set left of it ('X¯') goes back before the label."""
    if not _DEBRIS.search(line.text):
        return line
    runs = list(line.runs)
    marks: list[Run] = []
    while runs and not _LABEL_IN_RUN.search(runs[-1].text):
        if re.search(r"[\w(]", runs[-1].text):
            return line
        marks.append(runs.pop())  # a run of debris only
    if not runs:
        return line
    r = runs[-1]
    m = _LABEL_IN_RUN.search(r.text)
    assert m is not None
    # the run's x1 is its last glyph's: an accent set left of the label ends it short of the label
    x1 = page.box(page.char(r.ts + m.end() - 1))[2]
    runs[-1] = Run(r.text[: m.end()], r.x0, max(x1, r.x0), r.y, r.size, r.ci0, r.ci1, r.ts, r.hyphen)
    lx0 = page.box(page.char(r.ts + m.start()))[0]
    runs[-1:-1] = sorted((k for k in marks if k.x1 <= lx0), key=lambda k: k.x0)
    text = runs_text(runs)
    return Line(runs, line.x0, max(x.x1 for x in runs), line.y, line.size, text, line.hyphen, line.kind,
                line.label)


def _label(line: Line, page: PdfPage, xl: float, xr: float) -> str | None:
    m = LABEL.search(line.text)
    if not m:
        return None
    if m.group(2) is not None:
        return _bracketed(line, page, xl, xr, m)
    if not _flush_right(line, xr):
        return _set_by_hand(line, page, xl, xr, m)
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
    display = (MATH.search(before) or font_maths) and few_words(before)
    display = display or _maths_just_before(line, page, m.group())
    if gap < (0.4 if display else 0.8) * line.size:
        return None  # amsmath may set a label 0.5em after a full display line; prose needs a wider gap
    maths_end = MATH.search(before[-30:]) or few_words(before) or _maths_just_before(line, page, m.group())
    if _REF_WORD.search(before) and not maths_end and gap < 2 * line.size:
        return None  # 'see Eq. (3)' ends a prose line; a display's label stands two em or more apart
    return m.group(1)


def _flush_right(line: Line, xr: float) -> bool:
    return line.x1 >= xr - max(6.0, 0.6 * line.size)


def _bracketed(line: Line, page: PdfPage, xl: float, xr: float, m: re.Match) -> str | None:
    """A number in brackets flush right: a label only after a display (maths, few words) and a gap
    (half an em), or alone in the column's right half; a citation '[12]' ending a prose line is neither."""
    if not _flush_right(line, xr):
        return None
    before = line.text[: m.start()].rstrip()
    if not before:
        return m.group(2) if line.x0 > (xl + xr) / 2 else None
    maths = (MATH.search(before) or _math_font_before(line, page)) and few_words(before)
    gap = _label_gap(line, page, m.group())
    cited = _REF_WORD.search(before) and not before.endswith(",")  # 'see [3]'; a display's comma is no cue
    if not maths or cited or gap is None or gap < 0.5 * line.size:
        return None
    return m.group(2)


def _math_font_before(line: Line, page: PdfPage) -> bool:
    """A run in a maths font among the last three before the label: the label closes a display, whatever its
    maths glyphs print as."""
    return any(page.math_font(r.ci0) or page.math_font(r.ci1) for r in line.runs[-4:-1]) or (
        len(line.runs) == 1 and page.math_font(line.runs[0].ci0)
    )


def _maths_just_before(line: Line, page: PdfPage, label: str) -> bool:
    """The last glyph before the label is set in a maths font (a display's closing comma or letter)."""
    last = line.runs[-1]
    if last.text == label:
        return len(line.runs) > 1 and page.math_font(line.runs[-2].ci1)
    prev = last.text[: len(last.text) - len(label)].rstrip()
    return bool(prev) and page.math_font(page.char(last.ts + len(prev) - 1))


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


_HAND_NUMBER = re.compile(r"[.,]\s*\((\d{1,3})\)$")


def _set_by_hand(line: Line, page: PdfPage, xl: float, xr: float, m: re.Match) -> str | None:
    """A number set by hand a space after a centred display's closing stop ('... + λ‖θ‖². (6)'), not flush
    right: a label when the line is indented maths, few words, and the number stands apart."""
    hand = _HAND_NUMBER.search(line.text)
    before = line.text[: m.start()].rstrip()
    if not hand or line.x0 < xl + 0.06 * (xr - xl) or not few_words(before):
        return None
    if not (REL.search(before) or _math_font_before(line, page)):
        return None
    gap = _label_gap(line, page, m.group())
    return hand.group(1) if gap is not None and gap >= 0.25 * line.size else None
