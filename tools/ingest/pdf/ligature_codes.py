"""Ligatures of TeX text fonts that have no Unicode map (bitmap Type 3 fonts, the EC/T1 fonts pdflatex uses
when cm-super is missing): pdfium reports their glyph codes, so 'fixed' reads '\\x1cxed'. A code is read as
its ligature only inside a word whose letters are set in the same font and size (a maths font's codes in the
same slots are Greek letters, set alone), and in the font's own layout: T1 puts ff fi fl ffi ffl at 0x1B-0x1F,
OT1 (Computer Modern) at 0x0B-0x0F. A font that sets an OT1 code inside a word is OT1 on that page (its
0x1B-0x1F are æ œ ø, left as they are). Each code becomes the one Unicode ligature character, so the page's
text keeps its length (indices into it stay right); `glyphs.clean` folds it to letters later."""

from __future__ import annotations

import re
from collections.abc import Callable

_LIGATURES = {0x1B: "ﬀ", 0x1C: "ﬁ", 0x1D: "ﬂ", 0x1E: "ﬃ", 0x1F: "ﬄ"}
_T1 = _LIGATURES | {0x10: "“", 0x11: "”", 0x15: "–", 0x16: "—"}  # T1 also sets quotes and dashes there
_OT1 = {0x0B: "ﬀ", 0x0C: "ﬁ", 0x0D: "ﬂ", 0x0E: "ﬃ", 0x0F: "ﬄ"}
# a code (0x0D before 0x0A is pdfium's own line break)
_ANY = re.compile(r"[\x0b-\x11\x15\x16\x1b-\x1f](?!\n)")
_WORD = re.compile(r"[A-Za-z\x0b-\x0f\x1b-\x1f]+")
MIN_LETTERS = 3  # letters around a code, in its font and size, that show the font sets prose


def has_codes(text: str) -> bool:
    return _ANY.search(text) is not None


def map_ligatures(text: str, font_of: Callable[[int], object], size_of: Callable[[int], float]) -> str:
    """`text` with the codes of its prose fonts read as their characters; `font_of` and `size_of` take a text
    index and give that character's font (any value that tells fonts apart) and size. A font is a prose font
    (T1, or OT1 when one of its words holds an OT1 code) once a ligature code sits in a word of MIN_LETTERS
    letters in its font and size; then each of its ligature codes beside a letter of its own reads as the
    ligature, and a T1 font's quote and dash codes as those."""
    spots = [(m.start(), font_of(m.start())) for m in _ANY.finditer(text)]
    layouts: dict[object, dict[int, str]] = {}
    for k, font in spots:
        if font is None or not _in_word(text, k):
            continue
        if _same_font_letters(text, k, font, font_of, size_of) < MIN_LETTERS:
            continue
        if ord(text[k]) in _OT1 or font not in layouts:
            layouts[font] = _OT1 if ord(text[k]) in _OT1 else _T1
    chars = list(text)
    for k, font in spots:
        table = layouts.get(font)
        if table is None or ord(text[k]) not in table:
            continue
        lone = not _in_word(text, k) or not _same_font_letters(text, k, font, font_of, size_of)
        if lone and (ord(text[k]) in _LIGATURES or table is _OT1):
            continue
        chars[k] = table[ord(text[k])]
    return "".join(chars)


def _in_word(text: str, k: int) -> bool:
    return ord(text[k]) in _LIGATURES.keys() | _OT1.keys() and (
        text[k - 1 : k].isalpha() or text[k + 1 : k + 2].isalpha()
    )


def _same_font_letters(
    text: str, k: int, font: object, font_of: Callable[[int], object], size_of: Callable[[int], float]
) -> int:
    """The letters of the word around text index k, or 0 when one of them is in another font or size."""
    start = k
    while start > 0 and _WORD.match(text[start - 1]):
        start -= 1
    end = _WORD.match(text, k).end()  # type: ignore[union-attr]
    letters = [j for j in range(start, end) if text[j].isalpha()]
    size = size_of(k)
    if any(font_of(j) != font or abs(size_of(j) - size) >= 0.3 for j in letters):
        return 0
    return len(letters)
