"""The three tools of the job model: run_tests_on_gpu (start), get_test_run (poll), cancel_test_run."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Annotated

from pydantic import Field

from tools.errors import BadArgument, NotFound
from tools.progress import areport
from tools.runs import jobs
from tools.runs.local import LocalTransport
from tools.runs.models import FINAL, TestRunReport
from tools.runs.pytest_args import check_pytest_args
from tools.runs.transport import Transport
from tools.workspace import resolve

CANCEL_WAIT_S = 30.0
_outlive: ContextVar[bool] = ContextVar("paper_to_code_jobs_outlive_calls", default=False)
_started: ContextVar[list[jobs.Job] | None] = ContextVar("paper_to_code_jobs_started", default=None)


def _remote(kind: str) -> Callable[[str, Path, Path], Transport]:
    """tools.runs.<kind>.transport, imported on first use (ssh, slurm)."""

    def make(target: str, project: Path, run_dir: Path) -> Transport:
        from importlib import import_module

        return import_module(f"tools.runs.{kind}").transport(target, project, run_dir)

    return make


# target prefix -> factory(target, project, run_dir); remote targets register theirs here
TARGETS: dict[str, Callable[[str, Path, Path], Transport]] = {
    "local": lambda target, project, run_dir: LocalTransport(project, run_dir),
    "ssh": _remote("ssh"),
    "slurm": _remote("slurm"),
}


def _transport(target: str, project: Path, run_dir: Path) -> Transport:
    kind = target.split(":", 1)[0]
    factory = TARGETS.get(kind)
    if factory is None or (kind == "local" and target != "local"):
        known = ", ".join(sorted(TARGETS))
        raise BadArgument(f"unknown target {target!r}: use one of {known}")
    return factory(target, project, run_dir)


def _check_args(args: list[str], project: Path) -> list[str]:
    """Only selection and reporting options and test paths inside the project (tools/runs/pytest_args.py)."""
    return check_pytest_args(args, project)


@contextlib.contextmanager
def jobs_outlive_calls() -> Iterator[None]:
    """Within: a call returns after wait_s and its job goes on (the caller's event loop keeps running, as a
    server's does). Outside (the CLI, a script's asyncio.run): a call waits until its job ends, since the job
    would die with the loop. A call cancelled within (the client cancelled it) cancels the jobs it started."""
    token = _outlive.set(True)
    started: list[jobs.Job] = []
    token_started = _started.set(started)
    try:
        yield
    except asyncio.CancelledError:
        for job in started:
            if not job.done and job.task is not None:
                job.task.cancel()
        raise
    finally:
        _started.reset(token_started)
        _outlive.reset(token)


async def run_tests_on_gpu(
    project_path: Annotated[str, Field(description="the uv project folder (the one holding pyproject.toml)")],
    target: Annotated[
        str,
        Field(
            description='where to run: "local" (this machine), "ssh:<host alias>" or "slurm:<login host>" '
            "(see list_gpu_targets)"
        ),
    ] = "local",
    pytest_args: Annotated[
        list[str] | None,
        Field(description="extra pytest arguments, one per item, e.g. ['-k', 'shape', '-x']; no shell"),
    ] = None,
    timeout_s: Annotated[
        float, Field(ge=1, le=86400, description="kill the whole run (sync + tests) after this many seconds")
    ] = 1800,
    wait_s: Annotated[
        float,
        Field(
            ge=0,
            description="return after this many seconds with the progress so far; "
            "the CLI always waits until the run ends",
        ),
    ] = 45,
) -> TestRunReport:
    """Run a project's tests in its own uv environment (`uv sync`, device probe, pytest) as a background job.

    Returns within wait_s the final report, or status 'running' with a job_id and the progress so far: then
    poll get_test_run(job_id), or stop it with cancel_test_run(job_id). The first progress message names the
    job id; cancelling this call while it waits cancels the job too. The report has the device (torch,
    CUDA/MPS, GPUs), counts, each test's outcome and failure message, the exit code, out-of-memory detection
    and an output tail. Without a GPU the tests run on the CPU and the report says so.
    """
    project = resolve(project_path, kind="dir", what="project_path")
    if not (project / "pyproject.toml").is_file():
        raise NotFound(
            f"{project_path!r} has no pyproject.toml: pass the uv project's folder "
            "(create one with init_uv_project)"
        )
    if not 1 <= timeout_s <= 86400:
        raise BadArgument("timeout_s must be between 1 and 86400 seconds")
    args = _check_args(list(pytest_args or []), project)
    job_id = jobs.new_job_id()
    transport = _transport(target, project, jobs.jobs_dir() / job_id)
    transport.uv("--version")  # uv missing: fail now, with the install hint, before a job exists
    job = jobs.start(jobs.Job(job_id, target, project, args, float(timeout_s), transport))
    if (started := _started.get()) is not None:
        started.append(job)
    await areport(0, None, f"job {job.id} started on {target}: {job.status} ({job.message})")
    return await _wait(job, wait_s, new=True)


async def get_test_run(
    job_id: Annotated[str, Field(description="the job_id run_tests_on_gpu returned")],
    wait_s: Annotated[float, Field(ge=0, description="wait up to this many seconds for the run to end")] = 45,
) -> TestRunReport:
    """The status of a test run: the final report once done, else the progress so far (waits up to wait_s)."""
    job = jobs.get(jobs.checked_id(job_id))
    if job is not None:
        return await _wait(job, wait_s)
    return await _poll_record(job_id, wait_s)


async def cancel_test_run(
    job_id: Annotated[str, Field(description="the job_id run_tests_on_gpu returned")],
) -> TestRunReport:
    """Cancel a test run: kills its whole process group (no test worker survives); returns its report."""
    job = jobs.get(jobs.checked_id(job_id))
    if job is None:
        report = jobs.load_report(job_id)
        if report.done:
            return report
        jobs.request_cancel(job_id)
        return await _poll_record(job_id, CANCEL_WAIT_S)
    if not job.done and job.task is not None:
        job.task.cancel()
        await asyncio.wait([job.task], timeout=CANCEL_WAIT_S)
    return job.report()


async def _wait(job: jobs.Job, wait_s: float, new: bool = False) -> TestRunReport:
    """Wait for the job up to wait_s (until it ends unless jobs outlive calls); report each step and test.

    A new job's first status is a placeholder ("queued"): only its changes are reported.
    """
    end = time.monotonic() + max(wait_s, 0.0) if _outlive.get() else float("inf")
    sent, status = len(job.progress.results), f"{job.status}: {job.message}" if new else ""
    while not job.done and (remaining := end - time.monotonic()) > 0:
        if f"{job.status}: {job.message}" != status:
            status = f"{job.status}: {job.message}"
            await areport(sent, job.progress.collected, status)
        event = job.changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), timeout=None if remaining == float("inf") else remaining)
        results, total = job.progress.results, job.progress.collected
        for i in range(sent, len(results)):
            await areport(i + 1, total, f"{results[i].outcome} {results[i].nodeid}")
        sent = len(results)
    return job.report()


async def _poll_record(job_id: str, wait_s: float) -> TestRunReport:
    """A run owned by another process (a CLI command): read its record until it is final or wait_s passes."""
    end = time.monotonic() + max(wait_s, 0.0)
    while True:
        report = jobs.load_report(job_id)
        if report.status in FINAL or time.monotonic() >= end:
            return report
        await asyncio.sleep(0.5)
