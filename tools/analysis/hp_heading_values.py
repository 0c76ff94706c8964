"""Values a sentence gives without naming their setting, under a heading that names it: '### 2.6 Hidden State
Size' over 'Values of 16, 32, 64 and 128 will be tested'. Only a heading that is a known setting and nothing
else names them; the sentence must say values are tried or used ('these values are', 'values of ... were
tested'), so a list of results under the same heading is not read."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tools.analysis.hp_normalize import LIST, SCALAR
from tools.analysis.hp_phrased import Named
from tools.analysis.hp_setup import heading_words
from tools.analysis.hp_vocabulary import SYNONYMS, canonical_key

_TRIED = r"(?:tested|tried|used|explored|evaluated|compared|considered|investigated|examined)"
_VALUES = (
    # 'Values of 16, 32, 64 and 128 will be tested'
    re.compile(
        rf"\bvalues?\s+(?:of\s+)?(?P<value>{LIST}|{SCALAR})\s+(?:will\s+be|were|are|was|is)\s+{_TRIED}", re.I
    ),
    # 'These values are 0.1, 0.01, 0.001 and 0.0001'
    re.compile(rf"\bthe(?:se)?\s+values\s+(?:{_TRIED}\s+)?(?:are|were)\s*:?\s*(?P<value>{LIST})", re.I),
)


def heading_values(text: str, section: str | None) -> Iterator[Named]:
    """Each list of values the text says are tried, under the setting its heading names."""
    name = heading_words(section)
    key = canonical_key(name) if name else None
    if key not in SYNONYMS:
        return
    for rx in _VALUES:
        for m in rx.finditer(text):
            yield Named(m, name, key)
