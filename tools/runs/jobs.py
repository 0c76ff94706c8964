"""The job registry, the job store and the runner: one asyncio task per job, one run at a time per target.

State lives in memory (`_jobs`) and in a small JSON record per job under `workspace()/jobs/` so that a later
process (the CLI, check_coverage) can read a run; a `<job_id>.cancel` file asks the owning process to cancel.
This module is the store's only reader: the other modules go through its public functions.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import json
import logging
import os
import re
import secrets
import shutil
import signal
import time
import weakref
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from tools.errors import BadArgument, NotFound, PaperToCodeError
from tools.runs import procs
from tools.runs.models import FINAL, DeviceProbe, TestResult, TestRunReport
from tools.runs.report import (
    Progress,
    Tail,
    device_note,
    exit_meaning,
    find_oom,
    first_error_line,
    parse_probe,
)
from tools.runs.transport import Transport
from tools.workspace import atomic_write, workspace

log = logging.getLogger("paper_to_code.testrun")
PLUGIN, PROBE = "p2c_report_plugin.py", "p2c_probe.py"
PROBE_TIMEOUT_S = 60.0  # the probe runs after pytest (even after a timeout): its own budget
POLL_S = 0.25  # results file / cancel marker polling
SAVE_EVERY_S = 2.0
JOB_ID_LEN = 12
KEEP_RECORDS = 200  # job records kept under workspace()/jobs
JOB_ID = re.compile(rf"^[0-9a-f]{{{JOB_ID_LEN}}}$")

_jobs: dict[str, Job] = {}
_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, asyncio.Lock]] = (
    weakref.WeakKeyDictionary()
)


def jobs_dir() -> Path:
    return workspace() / "jobs"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")  # two runs can end within one second


def _lock(target: str) -> asyncio.Lock:
    """One run at a time per target (a GPU is shared), per event loop."""
    per_loop = _locks.setdefault(asyncio.get_running_loop(), {})
    return per_loop.setdefault(target, asyncio.Lock())


@dataclass
class Job:
    id: str
    target: str
    project: Path
    pytest_args: list[str]
    timeout_s: float
    transport: Transport
    started_at: str = field(default_factory=now_iso)
    t0: float = field(default_factory=time.monotonic)
    status: str = "queued"
    message: str = "waiting for the target (another run holds it)"
    progress: Progress = field(default_factory=Progress)
    tail: Tail = field(default_factory=Tail)
    probe: DeviceProbe | None = None
    exit_code: int | None = None
    timed_out: bool = False
    cancelled: bool = False
    finished_at: str | None = None
    wall_s: float | None = None
    final: TestRunReport | None = None
    task: asyncio.Task[None] | None = None
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    offset: int = 0  # read position in the results file
    _saved: float = 0.0

    @property
    def done(self) -> bool:
        return self.final is not None

    @property
    def record_path(self) -> Path:
        return jobs_dir() / f"{self.id}.json"

    @property
    def cancel_path(self) -> Path:
        return jobs_dir() / f"{self.id}.cancel"

    def bump(self) -> None:
        """Wake whoever waits on this job."""
        self.changed.set()
        self.changed = asyncio.Event()

    def on_line(self, line: str) -> None:
        self.tail.add(line)

    def set(self, status: str, message: str) -> None:
        self.status, self.message = status, message
        self.save()
        self.bump()

    def finish(self, status: str, message: str) -> None:
        if self.final is not None:
            return
        self.status, self.message = status, message
        self.cancelled = self.cancelled or status == "cancelled"
        self.timed_out = self.timed_out or status == "timed_out"
        self.finished_at = now_iso()
        self.wall_s = round(time.monotonic() - self.t0, 3)
        self.final = self.report()
        self.save()
        self.bump()

    def report(self) -> TestRunReport:
        if self.final is not None:
            return self.final
        tests, omitted = self.progress.ordered()
        tail = self.tail.text()
        oom = find_oom(self.progress.results, tail)
        return TestRunReport(
            job_id=self.id,
            target=self.target,
            project=str(self.project),
            status=self.status,  # type: ignore[arg-type]
            done=self.status in FINAL,
            message=self.message,
            device=self.probe,
            device_note=device_note(self.probe),
            counts=self.progress.counts(),
            collected=self.progress.collected,
            current_test=self.progress.current,
            tests=tests,
            tests_omitted=omitted,
            exit_code=self.exit_code,
            exit_meaning=exit_meaning(self.exit_code, self.progress.exitstatus is not None),
            oom=oom is not None,
            oom_evidence=oom,
            output_tail=tail,
            wall_s=self.wall_s if self.wall_s is not None else round(time.monotonic() - self.t0, 3),
            timed_out=self.timed_out,
            cancelled=self.cancelled,
            started_at=self.started_at,
            target_info=self.transport.describe(),
            finished_at=self.finished_at,
        )

    def save(self, throttle: bool = False) -> None:
        if throttle and time.monotonic() - self._saved < SAVE_EVERY_S:
            return
        self._saved = time.monotonic()
        record = {
            "owner_pid": os.getpid(),
            "owner_start": procs.start_time(os.getpid()),
            "pgids": self.transport.pgids(),
            "supervisors": self.transport.supervisors(),
            "report": self.report().model_dump(),
        }
        try:
            atomic_write(self.record_path, json.dumps(record))
        except OSError as e:  # the record is a convenience; the run goes on
            log.warning("cannot write job record %s: %s", self.record_path, e)


def new_job_id() -> str:
    return secrets.token_hex(JOB_ID_LEN // 2)


def prune(keep: int = KEEP_RECORDS) -> None:
    """Drop the oldest job records and their run folders beyond `keep` (never a job of this process)."""
    records = sorted(jobs_dir().glob("*.json"), key=lambda p: p.stat().st_mtime)
    for old in records[: max(0, len(records) - keep)]:
        if old.stem not in _jobs:
            old.unlink(missing_ok=True)
            shutil.rmtree(old.with_suffix(""), ignore_errors=True)


def start(job: Job) -> Job:
    """Register the job and run it in a task owned by the running loop (it outlives the tool call)."""
    with contextlib.suppress(OSError):
        prune()
    _jobs[job.id] = job
    job.transport.on_spawn = job.save
    job.save()
    # a fresh context: the task must not hold the starting call's progress reporter
    job.task = asyncio.get_running_loop().create_task(_run(job), context=contextvars.Context())
    return job


def get(job_id: str) -> Job | None:
    return _jobs.get(job_id)


def cancel_all() -> int:
    """Cancel every unfinished job of this process (their processes are killed); how many there were."""
    running = [job.task for job in _jobs.values() if not job.done and job.task is not None]
    for task in running:
        task.cancel()
    return len(running)


# ---------------------------------------------------------------- the store: reading records


def is_job_id(text: str) -> bool:
    return JOB_ID.fullmatch(text) is not None


def checked_id(job_id: str) -> str:
    if not is_job_id(job_id):
        raise BadArgument(f"job_id {job_id!r} is not a job id: use the job_id run_tests_on_gpu returned")
    return job_id


def find_record(job_id: str) -> Path | None:
    """The record file of a job (the id checked as get_test_run checks it); None when there is none."""
    path = jobs_dir() / f"{checked_id(job_id)}.json"
    return path if path.is_file() else None


def read_report(path: Path) -> dict[str, Any] | None:
    """The report in a job record (or in a bare report JSON) as a dict; None when the file holds none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    report = data.get("report", data) if isinstance(data, dict) else None
    return report if isinstance(report, dict) and "tests" in report else None


def latest_record(project: Path) -> tuple[Path, dict[str, Any]] | None:
    """The record and report of the project's latest finished run; None when it has none."""
    folder = jobs_dir()
    best: tuple[tuple[str, int], Path, dict[str, Any]] | None = None
    for path in folder.glob("*.json") if folder.is_dir() else []:
        report = read_report(path)
        if not report or not report.get("done"):
            continue
        try:
            same = Path(str(report.get("project", ""))).resolve() == project
        except OSError:
            same = False
        if same:
            # the record's write time breaks ties between runs stamped in the same instant
            key = (str(report.get("finished_at") or report.get("started_at") or ""), path.stat().st_mtime_ns)
            if best is None or key > best[0]:
                best = (key, path, report)
    return (best[1], best[2]) if best else None


def all_results(record: Path) -> list[TestResult] | None:
    """Every test result of a run, from the results file in the run folder beside its record (None: none)."""
    results_file = record.with_suffix("") / "results.jsonl"
    if not results_file.is_file():
        return None
    progress = Progress()
    progress.feed(results_file.read_text(encoding="utf-8", errors="replace") + "\n")
    return progress.results


def load_report(job_id: str) -> TestRunReport:
    """The report in a job's record; a run whose owning process is gone is reported as lost."""
    path = jobs_dir() / f"{job_id}.json"
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotFound(
            f"no test run {job_id}: it was never started here (check the job_id and the server's --root)"
        ) from None
    except ValueError as e:
        raise BadArgument(f"the record of test run {job_id} is unreadable ({e}): start the run again") from e
    report = TestRunReport(**record["report"])
    owner = record.get("owner_pid")
    if report.done or _owner_alive(record):
        return report
    live = _live_supervisors(record)
    if live:
        report.message += (
            f" (the process that started it, pid {owner}, is gone: its supervisor, pid {live[0][0]}, ends "
            "the run at the timeout; cancel_test_run stops it now)"
        )
    else:
        report.status, report.done = "lost", True
        report.message = (
            f"the process that ran it (pid {owner}) is gone: the run was interrupted; start it again"
        )
    return report


def request_cancel(job_id: str) -> None:
    """Ask the process that owns the job to cancel it (it polls for this file); when that process is gone,
    signal the run's supervisors directly (each checked against its start time: a reused pid is left alone).
    """
    jobs_dir().joinpath(f"{job_id}.cancel").touch()
    try:
        record = json.loads((jobs_dir() / f"{job_id}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not _owner_alive(record):
        for pid, start in _live_supervisors(record):
            procs.kill_checked(pid, start, signal.SIGTERM)


def _owner_alive(record: dict[str, Any]) -> bool:
    owner = record.get("owner_pid")
    if owner == os.getpid():  # ours, yet not in memory: an earlier process had our pid
        return False
    start = record.get("owner_start")
    return procs.same(owner, start) if isinstance(start, int) else procs.exists(owner)


def _live_supervisors(record: dict[str, Any]) -> list[tuple[int, int]]:
    found = []
    for item in record.get("supervisors") or []:
        if isinstance(item, list) and len(item) == 2 and procs.same(item[0], item[1]):
            found.append((item[0], item[1]))
    return found


async def _run(job: Job) -> None:
    tr = job.transport
    try:
        async with _lock(job.target):
            job.t0 = time.monotonic()  # the timeout counts from when the target is ours
            await _steps(job, tr)
    except asyncio.CancelledError:
        job.finish(
            "cancelled",
            "stopped on request (cancel_test_run, SIGTERM or Ctrl-C); every process of the run was killed",
        )
    except PaperToCodeError as e:
        job.finish("error", str(e))
    except Exception as e:  # a bug: keep the server alive, say so in the report
        log.exception("test run %s failed", job.id)
        job.finish("error", f"the runner failed unexpectedly ({type(e).__name__}: {e}); see the server log")
    finally:
        await tr.cleanup()
        if not job.done:
            job.finish("error", "the run ended without a result")
        job.cancel_path.unlink(missing_ok=True)


async def _watch(job: Job, results: bool) -> None:
    """Poll the results file (per-test progress) and the cancel marker while a step runs."""
    while True:
        await asyncio.sleep(POLL_S)
        if job.cancel_path.exists() and job.task is not None:
            job.task.cancel()
            return
        if results:
            await _read_results(job)


async def _read_results(job: Job) -> None:
    text, job.offset = await job.transport.read_results(job.offset)
    if text:
        job.progress.feed(text)
        job.save(throttle=True)
        job.bump()


async def _step(
    job: Job, argv: list[str], env: dict[str, str], timeout: float, results: bool = False, on_line=None
):
    watcher = asyncio.create_task(_watch(job, results))
    try:
        return await job.transport.run(argv, env, on_line or job.on_line, timeout)
    finally:
        watcher.cancel()


async def _steps(job: Job, tr: Transport) -> None:
    deadline = job.t0 + job.timeout_s

    def left() -> float:
        return max(0.0, deadline - time.monotonic())

    data = resources.files("tools.runs") / "data"
    place = await tr.prepare({name: (data / name).read_bytes() for name in (PLUGIN, PROBE)})

    sync = ["sync", "--locked"] if (job.project / "uv.lock").is_file() else ["sync"]
    cmd = f"uv {' '.join(sync)}"
    job.set("syncing", cmd)
    r = await _step(job, tr.uv(*sync), tr.env({}), left())
    if r.timed_out:
        return job.finish("timed_out", f"`{cmd}` did not finish within {job.timeout_s:.0f} s; it was killed")
    if r.returncode != 0:
        tail = job.tail.text()
        hint = " The lock is out of date: run `uv lock`." if "--locked" in sync and "uv lock" in tail else ""
        return job.finish(
            "error",
            f"`{cmd}` failed (exit {r.returncode}): {first_error_line(tail)}.{hint} Fix the project's "
            "dependencies (the output tail has uv's message), then run the tests again.",
        )

    job.set("running", "pytest")
    env = tr.env({"PYTHONPATH": place.support_dir, "P2C_REPORT_JSONL": place.results_path})
    # `python -m pytest`: the project's own interpreter, never a `pytest` further down PATH (another venv)
    argv = tr.uv(
        "run", "--no-sync", "python", "-m", "pytest", "-p", PLUGIN.removesuffix(".py"), *job.pytest_args
    )
    r = await _step(job, argv, env, left(), results=True)
    await _read_results(job)
    if job.progress.probe is not None:  # the plugin probed inside the test process (torch already loaded)
        job.probe = parse_probe(job.progress.probe)
    else:  # pytest died or never imported torch: probe in a process of its own, after the run (no contention)
        job.set("running", "device probe")
        out: list[str] = []
        probe_argv = tr.uv("run", "--no-sync", "python", f"{place.support_dir}/{PROBE}")
        await _step(job, probe_argv, tr.env({}), PROBE_TIMEOUT_S, on_line=out.append)
        job.probe = parse_probe("\n".join(out)) or DeviceProbe(
            error="the device probe gave no result: " + " | ".join(out[-3:])[:500]
        )
    job.exit_code = r.returncode
    job.timed_out = r.timed_out
    job.finish(*classify(job))


def classify(job: Job) -> tuple[str, str]:
    """The final status and its one-line message from pytest's exit and the plugin's records."""
    p, rc, tail = job.progress, job.exit_code, job.tail.text()
    during = f" during {p.current}" if p.current else ""
    counts = p.counts().line()
    if job.timed_out:
        return (
            "timed_out",
            f"timed out after {job.timeout_s:.0f} s{during} ({counts}); every process was killed",
        )
    if p.collected is None and ("No module named pytest" in tail or "Failed to spawn" in tail):
        return "error", "pytest is not installed in the project's environment: run `uv add --dev pytest`"
    if rc == 4:
        return (
            "error",
            f"pytest usage error (exit 4): {first_error_line(tail)}. Fix pytest_args and run again.",
        )
    if p.exitstatus is None:
        return "error", (
            f"the test process died ({exit_meaning(rc, False)}) before pytest finished{during} ({counts}): "
            "a test killed the interpreter (os._exit, a signal, a native crash or the OOM killer)"
        )
    if rc == 0:
        return "passed", counts
    if rc == 1:
        oom = " - out of memory: reduce batch or model size" if find_oom(p.results, tail) else ""
        return "failed", counts + oom
    if rc == 5:
        return (
            "no_tests",
            "no tests were collected (exit 5): check the test paths, file names and pytest_args",
        )
    if rc == 2:
        errs = [r for r in p.results if r.when == "collect"]
        why = f"collection error in {errs[0].nodeid}" if errs else first_error_line(tail)
        return "error", f"pytest stopped (exit 2): {why}. Fix it, then run again."
    return "error", f"pytest exited with code {rc}: {exit_meaning(rc)}"
