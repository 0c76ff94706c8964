"""run_tests_on_gpu / get_test_run / cancel_test_run on hand-made uv projects (no torch), through the real MCP
client and the CLI: reports, the job model, and that no process of a run survives a timeout or a cancel."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import anyio
import pytest
from mcp import Client

from server.app import build_server
from tools import workspace
from tools.project import uvcli
from tools.runs import jobs, models
from tools.runs.models import NO_GPU_LINE, DeviceProbe, Gpu
from tools.runs.report import Tail, diagnose, find_oom

FIXTURES = Path(__file__).parent / "fixtures" / "projects"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.setattr(workspace, "_roots", [])
    workspace.set_roots([tmp_path])
    monkeypatch.setenv("P2C_FIXTURE_PIDFILE", str(tmp_path / "pids.txt"))
    return tmp_path


def project(root: Path, name: str) -> Path:
    dest = root / name
    shutil.copytree(FIXTURES / name, dest, ignore=shutil.ignore_patterns(".venv", "__pycache__"))
    return dest


async def call(c: Client, tool: str, progress: list | None = None, **args) -> dict:
    async def on_progress(value, total, message):
        if progress is not None:
            progress.append((value, total, message))

    r = await c.call_tool(tool, args, progress_callback=on_progress)
    assert not r.is_error, r.content[0].text
    out, end = r.structured_content, time.monotonic() + 900
    # wait_s >= 50 means "to the end": poll on, so that a busy machine is slow but never fails the test
    while args.get("wait_s", 0) >= 50 and not out.get("done", True) and time.monotonic() < end:
        out = await call(c, "get_test_run", job_id=out["job_id"], wait_s=30)
    return out


async def call_error(c: Client, tool: str, **args) -> str:
    r = await c.call_tool(tool, args)
    assert r.is_error
    return r.content[0].text


def group_members(pgid: int) -> list[int]:
    """Live (non-zombie) processes whose process group is pgid, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


async def wait_for_pids(root: Path, timeout: float = 30) -> tuple[int, int, int]:
    """(pytest pid, its process group, the child it started) once the fixture test wrote them."""
    pidfile = root / "pids.txt"
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pidfile.is_file() and pidfile.read_text().endswith("\n"):
            test_pid, child = map(int, pidfile.read_text().split())
            return test_pid, os.getpgid(test_pid), child
        await anyio.sleep(0.1)
    raise AssertionError("the fixture test never started")


# ---- report pieces ----------------------------------------------------------------------------------------


def test_oom_is_found_in_messages_and_tail():
    t = models.TestResult(
        nodeid="t::a", outcome="failed", when="call", message="torch.OutOfMemoryError: CUDA out of memory."
    )
    assert find_oom([t], "") == "t::a: torch.OutOfMemoryError"
    assert find_oom([], "RuntimeError: MPS backend out of memory (MPS allocated: 1 GB)") is not None
    other = models.TestResult(nodeid="t::b", outcome="failed", when="call", message="shape")
    assert find_oom([other], "ok") is None


def test_tail_keeps_the_last_characters():
    tail = Tail(limit=100)
    for i in range(50):
        tail.add(f"line {i:03d}")
    text = tail.text()
    assert text.endswith("line 049") and "line 000" not in text and "earlier lines cut" in text
    assert len(text) < 150


def test_cpu_only_torch_beside_nvidia_smi_is_diagnosed():
    p = DeviceProbe(
        torch="2.13.0+cpu",
        cuda_available=False,
        driver="570.1",
        nvidia_smi=[Gpu(index=0, name="NVIDIA H100", memory_total_mib=81559)],
    )
    assert "nvidia-smi works but torch sees no CUDA" in diagnose(p)
    cuda = DeviceProbe(torch="2.13.0", cuda_available=True, gpus=[Gpu(index=0, name="NVIDIA H100")])
    assert "NVIDIA H100" in diagnose(cuda)


# ---- through the MCP client ----


@pytest.mark.anyio
async def test_tools_are_listed_with_hints():
    async with Client(build_server()) as c:
        tools = {t.name: t for t in (await c.list_tools()).tools}
    assert {"run_tests_on_gpu", "get_test_run", "cancel_test_run"} <= set(tools)
    assert tools["get_test_run"].annotations.read_only_hint is True
    assert tools["cancel_test_run"].annotations.destructive_hint is True


@pytest.mark.anyio
async def test_passing_suite_reports_counts_device_and_per_test_progress(root):
    p = project(root, "passing")
    progress: list = []
    async with Client(build_server()) as c:
        r = await call(c, "run_tests_on_gpu", progress, project_path=str(p), wait_s=50)
    assert r["status"] == "passed" and r["done"] and r["exit_code"] == 0
    assert r["counts"] == {"passed": 3, "failed": 0, "skipped": 1, "xfailed": 1, "xpassed": 0, "errors": 0}
    assert r["collected"] == 5
    gpu = [t for t in r["tests"] if t["gpu"]]
    assert [(t["nodeid"], t["outcome"]) for t in gpu] == [("tests/test_ok.py::test_on_gpu", "skipped")]
    assert gpu[0]["message"] == "no CUDA on this machine"
    assert r["device"]["python"].startswith("3.11") and r["device"]["torch"] is None
    assert r["device_note"] == NO_GPU_LINE
    assert "3 passed" in r["output_tail"]
    finished = [m for _, _, m in progress if m and m.split()[0] in ("passed", "skipped", "xfailed")]
    assert len(finished) == 5 and "passed tests/test_ok.py::test_add" in finished
    values = [v for v, _, _ in progress]
    assert values == sorted(values) and len(set(values)) == len(values)


@pytest.mark.anyio
async def test_failing_suite_carries_the_failure_message(root):
    p = project(root, "failing")
    async with Client(build_server()) as c:
        r = await call(c, "run_tests_on_gpu", project_path=str(p), wait_s=50)
    assert r["status"] == "failed" and r["exit_code"] == 1 and r["exit_meaning"] == "some tests failed"
    assert r["counts"]["passed"] == 1 and r["counts"]["failed"] == 1
    bad = r["tests"][0]
    assert bad["nodeid"] == "tests/test_fail.py::test_wrong_shape" and bad["outcome"] == "failed"
    assert "output shape mismatch" in bad["message"] and "assert" in bad["detail"]
    assert not r["oom"]


@pytest.mark.anyio
async def test_hanging_suite_times_out_and_no_process_survives(root):
    p = project(root, "hanging")
    async with Client(build_server()) as c:
        t0 = time.monotonic()
        async with anyio.create_task_group() as tg:
            result: dict = {}

            async def run():
                result.update(await call(c, "run_tests_on_gpu", project_path=str(p), timeout_s=6, wait_s=50))

            tg.start_soon(run)
            test_pid, pgid, child = await wait_for_pids(root)
            assert alive(child) and test_pid in group_members(pgid)
    assert result["status"] == "timed_out" and result["timed_out"] and result["exit_code"] is None
    assert time.monotonic() - t0 < 20
    assert result["counts"]["passed"] == 1  # written before the kill
    assert result["current_test"] == "tests/test_hang.py::test_hangs"
    assert group_members(pgid) == [] and not alive(child) and not alive(test_pid)


@pytest.mark.anyio
async def test_cancel_kills_the_group_and_a_queued_run_then_goes(root):
    hanging, passing = project(root, "hanging"), project(root, "passing")
    async with Client(build_server()) as c:
        first = await call(c, "run_tests_on_gpu", project_path=str(hanging), wait_s=0)
        assert first["status"] in ("queued", "syncing", "running") and not first["done"]
        second = await call(c, "run_tests_on_gpu", project_path=str(passing), wait_s=0)
        assert second["status"] == "queued"  # one run at a time per target
        test_pid, pgid, child = await wait_for_pids(root)
        polled = await call(c, "get_test_run", job_id=first["job_id"], wait_s=1)
        assert polled["status"] == "running" and polled["current_test"] == "tests/test_hang.py::test_hangs"
        cancelled = await call(c, "cancel_test_run", job_id=first["job_id"])
        assert cancelled["status"] == "cancelled" and cancelled["cancelled"] and cancelled["done"]
        assert group_members(pgid) == [] and not alive(child)
        again = await call(c, "get_test_run", job_id=first["job_id"], wait_s=0)
        assert again["status"] == "cancelled"
        done = await call(c, "get_test_run", job_id=second["job_id"], wait_s=50)
        assert done["status"] == "passed"
    record = json.loads((jobs.jobs_dir() / f"{first['job_id']}.json").read_text())
    assert record["report"]["status"] == "cancelled"


@pytest.mark.anyio
async def test_keepalive_progress_while_a_test_hangs(root):
    p = project(root, "hanging")
    progress: list = []
    async with Client(build_server()) as c:
        r = await call(c, "run_tests_on_gpu", progress, project_path=str(p), wait_s=12)
        assert r["status"] == "running" and not r["done"] and r["job_id"]
        assert "test_quick" in str(r["tests"]) and r["output_tail"]
        await call(c, "cancel_test_run", job_id=r["job_id"])
    keepalive = [m for _, _, m in progress if m and m.startswith("running: pytest")]
    assert len(keepalive) >= 1
    values = [v for v, _, _ in progress]
    assert values == sorted(values) and len(set(values)) == len(values)


@pytest.mark.anyio
async def test_forking_suite_leaves_no_child_after_a_normal_exit(root):
    p = project(root, "forking")
    async with Client(build_server()) as c:
        r = await call(c, "run_tests_on_gpu", project_path=str(p), wait_s=50)
    assert r["status"] == "passed"
    test_pid, child = map(int, (root / "pids.txt").read_text().split())
    assert not alive(child) and not alive(test_pid)


@pytest.mark.anyio
@pytest.mark.parametrize("how", ["exit", "sigkill"])
async def test_killed_interpreter_is_reported_with_the_last_test(root, monkeypatch, how):
    monkeypatch.setenv("P2C_FIXTURE_CRASH", how)
    p = project(root, "crashing")
    async with Client(build_server()) as c:
        r = await call(c, "run_tests_on_gpu", project_path=str(p), wait_s=50)
    assert r["status"] == "error" and "died" in r["message"]
    assert r["current_test"] == "tests/test_crash.py::test_kills_interpreter"
    assert r["counts"]["passed"] == 1
    assert r["exit_code"] == (3 if how == "exit" else 137)
    assert r["device"]["python"].startswith("3.11")  # probed in a process of its own: pytest died
    assert ("SIGKILL" in r["exit_meaning"]) == (how == "sigkill")


@pytest.mark.anyio
async def test_no_tests_is_exit_5(root):
    p = project(root, "no_tests")
    async with Client(build_server()) as c:
        r = await call(c, "run_tests_on_gpu", project_path=str(p), wait_s=50)
    assert r["status"] == "no_tests" and r["exit_code"] == 5 and "no tests were collected" in r["message"]


@pytest.mark.anyio
async def test_collection_error_names_the_module(root):
    p = project(root, "collect_error")
    async with Client(build_server()) as c:
        r = await call(c, "run_tests_on_gpu", project_path=str(p), wait_s=50)
    assert r["status"] == "error" and r["exit_code"] == 2
    assert r["counts"]["errors"] == 1 and "tests/test_broken.py" in r["message"]
    assert "no_such_module_p2c" in r["tests"][0]["detail"] + r["tests"][0]["message"]


@pytest.mark.anyio
async def test_bad_pytest_args(root):
    p = project(root, "passing")
    async with Client(build_server()) as c:
        r = await call(
            c,
            "run_tests_on_gpu",
            project_path=str(p),
            pytest_args=["-k", "not none", "-x", "-q", "--tb=short", "-rA", "tests"],
            wait_s=50,
        )
        while not r["done"]:
            r = await call(c, "get_test_run", job_id=r["job_id"], wait_s=30)
        assert r["status"] == "passed", r["message"]
        msg = await call_error(c, "run_tests_on_gpu", project_path=str(p), pytest_args=["--no-such-opt"])
        assert "not an allowed pytest option" in msg and "-k VALUE" in msg
        msg = await call_error(c, "run_tests_on_gpu", project_path=str(p), pytest_args=["-x", ";", "rm"])
        assert "shell syntax" in msg
        msg = await call_error(c, "run_tests_on_gpu", project_path=str(p), pytest_args=["--basetemp=/tmp"])
        assert "not an allowed pytest option" in msg
        msg = await call_error(
            c, "run_tests_on_gpu", project_path=str(p), pytest_args=["-p", "no:p2c_report_plugin"]
        )
        assert "not an allowed pytest option" in msg


@pytest.mark.anyio
async def test_sync_failure_is_a_clear_report(root):
    p = project(root, "sync_failure")
    async with Client(build_server()) as c:
        r = await call(c, "run_tests_on_gpu", project_path=str(p), wait_s=50)
    assert r["status"] == "error" and r["done"]
    assert "`uv sync --locked` failed" in r["message"] and "p2c-no-such-package-xyz" in r["output_tail"]
    assert r["device"] is None and r["counts"] == {k: 0 for k in r["counts"]}


@pytest.mark.anyio
async def test_bad_input_is_refused(root, monkeypatch):
    (root / "empty").mkdir()
    p = project(root, "passing")
    async with Client(build_server()) as c:
        assert "no pyproject.toml" in await call_error(
            c, "run_tests_on_gpu", project_path=str(root / "empty")
        )
        assert "unknown target" in await call_error(c, "run_tests_on_gpu", project_path=str(p), target="moon")
        assert "not a job id" in await call_error(c, "get_test_run", job_id="../../etc/passwd")
        assert "no test run" in await call_error(c, "get_test_run", job_id="0123456789ab")
        monkeypatch.setenv("PATH", str(root / "empty"))
        monkeypatch.delenv("PAPER_TO_CODE_UV", raising=False)
        monkeypatch.setattr(uvcli, "uv_folders", lambda: [root / "empty"])  # nor beside Python, ~/.local/bin
        msg = await call_error(c, "run_tests_on_gpu", project_path=str(p))
    assert "uv is missing" in msg and "pip install uv" in msg
    assert not jobs.jobs_dir().exists() or not list(jobs.jobs_dir().glob("*.json"))


@pytest.mark.anyio
async def test_record_of_a_dead_owner_reads_as_lost(root):
    dead = subprocess.Popen(["true"])
    dead.wait()
    report = {
        "job_id": "00000000abcd",
        "target": "local",
        "project": str(root),
        "status": "running",
        "done": False,
        "message": "pytest",
        "started_at": "2026-01-01T00:00:00+00:00",
    }
    jobs.jobs_dir().mkdir(parents=True)
    (jobs.jobs_dir() / "00000000abcd.json").write_text(json.dumps({"owner_pid": dead.pid, "report": report}))
    async with Client(build_server()) as c:
        r = await call(c, "get_test_run", job_id="00000000abcd", wait_s=0)
    assert r["status"] == "lost" and r["done"] and f"pid {dead.pid}" in r["message"]


# ---- through the CLI ---------------------------------------------------------------------------------------


def cli(root: Path, *args: str, env: dict | None = None, **kw) -> subprocess.Popen:
    argv = ["uv", "run", "--project", str(REPO), "paper-to-code", "--root", str(root), *args]
    return subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env or os.environ.copy(), **kw
    )


def test_cli_waits_for_the_run_and_a_later_process_reads_it(root):
    p = project(root, "failing")
    out, err = cli(root, "run-tests-on-gpu", str(p), "--json").communicate(timeout=120)
    r = json.loads(out)
    assert r["status"] == "failed" and r["done"]
    proc = cli(root, "get-test-run", r["job_id"])
    text, _ = proc.communicate(timeout=60)
    assert proc.returncode == 1 and text.startswith("failed: 1 passed, 1 failed")
    assert "FAILED tests/test_fail.py::test_wrong_shape: AssertionError: output shape mismatch" in text
    ok = cli(root, "run-tests-on-gpu", str(project(root, "passing")), "--wait-s", "0")
    text, _ = ok.communicate(timeout=120)
    assert ok.returncode == 0 and text.startswith("passed: 3 passed, 1 skipped, 1 xfailed")
    assert NO_GPU_LINE in text


def test_cli_bad_args_and_uv_missing(root):
    p = project(root, "passing")
    proc = cli(root, "run-tests-on-gpu", str(p), "--pytest-args=-k((")
    text, _ = proc.communicate(timeout=120)
    assert proc.returncode == 1 and "pytest usage error (exit 4)" in text
    proc = cli(root, "run-tests-on-gpu", str(p), "--pytest-args=--no-such-opt")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1 and "not an allowed pytest option" in err and "Traceback" not in err
    script = Path(sys.executable).parent / "paper-to-code"
    env = {**os.environ, "PATH": str(root), "PAPER_TO_CODE_UV": str(root / "no-uv")}
    done = subprocess.run(
        [str(script), "--root", str(root), "run-tests-on-gpu", str(p)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "PAPER_TO_CODE_UV" in done.stderr and "not an executable" in done.stderr


@pytest.mark.anyio
async def test_cancel_from_another_process_stops_a_cli_run(root):
    p = project(root, "hanging")
    proc = cli(root, "run-tests-on-gpu", str(p), "--json")
    try:
        test_pid, pgid, child = await wait_for_pids(root, timeout=60)
        (record,) = jobs.jobs_dir().glob("*.json")
        job_id = record.stem
        async with Client(build_server()) as c:
            r = await call(c, "cancel_test_run", job_id=job_id)
        assert r["status"] == "cancelled" and r["done"]
        out, _ = proc.communicate(timeout=30)
        assert proc.returncode == 1 and json.loads(out)["status"] == "cancelled"
        assert group_members(pgid) == [] and not alive(child)
    finally:
        if proc.poll() is None:
            proc.kill()


def test_old_job_records_are_pruned(root):
    jobs.jobs_dir().mkdir(parents=True)
    for i in range(5):
        (jobs.jobs_dir() / f"{i:012x}.json").write_text("{}")
        (jobs.jobs_dir() / f"{i:012x}").mkdir()
        os.utime(jobs.jobs_dir() / f"{i:012x}.json", (1000 + i, 1000 + i))
    jobs.prune(keep=2)
    assert sorted(p.name for p in jobs.jobs_dir().iterdir()) == [
        "000000000003",
        "000000000003.json",
        "000000000004",
        "000000000004.json",
    ]


@pytest.mark.anyio
async def test_project_without_pytest_says_how_to_add_it(root):
    p = project(root, "passing")
    text = (p / "pyproject.toml").read_text().replace('dev = ["pytest>=8"]', "dev = []")
    (p / "pyproject.toml").write_text(text)
    subprocess.run(["uv", "lock", "--offline", "-q"], cwd=p, check=True, timeout=60)
    async with Client(build_server()) as c:
        r = await call(c, "run_tests_on_gpu", project_path=str(p), wait_s=50)
    assert r["status"] == "error" and "uv add --dev pytest" in r["message"]
