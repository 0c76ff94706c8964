"""The experiment a nested list item's settings belong to: the short title of the item it is nested under.

    - CIFAR10 ResNet                      • PTB LSTM          (a PDF marks levels by glyph, not indent)
       - 40k iterations                   – Adam learning rates {...}
       - Adam learning rates {...}

A title is a name (at most six words, no sentence, no value of its own). Markdown nests by indentation; a
PDF's text has none, so there each new bullet glyph met within one list opens the next level."""

from __future__ import annotations

import re

from tools.analysis.hp_paragraphs import BULLETS
from tools.analysis.hp_table_cells import setting_value
from tools.analysis.hp_vocabulary import SYNONYMS, canonical_key

_ITEM = re.compile(rf"^(?P<indent>\s*)(?P<mark>[-*{BULLETS}])\s+(?P<text>\S.*)$")
_TITLE = re.compile(r"[^\s.:;=,]+(?:\s+[^\s.:;=,]+){0,5}")
_VALUE = re.compile(r"\d+(?:\.\d+)?\s*(?:[kKM]\b|%|$)|\{|=")


def list_titles(markdown: str) -> dict[int, str]:
    """1-based line number of each nested list item -> the title of the item it is nested under."""
    out: dict[int, str] = {}
    stack: list[tuple[int, str | None]] = []  # (level, title) of the open items
    glyphs: list[str] = []  # a PDF list's glyphs in the order met: the level of each
    for no, raw in enumerate(markdown.split("\n"), start=1):
        m = _ITEM.match(raw)
        if not m:
            if raw.strip() and not raw.startswith((" ", "\t")):
                stack, glyphs = [], []  # a paragraph at the margin ends the list
            continue
        level = _level(m, glyphs)
        stack = [(lv, t) for lv, t in stack if lv < level]
        if stack and stack[-1][1]:
            out[no] = stack[-1][1]
        text = m["text"].strip().strip("*")
        stack.append((level, text if _TITLE.fullmatch(text) and not _VALUE.search(text) else None))
    return out


def _level(m: re.Match[str], glyphs: list[str]) -> int:
    if m["mark"] in "-*" or m["indent"]:
        return len(m["indent"].expandtabs(4))
    if m["mark"] not in glyphs:
        glyphs.append(m["mark"])
    return glyphs.index(m["mark"])


# a nested item that gives its title's setting for one part: '- Generator: 1e-3' under '- Learning rate'
_PART_VALUE = re.compile(
    rf"^\s*(?:[-*{BULLETS}]\s+)?(?P<part>[A-Za-z][\w -]{{0,30}}?)\s*:\s*(?P<value>\S.*?)\s*$"
)


def titled_value(title: str | None, text: str) -> tuple[str, str, str] | None:
    """(setting name, part, value) of a nested item naming only the part a setting's value is for
    ('- Generator: 1e-3' under '- Learning rate'), when the title names a known setting and the part does
    not; None otherwise."""
    m = _PART_VALUE.match(text)
    if not (title and m and canonical_key(title) in SYNONYMS) or canonical_key(m["part"]) in SYNONYMS:
        return None
    value = setting_value(m["value"])
    return (title, m["part"], value[0]) if value else None
