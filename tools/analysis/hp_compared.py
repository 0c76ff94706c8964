"""Settings of the methods a paper compares against, not of its own: "VGG and VGG-FT were trained for 95
epochs" in a paper that compares its model with VGG. A model name counts as compared when the paper names it
beside a comparison word ("we compare with VGG and ResNet-50", "baselines: ...", "outperforms COGP") and never
as its own ("we propose LLGP", "our LLGP", or the name the paper is about: see _dominant). A stated finding
whose sentence opens with such a name, without "we" or "our", becomes a candidate: the agent confirms whether
the paper ran that model with that value."""

from __future__ import annotations

import re
from collections import Counter

from tools.analysis.findings import Hyperparameter
from tools.analysis.hp_confidence import OURS
from tools.analysis.hp_paragraphs import SENTENCE_END

# a model's name: an acronym or a capitalised word with digits or capitals inside ("VGG-FT", "ResNet-50")
_NAME = r"(?<![\w-])(?:[A-Z][A-Za-z]*[A-Z0-9][\w]*|[A-Z]{2,})(?:-[A-Za-z0-9]+)*(?![\w-])"
_COMPARE = re.compile(
    r"\b(?:baselines?|compar(?:e|es|ed|ing|ison)|against|versus|vs\.|outperform\w*|competing|"
    r"state[\s-]of[\s-]the[\s-]art\s+methods?)\b",
    re.I,
)
_OWN = re.compile(
    rf"\b(?:(?i:we)\s+(?:propose|introduce|present|call|name|develop|design)\w*|(?i:our)|called|dubbed|"
    rf"termed|named)\s+(?:(?:a|an|the|new|novel|method|model|approach|framework|algorithm)\s+)*"
    rf"(?:\w+\s+){{0,3}}?\(?(?P<name>{_NAME})"
)
# a sentence about the paper's own work: the names it defines in brackets are the paper's parts
_OUR_SENTENCE = re.compile(r"\s*(?:our|we\s+(?:propose|introduce|present|develop|design))\b", re.I)
# a section on the runs the paper made ('Training details'): a baseline's settings there are the paper's own
_RUNS_SECTION = re.compile(
    r"training|implementation|hyper-?\s?parameter|set-?up\b|details|configuration", re.I
)
# a name opening the sentence, before its verb: "VGG and VGG-FT were trained", "The COGP model uses"
_SUBJECT = re.compile(
    rf"^\s*(?:the\s+|for\s+|in\s+)?(?P<subject>{_NAME}(?:\s*(?:,|and|or)\s*(?:the\s+)?{_NAME})*)", re.I
)


# a name used for data, not a model: "on ImageNet", "the CIFAR-10 dataset", "ImageNet images"
_DATASET = re.compile(
    rf"(?<!based\s)(?<!built\s)(?<!relies\s)\bon\s+(?:the\s+)?(?P<on>{_NAME})"
    rf"|(?P<named>{_NAME})\s+(?:datasets?|benchmarks?|images|test\s+set|validation\s+set|corpus)\b"
)


def compared_names(texts: list[str]) -> set[str]:
    """The model names the paper compares against and never calls its own or uses as data."""
    compared: set[str] = set()
    own: set[str] = set()
    for text in texts:
        own.update(m["name"] for m in _OWN.finditer(text))
        own.update(m["on"] or m["named"] for m in _DATASET.finditer(text))
        for sentence in SENTENCE_END.split(text):
            if _COMPARE.search(sentence):
                compared.update(re.findall(_NAME, sentence))
            if _OUR_SENTENCE.match(sentence):  # 'Our framework has two parts, a flow (CNF) and an SDE (VSDE)'
                own.update(re.findall(rf"\(({_NAME})\)", sentence))
    own.update(_dominant(texts))
    return {name for name in compared if not any(_related(name, o) for o in own)}


_DOMINANT_MIN = 15  # mentions before the paper's most named model can be its subject


def _dominant(texts: list[str]) -> list[str]:
    """The name a paper is about: named at least 15 times and twice as often as any other ('TicTacGPT' in a
    study of TicTacGPT that compares it with a two-layer model), even beside comparison words."""
    counts = Counter(name for text in texts for name in re.findall(_NAME, text)).most_common(2)
    if not counts or counts[0][1] < _DOMINANT_MIN:
        return []
    return [counts[0][0]] if len(counts) == 1 or counts[0][1] >= 2 * counts[1][1] else []


def _related(name: str, own: str) -> bool:
    """'LLGP' and 'LLGP-2': one family of the paper's own models."""
    return name.split("-")[0].lower() == own.split("-")[0].lower()


def of_compared(finding: Hyperparameter, compared: set[str]) -> str | None:
    """Why a stated prose finding is about a compared model (its sentence opens with one), or None."""
    if finding.where != "prose" or finding.confidence == "candidate" or OURS.search(finding.quote):
        return None
    if _RUNS_SECTION.search(finding.section or ""):
        return None  # 'Training details': the runs the paper made, baselines' too
    m = _SUBJECT.match(finding.quote)
    names = set(re.findall(_NAME, m["subject"])) if m else set()
    hit = sorted(names & compared)
    return f"a setting of a compared model ({hit[0]}), not of the paper's own" if hit else None


def demote_compared(findings: list[Hyperparameter], texts: list[str]) -> list[Hyperparameter]:
    """The findings, those about compared models as candidates."""
    compared = compared_names(texts)
    if not compared:
        return findings
    out = []
    for f in findings:
        why = of_compared(f, compared)
        out.append(f.model_copy(update={"confidence": "candidate", "doubt": why}) if why else f)
    return out
