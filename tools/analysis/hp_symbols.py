"""Symbols the paper defines (`learning rate α`, `α = 0.001`): which hyperparameter each symbol names, and
the checks that refuse a value that is no setting of the paper's own method."""

from __future__ import annotations

import re

from tools.analysis.hp_assigned import named_by_sentence, symbol_key
from tools.analysis.hp_paragraphs import Para
from tools.analysis.hp_patterns import (
    ATTR_OF,
    COUNT_DEFS,
    FOR_NOUN,
    GAP_FILLER,
    GENERIC_NOUNS,
    NAME_ANY,
    NAMED_SYM,
    NOT_A_NOUN,
    NOT_WHAT,
    NOUN_AFTER_SYM,
    NOUN_BEFORE_SYM,
    RANGE_START,
    SYM_AFTER,
    SYM_BEFORE,
    SYM_IS,
    SYM_SET_AFTER,
    UNIT,
    sampler_step,
)
from tools.analysis.hp_vocabulary import (
    COUNT_KEYS,
    RESULT_WORDS,
    SYMBOL_NAMES,
    SYNONYMS,
    WORD_VALUED,
    canonical_key,
    singular,
)

# plural nouns that count a run's parts and are hardly ever verbs: "for T = 10^5 rounds", "B = 15 bins."
_COUNT_NOUNS = frozenset(
    {
        "rounds", "bins", "particles", "members", "components", "clusters", "layers", "epochs", "episodes",
        "seeds", "folds", "chains", "experts", "arms", "tokens", "dimensions", "units", "filters", "channels",
        "blocks", "iterations", "neighbors", "neighbours", "trials", "replicates", "anchors", "prototypes",
        "centroids", "modes", "atoms", "repetitions", "restarts", "generations", "agents", "rollouts",
        "trajectories",
    }
)


def symbol_named_here(text: str, m: re.Match[str], symbols: dict[str, str]) -> tuple[str, bool] | None:
    """The noun the sentence gives an assigned symbol, and whether it may be taken as stated: a plural noun
    right after the value that the paper counts elsewhere ("K = 5 sweeps" and "the number of sweeps"), a noun
    opening the clause ("targeting δ = 0.9"), a purpose after the value ("γ = 0.4 for exploration"), or a
    noun phrase the sentence sets or equates ("the gradient penalty coefficient is set to λ = 0.025")."""
    end = m.end("value")
    if noun := named_by_sentence(text[max(0, m.start() - 80) : m.start()], text[end : end + 80]):
        # "the penalty λ": λ names it; "we set the margin as γ": a setting the vocabulary knows does
        return (noun if " " in noun or canonical_key(noun) in SYNONYMS else symbol_key(m["sym"])), True
    after = NOUN_AFTER_SYM.match(text, m.end("value"))
    if after and not UNIT.match(after[0]) and not RESULT_WORDS.search(after["noun"]):
        words = after["noun"].split()
        plain = words[0] not in GAP_FILLER and not NOT_A_NOUN.search(words[0])
        counted = f"#{singular(words[-1])}" in symbols or words[-1] in _COUNT_NOUNS
        if counted:  # "K = 5 tracks the teacher": a verb, never counted
            return (after["noun"] if plain else words[-1]), True
    before = NOUN_BEFORE_SYM.search(text[max(0, m.start() - 30) : m.start()])
    if before and not NOT_A_NOUN.search(before["noun"]) and before["noun"] not in GENERIC_NOUNS:
        return before["noun"], True
    purpose = FOR_NOUN.match(text, m.end("value"))
    if purpose and not NOT_A_NOUN.search(purpose["noun"]):
        return purpose["noun"], True
    return None


# 'for at most 500 epochs': a run's cap (early stopping may end it sooner) is its length
_CAPPED_RUN = re.compile(r"\s*[kKM]?\s+(?:training\s+)?(?:epochs|steps|iterations|updates|episodes)\b")


_TIMES_SYMBOL = re.compile(r"\s*[×·*⋅]\s*[A-Za-zα-ω]|\s+x\s+[A-Za-zα-ω]\b")
# a value added to a bracket or a symbol before it: 'n(n + 3)/2 + 1', 'd + 1'
_IN_FORMULA_BEFORE = re.compile(r"(?:[)\]}]|\b[A-Za-zα-ω])\s*[+−-]\s*$|[\d/]\s*\+\s*$")
# a value that multiplies a lone symbol, then goes on: '1/2 v plus a constant', '2 k + 1'
_COEFFICIENT = re.compile(r"\s+(?:(?:log|ln|exp)\s+)?[a-zα-ω](?:_\w+)?\s*(?:[+−-]\s|plus\b|minus\b|times\b)")


_BYTES_OR_DATE = re.compile(
    r"\s*(?:[KMGT]i?B|bytes?|[kmg]iga?bytes)\b"
    r"|\s+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+(?:19|20)\d\d\b"
)


# settings for which zero is a choice (the regulariser or bonus switched off), not a symbol's start value
_ZERO_IS_A_CHOICE = {"weight_decay", "dropout", "label_smoothing", "momentum", "beta1", "warmup_steps"}
_ZERO_IS_A_CHOICE |= {"warmup_epochs", "entropy_coefficient", "seed"}


def zero_is_a_choice(key: str | None) -> bool:
    """'an entropy coefficient of 0.0', 'weight decay 0': off, said outright for a setting that can be off."""
    return bool(key) and (key in _ZERO_IS_A_CHOICE or key.endswith(("_coefficient", "_coef", "_loss_weight")))


def _capped(text: str, start: int, end: int) -> bool:
    """'for no more than 5,000 epochs': a run's length capped (early stopping may end it sooner)."""
    return text[max(0, start - 16) : start].lower().rstrip().endswith("no more than") and bool(
        _CAPPED_RUN.match(text, end)
    )


def rejected(text: str, start: int, end: int, value: float | str | list, key: str | None = None) -> bool:
    """Values that are not settings: years of citations, results (3.5 ± 0.2), bounds ('fewer than 50'),
    'one hundred', zero (unless the named setting `key` is one that zero switches off)."""
    before, after = text[max(0, start - 12) : start].lower(), text[end : end + 12].lower()
    if RANGE_START.match(text, end):
        return True
    if (
        value == 0
        and not zero_is_a_choice(key)
        or re.match(r"\s*±", after)
        or re.search(r"\b(than|least|every|each)\s*$", before) and not _capped(text, start, end)
        or re.search(r"\bmost\s*$", before) and not _CAPPED_RUN.match(text, end)
    ):
        return True
    if re.search(
        r"\b(algorithm|table|figure|fig\.|section|sec\.|eq\.|equation|appendix|theorem|lemma|step|line)\s*$",
        text[max(0, start - 14) : start],
        re.I,
    ):
        return True  # "Algorithm 1 Power iteration" names a box, not one iteration
    # "a final model size of 648 MB": a size in memory or on disk; '27 May 2021': a date (an arXiv stamp the
    # PDF ran into a sentence)
    if _BYTES_OR_DATE.match(text, end):
        return True
    if re.search(r"±\s*$", before) or re.match(r"\s*(hundred|thousand|million|billion)\b", after):
        return True
    if re.match(r"\s*(or|and)\s+(more|fewer|less|greater|higher|lower)\b", after):
        return True
    if re.match(r"\s*(more|fewer|less|greater|higher|lower|smaller|larger)\s+than\b", after):
        return True  # "4 lower than that of UCB": a difference, not a setting
    if re.search(r"\bby\s+(?:a\s+)?(?:\w+\s+)?margin\s+of\s*$", text[max(0, start - 40) : start], re.I):
        return True  # "surpasses the best baseline by a margin of 0.037": a result's lead
    if re.search(r"\b(?:bounded|lies?|lying|belongs?)\s+(?:in|to)\s*$", before):
        return True  # "the rewards are bounded in [0, 1]": an assumption's interval
    if isinstance(value, float) and value < 100 and re.match(r"\d+:\s+[A-Za-z]", text[start : start + 12]):
        return True  # "RESAMPLE 1: Input: ...": an algorithm's line number, not a value
    if _TIMES_SYMBOL.match(text, end):
        return True  # "a batch size of 16 × o^2": a formula of another symbol, not one number
    if _IN_FORMULA_BEFORE.search(text[max(0, start - 12) : start]) or _COEFFICIENT.match(text, end):
        return True  # "n(n + 3)/2 + 1 output neurons", "is 1/2 v plus a constant": a term of a formula
    if re.match(r"\s*/|\s+(successive|consecutive|adjacent|subsequent)\b", after):
        return True  # "R = 1/ −K": a fraction of symbols; "between two successive layers"
    if isinstance(value, float) and 1950 <= value <= 2039:
        # "the European Union's Horizon 2020 programme", "NeurIPS 2019": a name with its year
        named = re.search(r"[a-z,;’']\s+[A-Z][\w-]*\s+$", text[max(0, start - 40) : start])
        return after[:1] in (")", ";") or before.rstrip()[-1:] in (",", "(") or bool(named)
    return False


def _symbol_before(text: str, start: int, key: str) -> re.Match[str] | None:
    """The symbol a name follows: "T diffusion steps" yes, "T learning rate" no; "α, the learning rate" yes;
    'Pdrop ϵls train steps', a header row of symbols, no."""
    window = text[max(0, start - 16) : start]
    before = SYM_BEFORE.search(window)
    if before is None or (key not in COUNT_KEYS and "," not in before.group("sep")):
        return None
    prev = window[: before.start()].split()[-1:]
    return None if prev and _symbol_name(prev[0]) else before


def _symbol_name(name: str) -> bool:
    """A name that is itself a symbol, run together or spaced ('dff', 'd ff', 'P_drop')."""
    return re.sub(r"[\s_]+", " ", name.strip().lower()) in SYMBOL_NAMES


def _name_key(m: re.Match[str], text: str) -> str:
    """The key of a setting's name; a sampler's 'step size' is not gradient descent's learning rate."""
    key = canonical_key(m.group(0))
    if key == "learning_rate" and sampler_step(m.group(0), text[max(0, m.start() - 100) : m.end() + 100]):
        return "proposal_step_size"
    return key


def symbol_map(paras: list[Para]) -> dict[str, str]:
    """Symbols the paper defines as a numeric setting: 'sequence length T', 'T diffusion steps', 'α, the
    learning rate'. Each reading votes (a two-word name counts more than a bare 'steps'); most votes win."""
    votes: dict[str, dict[str, int]] = {}
    fallback: dict[str, str] = {}
    for para in paras:
        text = para.text
        for m in NAME_ANY.finditer(text):
            key = _name_key(m, text)
            if key in WORD_VALUED:
                continue
            weight = 3 if re.search(r"[\s_-]", m.group(0).strip()) else 1
            after = SYM_AFTER.match(text, m.end())
            if _symbol_name(m.group(0)):
                after = None  # 'dff h dk dv': a header row of symbols
            # "mini-batches of size $M=64$": the name of a symbol defined nowhere else
            if not after and key != "num_parameters" and (assigned := SYM_SET_AFTER.match(text, m.end())):
                fallback.setdefault(assigned["sym"], key)
            before = _symbol_before(text, m.start(), key)
            if after and key in COUNT_KEYS and singular(m.group(0).lower()) == m.group(0).lower().strip():
                after = None  # "at iteration n", "layer l": an index, not a count
            defined = SYM_IS.search(text[max(0, m.start() - 60) : m.start()])
            if key == "num_parameters":  # "the parameter σ", "the σ parameter": a parameter, not their count
                after = before = defined = None
            for found in (after, before, defined):
                if found:
                    votes.setdefault(found.group("sym"), {}).setdefault(key, 0)
                    votes[found.group("sym")][key] += weight
        for before_sym, rx in enumerate(COUNT_DEFS):
            for m in rx.finditer(text):
                words = m["what"].split()
                stop = next((k for k, w in enumerate(words) if w in NOT_WHAT), len(words))
                if stop == 0 or (before_sym == 0 and stop < len(words)):
                    continue  # "the number of k-combinations of M": M is not the count
                key = canonical_key("number of " + " ".join(words[:stop]))
                votes.setdefault(m["sym"], {}).setdefault(key, 0)
                votes[m["sym"]][key] += 5  # a definition outweighs the names beside it ("the horizon H")
        for m in NAMED_SYM.finditer(text):  # "a budget n": weighs as much as one definition
            votes.setdefault(m["sym"], {}).setdefault(canonical_key(m["noun"]), 0)
            votes[m["sym"]][canonical_key(m["noun"])] += 3
        for m in ATTR_OF.finditer(text):
            words = [w for w in m["noun"].split() if w not in NOT_WHAT]
            attr, noun = m["attr"], singular(" ".join(words[:1] if m["attr"] != "number" else words))
            key = canonical_key(f"number of {noun}" if attr == "number" else f"{noun} {attr}")
            votes.setdefault(m["sym"], {}).setdefault(key, 0)
            votes[m["sym"]][key] += 3
    counted = {f"#{singular(m[1].lower())}": "count" for p in paras for m in _NUMBER_OF.finditer(p.text)}
    voted = {sym: max(keys, key=lambda k: keys[k]) for sym, keys in votes.items()}
    return fallback | voted | counted


_NUMBER_OF = re.compile(r"\bnumbers?\s+of\s+([A-Za-z]{3,})")
