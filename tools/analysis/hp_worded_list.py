"""A list of settings written as 'name = value' pairs in prose ('MD-IPR: relation dim = 16, projection dim
= 4'; 'RelConv: num filters = 16, filter size = 3, groups = combinations'): once one pair names a known
setting or ends in a setting's noun (dim, size, rate), the list is one of settings, and a pair whose name the
vocabulary lacks is read too, under its own words. The label before a colon ('MD-IPR:') is the context: the
part or model the list sets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tools.analysis.hp_normalize import SCALAR
from tools.analysis.hp_phrased import Named
from tools.analysis.hp_vocabulary import SYNONYMS, canonical_key, own_key

_WORD = r"[A-Za-z][A-Za-z-]*"
_NAME = rf"{_WORD}(?:\s{_WORD}){{0,2}}"
_VALUE = rf"(?:{SCALAR}|[A-Za-z][\w-]*)(?!\w|\.\w)"
_PAIR = re.compile(rf"(?P<name>{_NAME})\s*=\s*(?P<value>{_VALUE})")
_LIST = re.compile(rf"{_NAME}\s*=\s*{_VALUE}(?:\s*[,;]\s*(?:and\s+)?{_NAME}\s*=\s*{_VALUE})+")
# words that open a clause, not a setting's name ('we use key dim = 4')
_LEAD = re.compile(
    r"^(?:.*\s)?(?:we|use[sd]?|using|set|with|and|the|a|an|our|where|for|of|to|is|are)\s", re.I
)
# the last word of a setting's name ('relation dim', 'projection size', 'mask ratio')
_HEAD = re.compile(
    r"\b(?:dim|dimension|size|rate|width|depth|length|heads?|layers?|units|filters|channels|steps|epochs|"
    r"iterations|factor|coefficient|weight|ratio|probability|temperature|threshold|decay|momentum)$",
    re.I,
)
_LABEL = re.compile(r"(?P<label>[A-Z][\w-]{1,20})\s*:\s*$")


def worded_lists(text: str) -> Iterator[Named]:
    """The pairs of each settings list whose names the vocabulary lacks, keyed by their own words."""
    for run in _LIST.finditer(text):
        pairs = [_trimmed(m) for m in _PAIR.finditer(text, run.start(), run.end())]
        pairs = [p for p in pairs if p]
        if not any(canonical_key(name) in SYNONYMS or _HEAD.search(name) for name, _ in pairs):
            continue
        label = _LABEL.search(text, max(0, run.start() - 24), run.start())
        for name, m in pairs:
            if canonical_key(name) not in SYNONYMS and len(name.split()[-1]) >= 3:
                yield Named(m, name, own_key(name), label and label["label"])


def _trimmed(m: re.Match[str]) -> tuple[str, re.Match[str]] | None:
    """A pair's name without the words that open its clause ('we use key dim' -> 'key dim')."""
    name = _LEAD.sub("", m["name"])
    return (name, m) if re.search(r"[A-Za-z]{2}", name) else None
