"""A list of settings written one per item as 'Name: value' ('- **Batch Size:** 4', '- Max New Tokens: 256',
'- **Optimizer:** `adamw_torch`'): once most of a list's items name a known setting, the list is a settings
table written as a list, and an item the scanners left unread is read too, under its own words."""

from __future__ import annotations

import re

from tools.analysis.findings import MarkdownLine
from tools.analysis.hp_normalize import SCALAR
from tools.analysis.hp_vocabulary import SYNONYMS, canonical_key, own_key

_ITEM = re.compile(
    r"^\s*[-*•]\s+(?:\*\*)?(?P<name>[A-Za-z][\w .()/-]{1,40}?)\s*(?:\*\*)?:\s*(?:\*\*)?\s*(?P<value>\S.*)$"
)
# what follows a value: a remark in brackets, a citation, a full stop
_AFTER_VALUE = re.compile(r"\s*(?:\([^()]*\)|\[[^\]]*\])?\s*\.?\s*$")
_CODE_VALUE = re.compile(r"[A-Za-z][\w./-]{0,40}")
MIN_ITEMS = 3


def settings_list_items(lines: list[MarkdownLine]) -> set[int]:
    """The line numbers of the items of each list whose items mostly (and at least two) name known
    settings."""
    out: set[int] = set()
    for run in _runs(lines):
        names = [_name(m["name"]) for m in run.values()]
        known = sum(canonical_key(n) in SYNONYMS for n in names)
        if len(run) >= MIN_ITEMS and known >= 2 and known * 2 >= len(run):
            out |= set(run)
    return out


def item_setting(text: str) -> tuple[str, str, str] | None:
    """An item's (name, key, value) when its value is one number, or one word for a known setting or set as
    code, else None."""
    m = _ITEM.match(text)
    if not m:
        return None
    value = _AFTER_VALUE.sub("", m["value"].replace("\\_", "_")).strip().strip("*").strip()
    name = _name(m["name"])
    code = value.startswith("`") and value.endswith("`")  # '`adamw_torch`': an option as a program takes it
    value = value.strip("`").strip()
    # a word names a choice only for a known setting or as code: '- First layer: Conv2D' describes a network
    word = _CODE_VALUE.fullmatch(value) and (code or canonical_key(name) in SYNONYMS)
    return (name, own_key(name), value) if re.fullmatch(SCALAR, value) or word else None


def _runs(lines: list[MarkdownLine]) -> list[dict[int, re.Match[str]]]:
    """Consecutive list items (blank lines between them allowed), by line number."""
    runs: list[dict[int, re.Match[str]]] = [{}]
    for ln in lines:
        if m := _ITEM.match(ln.text):
            runs[-1][ln.no] = m
        elif ln.text.strip() and runs[-1]:
            runs.append({})
    return [r for r in runs if r]


def _name(name: str) -> str:
    """An item's name without its symbol in brackets: 'LoRA Rank (r)' -> 'LoRA Rank'."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", name).strip()
