"""The official MCP conformance suite (@modelcontextprotocol/conformance, on Node 22 from npm) against the
console script serving Streamable HTTP. Scenarios that call the reference server's own fixtures are listed in
conformance-baseline.yml; every other server scenario must pass. Needs npx and the npm registry: skipped
without them, unless CONFORMANCE_REQUIRED=1 (CI), where their absence fails the test."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_http import http_server  # noqa: F401 - the fixture

SUITE = "@modelcontextprotocol/conformance@0.1.16"
NPX = ["npx", "-y", "-p", "node@22", "-p", SUITE]
BASELINE = Path(__file__).with_name("conformance-baseline.yml")
ALWAYS = {
    "server-initialize",
    "ping",
    "tools-list",
    "prompts-list",
    "resources-list",
    "logging-set-level",
    "dns-rebinding-protection",
    "server-sse-multiple-streams",
    "tools-call-error",
}

pytestmark = pytest.mark.conformance


def _unavailable(reason: str) -> None:
    if os.environ.get("CONFORMANCE_REQUIRED") == "1":
        pytest.fail(f"CONFORMANCE_REQUIRED=1 but {reason}")
    pytest.skip(reason)


def _npm_reachable() -> bool:
    try:
        probe = subprocess.run(
            ["npm", "view", SUITE, "version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def baseline() -> set[str]:
    import yaml

    return set(yaml.safe_load(BASELINE.read_text(encoding="utf-8"))["server"])


def test_the_official_conformance_suite_passes(http_server, tmp_path: Path):  # noqa: F811
    if shutil.which("npx") is None or shutil.which("npm") is None:
        _unavailable("npx/npm are not installed (Node.js)")
    if not _npm_reachable():
        _unavailable(f"the npm registry does not serve {SUITE} here (no network?)")
    url, _ = http_server
    out = tmp_path / "results"
    run = subprocess.run(
        [*NPX, "conformance", "server", "--url", url, "--expected-failures", str(BASELINE), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,
    )
    summary = run.stdout[run.stdout.find("=== SUMMARY") :][-4000:]
    results: dict[str, list[str]] = {}
    for checks in out.glob("server-*/checks.json"):
        scenario = re.sub(r"-\d{4}-\d\d-\d\dT[\d-]+Z$", "", checks.parent.name.removeprefix("server-"))
        results[scenario] = [c["status"] for c in json.loads(checks.read_text(encoding="utf-8"))]
    failed = {s for s, statuses in results.items() if "FAILURE" in statuses}
    assert set(results) >= ALWAYS, (
        f"scenarios missing from the run: {sorted(ALWAYS - set(results))}\n{summary}"
    )
    assert failed - baseline() == set(), (
        f"scenarios that must pass failed: {sorted(failed - baseline())}\n{summary}"
    )
    assert run.returncode == 0, (
        f"suite exit {run.returncode} (a stale baseline entry?)\n{summary}{run.stderr[-2000:]}"
    )
