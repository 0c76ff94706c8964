"""make_checklist: IMPLEMENTATION_CHECKLIST.md from what grep_equations finds, and its parser.

The file is a contract that later tools re-read (check_coverage rewrites only the Status cells), so its shape
is fixed: one Markdown table per section, each with an `ID` column first, `status` and `notes` columns last.
IDs (stable across re-runs of the same paper):
- EQ-<label> for numbered equations (EQ-12, EQ-A.3); unnumbered displays EQ-p<page>-<n> (the n-th unnumbered
  display on that page) on the PDF route, EQ-u<n> (n-th in the document) on the LaTeX route.
- ALG-<number> (ALG-1, ALG-A.1); an unnumbered algorithm ALG-p<page>-<n> (PDF) or ALG-u<n> (LaTeX).
- Theorem-like: THM- theorem, LEM- lemma, DEF- definition, PROP- proposition, COR- corollary, ASM- assumption,
  REM- remark, CLM- claim, CONJ- conjecture, COND- condition, FACT- fact, PRPTY- property, AX- axiom,
  EX- example, PROB- problem, NOTE- note, EXER- exercise, QUES- question, SOL- solution, CASE- case; then
  the printed number (THM-C.1) or p<page>-<n>.
- COMP-<keyword> for a model component, one per architecture family (COMP-attention, COMP-residual-block).
- HP-<key with hyphens> (HP-learning-rate), one row per hyperparameter with every value the paper states.
Status cell: `[ ] TODO` or `[x] IMPLEMENTED` / `[x] TESTED` / `[x] VERIFIED`; an item left out of the
reproduction says so in its status cell instead: `[-] OUT_OF_SCOPE` (the reason in notes) or `[-] DERIVATION`
(a step of a proof or derivation; make_checklist sets it for equations inside proofs). check_coverage never
rewrites those two and leaves them out of the coverage figure; older checklists (without them) read the same.
Equations have a `name` cell: the quantity the words before the equation name, else (LaTeX route) the words
of its \\label key (stubs are named after it).
Detail cell: SPECIFIED,
PARTIALLY_SPECIFIED, UNSPECIFIED (a standard setting the paper does not state: value `unstated`), ASSUMPTION.
Re-running make_checklist merges: rows whose ID the file already has stay exactly as they are (status, notes,
edits), new IDs are added to their section's table, and text the user added anywhere is kept.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from tools.analysis.checklist_reading import TITLE as READING_TITLE
from tools.analysis.checklist_reading import reading_block, with_reading
from tools.analysis.checklist_tables import CHECKLIST_NAME, ID_CELL, Table, find_tables, row_id, split_row
from tools.analysis.findings import (
    Algorithm,
    ArchitectureSentence,
    Equation,
    Hyperparameter,
    Located,
    Route,
    Theorem,
)
from tools.analysis.hp_values import HPValue, format_entry, parse_values
from tools.analysis.hp_vocabulary import GREEK
from tools.errors import BadArgument, BadChecklist
from tools.models import ToolResult
from tools.templating import jinja_environment
from tools.text import one_line, plural, table_cell, where_cell
from tools.workspace import atomic_write, first_heading, resolve, sidecar_of

ItemKind = Literal["algorithm", "component", "equation", "theorem", "hyperparameter"]
Scope = Literal["IN_SCOPE", "OUT_OF_SCOPE", "DERIVATION"]
STATUSES = ("TODO", "IMPLEMENTED", "TESTED", "VERIFIED")
SCOPES = ("OUT_OF_SCOPE", "DERIVATION")  # status words that take an item out of the reproduction
DETAILS = ("SPECIFIED", "PARTIALLY_SPECIFIED", "UNSPECIFIED", "ASSUMPTION")
# section heading in the file -> kind of its rows (the parser keys on these words)
SECTIONS: dict[ItemKind, str] = {
    "algorithm": "Core Algorithms",
    "component": "Model Components",
    "equation": "Key Equations",
    "theorem": "Theorem-like statements",
    "hyperparameter": "Hyperparameters",
}
THEOREM_PREFIX = {
    "theorem": "THM",
    "lemma": "LEM",
    "definition": "DEF",
    "proposition": "PROP",
    "corollary": "COR",
    "assumption": "ASM",
    "remark": "REM",
    "claim": "CLM",
    "conjecture": "CONJ",
    "condition": "COND",
    "fact": "FACT",
    "property": "PRPTY",
    "axiom": "AX",
    "example": "EX",
    "problem": "PROB",
    # the rest of what Springer's llncs declares (tools/ingest/latex/numbering.py)
    "note": "NOTE",
    "exercise": "EXER",
    "question": "QUES",
    "solution": "SOL",
    "case": "CASE",
}
_PREFIX_KIND: dict[str, ItemKind] = {
    "EQ": "equation",
    "ALG": "algorithm",
    "COMP": "component",
    "HP": "hyperparameter",
    **{p: "theorem" for p in THEOREM_PREFIX.values()},
}
_MAX_COMPONENTS = 20
MAX_REPLY_ITEMS = 250  # the file holds them all; a reply stays well under what a chat client accepts
MAX_REPLY_CHARS = 30_000  # the items' JSON: sent twice (text and structured), ~20k tokens at most
_MAX_VALUES = 6
_MAX_EQUATION = 4000  # the whole body: stubs' docstrings and oracles read it from the checklist


class ChecklistItem(BaseModel):
    id: str = Field(description="stable ID: EQ-12, EQ-p3-1, ALG-1, THM-C.1, COMP-attention, HP-learning-rate")
    kind: ItemKind
    title: str = Field(description="equation body, caption, statement or parameter (shortened)")
    page: int | None = None
    section: str | None = None
    status: str = Field(
        default="TODO", description="TODO, IMPLEMENTED, TESTED, VERIFIED; or OUT_OF_SCOPE / DERIVATION"
    )
    done: bool = Field(default=False, description="the [x] box")
    scope: Scope = Field(
        default="IN_SCOPE",
        description="IN_SCOPE; OUT_OF_SCOPE (reason in notes) or DERIVATION (a proof step): no stub, "
        "not counted",
    )
    name: str | None = Field(default=None, description="equations: the quantity the paper names, if any")
    notes: str = Field(default="", description="the notes cell")
    specified: str = Field(
        default="SPECIFIED", description="SPECIFIED, PARTIALLY_SPECIFIED, UNSPECIFIED, ASSUMPTION"
    )
    route: Route | None = None
    value: str | None = Field(
        default=None, description="hyperparameters: the first value the paper states (None: only candidates)"
    )
    value_normalized: float | str | list[float | str] | None = None
    values: list[HPValue] = Field(
        default_factory=list, description="hyperparameters: every value, with its context and confidence"
    )
    candidate: bool = Field(
        default=False, description="hyperparameters: every value found is a candidate to confirm"
    )


class ChecklistResult(ToolResult):
    path: str = Field(description="the IMPLEMENTATION_CHECKLIST.md written")
    route: Route = Field(description="where the items came from: pdf (converted PDF) or latex (LaTeX source)")
    counts: dict[str, int] = Field(description="items per kind in the file")
    merged: bool = Field(description="an existing checklist was updated instead of written anew")
    added: int = Field(description="items new in this run")
    kept: int = Field(description="items the file already had (their status, notes and edits untouched)")
    unstated: list[str] = Field(description="standard hyperparameters the paper does not state (HP IDs)")
    trains_model: bool = Field(
        default=True,
        description="the paper trains a model (states a training setting or describes components); when "
        "not, the standard training hyperparameters are not listed as unstated (the checklist says so)",
    )
    items: list[ChecklistItem] = Field(
        description=f"the file's items, in-scope ones first (at most {MAX_REPLY_ITEMS} and about "
        f"{MAX_REPLY_CHARS:,} characters of JSON; the file holds them all)"
    )
    items_left_out: int = Field(default=0, description="items in the file but not in this reply")
    settings_to_read: int = Field(
        default=0,
        description=f"setup sentences stating values no row took, listed in the file's '{READING_TITLE}' "
        "section: read them for settings the paper names in its own words",
    )

    def summary_text(self) -> str:
        counts = ", ".join(f"{n} {k}" for k, n in self.counts.items())
        how = (
            f"merged ({self.added} added, {self.kept} kept)"
            if self.merged
            else f"written ({self.added} items)"
        )
        lines = [f"{self.path}: {how}; route {self.route}", f"items: {counts}"]
        if self.unstated:
            lines.append("unstated in the paper: " + ", ".join(self.unstated))
        if not self.trains_model:
            lines.append("no model trained: standard training hyperparameters not listed as unstated")
        if self.settings_to_read:
            lines.append(
                f"{plural(self.settings_to_read, 'setup sentence')} state values no row took: read them "
                f"(section '{READING_TITLE}') and add the real settings as HP rows"
            )
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- rows


def _id_part(text: str) -> str:
    """An ID suffix the checklist parser and code anchors can read: letters, digits, dots and dashes
    ('A.3', '2b'; a tag such as $\\star$ becomes 'star', a Greek letter its name)."""
    spelled = "".join(f"-{GREEK[ch]}-" if ch in GREEK else ch for ch in text)  # 'τ' -> 'tau', never 'x'
    part = re.sub(r"[^A-Za-z0-9.]+", "-", spelled.replace("\\", " ")).strip("-.")
    return part or "x"


def _hp_id(key: str) -> str:
    return f"HP-{_id_part(key.replace('_', '-'))}"


def _unnumbered(prefix: str, page: int | None, n: int) -> str:
    """The n-th unnumbered item of a kind: on its page (PDF route) or in the document (LaTeX route)."""
    return f"{prefix}-p{page}-{n}" if page else f"{prefix}-u{n}"


def _param_name(key: str, written: str) -> str:
    """'batch size ("minibatches of size")': the canonical name, and the paper's words when they differ."""
    name = key.replace("_", " ")
    same = re.sub(r"[\W_]+", " ", written.lower()).strip() == name
    return name if same else f'{name} ("{one_line(written, 30)}")'


def _row(
    item_id: str,
    kind: ItemKind,
    title: str,
    loc: Located,
    specified: str,
    route: Route,
    cells: list[str],
    value: str | None = None,
    norm: Any = None,
    scope: Scope = "IN_SCOPE",
    notes: str = "",
) -> dict[str, Any]:
    item = ChecklistItem(
        id=item_id,
        kind=kind,
        title=one_line(title, 100),
        page=loc.page,
        section=loc.section,
        specified=specified,
        route=route,
        value=value,
        value_normalized=norm,
        scope=scope,
        status="TODO" if scope == "IN_SCOPE" else scope,
        notes=notes,
    )
    where = table_cell(where_cell(loc.page, loc.section), 70)
    hint = loc.render_hint() if kind in ("equation", "algorithm") else None
    if hint:  # the crop that shows it, and what its text may have lost
        check = "check: " + ", ".join(loc.check) if loc.check else ""
        notes = "; ".join(n for n in (notes, hint, check) if n)
        item.notes = notes
    status = "[ ] TODO" if scope == "IN_SCOPE" else f"[-] {scope}"
    cells = [f"**{item_id}**", *cells, where, specified, status, notes]
    return {"item": item, "cells": cells}


def _not_an_equation(body: str) -> bool:
    """An unnumbered 'display' that is a stray symbol or a results row ('Neural FPs 0.52 ± 0.07 ...')."""
    tokens = body.split()
    numbers = sum(bool(re.fullmatch(r"[-−]?\d[\d.,]*%?", t)) for t in tokens)
    return len(re.findall(r"\w", body)) < 3 or "±" in body or numbers * 2 > len(tokens)


def equation_ids(eqs: list[Equation], route: Route) -> list[tuple[str, Equation]]:
    """The checklist ID of each equation (in line order) that gets a row: EQ-12, EQ-u3, EQ-p4-1."""
    out, seen = [], set()
    unnumbered: Counter[Any] = Counter()
    for eq in eqs:
        if not eq.label and _not_an_equation(eq.body):
            continue
        if eq.label:
            item_id = f"EQ-{_id_part(eq.label)}"
        else:
            where = eq.page if route == "pdf" else None
            unnumbered[where] += 1
            item_id = _unnumbered("EQ", where, unnumbered[where])
        if item_id in seen:  # a restated equation prints its label again
            continue
        seen.add(item_id)
        out.append((item_id, eq))
    return out


def _equation_rows(eqs: list[Equation], route: Route) -> list[dict[str, Any]]:
    rows = []
    for item_id, eq in equation_ids(eqs, route):
        body = eq.body.strip()
        spec = "SPECIFIED" if len(body) > 3 else "PARTIALLY_SPECIFIED"
        shown = f"`{table_cell(body, _MAX_EQUATION)}`" if body else "—"
        name = table_cell(eq.name, 40) if eq.name else ""
        scope: Scope = "DERIVATION" if eq.in_proof else "IN_SCOPE"
        notes = "inside a proof" if eq.in_proof else ""
        rows.append(_row(item_id, "equation", body, eq, spec, route, [name, shown], scope=scope, notes=notes))
    return rows


def _algorithm_rows(algs: list[Algorithm], route: Route) -> list[dict[str, Any]]:
    rows, seen = [], set()
    for k, alg in enumerate(algs, start=1):
        item_id = f"ALG-{_id_part(alg.number)}" if alg.number else _unnumbered("ALG", alg.page, k)
        if item_id in seen:
            continue
        seen.add(item_id)
        spec = "SPECIFIED" if alg.steps else "PARTIALLY_SPECIFIED"
        steps = plural(len(alg.steps), "step") if alg.steps else "steps not found"
        rows.append(
            _row(item_id, "algorithm", alg.caption, alg, spec, route, [table_cell(alg.caption, 120), steps])
        )
    return rows


def _theorem_rows(thms: list[Theorem], route: Route) -> list[dict[str, Any]]:
    rows, seen = [], set()
    unnumbered: Counter[str] = Counter()
    for thm in thms:
        prefix = THEOREM_PREFIX.get(thm.kind.lower(), "THM")
        if thm.number:
            item_id = f"{prefix}-{_id_part(thm.number)}"
        else:
            unnumbered[prefix] += 1
            item_id = _unnumbered(prefix, thm.page, unnumbered[prefix])
        if item_id in seen:  # restatements in an appendix
            continue
        seen.add(item_id)
        head = thm.kind.capitalize() + (f" ({thm.title})" if thm.title else "")
        rows.append(
            _row(
                item_id,
                "theorem",
                f"{head}: {thm.text}",
                thm,
                "SPECIFIED",
                route,
                [table_cell(head, 60), table_cell(thm.text, 160)],
            )
        )
    return rows


# architecture keyword -> component family; generic words (layer, block, module, channels) name no family
_FAMILIES: tuple[tuple[str, str], ...] = (
    ("attention", r"attention|multi-?head|heads"),
    ("residual-block", r"residual|skip connection|resblock|resnet"),
    ("convolution", r"conv|convolution\w*|kernel"),
    ("normalization", r"\w*norm\w*"),
    ("embedding", r"embedding\w*"),
    ("encoder", r"encoder\w*"),
    ("decoder", r"decoder\w*"),
    ("transformer", r"transformer\w*"),
    ("mlp", r"mlps?|feed-?forward|hidden units|fully[ -]connected"),
    ("activation", r"relu|gelu|swish|silu|softmax|tanh|sigmoid|activation\w*"),
    ("unet", r"u-?net"),
    ("recurrent", r"lstm|gru|rnns?|recurren\w*"),
    ("pooling", r"pooling"),
    ("resampling", r"downsampl\w*|upsampl\w*"),
    ("bottleneck", r"bottleneck"),
)


_NOT_METHOD = re.compile(r"introduction|related work|prior work|background|conclusion|discussion", re.I)


def _family(keywords: list[str]) -> str | None:
    for kw in keywords:
        for name, rx in _FAMILIES:
            if re.fullmatch(rx, kw.strip().lower()):
                return name
    return None


def _component_rows(sents: list[ArchitectureSentence], route: Route) -> list[dict[str, Any]]:
    """One component per architecture family (attention, residual block, ...): where it is first described,
    how often the paper comes back to it. Sentences naming only generic words (layer, block) are not items."""
    groups: dict[str, list[ArchitectureSentence]] = {}
    for s in sents:
        tokens = s.text.split()
        if _NOT_METHOD.search(s.section or "") or sum(t[:1].isdigit() for t in tokens) * 3 > len(tokens):
            continue  # other people's models, or a flattened results table
        for family in dict.fromkeys(_family([kw]) for kw in s.keywords):
            if family:
                groups.setdefault(family, []).append(s)
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0].line))[:_MAX_COMPONENTS]
    rows = []
    for family, group in sorted(ranked, key=lambda kv: kv[1][0].line):
        first = max(group[:5], key=lambda s: len(s.keywords))  # the early sentence saying most about it
        numbers = any(re.search(r"\d", s.text) for s in group)
        spec = "SPECIFIED" if numbers else "PARTIALLY_SPECIFIED"
        pages = sorted({s.page for s in group if s.page})
        on_pages = f", pages {', '.join(map(str, pages[:8]))}" if pages else ""
        seen_on = plural(len(group), "sentence") + on_pages
        name = family.replace("-", " ")
        cells = [table_cell(name, 40), table_cell(first.text, 160), seen_on]
        rows.append(_row(f"COMP-{family}", "component", f"{name}: {first.text}", first, spec, route, cells))
    return rows


def _doubts(group: list[Hyperparameter]) -> str:
    """Why each candidate value is one ('0.3: sentence about cited work'), for the row's notes."""
    why = [f"{h.value}: {h.doubt}" for h in group if h.confidence == "candidate" and h.doubt]
    return table_cell("candidate " + "; ".join(dict.fromkeys(why)), 200) if why else ""


def _hp_row(key: str, group: list[Hyperparameter], route: Route) -> dict[str, Any]:
    """One setting: every value with its context; candidates marked for the agent to confirm, never the
    row's value when the paper also states one plainly."""
    values = [
        HPValue(value=h.value, value_normalized=h.value_normalized, context=h.context,
                candidate=h.confidence == "candidate")
        for h in group
    ]
    pages = [h.page if h.page and len(group) > 1 else None for h in group]
    order = sorted(range(len(group)), key=lambda i: values[i].candidate)  # stated values first
    shown = [format_entry(values[i], pages[i]) for i in order]
    cell = "; ".join(shown[:_MAX_VALUES]) + (
        f"; … (+{len(shown) - _MAX_VALUES})" if len(shown) > _MAX_VALUES else ""
    )
    stated = [h for h in group if h.confidence != "candidate"]
    first = stated[0] if stated else group[0]
    name = _param_name(key, first.name)
    row = _row(
        _hp_id(key),
        "hyperparameter",
        name,
        first,
        "SPECIFIED" if stated else "PARTIALLY_SPECIFIED",
        route,
        [table_cell(name, 60), table_cell(cell, 160)],
        value=first.value if stated else None,
        norm=first.value_normalized if stated else None,
        notes=_doubts(group),
    )
    row["item"].values = [values[i] for i in order]
    row["item"].candidate = not stated
    return row


# settings only a training run has: a paper that states one (or describes a model's components) trains a model
_TRAINING_KEYS = {"warmup_epochs", "lr_decay", "gradient_clipping", "dropout", "label_smoothing", "ema_rate"}
NO_TRAINING_NOTE = (
    "The paper states no training setting and describes no model component: the standard training "
    "hyperparameters (optimizer, learning rate, batch size, ...) are not listed as unstated. Add their rows "
    "if the reproduction does train a model."
)


def trains_a_model(hps: list[Hyperparameter], has_components: bool) -> bool:
    """The paper trains a model: it describes architecture components or states any training setting (a
    candidate, which the scanner is unsure of, is no evidence: 'one of several kinds of layer', 'two')."""
    from tools.analysis.hyperparams import STANDARD_KEYS

    stated = (h for h in hps if h.confidence != "candidate")
    return has_components or any(h.key in STANDARD_KEYS or h.key in _TRAINING_KEYS for h in stated)


def _hyperparameter_rows(
    hps: list[Hyperparameter], route: Route, trains: bool = True
) -> tuple[list[dict[str, Any]], list[str]]:
    """A row per setting the paper states; with `trains`, also one per standard training setting it does not
    (value `unstated`), listed in the second list."""
    from tools.analysis.hyperparams import STANDARD_KEYS

    by_key: dict[str, list[Hyperparameter]] = {}
    first_key: dict[str, str] = {}  # one row per ID: keys spelled apart ('tau', 'τ') share it
    for hp in hps:
        key = first_key.setdefault(_hp_id(hp.key).lower(), hp.key)
        by_key.setdefault(key, []).append(hp)
    rows = []
    for key, group in by_key.items():
        rows.append(_hp_row(key, group, route))
    unstated: list[str] = []
    if not trains:
        return rows, unstated
    length = {"epochs", "training_steps"}  # either one states how long to train
    warmup = {"warmup_steps", "warmup_epochs"}  # either one states the warmup
    schedule = {"lr_schedule", "lr_milestones", "lr_decay_epochs"}  # milestones or a period: a step schedule
    for key in STANDARD_KEYS:
        stated = any(key in same and same & by_key.keys() for same in (length, warmup, schedule))
        if key in by_key or stated or key == "epochs":
            continue
        item_id = f"HP-{key.replace('_', '-')}"
        name = "training steps or epochs" if key == "training_steps" else key.replace("_", " ")
        unstated.append(item_id)
        cells = [name, "unstated"]
        rows.append(
            _row(
                item_id,
                "hyperparameter",
                name,
                Located(line=0),
                "UNSPECIFIED",
                route,
                cells,
                value="unstated",
            )
        )
    return rows, unstated


# ---------------------------------------------------------------------------------------------- parse

_STATUS = re.compile(r"\[\s*([xX -]?)\s*\]\s*([A-Za-z_]+)?")
_ROUTE = re.compile(r"route:\s*(pdf|latex)", re.I)


def _table_kind(lines: list[str], table: Table) -> ItemKind | None:
    """The kind of a table in a file: from its section heading, else from its first row's ID."""
    for kind, title in SECTIONS.items():
        if title.split()[-1].lower() in table.heading.lower():
            return kind
    for j in table.rows:
        item_id = row_id(split_row(lines[j]), table.cols)
        if item_id:
            return _PREFIX_KIND.get(item_id.split("-")[0])
    return None


def _kind_of(heading: str, item_id: str) -> ItemKind:
    for kind, title in SECTIONS.items():
        if title.split()[-1].lower() in heading.lower():
            return kind
    return _PREFIX_KIND.get(item_id.split("-")[0], "equation")


def status_of(cell: str) -> tuple[str, bool]:
    """A status cell's word (a status or a scope) and whether its box is ticked."""
    m = _STATUS.search(cell)
    done = bool(m and m.group(1).lower() == "x")
    word = (m.group(2) or "").upper() if m else ""
    if not m:  # a status word without a box: 'OUT_OF_SCOPE'
        word = next((w for w in SCOPES if w in cell.upper().replace(" ", "_")), "")
    if word in STATUSES or word in SCOPES:
        return word, done
    return ("IMPLEMENTED" if done else "TODO"), done


def _where_cell(where: str) -> tuple[int | None, str | None]:
    page = re.search(r"p\.\s*(\d+)", where)
    if "·" in where:
        return (int(page.group(1)) if page else None), where.split("·", 1)[1].strip()
    if page:
        return int(page.group(1)), None
    return None, (None if where in ("", "—") else where)


def _item(kind: ItemKind, item_id: str, cells: dict[str, str], route: Route | None) -> ChecklistItem:
    from tools.analysis.hyperparams import normalize_value

    status, done = status_of(cells.get("status", ""))
    page, section = _where_cell(cells.get("where in the paper") or cells.get("where", ""))
    titles = ("equation", "caption", "statement", "component", "parameter")
    title_col = next((c for c in titles if c in cells), "")
    values = parse_values(cells.get("value", "")) if kind == "hyperparameter" else []
    stated = [v for v in values if not v.candidate]
    first = stated[0].value if stated else None
    if kind == "hyperparameter" and not values and "unstated" in cells.get("value", "").lower():
        first = "unstated"
    return ChecklistItem(
        id=item_id,
        kind=kind,
        title=cells.get(title_col, "").strip("`").replace("\\|", "|"),
        page=page,
        section=section,
        status=status,
        done=done,
        scope=status if status in SCOPES else "IN_SCOPE",
        name=cells.get("name", "").replace("\\|", "|").strip() or None if kind == "equation" else None,
        notes=cells.get("notes", ""),
        route=route,
        specified=next((d for d in DETAILS if d == cells.get("detail", "").upper()), "SPECIFIED"),
        value=first,
        value_normalized=None if first in (None, "unstated") else normalize_value(first),
        values=values,
        candidate=bool(values) and not stated,
    )


def parse_checklist(text: str) -> list[ChecklistItem]:
    """The items of a checklist written by make_checklist (and possibly edited since): every row of a table
    whose header has `ID` and `status` columns. Unknown columns and rows without an ID are ignored."""
    lines = text.split("\n")
    route_m = _ROUTE.search(text[:2000])
    route: Route | None = route_m.group(1).lower() if route_m else None  # type: ignore[assignment]
    items: list[ChecklistItem] = []
    for heading, _header, cols, rows in find_tables(lines):
        for j in rows:
            values = split_row(lines[j])
            cells = {name: values[k] for name, k in cols.items() if k < len(values)}
            id_m = ID_CELL.match(cells.get("id", ""))
            if id_m:
                items.append(_item(_kind_of(heading, id_m.group(1)), id_m.group(1), cells, route))
    return items


# ---------------------------------------------------------------------------------------------- write

_COLUMNS: dict[ItemKind, list[str]] = {
    "algorithm": ["ID", "caption", "steps", "where in the paper", "detail", "status", "notes"],
    "component": [
        "ID",
        "component",
        "description",
        "mentions",
        "where in the paper",
        "detail",
        "status",
        "notes",
    ],
    "equation": ["ID", "name", "equation", "where in the paper", "detail", "status", "notes"],
    "theorem": ["ID", "kind", "statement", "where in the paper", "detail", "status", "notes"],
    "hyperparameter": ["ID", "parameter", "value", "where in the paper", "detail", "status", "notes"],
}
_ROUTE_NOTE = {
    "pdf": "text converted from the PDF: check equation bodies against the paper",
    "latex": "equation bodies are the source's exact LaTeX",
}


def _title(md_path: Path, text: str) -> str:
    title = sidecar_of(md_path).title
    if title and title.strip():
        return one_line(title, 120)
    heading = first_heading(text)
    return one_line(heading, 120) if heading else md_path.stem


def _render(
    title: str,
    route: Route,
    source: str,
    rows: dict[ItemKind, list[dict[str, Any]]],
    notes: dict[ItemKind, str] | None = None,
) -> str:
    env = jinja_environment(Path(__file__).parent / "templates")
    sections = [
        {"title": SECTIONS[k], "columns": _COLUMNS[k], "rows": rows[k], "note": (notes or {}).get(k)}
        for k in SECTIONS
    ]
    return env.get_template("checklist.md.j2").render(
        title=title, route=route, route_note=_ROUTE_NOTE[route], source=source, sections=sections
    )


def _fit_row(line: str, cols: dict[str, int], target: dict[str, int]) -> str:
    """A new row rewritten for an older table's columns (matched by name; a column it lacks is dropped,
    one it has that the new row lacks stays empty), so old checklists keep a well-formed table."""
    if cols == target:
        return line
    cells = split_row(line)
    by_name = {name: cells[k] for name, k in cols.items() if k < len(cells)}
    ordered = sorted(target, key=lambda name: target[name])
    return "| " + " | ".join(by_name.get(name, "") for name in ordered) + " |"


def _merge(old: str, new: str, path: Path) -> tuple[str, int]:
    """`old` with the rows of `new` whose IDs it lacks added to the matching section table (or a new section
    at the end). Everything already in `old` stays as it is. Returns the text and the number of rows added."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    old_tables = find_tables(old_lines)
    if not old_tables:
        raise BadChecklist(
            f"{path} exists but has no checklist table (a header with ID and status columns): fix it "
            "by hand, "
            "move it away to write a new one, or pass another out_path"
        )
    have = {it.id for it in parse_checklist(old)}
    inserts: list[tuple[int, list[str]]] = []
    appends: list[str] = []
    added = 0
    for heading, header, _cols, rows in find_tables(new_lines):
        fresh = [
            new_lines[j]
            for j in rows
            if (m := ID_CELL.match(split_row(new_lines[j])[0])) and m.group(1) not in have
        ]
        if not fresh:
            continue
        added += len(fresh)
        kind = _kind_of(heading, "")
        target = next((t for t in old_tables if _table_kind(old_lines, t) == kind), None)
        if target:
            fresh = [_fit_row(line, _cols, target.cols) for line in fresh]
            inserts.append(((target[3][-1] if target[3] else target[1] + 1) + 1, fresh))
        else:
            appends += ["", f"## {heading}", "", new_lines[header], new_lines[header + 1], *fresh]
    for at, fresh in sorted(inserts, reverse=True):
        old_lines[at:at] = fresh
    text = "\n".join(old_lines)
    if appends:
        text = text.rstrip("\n") + "\n" + "\n".join(appends) + "\n"
    return text, added


def make_checklist(
    markdown_path: Annotated[
        str, Field(description="paper.md written by pdf_to_markdown (or the LaTeX route)")
    ],
    out_path: Annotated[
        str | None,
        Field(
            description="where to write IMPLEMENTATION_CHECKLIST.md (a file or a folder); default: beside "
            "the "
            "Markdown, in the paper's workspace folder"
        ),
    ] = None,
) -> ChecklistResult:
    """Write IMPLEMENTATION_CHECKLIST.md: core algorithms, model components, key equations, theorem-like
    statements and a hyperparameter table, each item with a stable ID, its page/section, a status and whether
    the paper specifies it. Hyperparameters a training run needs that the paper does not state are listed as
    unstated, never invented (only when the paper trains a model: a training setting or model components).
    If the checklist exists, new items are merged in and existing rows are kept."""
    from tools.analysis.equations import fill_pages, find_all
    from tools.analysis.findings import ALL_KINDS

    md = resolve(markdown_path, kind="file", what="markdown_path")
    try:
        text = md.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise BadArgument(
            f"markdown_path {markdown_path!r} is not UTF-8 text (byte {e.start}): pass the paper.md that "
            "pdf_to_markdown wrote, or re-save the file as UTF-8"
        ) from e
    out = _out_file(md, out_path)
    from tools.ingest.boxes import read_boxes

    found = find_all(text, set(ALL_KINDS), read_boxes(md))  # grep_equations' logic, without its reply cap
    eqs = sorted(found["numbered"] + found["display"], key=lambda e: e.line)
    route: Route = "latex" if found["_latex"] else "pdf"
    if route == "latex":  # pages (or only the labels' pages) and \label names
        fill_pages(found, md)
    components = _component_rows(found["architecture"], route)
    trains = trains_a_model(found["hyperparameters"], bool(components))
    hp_rows, unstated = _hyperparameter_rows(found["hyperparameters"], route, trains)
    rows: dict[ItemKind, list[dict[str, Any]]] = {
        "algorithm": _algorithm_rows(found["algorithms"], route),
        "component": components,
        "equation": _equation_rows(eqs, route),
        "theorem": _theorem_rows(found["theorems"], route),
        "hyperparameter": hp_rows,
    }
    source = md.name if out.parent == md.parent else str(md)
    notes = {} if trains else {"hyperparameter": NO_TRAINING_NOTE}
    new = _render(_title(md, text), route, source, rows, notes)
    extracted = sum(len(r) for r in rows.values())
    merged = out.is_file()
    if merged:
        try:
            old = out.read_text(encoding="utf-8")
        except UnicodeDecodeError as e:
            raise BadChecklist(
                f"{out} is not UTF-8 text: fix or move it, then run make_checklist again"
            ) from e
        new, added = _merge(old, new, out)
    else:
        added = extracted
    new = with_reading(new, reading_block(found["setting_sentences"]))
    atomic_write(out, new)
    items = parse_checklist(new)
    return ChecklistResult(
        path=str(out),
        route=route,
        counts=dict(Counter(i.kind for i in items)),
        merged=merged,
        added=added,
        kept=extracted - added if merged else 0,
        unstated=unstated,
        trains_model=trains,
        items=(shown := reply_items(items)),
        items_left_out=len(items) - len(shown),
        settings_to_read=len(found["setting_sentences"]),
    )


def _out_file(md: Path, out_path: str | None) -> Path:
    """Where the checklist goes: out_path (a file, or a folder to hold it), else beside the Markdown."""
    if not out_path:
        return md.with_name(CHECKLIST_NAME)
    out = resolve(out_path, must_exist=False, what="out_path")
    return out / CHECKLIST_NAME if out.is_dir() else out


def reply_items(items: list[ChecklistItem]) -> list[ChecklistItem]:
    """The items a reply carries: in-scope ones first (file order otherwise), cut at MAX_REPLY_ITEMS or
    when their JSON passes MAX_REPLY_CHARS, so a paper with many long equations still fits a chat."""
    ordered = sorted(items, key=lambda it: it.scope != "IN_SCOPE")
    shown: list[ChecklistItem] = []
    size = 0
    for item in ordered[:MAX_REPLY_ITEMS]:
        size += len(item.model_dump_json())
        if size > MAX_REPLY_CHARS and shown:
            break
        shown.append(item)
    return shown
