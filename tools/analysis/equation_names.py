"""The name of the quantity an equation defines, from the words right before it in the paper
('... we maximise the variational bound:' -> 'variational bound'), else from its LaTeX \\label key
(eq:variational_bound -> 'variational bound'). Stubs are named after it."""

from __future__ import annotations

import re

# the verbs and punctuation between a name and its equation: '... the loss is given by:'
_NAME_TAIL = re.compile(
    r"(?i)[\s,]*(?:(?:is|are|was|can be|becomes?|reads?|gives?|defined|given|written|computed|expressed|"
    r"as follows|follows|by|as|:)\s*)*[:,]?\s*$"
)
_NAME_PHRASE = re.compile(
    r"(?i)\b(?:the|our|a|an|this|its)\s+((?:[a-z][a-z-]{1,20}\s+){0,2}[a-z][a-z-]{2,20})$"
)
_LEAD = {"following", "above", "below", "resulting"}  # words before a name that are not part of it
# words that show the phrase is not a name (verbs, pronouns, generic nouns)
_NOT_NAME = {
    "same", "first", "second", "other", "form", "equation", "equations", "expression", "result", "one",
    "we", "which", "that", "this", "is", "of", "in", "and", "or", "to", "with", "for", "on", "where",
    "then", "thus", "so", "be", "it", "are", "by", "from", "new", "satisfies", "satisfy", "hold", "holds",
    "have", "has", "get", "gets", "obtain", "yields", "yield", "denote", "denotes", "using", "let", "left",
    "right", "forward", "backward", "case", "cases", "term", "terms", "function", "value", "values", "way",
    "fact", "problem", "condition", "conditions", "into", "onto", "over", "under", "at", "as", "between",
    "via", "per", "than",
}  # fmt: skip
# a one-word name only when it is a quantity in its own right ('loss', not 'function')
_ONE_WORD = {
    "loss", "objective", "bound", "gradient", "update", "estimator", "likelihood", "posterior", "prior",
    "entropy", "divergence", "reward", "return", "advantage", "kernel", "distance", "energy", "score",
    "penalty", "regularizer", "risk", "error", "attention", "softmax", "normalization", "embedding",
    "metric", "norm", "variance", "mean", "covariance", "elbo", "jacobian", "logits", "output",
    "probability", "density", "transition", "policy", "margin", "weight", "weights", "precision", "schedule",
}  # fmt: skip


def equation_name(before: str) -> str | None:
    """The quantity the prose right before an equation names, or None when it names none plainly (a wrong
    name is worse than none)."""
    text = _NAME_TAIL.sub("", before.strip())
    m = _NAME_PHRASE.search(text)
    if not m:
        return None
    words = m.group(1).lower().split()
    while words and words[0] in _LEAD:
        words = words[1:]
    if not words or any(w in _NOT_NAME for w in words) or (len(words) == 1 and words[0] not in _ONE_WORD):
        return None
    return " ".join(words)


# label key words that say where or what kind a label is, not what the equation computes
_KEY_NOISE = {
    "eq", "eqs", "eqn", "eqns", "equ", "equation", "equations", "formula", "sec", "section", "app",
    "appendix", "apdx", "supp", "main", "tmp", "temp", "new", "old", "def", "defn", "label", "lbl", "ref",
    "thm", "lem", "lemma", "theorem", "proof", "prop", "cor", "the", "of", "and",
}  # fmt: skip


def label_name(key: str) -> str | None:
    """The words of a LaTeX \\label key that name the equation ('eq:variational_bound', 'eq:varBound' ->
    'variational bound', 'var bound'), or None when the key holds only numbers, letters and kind words
    ('eq:1', 'eq:a', 'eqn:main')."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", key)
    words = [w.lower() for w in re.split(r"[^A-Za-z0-9]+", spaced) if w]
    words = [w for w in words if w.rstrip("0123456789") not in _KEY_NOISE and re.match(r"[a-z]", w)]
    if not any(len(w) >= 3 for w in words):
        return None
    return " ".join(words[:4])
