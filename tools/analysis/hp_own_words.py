"""Settings the scanner has no name for, read in the paper's own words as candidates.

The named readings (hp_prose, hp_tables) know settings by their usual names. A paper also sets things only it
has: "the dimension d of the weight matrices to 250", "a smoothing factor of 0.8", "10 episodes for each
training step", "I = 3 clusters". Here every number left unread in a sentence that may state the paper's own
setup is taken with the noun phrase that frames it, in one of these frames:

- set:    "we set/fix/choose <phrase> to/at/as N"
- symbol: "<symbol> = N" (with the noun after it: "I = 3 clusters"), "β is chosen to be 5"
- of:     "<phrase> of N", "<phrase> is/was (set to) N"
- count:  "N <plural noun phrase>"
- every:  "every 10th time step" (a period)
- as:     "we use <words> as <phrase>" (a choice in words: "random flips and cropping as data augmentation")

A phrase naming a setting the vocabulary knows ("epochs", "step size") is left to the named readings: they
read it, or chose not to ("at least 500 epochs" is a bound). Every finding here is a `candidate`, never
written into a config: the scanner cannot tell a setting from a measurement or the data's size, so the agent
confirms it in the quoted sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from tools.analysis.findings import Hyperparameter
from tools.analysis.hp_assigned import symbol_key
from tools.analysis.hp_collector import Collector
from tools.analysis.hp_confidence import OURS
from tools.analysis.hp_normalize import SCALAR, flat_value, normalize_value
from tools.analysis.hp_own_lists import DATA_SENTENCE, NOT_SETTING_BEFORE, NOT_SETTING_WORD, STOP, VERB
from tools.analysis.hp_paragraphs import OTHERS_WORK, Para, sentence_spans
from tools.analysis.hp_patterns import GREEK_LOWER
from tools.analysis.hp_setup import decide
from tools.analysis.hp_vocabulary import SYNONYMS, WORD_NUMBERS, canonical_key

DOUBT = "named in the paper's own words, not a setting the scanner knows: confirm it is one"

_WORD = r"(?-i:[a-z][a-z-]*[a-z])"  # a lower-case word: a name in capitals is a dataset, method or person
# a word (maybe after a Greek letter: "the ϵ-decay rate"), or an acronym the paper defines ("a VLT of 5")
_TERM = rf"(?:(?:{GREEK_LOWER}-)?{_WORD}|(?-i:[A-Z]{{2,6}}))"
_SYM = r"[^\W\d_](?:_\{?\w{1,4}\}?)?"  # one letter, Latin or Greek (ϵ, ϕ, ℓ), maybe with a subscript
_SYM_RX = re.compile(_SYM)
# a number standing alone: not a factor of a product, a thousands group the converter split ("5, 000"), a
# range's end ("1, 2, ..., 10", "from 1 to 5"), a spread ("± 3"), a ratio ("50:50"), a fraction's numerator
# ("α = 1/S") or a relative amount
# ("20% of the average distance")
_NUMBER = (
    rf"(?<![\w.^_/:#-])(?<!\d,)(?<!\d,\s)(?P<num>[-−]?{SCALAR})(?![\w.]*\d)(?!\s*[×x]\s*\d)(?![\w%^-])"
    r"(?!,\s?\d{3}\b)(?!\s*±|\s*:\s*\d|\s*/\s*[\w\\(])(?!\s*,\s*(?:\d+\s*,\s*)?(?:\.\s?){2,3}|\s*,\s*…|\s+to\s+[-−]?\d)"
    r"(?!\s+of\s+the\b)"
)
_SET = re.compile(
    rf"\b(?:set|sets|setting|fix|fixed|fixes|choose|chose|chosen|select|selected|initiali[sz]e[ds]?)\s+"
    rf"(?P<np>(?:(?:the|a|an|our|its|each)\s+)?(?:{_WORD}\s+){{0,3}}{_WORD}(?:\s+{_SYM})?"
    rf"(?:\s+of\s+[^.;:]{{1,40}}?)?)\s+"
    rf"(?:to|at|as|equal\s+to)\s+(?:be\s+)?(?:(?:a|an)\s+(?:{_WORD}\s+)?values?\s+of\s+)?{_NUMBER}",
    re.I,
)
_SYMBOL = re.compile(
    rf"(?<![\w\\])(?P<np>{_SYM})\s*(?:=|(?:is|was)\s+(?:set|fixed|chosen)\s+(?:to\s+be|to|at|as))\s*{_NUMBER}"
    # not a formula's coefficient ('n = 4 b^2', 'b = 3 ι') or a range ('t = 1 and t = 5', 'for L = 1 to R';
    # 'τ = 0.1 and γ = 0.2' are two settings)
    r"(?!\s*[^\W\d_](?:[\^_(]|\s*=|\W|$))(?!,?\s+(?:and|to|until)\s+(?P=np)\s*=)(?!\s+to\b)"
    rf"(?:\s+(?P<noun>{_WORD}s)\b)?"
)
_OF = re.compile(
    rf"(?<![\w-])(?P<np>(?:{_TERM}\s+){{0,4}}{_TERM})\s+(?:of|is|was|are|were|equals?)\s+(?:[a-z]+ly\s+)?"
    rf"(?:(?:set|fixed|chosen)\s+(?:to|at|as)\s+(?:be\s+)?|equal\s+to\s+|about\s+|around\s+|approximately\s+|"
    rf"roughly\s+)?"
    rf"{_NUMBER}",
    re.I,
)
_COUNT = re.compile(rf"{_NUMBER}\s+(?P<np>(?:{_WORD}\s+){{0,2}}{_WORD}s)\b(?!\s+(?:of|per)\b)", re.I)
# "every 10th time step": a period
_EVERY = re.compile(rf"\bevery\s+(?P<num>\d+)(?:st|nd|rd|th)?\s+(?P<np>(?:{_WORD}\s+)?{_WORD})\b", re.I)
# "we use random flips and cropping as data augmentation", "using BM25 as the ranking function": a choice in
# words (the value is the words before "as"; "the same optimizer as ..." compares)
_AS = re.compile(
    r"(?:\b(?i:we)\s+(?:[a-z]+\s+)?(?:use|used|adopt|adopted|employ|employed)|\b(?i:using))\s+(?:the\s+|an?\s+)?"
    r"(?P<num>(?!(?:the\s+|a\s+)?(?:it|them|this|these|that|those|each|all|both|same|property|fact)\b)\w[\w@/+.-]*(?:\s+[\w@/+.-]+){0,4}?)\s+"
    rf"as\s+(?:the\s+|our\s+|an?\s+)?(?P<np>(?:{_WORD}\s+){{0,2}}{_WORD})\b(?!\s+(?:of|for|to|in)\b)"
)
_AS_ROLE = re.compile(  # what a thing is used as that is no setting of the method
    r"^(?:inputs?|outputs?|examples?|proxy|reference|references|starting|point|guide|measure|metric|"
    r"metrics|evaluation|test|tests|well|much|part|follows|described|shown|before|such|long|soon|far|above|"
    r"below|hence|possible|usual|needed|necessary|one|ones|many|few)$"
)
_FRAMES = (_SET, _SYMBOL, _EVERY, _AS, _OF, _COUNT)
# a part of the paper itself, used as something ("Algorithm 1 as a template"): no setting's value
_OWN_PART = re.compile(
    r"(?i)(?:algorithm|table|fig(?:ure|\.)|sec(?:tion|\.)|eq(?:uation|\.)|appendix)\s*[A-Z]?\d"
)
# a range's ends ("from t = 0 up to t = 250", "t = 251 and t = 600"), a factor of a product ("W · S = 600");
# 'τ = 0.1 and γ = 0.2' sets two symbols
_SYMBOL_AFTER = re.compile(
    rf"(?:\b(?:from|between|until)|(?P<prev>{_SYM})\s*=\s*[-−]?\d[\d.,]*\s+(?:and|to|up\s+to)|[·×*])\s*$"
)
# a capitalised word right before a count names a thing ("Mode 1 starts", "Atari 2600 games"), unless it opens
# the sentence's verb phrase ("Using 50 samples")
_NAME_BEFORE = re.compile(r"\b(?!(?:Using|With|Use|For|Only|All|After|Then|Each)\s)[A-Z][\w-]*\s+$")
# a sentence citing other work, without a word of the paper's own ("Hafner et al. (2018) uses 1000 samples")
_CITES = re.compile(r"\bet\s+al\b|\[\d+(?:[,–-]\s*\d+)*\]")
# a head that names nothing by itself: "a value of 5", "the worst of 10", "small (0.005)"
_COUNT_WORDS = {*WORD_NUMBERS, "single"}  # 'one batch of 128' is a batch
_HEADLESS = re.compile(
    r"^(?:value|values|number|numbers|amount|size|factor|one|ones|small|large|big|worst|best|high|low|good|"
    r"first|last|final|top|bottom|other|same|different|total|maximum|minimum|max|min)$",
    re.I,
)


def own_word_candidates(paras: Iterable[Para], known: list[Hyperparameter]) -> list[Hyperparameter]:
    """Candidates for the numbers of own-setup sentences that no finding in `known` already reads."""
    taken: dict[int, list[tuple[str, str]]] = {}  # line -> (sentence, value) of each finding on it
    for h in known:
        taken.setdefault(h.line, []).append((h.quote, h.value))
    seen = {(h.key, flat_value(h.value_normalized)) for h in known}
    out = Collector()
    for para in paras:
        section = para.starts[0][1].section
        if OTHERS_WORK.search(section or ""):
            continue
        for a, b in sentence_spans(para.text):
            sentence = para.text[a:b].strip()
            if not _own_sentence(section, sentence):
                continue
            for start, name, value in _framed(para.text, a, b):
                line = para.line_at(start)
                norm = normalize_value(value)
                key = _key(name)
                known_here = taken.get(line.no, [])
                if key in SYNONYMS or (key, flat_value(norm)) in seen or _read(value, sentence, known_here):
                    continue
                seen.add((key, flat_value(norm)))
                taken.setdefault(line.no, []).append((sentence[:200], value))
                after = para.text[start + len(value) : start + len(value) + 6]
                flagged = False if _set_symbol(para.text[a:start], after, sentence) else DOUBT
                out.add(line, name, key, value, "prose", sentence, flagged=flagged)
    return out.items


# "We set the beam width B = 8, number of successors M = 512": a symbol the sentence sets, not one it uses
_SET_VERB = re.compile(r"\b(?:[Ww]e\s+(?:set|fix)|(?:is|are|were|was)\s+set\s+to)\b")
_ASSIGNED = re.compile(rf"(?<![\w\\]){_SYM}\s*=\s*$")
_CITED_KEY = re.compile(r"\[[A-Za-z][\w:.-]*\]")  # '[wnnmijcv]': a value taken from cited work


def _set_symbol(before: str, after: str, sentence: str) -> bool:
    """Is the value a symbol's, in a sentence that opens by setting values ("We set ... M = 512"), and whole
    (not `0.4 |D|`, a share of a set's size, or `2 . 103`, a power whose exponent was lost)?"""
    whole = not _GOES_ON.match(after) and not _CITED_KEY.search(sentence)
    return bool(_SET_VERB.search(before) and _ASSIGNED.search(before) and whole)


_GOES_ON = re.compile(r"\s*(?:\||[.·]\s*\d|[×*^(/])")


def _key(name: str) -> str:
    """'clusters I' -> clusters_i, 'τ' -> tau, 'ϵ-decay rate' -> epsilon_decay_rate: a symbol is spelled as
    the named readings spell it."""
    name = re.sub(rf"(?<!\w){GREEK_LOWER}(?=-)", lambda g: symbol_key(g[0]), name)
    return canonical_key(" ".join(symbol_key(w) if _SYM_RX.fullmatch(w) else w for w in name.split()))


def _read(value: str, sentence: str, found: list[tuple[str, str]]) -> bool:
    """Is the number part of a value found in its sentence already ("64" of "64 ms", "5" of "5 and 9")?"""
    rx = re.compile(rf"(?<![\d.]){re.escape(value)}(?![\d.])")
    return any(rx.search(v) and _same(quote, sentence) for quote, v in found)


def _same(quote: str, sentence: str) -> bool:
    """A finding's quote (a sentence cut to 200 characters, maybe the next one too) is this sentence."""
    head = sentence[:80]
    return head in quote or quote[:80] in sentence


def _own_sentence(section: str | None, sentence: str) -> bool:
    """May it state the paper's own setup? Not theory, results or others' work ("Hafner et al. use ...")."""
    cites_others = bool(_CITES.search(sentence)) and not OURS.search(sentence)
    return decide(section, sentence).own is not False and not cites_others


def _framed(text: str, a: int, b: int) -> Iterator[tuple[int, str, str]]:
    """(offset, phrase, value) for each number of text[a:b] in a frame, the first frame that reads it."""
    done: set[int] = set()
    data = bool(DATA_SENTENCE.search(text, a, b))
    for rx in _FRAMES:
        for m in rx.finditer(text, a, b):
            start = m.start("num")
            if start in done or NOT_SETTING_BEFORE.search(text[max(0, start - 24) : start]):
                continue
            before = text[max(0, m.start() - 30) : m.start()]
            if rx in (_OF, _COUNT) and data or rx is _COUNT and _NAME_BEFORE.search(before):
                continue  # the data's size, or a name's number
            after = _SYMBOL_AFTER.search(before) if rx is _SYMBOL else None
            if after and after["prev"] in (None, m["np"]):
                continue
            name = _phrase(m, rx)
            if name is not None and not re.fullmatch(r"(?:19|20)\d\d", m["num"]):  # a year
                done.add(start)
                yield start, name, m["num"].replace("−", "-")


def _phrase(m: re.Match[str], rx: re.Pattern[str]) -> str | None:
    """The setting's name from a frame's noun phrase, or None when it names no setting."""
    if rx is _SYMBOL:
        return _symbol_name(m)
    if rx is _AS:  # "... as the search engine and the ranking function": the first role
        words = m["np"].split()
        kept = words[: min((i for i, w in enumerate(words) if w in STOP), default=len(words))]
        bad = any(_AS_ROLE.match(w) or VERB.match(w) for w in kept) or _OWN_PART.match(m["num"])
        return " ".join(kept) if kept and not bad else None
    if rx is _EVERY:
        noun = m["np"].split()
        return None if any(w in STOP for w in noun) else f"{' '.join(noun)} interval"
    words = m["np"].split()
    while rx is not _COUNT and words and (words[0].lower() in STOP or words[0].lower() in _COUNT_WORDS):
        words = words[1:]  # 'one batch of 128' is a batch
    stops = [i for i, w in enumerate(words) if w.lower() in STOP]
    cut = max(stops, default=-1) + 1 if rx is _OF else min(stops, default=len(words))
    if rx is _OF and "of" in words[1:] and not re.match(r"\s+of\b", m.string[m.end("np") :]):
        # "the latent dimensionality of the models is set to 64": the head before 'of' is the setting
        words = words[: words.index("of", 1)]
        stops = [i for i, w in enumerate(words) if w.lower() in STOP]
        cut = max(stops, default=-1) + 1
    # 'of' reads leftwards ("the accuracy of our model is 93.5" is an accuracy), the others rightwards ("the
    # dimension d of the weight matrices" is a dimension): every word is checked, the name is the part kept
    kept = words[cut:] if rx is _OF else words[:cut]
    if not kept or _HEADLESS.match(" ".join(kept)) or any(VERB.match(w) for w in kept):
        return None
    if any(NOT_SETTING_WORD.fullmatch(w) for w in words):
        return None
    return " ".join(kept)


def _symbol_name(m: re.Match[str]) -> str | None:
    """'I = 3 clusters' -> 'clusters I'; None for an index ('i = 1', 'x_i = 0.5', 'β_t = 1': an element of a
    sequence or a loop's start). A Greek letter set to 1 is a setting ('λ = 1'), no index."""
    sym = m["np"]
    if re.fullmatch(r"[a-z](?:_\w+)?", sym) and re.fullmatch(r"[012][A-Z]?", m["num"]):
        return None
    if re.search(r"_\{?[ijktn]\}?$", sym):
        return None
    noun = m["noun"] if m["noun"] and not VERB.match(m["noun"]) else None
    if noun and NOT_SETTING_WORD.fullmatch(noun):
        return None
    return f"{noun} {sym}" if noun else sym

