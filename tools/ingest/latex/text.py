"""Text-mode LaTeX symbols and accents as Unicode, and the clean-up applied to every math body."""

from __future__ import annotations

import re
import unicodedata

from tools.ingest.latex.scan import Unbalanced, read_group, squash

ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    '"': "\u0308",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
    "d": "\u0323",
    "b": "\u0331",
}
SYMBOLS = {
    "ldots": "…",
    "dots": "…",
    "textellipsis": "…",
    "S": "§",
    "P": "¶",
    "ss": "ß",
    "o": "ø",
    "O": "Ø",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "aa": "å",
    "AA": "Å",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
    "j": "ȷ",
    "textendash": "–",
    "textemdash": "—",
    "textbullet": "•",
    "textdegree": "°",
    "copyright": "©",
    "textregistered": "®",
    "texttrademark": "™",
    "dag": "†",
    "ddag": "‡",
    "pounds": "£",
    "euro": "€",
    "LaTeX": "LaTeX",
    "TeX": "TeX",
    "LaTeXe": "LaTeX2e",
    "textasciitilde": "~",
    "textbackslash": "\\",
    "textless": "<",
    "textgreater": ">",
    "textbar": "|",
    "textquotedbl": '"',
    "textquoteleft": "‘",
    "textquoteright": "’",
    "quad": " ",
    "qquad": " ",
    "enspace": " ",
    "thinspace": " ",
    "newline": " ",
    "linebreak": " ",
    "par": "\n\n",
    "textunderscore": "\\_",
    "textasciicircum": "^",
    "slash": "/",
    "KwTo": "to",
    "KwDownTo": "down to",
    "gets": "←",
}
ESCAPES = {
    "%": "%",
    "&": "&",
    "#": "#",
    "_": "\\_",
    "$": "\\$",
    "{": "{",
    "}": "}",
    " ": " ",
    ",": " ",
    ";": " ",
    ":": " ",
    "!": "",
    "/": "",
    "-": "",
    "@": "",
    "\\": " ",
    "\n": " ",
    "\t": " ",
}
_ENSUREMATH = re.compile(r"\\ensuremath(?![a-zA-Z])\s*")
_MATH_DROP = re.compile(
    r"\\(?:xspace|nonumber|notag|IEEEnonumber)(?![a-zA-Z])"
    r"|\\(?:label|tag\*?)\s*\{(?:[^{}]|\{[^{}]*\})*\}"
    r"|\\(?:ref)?stepcounter\s*\{[^{}]*\}|\\(?:addto|set)counter\s*\{[^{}]*\}\s*\{[^{}]*\}"
    r"|~?\(\s*\\theequation\s*\)"
)


def accent(mark: str, letter: str) -> str:
    """\\'e -> é (a letter that has no precomposed form keeps the combining mark)."""
    if letter in ("\\i", "i") and mark != "c":
        letter = "i"
    return unicodedata.normalize("NFC", letter + ACCENTS[mark])


def clean_math(tex: str) -> str:
    """A math body as written out: \\ensuremath unwrapped, labels/tags/\\xspace dropped, one line."""
    out, pos = [], 0
    for m in _ENSUREMATH.finditer(tex):
        if m.start() < pos:
            continue
        if m.end() < len(tex) and tex[m.end()] == "{":
            try:
                inner, end = read_group(tex, m.end())
            except Unbalanced:
                continue
            out.append(tex[pos : m.start()])
            out.append("{" + clean_math(inner) + "}")
            pos = end
    out.append(tex[pos:])
    return squash(_MATH_DROP.sub(" ", "".join(out)))


# siunitx's units as a page prints them: \SI{25}{\milli\second} is '25 ms', \SI{10}{\percent} is '10%'
_UNIT_WORDS = {
    "percent": "%", "second": "s", "minute": "min", "hour": "h", "day": "d", "hertz": "Hz", "metre": "m",
    "meter": "m", "gram": "g", "byte": "B", "bit": "bit", "degree": "°", "celsius": "°C", "kelvin": "K",
    "decibel": "dB", "volt": "V", "watt": "W", "joule": "J", "newton": "N", "pixel": "px", "per": "/",
    "milli": "m", "micro": "µ", "nano": "n", "centi": "c", "kilo": "k", "mega": "M", "giga": "G", "tera": "T",
}


def unit_text(unit: str) -> str:
    """A siunitx unit as printed: '\\milli\\second' -> 'ms', '\\kilo\\hertz' -> 'kHz', '\\%' -> '%'."""
    text = re.sub(r"\\([A-Za-z]+)", lambda m: _UNIT_WORDS.get(m.group(1), ""), unit.replace("\\%", "%"))
    return re.sub(r"[{}~\s]", "", text)
