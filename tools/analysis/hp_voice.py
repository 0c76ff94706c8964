"""Whose voice a sentence speaks in, and about what: words quoted from another paper, a question a draft
left open, a plot's own settings. A value in such a sentence is never the paper's plain statement of a
setting of its runs."""

from __future__ import annotations

import re

# a quotation of four or more words: '"We use a generic generator with only three convolutional layers"'
_QUOTED = re.compile(r"[\"“](?P<inner>[^\"“”]*?(?:\S+\s+){3,}[^\"“”]*?)[\"”]")
# a question: '[Do we use ADAM for optimization?]', 'Should the rate be 0.1?'
_QUESTION = re.compile(r"\?\s*[\])]?\s*$")
# what is done only to draw a figure: 'smoothed with a Gaussian kernel for visualization purposes'
_FOR_PLOTS = re.compile(
    r"\bfor\s+(?:the\s+)?(?:visuali[sz]ation|plotting|display|illustration)(?:\s+purposes)?\b", re.I
)
# a span a figure shows: 'within the shown 700 steps', 'over the 50 epochs shown'
_SHOWN = r"\b(?:the\s+)?shown\s+{value}\b|\b{value}\s+[a-z]+\s+shown\b"


# a reproduction's clause on what the original did: 'with up to 384 channels used in the original, ...'
# (not 'the authors', whose choices a reproduction often follows: 'as suggested by the authors')
_ORIGINALS = r"{value}\b[^,;.]{{0,50}}?\b(?:used|set|chosen|reported)\s+(?:in|by)\s+the\s+original\b"


def voice_doubt(quote: str, value: str) -> str | None:
    """Why the sentence may not state the value as a setting of the paper's own runs, or None."""
    for m in _QUOTED.finditer(quote):
        if value in m["inner"]:
            return "words quoted from elsewhere (another paper's?), not the paper's own statement"
    if re.search(_ORIGINALS.format(value=re.escape(value)), quote, re.I):
        return "what the reproduced paper used, not the reproduction's own setting"
    if _QUESTION.search(quote):
        return "a question (a draft's open note), not a statement"
    if _FOR_PLOTS.search(quote):
        return "a setting of a figure (for visualisation), not of the runs"
    if re.search(_SHOWN.format(value=re.escape(value)), quote):
        return "the span a figure shows, not a setting"
    return None
