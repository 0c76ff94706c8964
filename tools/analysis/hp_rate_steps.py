"""A step schedule of the learning rate written as its values in turn: 'the learning rate was 0.0001 at start,
0.00001 after 5 epochs, and 0.000001 after 15 epochs'. Each value is a learning rate of its own (a later one
named after the point it starts at), and the points are the schedule's milestones."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tools.analysis.hp_normalize import SCALAR
from tools.analysis.hp_phrased import Spanned

_STEP = (
    rf"(?P<value>{SCALAR})\s+(?:after|from)\s+(?:epoch\s+)?(?P<at>\d{{1,6}})"
    r"(?:\s+(?P<unit>epochs?|steps?|iterations?))?"
)
_START = re.compile(
    r"\b(?:learning[\s-]rates?|lr|step[\s-]size)\b[^.;]{0,40}?"
    rf"(?<![\w.])(?P<first>{SCALAR})\s+(?:at\s+(?:the\s+)?(?:start|beginning)|initially|at\s+first)\s*,",
    re.I,
)
_NEXT = re.compile(rf"\s*(?:and\s+|then\s+)?{_STEP}\s*(?:,|(?=[.;]|\s+and\b))", re.I)


def rate_steps(text: str) -> Iterator[Spanned]:
    """Each learning rate of a schedule written value by value, and the milestones."""
    for m in _START.finditer(text):
        steps, at = [], m.end()
        while step := _NEXT.match(text, at):
            steps.append(step)
            at = step.end()
        if not steps or not steps[-1]["unit"]:
            continue  # 'after 5 epochs': the last step names the unit the points count in
        unit = (steps[-1]["unit"] or "epochs").lower().rstrip("s") + "s"
        yield Spanned("learning_rate", "initial learning rate", m["first"], m.span("first"))
        for s in steps:
            name = f"learning rate after {s['at']} {unit}"
            yield Spanned("learning_rate", name, s["value"], s.span("value"))
        milestones = "[" + ", ".join(s["at"] for s in steps) + "]"
        yield Spanned("lr_milestones", f"lr milestones ({unit})", milestones, steps[0].span("at"))
