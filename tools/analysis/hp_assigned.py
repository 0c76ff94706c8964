"""What a sentence itself says an assigned symbol is, when the paper's symbol table does not name it: "we set
r = 0.1" (the paper's own choice), "confidence level δ = 0.2" (a name right before it), "σ = 0.15 fixed",
"OPTIMIST2 with κ = 2" (a named method's configuration), "a test grid of size n = 10^4" (the size of the
thing named, whatever n means elsewhere)."""

from __future__ import annotations

import re
from typing import NamedTuple

from tools.analysis.hp_confidence import LETTER_ONLY, UNKNOWN_SIZE
from tools.analysis.hp_normalize import SCALAR
from tools.analysis.hp_patterns import NAME
from tools.analysis.hp_vocabulary import GREEK, RESULT_WORDS, SYNONYMS, canonical_key

# "we set r = 0.1", "we fix α = 2 and β = 1", "we choose κ = 3": the paper says this is its choice
OWN_SETTING = re.compile(
    r"\bwe\s+(?:set|fix|fixed|choose|chose|select|selected|take|took|keep|kept)\s+(?:[^.;:]{0,40}?(?:,|\band\b)\s*)?"
    r"(?:(?:the\s+)?[a-z-]+\s+)?$",
    re.I,
)
# "Hyper-parameters are set to M = 64, n_critic = 100, λ = 0.025": every item of a list the paper introduces
# as its settings (the items before this one run up to the introduction)
_ITEM = r"(?:[^\W\d_]|[α-ωΑ-Ω])[\w{}]{0,10}\s*=\s*[^,;=]{1,24}?"
LIST_OF_SETTINGS = re.compile(
    r"\b(?:(?:hyper-?\s?parameters?|settings?|parameters?\s+values?|constants?)\s+(?:\w+\s+){0,3}?(?:are|were|is|was)\s+"
    r"(?:\w+ly\s+)?(?:set\s+(?:to|as)|fixed\s+(?:to|at|as)|chosen\s+as|given\s+by|as\s+follows)|"
    r"(?:best|optimal|selected|chosen)\s+(?:hyper-?\s?parameter\s+)?(?:values|settings)\s+(?:\w+\s+){0,3}?"
    r"(?:are|were)|"
    # "We set the hyperparameters to be σw = 1, σz = 1 and ...", "we set the prior shape and rate as α = 0.1"
    r"\bwe\s+(?:set|fix|fixed|chose|choose)\s+(?:[\w'-]+\s+){1,5}?(?:to\s+be|to|as|at)|"
    # "we use the following hyper-parameters setting: p = 1, t = 2"
    r"\bfollowing\s+(?:hyper-?\s?parameters?|parameters?|settings?)(?:\s+(?:settings?|values?|configuration))?(?=\s*:))"
    r"\s*:?\s*"
    rf"(?:{_ITEM}(?:\s*,\s*(?:and\s+)?|\s+and\s+))*$",
    re.I,
)
# "mini-batches of size M = 128, K = 500 and": the items after a setting the vocabulary names, with its value
_NAMED_LIST = re.compile(
    rf"{NAME}(?:\s+(?:of|is|was|set\s+to)){{0,2}}(?:\s+size)?\s+{_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_ITEM})*"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)$",
    re.I,
)
# "batch size 256, γ = 0.999, λ = 0.95, clip range 0.2": an item of a list whose first item is a named setting
# with its value
_AFTER_NAMED_ITEM = re.compile(
    rf"{NAME}\s+(?:(?:of|is|was|=|:)\s*)?(?:{SCALAR})\s*,\s*(?:{_ITEM}\s*,\s*)*(?:and\s+)?$", re.I
)
# "we set M = 64, K = 5 and λ = 0.1": an item of a list after 'we set'
WE_SET_LIST = re.compile(
    rf"\bwe\s+(?:set|fix|fixed|choose|chose|use|used)\s+(?:{_ITEM}(?:\s*,\s*(?:and\s+)?|\s+and\s+))+$", re.I
)
# "the gradient penalty coefficient is set to λ = 0.025": the noun phrase the sentence gives the symbol
_HEAD = (
    r"(?:coefficient|weight|rate|factor|size|constant|threshold|temperature|penalty|strength|scale|margin|"
    r"radius|width|length|horizon|probability|ratio|decay|momentum|bandwidth|parameter|term|budget|number)"
)
_GENERIC = r"(?:coefficient|parameter|constant|term|factor|weight)"  # a bare one: the symbol names it
_NOT_NOUN = r"(?!(?:the|a|an|this|that|it|its|our|which|and|or|is|was|of|with|for|on|in|by|to|at|from|as)\b)"
SET_TO_BEFORE = re.compile(
    rf"(?<![\w-])(?P<noun>(?:{_NOT_NOUN}[a-z][a-z-]+\s+){{1,3}}{_HEAD})\s+(?:is|was|are|were)\s+(?:\w+ly\s+)?"
    r"(?:set|fixed|chosen)\s+(?:to|at|as)\s+$"
    # "the noise level is σ = 5", "we set the input feature dimension as p = 200"
    rf"|\bthe\s+(?P<noun2>(?:{_NOT_NOUN}[a-z][a-z-]+\s+){{0,3}}(?:{_HEAD}|level|dimension|distance))\s+(?:is|was)\s+$"
    rf"|\bwe\s+(?:set|fix|choose|chose)\s+the\s+(?P<noun3>(?:{_NOT_NOUN}[a-z][a-z-]+\s+){{0,3}}"
    rf"(?:{_HEAD}|level|dimension|distance))\s+(?:to\s+be|to|as|at)\s+$",
    re.I,
)
# "the gradient penalty coefficient λ is set to 0.1": the noun phrase right before the symbol
NOUN_PHRASE_BEFORE = re.compile(
    rf"\b(?:the|a|an|our)\s+(?P<noun>(?:{_NOT_NOUN}[a-z][a-z-]+\s+){{1,3}}{_HEAD}|{_GENERIC})\s+$", re.I
)
# "λ = 0.1 is the gradient penalty coefficient", "λ = 0.1, which is the gradient penalty coefficient"
IS_THE_AFTER = re.compile(
    rf"\s*(?:,\s*which\s+)?(?:is|was)\s+(?:the|our)\s+(?P<noun>(?:{_NOT_NOUN}[a-z][a-z-]+\s+){{0,3}}{_HEAD})\b",
    re.I,
)
# "the number of visitors is N = 30,000", "we vary the number of ads M = 10, 20": a count the sentence names
COUNT_BEFORE = re.compile(
    rf"\b(?:the|a|our)\s+(?P<noun>(?:(?:total|maximum|max|minimum|min)\s+)?number\s+of\s+[a-z][a-z-]+"
    rf"(?:\s+{_NOT_NOUN}[a-z][a-z-]+){{0,2}})\s+"
    r"(?:(?:is|was)\s+(?:(?:set|fixed|chosen)\s+(?:to|at|as)\s+)?)?$",
    re.I,
)


def named_by_sentence(before: str, after: str) -> str | None:
    """The words the sentence gives an assigned symbol: 'the gradient penalty coefficient is set to λ = 0.1',
    'λ = 0.1 is the gradient penalty coefficient', 'the gradient penalty coefficient λ is set to 0.1'
    (`before` ends at the symbol, `after` starts after the value)."""
    m = SET_TO_BEFORE.search(before) or IS_THE_AFTER.match(after) or NOUN_PHRASE_BEFORE.search(before)
    m = m or COUNT_BEFORE.search(before)
    noun = m and next((m[g] for g in ("noun", "noun2", "noun3") if g in m.re.groupindex and m[g]), None)
    if noun is None or RESULT_WORDS.search(noun):
        return None  # "an error rate ε = 0.04" is a result
    return re.sub(r"\s+", " ", noun).strip()


def in_settings_list(before: str) -> bool:
    """Is the assignment an item of a list the sentence introduces as settings (or that a named setting with
    its value opens: 'mini-batches of size M = 128, K = 500 and λ = 50')?"""
    named = _NAMED_LIST.search(before)
    # 'with parameters γ = 0.7, η = 0.3' names no setting the list belongs to
    named = named and canonical_key(named["name"]) not in ("num_parameters", "parameters")
    listed = LIST_OF_SETTINGS.search(before) or WE_SET_LIST.search(before) or _AFTER_NAMED_ITEM.search(before)
    return bool(listed or named)


# "we use ε = 1 in practice", "r = 0.1 in all experiments": the value the paper runs with throughout
THROUGHOUT = re.compile(
    r"\s*(?:\)\s*)?(?:in\s+(?:(?:all\s+(?:of\s+)?)?(?:our\s+|the\s+)?experiments|practice)|throughout)\b",
    re.I,
)
# "(u = 1500 in our experiments)": the value the paper's runs used, whatever the sentence before it
IN_OUR_EXPERIMENTS = re.compile(r"\s*(?:\)\s*)?in\s+(?:all\s+(?:of\s+)?)?(?:our|the)\s+experiments\b", re.I)
# "we use ε = 1", "we suggest to use ε = 1": the paper's choice only with THROUGHOUT after the value
WE_USE = re.compile(r"\bwe\s+(?:\w+\s+(?:to\s+)?)?(?:use|used|recommend)\s+$", re.I)
# "(with hyperparameter κ = 1)": the symbol is introduced as a setting ("parameters γ" may be of anything)
PARAMETER_WORD = re.compile(r"\bhyper-?parameters?\s+$", re.I)
# "confidence level δ = 0.2", "mixing weight w = 0.3": a two-word name whose head says what kind of setting
NAME_BEFORE = re.compile(
    r"(?<![\w-])(?P<noun>(?P<first>[a-z]{3,})\s+(?:level|rate|size|factor|coefficient|threshold|constant|"
    r"weight|probability|temperature|margin|radius|width|length|order|scale|strength|bandwidth|horizon|"
    r"variance|deviation))\s+$",
    re.I,
)
_NOT_FIRST = {"the", "and", "with", "where", "its", "our", "their", "this", "that", "for", "from", "each"}
# "with bandwidth b = 64", "the temperature T = 1000": a head that names a setting without a first word
HEAD_ALONE = re.compile(
    r"\b(?:the|a|an|with|using|at|and|our)\s+(?P<noun>temperature|bandwidth|tolerance|margin|momentum|"
    r"horizon|radius|threshold|(?:learning|decay|dropout)\s+rate)\s+(?:(?:is|was)\s+(?:\w+ly\s+)?"
    r"(?:set|fixed|chosen)\s+(?:to|at|as)\s+)?$",
    re.I,
)
# "σ = 0.15 fixed", "σ = 0.5 (fixed)": a constant of the experiment
FIXED_AFTER = re.compile(r"\s*\(?\s*fixed\b", re.I)
# "where γ = 10^-3 is a given hyper-parameter": the sentence calls the symbol a setting after its value
SETTING_AFTER = re.compile(r"\s*,?\s*(?:is|are)\s+(?:a|the|our)\s+(?:[a-z-]+\s+)?hyper-?parameters?\b", re.I)
# "we use ϵ = 0.2": the authors' own choice of a value, said plainly (not "we suggest to use")
PLAIN_USE = re.compile(r"\bwe\s+(?:use|used)\s+$", re.I)
# "OPTIMIST2 with κ = 2", "UCB1 using c = 2": a configuration of the method named right before
METHOD_WITH = re.compile(r"(?<![\w-])(?P<method>[A-Z][A-Za-z]*[A-Z0-9][\w-]*)\s+(?:with|using)\s+$")
# "we report results for ε = 10^-2", "curves for ε ∈ {0.1, 0.01}": the runs were made at that value
RUNS_AT = re.compile(
    r"\b(?:results?|curves?|performances?|experiments?|runs?|plots?)\s+(?:[a-z-]+\s+){0,3}?(?:for|with|at)\s+$",
    re.I,
)
# "a test grid of size n = 10^4", "a batch of size B = 64": the size of the thing named
SIZE_OF = re.compile(
    r"(?<![\w-])(?P<noun>[a-z][a-z-]{2,})\s+of\s+(?:size|length|dimension|cardinality)\s+$", re.I
)

GREEK_LETTER = re.compile(r"[α-ωΑ-Ωϵϑϕϱς]")
# "b = 2 ι": the value times a symbol, a formula
GREEK_FACTOR = re.compile(r"\s?[α-ωΑ-Ωϵϑϕϱς](?![\w])")


class Reading(NamedTuple):
    name: str
    key: str
    flagged: bool | str  # a reason when the reading is a guess
    context: str | None = None


# a Greek letter with a word as its subscript names its symbol: 'λ_depth', 'λdepth' (a PDF ran it on)
WORD_SUBSCRIPT = re.compile(r"([α-ωΑ-Ωϵϑϕϱς])_?\{?([a-z]{3,12})\}?(?:\(([a-z\d]{1,3})\))?")


def symbol_key(sym: str) -> str:
    """A key spelled from the symbol itself: 'κ' -> 'kappa', 'β_1' -> 'beta1', 'n_critic' -> 'n_critic'."""
    if re.fullmatch(r"[A-Za-z]_\{?[a-z]{2,}\}?", sym):
        return sym.replace("{", "").replace("}", "")  # a word as subscript names the symbol: n_critic
    plain = sym.replace("_", "").replace("{", "").replace("}", "")
    if word := re.fullmatch(r"(.)_?\{?(min|max|init|final|start|end)\}?", sym):  # ϵ_min, ϵmax: epsilon_min
        return f"{GREEK.get(word[1], word[1])}_{word[2]}"
    if word := WORD_SUBSCRIPT.fullmatch(sym):  # λ_depth, λdepth: lambda_depth; λmul(s): lambda_mul_s
        return f"{GREEK.get(word[1], word[1])}_{word[2]}" + (f"_{word[3]}" if word[3] else "")
    if caps := re.fullmatch(r"(.)_\{?([A-Z]{2,4})\}?", sym):  # λ_KL, λ_GP: lambda_kl, lambda_gp
        return f"{GREEK.get(caps[1], caps[1])}_{caps[2].lower()}"
    return "".join(GREEK.get(ch, ch) for ch in plain)


def size_of(before: str, sym: str) -> Reading | None:
    """'a test grid of size n': the grid's size, stated when the name is a known setting ('batch of size')."""
    m = SIZE_OF.search(before)
    if m is None:
        return None
    key = canonical_key(f"{m['noun']} size")
    return Reading(f"{m['noun']} size {sym}", key, key not in SYNONYMS and UNKNOWN_SIZE)


_NEIGHBOURS = re.compile(r"\bk-?NN\b|\bnearest[\s-]neighbou?rs?\b", re.I)


def read_assigned(before: str, after: str, sym: str, value: str = "") -> Reading | None:
    """The reading of 'sym = value' from the words right before (`before`) and after (`after`) it. With no
    name in the sentence the symbol is the name: stated for a Greek letter (a method's own parameter, "κ")
    and for any letter the paper says it sets ("we set C = 128": its value, by the paper's letter), a
    candidate for a Latin one otherwise, which mostly abbreviates a quantity named in words elsewhere."""
    named = NAME_BEFORE.search(before)
    if named and named["first"].lower() not in _NOT_FIRST and not RESULT_WORDS.search(named["first"]):
        return Reading(f"{named['noun']} {sym}", canonical_key(named["noun"]), False)
    if head := HEAD_ALONE.search(before):
        return Reading(f"{head['noun']} {sym}", canonical_key(head["noun"]), False)
    if sym in ("k", "K") and _NEIGHBOURS.search(before):  # 'the kNN uses cosine distance and k = 5'
        return Reading(f"nearest neighbours {sym}", "num_neighbors", False)
    guessed = not GREEK_LETTER.match(sym)
    if in_settings_list(before):
        return Reading(sym, symbol_key(sym), False)
    said = OWN_SETTING.search(before) or PARAMETER_WORD.search(before) or RUNS_AT.search(before)
    said = said or SETTING_AFTER.match(after) or (not guessed and PLAIN_USE.search(before))
    throughout = THROUGHOUT.match(after) and (said or WE_USE.search(before))
    throughout = throughout or IN_OUR_EXPERIMENTS.match(after)
    if throughout or OWN_SETTING.search(before):  # "we set C = 128": the paper's own setting, by its letter
        return Reading(sym, symbol_key(sym), False)
    if said or FIXED_AFTER.match(after):
        return Reading(sym, symbol_key(sym), guessed and LETTER_ONLY)
    method = METHOD_WITH.search(before)
    if method:
        return Reading(sym, symbol_key(sym), guessed and LETTER_ONLY, method["method"])
    return None


def explicit_one(before: str, after: str = "") -> bool:
    """A value of 1 is a setting only when the sentence introduces it as one ('we set c = 1', 'hyperparameter
    κ = 1', 'we use ε = 1 in practice', an item of a settings list); elsewhere 'x = 1' is mostly an identity
    or an index."""
    throughout = WE_USE.search(before) and THROUGHOUT.match(after)
    listed = in_settings_list(before)  # "we set the hyperparameters to be σw = 1, σz = 1"
    return bool(OWN_SETTING.search(before) or PARAMETER_WORD.search(before) or throughout or listed)
