"""A setting raised after a first phase: 'the learning rate is set to 0.0001 for the first epoch, then
increased to 0.001', 'momentum 0.5 for the first 5 epochs, then raised to 0.9'.

The first value holds only while the run warms up: it becomes a candidate, and the value it is raised to is
the setting's, stated under the same name. (A value lowered after the first phase is a decay, read
elsewhere.)"""

from __future__ import annotations

import re

from tools.analysis.findings import Hyperparameter
from tools.analysis.hp_normalize import SCALAR, normalize_value, values_match

_RAISED = re.compile(
    rf"(?P<first>{SCALAR})\s+(?:for|during|in|over)\s+the\s+(?:first|initial)\s+(?:[\w,]+\s+){{0,2}}?"
    r"(?:epochs?|iterations?|steps?|updates?|episodes?|rounds?)\b,?\s+(?:and\s+)?(?:(?:is|was|are|were)\s+)?"
    r"then\s+(?:(?:is|was|are|were)\s+)?(?:gradually\s+|linearly\s+)?(?:increased|raised|ramped\s+up|grown)\s+"
    rf"to\s+(?P<then>{SCALAR})(?!\d|\.\d)",
    re.I,
)


def raised_after_first_phase(text: str, items: list[Hyperparameter]) -> None:
    """Each finding of a first-phase value in `items` (read from `text`) becomes a candidate, and the value it
    is raised to is added as the setting's, as sure as the first was."""
    for m in _RAISED.finditer(text):
        first, then = normalize_value(m["first"]), normalize_value(m["then"])
        for i, h in enumerate(list(items)):
            if not values_match(h.value_normalized, first) or m["first"] not in h.quote:
                continue
            doubt = f"holds for the first part of the run only; it is then raised to {m['then']}"
            items[i] = h.model_copy(update={"confidence": "candidate", "doubt": h.doubt or doubt})
            if not any(o.key == h.key and values_match(o.value_normalized, then) for o in items):
                items.append(h.model_copy(update={"value": m["then"], "value_normalized": then}))
            break
