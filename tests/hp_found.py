"""The hyperparameters find_hyperparameters reports for a Markdown text, by key (shared by the hp tests)."""

from __future__ import annotations

from tools.analysis.hyperparams import find_hyperparameters


def found(markdown: str, context: bool = False) -> dict[str, list[tuple]]:
    """key -> (normalised value, confidence[, context]) of each finding, in order."""
    out: dict[str, list[tuple]] = {}
    for h in find_hyperparameters(markdown):
        row = (h.value_normalized, h.confidence, h.context) if context else (h.value_normalized, h.confidence)
        out.setdefault(h.key, []).append(row)
    return out
