"""Characters to fold or flag in extracted text: ligatures, pdfium's hyphen marks, glyphs without a Unicode
map."""

from __future__ import annotations

import re
import unicodedata

LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
# and the Unicode hyphens (U+2010, U+2011) some fonts map the hyphen glyph to, as '-': a word broken at a line
# end ('learn‐' + 'ing') is then joined like any other
_FOLDS = LIGATURES | str.maketrans({"\u2010": "-", "\u2011": "-"})
BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ue000-\uf8ff]")
# glyph codes without a Unicode map, as every converter prints them: B(x) as 'Bpxq', minus '´', sum 'ÿ'
MAPLESS = re.compile(r"[A-Za-z0-9]p[^\s()]{1,30}q(?![A-Za-z])|´\s?[A-Za-z0-9(]|ÿ")
JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ue000-\uf8ff][\x00-\x1f\ufffd\ue000-\uf8ff\\s0-9]*"
                  "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ue000-\uf8ff]{2,}")
_ODD = re.compile("[\ufb00-\ufb06\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\u00a0\u2010\u2011]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
# maths letters and digits (U+1D400.., and the italic h U+210E) as the plain ones: '𝑑𝑝' reads 'dp'
_MATH_ALNUM = re.compile("[\U0001d400-\U0001d7ff\u210e]")


def _plain(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", m.group())


# a relation struck through (\\neq, \\notin): pdfium prints the slash, a combining overlay, before it
_NEGATED = re.compile("\u0338([=<>≤≥∈∋⊂⊃⊆⊇∼≃≅≈≡∣∥])")


def negations(text: str) -> str:
    """'̸=' (the overlay before its relation) -> '≠', '̸∈' -> '∉'; '∈/' (\\notin's slash after it) -> '∉'."""
    if "∈/" in text:
        text = text.replace("∈/", "∉")
    if "\u0338" not in text:
        return text
    return _NEGATED.sub(lambda m: unicodedata.normalize("NFC", m[1] + "\u0338"), text)


def clean(text: str) -> str:
    """Ligatures folded, pdfium's hyphen marks and Unicode hyphens as '-', maths letters as plain letters,
    negated relations as one symbol, glyphs without a Unicode map as U+FFFD."""
    text = negations(text)
    if _MATH_ALNUM.search(text):
        text = _MATH_ALNUM.sub(_plain, text)
    if not _ODD.search(text):  # str.translate with a dict is slow: only when needed
        return text
    text = text.translate(_FOLDS).replace("\x02", "-").replace("\ufffe", "-").replace("\u00a0", " ")
    return _CONTROL.sub("\ufffd", text)
