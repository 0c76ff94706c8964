"""The value cell of a checklist hyperparameter row: every value the paper gives for one setting, each with
its context (dataset, experiment, model size, table column) and whether the scanner is unsure of it.

    3e-4 [MNIST]; 1e-4 [CIFAR-10] (p. 7); 0.9 (candidate: confirm)

make_checklist writes the cell, parse_checklist, init_uv_project and check_coverage read it back."""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

CANDIDATE_MARK = "(candidate: confirm)"
_ENTRY = re.compile(
    # a value printed as a list ('[30, 60]') is the value, not a context
    r"^(?P<value>.+?)(?:\s*\[(?P<context>[^\]]*)\])?(?:\s*\(p\.\s*\d+\))?(?P<cand>\s*\(candidate[^)]*\))?$"
)


class HPValue(BaseModel):
    value: str = Field(description="as printed in the paper")
    value_normalized: float | str | list[float | str] | None = None
    context: str | None = Field(default=None, description="dataset, experiment, model size or table column")
    candidate: bool = Field(default=False, description="the scanner is unsure: confirm before using it")


def format_entry(value: HPValue, page: int | None = None) -> str:
    """One value of the cell: '3e-4 [MNIST] (p. 7)', with the candidate mark when unsure."""
    ctx = value.context.replace("[", "(").replace("]", ")").replace(";", ",") if value.context else None
    text = value.value + (f" [{ctx}]" if ctx else "") + (f" (p. {page})" if page else "")
    return text + (f" {CANDIDATE_MARK}" if value.candidate else "")


def parse_values(cell: str) -> list[HPValue]:
    """The values of a row's value cell; 'unstated' and the '… (+3)' tail give none."""
    from tools.analysis.hyperparams import normalize_value

    out = []
    for part in cell.replace("\\|", "|").split(";"):
        part = part.strip()
        m = _ENTRY.match(part)
        if not m or part.startswith("…") or m["value"].strip().lower() in ("unstated", "—", "-", ""):
            continue
        value = m["value"].strip()
        out.append(
            HPValue(
                value=value,
                value_normalized=normalize_value(value),
                context=(m["context"] or "").strip() or None,
                candidate=bool(m["cand"]),
            )
        )
    return out
