"""The findings of one scan, kept once per (key, value, context) in the order they were found."""

from __future__ import annotations

import re

from tools.analysis.findings import Hyperparameter
from tools.analysis.findings import MarkdownLine as _Line
from tools.analysis.hp_confidence import doubt
from tools.analysis.hp_normalize import flat_value, normalize_value
from tools.analysis.hp_vocabulary import SYNONYMS, WORD_VALUED

# a name only a measurement has (not 'precision' or 'error', which name settings too: bf16, error tolerance)
_MEASURED_NAME = re.compile(
    r"\b(?:accurac(?:y|ies)|psnr|ssim|fid|bleu|rouge(?:-\w+)?|f1|auc|perplexit(?:y|ies)|scores?|top-[15]|"
    r"run-?times?|wall-?clock(?:\s+time)?|misclassification)\b",  # 'Runtime per episode (seconds) | 95.47'

    re.I,
)
_LINK_FIRST = re.compile(r"(?:either|neither|both|whereas|while|where|when|if|and|or|but|then|thus)\b", re.I)
# SGD the sentence says uses Nesterov's momentum: 'SGD with Nesterov momentum', 'SGD with weight decay and
# Nesterov momentum' (torch: SGD(nesterov=True))
_NESTEROV_SGD = re.compile(
    r"\b(?:SGD|stochastic\s+gradient\s+descent)\s+(?:\(SGD\)\s+)?with\s+(?:[\w-]+\s+){0,4}?Nesterov", re.I
)


def _optimizer_name(norm: object, quote: str) -> object:
    """An optimiser's one name: 'stochastic gradient descent' is sgd; SGD with Nesterov's momentum, or
    Nesterov's momentum named alone, is 'sgd nesterov'."""
    if isinstance(norm, str) and norm.startswith("nesterov"):
        return "sgd nesterov"
    if norm in ("sgd", "stochastic gradient descent"):
        return "sgd nesterov" if _NESTEROV_SGD.search(quote) else "sgd"
    return norm


def _thousands_tail(value: str, quote: str) -> bool:
    """Is every occurrence of the value in the sentence the last three digits of a larger number ('4,096';
    '4, 096' as a PDF spaces a maths comma), not an item of a list ('1024, 512, and 1', '64, 128 and 256')?"""
    if not re.fullmatch(r"\d{3}", value):
        return False
    spots = [m.start() for m in re.finditer(rf"(?<!\d){value}(?!\d)", quote)]
    return bool(spots) and all(
        re.search(r"\d,$|(?<![\d,])(?<!\d,\s)\d{1,3},\s$", quote[max(0, k - 6) : k])
        and not re.match(r"\s*,?\s*(?:and|or)?\s*\d", quote[k + 3 :])
        for k in spots
    )

_SPELLED_ACTIVATIONS = {
    "sigmoidal": "sigmoid",
    "leaky rectified linear": "leaky relu",
    "leaky-relu": "leaky relu",
    "leakyrelu": "leaky relu",
    "exponential linear": "elu",
    "hyperbolic tangent": "tanh",
}


_OPTIMIZER_NAMES = frozenset(
    {"sgd", "adam", "adamw", "adamax", "nadam", "radam", "rmsprop", "adagrad", "adadelta"}
)

_OPTIMIZER_KEY = re.compile(r"optim|solver|method|algorithm")
_CROSS_REFERENCE = re.compile(
    r"(?i)(?:see\s+)?(?:fig(?:ure)?s?|tab(?:le)?s?|sec(?:tion)?s?|eqs?|equations?|app(?:endix)?|alg(?:orithm)?)"
    r"\.?\s*(?:[A-Z]\.?)?\d+(?:\.\d+)*[a-z]?"
)


def _no_value(value: str, norm: object, quote: str, key: str, listed: bool = False) -> bool:
    """What was read is no value of the setting at all (`listed`: an item cut from a list of settings)."""
    return bool(
        not value
        or re.fullmatch(r"[A-Za-z]", value)  # 'criterion=b': a letter stands for a value given elsewhere
        or not listed and _thousands_tail(value, quote)  # '096' of 'two 4,096 dimensional layers', alone
        # 'Momentum SGD' in a plot's legend: an optimizer's name is no value of its momentum
        or isinstance(norm, str) and norm in _OPTIMIZER_NAMES and not _OPTIMIZER_KEY.search(key)
        or key in WORD_VALUED and _numeric(norm)  # "Training loss | 0.5": a word-named setting is no number
        or _CROSS_REFERENCE.fullmatch(value)  # "| Posteriors | Figure 4 |": a pointer to another part
    )


class Collector:
    def __init__(self) -> None:
        self.items: list[Hyperparameter] = []
        self._seen: dict[tuple[str, str, str], int] = {}
        self.notes: list[tuple[_Line, str]] = []  # prose a table holds in its cells, to read as sentences
        self.list_context: str | None = None  # the title of the list item the text read now is nested under

    def add(  # noqa: PLR0913
        self,
        line: _Line,
        name: str,
        key: str,
        value: str,
        where: str,
        quote: str,
        unit: str | None = None,
        *,
        context: str | None = None,
        flagged: bool | str = False,
        listed: bool = False,
    ) -> None:
        """Keep one finding per (key, value, context). `listed`: the value was cut from a list of settings
        ('batch 128, 300 epochs'), so '128, 300' is two items, never one number with a thousands comma."""
        value = re.sub(r"\s+", " ", value.strip().strip(",;"))
        context = context or self.list_context
        norm = normalize_value(value)
        if key == "optimizer" and (norm := _optimizer_name(norm, quote)) == "sgd nesterov":
            # the printed value the checklist shows says which SGD it is
            value += "" if "nesterov" in value.lower() else " with Nesterov momentum"
        if key == "lr_schedule" and norm == "without":
            norm = "constant"  # "without any learning rate decay"
        if key.endswith("activation") and isinstance(norm, str) and norm.startswith("rectifi"):
            norm = "relu"  # "rectifier", "rectified linear units"
        if key.endswith("activation") and isinstance(norm, str):
            norm = _SPELLED_ACTIVATIONS.get(norm, norm)  # "sigmoidal", "an exponential linear unit"
        if _no_value(value, norm, quote, key, listed):
            return
        prose = where != "table"
        section = line.section
        if "\ufffd" in name:  # '� initial' from a PDF that could not print ε: the name is not the setting's
            flagged = flagged or "a symbol of its name did not survive the PDF (�): confirm which setting"
        if key not in SYNONYMS and _MEASURED_NAME.search(name):  # 'PSNR for AE: 14.76 dB': a measurement
            flagged = flagged or "named like a result (accuracy, PSNR, error, ...), not a setting"
        if _LINK_FIRST.match(name):  # 'either x = 3' (a plot's text run into a sentence): no setting's name
            flagged = flagged or "its name opens with a word no setting's name does ('either', 'whereas')"
        unsure = doubt(quote, key, value, norm, flagged=flagged, prose=prose, section=section, column=context)
        ident = (key, flat_value(norm), context or "")
        if ident in self._seen:
            old = self.items[self._seen[ident]]
            if old.confidence == "candidate" and not unsure:  # stated plainly later: keep the plain one
                self.items[self._seen[ident]] = old.model_copy(
                    update={
                        "confidence": "stated", "doubt": None, "quote": quote[:200], "line": line.no,
                        "page": line.page, "section": line.section, "name": name.strip(), "value": value,
                        "unit": unit, "where": where,
                    }
                )
            return
        self._seen[ident] = len(self.items)
        self.items.append(
            Hyperparameter(
                line=line.no,
                page=line.page,
                section=line.section,
                name=name.strip(),
                key=key,
                value=value,
                value_normalized=norm,
                unit=unit,
                where=where,
                quote=quote[:200],
                confidence="candidate" if unsure else "stated",
                context=context,
                doubt=unsure,
            )
        )  # type: ignore[arg-type]


def _numeric(norm: object) -> bool:
    return isinstance(norm, float) or isinstance(norm, list) and all(isinstance(v, float) for v in norm)
