"""export_requirements on small real uv projects (locked with the real uv): pins, markers, dev file, extras,
pylock.toml, refusals (no lock, stale lock, no pyproject, uv missing), through the function, the MCP client
and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tools import workspace
from tools.errors import BadArgument, NotFound
from tools.project import uvcli
from tools.project.requirements import export_requirements, pins
from tools.project.uvcli import OUTPUT_CAP, run_uv

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = """[project]
name = "tiny-export"
version = "0.1.0"
requires-python = ">=3.11"
dependencies = ["pyyaml>=6", "colorama>=0.4; sys_platform == 'win32'"]

[project.optional-dependencies]
fast = ["numpy>=1.26"]

[dependency-groups]
dev = ["pytest>=8"]

[build-system]
requires = ["uv_build>=0.8,<1"]
build-backend = "uv_build"
"""


@pytest.fixture(scope="module")
def locked(tmp_path_factory) -> Path:
    """A tiny uv project (no torch) with a uv.lock written by the real `uv lock`; copied per test."""
    proj = tmp_path_factory.mktemp("export") / "tiny"
    (proj / "src" / "tiny_export").mkdir(parents=True)
    (proj / "src" / "tiny_export" / "__init__.py").write_text("")
    (proj / "pyproject.toml").write_text(PYPROJECT)
    run = subprocess.run(["uv", "lock"], cwd=proj, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                         timeout=180)
    assert run.returncode == 0, run.stderr
    return proj


@pytest.fixture
def proj(locked, tmp_path, monkeypatch) -> Path:
    import shutil

    monkeypatch.setattr(workspace, "_roots", [])
    workspace.set_roots([tmp_path])
    dest = tmp_path / "tiny"
    shutil.copytree(locked, dest)
    return dest


def test_requirements_txt_pins_markers_no_self_no_hashes(proj):
    (proj / "requirements.txt").write_text("old contents\n")
    result = export_requirements("tiny")
    text = (proj / "requirements.txt").read_text()
    assert result.files == [str(proj / "requirements.txt")]
    assert "old contents" not in text
    assert "-e " not in text and "--hash" not in text and "tiny-export" not in text
    assert "pytest" not in text and "numpy" not in text  # no dev group, no extra unless asked
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert any(line.startswith("pyyaml==") for line in lines)
    assert any(line.startswith("colorama==") and "sys_platform == 'win32'" in line for line in lines)
    assert result.packages == pins(text, "requirements-txt")
    assert {p.split("==")[0] for p in result.packages} == {"colorama", "pyyaml"}
    assert not list(proj.glob(".requirements.txt.*"))  # the atomic write left no temporary file


def test_dev_file_and_extras(proj):
    result = export_requirements("tiny", include_dev=True, extras=["fast"])
    main = (proj / "requirements.txt").read_text()
    dev = (proj / "requirements-dev.txt").read_text()
    assert "numpy==" in main and "pytest==" not in main
    assert "pytest==" in dev and "pyyaml==" in dev
    assert any(p.startswith("pytest==") for p in result.dev_packages)
    assert len(result.files) == 2
    with pytest.raises(BadArgument, match=r"unknown extras \['gpu'\].*fast"):
        export_requirements("tiny", extras=["gpu"])


def test_pylock_toml(proj):
    result = export_requirements("tiny", format="pylock.toml")
    data = tomllib.loads((proj / "pylock.toml").read_text())
    assert data["lock-version"] == "1.0"
    names = {p["name"] for p in data["packages"]}
    assert "pyyaml" in names and "pytest" not in names
    expected = {f"{p['name']}=={p['version']}" for p in data["packages"]}
    assert result.packages == sorted(expected, key=str.lower)
    assert not (proj / "requirements.txt").exists()


def test_missing_and_stale_lock_are_refused_with_the_fix(proj):
    pyproject = proj / "pyproject.toml"
    pyproject.write_text(PYPROJECT.replace('"pyyaml>=6"', '"pyyaml>=6", "idna>=3"'))
    with pytest.raises(BadArgument, match=r"out of date.*run `uv lock`"):
        export_requirements("tiny")
    assert not (proj / "requirements.txt").exists()
    (proj / "uv.lock").unlink()
    with pytest.raises(NotFound, match=r"no uv.lock .*run `uv lock`"):
        export_requirements("tiny")
    assert not (proj / "requirements.txt").exists()


def test_bad_input(proj, monkeypatch):
    (proj.parent / "empty").mkdir()
    with pytest.raises(NotFound, match="no pyproject.toml"):
        export_requirements("empty")
    with pytest.raises(NotFound, match="does not exist"):
        export_requirements("nowhere")
    monkeypatch.setenv("PATH", str(proj))
    monkeypatch.delenv("PAPER_TO_CODE_UV", raising=False)
    monkeypatch.setattr(uvcli, "uv_folders", lambda: [proj])  # nor beside Python, in ~/.local/bin, ...
    with pytest.raises(NotFound, match=r"uv is missing: .*Install it \(`pip install uv`"):
        export_requirements("tiny")


def test_cli(proj):
    base = [sys.executable, "-m", "server.cli", "--root", str(proj.parent)]
    run = subprocess.run([*base, "export-requirements", "tiny", "--include-dev", "--json"], cwd=REPO,
                         capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert run.returncode == 0, run.stderr
    assert any(p.startswith("pyyaml==") for p in json.loads(run.stdout)["packages"])
    assert (proj / "requirements-dev.txt").is_file()
    (proj / "uv.lock").unlink()
    run = subprocess.run([*base, "export-requirements", "tiny"], cwd=REPO, capture_output=True, text=True,
                         stdin=subprocess.DEVNULL, timeout=120)
    assert run.returncode == 1 and "uv lock" in run.stderr


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.mark.anyio
async def test_mcp_tool(proj):
    from mcp import Client

    from server.app import build_server

    async with Client(build_server()) as c:
        tool = next(t for t in (await c.list_tools()).tools if t.name == "export_requirements")
        assert tool.annotations.read_only_hint is False and tool.annotations.idempotent_hint is True
        r = await c.call_tool("export_requirements", {"project_path": "tiny", "format": "pylock.toml"})
        assert not r.is_error, r.content[0].text
        assert r.structured_content["files"] == [str(proj / "pylock.toml")]
        r = await c.call_tool("export_requirements", {"project_path": "tiny", "format": "conda"})
        assert r.is_error


def test_uv_runner_keeps_export_output_whole_caps_the_rest_and_kills_on_timeout(tmp_path):
    """The shared uv runner: export's stdout is kept whole (a big pylock.toml), other output is capped to its
    tail, and a timeout kills the whole process group."""
    script = "import time; print('x' * 50000); time.sleep(1.5); print('end')"
    whole = run_uv(["run", "--no-project", "python", "-c", script], tmp_path, keep_stdout=True)
    assert whole.ok and len(whole.stdout) > 50000 and whole.stdout.endswith("end\n")
    capped = run_uv(["run", "--no-project", "python", "-c", script], tmp_path)
    assert len(capped.stdout) < OUTPUT_CAP + 100 and capped.stdout.startswith("[... ")
    pidfile = tmp_path / "child.pid"
    forker = (f"import subprocess, sys, time; p = subprocess.Popen([sys.executable, '-c', 'import time; "
              f"time.sleep(60)']); open({str(pidfile)!r}, 'w').write(str(p.pid)); time.sleep(60)")
    slow = run_uv(["run", "--no-project", "python", "-c", forker], tmp_path, timeout=3)
    assert slow.timed_out and slow.returncode is None and slow.seconds < 10
    child = int(pidfile.read_text())
    deadline = time.monotonic() + 5
    while Path(f"/proc/{child}").exists() and time.monotonic() < deadline:
        stat = Path(f"/proc/{child}/stat").read_text() if Path(f"/proc/{child}/stat").exists() else ""
        if ") Z " in stat:  # a zombie waiting for its reaper is dead
            break
        time.sleep(0.1)
    alive = Path(f"/proc/{child}/stat").exists() and ") Z " not in Path(f"/proc/{child}/stat").read_text()
    assert not alive, "the grandchild survived the timeout"
