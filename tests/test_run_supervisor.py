"""No process of a test run is left behind: a setsid'd double-forked daemon, a server or CLI killed mid-run,
a cancel from a later process, and an MCP call cancelled by its client. Real uv projects, real processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import anyio
import pytest
from mcp import Client
from test_testrun import alive, call, project, wait_for_pids

from server.app import build_server
from tools.runs import jobs, procs

CLI = Path(sys.executable).parent / "paper-to-code"
DEADLINE_S = 120.0  # generous: the machine may be busy; every wait below ends as soon as its state is reached


@pytest.fixture
def root(tmp_path, monkeypatch):
    from tools import workspace

    monkeypatch.setattr(workspace, "_roots", [])
    workspace.set_roots([tmp_path])
    monkeypatch.setenv("P2C_FIXTURE_PIDFILE", str(tmp_path / "pids.txt"))
    monkeypatch.setenv("P2C_FIXTURE_DAEMON_PIDFILE", str(tmp_path / "daemon.pid"))
    return tmp_path


def wait_until(predicate, what: str, deadline: float = DEADLINE_S):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"{what}: not reached within {deadline:.0f} s")


def daemon_pid(root: Path) -> int:
    pidfile = root / "daemon.pid"
    return int(wait_until(lambda: pidfile.is_file() and pidfile.read_text().strip(), "the daemon started"))


def record(job_id: str) -> dict:
    return json.loads((jobs.jobs_dir() / f"{job_id}.json").read_text())


def running_record(root: Path) -> tuple[str, dict]:
    """The one job record, once pytest runs under a supervisor the record names."""

    def ready():
        found = list(jobs.jobs_dir().glob("*.json")) if jobs.jobs_dir().is_dir() else []
        if len(found) != 1:
            return None
        try:
            data = json.loads(found[0].read_text())
        except ValueError:
            return None
        running = data["report"]["status"] == "running" and data.get("supervisors")
        return (found[0].stem, data) if running else None

    return wait_until(ready, "the run started")


def start_cli(root: Path, p: Path, timeout_s: int) -> subprocess.Popen:
    env = {**os.environ, "P2C_FIXTURE_HANG": "1"}
    argv = [
        str(CLI),
        "--root",
        str(root),
        "run-tests-on-gpu",
        str(p),
        "--timeout-s",
        str(timeout_s),
        "--json",
    ]
    return subprocess.Popen(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )


def kill_cli_and_list_the_run(
    root: Path, cli: subprocess.Popen | None, data: dict, server: int | None = None
) -> list[int]:
    """SIGKILL the CLI's whole group, or the server (as a crash would); the run's processes, which must all
    end later."""
    ((sup, start),) = data["supervisors"]
    daemon = daemon_pid(root)
    pidfile = root / "pids.txt"
    text = wait_until(
        lambda: pidfile.is_file() and pidfile.read_text().endswith("\n") and pidfile.read_text(), ""
    )
    test_pid, child = map(int, text.split())
    if cli is not None:
        os.killpg(cli.pid, signal.SIGKILL)
        cli.wait(timeout=30)
    else:
        os.kill(server, signal.SIGKILL)
        wait_until(lambda: not alive(server), "the server died", 30)
    assert procs.same(sup, start) and alive(daemon) and alive(test_pid) and alive(child)
    return [sup, daemon, test_pid, child, *procs.descendants(sup)]


@pytest.mark.anyio
async def test_setsid_daemon_does_not_survive_a_passed_run(root):
    p = project(root, "daemon")
    async with Client(build_server()) as c:
        r = await call(c, "run_tests_on_gpu", project_path=str(p), wait_s=50)
        while not r["done"]:
            r = await call(c, "get_test_run", job_id=r["job_id"], wait_s=50)
    assert r["status"] == "passed" and r["counts"]["passed"] == 2
    daemon = daemon_pid(root)
    assert procs.start_time(daemon) is None or not alive(daemon)  # killed before the supervisor exited


def test_a_killed_cli_still_ends_its_run_at_the_timeout(root):
    cli = start_cli(root, project(root, "daemon"), timeout_s=40)  # room to start on a busy machine
    try:
        job_id, data = running_record(root)
        pids = kill_cli_and_list_the_run(root, cli, data)
        final = wait_until(lambda: record(job_id)["report"]["done"] and record(job_id), "the record is final")
    finally:
        if cli.poll() is None:
            cli.kill()
    assert final["report"]["status"] == "timed_out" and final["report"]["timed_out"]
    assert "was gone" in final["report"]["message"]
    wait_until(lambda: not any(alive(pid) for pid in pids), "every process of the run ended", 30)


@pytest.mark.anyio
async def test_cancel_from_a_fresh_process_kills_an_orphaned_run(root):
    cli = start_cli(root, project(root, "daemon"), timeout_s=900)
    try:
        job_id, data = running_record(root)
        pids = kill_cli_and_list_the_run(root, cli, data)
        t0 = time.monotonic()
        async with Client(build_server()) as c:  # this process never ran the job: it reads the record
            polled = await call(c, "get_test_run", job_id=job_id, wait_s=0)
            assert polled["status"] == "running" and not polled["done"]
            assert f"supervisor, pid {data['supervisors'][0][0]}" in polled["message"]
            r = await call(c, "cancel_test_run", job_id=job_id)
    finally:
        if cli.poll() is None:
            cli.kill()
    assert r["status"] == "cancelled" and r["done"] and r["cancelled"]
    assert time.monotonic() - t0 < 60  # long before the 900 s timeout
    wait_until(lambda: not any(alive(pid) for pid in pids), "every process of the run ended", 30)


@pytest.mark.anyio
async def test_a_reused_supervisor_pid_is_never_killed(root):
    bystander = subprocess.Popen(["sleep", "120"])
    try:
        start = procs.start_time(bystander.pid)
        dead = subprocess.Popen(["true"])
        dead.wait()
        report = {"job_id": "00000000beef", "target": "local", "project": str(root), "status": "running",
                  "done": False, "message": "pytest", "started_at": "2026-01-01T00:00:00+00:00"}  # fmt: skip
        jobs.jobs_dir().mkdir(parents=True)
        (jobs.jobs_dir() / "00000000beef.json").write_text(
            json.dumps({"owner_pid": dead.pid, "supervisors": [[bystander.pid, start + 1]], "report": report})
        )
        async with Client(build_server()) as c:
            r = await call(c, "cancel_test_run", job_id="00000000beef")
        assert r["status"] == "lost" and r["done"]
        time.sleep(0.5)
        assert bystander.poll() is None  # same pid, another start time: not the run's supervisor
    finally:
        bystander.kill()
        bystander.wait()


@pytest.mark.anyio
async def test_cancelled_mcp_call_cancels_its_job_whose_id_came_first(root, monkeypatch):
    monkeypatch.setenv("P2C_FIXTURE_HANG", "1")
    hanging, passing = project(root, "daemon"), project(root, "passing")
    progress: list = []

    async def on_progress(value, total, message):
        progress.append(message)

    async with Client(build_server()) as c:
        with anyio.move_on_after(DEADLINE_S) as scope:
            async with anyio.create_task_group() as tg:

                async def cancel_once_running():
                    await wait_for_pids(root, DEADLINE_S)
                    scope.cancel()

                tg.start_soon(cancel_once_running)
                await c.call_tool(
                    "run_tests_on_gpu",
                    {"project_path": str(hanging), "wait_s": 55},
                    progress_callback=on_progress,
                )
        assert scope.cancelled_caught
        first = progress[0]
        assert first.startswith("job ") and " started on local" in first
        job_id = first.split()[1]
        assert jobs.is_job_id(job_id)
        test_pid, _, child = await wait_for_pids(root, 1)
        r = await call(c, "get_test_run", job_id=job_id, wait_s=55)
        assert r["status"] == "cancelled" and r["done"]
        assert not alive(test_pid) and not alive(child) and not alive(daemon_pid(root))
        nxt = await call(c, "run_tests_on_gpu", project_path=str(passing), wait_s=55)  # not queued behind it
        while not nxt["done"]:
            nxt = await call(c, "get_test_run", job_id=nxt["job_id"], wait_s=55)
        assert nxt["status"] == "passed"


@pytest.mark.anyio
async def test_a_killed_mcp_server_leaves_a_run_that_a_restarted_one_cancels(root, monkeypatch):
    from mcp import StdioServerParameters

    monkeypatch.setenv("P2C_FIXTURE_HANG", "1")
    p = project(root, "daemon")
    exe = Path(sys.executable).parent / "paper-to-code-mcp"
    params = StdioServerParameters(command=str(exe), args=["--root", str(root)], env=dict(os.environ))
    pids: list[int] = []
    try:
        async with Client(params) as c:
            started = await call(c, "run_tests_on_gpu", project_path=str(p), wait_s=0)
            job_id, data = running_record(root)
            assert job_id == started["job_id"]
            pids = kill_cli_and_list_the_run(root, None, data, server=data["owner_pid"])
    except Exception:  # the server died under the open session: only then is an error on closing expected
        if not pids:
            raise
    async with Client(build_server()) as c:  # the "restarted" server: it knows the run from its record only
        r = await call(c, "cancel_test_run", job_id=job_id)
    assert r["status"] == "cancelled" and r["done"]
    wait_until(lambda: not any(alive(pid) for pid in pids), "every process of the run ended", 30)
