"""set_scope: the scope of many checklist rows at once (IDs, ID patterns such as EQ-A* or HP-*, or section
names), written into their status and notes cells only, in one atomic write."""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from typing import Annotated, Literal

from pydantic import Field

from tools.analysis.checklist import SCOPES, status_of
from tools.analysis.checklist_tables import CHECKLIST_NAME, cell_spans, find_tables, row_id, split_row
from tools.errors import BadArgument, BadChecklist
from tools.models import ToolResult
from tools.text import table_cell
from tools.workspace import atomic_write, resolve

ScopeChoice = Literal["OUT_OF_SCOPE", "DERIVATION", "IN_SCOPE"]
MAX_REPLY_CHANGES = 400  # 'EQ-12: TODO -> OUT_OF_SCOPE' entries: ~16 kB at most
_ID_LIKE = re.compile(r"[A-Z]{1,6}(?:-\S*|\*)")  # EQ-12, EQ-A*, HP-*, THM*


class ScopeResult(ToolResult):
    path: str = Field(description="the checklist edited")
    scope: ScopeChoice
    matched: int = Field(description="rows the ids matched")
    changes: dict[str, str] = Field(
        description=f"ID -> 'OLD -> NEW' status, for the rows changed (at most {MAX_REPLY_CHANGES})"
    )
    changes_left_out: int = Field(default=0, description="rows changed but not listed in `changes`")
    unchanged: list[str] = Field(
        default_factory=list, description="matched rows that already had this scope (and the reason)"
    )
    written: bool = Field(description="the file was rewritten")

    def summary_text(self) -> str:
        head = (
            f"{self.path}: {len(self.changes) + self.changes_left_out} of {self.matched} matched rows set to "
        )
        lines = [head + self.scope + ("" if self.written else " (nothing to change)")]
        lines += [f"  {item_id}: {change}" for item_id, change in list(self.changes.items())[:40]]
        more = len(self.changes) + self.changes_left_out - 40
        if more > 0:
            lines.append(f"  ... {more} more (use --json)")
        return "\n".join(lines)


class _Row:
    def __init__(self, line: int, item_id: str, heading: str, cells: dict[str, str]):
        self.line, self.id, self.heading, self.cells = line, item_id, heading, cells

    @property
    def section(self) -> str:
        where = self.cells.get("where in the paper") or self.cells.get("where", "")
        if "·" in where:
            return where.split("·", 1)[1].strip()
        return "" if re.match(r"p\.\s*\d|—?$", where) else where


def _rows(lines: list[str]) -> list[_Row]:
    rows = []
    for heading, _header, cols, idx in find_tables(lines):
        for j in idx:
            parts = split_row(lines[j])
            item_id = row_id(parts, cols)
            if item_id:
                rows.append(
                    _Row(j, item_id, heading, {n: parts[k] for n, k in cols.items() if k < len(parts)})
                )
    return rows


def _section_matches(name: str, section: str) -> bool:
    """'C' or 'C Proofs' or 'Proofs' names the section 'C Proofs' and its subsections ('C.2 Bounds')."""
    name, section = name.strip().lower(), section.strip().lower()
    if not section:
        return False
    number, _, title = section.partition(" ")
    if not re.match(r"^[a-z]?[\d.]*\d$|^[a-z]$", number):
        number, title = "", section
    return (
        name in (section, title.strip()) or bool(number) and (number == name or number.startswith(name + "."))
    )


def _matches(pattern: str, row: _Row, headings: set[str]) -> bool:
    """An ID or ID pattern; else a checklist section's heading (that table only); else a paper section."""
    if _ID_LIKE.fullmatch(pattern):
        return fnmatchcase(row.id.lower(), pattern.lower())
    if pattern.lower() in headings:
        return pattern.lower() == row.heading.lower()
    return _section_matches(pattern, row.section)


def _new_notes(old: str, reason: str | None) -> str:
    if not reason:
        return old
    reason = table_cell(reason, 200)
    return old if reason in old else "; ".join(x for x in (reason, old) if x)


def _edit(line: str, cols: dict[str, int], status: str, notes: str | None) -> str:
    spans = cell_spans(line)
    edits = [(spans[cols["status"]], status)]
    if notes is not None:
        edits.append((spans[cols["notes"]], notes))
    for (a, b), text in sorted(edits, reverse=True):
        line = line[:a] + text + line[b:]
    return line


def set_scope(
    checklist_path: Annotated[str, Field(description="IMPLEMENTATION_CHECKLIST.md (a file, or its folder)")],
    ids: Annotated[
        list[str],
        Field(
            description="the rows: IDs (EQ-12), ID patterns with * and ? (EQ-A*, HP-*, EQ-p1?-*), or section "
            "names: a checklist section (Hyperparameters: that table only), else the paper's (C, C Proofs, "
            "Proofs: with its subsections)"
        ),
    ],
    scope: Annotated[
        ScopeChoice,
        Field(
            description="OUT_OF_SCOPE (needs a reason), DERIVATION (a proof step) or IN_SCOPE (back to TODO)"
        ),
    ],
    reason: Annotated[
        str | None, Field(description="why, added to each changed row's notes (required for OUT_OF_SCOPE)")
    ] = None,
) -> ScopeResult:
    """Set the scope of many checklist rows at once: their status cell becomes `[-] OUT_OF_SCOPE`,
    `[-] DERIVATION` or (IN_SCOPE, for rows now scoped out) `[ ] TODO`, and the reason goes first in their
    notes. Only those two cells change, in one atomic write; an ID or pattern that matches no row refuses the
    whole call. make_checklist re-runs keep these cells; rows a re-run adds come in scope: call again."""
    path = resolve(checklist_path, kind=None, what="checklist_path")
    path = path / CHECKLIST_NAME if path.is_dir() else path
    path = resolve(path, kind="file", what="checklist_path")
    if scope == "OUT_OF_SCOPE" and not (reason or "").strip():
        raise BadArgument("scope OUT_OF_SCOPE needs a reason (it goes in the notes): pass reason=...")
    patterns = [p.strip() for p in ids if p.strip()]
    if not patterns:
        raise BadArgument("ids is empty: pass IDs (EQ-12), patterns (EQ-A*, HP-*) or section names")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise BadChecklist(f"{path} is not UTF-8 text: fix it or write it anew with make_checklist") from e
    lines = text.split("\n")
    rows = _rows(lines)
    if not rows:
        raise BadChecklist(f"{path} has no checklist rows (a table with ID and status columns)")
    chosen = _choose(rows, patterns, path)
    return _apply(path, text, lines, chosen, scope, reason)


def _choose(rows: list[_Row], patterns: list[str], path: object) -> list[_Row]:
    """The rows the patterns match, in file order; every pattern must match one, else nothing is written."""
    headings = {r.heading.lower() for r in rows}
    hits = {p: [r for r in rows if _matches(p, r, headings)] for p in patterns}
    empty = [p for p, found in hits.items() if not found]
    if empty:
        prefixes = sorted({r.id.split("-")[0] + "-*" for r in rows})
        sections = sorted({r.section for r in rows if r.section})[:12]
        raise BadArgument(
            f"{', '.join(map(repr, empty))} matched no row of {path}: nothing was changed. Pass IDs as "
            f"written there, patterns such as {', '.join(prefixes)}, a checklist section "
            f"({', '.join(sorted({r.heading for r in rows}))}) or a paper section "
            f"({'; '.join(sections) or 'none recorded'})"
        )
    picked = {r.line for found in hits.values() for r in found}
    return [r for r in rows if r.line in picked]


def _apply(
    path: object, text: str, lines: list[str], chosen: list[_Row], scope: ScopeChoice, reason: str | None
) -> ScopeResult:
    cols_of = {j: cols for _h, _hd, cols, idx in find_tables(lines) for j in idx}
    changes: dict[str, str] = {}
    unchanged: list[str] = []
    for row in chosen:
        old = status_of(row.cells.get("status", ""))[0]
        if scope == "IN_SCOPE":
            new, cell = ("TODO", "[ ] TODO") if old in SCOPES else (old, None)
        else:
            new, cell = scope, f"[-] {scope}"
        notes = _new_notes(row.cells.get("notes", ""), reason) if cell else None
        cols = cols_of[row.line]
        if notes is not None and notes != row.cells.get("notes", "") and "notes" not in cols:
            raise BadChecklist(f"{path}: the table of {row.id} has no notes column for the reason: add one")
        if cell is None or (new == old and notes == row.cells.get("notes", "")):
            unchanged.append(row.id)
            continue
        if len(split_row(lines[row.line])) != len(cols):
            raise BadChecklist(
                f"{path} line {row.line + 1}: the row of {row.id} has {len(split_row(lines[row.line]))} "
                f"cells, its table header {len(cols)}: fix the row; nothing was changed"
            )
        lines[row.line] = _edit(lines[row.line], cols, cell, notes if "notes" in cols else None)
        changes[row.id] = f"{old} -> {new}" if new != old else f"{old} (reason added)"
    new_text = "\n".join(lines)
    if new_text != text:
        atomic_write(path, new_text)  # type: ignore[arg-type]
    shown = dict(list(changes.items())[:MAX_REPLY_CHANGES])
    return ScopeResult(
        path=str(path),
        scope=scope,
        matched=len(chosen),
        changes=shown,
        changes_left_out=len(changes) - len(shown),
        unchanged=unchanged[:MAX_REPLY_CHANGES],
        written=new_text != text,
    )
