"""set_scope on a real checklist (iddpm through the LaTeX route): many rows at once by ID, pattern or section,
only their status and notes cells rewritten, a pattern that matches nothing refusing the whole call, kept by a
make_checklist re-run; through the MCP client and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import run_cli

from tools.analysis.checklist import make_checklist, parse_checklist
from tools.analysis.checklist_scope import set_scope
from tools.errors import BadArgument

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture
def checklist(tmp_root: Path) -> Path:
    from tools.ingest.latex.document import convert_source

    md = tmp_root / "paper" / "paper.md"
    md.parent.mkdir()
    md.write_text(convert_source(CORPUS / "iddpm" / "source").markdown, encoding="utf-8")
    return Path(make_checklist(str(md)).path)


def scopes(path: Path) -> dict[str, tuple[str, str]]:
    return {it.id: (it.status, it.notes) for it in parse_checklist(path.read_text(encoding="utf-8"))}


def test_patterns_and_sections_set_many_rows_and_only_their_status_and_notes(checklist: Path):
    before_text = checklist.read_text(encoding="utf-8")
    before = scopes(checklist)
    hps = {i for i in before if i.startswith("HP-")}
    r = set_scope(
        str(checklist),
        ["HP-*", "EQ-1?", "2.2 Training in Practice"],
        "OUT_OF_SCOPE",
        reason="large-scale training | not asked",
    )
    after = scopes(checklist)
    eqs = {f"EQ-{n}" for n in range(10, 20)} | {"EQ-13", "EQ-14"}  # EQ-1?, and section 2.2 holds EQ-13/14
    assert set(r.changes) == hps | eqs and r.matched == len(hps | eqs) and r.written
    reason = "large-scale training \\| not asked"  # first in notes, before a candidate's why (HP rows)
    assert all(after[i][0] == "OUT_OF_SCOPE" for i in hps | eqs)
    assert all(after[i][1].split("; candidate ")[0] == reason for i in hps | eqs)
    assert all(after[i] == before[i] for i in set(before) - hps - eqs)  # EQ-1 ... EQ-9, COMP-*: untouched
    assert r.changes["HP-learning-rate"] == "TODO -> OUT_OF_SCOPE"
    old_lines, new_lines = before_text.split("\n"), checklist.read_text(encoding="utf-8").split("\n")
    assert len(old_lines) == len(new_lines)
    for old, new in zip(old_lines, new_lines, strict=True):
        if old != new:  # a changed row: every cell but the last two (status, notes) byte for byte
            assert old.split(" | ")[:-2] == new.split(" | ")[:-2]

    # the same call again changes nothing; a section of the paper by its number, with its subsections
    again = set_scope(str(checklist), ["HP-*"], "OUT_OF_SCOPE", reason="large-scale training | not asked")
    assert again.changes == {} and not again.written and len(again.unchanged) == len(hps)
    steps = set_scope(str(checklist), ["2"], "DERIVATION", reason="background")
    in_2 = {it.id for it in parse_checklist(text=before_text) if (it.section or "").startswith(("2.", "2 "))}
    assert {f"EQ-{n}" for n in range(1, 15)} <= in_2 and set(steps.changes) == in_2  # 2.1 and 2.2
    assert scopes(checklist)["EQ-14"] == ("DERIVATION", "background; large-scale training \\| not asked")

    # back in scope: scoped rows return to TODO, a re-run of make_checklist keeps every cell
    back = set_scope(str(checklist.parent), ["EQ-14", "HP-learning-rate"], "IN_SCOPE")
    assert back.changes == {"EQ-14": "DERIVATION -> TODO", "HP-learning-rate": "OUT_OF_SCOPE -> TODO"}
    text = checklist.read_text(encoding="utf-8")
    rerun = make_checklist(str(checklist.parent / "paper.md"))
    assert rerun.merged and rerun.added == 0 and checklist.read_text(encoding="utf-8") == text


def test_a_pattern_matching_nothing_or_a_missing_reason_changes_nothing(checklist: Path):
    text = checklist.read_text(encoding="utf-8")
    with pytest.raises(BadArgument, match=r"'EQ-Z\*', 'Appendix Q' matched no row .* nothing was changed"):
        set_scope(str(checklist), ["HP-*", "EQ-Z*", "Appendix Q"], "OUT_OF_SCOPE", reason="x")
    with pytest.raises(BadArgument, match="needs a reason"):
        set_scope(str(checklist), ["HP-*"], "OUT_OF_SCOPE")
    with pytest.raises(BadArgument, match="ids is empty"):
        set_scope(str(checklist), [" "], "DERIVATION")
    assert checklist.read_text(encoding="utf-8") == text


@pytest.mark.anyio
async def test_mcp_and_cli_both_set_scope(checklist: Path, tmp_root: Path, client):
    r = await client.call_tool(
        "set_scope",
        {"checklist_path": str(checklist), "ids": ["COMP-*"], "scope": "OUT_OF_SCOPE", "reason": "no model"},
    )
    assert not r.is_error, r.content[0].text
    comps = {i for i in scopes(checklist) if i.startswith("COMP-")}
    assert set(r.structured_content["changes"]) == comps and comps
    bad = await client.call_tool(
        "set_scope", {"checklist_path": str(checklist), "ids": ["ALG-*"], "scope": "DERIVATION"}
    )
    assert bad.is_error and "'ALG-*' matched no row" in bad.content[0].text
    cli = run_cli(
        tmp_root,
        "--json",
        "set-scope",
        str(checklist),
        "--ids",
        "Hyperparameters",
        "--scope",
        "OUT_OF_SCOPE",
        "--reason",
        "fixed by the task",
    )
    assert cli.returncode == 0, cli.stderr
    changed = json.loads(cli.stdout)["changes"]
    assert changed and all(i.startswith("HP-") for i in changed)
    assert all(scopes(checklist)[i][0] == "OUT_OF_SCOPE" for i in changed)
