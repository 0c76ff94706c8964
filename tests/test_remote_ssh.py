"""run_tests_on_gpu on target "ssh:<alias>" against a real loopback OpenSSH server (key auth only), plus
list_gpu_targets and the ssh failure messages. The "remote" side is this machine, so the tests can look at the
remote folder and at /proc to prove that nothing is left running."""

from __future__ import annotations

import time
from pathlib import Path

import anyio
import pytest
from mcp import Client
from remote_fixtures import copy_tiny, live_pids_under, pid_alive, warm_uv_cache, write_targets

from server.app import build_server
from tools import config, workspace
from tools.runs.api import run_tests_on_gpu
from tools.runs.models import NO_GPU_LINE
from tools.runs.targets import list_gpu_targets, remote_folder, resolve_target

pytestmark = [pytest.mark.ssh, pytest.mark.anyio]
OFFLINE = {"UV_OFFLINE": "1"}  # the remote shell has no certificates: the uv cache is warmed locally


@pytest.fixture(scope="session")
def warm_cache():
    warm_uv_cache()


@pytest.fixture
def remote(sshd, warm_cache, tmp_path, monkeypatch):
    """Roots at tmp_path, a targets file naming the loopback server, the tiny project copied in."""
    monkeypatch.setattr(workspace, "_roots", [])
    workspace.set_roots([tmp_path])
    rdir = tmp_path / "remote"
    targets = write_targets(
        tmp_path / "targets.toml",
        sshd.ssh_config,
        {
            "gpubox": {"kind": "ssh", "host": "gpubox", "remote_dir": str(rdir), "env": OFFLINE},
            "nouv": {
                "kind": "ssh",
                "host": "gpubox",
                "remote_dir": str(rdir),
                "env": {"PATH": "/usr/bin:/bin"},
            },
        },
        aliases=["gpubox-down"],
    )
    monkeypatch.setattr(config, "_settings", config.Settings(targets_file=targets))
    project = copy_tiny(tmp_path / "tiny")
    return project, Path(remote_folder(resolve_target("ssh:gpubox"), project))


async def test_passing_suite_runs_remotely_and_says_no_gpu(remote):
    project, rfolder = remote
    r = await run_tests_on_gpu(str(project), target="ssh:gpubox", pytest_args=["tests/suite_ok.py"])
    assert r.status == "passed", (r.message, r.output_tail)
    assert (r.counts.passed, r.counts.skipped, r.counts.failed) == (2, 1, 0)
    assert r.exit_code == 0 and r.target == "ssh:gpubox"
    assert r.target_info["host"] == "gpubox" and r.target_info["remote_dir"] == str(rfolder)
    assert {t.nodeid for t in r.tests} >= {"tests/suite_ok.py::test_adds", "tests/suite_ok.py::test_on_gpu"}
    assert r.device is not None and r.device.python and r.device.torch is None  # probed in the remote env
    assert r.device_note == NO_GPU_LINE
    # it really ran in the stable remote folder, in that folder's own .venv
    assert (rfolder / ".venv" / "pyvenv.cfg").is_file()
    assert not (project / ".venv").exists()
    results = (rfolder / ".p2c" / "results.jsonl").read_text()
    assert "tests/suite_ok.py::test_joins" in results


async def test_failing_suite_reports_the_failure(remote):
    project, _ = remote
    r = await run_tests_on_gpu(str(project), target="ssh:gpubox", pytest_args=["tests/suite_fail.py"])
    assert r.status == "failed" and r.exit_code == 1
    assert (r.counts.passed, r.counts.failed) == (1, 1)
    failed = [t for t in r.tests if t.outcome == "failed"]
    assert failed[0].nodeid == "tests/suite_fail.py::test_wrong_sum"
    assert "arithmetic is broken" in failed[0].message


async def test_timeout_kills_the_remote_process_group(remote):
    project, rfolder = remote
    start = time.monotonic()
    r = await run_tests_on_gpu(
        str(project), target="ssh:gpubox", pytest_args=["tests/suite_hang.py"], timeout_s=12
    )
    assert r.status == "timed_out" and r.timed_out, (r.message, r.output_tail)
    assert time.monotonic() - start < 12 + 15  # limit, remote TERM/KILL grace, cleanup
    assert r.counts.passed == 1 and r.current_test == "tests/suite_hang.py::test_hangs"
    pytest_pid, sleep_pid = map(int, (rfolder / "hang.pids").read_text().split())
    assert not pid_alive(pytest_pid) and not pid_alive(sleep_pid)
    assert live_pids_under(rfolder) == []


async def test_cancel_through_mcp_leaves_nothing_running_remotely(remote):
    project, rfolder = remote
    async with Client(build_server()) as c:
        args = {"project_path": str(project), "target": "ssh:gpubox", "pytest_args": ["tests/suite_hang.py"]}
        started = await c.call_tool("run_tests_on_gpu", {**args, "wait_s": 1})
        job = started.structured_content
        assert job["status"] in ("queued", "syncing", "running") and not job["done"]
        pids = rfolder / "hang.pids"
        with anyio.fail_after(60):
            while not pids.is_file():
                await anyio.sleep(0.2)
        pytest_pid, sleep_pid = map(int, pids.read_text().split())
        assert pid_alive(pytest_pid) and pid_alive(sleep_pid)
        cancelled = (await c.call_tool("cancel_test_run", {"job_id": job["job_id"]})).structured_content
    assert cancelled["status"] == "cancelled" and cancelled["cancelled"]
    assert not pid_alive(pytest_pid) and not pid_alive(sleep_pid)
    assert live_pids_under(rfolder) == []


async def test_second_run_reuses_the_remote_environment(remote):
    project, rfolder = remote
    first = await run_tests_on_gpu(str(project), target="ssh:gpubox", pytest_args=["tests/suite_ok.py"])
    venv = (rfolder / ".venv").stat()
    (project / "tests" / "suite_extra.py").write_text("def test_new():\n    assert True\n")
    (project / "outputs").mkdir()
    (project / "outputs" / "checkpoint.pt").write_bytes(b"x" * 1000)
    second = await run_tests_on_gpu(
        str(project), target="ssh:gpubox", pytest_args=["tests/suite_ok.py", "tests/suite_extra.py"]
    )
    assert first.status == second.status == "passed"
    assert "Installed" in first.output_tail and "Installed" not in second.output_tail
    again = (rfolder / ".venv").stat()
    assert (again.st_ino, again.st_mtime_ns) == (venv.st_ino, venv.st_mtime_ns)
    # the edit was shipped (rsync), and files excluded from the sync were not
    assert second.counts.passed == 3 and "tests/suite_extra.py::test_new" in {t.nodeid for t in second.tests}
    assert not (rfolder / "outputs").exists()


@pytest.mark.parametrize(
    ("alias", "words"),
    [
        ("no-such-alias", "unknown host alias 'no-such-alias'"),
        ("gpubox-down", "is unreachable"),
        ("gpubox-wrongkey", "authentication to 'gpubox-wrongkey' was refused"),
        ("gpubox-newhost", "is not in known_hosts and is never accepted silently"),
        ("gpubox-changed", "has CHANGED"),
    ],
)
async def test_ssh_failures_are_explained(remote, alias, words):
    project, _ = remote
    r = await run_tests_on_gpu(str(project), target=f"ssh:{alias}", pytest_args=["tests/suite_ok.py"])
    assert r.status == "error" and words in r.message, r.message


async def test_uv_missing_remotely_says_how_to_install(remote):
    project, _ = remote
    r = await run_tests_on_gpu(str(project), target="ssh:nouv")
    assert r.status == "error"
    assert "uv is missing on gpubox" in r.message and "install.sh" in r.message


def test_list_gpu_targets_probes_in_parallel(remote, sshd):
    listed = list_gpu_targets(probe=False)
    assert [t.spec for t in listed.targets] == ["ssh:gpubox", "ssh:nouv", "ssh:gpubox-down"]
    assert all(t.reachable is None for t in listed.targets)
    probed = {t.spec: t for t in list_gpu_targets(probe=True, timeout_s=10).targets}
    box = probed["ssh:gpubox"]
    assert box.reachable and box.uv_version.startswith("uv ") and box.rsync and box.gpus == []
    assert probed["ssh:nouv"].reachable and "uv is missing" in probed["ssh:nouv"].error
    down = probed["ssh:gpubox-down"]
    assert down.reachable is False and "unreachable" in down.error and down.source == "alias"


def test_remote_timeout_is_the_backstop_when_this_side_goes_away(remote, sshd, monkeypatch):
    """Killing the local ssh client (laptop gone) leaves the remote command running, until its `timeout`."""
    import subprocess

    from tools.runs import ssh

    project, rfolder = remote
    monkeypatch.setattr(ssh, "BACKSTOP_EXTRA_S", 0)
    tr = ssh.SshTransport("ssh:gpubox", project, project.parent / "run")
    rfolder.mkdir(parents=True)
    (rfolder / ".p2c").mkdir()
    line = tr.command(["sh", "-c", "echo $$ > child.pid; exec sleep 1000"], {}, 4, ".p2c/run-1.pid")
    client = subprocess.Popen(["ssh", "-F", str(sshd.ssh_config), "gpubox", line], stdin=subprocess.DEVNULL)
    child = rfolder / "child.pid"
    deadline = time.monotonic() + 10
    while not (child.is_file() and child.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    pid = int(child.read_text())
    client.kill()
    client.wait()
    time.sleep(0.5)
    assert pid_alive(pid)  # no pty: the remote side does not notice the client is gone
    deadline = time.monotonic() + 30
    while (pid_alive(pid) or live_pids_under(rfolder)) and time.monotonic() < deadline:
        time.sleep(0.2)  # the remote shell ends after its sweep
    assert not pid_alive(pid) and live_pids_under(rfolder) == []
