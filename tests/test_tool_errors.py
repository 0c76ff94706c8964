"""Every tool, through the real MCP client: bad paths and ids get a ToolError that names the problem, never
the generic 'failed unexpectedly', and the server keeps answering afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.catalog import all_tools

# the path-like parameters of each tool, and the other arguments a call needs
PATH_ARGS = {
    "pdf_to_markdown": ("source", {}),
    "grep_equations": ("markdown_path", {}),
    "make_checklist": ("markdown_path", {}),
    "init_uv_project": ("path", {}),
    "export_requirements": ("project_path", {}),
    "run_tests_on_gpu": ("project_path", {"wait_s": 1}),
    "check_coverage": ("project_path", {}),
    "make_equation_test": ("project_path", {"item_id": "EQ-1"}),
    "render_page": ("paper", {"page": 1}),
    "set_scope": ("checklist_path", {"ids": ["EQ-1"], "scope": "DERIVATION"}),
}
ID_ARGS = {
    "get_test_run": {"job_id": "0123456789ab", "wait_s": 0},
    "cancel_test_run": {"job_id": "0123456789ab"},
    "get_conversion": {"job_id": "0123456789ab", "wait_s": 0},
    "cancel_conversion": {"job_id": "0123456789ab"},
}


def test_every_tool_is_covered_here():
    names = {s.name for s in all_tools()}
    assert names - {"list_gpu_targets"} == set(PATH_ARGS) | set(ID_ARGS)


def _text(result) -> str:
    return result.content[0].text


@pytest.mark.anyio
@pytest.mark.parametrize("tool", sorted(PATH_ARGS))
@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("outside", "outside the allowed roots"),
        ("dotdot", "'..'"),
        ("sibling", "outside the allowed roots"),
        ("missing", "does not exist|not found|no such"),
    ],
)
async def test_bad_paths_are_clear_tool_errors(client, tmp_root: Path, tool, case, words):
    import re

    outside = tmp_root.parent / f"{tmp_root.name}-evil"  # a look-alike sibling of the root
    outside.mkdir(exist_ok=True)
    (outside / "paper.pdf").write_bytes(b"%PDF-1.4\n")
    value = {
        "outside": "/etc/passwd",
        "dotdot": "../x/paper.pdf",
        "sibling": str(outside / "paper.pdf"),
        "missing": "no-such-thing/paper.md",
    }[case]
    if tool == "init_uv_project" and case == "missing":
        pytest.skip("init_uv_project creates a missing folder: that is its job")
    param, extra = PATH_ARGS[tool]
    result = await client.call_tool(tool, {param: value, **extra})
    assert result.is_error, f"{tool} accepted {case}: {_text(result)[:200]}"
    text = _text(result)
    assert "failed unexpectedly" not in text, text
    assert re.search(words, text, re.I), f"{tool} on {case}: {text}"
    assert not list(outside.glob("*.md")) and not (outside / ".paper-to-code").exists()


@pytest.mark.anyio
@pytest.mark.parametrize("tool", sorted(ID_ARGS))
async def test_unknown_job_ids_are_clear_tool_errors(client, tool):
    result = await client.call_tool(tool, ID_ARGS[tool])
    assert result.is_error and "failed unexpectedly" not in _text(result)
    assert "job" in _text(result).lower()
    listed = await client.list_tools()  # still answering
    assert len(listed.tools) == len(all_tools())
