"""The plainest statements of a setting, in the forms the other rules leave: a subject with an aside or a
symbol after it ('the weight decay, which controls overfitting, was set to 0.01', 'the trade-off parameter
β is empirically set as 0.1', 'the number of topics K is 100'), 'we set α to 500', 'we fix the margin m at
0.5', and a symbol described and then set ('α represents the loss weight for clean examples and was set to
500', 'ε is a small constant which is set to be 10^-8'). The name is the subject's phrase: a setting the
vocabulary knows keeps its key, a symbol gives its own (symbol_key), other phrases their snake_case."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tools.analysis.hp_assigned import symbol_key
from tools.analysis.hp_patterns import SYM
from tools.analysis.hp_phrased import SETTING_VALUE, Named, not_a_setting, phrase_key
from tools.analysis.hp_vocabulary import COUNT_ONLY, SYNONYMS, WORD_VALUED, canonical_key

_SET = r"(?:set|fixed|chosen|selected|initiali[sz]ed|kept)"
_TO = r"(?:to|at|as|equal\s+to)\s+(?:be\s+)?"
_BE = r"(?:is|was|are|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?"
_WORDS = r"(?:[A-Za-z][\w-]*\s+){0,5}?[A-Za-z][\w-]*"
_DET = r"(?:the|our|its|their|a|an)\s+"
_ASIDE = r"(?:\s*,\s*(?:which|that|who|whose)\b[^,.;]{1,80},)"
_FORMS = (
    # "the weight decay, which controls overfitting, was set to 0.01"; "the trade-off parameter β is set
    # as 0.1"; "the number of topics K is 100"; "the number of terms in the sum, Q, was set to 10"
    re.compile(
        rf"\b{_DET}(?P<np>{_WORDS})(?:(?P<comma>\s*,)?\s+(?P<sym>{SYM})(?(comma)\s*,))?(?P<aside>{_ASIDE})?\s+"
        rf"{_BE}(?:{_SET}\s+{_TO})?"
        rf"{SETTING_VALUE}",
        re.I,
    ),
    # "we set α to 500", "we fix the margin m at 0.5", "we set the dropout rate to be 0.1", "(by) setting the
    # number of clusters to 6"
    re.compile(
        rf"\b(?:we\s+(?:\w+ly\s+)?(?:set|fix|choose|chose|select)|setting|fixing)\s+(?:{_DET}(?P<np>{_WORDS})\s+)?"
        rf"(?P<sym>{SYM})?\s*{_TO}{SETTING_VALUE}",
        re.I,
    ),
    # "α represents the loss weight for clean examples and was set to 500"; "ε is a small constant which
    # is set to be 10^-8"
    re.compile(
        rf"(?:^|(?<=[\s(]))(?P<sym>{SYM})\s+(?:represents|denotes|is|controls|weighs|balances)\s+"
        rf"(?:{_DET})?(?P<np>[^,;.]{{3,60}}?)\s+(?:and|which|that)\s+{_BE}{_SET}\s+{_TO}{SETTING_VALUE}",
    ),
)
_DANGLING = re.compile(r"^(?:in|of|for|on|at|to|with|by|from|and|or|than)$", re.I)
# subjects that hold no setting: 'the result', 'the model', 'it'
_NO_NAME = re.compile(
    r"^(?:it|this|that|which|results?|models?|methods?|performance|accuracy|score|times?)$", re.I
)


# the next setting the same verb sets: 'we set β to 0.01 and λ_p to 0.2', '... was set to 0.01, and the value
# weight to 0.5'
_AND_TO = re.compile(
    rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:{_DET}(?P<np>{_WORDS})\s+)?(?P<sym>{SYM})?\s*(?:to|at)\s+(?:be\s+)?"
    rf"{SETTING_VALUE}",
    re.I,
)


def set_statements(text: str) -> Iterator[Named]:
    """Each value a plain statement sets, named by its subject (see the module's docstring), and the settings
    its verb goes on to set ('and λ_p to 0.2')."""
    for rx in _FORMS:
        for m in rx.finditer(text):
            plain = rx is _FORMS[0] and not m["aside"] and not m["sym"]
            # a symbol in commas after the phrase ('the number of terms, Q, was 10') is the phrase's own name
            described = rx is _FORMS[2] or bool(m.groupdict().get("comma"))
            reading = _name(m["np"], m["sym"], plain, described=described)
            if reading:
                yield Named(m, *reading)
            if rx is _FORMS[1] or re.search(rf"\b{_SET}\s+{_TO}$", text[m.start() : m.start("value")], re.I):
                yield from _set_next(text, m.end())


def _set_next(text: str, at: int) -> Iterator[Named]:
    """The settings set by the verb before `at`, one after another ('..., b to 2 and c to 3')."""
    while (m := _AND_TO.match(text, at)) and (m["np"] or m["sym"]):
        sym = m["sym"]
        reading = _name(m["np"], sym, False, described=False) if m["np"] else (sym, symbol_key(sym))
        if reading:
            yield Named(m, *reading)
        at = m.end()


def _name(np: str | None, sym: str | None, plain: bool, described: bool) -> tuple[str, str] | None:
    """(name, key) of a subject: a setting the vocabulary knows (_known), else its phrase (with the symbol
    in the name; a symbol its sentence `described` keeps its own key). None for a plain 'the X is 5' (left
    to the rules written for it), a subject that names nothing, or a symbol alone."""
    words = re.sub(r"\s+", " ", np or "").strip().split()
    if plain or not words or _NO_NAME.match(words[-1]) or _DANGLING.match(words[-1]):
        return None  # 'the variables in X is 1': a phrase cut at a preposition names nothing
    if any(re.fullmatch(SYM, w) for w in words):
        return None  # a symbol inside the phrase ('the dimension d of the weights'): hp_own_words names it
    phrase = " ".join(words)
    turned = _of_turned(phrase)
    known = _known(turned)
    named = f"{phrase} {sym or ''}".strip()
    if known:
        return named, known
    if sym and described:
        return named, symbol_key(sym)
    if not not_a_setting(phrase):
        return named, phrase_key(turned)
    return (named, symbol_key(sym)) if sym and len(words) == 1 else None  # 'the weight α'; not 'AUC of D'


def _known(phrase: str) -> str | None:
    """The key of a setting the vocabulary knows in the phrase's last words, or in its first word with its
    head ('latent variables dimension' is the latent dimension); none for a count or a word-valued one."""
    words = re.split(r"\s+of\s+", phrase, maxsplit=1)[0].split()  # 'maximum gradient norm of an update'
    tails = [" ".join(words[k:]) for k in range(len(words))]
    keys = [canonical_key(t) for t in [*tails, *([f"{words[0]} {words[-1]}"] if len(words) > 2 else [])]]
    return next((k for k in keys if k in SYNONYMS and k not in COUNT_ONLY | WORD_VALUED), None)


def _of_turned(phrase: str) -> str:
    """'dimension of the latent space' -> 'latent space dimension': the key a reader would write."""
    m = re.fullmatch(
        r"(size|dimension|dimensionality|length|width|depth)\s+of\s+(?:the\s+)?(.+)", phrase, re.I
    )
    return f"{m[2]} {m[1]}" if m else phrase
