"""run_tests_on_gpu on target "slurm:<login host>": the project synced over ssh (a loopback sshd plays the
login node), the tests run as a batch job of a real single-node Slurm, polled with squeue, cancelled with
scancel."""

from __future__ import annotations

import re
from pathlib import Path

import anyio
import pytest
from mcp import Client
from remote_fixtures import copy_tiny, live_pids_under, pid_alive, warm_uv_cache, write_targets

from server.app import build_server
from tools import config, workspace
from tools.runs.api import run_tests_on_gpu
from tools.runs.models import NO_GPU_LINE
from tools.runs.targets import remote_folder, resolve_target

pytestmark = [pytest.mark.ssh, pytest.mark.slurm, pytest.mark.anyio]


@pytest.fixture(scope="session")
def warm_cache():
    warm_uv_cache()


@pytest.fixture
def cluster(sshd, slurm, warm_cache, tmp_path, monkeypatch):
    monkeypatch.setattr(workspace, "_roots", [])
    workspace.set_roots([tmp_path])
    base = {"kind": "slurm", "host": "gpubox", "remote_dir": str(tmp_path / "remote")}
    env = {"UV_OFFLINE": "1", "SLURM_CONF": str(slurm.conf)}  # the login node's Slurm client configuration
    targets = write_targets(
        tmp_path / "targets.toml",
        sshd.ssh_config,
        {
            "ci": {**base, "env": env, "gres": "", "partition": "debug"},
            "gpus": {**base, "env": env, "gres": "gpu:1"},  # this node has no GPU: Slurm refuses the job
            "later": {**base, "env": env, "gres": "", "sbatch_args": ["--begin=now+1hour"]},
        },
    )
    monkeypatch.setattr(config, "_settings", config.Settings(targets_file=targets))
    project = copy_tiny(tmp_path / "tiny")
    return project, Path(remote_folder(resolve_target("slurm:ci"), project)), slurm


def job_id(tail: str) -> str:
    m = re.search(r"slurm job (\d+) submitted", tail)
    assert m, tail
    return m.group(1)


def job_state(slurm, jid: str) -> str:
    out = slurm.run("scontrol", "show", "job", "-o", jid).stdout
    return dict(f.split("=", 1) for f in out.split() if "=" in f).get("JobState", "")


async def test_passing_suite_runs_as_a_batch_job(cluster):
    project, rfolder, slurm = cluster
    r = await run_tests_on_gpu(str(project), target="slurm:ci", pytest_args=["tests/suite_ok.py"])
    assert r.status == "passed", (r.message, r.output_tail)
    assert (r.counts.passed, r.counts.skipped) == (2, 1) and r.exit_code == 0
    assert r.device is not None and r.device_note == NO_GPU_LINE
    jid = job_id(r.output_tail)
    assert f"slurm job {jid} ended: COMPLETED, exit 0" in r.output_tail
    assert job_state(slurm, jid) == "COMPLETED"
    assert r.target_info["slurm_job_id"] == jid and r.target_info["slurm_state"] == "COMPLETED"
    assert (rfolder / ".p2c" / f"slurm-{jid}.out").is_file()  # the job's own output file


async def test_failing_suite_is_a_failed_job(cluster):
    project, _, slurm = cluster
    r = await run_tests_on_gpu(str(project), target="slurm:ci", pytest_args=["tests/suite_fail.py"])
    assert r.status == "failed" and r.exit_code == 1 and r.counts.failed == 1
    assert "arithmetic is broken" in next(t.message for t in r.tests if t.outcome == "failed")
    assert job_state(slurm, job_id(r.output_tail)) == "FAILED"


async def test_timeout_scancels_the_job_and_its_processes(cluster):
    project, rfolder, slurm = cluster
    r = await run_tests_on_gpu(
        str(project), target="slurm:ci", pytest_args=["tests/suite_hang.py"], timeout_s=15
    )
    assert r.status == "timed_out", (r.message, r.output_tail)
    assert r.counts.passed == 1
    jid = job_id(r.output_tail)
    assert job_state(slurm, jid) == "CANCELLED"
    pytest_pid, sleep_pid = map(int, (rfolder / "hang.pids").read_text().split())
    assert not pid_alive(pytest_pid) and not pid_alive(sleep_pid)
    assert live_pids_under(rfolder) == []


async def test_cancel_through_mcp_scancels(cluster):
    project, rfolder, slurm = cluster
    async with Client(build_server()) as c:
        args = {"project_path": str(project), "target": "slurm:ci", "pytest_args": ["tests/suite_hang.py"]}
        job = (await c.call_tool("run_tests_on_gpu", {**args, "wait_s": 1})).structured_content
        assert not job["done"]
        with anyio.fail_after(90):
            while not (rfolder / "hang.pids").is_file():
                await anyio.sleep(0.3)
        pids = list(map(int, (rfolder / "hang.pids").read_text().split()))
        assert all(pid_alive(p) for p in pids)
        done = (await c.call_tool("cancel_test_run", {"job_id": job["job_id"]})).structured_content
    assert done["status"] == "cancelled" and done["target_info"]["slurm_state"] == "CANCELLED"
    assert job_state(slurm, job_id(done["output_tail"])) == "CANCELLED"
    assert not any(pid_alive(p) for p in pids) and live_pids_under(rfolder) == []


async def test_pending_job_shows_its_reason_and_is_cancelled_at_the_timeout(cluster):
    project, _, slurm = cluster
    r = await run_tests_on_gpu(
        str(project), target="slurm:later", pytest_args=["tests/suite_ok.py"], timeout_s=10
    )
    assert r.status == "timed_out"
    jid = job_id(r.output_tail)
    assert f"slurm job {jid} PENDING (BeginTime)" in r.output_tail
    assert job_state(slurm, jid) == "CANCELLED"


async def test_slurm_rejection_is_reported_with_its_message(cluster):
    project, _, _ = cluster
    r = await run_tests_on_gpu(str(project), target="slurm:gpus", pytest_args=["tests/suite_ok.py"])
    assert r.status == "error"
    assert "Slurm rejected the job on gpubox" in r.message and "sbatch: error" in r.message, r.message


async def test_second_run_reuses_the_remote_environment(cluster):
    project, rfolder, _ = cluster
    first = await run_tests_on_gpu(str(project), target="slurm:ci", pytest_args=["tests/suite_ok.py"])
    venv = (rfolder / ".venv").stat()
    second = await run_tests_on_gpu(str(project), target="slurm:ci", pytest_args=["tests/suite_ok.py"])
    assert first.status == second.status == "passed"
    assert job_id(first.output_tail) != job_id(second.output_tail)
    assert "Installed" in first.output_tail and "Installed" not in second.output_tail
    again = (rfolder / ".venv").stat()
    assert (again.st_ino, again.st_mtime_ns) == (venv.st_ino, venv.st_mtime_ns)
