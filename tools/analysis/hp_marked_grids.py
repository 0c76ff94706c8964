"""A searched grid with its chosen member marked in place: 'learning rates {0.001, 0.01 (best), 0.1}'.

The mark is blanked (same length, so every offset holds) for the scanners to read the grid as any other; the
marked member is then the setting's value, stated beside the grid it was chosen from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tools.analysis.findings import Hyperparameter
from tools.analysis.hp_normalize import SCALAR, normalize_value, values_match
from tools.analysis.hp_paragraphs import sentence_around

_MARK = r"\(\s*(?:best|chosen|selected|default|used|final)\s*\)"
_MEMBER = rf"(?P<value>{SCALAR})(?P<mark>\s*{_MARK})?"
_MARKED_GRID = re.compile(rf"\{{\s*{SCALAR}(?:\s*{_MARK})?(?:\s*,\s*{SCALAR}(?:\s*{_MARK})?)+\s*\}}", re.I)


@dataclass(frozen=True)
class MarkedGrid:
    chosen: str  # the marked member as printed
    members: tuple[str, ...]
    sentence: str  # the sentence as the paper prints it, mark included


def unmark_grids(text: str) -> tuple[str, list[MarkedGrid]]:
    """The text with each grid's one mark blanked, and the grids it marked; a grid with two marks is left as
    it is (which member was chosen is not told)."""
    found: list[MarkedGrid] = []
    chars = list(text)
    for grid in _MARKED_GRID.finditer(text):
        members = list(re.finditer(_MEMBER, grid[0], re.I))
        marked = [m for m in members if m["mark"]]
        if len(marked) != 1:
            continue
        lo, hi = (grid.start() + i for i in marked[0].span("mark"))
        chars[lo:hi] = " " * (hi - lo)
        sentence = sentence_around(text, grid.start(), grid.end())
        found.append(MarkedGrid(marked[0]["value"], tuple(m["value"] for m in members), sentence))
    return "".join(chars), found


def add_choices(items: list[Hyperparameter], grids: list[MarkedGrid]) -> None:
    """Beside each grid finding read off a marked grid, its chosen member as the setting's value; both quote
    the sentence with its mark."""
    for grid in grids:
        want = [normalize_value(v) for v in grid.members]
        for i, h in enumerate(list(items)):
            if isinstance(h.value_normalized, list) and values_match(h.value_normalized, want):
                items[i] = h.model_copy(update={"quote": grid.sentence[:200]})
                if any(o.key == h.key and o.value_normalized == normalize_value(grid.chosen) for o in items):
                    break
                items.append(
                    h.model_copy(
                        update={
                            "value": grid.chosen,
                            "value_normalized": normalize_value(grid.chosen),
                            "quote": grid.sentence[:200],
                        }
                    )
                )
                break
