"""The context a value is stated for, read from its own clause: "32 channels with 3 × 3 filter for
Fashion-MNIST, 64 channels with 5 × 5 filter for SVHN", "on CIFAR-10 we use 3 × 3 kernels", "a learning rate
of 0.1 for the large model". A setting that holds several values then says which is for which."""

from __future__ import annotations

import re

from tools.analysis.hp_normalize import SCALAR

# a dataset's or model's name: capitals or digits inside the word (CIFAR-10, SVHN, ImageNet, Fashion-MNIST,
# ResNet-50), or a model size ("the large model")
_NAMED = r"[A-Z][\w-]*(?:[A-Z]|\d)[\w-]*"
_SIZE = r"(?:small|base|medium|large|tiny|huge)\s+(?:model|network|variant)"
_FOR = re.compile(rf"\b(?i:for|on)\s+(?:the\s+)?(?P<ctx>{_NAMED}|{_SIZE})(?![\w-])")
# where a clause ends: a comma, semicolon, bracket or a sentence's end
_CLAUSE_END = re.compile(r"[,;()]|[.!?](?=\s|$)|\bwhile\b|\bwhereas\b|\band(?=\s+(?:for|on)\b)")
_FOR_AND = re.compile(rf"\b(?i:for|on)\s+(?:the\s+)?(?:{_NAMED})\s+and$")
_REACH = 120


def value_context(text: str, start: int, end: int) -> str | None:
    """The dataset, model or size named by 'for/on X' in the clause of text[start:end]: after the value
    first ('3 × 3 filter for SVHN'), else before it ('on SVHN we use 5 × 5'); None when the clause names
    none or names two ('for MNIST and SVHN we use ...' says nothing of which)."""
    right = _CLAUSE_END.search(text, end, min(len(text), end + _REACH))
    after = text[end : right.start() if right else min(len(text), end + _REACH)]
    found = list(_FOR.finditer(after))
    if not found:
        lo = max(0, start - _REACH)
        cut = max((m.end() for m in _CLAUSE_END.finditer(text, lo, start)), default=lo)
        before = text[cut:start]
        found = list(_FOR.finditer(before))
        if len(found) == 1 and re.search(r"\band\b", before[found[0].end() :][:20]):
            return None  # "for Fashion-MNIST and the SVHN dataset": both
        if _FOR_AND.search(text[max(0, cut - 40) : cut]):
            return None  # "the batch sizes for MNIST and for SVHN are 64 and 256": one value for each
    if len(found) != 1:
        return None
    return re.sub(r"\s+", " ", found[0]["ctx"])


# a value's context when a clause pairs values with contexts: "0.1 for CIFAR-10 and 0.01 for ImageNet",
# "10 for training and 6 for evaluation", "32 (ViT) and 64 (ResNet)"
_PHASE = r"training|evaluation|validation|testing|test|inference|fine-?tuning|pre-?training"
# a part of the model: "0.1 for the MV2 blocks and 0.2 for the transformer blocks", "for the decoder"
_PART = (
    r"(?i:(?:[a-z][\w-]*\s+){0,2}?(?:blocks?|layers?|encoders?|decoders?|branch(?:es)?|heads?|generator|"
    r"discriminator|critic|actor|backbone))"
)
_CTX = (
    rf"(?:(?i:for|on)\s+(?:the\s+)?(?P<ctx>{_PART}|{_NAMED}|{_SIZE}|(?i:{_PHASE}))(?![\w-])"
    rf"|\((?P<par>[^()\d]{{1,30}})\))"
)
_PAIRED = re.compile(rf"\s*{_CTX}")
_NEXT = re.compile(
    rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<value>{SCALAR})(?![\w.])(?:\s+(?P<unit>[a-z]+))??\s*{_CTX}"
)


def paired_values(
    text: str, end: int, unit: str | None = None
) -> tuple[str | None, list[tuple[str, int, int, str]]]:
    """After a value ending at `end` (past its unit, if any): its own context and the further values the
    clause pairs with theirs ("0.1 for CIFAR-10 and 0.01 for ImageNet" -> 'CIFAR-10', [('0.01', ...,
    'ImageNet')]; "100 epochs on MNIST and 200 epochs on SVHN"); (None, []) when none follow."""
    first = _PAIRED.match(text, end)
    if not first:
        return None, []
    more, pos = [], first.end()
    while (m := _NEXT.match(text, pos)) and (m["unit"] or "").lower() in ("", (unit or "").lower()):
        more.append((m["value"], m.start("value"), m.end("value"), _ctx(m)))
        pos = m.end()
    return (_ctx(first), more) if more else (None, [])


def _ctx(m: re.Match[str]) -> str:
    return re.sub(r"\s+", " ", m["ctx"] or m["par"]).strip()
