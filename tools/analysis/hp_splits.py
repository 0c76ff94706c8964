"""Data splits written as ratios: 'an 80/20 train/test split', 'split 80/10/10 into training, validation and
test sets', 'a ratio of 50:50', 'sets of ratios 90%/6%/4%', or a list of shares ('train, validation and test
sets being 90%, 6%, and 4%'). Each part becomes its share (0.8, 0.2); the parts are named by the words the
sentence gives, in order, else train/test (two parts) or train/validation/test (three)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tools.analysis.hp_paragraphs import sentence_around
from tools.analysis.hp_phrased import Spanned

_PART = r"\d{1,2}(?:\.\d+)?"
_RATIO = re.compile(
    rf"(?<![\w./:,-])(?P<a>{_PART})(?P<pc>%?)\s*(?P<sep>[/:–-])\s*(?P<b>{_PART})(?P=pc)"
    rf"(?:\s*(?P=sep)\s*(?P<c>{_PART})(?P=pc))?(?![\w/:%,]|[.-]\d)"
)
# the shares as a list of percentages: 'train, validation and test sets being 90%, 6%, and 4%'
_PERCENTS = re.compile(
    rf"(?<![\w.,-])(?P<a>{_PART})%\s*,\s*(?P<b>{_PART})%(?:\s*,?\s*(?:and\s+)?(?P<c>{_PART})%)?(?![\w%])"
)
_SPLIT_WORD = re.compile(r"\b(?:split|splits|splitting|ratio|partition\w*|divided|divide)\b", re.I)
_PART_WORD = re.compile(  # not the 'validation' of a 'cross-validation'
    r"\b(?<!cross-)(?<!cross\s)(train(?:ing)?|val(?:idation)?|dev(?:elopment)?|test(?:ing)?)\b", re.I
)
_EXAMPLE = re.compile(r"\b(?:e\.g\.|for\s+example|for\s+instance)[,:]?\s*$", re.I)  # '(e.g., 90/10)
_KEYS = {"t": "train", "v": "validation", "d": "validation"}


def _names(sentence: str, n: int) -> list[str]:
    """The parts' names in the order the sentence gives them, else the usual order."""
    words = [w.lower() for w in _PART_WORD.findall(sentence)]
    names = [("test" if w.startswith("test") else _KEYS[w[0]]) for w in words]
    names = list(dict.fromkeys(names))
    if len(names) == n:
        return names
    return ["train", "test"] if n == 2 else ["train", "validation", "test"]


def ratio_splits(text: str) -> Iterator[Spanned]:
    """Each share of a split written as a ratio, when the sentence speaks of a split and the parts add up
    to a whole (100, 10 or 1)."""
    for m in [*_RATIO.finditer(text), *_PERCENTS.finditer(text)]:
        parts = [g for g in ("a", "b", "c") if m[g]]
        total = sum(float(m[g]) for g in parts)
        if min(abs(total - whole) for whole in (100, 10, 1)) > 1e-9:
            continue
        sentence = sentence_around(text, m.start(), m.end())
        if _EXAMPLE.search(text, max(0, m.start() - 20), m.start()):
            continue
        if not _SPLIT_WORD.search(sentence) or not _PART_WORD.search(sentence):
            continue
        before = re.split(r"[.;!?]\s", text[max(0, m.start() - 160) : m.start()])[-1]
        if m.re is _PERCENTS and len(_PART_WORD.findall(before)) < len(parts):
            continue  # a list of percentages is a split's only after the parts it shares out are named
        for g, name in zip(parts, _names(sentence, len(parts)), strict=True):
            share = float(m[g]) / total * 100
            yield Spanned(f"{name}_split", f"{name} split", f"{share:g}%", m.span(g))
