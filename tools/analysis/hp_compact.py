"""Settings written in the compact style of a model description: the value before the name ('a 0.002
learning rate', '1x10^-6 weight decay', 'a 0.1 dropout'), sizes as 'N-dim X' ('256-dim output', '1024-dim
feedforward') or a projection's ('projected to 80 dimensions'), counts as 'N-block X' ('an 8-block
Conformer encoder'), pairs before what they size ('a (4,4) kernel') and 'name: value' items in a list
('(hidden: 64-dim, layers: 2, heads: 4)', 'bottleneck dimension: 32')."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from tools.analysis.hp_normalize import GRID, SCALAR
from tools.analysis.hp_patterns import phrase_re
from tools.analysis.hp_phrased import Named
from tools.analysis.hp_vocabulary import COUNT_KEYS, SYNONYMS, WORD_VALUED, canonical_key

# names of settings that take a number other than a count: 'a 0.002 learning rate'
# not a name whose value follows it ('64 filters of size 3 × 3': 64 counts the filters, 3 × 3 is their size)
_RATE_NAMES = [
    n
    for k, ns in SYNONYMS.items()
    if k not in COUNT_KEYS and k not in WORD_VALUED
    for n in ns
    if not n.endswith((" of size", " of"))
]
_VALUE_FIRST = re.compile(
    # 'we use 0.001 learning rate': a verb of use may stand for the article; 'with 8 and 16 batch size': both
    rf"(?:\b(?:a|an|with|and|of|use[sd]?|using)|,)\s+"
    rf"(?P<value>(?:{SCALAR})(?:\s+(?:and|or)\s+(?:{SCALAR}))?)\s+(?P<name>{phrase_re(_RATE_NAMES)})"
    r"(?![\w-])(?!\s+(?:of|=|is|warm-?up|decay|schedul\w*)\b)"
    r"(?!\s+[a-z]{3,}s\b)",  # 'with 5 seed episodes': the name only qualifies the noun after it
    re.I,
)
# the value as the measure of a name before it: 'a Dropout layer with a 40% rate'
_WITH_A_RATE = re.compile(
    rf"\b(?P<name>{phrase_re(_RATE_NAMES)})(?:\s+layers?)?\s+with\s+an?\s+(?P<value>(?:{SCALAR})\s?%?)\s+"
    r"(?:rate|probability|ratio|factor)\b",
    re.I,
)
# ... or the measure before the value, a few words on: 'a drop out layer between the input and the LSTM with
# a ratio of 0.2'
_RATE_LATER = re.compile(
    r"\b(?P<name>dropout|drop\s+out)(?:\s+layers?)?(?:\s+[\w-]+){0,6}?\s+with\s+an?\s+"
    rf"(?:rate|probability|ratio)\s+of\s+(?P<value>(?:{SCALAR})\s?%?)(?![\w.]\d)",
    re.I,
)
# a set searched, before the setting it is for: '{0.003, 0.0003} for the learning rates'
_GRID_FOR = re.compile(
    rf"(?P<value>{GRID})\s+for\s+(?:the\s+|our\s+)?(?P<name>{phrase_re(_RATE_NAMES)})(?![\w-])", re.I
)
# a switch: 'the AMSGrad variant set to True', 'shuffle set to False' (Python's spelling: a flag's value)
_SWITCH = re.compile(
    r"\b(?P<name>[A-Za-z][\w-]*)(?:\s+(?:variant|flag|option|argument))?\s+(?:(?:is|was|are|were)\s+)?"
    r"set\s+to\s+(?P<value>True|False)\b"
)
# a size given as a pair before what it sizes: 'a (4,4) kernel and a (1,1) stride'
_PAIRED = r"kernel|stride|filter|window|patch|pooling\s+window|receptive\s+field"
_PAIR_FIRST = re.compile(
    rf"\b(?:a|an|with|and)\s+(?P<value>\(\s*\d{{1,3}}\s*,\s*\d{{1,3}}\s*\))\s+(?P<name>{_PAIRED})s?\b"
    # ... or after it: 'a stride of (3, 3)', 'kernel size = (5, 5)'
    rf"|\b(?P<after>{_PAIRED})s?(?:\s+size)?\s*(?:of|=|:)\s*(?P<pair>\(\s*\d{{1,3}}\s*,\s*\d{{1,3}}\s*\))",
    re.I,
)
# 'projecting them to 80 dimensions', 'projected into a 128-dimensional space'
_PROJECTED = re.compile(
    r"\bproject(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,3}?(?:to|into|onto)\s+(?:an?\s+)?(?P<value>\d{1,5})"
    r"(?:\s+dimensions|-dimensional|-dim\b|-d\b)",
    re.I,
)
# 'a max pooling layer which down-samples by 4', 'upsampled by a factor of 2', 'we down-sample each layer in
# the pyramid by a factor of 2'
_RESAMPLED = re.compile(
    r"\b(?P<way>down|up)-?sampl(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,5}?by\s+(?:a\s+factor\s+of\s+)?"
    r"(?P<value>\d{1,3})\b(?!\s*[%.]\d)",
    re.I,
)
_PAIR_KEYS = {"kernel": "kernel_size", "filter": "kernel_size", "patch": "patch_size"}
_VALUE_AT = re.compile(r"(?P<value>\(\s*\d{1,3}\s*,\s*\d{1,3}\s*\))")
_DIM = re.compile(
    r"(?<![\w.])(?P<value>\d{1,5})-dim\.?\s+(?!(?:each|and|or|for|with|in|on|to|per)\b)(?P<noun>[a-z][a-z-]{2,20})\b",
    re.I,
)
_COUNTED_AFTER = re.compile(
    r"\s+(?:epochs|steps|iterations|layers|heads|units|samples|runs|seeds|trials|episodes|updates|blocks|"
    r"channels|filters|neurons)\b",
    re.I,
)
_RESULT_ITEM = re.compile(r"\b(?:acc|accuracy|f1|auc|error|score)$", re.I)  # a result's name
_BLOCKS = re.compile(  # layers have their own rules ('a 3-layer MLP')
    r"(?<![\w.])(?P<value>\d{1,3})-(?P<unit>block|stage)\s+(?:[A-Z][\w-]*\s+)?"
    r"(?!(?:with|and|of|for|in|on|to|that|which)\b)(?P<noun>[a-z][a-z-]{2,20})\b"
)
# 'name: value' as an item of a list: in brackets, after a comma, a colon or a marker '(e)'
_ITEM = re.compile(
    rf"(?:[(,;:]|\band|\([a-z0-9]{{1,2}}\))\s*(?P<name>[a-z][a-z-]*(?:\s[a-z][a-z-]*){{0,3}})\s*:\s*"
    rf"(?P<value>{SCALAR})(?:-dim\b)?",
    re.I,
)
# words no name of a setting holds: a clause ('we employ importance sampling: 2', 'x is redefined as: 1')
_NOT_NOUNS = {
    *("we", "i", "it", "is", "are", "was", "were", "be", "as", "the", "our", "this", "that", "which"),
    *("with", "by", "to", "from"),  # 'with error bounded by: ...' opens a clause, names nothing
}


def compact(text: str) -> Iterator[Named]:
    """Each compact setting in the text, with the name and key it is reported under."""
    for m in _VALUE_FIRST.finditer(text):
        yield Named(m, m["name"], canonical_key(m["name"]))
    for m in _SWITCH.finditer(text):
        if m["name"].lower() not in _NOT_NOUNS:
            yield Named(m, m["name"], canonical_key(m["name"]))
    for m in itertools.chain(
        _WITH_A_RATE.finditer(text), _RATE_LATER.finditer(text), _GRID_FOR.finditer(text)
    ):
        yield Named(m, m["name"], canonical_key(m["name"]))
    yield from _paired(text)
    for m in _RESAMPLED.finditer(text):
        way = m["way"].lower()
        yield Named(m, f"{way}sampling factor", f"{way}sampling_factor")
    for m in _PROJECTED.finditer(text):
        yield Named(m, "projection dimension", "projection_dimension")
    for m in _DIM.finditer(text):
        name = f"{m['noun']} dimension"
        yield Named(m, name, canonical_key(name))
    for m in _BLOCKS.finditer(text):
        name = f"{m['noun']} {m['unit']}s"
        yield Named(m, name, canonical_key(name))
    yield from _items(text)


def _paired(text: str) -> Iterator[Named]:
    """'a (4,4) kernel and a (1,1) stride', 'a stride of (3, 3)'."""
    for m in _PAIR_FIRST.finditer(text):
        name = re.sub(r"\s+", " ", (m["name"] or m["after"]).lower())
        if m["pair"]:  # the value read where the pair stands: a match whose 'value' group is the pair
            m = _VALUE_AT.match(text, m.start("pair"))
        yield Named(m, name, _PAIR_KEYS.get(name, canonical_key(name)))


def _items(text: str) -> Iterator[Named]:
    """'name: value' items of a list, but a document's numbering and a result."""
    for m in _ITEM.finditer(text):
        name = m["name"].strip()
        if m.group(0).endswith("-dim") and "dim" not in name:
            name = f"{name} dimension"  # 'hidden: 64-dim'
        key = canonical_key(name)
        if re.search(r"\b(?:id|no|number|page|submission)$", name, re.I) and key not in SYNONYMS:
            continue  # 'Submission Id: 2043', 'Page number: 3': a document's numbering
        if _RESULT_ITEM.search(name) or _COUNTED_AFTER.match(text, m.end()):
            continue  # '(best acc: 90.40%)': a result; 'DDPM: 500 epochs': a run's settings after a colon
        if key in SYNONYMS or " " in name and not _NOT_NOUNS & set(name.lower().split()):
            yield Named(m, name, key)
