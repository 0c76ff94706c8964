"""Values a sentence pairs with its names by order: "we set the batch size and the learning rate to 64 and
0.001, respectively" (one value per setting), "for WNNM-3 and MC-WNNM, the penalty is set as ρ0 = 10 and
ρ0 = 3, respectively" (one setting, a value per thing it is set for). Read before anything else so that
no rule takes the list for one setting's value."""

from __future__ import annotations

import re
from typing import NamedTuple

from tools.analysis.hp_assigned import symbol_key
from tools.analysis.hp_normalize import SCALAR
from tools.analysis.hp_paragraphs import SENTENCE_START
from tools.analysis.hp_patterns import NAME, SYM, of_head
from tools.analysis.hp_vocabulary import RESULT_WORDS, WORD_VALUED, canonical_key

_ONE = rf"(?:(?P<s>[^\W\d_][\w{{}}]{{0,6}})\s*=\s*)?(?P<v>{SCALAR})"
_ITEM = re.compile(_ONE)
_BARE = re.sub(r"\?P<\w>", "?:", _ONE)
RESPECTIVELY = re.compile(
    rf"(?<![\w.−-])(?P<values>{_BARE}(?:\s*,\s*{_BARE})*\s*,?\s*(?:and|or)\s+{_BARE})\s*\)?\s*,?\s*\(?"
    r"respectively\b",
    re.I,
)
# "the embedding size is 50 and 300 for English and Chinese respectively": the things after the values
_THEN_THINGS = re.compile(
    rf"(?<![\w.−-])(?P<values>{_BARE}(?:\s*,\s*{_BARE})*\s*,?\s*(?:and|or)\s+{_BARE})\s+(?:for|on|in)\s+(?:the\s+)?"
    r"(?P<things>[\w-]+(?:\s*,\s*[\w-]+)*\s*,?\s*and\s+[\w-]+)(?:\s+[a-z]+)?\s*,?\s*respectively\b",
    re.I,
)
# "we used 350 and 30 for W_large and W_small respectively", "0.01 and 64 for the learning rate and batch
# size, respectively": the values first, then the settings they are for
_FOR_NAMES = re.compile(
    rf"(?<![\w.−-])(?P<values>{_BARE}(?:\s*,\s*{_BARE})*\s*,?\s*(?:and|or)\s+{_BARE})\s+for\s+"
    r"(?P<names>[^.;()]{2,80}?)\s*,?\s*respectively\b",
    re.I,
)
# "the actor and critic learning rates are 1e-4 and 1e-3": two values a plural verb pairs by order, when the
# sentence names as many settings or things (no 'respectively' needed)
_IMPLIED = re.compile(
    rf"\b(?:are|were)\s+(?:(?:set\s+to|chosen\s+as|fixed\s+at)\s+)?(?P<values>{_BARE}\s+and\s+{_BARE})"
    r"(?=\s*(?:[.;]|$))",
    re.I,
)
# "we set the CTC weight and beam width as 0.4 and 30", "a learning rate and momentum of 0.01 and 0.9": a
# list of values right after a list of as many names, paired by order
_GIVES = r"(?:to|as|of|at|be|are|were|is|=)"  # the word right before a list of values
_SET_LIST = re.compile(
    rf"\b{_GIVES}\s+(?P<values>{_BARE}(?:\s*,\s*{_BARE})*\s*,?\s*and\s+{_BARE})"
    r"(?=\s*(?:[.;,)]|$)|\s+(?:on|for|in|with|during)\b)",
    re.I,
)
# between two names of one list: a comma or 'and' (the second name may repeat 'the')
_BETWEEN_NAMES = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.I)
# between the last name and its values: a verb of setting, no other word
_TO_VALUES = re.compile(
    rf"\s*(?:(?:are|were|is|was|be)\s+)?(?:(?:set|chosen|fixed|selected|tuned)\s+)?{_GIVES}\s+$",
    re.I,
)
# "for WNNM-3 and MC-WNNM", "of the generator and the discriminator": the things each value is for
_THINGS = re.compile(
    r"\b(?:for|of|on|in)\s+(?:the\s+)?(?P<things>[\w-]+(?:\s*,\s*(?:the\s+)?[\w-]+)*\s*,?\s*and\s+"
    r"(?:(?:for|of|on|in)\s+)?(?:the\s+)?[\w-]+)",
    re.I,
)

# "The actor and critic learning rates are ...", "The generator and the discriminator are trained with ...":
# the things named as the sentence's subject
_SUBJECT = re.compile(
    r"^\s*(?:the\s+|our\s+)?(?P<things>[A-Za-z][\w-]*\s+and\s+(?:the\s+)?[A-Za-z][\w-]*)\b", re.I
)

# "where the RNN with tanh activations, IRNN, LSTM and uRNN had hidden layers of size": a list of things
# (a few words each) right before the verb that gives them their values
_LISTED_SUBJECT = re.compile(
    r"(?P<things>(?:[\w-]+(?:\s+[\w-]+){0,3}\s*,\s*)+[\w-]+(?:\s+[\w-]+){0,3}\s*,?\s+and\s+(?:the\s+)?[\w-]+)"
    r"\s+(?:had|have|has|were|are|was|is|use|used|uses)\b",
    re.I,
)


class Paired(NamedTuple):
    name: str
    key: str
    value: str
    span: tuple[int, int]
    context: str | None
    doubt: str | None  # a reason when the pairing is a guess


UNPAIRED = "one of a list of values paired 'respectively' with names the scanner could not count"


def respectively(text: str) -> list[tuple[re.Match[str], list[Paired]]]:
    """Each 'X, Y and Z, respectively' list with its values paired to names, or all flagged as unpaired."""
    out = []
    for m in RESPECTIVELY.finditer(text):
        prefix, found, items = _listed(text, m)
        symbols = {i["s"] for i in found}
        pairs = _pairs(prefix, items)
        if len(symbols) == 1 and None not in symbols:  # "ρ0 = 10 and ρ0 = 3": the symbol names them too
            sym = next(iter(symbols))
            pairs = [p._replace(name=f"{p.name} {sym}") for p in pairs]
        out.append((m, pairs))
    for m in _THEN_THINGS.finditer(text):
        prefix, _, items = _listed(text, m)
        things = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m["things"])
        names = [n["name"] for n in re.finditer(NAME, prefix, re.I)]
        keys = {canonical_key(n) for n in names}
        if len(keys) == 1 and not keys & WORD_VALUED and len(things) == len(items):  # 'loss' takes no number
            name, key = names[-1], canonical_key(names[-1])
            pairs = [Paired(name, key, v, span, t, None) for t, (v, span) in zip(things, items, strict=True)]
            out.append((m, pairs))
    taken = {m.start("values") for m, _ in out}
    for m in _FOR_NAMES.finditer(text):
        if m.start("values") not in taken and (pairs := _for_names(text, m)):
            out.append((m, pairs))
    for m in _IMPLIED.finditer(text):
        prefix, _, items = _listed(text, m)
        if not re.search(r"\band\b", prefix):
            continue  # 'the neurons in the FC layers were 1024 and 1536': one setting's two values
        if RESULT_WORDS.search(text[max(0, m.start() - 40) : m.start()]):
            continue  # 'the train and test accuracies are 93.0% and 81.6%': what the runs came to
        pairs = _pairs(prefix, items)
        if pairs and not any(p.doubt for p in pairs):  # a guess is left to the other rules
            out.append((m, pairs))
    out += [(m, pairs) for m in _SET_LIST.finditer(text) if (pairs := _coordinated(text, m))]
    return out


def _for_names(text: str, m: re.Match[str]) -> list[Paired]:
    """The values of a _FOR_NAMES match paired by order with the settings after 'for', when each is a known
    setting or a symbol and there are as many; else []."""
    items = _listed(text, m)[2]
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m["names"])
    parts = [re.sub(r"^the\s+", "", p, flags=re.I) for p in parts if p]
    keys = [_setting_key(p) for p in parts]
    if len(parts) != len(items) or not all(keys) or len(set(keys)) != len(keys):
        return []
    return [Paired(p, str(k), v, sp, None, None) for p, k, (v, sp) in zip(parts, keys, items, strict=True)]


def _setting_key(part: str) -> str | None:
    """The key of a setting named alone ('batch size') or of a symbol ('W_large', 'β1'), else None."""
    if re.fullmatch(SYM, part):
        return symbol_key(part)
    if re.fullmatch(NAME, part, re.I) and not RESULT_WORDS.search(part):
        return canonical_key(part)
    return None


def _coordinated(text: str, m: re.Match[str]) -> list[Paired]:
    """The values of a _SET_LIST match paired with the list of as many names right before them. A shorter
    list after another word and 'and' ("the CTC weight and beam width as 0.4 and 30": one name unknown)
    gives each value flagged as unpaired; anything else: []."""
    prefix, _, items = _listed(text, m)
    names = list(re.finditer(NAME, prefix, re.I))
    verb = prefix[names[-1].end() :] + text[m.start() : m.start("values")] if names else ""
    if not names or not _TO_VALUES.fullmatch(verb) or RESULT_WORDS.search(names[-1]["name"]):
        return []
    run = [names[-1]]
    while len(run) < len(items) and len(names) > len(run):
        before = names[-len(run) - 1]
        if not _BETWEEN_NAMES.fullmatch(prefix[before.end() : run[0].start()]):
            break
        run.insert(0, before)
    keys = [canonical_key(n["name"]) for n in run]
    if len(run) == len(items) and len(set(keys)) == len(keys):
        return [Paired(n["name"], k, v, s, None, None) for n, k, (v, s) in zip(run, keys, items, strict=True)]
    if re.search(r"[\w)]\s*(?:,|\band)\s+(?:the\s+)?$", prefix[: run[0].start()], re.I):
        return [Paired(run[-1]["name"], keys[-1], v, s, None, UNPAIRED) for v, s in items]
    return []


_Spans = list[tuple[str, tuple[int, int]]]


def _listed(text: str, m: re.Match[str]) -> tuple[str, list[re.Match[str]], _Spans]:
    """The sentence before a list of values, the list's items, and each value with its span in text."""
    start = max((s.end() for s in SENTENCE_START.finditer(text, 0, m.start())), default=0)
    at, found = m.start("values"), list(_ITEM.finditer(m["values"]))
    return text[start : m.start()], found, [(i["v"], (at + i.start("v"), at + i.end("v"))) for i in found]


# "these fully connected layers had dimension 1024, 512 and 1": each layer's size, not a count of layers
_SIZED_AFTER = re.compile(
    r"\s+(?:had|have|has|with|of)\s+(?:an?\s+|the\s+)?(?:hidden\s+|output\s+)?"
    r"(?:dimensions?|dimensionality|sizes?|widths?)\b",
    re.I,
)


def _pairs(prefix: str, items: list[tuple[str, tuple[int, int]]]) -> list[Paired]:
    found = [
        n
        for n in re.finditer(NAME, prefix, re.I)
        if not RESULT_WORDS.search(n["name"]) and of_head(prefix[: n.start()], n["name"]) is None
    ]
    if found and RESULT_WORDS.search(prefix[found[-1].end() :]):
        return []  # 'a learning rate strategy ... train and validation accuracy (99% and 94%, respectively)'
    names = [_named(prefix, n) for n in found]
    keys = [canonical_key(n) for n in names]
    for k, n in enumerate(found):
        if keys[k] == "num_layers" and _SIZED_AFTER.match(prefix, n.end()):
            names[k], keys[k] = f"{names[k]} size", "hidden_size"
    if len(names) == len(items) and len(set(keys)) == len(keys):
        return [Paired(n, k, v, s, None, None) for n, k, (v, s) in zip(names, keys, items, strict=True)]
    named_for = _things(prefix)
    if len(set(keys)) == 1 and len(named_for) == len(items) and not _quantities(named_for, keys[-1]):
        return [
            Paired(names[-1], keys[-1], v, s, t, None) for t, (v, s) in zip(named_for, items, strict=True)
        ]
    things, end = _listed_subject(prefix, len(items))
    after = [k for k, n in enumerate(found) if n.start() >= end]  # a name inside the list names a thing
    if things and after and len({keys[k] for k in after}) == 1:
        k = after[-1]
        return [Paired(names[k], keys[k], v, s, t, None) for t, (v, s) in zip(things, items, strict=True)]
    if not names:
        return _own_name_pairs(prefix, items, named_for)
    return [Paired(names[-1], keys[-1], v, s, None, UNPAIRED) for v, s in items]


# "For WNNM-3 and MC-WNNM, the penalty is set as": a setting the vocabulary lacks, named right before the verb
_OWN_NAME = re.compile(
    r"\bthe\s+(?P<noun>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s+(?:is|was|are|were)\s+"
    r"(?:(?:set|chosen|fixed)\s+)?(?:as|to|at)?\s*$",
    re.I,
)


def _own_name_pairs(prefix: str, items: list[tuple[str, tuple[int, int]]], things: list[str]) -> list[Paired]:
    """One setting in the paper's own words, a value per thing named before it ('for A and B')."""
    m = _OWN_NAME.search(prefix)
    if not m or len(things) != len(items) or RESULT_WORDS.search(m["noun"]):
        return []
    key = canonical_key(m["noun"])
    return [Paired(m["noun"], key, v, s, t, None) for t, (v, s) in zip(things, items, strict=True)]


def _quantities(things: list[str], key: str) -> bool:
    """A list that names quantities, not things the setting is set for: 'values of K_z, w, and learning rate'
    (symbols, or the setting itself among them)."""
    return any(re.fullmatch(r"\S{1,2}(?:_\S{1,8})?", t.strip()) or canonical_key(t) == key for t in things)


def _things(prefix: str) -> list[str]:
    found = list(_THINGS.finditer(prefix)) or list(_SUBJECT.finditer(prefix))
    if not found:
        return []
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", found[-1]["things"])
    return [re.sub(r"^(?:(?:for|of|on|in)\s+)?(?:the\s+)?", "", p, flags=re.I) for p in parts if p]


def _listed_subject(prefix: str, count: int) -> tuple[list[str], int]:
    """The last `count` things of a comma list before the verb (a phrase opening the sentence, 'For the adding
    problem, ...', is no thing) and where the list ends; ([], 0) when there is no list that long."""
    found = list(_LISTED_SUBJECT.finditer(prefix))
    if not found:
        return [], 0
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", found[-1]["things"])
    parts = [re.sub(r"^(?:the\s+)", "", p, flags=re.I) for p in parts if p]
    return (parts[-count:], found[-1].end("things")) if len(parts) >= count else ([], 0)


_GENERIC = {"parameter", "parameters", "value", "values", "coefficient", "coefficients", "constant", "factor"}
_STOP = {"the", "a", "an", "our", "its", "their", "is", "are", "and", "of", "for", "set", "to", "as", "with"}


def _named(prefix: str, m: re.Match[str]) -> str:
    """The name a match gives, with the words before a generic head ('initial penalty parameter')."""
    if m["name"].lower() not in _GENERIC:
        return m["name"]
    words = prefix[: m.start()].split()[-2:]
    while words and (words[0].lower() in _STOP or not words[0].isalpha()):
        words = words[1:]
    return " ".join([*words, m["name"]])
