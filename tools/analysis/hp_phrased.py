"""Settings the vocabulary has no name for, named by the paper's own noun phrase: 'an entropy coefficient of
0.01', 'we set the margin to 0.3', 'the number of negative samples is 5'. The phrase ends in a word for a
quantity one sets (coefficient, threshold, margin, ...) or is 'the number of ...'; its key is the phrase in
snake_case (`entropy_coefficient`, `num_negative_samples`). Phrases ending in a name the vocabulary knows are
left to the rules written for them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from tools.analysis.hp_normalize import VALUE_RE
from tools.analysis.hp_patterns import NAME, NEGATIVE, NOT_A_SETTING, SYM
from tools.analysis.hp_vocabulary import GREEK, RESULT_WORDS, SYNONYMS, canonical_key, loop_key

_GREEK_NAMES = {name.lower() for name in GREEK.values()}

_HEAD = (
    r"(?:coefficient|threshold|margin|weight|factor|temperature|penalty|strength|scale|radius|bandwidth|"
    r"horizon|period|interval|frequency|budget|capacity|patience|ratio|probability|decay|rate|size|length|"
    r"width|depth|dimension|dimensionality|tolerance|variance|deviation|level|constant|parameter)s?"
)
_FUNCTION_WORD = (
    r"the|a|an|this|that|these|it|its|our|their|which|and|or|is|was|are|were|of|with|for|on|in|by|to|at|from|"
    r"as|we|be|been|each|every|all|per|than|also|then|both|only|same|such|"
    r"use|used|uses|using|has|have|had"  # a verb ends a name: 'the best model used threshold: 0.2'
)
_WORD = rf"(?!(?:{_FUNCTION_WORD})\b)[a-z][a-z-]+\s+"
_PHRASE = rf"(?P<noun>(?:{_WORD}){{0,3}}{_HEAD}|number\s+of\s+(?:{_WORD}){{0,2}}[a-z][a-z-]+)"
# no formula, percentage or share runs on from the value ('20% of the distance' is relative to something)
_AFTER = r"(?!\w|\.\d|\s*[×x*/^(±+]|\s*%|\s+of\s+(?:the|an?|its|our|each)\b)"
# hp_set_forms.py reads it too
SETTING_VALUE = rf"(?<![\w.−#-])(?P<value>{NEGATIVE}(?:{VALUE_RE.pattern})){_AFTER}"
_OF = rf"of\s+(?:{SYM}\s*=\s*)?"  # 'a training horizon of H_T = 200,000'
_SET = r"(?:(?:set|fixed|chosen|initiali[sz]ed)\s+(?:to|at|as)\s+)"
_FORMS = (
    # "an entropy coefficient of 0.01", "a clipping threshold = 0.2"
    re.compile(
        rf"\b(?:a|an|the|our|with)\s+(?!number\b){_PHRASE}\s*(?:{_OF}|=\s*|:\s*){SETTING_VALUE}", re.I
    ),
    # "the number of negative samples is 5", "the trust region radius was set to 0.5", "the number of
    # neurons in the FC layers were 1024 and 1536"
    re.compile(
        rf"\b(?:the|our)\s+{_PHRASE}(?:\s+(?P<rel>in|per|of|for)\s+(?:the\s+|(?P<each>each\s+|every\s+))?"
        rf"(?P<per>(?:[\w-]+\s+){{0,2}}?[\w-]+))?"
        rf"\s+(?:is|was|are|were)\s+(?:\w+ly\s+)?{_SET}?{SETTING_VALUE}",
        re.I,
    ),
    # "we set the margin to 0.3"
    re.compile(
        rf"\b(?:set|fix|fixed|choose|chose)\s+(?:the|our)\s+{_PHRASE}\s+(?:to|at|as)\s+{SETTING_VALUE}", re.I
    ),
)
# "the size of the data mini-batch is 20", "the dimension of the hidden state is 200" (or "being 200")
_ATTR_OF = re.compile(
    rf"\bthe\s+(?P<attr>size|dimension|dimensionality|length|depth|width|norm)\s+of\s+(?:the\s+|each\s+|an?\s+)?"
    rf"(?P<np>(?:{_WORD}){{0,2}}[a-z][a-z-]+)\s+(?:is|was|are|were|being)\s+(?:\w+ly\s+)?"
    rf"(?:{_SET}|(?:bounded|clipped|capped|limited)\s+(?:by|at|to)\s+)?{SETTING_VALUE}",
    re.I,
)
# an outcome or a derived quantity, not a setting: 'a success rate of 0.9', 'an expected masking rate of 0.64'
_OUTCOME = re.compile(
    r"\b(?:success|error|hit|win|detection|recognition|false|true|miss|failure|survival|mortality|response|"
    r"compression|acceptance|convergence|coverage|agreement|sparsity|expected|average|mean|resulting|"
    r"effective|observed|empirical|measured|achieved|obtained)\b",
    re.I,
)
# heads that name a setting alone ('a margin of 0.3'); 'a size of 32' or 'a rate of 2' need a word more
_LONE = re.compile(r"(?:margin|threshold|bandwidth|horizon|patience|budget|tolerance|radius|penalty)s?", re.I)
_DATA_WORDS = {"dataset", "data", "corpu", "file", "population", "sample", "test", "validation"}
# what a dataset counts: 'the number of classes is 10', 'the number of users is 943'
_DATA_NOUNS = {
    "example",
    "class",
    "classe",
    "user",
    "item",
    "image",
    "document",
    "instance",
    "node",
    "edge",
    "vertice",
    "graph",
    "patient",
    "subject",
    "participant",
    "word",
    "sentence",
    "categorie",
    "category",
    "parameter",
    "pixel",
    "video",
    "file",
    "record",
    "row",
    "column",
    "molecule",
    "atom",
    "entitie",
    "relation",
    "triple",
    "query",
    "querie",
    "product",
    "movie",
    "rating",
    "review",
    "speaker",
    "utterance",
    "label",
}
_KNOWN_END = re.compile(rf"{NAME}$", re.I)  # 'base learning rate' ends in a known name
# a name written as code is the paper's own key: 'num_zones = 4', 'order_timeout_prob = 0.15'
_IDENTIFIER = re.compile(
    rf"(?<![\w.\\])(?P<noun>[a-z][a-z0-9]+(?:_[a-z0-9]{{2,}})+)\s*[=:]\s*{SETTING_VALUE}"
)


class Spanned(NamedTuple):
    """A value another module read at a span of the text, with the key and name it is reported under."""

    key: str
    name: str
    value: str
    span: tuple[int, int]
    doubt: str | bool = False  # why the value is only a candidate, if it is one


class Named(NamedTuple):
    """A value's match (group 'value'), with the name and key it is reported under."""

    match: re.Match[str]
    name: str
    key: str
    context: str | None = None


def phrased(text: str) -> Iterator[Named]:
    """Each setting named by a noun phrase the vocabulary does not know, or a count 'number of ...'; and
    an attribute of a named part ('the size of the data mini-batch is 20')."""
    for m in _ATTR_OF.finditer(text):
        words = m["np"].lower().split()
        names = [" ".join([*words[k:], m["attr"].lower()]) for k in range(len(words))]
        name = next((n for n in names if canonical_key(n) in SYNONYMS), names[0])  # 'mini-batch size'
        if not not_a_setting(name):
            yield Named(m, name, canonical_key(name))
    for m in _IDENTIFIER.finditer(text):
        if _code_name(m["noun"]):
            key = canonical_key(m["noun"])
            yield Named(m, m["noun"], key if key in SYNONYMS else m["noun"])
    for rx in _FORMS:
        for m in rx.finditer(text):
            noun = re.sub(r"\s+", " ", m["noun"]).strip()
            if not_a_setting(noun):
                continue
            key = phrase_key(noun)
            per = m.groupdict().get("rel") == "per" or m.groupdict().get("each")  # 'in each epoch'
            if per and (loop := loop_key(noun, m["per"])):
                noun, key = f"{noun} per {m['per']}", loop  # 'the number of steps per episode is 200'
            count = noun.lower().startswith("number of")
            if count or key not in SYNONYMS and not _KNOWN_END.search(noun):
                yield Named(m, noun, key)


def _code_name(name: str) -> bool:
    """A snake_case name of a setting, not a symbol with a subscript ('beta_t', 'sigma_8'), a result or an
    example's identifier ('par_id')."""
    words = name.split("_")
    greek = words[0] in _GREEK_NAMES
    an_id = words[-1] in ("id", "ids", "idx", "index")  # 'par_id: 2404' names one example of the data
    return not greek and not an_id and max(map(len, words)) >= 3 and not RESULT_WORDS.search(" ".join(words))


def not_a_setting(noun: str) -> bool:
    """A result, a derived quantity, the data ('the dataset size is 50,000'), a bare head ('a size of 32')."""
    if RESULT_WORDS.search(noun) or _OUTCOME.search(noun):
        return True
    if noun.lower().startswith(
        "number of"
    ):  # a count of the data ('the number of test images') is no setting
        words = noun.lower().split()[2:]
        return bool(set(words[:-1]) & NOT_A_SETTING) or re.sub(r"(?<!s)s$", "", words[-1]) in _DATA_NOUNS
    words = {w.rstrip("s") for w in noun.lower().split()}
    sized = re.search(r"(?:size|length|dimension|dimensionality|width|depth)s?$", noun, re.I)
    data = words & (NOT_A_SETTING if sized else _DATA_WORDS)  # a training horizon, not a training size
    return bool(data) or " " not in noun and not _LONE.fullmatch(noun)


def counted_key(noun: str) -> str | None:
    """'number of visitors' -> num_visitors; '' for a count of the data ('number of test images'); None for
    a noun that counts nothing."""
    if not noun.lower().startswith("number of "):
        return None
    return "" if not_a_setting(noun) else phrase_key(noun)


def phrase_key(noun: str) -> str:
    """'number of negative samples' -> num_negative_samples; 'entropy coefficient' -> entropy_coefficient."""
    if noun.lower().startswith("number of "):
        key = canonical_key(noun)  # 'number of neurons' is the hidden size
        return key if key in SYNONYMS else f"num_{key}"
    noun = re.sub(r"(?<=\w)\s+parameter$", "", noun.lower())  # 'patience parameter' is the patience
    return canonical_key(re.sub(r"(?<![us])s$", "", noun))
