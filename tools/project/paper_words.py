"""Settings a paper states in words, read from the checklist for the generated configs: the learning-rate
schedule (HP-lr-schedule) and the optimiser (HP-optimizer, in the paper's words: 'sgd with nesterov
momentum')."""

from __future__ import annotations

import re
from typing import Any

SCHEDULES = ("constant", "cosine", "linear", "step")
# the optimisers a generated config knows, and words that name one of them
OPTIMIZER_WORDS = re.compile(r"\b(?:adamw|adam|sgd|rmsprop|adagrad|stochastic gradient descent|nesterov)\b")


def item_field(item: Any, key: str) -> Any:
    """A field of a checklist item, parsed (a model) or as a dict."""
    return item.get(key) if isinstance(item, dict) else getattr(item, key, None)


def _row(items: list[Any], hp_id: str) -> Any:
    """The checklist's row of that ID whose value is stated (not only candidates), or None."""
    for item in items:
        if str(item_field(item, "id") or "").lower() == hp_id and not item_field(item, "candidate"):
            return item
    return None


def schedule_words(items: list[Any]) -> dict[str, str]:
    """HP key -> the schedule the paper states in words (HP-lr-schedule: cosine, linear, step, constant);
    "lr_schedule@unknown" -> the paper's words for one the generated project does not build."""
    item = _row(items, "hp-lr-schedule")
    if item is None:
        return {}
    text = f"{item_field(item, 'value') or ''} {item_field(item, 'title') or ''}".lower()
    found = [w for w in SCHEDULES if re.search(rf"\b{w}", text)]
    if len(found) == 1:
        return {"lr_schedule": found[0]}
    value = str(item_field(item, "value") or "").strip().lower()  # 'reduce on plateau', 'one-cycle'
    return {"lr_schedule@unknown": value} if value and not found else {}


def optimizer_words(items: list[Any]) -> dict[str, str]:
    """The first optimiser the paper states that the config knows ("optimizer", in the paper's words:
    'sgd with nesterov momentum'), and the others it names ("optimizer@others": another model's, or a
    comparison), when any; "optimizer@unknown" when it names only optimisers the config does not build."""
    item = _row(items, "hp-optimizer")
    if item is None:
        return {}
    stated = [v for v in item_field(item, "values") or [] if not item_field(v, "candidate")]
    names = [str(item_field(v, "value") or "") for v in stated] or [str(item_field(item, "value") or "")]
    known = list(dict.fromkeys(n.lower().strip() for n in names if OPTIMIZER_WORDS.search(n.lower())))
    if not known:  # 'muon', 'lbfgs': the paper's, but no optimiser the generated project builds
        named = ", ".join(dict.fromkeys(n.lower().strip() for n in names if n.strip()))
        return {"optimizer@unknown": named} if named else {}
    out = {"optimizer": known[0]}
    if len(known) > 1:
        out["optimizer@others"] = ", ".join(known[1:])
    return out
