"""The checklist's last section: setup sentences stating values no row took, for the agent to read. It has no
ID column (the parser skips it) and is rewritten on every run, where the item tables are merged."""

from __future__ import annotations

from pathlib import Path

from tools.analysis.findings import SettingSentence
from tools.templating import jinja_environment
from tools.text import table_cell, where_cell

TITLE = "Settings to read"
_HEADING = f"## {TITLE}"
_MAX_VALUES = 8


def reading_block(sentences: list[SettingSentence]) -> str:
    """The section as Markdown; empty when there is nothing to read."""
    if not sentences:
        return ""
    rows = [[where_cell(s.page, s.section), _values(s), table_cell(s.text, 300)] for s in sentences]
    env = jinja_environment(Path(__file__).parent / "templates")
    return env.get_template("checklist_reading.md.j2").render(title=TITLE, rows=rows)


def _values(sentence: SettingSentence) -> str:
    return table_cell(", ".join(sentence.values[:_MAX_VALUES]), 80)


def with_reading(text: str, block: str) -> str:
    """`text` with its reading section (heading to the next `## ` heading or the end) replaced by `block`;
    appended at the end when it has none."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip() == _HEADING), None)
    new = block.rstrip("\n").split("\n") if block else []
    if start is None:
        body = text.rstrip("\n")
        return body + ("\n\n" + "\n".join(new) if new else "") + "\n"
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    rest = lines[end:]
    head = lines[:start]
    while head and not head[-1].strip():
        head.pop()
    joined = head + ([""] + new if new else []) + ([""] + rest if rest else [])
    return "\n".join(joined).rstrip("\n") + "\n"
