"""The real MCP Inspector CLI (npx @modelcontextprotocol/inspector@2.12.0 --cli) against the stdio console
script: tools/list, each analysis tool on a corpus paper, and a bad call. 2.12.0 is the last release that runs
on Node 20 (later ones need Node >= 22)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from test_http import find

from server.catalog import all_tools

pytestmark = pytest.mark.inspector

INSPECTOR = "@modelcontextprotocol/inspector@2.12.0"
SCRIPT = Path(sys.executable).with_name("paper-to-code-mcp")
CORPUS = Path(__file__).parent / "fixtures" / "corpus"
ANALYSIS = ("pdf_to_markdown", "grep_equations", "make_checklist")
REMEDY = re.compile(r"\b(run|pass|check|use|create|move|restart|install|convert|download)\b", re.IGNORECASE)

Run = Callable[..., tuple[int, dict]]


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("inspector")
    shutil.copy(CORPUS / "nfp" / "paper.pdf", root / "nfp.pdf")
    return root


@pytest.fixture(scope="module")
def inspector(root: Path) -> Run:
    npx = shutil.which("npx")
    if npx is None:
        pytest.skip(
            "npx is not installed: install Node.js with npm (.ci/run does) to run the Inspector tests"
        )
    try:
        probe = subprocess.run(
            [npx, "-y", INSPECTOR, "--cli", "--help"],
            capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL, cwd=root,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.skip(f"fetching {INSPECTOR} through npx took over 300 s (no access to the npm registry?)")
    if probe.returncode != 0:
        pytest.skip(f"cannot run {INSPECTOR} through npx: {(probe.stderr or probe.stdout)[-500:]}")
    assert SCRIPT.exists(), f"console script {SCRIPT} missing: run `uv sync`"

    def run(*args: str) -> tuple[int, dict]:
        cmd = [
            npx,
            "-y",
            INSPECTOR,
            "--cli",
            "-q",
            "--format",
            "json",
            *args,
            "--",
            str(SCRIPT),
            "--root",
            str(root),
        ]
        p = subprocess.run(
            cmd, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL, cwd=root
        )
        lines = [line for line in p.stdout.splitlines() if line.startswith("{")]
        assert lines, (
            f"no JSON from the Inspector (exit {p.returncode}): {p.stdout[-500:]} {p.stderr[-1000:]}"
        )
        return p.returncode, json.loads(lines[0])

    return run


def call(run: Run, tool: str, **args: str) -> tuple[int, dict]:
    code, out = run("--method", "tools/call", "--tool-name", tool, "--tool-args-json", json.dumps(args))
    assert "result" in out, out
    return code, out["result"]


def test_tools_list(inspector: Run):
    code, out = inspector("--method", "tools/list")
    assert code == 0
    tools = {t["name"]: t for t in out["result"]["tools"]}
    assert set(tools) == {spec.name for spec in all_tools()}
    for name in ANALYSIS:
        t = tools[name]
        assert t["inputSchema"]["type"] == "object" and t["outputSchema"]["type"] == "object"
        hints = t["annotations"]
        assert {"readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"} <= set(hints), name


def test_each_analysis_tool_on_a_real_paper(inspector: Run, root: Path):
    code, converted = call(inspector, "pdf_to_markdown", source="nfp.pdf")
    assert code == 0 and converted["isError"] is False, converted
    paper_id = converted["structuredContent"]["paper_id"]
    markdown = f".paper-to-code/papers/{paper_id}/paper.md"
    assert (root / markdown).is_file()

    code, found = call(inspector, "grep_equations", markdown_path=markdown)
    assert code == 0 and found["isError"] is False, found
    assert find(found["structuredContent"], "label", "1"), "nfp's equation (1) was not found"

    code, checklist = call(inspector, "make_checklist", markdown_path=markdown)
    assert code == 0 and checklist["isError"] is False, checklist
    assert checklist["structuredContent"], checklist
    assert (root / markdown).with_name("IMPLEMENTATION_CHECKLIST.md").is_file()


def test_bad_call_is_an_error_that_says_what_to_do(inspector: Run):
    code, result = call(inspector, "pdf_to_markdown", source="no-such-paper.pdf")
    assert result["isError"] is True and code != 0
    text = result["content"][0]["text"]
    assert "no-such-paper.pdf" in text and REMEDY.search(text), text
