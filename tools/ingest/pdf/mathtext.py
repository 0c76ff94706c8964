"""Tests of a line's text for maths: relation and operator signs, and how few ordinary words it holds."""

from __future__ import annotations

import re

from tools.text import operator_heavy

OPEN_OP = re.compile(r"^[+−\-=·×≤≥<>]")
REL = re.compile(r"[=≤≥≈∝≡≜∈∼←→↦]|:=")
MATH = re.compile(r"[=≤≥<>∑∏∫∈∼≈∝←→↦∀∃‖∇∂≜≡±·√∥⊙⊗∗]|:=")

_MATH_WORDS = {
    "log", "exp", "max", "min", "sin", "cos", "tanh", "sup", "inf", "lim", "det", "arg", "argmax", "argmin",
    "softmax", "var", "cov", "diag", "where", "and", "for", "all", "with", "cosh", "sinh", "arccos", "arcsin",
    "arctan", "sgn", "sign", "rank", "trace", "dim", "ker", "span", "mod", "erf", "sigmoid", "relu",
}


def few_words(text: str) -> bool:
    """At most two ordinary words: a display row, not prose with inline maths."""
    return sum(w.lower() not in _MATH_WORDS for w in re.findall(r"[A-Za-z]{3,}", text)) <= 2


_ROW_OPERATORS = ("+", "−", "=", "×")


def operator_row(text: str) -> bool:
    """A row of a display written with words ('+ [GC64 + BN + ReLU]L2 + Unpool'): it opens with an operator,
    or a quarter of its tokens are operators (prose has few)."""
    tokens = text.split()
    if not tokens or len(tokens) > 60:
        return False
    opens = tokens[0] in ("+", "−", "=") and sum(t in _ROW_OPERATORS for t in tokens) >= 2
    return opens or operator_heavy(tokens, _ROW_OPERATORS)


def mathy(text: str) -> bool:
    """Short text with few ordinary words (fraction pieces, sums' limits, 'x0 +')."""
    words = re.findall(r"[A-Za-z]{3,}", text)
    return len(text) <= 60 and len(words) <= 2
