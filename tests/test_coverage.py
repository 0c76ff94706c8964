"""check_coverage on a real project: the suite adds, tests, breaks and removes anchored implementations, runs
the project's tests with run_tests_on_gpu (through the MCP client), and checks that each change shows in the
report and in the checklist's status cells, while every other edit to the checklist survives."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from cli_run import run_cli

from tools.analysis.checklist import make_checklist
from tools.trace.anchors import scan_project
from tools.trace.coverage import check_coverage

FIXTURES = Path(__file__).parent / "fixtures" / "projects"
PAPER = r"""# A tiny paper

## 2 Method

The model is linear:

$$ y = a x + b $$ (1)

$$ z = \exp(-y) $$ (2)

$$ L = \frac{1}{2} (y - t)^2 $$ (3)

**Algorithm 1** Training loop

1. Sample a batch.
2. Take a gradient step on $L$.

## 3 Experiments

We train with Adam at a learning rate of 3e-4 and a batch size of 64 for 1000 steps.
"""
MODEL = '''"""The tiny paper's model."""


def affine(a, x, b):
    """y = a x + b.

    Implements: EQ-1
    """
    return a * x + b


def exp_neg(y):
    import math

    # paper: EQ-2
    return math.exp(-y)
'''
TESTS = """import pytest

from tiny.model import affine, exp_neg


@pytest.mark.paper("EQ-1")
def test_affine():
    assert affine(2, 3, 1) == 7


@pytest.mark.paper("EQ-2")
def test_exp_neg():
    assert exp_neg(0) == 1


@pytest.mark.paper("EQ-3")
def test_loss_is_pending():
    assert True
"""


def write(root: Path, rel: str, text: str) -> Path:
    """Write a file as a user edit would: its mtime moves on by whole seconds, so a child Python's cached
    bytecode (stamped with the mtime in seconds and the size) never outlives an edit of the same length."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    before = path.stat().st_mtime if path.exists() else None
    path.write_text(text, encoding="utf-8")
    if before is not None:
        later = max(before + 2, path.stat().st_mtime)
        os.utime(path, (later, later))
    return path


@pytest.fixture
def tiny(tmp_root: Path) -> Path:
    """paper.md -> make_checklist -> a project (pytest only: the 'passing' fixture's pyproject and lock)
    holding a copy of the checklist and a config naming two HP IDs."""
    paper = write(tmp_root, "paper/paper.md", PAPER)
    make_checklist(str(paper))
    proj = tmp_root / "tiny"
    proj.mkdir()
    shutil.copy(FIXTURES / "passing" / "uv.lock", proj / "uv.lock")
    pyproject = (FIXTURES / "passing" / "pyproject.toml").read_text()
    pyproject = pyproject.replace(
        'markers = ["gpu: needs CUDA"]', 'markers = ["gpu: needs CUDA", "paper(*ids): ids"]'
    )
    write(proj, "pyproject.toml", pyproject + 'pythonpath = ["src"]\n')
    write(proj, "src/tiny/__init__.py", "")
    write(proj, "tests/test_smoke.py", "def test_smoke():\n    assert True\n")
    write(
        proj,
        "configs/small.yaml",
        "train:\n  learning_rate: 0.001  # HP-learning-rate\n  batch_size: 64  # HP-batch-size\n",
    )
    shutil.copy(tmp_root / "paper" / "IMPLEMENTATION_CHECKLIST.md", proj / "IMPLEMENTATION_CHECKLIST.md")
    return proj


def by_id(result) -> dict:
    return {i.id: i for i in result.items}


def kinds(result) -> dict[str, set[str | None]]:
    out: dict[str, set[str | None]] = {}
    for p in result.problems:
        out.setdefault(p.kind, set()).add(p.item_id)
    return out


def status_cells(text: str) -> dict[str, str]:
    return {
        line.split("|")[1].strip(" *"): line.split("|")[-3].strip()
        for line in text.splitlines()
        if line.startswith("| **")
    }


async def run_tests(client, project: Path, deadline_s: float = 1800) -> dict:
    """Start a run and poll it to its end: on a busy machine only the generous deadline fails it."""
    r = await client.call_tool("run_tests_on_gpu", {"project_path": str(project), "wait_s": 30})
    assert not r.is_error, r.content[0].text
    report, end = r.structured_content, time.monotonic() + deadline_s
    while not report["done"] and time.monotonic() < end:
        r = await client.call_tool("get_test_run", {"job_id": report["job_id"], "wait_s": 30})
        assert not r.is_error, r.content[0].text
        report = r.structured_content
    assert report["done"], f"no end after {deadline_s} s: {report['message']}"
    return report


@pytest.mark.anyio
async def test_changes_to_code_and_tests_show_in_report_and_status_cells(tiny: Path, client):
    checklist = tiny / "IMPLEMENTATION_CHECKLIST.md"
    # 1. nothing implemented: every EQ/ALG item TODO; one config value contradicts the paper, one matches
    r = check_coverage(str(tiny))
    items = by_id(r)
    assert {items[i].status for i in ("EQ-1", "EQ-2", "EQ-3", "ALG-1")} == {"TODO"}
    assert items["HP-batch-size"].status == "VERIFIED" and items["HP-learning-rate"].status == "IMPLEMENTED"
    assert kinds(r) == {"config_contradicts_paper": {"HP-learning-rate"}}
    assert r.reproduction_counts == "0/4" and r.run_report is None
    assert status_cells(checklist.read_text())["HP-batch-size"] == "[x] VERIFIED"

    # 2. user edits the checklist: a note, a changed caption, a paragraph; the config gets an ASSUMPTION note
    text = checklist.read_text()
    text = text.replace("| `y = a x + b` |", "| `y = a x + b` (affine) |")
    text = text.replace("| [ ] TODO |  |\n| **EQ-2**", "| [ ] TODO | uses broadcasting |\n| **EQ-2**")
    text += "\nMy own notes: check EQ-3 against the appendix.\n"
    checklist.write_text(text)
    write(
        tiny,
        "configs/small.yaml",
        "train:\n  learning_rate: 0.001  # HP-learning-rate ASSUMPTION: small run\n"
        "  batch_size: 64  # HP-batch-size\n",
    )

    # 3. implementations appear (a docstring anchor and a comment anchor), no tests yet
    write(tiny, "src/tiny/model.py", MODEL)
    r = check_coverage(str(tiny))
    items = by_id(r)
    assert items["EQ-1"].status == items["EQ-2"].status == "IMPLEMENTED"
    assert [(w.file, w.symbol, w.line) for w in items["EQ-1"].implemented] == [
        ("src/tiny/model.py", "affine", 7)
    ]
    assert [(w.symbol, w.line) for w in items["EQ-2"].implemented] == [("exp_neg", 15)]
    assert kinds(r) == {"untested": {"EQ-1", "EQ-2"}}

    # 4. tests marked with IDs, one for an item without code, and an anchor naming an ID the checklist lacks
    write(tiny, "tests/test_model.py", TESTS)
    write(tiny, "src/tiny/extra.py", '"""Implements: EQ-42"""\n')
    r = check_coverage(str(tiny))
    items = by_id(r)
    assert items["EQ-1"].status == "TESTED" and items["EQ-1"].outcome == "not run"
    assert items["EQ-1"].tests == ["tests/test_model.py::test_affine"]
    assert kinds(r) == {"test_without_code": {"EQ-3"}, "unknown_id": {"EQ-42"}}

    # 5. a real run: passing tests verify EQ-1 and EQ-2
    run = await run_tests(client, tiny)
    assert run["status"] == "passed"
    r = check_coverage(str(tiny))
    items = by_id(r)
    assert r.run_report and r.run_report.endswith(f"{run['job_id']}.json")
    assert items["EQ-1"].status == items["EQ-2"].status == "VERIFIED"
    assert items["EQ-3"].outcome == "passed" and items["EQ-3"].status == "TODO"
    assert r.reproduction_counts == "2/4" and r.reproduction_coverage == 0.5
    assert r.totals["equation"].implemented == 2 and r.totals["equation"].passing == 3

    # 6. break EQ-1 (sign flip) and run again: failing, back to TESTED
    write(tiny, "src/tiny/model.py", MODEL.replace("return a * x + b", "return a * x - b"))
    run = await run_tests(client, tiny)
    assert run["status"] == "failed"
    r = check_coverage(str(tiny))
    items = by_id(r)
    assert items["EQ-1"].status == "TESTED" and items["EQ-1"].outcome == "failed"
    assert "failing_tests" in kinds(r) and r.reproduction_counts == "1/4"

    # 7. remove the EQ-2 anchor: TODO again, and its test now has no code
    write(tiny, "src/tiny/model.py", MODEL.replace("    # paper: EQ-2\n", ""))
    r = check_coverage(str(tiny))
    assert by_id(r)["EQ-2"].status == "TODO" and "EQ-2" in kinds(r)["test_without_code"]
    assert r.status_changes["EQ-2"] == "VERIFIED -> TODO"

    # the file: status cells follow the evidence, everything else is as the user left it
    final = checklist.read_text()
    cells = status_cells(final)
    assert (
        cells["EQ-1"] == "[x] TESTED"
        and cells["EQ-2"] == "[ ] TODO"
        and cells["HP-learning-rate"] == ("[x] IMPLEMENTED")
    )
    assert "| `y = a x + b` (affine) |" in final and "| uses broadcasting |" in final
    assert final.endswith("My own notes: check EQ-3 against the appendix.\n")
    before, after = text.splitlines(), final.splitlines()
    assert len(before) == len(after)
    for old, new in zip(before, after, strict=True):
        if old != new:  # only the status cell of a row changed
            assert old.split("|")[:-3] == new.split("|")[:-3] and old.split("|")[-2:] == new.split("|")[-2:]


def test_update_false_and_an_unreadable_checklist_are_never_written(tiny: Path):
    checklist = tiny / "IMPLEMENTATION_CHECKLIST.md"
    write(tiny, "src/tiny/model.py", MODEL)
    original = checklist.read_text()
    r = check_coverage(str(tiny), update=False)
    assert not r.updated and r.status_changes["EQ-1"] == "TODO -> IMPLEMENTED"
    assert checklist.read_text() == original
    broken = original.replace("| `z = \\exp(-y)` | 2 Method |", "| `z = \\exp(-y)` |")
    checklist.write_text(broken)
    r = check_coverage(str(tiny))
    assert not r.updated and "checklist_unreadable" in kinds(r)
    assert "the row of EQ-2 has 6 cells" in next(
        p.message for p in r.problems if p.kind == "checklist_unreadable"
    )
    assert checklist.read_bytes() == broken.encode()
    checklist.write_text("# my notes\n\nno table here\n")
    assert not check_coverage(str(tiny)).updated and checklist.read_text() == "# my notes\n\nno table here\n"


def test_make_checklist_rerun_keeps_statuses_and_notes_and_adds_new_items(tiny: Path, tmp_root: Path):
    paper_checklist = tmp_root / "paper" / "IMPLEMENTATION_CHECKLIST.md"
    write(tiny, "src/tiny/model.py", MODEL)
    r = check_coverage(str(tiny), checklist_path=str(paper_checklist))
    assert r.updated and status_cells(paper_checklist.read_text())["EQ-1"] == "[x] IMPLEMENTED"
    text = paper_checklist.read_text().replace(
        "| [x] IMPLEMENTED |  |\n| **EQ-2**", "| [x] IMPLEMENTED | checked by hand |\n| **EQ-2**"
    )
    text = "\n".join(line for line in text.splitlines() if not line.startswith("| **EQ-3**")) + "\n"
    paper_checklist.write_text(text)
    again = make_checklist(str(tmp_root / "paper" / "paper.md"))
    assert again.merged and again.added == 1
    merged = paper_checklist.read_text()
    assert "| [x] IMPLEMENTED | checked by hand |" in merged
    assert status_cells(merged)["EQ-1"] == "[x] IMPLEMENTED" and status_cells(merged)["EQ-3"] == "[ ] TODO"


def test_anchor_scanner_reads_python_and_yaml_structure(tmp_path: Path):
    write(
        tmp_path,
        "src/pkg/model.py",
        '''"""Module doc.

Implements: ALG-1 step 4, EQ-7
"""

NOTE = "# paper: EQ-99 is inside a string, not a comment"


class Model:
    """Implements: COMP-attention"""

    def forward(self, x):
        return x  # paper: EQ-12
''',
    )
    write(tmp_path, "src/pkg/broken.py", "def oops(:\n")
    write(
        tmp_path,
        "tests/test_things.py",
        """import pytest

pytestmark = [pytest.mark.paper("HP-learning-rate")]


@pytest.mark.paper("EQ-12", "EQ-7")
class TestModel:
    def test_shape(self):
        pass

    @pytest.mark.xfail(reason="stub")
    @pytest.mark.paper("ALG-1")
    def test_stub(self):
        pass
""",
    )
    write(
        tmp_path,
        "configs/base.yaml",
        "optim:\n  # ASSUMPTION: the paper's value diverges here\n"
        "  lr: 1.0e-3  # HP-learning-rate\n  betas: [0.9, 0.99]  # HP-adam-betas, HP-beta1\n"
        "name: 'x # HP-not-a-comment'\n",
    )
    scan = scan_project(tmp_path)
    got = {
        (a.kind, a.item_id, a.symbol, a.line, a.detail, a.value, a.assumption, a.xfail) for a in scan.anchors
    }
    assert got == {
        ("code", "ALG-1", "<module>", 3, "step 4", None, False, False),
        ("code", "EQ-7", "<module>", 3, None, None, False, False),
        ("code", "COMP-attention", "Model", 10, None, None, False, False),
        ("code", "EQ-12", "Model.forward", 13, None, None, False, False),
        (
            "test",
            "HP-learning-rate",
            "tests/test_things.py::TestModel::test_shape",
            3,
            None,
            None,
            False,
            False,
        ),
        (
            "test",
            "HP-learning-rate",
            "tests/test_things.py::TestModel::test_stub",
            3,
            None,
            None,
            False,
            True,
        ),
        ("test", "EQ-12", "tests/test_things.py::TestModel::test_shape", 6, None, None, False, False),
        ("test", "EQ-7", "tests/test_things.py::TestModel::test_shape", 6, None, None, False, False),
        ("test", "EQ-12", "tests/test_things.py::TestModel::test_stub", 6, None, None, False, True),
        ("test", "EQ-7", "tests/test_things.py::TestModel::test_stub", 6, None, None, False, True),
        ("test", "ALG-1", "tests/test_things.py::TestModel::test_stub", 12, None, None, False, True),
        ("config", "HP-learning-rate", "optim.lr", 3, None, "1.0e-3", True, False),
        ("config", "HP-adam-betas", "optim.betas", 4, None, "[0.9, 0.99]", False, False),
        ("config", "HP-beta1", "optim.betas", 4, None, "[0.9, 0.99]", False, False),
    }
    assert len(scan.errors) == 1 and scan.errors[0].startswith("src/pkg/broken.py: cannot parse")


@pytest.mark.anyio
async def test_cli_and_mcp_agree(tiny: Path, tmp_root: Path, client):
    write(tiny, "src/tiny/model.py", MODEL)
    cli = run_cli(tmp_root, "--json", "check-coverage", str(tiny), "--no-update")
    assert cli.returncode == 0, cli.stderr
    data = json.loads(cli.stdout)
    assert data["reproduction_counts"] == "0/4" and not data["updated"]
    r = await client.call_tool("check_coverage", {"project_path": str(tiny), "update": False})
    assert not r.is_error
    assert r.structured_content["items"] == data["items"]
    bad = await client.call_tool("check_coverage", {"project_path": str(tiny), "run_report": "deadbeef0123"})
    assert bad.is_error and "no test-run record for job deadbeef0123" in bad.content[0].text


def test_a_config_value_matching_any_stated_value_agrees_with_the_paper(tiny: Path):
    checklist = tiny / "IMPLEMENTATION_CHECKLIST.md"
    checklist.write_text(
        checklist.read_text().replace("| batch size | 64 |", "| batch size | 32 (p. 2); 64 (p. 5) |")
    )
    items = by_id(check_coverage(str(tiny), update=False))
    assert items["HP-batch-size"].status == "VERIFIED" and items["HP-batch-size"].configs[0].matches_paper
    write(tiny, "configs/small.yaml", "train:\n  batch_size: 48  # HP-batch-size\n")
    r = check_coverage(str(tiny), update=False)
    message = next(p.message for p in r.problems if p.kind == "config_contradicts_paper")
    assert message.startswith("configs/small.yaml:2 sets train.batch_size = 48") and "32 or 64" in message


EQ9 = '''

def q_sample(alpha_bar_t, x_0, epsilon):
    """x_t from x_0 in closed form.

    Implements: EQ-9
    """
    return alpha_bar_t.sqrt() * x_0 + (1 - alpha_bar_t).sqrt() * epsilon
'''


@pytest.mark.slow
@pytest.mark.anyio
async def test_a_generated_project_from_paper_to_verified_equation(tmp_root: Path, client, monkeypatch):
    """The whole thread on a project made by init_uv_project (iddpm, LaTeX route, synced with torch):
    implement EQ-9 with its anchor, run the tests, see it VERIFIED by its equation oracle; break it, remove
    it."""
    from test_generated_project import local_wheels

    from tools import config as settings
    from tools.ingest.latex.document import convert_source
    from tools.project.scaffold import init_uv_project

    wheels = local_wheels()
    if wheels is None:
        pytest.skip(
            "no local torch wheel (PAPER_TO_CODE_TORCH_INDEX or /opt/wheels): PyPI's is a 4 GB download"
        )
    monkeypatch.setattr(settings, "_settings", settings._settings.model_copy(update={"torch_index": wheels}))
    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)  # each run would compile torch anew
    md = write(
        tmp_root, "paper/paper.md", convert_source(FIXTURES.parent / "corpus" / "iddpm" / "source").markdown
    )
    checklist = make_checklist(str(md))
    made = init_uv_project("repro", checklist_path=checklist.path, paper_markdown=str(md), sync=True)
    assert made.synced, made.warnings
    project = tmp_root / "repro"
    equations = project / "src" / "repro" / "core" / "equations.py"
    code = equations.read_text()

    run = await run_tests(client, project)
    assert run["status"] == "passed", run["message"]
    r = check_coverage(str(project))
    assert by_id(r)["EQ-9"].status == "TODO" and by_id(r)["EQ-9"].outcome == "xfail"
    assert "test_without_code" not in kinds(r)  # oracle tests that xfailed are pending, not orphans

    equations.write_text(code + EQ9)
    run = await run_tests(client, project)
    assert run["status"] == "passed", run["message"]
    r = check_coverage(str(project))
    item = by_id(r)["EQ-9"]  # its oracle passes, but the scaffold's xfail stub for it is still there
    stub = next(t for t in item.stubs if "test_paper_equations.py::test_eq_9" in t)
    assert item.status == "TESTED" and item.outcome == "passed"
    assert stub in next(p.message for p in r.problems if p.kind == "xfail_remains" and p.item_id == "EQ-9")
    stubs = project / "tests" / "test_paper_equations.py"
    stub_tests = stubs.read_text()
    name = stub.split("::")[1]
    start = stub_tests.index('@pytest.mark.paper("EQ-9")')
    end = stub_tests.index(f"equations.{name[len('test_'):]}()", start)
    stubs.write_text(stub_tests[:start] + stub_tests[stub_tests.index("\n", end) + 1 :])
    item = by_id(check_coverage(str(project)))["EQ-9"]  # the stub deleted: verified by the oracle's run
    assert item.status == "VERIFIED" and item.outcome == "passed"
    assert "tests/test_oracle_eq_9.py::test_eq_9_matches_oracle" in item.tests

    equations.write_text(code + EQ9.replace("+ (1 - alpha_bar_t)", "- (1 - alpha_bar_t)"))
    run = await run_tests(client, project)
    assert run["status"] == "failed"
    r = check_coverage(str(project))
    assert by_id(r)["EQ-9"].status == "TESTED" and by_id(r)["EQ-9"].outcome == "failed"
    assert r.reproduction_counts == "0/19"

    equations.write_text(code)
    r = check_coverage(str(project))
    assert (
        by_id(r)["EQ-9"].status == "TODO"
        and status_cells((project / "IMPLEMENTATION_CHECKLIST.md").read_text())["EQ-9"] == "[ ] TODO"
    )


def test_a_capped_report_is_completed_from_the_runs_results_file(tmp_root: Path):
    """run_tests_on_gpu keeps at most 200 tests in its report (non-passing first); the outcomes of the others
    come from the run's results.jsonl beside the job record."""
    from tools.runs.models import TestResult, TestRunReport
    from tools.trace.coverage import find_report, report_outcomes

    jobs = tmp_root / ".paper-to-code" / "jobs"
    (jobs / "0123abcd4567").mkdir(parents=True)
    kept = [TestResult(nodeid="tests/test_a.py::test_bad[1]", outcome="failed", when="call")]
    report = TestRunReport(
        job_id="0123abcd4567",
        target="local",
        project=str(tmp_root),
        status="failed",
        done=True,
        message="1 failed",
        tests=kept,
        tests_omitted=1,
        started_at="2026-01-01T00:00:00",
        finished_at="2026-01-01T00:01:00",
    )
    (jobs / "0123abcd4567.json").write_text(
        json.dumps({"owner_pid": 1, "pgids": [], "report": report.model_dump()})
    )
    lines = [
        {"event": "test", "nodeid": "tests/test_a.py::test_bad[1]", "outcome": "failed", "when": "call"},
        {"event": "test", "nodeid": "tests/test_a.py::test_bad[2]", "outcome": "passed", "when": "call"},
        {"event": "test", "nodeid": "tests/test_a.py::test_good", "outcome": "passed", "when": "call"},
    ]
    (jobs / "0123abcd4567" / "results.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    path, found = find_report(tmp_root, None)
    assert path == jobs / "0123abcd4567.json"
    assert report_outcomes(path, found) == {
        "tests/test_a.py::test_bad": ["failed", "passed"],
        "tests/test_a.py::test_good": ["passed"],
    }
    assert find_report(tmp_root, "0123abcd4567")[0] == path


def test_a_long_checklist_is_capped_in_the_reply_and_whole_in_the_report_file(tmp_root: Path):
    from tools.trace.coverage import MAX_REPLY_CHARS, MAX_REPLY_ITEMS

    n = MAX_REPLY_ITEMS + 30
    rows = [
        "# Implementation checklist: long",
        "",
        "## Key Equations",
        "",
        "| ID | equation | where in the paper | detail | status | notes |",
        "|---|---|---|---|---|---|",
    ]
    rows += [f"| **EQ-{i}** | `y = {i} x` | p. 3 | SPECIFIED | [ ] TODO |  |" for i in range(1, n + 1)]
    proj = tmp_root / "long"
    write(proj, "IMPLEMENTATION_CHECKLIST.md", "\n".join(rows) + "\n")
    last = f"EQ-{n}"  # the last row: only its status change can bring it into the capped reply
    write(proj, "src/long/eqs.py", f'def f(x):\n    """Implements: {last}"""\n    return x\n')
    result = check_coverage(str(proj))
    assert len(result.items) == MAX_REPLY_ITEMS and result.items_left_out == n - MAX_REPLY_ITEMS
    assert last in {it.id for it in result.items}  # changed status: listed first, not cut
    assert sum(len(it.model_dump_json()) for it in result.items) <= MAX_REPLY_CHARS
    full = json.loads(Path(result.report_path).read_text())
    assert len(full["items"]) == n and full["items_left_out"] == 0
    assert {it["id"]: it["status"] for it in full["items"]}[last] == "IMPLEMENTED"


def test_long_items_are_cut_by_size_flagged_and_in_scope_ones_first(tmp_root: Path):
    """Items with long titles: the reply stops at about MAX_REPLY_CHARS of items' JSON, well before
    MAX_REPLY_ITEMS; the item whose status changed and the in-scope ones come first."""
    from tools.trace.coverage import MAX_REPLY_CHARS, MAX_REPLY_ITEMS

    body = " + ".join(rf"\alpha_{{{j}}} x^{{{j}}}" for j in range(25))
    n = 100
    rows = ["# Implementation checklist: long", "", "## Key Equations", "",
            "| ID | equation | where in the paper | detail | status | notes |", "|---|---|---|---|---|---|"]
    rows += [f"| **EQ-{i}** | `y_{{{i}}} = {body}` | p. 3 | SPECIFIED | [-] DERIVATION | a proof step |"
             for i in range(1, 61)]
    rows += [f"| **EQ-{i}** | `y_{{{i}}} = {body}` | p. 9 | SPECIFIED | [ ] TODO |  |"
             for i in range(61, n + 1)]
    proj = tmp_root / "wide"
    write(proj, "IMPLEMENTATION_CHECKLIST.md", "\n".join(rows) + "\n")
    write(proj, "src/wide/eqs.py", f'def f(x):\n    """Implements: EQ-{n}"""\n    return x\n')
    result = check_coverage(str(proj))
    shown = [it.id for it in result.items]
    size = sum(len(it.model_dump_json()) for it in result.items)
    assert size <= MAX_REPLY_CHARS and len(shown) < min(n, MAX_REPLY_ITEMS)
    assert result.items_left_out == n - len(shown) > 0
    assert f"EQ-{n}" in shown and {f"EQ-{i}" for i in range(61, 61 + len(shown) - 1)} <= set(shown)
    assert len(result.model_dump_json()) < 2 * MAX_REPLY_CHARS  # the whole structured reply stays small


def test_a_capped_reply_lists_in_scope_items_before_scoped_out_ones(tmp_root: Path):
    from tools.trace.coverage import MAX_REPLY_ITEMS

    n = MAX_REPLY_ITEMS + 30
    rows = ["# Implementation checklist: long", "", "## Key Equations", "",
            "| ID | equation | where in the paper | detail | status | notes |", "|---|---|---|---|---|---|"]
    rows += [f"| **EQ-{i}** | `y = {i} x` | p. 3 | SPECIFIED | [-] DERIVATION | a proof step |"
             for i in range(1, n - 9)]
    rows += [f"| **EQ-{i}** | `y = {i} x` | p. 9 | SPECIFIED | [ ] TODO |  |" for i in range(n - 9, n + 1)]
    proj = tmp_root / "scoped"
    write(proj, "IMPLEMENTATION_CHECKLIST.md", "\n".join(rows) + "\n")
    result = check_coverage(str(proj))
    shown = [it.id for it in result.items]
    assert len(shown) == MAX_REPLY_ITEMS and result.items_left_out == n - MAX_REPLY_ITEMS
    assert {f"EQ-{i}" for i in range(n - 9, n + 1)} <= set(shown)  # the ten in scope, kept from the cut


def test_latest_run_is_the_newer_record_when_two_share_a_timestamp(tmp_root: Path):
    """Two runs that end within one clock tick: the record written last is the latest run."""
    import os

    from tools.runs.jobs import now_iso
    from tools.runs.models import TestRunReport
    from tools.trace.coverage import find_report

    jobs = tmp_root / ".paper-to-code" / "jobs"
    jobs.mkdir(parents=True)
    stamp = now_iso()
    assert "." in stamp  # sub-second resolution: runs a moment apart sort apart
    runs = (("bbbb2222", "failed", 2_000_000_000), ("aaaa1111", "passed", 1_000_000_000))
    for job_id, status, mtime in runs:
        report = TestRunReport(
            job_id=job_id, target="local", project=str(tmp_root), status=status, done=True,
            message=status, tests=[], started_at=stamp, finished_at=stamp,
        )
        path = jobs / f"{job_id}.json"
        path.write_text(json.dumps({"owner_pid": 1, "pgids": [], "report": report.model_dump()}))
        os.utime(path, ns=(mtime, mtime))
    path, found = find_report(tmp_root, None)
    assert path == jobs / "bbbb2222.json" and found["status"] == "failed"


def test_a_config_matching_one_experiments_value_names_that_experiment(tiny: Path):
    checklist = tiny / "IMPLEMENTATION_CHECKLIST.md"
    checklist.write_text(
        checklist.read_text().replace(
            "| batch size | 64 |", "| batch size | 32 [MNIST]; 64 [CIFAR-10]; 48 (candidate: confirm) |"
        )
    )
    items = by_id(check_coverage(str(tiny), update=False))
    config = items["HP-batch-size"].configs[0]
    assert config.matches_paper and config.paper_context == "CIFAR-10"
    write(tiny, "configs/small.yaml", "train:\n  batch_size: 48  # HP-batch-size\n")
    r = check_coverage(str(tiny), update=False)  # a candidate is no reference: 48 is not the paper's
    message = next(p.message for p in r.problems if p.kind == "config_contradicts_paper")
    assert "32 (MNIST) or 64 (CIFAR-10)" in message and "48 (" not in message


def test_a_project_scaffolded_with_oracle_tests_checks_clean_at_birth(tmp_root: Path):
    """Oracle tests written at scaffold time xfail until code implements their IDs: before any test run they
    are pending, not tests without code."""
    from tools.ingest.latex.document import convert_source
    from tools.project.scaffold import create_project

    md = write(
        tmp_root, "paper/paper.md", convert_source(FIXTURES.parent / "corpus" / "iddpm" / "source").markdown
    )
    checklist = make_checklist(str(md))
    create_project(
        tmp_root / "repro", checklist=Path(checklist.path), paper_markdown=md, lock=False, sync=False
    )
    assert list((tmp_root / "repro" / "tests").glob("test_oracle_*.py"))
    r = check_coverage(str(tmp_root / "repro"), update=False)
    assert r.problems == [], [p.message for p in r.problems]
    # a hand-written test of an item without code is still reported
    write(
        tmp_root,
        "repro/tests/test_extra.py",
        'import pytest\n\n\n@pytest.mark.paper("EQ-9")\ndef test_x():\n    pass\n',
    )
    assert "EQ-9" in kinds(check_coverage(str(tmp_root / "repro"), update=False))["test_without_code"]


PENDING = '''

@pytest.mark.paper("EQ-1")
@pytest.mark.xfail(raises=NotImplementedError, strict=True, reason="EQ-1 stub")
def test_eq_1_stub():
    raise NotImplementedError


@pytest.mark.paper("EQ-2")
def test_exp_neg_large():
    pytest.xfail("not checked yet")
'''


@pytest.mark.anyio
async def test_an_xfail_left_for_an_implemented_item_keeps_it_from_verified(tiny: Path, client):
    """A passing test does not verify an item while another of its tests is xfail-marked (a stub left
    behind) or xfailed in the run: it stays TESTED, and the problem names that test."""
    write(tiny, "src/tiny/model.py", MODEL)
    write(tiny, "tests/test_model.py", TESTS + PENDING)
    run = await run_tests(client, tiny)
    assert run["status"] == "passed", run["message"]
    r = check_coverage(str(tiny))
    items = by_id(r)
    assert items["EQ-1"].status == items["EQ-2"].status == "TESTED"
    assert items["EQ-2"].test_outcomes["tests/test_model.py::test_exp_neg_large"] == "xfail"
    pending = {p.item_id: p.message for p in r.problems if p.kind == "xfail_remains"}
    assert set(pending) == {"EQ-1", "EQ-2"}
    assert "tests/test_model.py::test_eq_1_stub" in pending["EQ-1"]
    assert "tests/test_model.py::test_exp_neg_large" in pending["EQ-2"]
    assert r.reproduction_counts == "0/4"  # not counted while an xfail remains
    assert status_cells((tiny / "IMPLEMENTATION_CHECKLIST.md").read_text())["EQ-1"] == "[x] TESTED"

    write(tiny, "tests/test_model.py", TESTS)  # the stub and the runtime xfail removed: verified
    r = check_coverage(str(tiny))
    assert by_id(r)["EQ-1"].status == by_id(r)["EQ-2"].status == "VERIFIED"
    assert "xfail_remains" not in kinds(r) and r.reproduction_counts == "2/4"
