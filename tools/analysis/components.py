"""Which architecture words of a sentence name a component of the paper's own model: not a word in its
everyday sense ('how much attention they should pay', 'acts as a bottleneck'), not a cited or baseline
model ('an LSTM baseline (Bahdanau et al., 2015)', 'other options such as the Transformer [12]'), not a
table's header flattened into text. When unsure a word is left out: a wrong component is worse than none."""

from __future__ import annotations

import re

# a citation as the two routes print it: '(Vaswani et al., 2017)', '(He & Sun, 2016; Li, 2019)', '[12, 14]',
# '[vaswani2017attention]', '[resnet]'
CITATION = re.compile(
    r"\((?:[^()]*?(?:et al\.|&|\band\b)?[^()]*?,?\s(?:19|20)\d\d[a-z]?(?:[;,][^()]*)?)\)"
    r"|\[(?:\d+(?:[-–,]\s?\d+)*|[A-Za-z][\w:.-]*(?:,\s?[A-Za-z][\w:.-]*)*|\?\s?)\]"
)
_FUNCTION = re.compile(
    r"(?i)\b(?:the|an?|of|to|in|is|are|was|were|we|our|with|for|that|this|by|on|as|which)\b"
)
_NAMED_MODEL = re.compile(r"\b[A-Z][A-Za-z]*\d+\b|\b[A-Z][a-z]+[A-Z]\w*")  # 'ResNet50', 'WideResNet'
_FIRST_PERSON = re.compile(r"(?i)\b(?:we|our|ours)\b")
# a baseline, other people's models, alternatives the paper did not take
_OTHERS = re.compile(
    r"(?i)\bbaselines?\b|\bcompared (?:to|with)\b|\bother (?:options|models|architectures|methods)\b"
    r"|\b(?:previous|prior|existing|earlier) (?:work|models?|methods?|approaches|architectures?)\b"
    r"|\bcompetitive with\b|\b(?:better|worse) than\b|\boutperform\w*|\bunlike\b"
)
# an entry of the bibliography: '“Learning ... coding,” in Advances', '... Networks.” In: NIPS. 2012.'
_REFERENCE = re.compile(r"[”\"],?\s+(?:in|In:)\s|\bIn:\s|\bProceedings of\b|\bin Advances in\b")
# everyday senses: 'pay attention', 'much attention', 'attention to the details', 'attention is devoted'
_COMMON = {
    "attention": (
        re.compile(
            r"(?i)\b(?:pay|pays|paid|paying|draw\w*|drew|attract\w*|receiv\w*|gain\w*|deserv\w*|devot\w*|"
            r"much|more|less|little|special|particular|close|careful|great|considerable|increasing|growing|"
            r"significant|an|focus\w*|turn\w*|direct\w*|restrict\w*|shift\w*|confin\w*)\b(?:\W+\w+){0,2}\W+$"
        ),
        re.compile(r"(?i)^\s+(?:to\b|(?:is|was|has been|be)\s+(?:paid|devoted|given|drawn)\b)"),
    ),
    # a technical bottleneck is a layer, a block or a size; 'acts as a "bottleneck"', 'the computational
    # bottleneck' are everyday senses
    "bottleneck": (
        None,
        re.compile(
            r"(?i)^[\s-]+(?:layers?|blocks?|dim\w*|sizes?|width|features?|representations?|units?|"
            r"architectures?|modules?|vectors?|codes?|residual)\b"
        ),
    ),
}
# the word's own phrase runs on to a citation: '... LSTM-based baseline (Li, 2015)'
_NEAR_CITATION = re.compile(r"^[\w\s'’-]{0,40}?(?:\b(?:from|of|in|by)\s+)?$")


def prose(sentence: str) -> bool:
    """A sentence of prose, not a table's header, a row of names flattened into one line or a reference."""
    if _REFERENCE.search(sentence):
        return False
    return len(_FUNCTION.findall(CITATION.sub(" ", sentence))) >= 2


def own_components(sentence: str, words: re.Pattern[str]) -> list[str]:
    """The architecture words (lower case, as `words` finds them) that the sentence uses for the paper's own
    model; an empty list when it uses none, is no prose, or is about baselines or other people's models."""
    if not prose(sentence) or _OTHERS.search(sentence):
        return []
    cites = [m.span() for m in CITATION.finditer(sentence)]
    first_person = bool(_FIRST_PERSON.search(CITATION.sub(" ", sentence)))
    out: list[str] = []
    for m in words.finditer(sentence):
        word = m.group(0).lower()
        if any(a <= m.start() < b for a, b in cites) or _common(word, sentence, m):
            continue
        if _cited(sentence, m.end(), cites, first_person):
            continue
        out.append(word)
    return sorted(set(out))


def _common(word: str, sentence: str, m: re.Match[str]) -> bool:
    before, after = _COMMON.get(word, (None, None))
    if word == "bottleneck":
        return not (after and after.match(sentence[m.end() :]))
    ahead = bool(after and after.match(sentence[m.end() :]))
    return bool(before and before.search(sentence[: m.start()])) or ahead


def _cited(sentence: str, end: int, cites: list[tuple[int, int]], first_person: bool) -> bool:
    """A word whose phrase ends in a citation names the cited model. Only a sentence in the first person
    ('we use residual layers [12]') keeps it, and not for a named model ('the ResNet50 (He et al., 2016)')
    or one taken whole 'from [12]'."""
    for a, _ in cites:
        if a < end:
            continue
        gap = sentence[end:a]
        if not _NEAR_CITATION.match(gap):
            return False
        taken = re.search(r"(?i)\b(?:from|of|in|by)\s+$", gap) is not None
        named = _NAMED_MODEL.search(sentence[max(end - 30, 0) : a]) is not None
        return taken or named or not first_person
    return False
