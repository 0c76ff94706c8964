"""Long conversions as jobs over MCP. pdf_to_markdown waits up to a cap below the clients' call timeout; a
conversion still going then returns status 'running' with a job id while its worker goes on under its budget
in the server. get_conversion polls it, cancel_conversion kills its worker. Jobs live in the server's process
(their workers die with it); the CLI waits until the end and has none."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import Field

from server.worker import Budget, run_in_worker
from tools.errors import BadArgument, NotFound, PaperToCodeError
from tools.ingest.paper import PdfToMarkdownResult
from tools.progress import areport, reporting
from tools.runs.jobs import is_job_id, new_job_id
from tools.workspace import resolve

KEEP_FINISHED = 64  # finished conversions get_conversion can still return
CANCEL_WAIT_S = 10.0
Progress = tuple[float, float | None, str | None]


@dataclass(eq=False)
class Conversion:
    """One conversion job: its worker's task, the last progress it reported, and how it ended."""

    id: str
    key: tuple[str, str]
    started: float = field(default_factory=time.monotonic)
    task: asyncio.Task[None] | None = None
    pid: int | None = None
    progress: Progress | None = None
    done: bool = False
    value: PdfToMarkdownResult | None = None
    error: Exception | None = None
    cancelled: bool = False
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    async def record(self, value: float, total: float | None, message: str | None) -> None:
        self.progress = (value, total, message)
        self.signal()

    def signal(self) -> None:
        self.changed.set()
        self.changed = asyncio.Event()

    def result(self) -> PdfToMarkdownResult:
        """The final result (status 'done'), the error it ended with (raised), or where it stands."""
        if self.value is not None:
            return self.value.model_copy(update={"status": "done", "job_id": self.id})
        if self.error is not None:
            raise self.error
        if self.cancelled:
            return _placeholder(self.id, "cancelled", ["cancelled: its worker was stopped before the end"])
        return _placeholder(self.id, "running", [self._where()])

    def _where(self) -> str:
        elapsed = time.monotonic() - self.started
        step = ""
        if self.progress is not None:
            value, total, message = self.progress
            share = f" ({value / total:.0%} done)" if total else ""
            step = f": {message or 'working'}{share}"
        return (
            f"still converting after {elapsed:.0f} s{step}. Poll get_conversion(job_id=\"{self.id}\") "
            f"until status is 'done', or stop it with cancel_conversion(job_id=\"{self.id}\")"
        )


def _placeholder(job_id: str, status: str, warnings: list[str]) -> PdfToMarkdownResult:
    return PdfToMarkdownResult(
        paper_id="", markdown_path="", sidecar_path="", pages=None, title=None, headings=[], characters=0,
        cached=False, warnings=warnings, text="", offset=0, next_offset=None, total_characters=0,
        status=status, job_id=job_id,  # type: ignore[arg-type]
    )


_jobs: dict[str, Conversion] = {}  # by id, oldest first
_running: dict[tuple[str, str], Conversion] = {}  # by (source, out_dir)


def _key(kwargs: dict[str, Any]) -> tuple[str, str]:
    """The same paper into the same folder: the paths as resolved, else as given (an arXiv id)."""
    source, out_dir = str(kwargs.get("source", "")), str(kwargs.get("out_dir") or "")
    with contextlib.suppress(PaperToCodeError, OSError, ValueError):
        source = str(resolve(source))
    with contextlib.suppress(PaperToCodeError, OSError, ValueError):
        out_dir = str(resolve(out_dir, must_exist=False)) if out_dir else ""
    return source, out_dir


async def _run(conv: Conversion, fn: Callable[..., Any], kwargs: dict[str, Any], budget: Budget) -> None:
    def started(pid: int) -> None:
        conv.pid = pid

    try:
        with reporting(conv.record):
            outcome = await run_in_worker(fn, kwargs, budget, on_start=started)
        if outcome.error is not None:
            conv.error = outcome.error  # type: ignore[assignment]
        else:
            conv.value = outcome.value
    except asyncio.CancelledError:  # cancel_conversion, or the starting call was cancelled
        conv.cancelled = True
    except Exception as e:  # a budget ran out (TooLarge), or a bug: raised to whoever polls
        conv.error = e
    finally:
        conv.done = True
        if _running.get(conv.key) is conv:
            del _running[conv.key]
        conv.signal()


def _forget_old() -> None:
    finished = [c for c in _jobs.values() if c.done]
    for old in finished[: max(0, len(finished) - KEEP_FINISHED)]:
        del _jobs[old.id]


async def _wait(conv: Conversion, wait_s: float) -> PdfToMarkdownResult:
    """Wait up to wait_s for the job to end, relaying its progress to this call."""
    end = time.monotonic() + max(wait_s, 0.0)
    sent: Progress | None = None
    while not conv.done and (remaining := end - time.monotonic()) > 0:
        event = conv.changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), timeout=remaining)
        if conv.progress is not None and conv.progress != sent:
            sent = conv.progress
            await areport(*sent)
    return conv.result()


async def convert_as_job(
    fn: Callable[..., Any], kwargs: dict[str, Any], budget: Budget, wait_s: float
) -> PdfToMarkdownResult:
    """fn(**kwargs) in a worker as a job: its result if it ends within wait_s, else status 'running'. A call
    for a paper whose conversion runs joins that job. Cancelling the call that started the job (before it
    returned) cancels the job."""
    conv = _running.get(_key(kwargs))
    starter = conv is None
    if conv is None:
        conv = Conversion(new_job_id(), _key(kwargs))
        _jobs[conv.id] = conv
        _running[conv.key] = conv
        conv.task = asyncio.create_task(_run(conv, fn, kwargs, budget))
        _forget_old()
    await areport(0, None, f"conversion job {conv.id}")
    try:
        return await _wait(conv, wait_s)
    except asyncio.CancelledError:
        if starter and conv.task is not None and not conv.done:
            conv.task.cancel()
        raise


def _find(job_id: str) -> Conversion:
    if not is_job_id(job_id):
        raise BadArgument(f"job_id {job_id!r} is not a job id: use the job_id pdf_to_markdown returned")
    conv = _jobs.get(job_id)
    if conv is None:
        raise NotFound(
            f"no conversion job {job_id!r} in this server: jobs last as long as the server that started them "
            f"(the last {KEEP_FINISHED} finished ones are kept). Call pdf_to_markdown again; a paper it "
            "converted before comes from the cache at once"
        )
    return conv


def worker_pid(job_id: str) -> int | None:
    """The pid of a conversion job's worker process (None before it started)."""
    return _find(job_id).pid


async def get_conversion(
    job_id: Annotated[str, Field(description="the job_id pdf_to_markdown returned with status 'running'")],
    wait_s: Annotated[
        float, Field(ge=0, description="wait up to this many seconds for the conversion to end")
    ] = 45,
) -> PdfToMarkdownResult:
    """A conversion job: the final pdf_to_markdown result (status 'done') once it ends, the error it ended
    with, or status 'running' with its progress (pages done of total) in warnings. Waits up to wait_s."""
    return await _wait(_find(job_id), wait_s)


async def cancel_conversion(
    job_id: Annotated[str, Field(description="the job_id pdf_to_markdown returned with status 'running'")],
) -> PdfToMarkdownResult:
    """Stop a conversion job: kills its worker process; a finished job's result is returned as is."""
    conv = _find(job_id)
    if not conv.done and conv.task is not None:
        conv.task.cancel()
        await asyncio.wait([conv.task], timeout=CANCEL_WAIT_S)
    return conv.result()
