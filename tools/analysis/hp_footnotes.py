"""A footnote mark set right after a number can read as part of it: 'β = 1⁷' comes out as 'β = 17' when the
text layer does not raise the mark. A page whose footnote n has no mark ⁿ anywhere in its body may have lost
that mark into a number, so a stated value on that page ending in n becomes a candidate for the agent to
check against the page."""

from __future__ import annotations

import re

from tools.analysis.findings import Hyperparameter
from tools.analysis.findings import MarkdownLine as _Line

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(_SUPERSCRIPTS, "0123456789")
_FOOTNOTE = re.compile(rf"^[{_SUPERSCRIPTS}]{{1,2}}\S")
_NOTE_MARK = re.compile(rf"(?:^|(?<=\s))([{_SUPERSCRIPTS}]{{1,2}})(?=[A-Z(\[]|https?:)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
GLUED_MARK = "footnote {n} of this page has no mark in its text: the mark may be glued to this value"


def _unmarked(lines: list[_Line]) -> dict[int, set[str]]:
    """Per page, the numbers of the footnotes whose mark appears nowhere else on the page."""
    notes: dict[int, set[str]] = {}
    body: dict[int, list[str]] = {}
    for ln in lines:
        if ln.page is None:
            continue
        if _FOOTNOTE.match(ln.text):  # a footnote line, maybe several notes run together
            notes.setdefault(ln.page, set()).update(_NOTE_MARK.findall(ln.text))
        else:
            body.setdefault(ln.page, []).append(ln.text)
    texts = {page: "".join(body.get(page, [])) for page in notes}
    return {page: {n.translate(_TO_DIGITS) for n in ns if n not in texts[page]} for page, ns in notes.items()}


def demote_glued_marks(findings: list[Hyperparameter], lines: list[_Line]) -> list[Hyperparameter]:
    """The findings, a stated number that may hold a lost footnote mark as a candidate."""
    lost = _unmarked(lines)
    if not lost:
        return findings
    out = []
    for f in findings:
        value = str(f.value).strip()
        marks = lost.get(f.page or -1, set())
        # what is left without the mark is a number itself ('0.1' is no '0.' with mark 1)
        n = next((n for n in marks if value.endswith(n) and _NUMBER.fullmatch(value[: -len(n)])), None)
        # where a mark goes: at the end of a clause, right before its punctuation ('β = 17.')
        closes = n and re.search(rf"(?<![\d.]){re.escape(value)}(?=[.,;:)]|\s*$)", f.quote or "")
        if closes and f.confidence == "stated" and _NUMBER.fullmatch(value):
            f = f.model_copy(update={"confidence": "candidate", "doubt": GLUED_MARK.format(n=n)})
        out.append(f)
    return out
