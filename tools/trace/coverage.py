"""check_coverage: the checklist as a contract, checked against the project's code, tests, configs and last
run.

Evidence per checklist item (anchors: see tools/anchors.py): where it is implemented, which tests verify it,
their last outcome (from a run_tests_on_gpu report), and for hyperparameters the config value against the
paper's. Status is derived from the evidence, never guessed:

- TODO: no code anchor (hyperparameters: no config line names it)
- IMPLEMENTED: anchored in code (hyperparameters: set in a config), but no test / value not checked
- TESTED: implemented and tests are marked with the ID, but they did not all pass in the last run (or did not
  run)
- VERIFIED: implemented and every test marked with the ID passed in the last run (hyperparameters: the config
  value matches the paper's, or a passing test checks it), and none of them is xfail-marked or xfailed: an
  implemented item with such a test stays TESTED (IMPLEMENTED when it has no other test), reported as
  `xfail_remains` with the tests named

Items whose status cell says OUT_OF_SCOPE or DERIVATION (a proof step) keep that cell, are left out of the
totals and of reproduction_coverage, and are counted in `scope`.

With update=True only the status cells of IMPLEMENTATION_CHECKLIST.md change; every other byte stays.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from tools.analysis.checklist_tables import CHECKLIST_NAME, find_tables, row_id, split_row
from tools.analysis.hp_values import HPValue, parse_values
from tools.errors import BadArgument, NotFound
from tools.models import ToolResult
from tools.progress import report as report_progress
from tools.trace.anchors import Anchor, scan_project
from tools.workspace import atomic_write, read_inside, resolve

Outcome = Literal["passed", "failed", "xfail", "skipped", "not run"]
ProblemKind = Literal[
    "unknown_id",
    "untested",
    "test_without_code",
    "config_contradicts_paper",
    "failing_tests",
    "xfail_remains",
    "unparsable_file",
    "checklist_unreadable",
    "checklist_changed",
]
CODE_KINDS = ("equation", "algorithm", "theorem", "component")
STATUS_CELL = {
    "TODO": "[ ] TODO",
    "IMPLEMENTED": "[x] IMPLEMENTED",
    "TESTED": "[x] TESTED",
    "VERIFIED": "[x] VERIFIED",
}


class Where(BaseModel):
    file: str
    line: int
    symbol: str | None = None
    detail: str | None = None


class ConfigValue(BaseModel):
    file: str
    line: int
    key: str | None
    value: str | None
    matches_paper: bool | None = Field(description="None when the paper states no comparable value")
    paper_context: str | None = Field(
        default=None, description="the context of the paper's value it matches (dataset, experiment, column)"
    )
    assumption: bool


class ItemCoverage(BaseModel):
    id: str
    kind: str
    title: str
    status: str = Field(
        description="derived status: TODO, IMPLEMENTED, TESTED or VERIFIED; OUT_OF_SCOPE / DERIVATION as set"
    )
    scope: str = Field(default="IN_SCOPE", description="IN_SCOPE, OUT_OF_SCOPE or DERIVATION")
    previous_status: str = Field(description="the status cell before this check")
    implemented: list[Where] = Field(default_factory=list)
    tests: list[str] = Field(default_factory=list, description="test node ids marked with the ID")
    stubs: list[str] = Field(
        default_factory=list, description="those of the tests statically marked xfail (pending stubs)"
    )
    awaiting: list[str] = Field(
        default_factory=list,
        exclude=True,
        description="oracle tests: they xfail until code implements the ID",
    )
    outcome: Outcome = Field(default="not run", description="worst last outcome over its tests")
    test_outcomes: dict[str, str] = Field(default_factory=dict)
    paper_value: str | None = None
    configs: list[ConfigValue] = Field(default_factory=list)


class Problem(BaseModel):
    kind: ProblemKind
    item_id: str | None = None
    message: str
    file: str | None = None
    line: int | None = None


class KindTotals(BaseModel):
    items: int = 0
    implemented: int = 0
    tested: int = 0
    passing: int = 0


MAX_REPLY_ITEMS = 120
# the items' JSON in a reply, cut at whichever comes first: the reply carries it twice (structured content and
# text), so ~60 kB with problems and totals, under what a chat client accepts (an item is 0.3-1 kB)
MAX_REPLY_CHARS = 30_000


class CoverageResult(ToolResult):
    project: str
    checklist: str
    run_report: str | None = Field(description="the test-run report used (job record path), or None")
    items: list[ItemCoverage]
    problems: list[Problem]
    totals: dict[str, KindTotals] = Field(
        description="per kind, in-scope items only: items, implemented, tested, passing"
    )
    scope: dict[str, int] = Field(
        default_factory=dict, description="items per scope: IN_SCOPE, OUT_OF_SCOPE, DERIVATION"
    )
    reproduction_coverage: float | None = Field(
        description="in-scope EQ and ALG items VERIFIED (implemented, all their tests passing, none "
        "xfail), over all in-scope EQ and ALG items"
    )
    reproduction_counts: str = Field(description="'k/n' behind reproduction_coverage")
    files_scanned: int
    updated: bool = Field(description="the checklist's status cells were rewritten")
    status_changes: dict[str, str] = Field(default_factory=dict, description="ID -> 'OLD -> NEW'")
    seconds: float
    report_path: str | None = Field(
        default=None, description="the full result as JSON (every item), for when `items` is capped"
    )
    items_left_out: int = Field(
        default=0,
        description=f"items not in this reply (it holds at most {MAX_REPLY_ITEMS} and about "
        f"{MAX_REPLY_CHARS:,} characters of JSON); all are in report_path",
    )

    def summary_text(self) -> str:
        cov = "n/a" if self.reproduction_coverage is None else f"{self.reproduction_coverage:.0%}"
        counts = self.reproduction_counts
        lines = [f"reproduction coverage {cov} ({counts} in-scope EQ/ALG implemented and passing)"]
        if any(k != "IN_SCOPE" for k in self.scope):
            scopes = ", ".join(f"{n} {k.lower().replace('_', ' ')}" for k, n in self.scope.items())
            lines.append(f"scope: {scopes} (out of scope and derivation items are not counted above)")
        for kind, t in self.totals.items():
            lines.append(
                f"  {kind}: {t.items} items, {t.implemented} implemented, {t.tested} tested, "
                f"{t.passing} passing"
            )
        if self.run_report is None:
            lines.append("no test run found: outcomes are 'not run' (run_tests_on_gpu, then check again)")
        lines += [f"problem [{p.kind}] {p.message}" for p in self.problems[:40]]
        if len(self.problems) > 40:
            lines.append(f"... {len(self.problems) - 40} more problems (use --json)")
        for item_id, change in self.status_changes.items():
            lines.append(f"status {item_id}: {change}")
        lines.append(f"checklist {'updated' if self.updated else 'not changed'}: {self.checklist}")
        if self.report_path:
            lines.append(f"full report: {self.report_path}")
        return "\n".join(lines)


# ---------------------------------------------------------------- the last test run


def _strip_params(nodeid: str) -> str:
    return re.sub(r"\[.*\]$", "", nodeid)


def find_report(project: Path, run_report: str | None) -> tuple[Path | None, dict[str, Any] | None]:
    """The report given (a JSON path or a job id), else the latest finished one for this project."""
    from tools.runs import jobs

    if run_report:
        if jobs.is_job_id(run_report):
            path = jobs.find_record(run_report)
            if path is None:
                raise NotFound(
                    f"no test-run record for job {run_report} in {jobs.jobs_dir()}: pass the job id that "
                    "run_tests_on_gpu returned, or a report JSON path"
                )
        else:
            path = resolve(run_report, kind="file", what="run_report")
        report = jobs.read_report(path)
        if report is None:
            raise BadArgument(
                f"run_report {run_report!r} is not a run_tests_on_gpu report (no 'tests' list): "
                "pass the job record from .paper-to-code/jobs/ or a job id"
            )
        return path, report
    latest = jobs.latest_record(project)
    return latest if latest else (None, None)


def report_outcomes(path: Path | None, report: dict[str, Any] | None) -> dict[str, list[str]]:
    """Node id (parameters stripped) -> outcomes (from results.jsonl when the report is capped)."""
    from tools.runs import jobs

    if report is None:
        return {}
    tests = list(report.get("tests", []))
    results = jobs.all_results(path) if path and report.get("tests_omitted") else None
    if results is not None:
        tests = [r.model_dump() for r in results]
    out: dict[str, list[str]] = {}
    for t in tests:
        if isinstance(t, dict) and "nodeid" in t:
            out.setdefault(_strip_params(str(t["nodeid"])), []).append(str(t.get("outcome", "")))
    return out


def _worst(outcomes: list[str]) -> Outcome:
    if not outcomes:
        return "not run"
    if any(o in ("failed", "error") for o in outcomes):
        return "failed"
    if all(o in ("passed", "xpassed") for o in outcomes):
        return "passed"
    if any(o == "xfailed" for o in outcomes):
        return "xfail"
    if all(o == "skipped" for o in outcomes):
        return "skipped"
    return "xfail" if "xfailed" in outcomes else "skipped"


# ---------------------------------------------------------------- the checklist file


def _status_cells(text: str) -> tuple[dict[str, list[tuple[int, int, int]]], list[str]]:
    """ID -> [(line index, start, end) of its status cell's content]; plus what makes the file unreadable."""
    lines = text.split("\n")
    cells: dict[str, list[tuple[int, int, int]]] = {}
    errors: list[str] = []
    tables = find_tables(lines)
    if not tables:
        errors.append("no table with ID and status columns")
    for _heading, header, cols, rows in tables:
        for j in rows:
            pipes = [m.start() for m in re.finditer(r"(?<!\\)\|", lines[j])]
            parts = split_row(lines[j])
            item_id = row_id(parts, cols)
            if not item_id:
                continue
            k = cols["status"] + (1 if lines[j].strip().startswith("|") else 0)
            if k >= len(pipes) or len(parts) != len(cols):
                errors.append(
                    f"line {j + 1}: the row of {item_id} has {len(parts)} cells, its table "
                    f"header (line {header + 1}) has {len(cols)}"
                )
                continue
            start, end = pipes[k - 1] + 1 if k else 0, pipes[k] if k < len(pipes) else len(lines[j])
            raw = lines[j][start:end]
            lead = len(raw) - len(raw.lstrip())
            cells.setdefault(item_id, []).append((j, start + lead, start + len(raw.rstrip())))
    return cells, errors


def rewrite_statuses(text: str, statuses: dict[str, str]) -> str:
    """The checklist text with only the status cells of these IDs replaced."""
    cells, _ = _status_cells(text)
    lines = text.split("\n")
    edits: dict[int, list[tuple[int, int, str]]] = {}
    for item_id, status in statuses.items():
        for j, a, b in cells.get(item_id, []):
            edits.setdefault(j, []).append((a, b, STATUS_CELL[status]))
    for j, spans in edits.items():
        line = lines[j]
        for a, b, new in sorted(spans, reverse=True):
            line = line[:a] + new + line[b:]
        lines[j] = line
    return "\n".join(lines)


# ---------------------------------------------------------------- the check


def pending_tests(item: ItemCoverage) -> list[str]:
    """Its tests marked xfail (stubs) or that xfailed in the last run: while one remains, not VERIFIED."""
    return [t for t in item.tests if t in item.stubs or item.test_outcomes.get(t) == "xfail"]


def _derive(item: ItemCoverage) -> str:
    status = _derive_from_tests(item)
    pending = pending_tests(item)
    if status != "VERIFIED" or not pending:
        return status
    return "TESTED" if set(item.tests) - set(pending) else "IMPLEMENTED"


def _derive_from_tests(item: ItemCoverage) -> str:
    real = [t for t in item.tests if t not in item.stubs]
    if item.kind == "hyperparameter":
        if real and item.outcome == "passed":
            return "VERIFIED"
        if not item.configs:
            return "TESTED" if real else "TODO"
        return "VERIFIED" if all(c.matches_paper for c in item.configs) else "IMPLEMENTED"
    if not item.implemented:
        return "TODO"
    if not real:
        return "IMPLEMENTED"
    return "VERIFIED" if item.outcome == "passed" else "TESTED"


def paper_values(text: str) -> dict[str, list[HPValue]]:
    """HP ID -> every value its checklist row gives, with context and confidence
    ('3e-4 [MNIST]; 1e-4 [CIFAR-10] (p. 7)' -> two values)."""
    lines = text.split("\n")
    out: dict[str, list[HPValue]] = {}
    for _heading, _header, cols, rows in find_tables(lines):
        if "value" not in cols:
            continue
        for j in rows:
            parts = split_row(lines[j])
            item_id = row_id(parts, cols)
            if item_id and cols["value"] < len(parts):
                out[item_id] = parse_values(parts[cols["value"]])
    return out


def _config_value(anchor: Anchor, paper: list[HPValue]) -> ConfigValue:
    """A config value against the paper's: it matches when it equals any stated value (one per experiment);
    candidates the agent has not confirmed are no reference."""
    from tools.analysis.hyperparams import values_match

    matches: bool | None = None
    context: str | None = None
    stated = [v for v in paper if not v.candidate]
    if stated and anchor.value is not None:
        hit = next((v for v in stated if values_match(anchor.value, v.value)), None)
        matches = hit is not None
        context = hit.context if hit else None
    return ConfigValue(
        file=anchor.file,
        line=anchor.line,
        key=anchor.symbol,
        value=anchor.value,
        matches_paper=matches,
        paper_context=context,
        assumption=anchor.assumption,
    )


def _unknown_ids(by_id: dict[str, list[Anchor]], known: set[str]) -> list[Problem]:
    """An anchor naming an ID the checklist does not have."""
    return [
        Problem(
            kind="unknown_id",
            item_id=item_id,
            file=a.file,
            line=a.line,
            message=f"{a.file}:{a.line} names {item_id}, which the checklist does not "
            "have (typo, or an item to add with make_checklist?)",
        )
        for item_id, group in sorted(by_id.items())
        if item_id not in known
        for a in group
    ]


def _real_tests(cov: ItemCoverage) -> list[str]:
    """The tests marked with the item's ID that are not xfail stubs."""
    return [t for t in cov.tests if t not in cov.stubs]


def _item_outcome(cov: ItemCoverage) -> Outcome:
    per_test = [cov.test_outcomes[n] for n in _real_tests(cov) or cov.tests]  # stubs count only when alone
    if "failed" in per_test:
        return "failed"
    if not per_test or "not run" in per_test:
        return "not run"  # a test that did not run leaves the item unverified
    return _worst([o.replace("xfail", "xfailed") for o in per_test])


def _item_coverage(
    it: Any, group: list[Anchor], outcomes: dict[str, list[str]], stated: list[HPValue]
) -> ItemCoverage:
    """The evidence for one checklist item, and the status it gives."""
    cov = ItemCoverage(
        id=it.id,
        kind=it.kind,
        title=it.title,
        status="TODO",
        previous_status=it.status,
        paper_value=it.value,
        scope=it.scope,
    )
    cov.implemented = [
        Where(file=a.file, line=a.line, symbol=a.symbol, detail=a.detail) for a in group if a.kind == "code"
    ]
    cov.tests = sorted({a.symbol for a in group if a.kind == "test" and a.symbol})
    cov.stubs = sorted({a.symbol for a in group if a.kind == "test" and a.symbol and a.xfail})
    cov.awaiting = sorted({a.symbol for a in group if a.kind == "test" and a.symbol and a.awaits_code})
    cov.configs = [_config_value(a, stated) for a in group if a.kind == "config"]
    for node in cov.tests:
        cov.test_outcomes[node] = _worst(outcomes.get(node, []))
    cov.outcome = _item_outcome(cov)
    cov.status = _derive(cov) if cov.scope == "IN_SCOPE" else it.status  # a scope the user set stays
    return cov


def _code_problems(it: Any, cov: ItemCoverage, first: Anchor | None) -> list[Problem]:
    """Code without a test, or a test without code, for items implemented in code."""
    real = _real_tests(cov)
    if it.kind not in CODE_KINDS:
        return []
    if cov.implemented and not real:
        w = cov.implemented[0]
        return [
            Problem(
                kind="untested",
                item_id=it.id,
                file=w.file,
                line=w.line,
                message=f"{it.id} is implemented ({w.file}:{w.line}) but no test is marked "
                f'@pytest.mark.paper("{it.id}")' + (" except xfail stubs" if cov.stubs else ""),
            )
        ]
    orphans = [t for t in real if t not in cov.awaiting]  # an oracle test xfails until code exists
    if orphans and not cov.implemented and cov.outcome != "xfail" and first:
        return [
            Problem(
                kind="test_without_code",
                item_id=it.id,
                file=first.file,
                line=first.line,
                message=f"{orphans[0]} tests {it.id}, but no code says `Implements: "
                f"{it.id}` (or `# paper: {it.id}`)",
            )
        ]
    return []


def _said(stated: list[HPValue]) -> str:
    """'3e-4 (MNIST) or 1e-4 (CIFAR-10)': the paper's stated values, each with its context."""
    shown = [v.value + (f" ({v.context})" if v.context else "") for v in stated if not v.candidate]
    return " or ".join(shown) or "nothing definite"


def _value_problems(it: Any, cov: ItemCoverage, stated: list[HPValue], have_report: bool) -> list[Problem]:
    """Config values that contradict the paper without an ASSUMPTION note; tests failing in the last run."""
    problems = [
        Problem(
            kind="config_contradicts_paper",
            item_id=it.id,
            file=c.file,
            line=c.line,
            message=f"{c.file}:{c.line} sets {c.key} = {c.value} for {it.id}, but the "
            f"paper says {_said(stated)}; fix it or add `ASSUMPTION: why` to that comment",
        )
        for c in cov.configs
        if c.matches_paper is False and not c.assumption
    ]
    pending = pending_tests(cov)
    others = set(cov.tests) - set(cov.stubs) or it.kind not in CODE_KINDS  # else `untested` says it
    if pending and (cov.implemented or cov.configs) and others:
        problems.append(
            Problem(
                kind="xfail_remains",
                item_id=it.id,
                message=f"{it.id} is implemented but not verified while tests for it are xfail-marked or "
                f"xfailed: {', '.join(pending[:5])}; make them real checks, delete the stubs, or run the "
                "tests again",
            )
        )
    if have_report and cov.outcome == "failed":
        bad = [n for n, o in cov.test_outcomes.items() if o == "failed"]
        problems.append(
            Problem(
                kind="failing_tests",
                item_id=it.id,
                message=f"{it.id}: failing in the last run: {', '.join(bad[:5])}",
            )
        )
    return problems


def _collect(
    items: list[Any],
    anchors: list[Anchor],
    outcomes: dict[str, list[str]],
    have_report: bool,
    values: dict[str, list[HPValue]],
) -> tuple[list[ItemCoverage], list[Problem]]:
    by_id: dict[str, list[Anchor]] = {}
    for a in anchors:
        by_id.setdefault(a.item_id, []).append(a)
    problems = _unknown_ids(by_id, {it.id for it in items})
    out: list[ItemCoverage] = []
    for it in items:
        group = by_id.get(it.id, [])
        stated = values.get(it.id) or ([HPValue(value=it.value)] if it.value else [])
        cov = _item_coverage(it, group, outcomes, stated)
        out.append(cov)
        if cov.scope != "IN_SCOPE":
            continue
        problems += _code_problems(it, cov, group[0] if group else None)
        problems += _value_problems(it, cov, stated, have_report)
    return out, problems


def _totals(items: list[ItemCoverage]) -> dict[str, KindTotals]:
    totals: dict[str, KindTotals] = {}
    for it in items:
        if it.scope != "IN_SCOPE":
            continue
        t = totals.setdefault(it.kind, KindTotals())
        t.items += 1
        t.implemented += bool(it.implemented or (it.kind == "hyperparameter" and it.configs))
        t.tested += bool(set(it.tests) - set(it.stubs))
        t.passing += it.outcome == "passed"
    return totals


def check_coverage(
    project_path: Annotated[str, Field(description="the project folder (made by init_uv_project)")],
    checklist_path: Annotated[
        str | None,
        Field(description="IMPLEMENTATION_CHECKLIST.md; default: the one in the project folder"),
    ] = None,
    run_report: Annotated[
        str | None,
        Field(
            description="a run_tests_on_gpu job id or report JSON path; default: the latest finished run of "
            "this project"
        ),
    ] = None,
    update: Annotated[
        bool, Field(description="rewrite the checklist's status cells (only those) from the evidence")
    ] = True,
) -> CoverageResult:
    """Check the checklist against the project: for every item where it is implemented (`Implements: EQ-12`
    docstring lines, `# paper: ALG-1` comments), which tests verify it (`@pytest.mark.paper("EQ-12")`),
    their last outcome, and hyperparameter values in configs/*.yaml against the paper's. Reports unknown IDs,
    untested code, tests without code and config values that contradict the paper without an ASSUMPTION
    note, and the reproduction coverage (EQ/ALG items implemented and passing). update=True rewrites only
    the status cells."""
    from tools.analysis.checklist import parse_checklist

    start = time.perf_counter()
    project = resolve(project_path, kind="dir", what="project_path")
    checklist = _checklist_file(project, checklist_path)
    text = read_inside(checklist, what="checklist").decode("utf-8", errors="replace")
    items = parse_checklist(text)
    _cells, shape_errors = _status_cells(text)
    problems = _unreadable(checklist, shape_errors) if not items or shape_errors else []
    report_progress(1, 3, "scanning code, tests and configs for anchors")
    scan = scan_project(project)
    problems += [Problem(kind="unparsable_file", message=e, file=e.split(":", 1)[0]) for e in scan.errors]
    report_progress(2, 3, "reading the last test run")
    report_path, report = find_report(project, run_report)
    outcomes = report_outcomes(report_path, report)
    covered, found = _collect(items, scan.anchors, outcomes, report is not None, paper_values(text))
    problems += found
    core = [c for c in covered if c.kind in ("equation", "algorithm") and c.scope == "IN_SCOPE"]
    good = sum(1 for c in core if c.status == "VERIFIED")  # implemented, every test passed, no xfail left
    changes = {c.id: f"{c.previous_status} -> {c.status}" for c in covered if c.previous_status != c.status}
    updated = False
    if update and changes and not shape_errors and items:
        updated = _write_statuses(checklist, text, covered, problems)
    result = CoverageResult(
        project=str(project),
        checklist=str(checklist),
        run_report=str(report_path) if report_path else None,
        items=covered,
        problems=problems,
        totals=_totals(covered),
        scope=dict(Counter(c.scope for c in covered)),
        reproduction_coverage=round(good / len(core), 4) if core else None,
        reproduction_counts=f"{good}/{len(core)}",
        files_scanned=scan.files_scanned,
        updated=updated,
        status_changes=changes,
        seconds=round(time.perf_counter() - start, 4),
    )
    return _capped(result, project)


def _checklist_file(project: Path, checklist_path: str | None) -> Path:
    """The checklist given, else the one in the project folder; a PaperToCodeError when there is none."""
    checklist = (
        resolve(checklist_path, kind="file", what="checklist_path")
        if checklist_path
        else project / CHECKLIST_NAME
    )
    if not checklist.is_file():
        raise NotFound(
            f"no checklist at {checklist}: pass checklist_path, or copy the one make_checklist "
            "wrote into the project (init_uv_project does with checklist_path)"
        )
    return checklist


def _unreadable(checklist: Path, shape_errors: list[str]) -> list[Problem]:
    why = "; ".join(shape_errors[:5]) or "no rows with IDs"
    return [
        Problem(
            kind="checklist_unreadable",
            message=f"{checklist} cannot be read as a checklist "
            f"({why}): fix the table by hand or regenerate it with make_checklist; it was "
            "not rewritten",
        )
    ]


def _write_statuses(checklist: Path, text: str, covered: list[ItemCoverage], problems: list[Problem]) -> bool:
    """Rewrite the status cells unless the file changed since it was read (then a problem is added).
    True when the file was rewritten."""
    new_text = rewrite_statuses(text, {c.id: c.status for c in covered if c.scope == "IN_SCOPE"})
    if checklist.read_text(encoding="utf-8") != text:
        problems.append(
            Problem(
                kind="checklist_changed",
                message=f"{checklist} changed during the check: not rewritten; run check_coverage again",
            )
        )
        return False
    if new_text == text:
        return False
    atomic_write(checklist, new_text)
    return True


def _capped(result: CoverageResult, project: Path) -> CoverageResult:
    """Write the whole result to the workspace; reply with at most MAX_REPLY_ITEMS items and about
    MAX_REPLY_CHARS of their JSON, those that changed status or have a problem first, then in-scope ones."""
    import hashlib

    from tools.workspace import atomic_write, workspace

    key = hashlib.sha256(str(project).encode()).hexdigest()[:8]
    path = workspace() / "coverage" / f"{project.name}-{key}.json"
    result.report_path = str(path)
    atomic_write(path, result.model_dump_json(indent=1))
    flagged = set(result.status_changes) | {p.item_id for p in result.problems if p.item_id}
    # flagged first, then the rest of the in-scope items; checklist order otherwise (a stable sort)
    items = result.items
    order = {k: (it.id not in flagged, it.scope != "IN_SCOPE") for k, it in enumerate(items)}
    ordered = sorted(order, key=order.__getitem__)
    keep: set[int] = set()
    size = 0
    for k in ordered[:MAX_REPLY_ITEMS]:
        size += len(items[k].model_dump_json())
        if size > MAX_REPLY_CHARS and keep:
            break
        keep.add(k)
    if len(keep) == len(items):
        return result
    return result.model_copy(
        update={
            "items": [it for k, it in enumerate(items) if k in keep],
            "items_left_out": len(result.items) - len(keep),
        }
    )
