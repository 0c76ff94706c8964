"""Does a sentence state the paper's OWN experimental setup? Decided from its section's heading and its own
words before a value found in it is trusted as a setting.

- own setup: an experiments / setup / implementation-details / training / hyperparameters section (appendix
  ones too), or a sentence that says so ("we use", "is set to", "in our experiments"), or a table column or
  caption of settings;
- not own: theory ("In this section, we derive ...", "Theorem 2"), related work and other methods ("the SGD,
  SVRG and NNAG methods"), results ("the test-set likelihood is maximised at 300 hidden units", a results
  table's Train / Test column), or a section that is no place for settings (introduction, contributions,
  conclusion) when the sentence itself says nothing of a choice;
- unsure: a section named for its topic ("3.2 Reducing gradient noise") whose sentence says neither.

A value found outside the own setup is a `candidate` (see hp_confidence): kept for the agent, never written
into a config as the paper's value. Unsure sentences keep the finding as stated: a topic heading says
nothing, and on 23 labelled papers (both routes) such findings were right 224 times in 226 (218 in 227
before the optimiser-family rule of hp_confidence), as often as those in setup sections (397 in 405)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from tools.analysis.hp_vocabulary import OPTIMIZERS

Kind = Literal["setup", "theory", "related", "results", "other-method", "elsewhere", "unsure"]


@dataclass(frozen=True)
class SetupDecision:
    """own: True (states the paper's own setup), False (theory, others' work, results), None (cannot tell)."""

    own: bool | None
    kind: Kind
    reason: str


# a section where a paper states its own runs: "5 Experiments", "C Experimental details", "4.1 Setup"
_SETUP_SECTION = re.compile(
    r"experiment|set-?up\b|implementation|training|hyper-?\s?parameter|details|settings?\b|configuration|"
    r"evaluation|simulation|numerical|empirical|benchmark|ablation|datasets?\b|protocol|results?\b|"
    r"architectures?\s+and\s+hyper",
    re.I,
)
# a section that is no place for settings: the paper's framing, others' work, its closing words
ELSEWHERE_SECTION = re.compile(
    r"\b(?:abstract|introduction|contributions?|motivation|overview|related|background|literature|"
    r"prior\s+work|previous\s+work|preliminar\w*|notation|proofs?|conclusions?|concluding|discussion|"
    # 'Limitations of absolute positional encodings' is a topic the paper tests, not its own limitations
    r"limitations?(?!\s+of\b)|future\s+work|broader\s+impact|acknowledge?ments?)\b",
    re.I,
)
# a sentence saying what the paper did: "we use / set / train ...", "is set to", "in our experiments" (a
# thesis or report by one author: "I train ...")
OWN_CUE = re.compile(
    r"\b(?:we|(?-i:I))\s+(?:\w+ly\s+)?(?:use[sd]?|set|fix(?:ed)?|train(?:ed)?|choose|chose|select(?:ed)?|run|ran|employ(?:ed)?|"
    r"adopt(?:ed)?|appl(?:y|ied)|initiali[sz]ed?|optimi[sz]ed?|sample[sd]?|dr[ae]w|tuned?|keep|kept|take|took|"
    r"let|follow(?:ed)?|perform(?:ed)?|downsample[sd]?|compute[sd]?|generate[sd]?|split|stop(?:ped)?)\b|"
    r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:set|fixed|chosen|selected|trained|initiali[sz]ed|optimi[sz]ed|"
    r"tuned|used|run|sampled|drawn|updated|annealed|decayed|clipped|downsampled|computed|divided)\b|"
    r"\b(?:in|for|across)\s+(?:all\s+)?(?:our|my|the|these|both|each|every)\s+(?:\w+\s+)?experiments?\b|"
    r"\bhyper-?\s?parameters?\s+(?:are|were|used|for)\b|\bfollowing\s+hyper-?\s?parameters\b|"
    r"\bduring\s+training\b|\bour\s+(?:\w+\s+)?(?:model|network|method|setup)\b",
    re.I,
)
# theory: a statement, a derivation or a bound, not a run
THEORY_CUE = re.compile(
    r"\b(?:theorem|lemma|proposition|corollary|proof)\b|"
    r"\bin\s+this\s+(?:section|paper|work),?\s+we\s+(?:\w+ly\s+)?(?:give|derive|prove|show|analy[sz]e|"
    r"study|introduce|review|recall|present|discuss|propose)\b|"
    # the evidence (variational) lower bound is an objective a run optimises, not a bound stated
    r"\bwe\s+(?:derive|prove)\b|(?<!evidence )(?<!variational )\b(?:upper|lower)\s+bound\b|"
    r"\bunbiased\s+estimat\w*|\basymptotic\w*",
    re.I,
)
# results: what a run measured, not what it was given
RESULTS_CUE = re.compile(
    r"\b(?:test|validation|held-out|training)(?:-set)?\s+(?:set\s+)?(?:error|accuracy|likelihood|loss|"
    r"perplexity)\b[^.;]{0,40}?\b(?:is|was|are|were)\s+(?:\w+\s+)?(?:maximi[sz]ed|minimi[sz]ed|best|highest|"
    r"lowest)\b|\b(?:begins?|starts?)\s+to\s+(?:de|in)crease\b|\b(?:peaks?|saturates?|plateaus?)\s+at\b|"
    r"\bthe\s+(?:largest|smallest|biggest|best|worst)\s+(?:\w+\s+){0,2}(?:trained|tested|evaluated)\b|"
    # an outcome and its quality: "led to a reconstruction with a resolution of 12.2 Å"
    r"\b(?:led|leading|leads)\s+to\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?with\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
    r"(?:resolutions?|accuracy|error|score|loss|precision|recall)\b|"
    # "the student with 5.5M parameters reaches 83% accuracy": a run and what it scored
    r"\b(?:reach(?:es|ed)?|achiev(?:es|ed)|attain(?:s|ed)?|scor(?:es|ed))\s+(?:an?\s+)?(?:\w+\s+)?\d+(?:\.\d+)?\s?%",
    re.I,
)
# another method or a comparison: "the SGD, SVRG, and NNAG methods", "we mixed NNAG with SGD"
_OTHER_METHOD_CUE = re.compile(
    r"\b(?:baselines?|competing\s+methods|compared\s+(?:to|with|against)|in\s+contrast\s+to|versus|vs\.|"
    r"mixed\s+\w+\s+with|\w+-mixing|methods\b)",
    re.I,
)
# a results table's column: a value under it was measured
_RESULT_COLUMN = re.compile(
    r"^(?:train(?:ing)?|test(?:ing)?|val(?:idation)?|dev|held-out)?\s*(?:error|acc(?:uracy)?|loss|nll|"
    r"likelihood|score|perplexity|results?)?\s*(?:\(%\))?$",
    re.I,
)
# a column of the values a cited paper reports, beside the paper's own (a reproduction's 'Model (article)',
# 'Original', 'Reported in [12]')
_CITED_COLUMN = re.compile(
    r"\((?:article|paper|original|reported|official)\)|\b(?:original|reported)\b", re.I
)
# a figure's or table's caption: it describes the paper's runs wherever the float landed
_CAPTION = re.compile(
    r"^\s*\([a-z]\)\s|^\s*(?:\*\*?|_)?(?:Figure|Fig\.|Table)\s+[A-Z]?\d+|^\s*\*[^*]|^\s*\(?\d+\s+runs\b", re.I
)
# an optimiser said to be used: "using Adam", "we utilized AdamW", "trained with SGD", "optimised by RMSProp"
_USED = re.compile(
    r"\busing\b|\buse[sd]?\b|\butili[sz](?:e|ed|ing)\b|\bemploy(?:s|ed|ing)?\b|\badopt(?:s|ed|ing)?\b|"
    r"\b(?:trained|optimi[sz]ed|minimi[sz]ed|fitted|learned|updated)\s+(?:\w+\s+)?(?:with|by|via)\b|"
    # "all experiments were done with SGD", "runs are carried out using Adam"
    r"\b(?:done|run|performed|conducted|carried\s+out)\s+(?:\w+\s+)?(?:with|using)\b|"
    r"\boptimi[sz]er\s*(?:[:=]|\s(?:is|was)\s)",  # "optimizer: Adam", "the optimizer is SGD"
    re.I,
)
_OPTIMIZER_NAME = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(o) for o in OPTIMIZERS)
    + r"|stochastic\s+gradient\s+descent)(?![\w-])",
    re.I,
)


def decide(section: str | None, sentence: str, *, key: str = "", column: str | None = None) -> SetupDecision:
    """Whether `sentence` (under heading `section`) states the paper's own setup, and why. `key` is the
    setting a value was read for; `column` the table column it stood in (None in prose)."""
    if column is not None and column.strip() and _RESULT_COLUMN.fullmatch(column.strip()):
        return SetupDecision(False, "results", f"a value in a results column ({column.strip()})")
    if column is not None and _CITED_COLUMN.search(column):
        return SetupDecision(False, "others", f"a value of the cited work's column ({column.strip()})")
    if THEORY_CUE.search(sentence):
        return SetupDecision(False, "theory", "a sentence of theory (a statement, derivation or bound)")
    if RESULTS_CUE.search(sentence):
        return SetupDecision(False, "results", "a sentence reporting what a run measured")
    if key == "optimizer" and (why := _compared(sentence)):
        return SetupDecision(False, "other-method", why)
    own_cue = bool(OWN_CUE.search(sentence)) or bool(_CAPTION.match(sentence))
    heading = heading_words(section)
    if ELSEWHERE_SECTION.search(heading) and not _SETUP_SECTION.search(heading):
        if own_cue:
            return SetupDecision(True, "setup", "the sentence states a choice, though its section does not")
        return SetupDecision(
            False, "elsewhere", f"section '{heading[:40]}' states no setup and the sentence no choice"
        )
    if _SETUP_SECTION.search(heading):
        return SetupDecision(True, "setup", f"in section '{heading[:40]}'")
    if own_cue:
        return SetupDecision(True, "setup", "the sentence states a choice")
    if key == "optimizer" and not _USED.search(sentence):
        return SetupDecision(False, "theory", "an optimiser named, not said to be used for training")
    return SetupDecision(None, "unsure", "neither the section nor the sentence says")


def setup_section(section: str | None) -> bool:
    """Is `section` one where a paper states its own runs ('5 Experiments', 'C Training details')?"""
    return bool(_SETUP_SECTION.search(heading_words(section)))


def heading_words(section: str | None) -> str:
    """The words of a heading without its number ('5.3. Experimental Setup' -> 'Experimental Setup')."""
    return re.sub(r"^(?:[A-Z]|\d+)(?:\.\d+)*\.?\s+", "", (section or "").strip())


def _compared(sentence: str) -> str | None:
    """An optimiser named among other methods: several optimisers in one sentence, or a comparison word."""
    names = {re.sub(r"\s+", " ", m.group(0).lower()) for m in _OPTIMIZER_NAME.finditer(sentence)}
    if _OTHER_METHOD_CUE.search(sentence) and not re.search(
        r"\bwe\s+(?:use|used|train|trained)\b", sentence, re.I
    ):
        return "an optimiser named among methods compared"
    if len(names) >= 2 and re.search(r"(?:,|\band\b|\bor\b)\s*(?:the\s+)?$", sentence[: _second(sentence)]):
        return "several optimisers listed together (a comparison)"
    return None


def _second(sentence: str) -> int:
    """Where the second optimiser name of a sentence starts."""
    found = list(_OPTIMIZER_NAME.finditer(sentence))
    return found[1].start() if len(found) > 1 else 0
