"""Run a heavy core function in a worker process with a time and memory budget that actually stops it.

A warm forkserver (the tool modules imported once) forks one worker per call; the worker sets RLIMIT_AS,
runs the function and sends back its progress and its result. The caller kills the worker when the wall-clock
deadline passes or when the call is cancelled (the MCP client's notifications/cancelled, Ctrl-C), and raises
TooLarge saying which budget ran out. The core functions stay plain functions; only this module knows.
"""

from __future__ import annotations

import contextlib
import resource
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import anyio

from tools.errors import PaperToCodeError, TooLarge
from tools.progress import areport

# imported once in the forkserver, so a worker starts without paying for them
PRELOAD = [
    "tools.ingest.paper",
    "tools.ingest.sources",
    "tools.analysis.equations",
    "tools.analysis.checklist",
    "tools.trace.coverage",
    "tools.trace.oracles",
    "pypdfium2",
    "anyio._backends._asyncio",
    "server.worker",
]
POLL_S = 0.02
CPU_MARGIN_S = 5  # the worker's own CPU-time limit is the deadline plus this
PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Budget:
    """Wall-clock seconds and address-space megabytes one call may use."""

    seconds: float
    megabytes: int


@dataclass(frozen=True)
class Outcome:
    """What a worker sent back: the value or the exception it raised, and its peak RSS."""

    value: Any = None
    error: BaseException | None = None
    peak_rss_mb: float = 0.0


_context: Any = None


def use_fork() -> None:
    """Fork workers straight from this process: for a one-shot, single-threaded process (the CLI) that has
    imported the tools already; a server (threads, an event loop) keeps the forkserver."""
    import multiprocessing

    global _context
    _context = multiprocessing.get_context("fork")


def _mp() -> Any:
    import multiprocessing  # here: the server starts without it

    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(PRELOAD)
    return _context


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _limit_self(mb: int, seconds: float) -> None:
    """Limits that hold even when the caller is gone: memory, CPU time (a backstop to the caller's
    deadline), and death with the forkserver (which ends with the server)."""
    import ctypes
    import signal

    resource.setrlimit(resource.RLIMIT_AS, (mb * 2**20, mb * 2**20))
    cpu = int(seconds) + CPU_MARGIN_S
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + CPU_MARGIN_S))
    with contextlib.suppress(OSError, AttributeError):  # not Linux: the CPU limit still ends the work
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _child(conn: Any, fn: Callable[..., Any], kwargs: dict[str, Any], state: tuple[Any, ...]) -> None:
    """The worker: take the caller's roots and settings, limit itself, run `fn` with progress sent to the
    caller, send the Outcome."""
    import inspect

    from tools.config import configure
    from tools.progress import reporting
    from tools.workspace import set_roots

    roots, settings, mb, seconds = state
    _limit_self(mb, seconds)
    set_roots(roots)
    configure(**settings)

    async def send_progress(value: float, total: float | None, message: str | None) -> None:
        conn.send(("progress", (value, total, message)))

    async def main() -> Any:
        with reporting(send_progress):
            if inspect.iscoroutinefunction(fn):
                return await fn(**kwargs)
            return await anyio.to_thread.run_sync(lambda: fn(**kwargs))

    try:
        outcome = Outcome(value=anyio.run(main), peak_rss_mb=_peak_mb())
    except MemoryError:
        outcome = Outcome(error=MemoryError(), peak_rss_mb=_peak_mb())
    except RecursionError:
        nested = TooLarge(f"{getattr(fn, '__name__', 'the tool')}: the input is nested too deeply to process")
        outcome = Outcome(error=nested, peak_rss_mb=_peak_mb())
    except Exception as e:  # sent back and raised by the caller
        if not isinstance(e, PaperToCodeError):  # a bug: its traceback goes to the server's log (stderr)
            traceback.print_exc()
        outcome = Outcome(error=_picklable(e), peak_rss_mb=_peak_mb())
    try:
        conn.send(("done", outcome))
    except MemoryError:
        conn.send(("done", Outcome(error=MemoryError(), peak_rss_mb=_peak_mb())))


def _picklable(e: Exception) -> Exception:
    """The exception itself when it crosses a pipe intact, else a RuntimeError that names it."""
    import pickle

    try:
        pickle.loads(pickle.dumps(e))
        return e
    except Exception:
        return RuntimeError(f"{type(e).__name__}: {str(e)[:300]}")


def _too_large(name: str, budget: Budget, what: str) -> TooLarge:
    return TooLarge(
        f"{name} {what}: the input is too large or too tangled to process (hostile or damaged?). "
        "Split it or pass a smaller part"
    )


def _time_error(name: str, budget: Budget) -> TooLarge:
    return _too_large(name, budget, f"took longer than {budget.seconds:g} s and was stopped")


def _memory_error(name: str, budget: Budget) -> TooLarge:
    return _too_large(name, budget, f"needed more than {budget.megabytes} MB of memory and was stopped")


def _died(proc: Any, name: str, budget: Budget) -> Exception:
    """Why a worker ended without an answer: killed (the kernel's OOM killer, most likely) or crashed."""
    import signal

    proc.join(timeout=5)
    if proc.exitcode == -signal.SIGKILL:
        return _memory_error(name, budget)
    if proc.exitcode == -signal.SIGXCPU:
        return _time_error(name, budget)
    return RuntimeError(f"the worker process for {name} ended without an answer (exit code {proc.exitcode})")


def _kill(proc: Any) -> None:
    """End the worker and reap it (a worker that already ended is only reaped)."""
    if proc.is_alive():
        proc.kill()
    proc.join(timeout=5)
    proc.close()


async def run_in_worker(
    fn: Callable[..., Any],
    kwargs: dict[str, Any],
    budget: Budget,
    on_start: Callable[[int], None] | None = None,
) -> Outcome:
    """Run fn(**kwargs) in a fresh worker; relay its progress; kill it on timeout or cancellation.

    `on_start` gets the worker's pid. Returns the Outcome (the caller raises its error); raises TooLarge
    when a budget ran out."""
    from tools.config import get_settings
    from tools.workspace import get_roots

    name = getattr(fn, "__name__", "the tool")
    state = ([str(r) for r in get_roots()], dict(get_settings()), budget.megabytes, budget.seconds)
    recv, send = _mp().Pipe(duplex=False)
    args = (send, fn, kwargs, state)
    proc = _mp().Process(target=_child, args=args, daemon=True)
    proc.start()
    send.close()
    deadline = time.monotonic() + budget.seconds
    try:
        if on_start is not None:
            on_start(proc.pid)
        while True:
            if recv.poll():
                try:
                    kind, payload = recv.recv()
                except EOFError:  # the worker died without a word
                    raise _died(proc, name, budget) from None
                if kind == "done":
                    return _checked(payload, name, budget)
                await areport(*payload)
            elif time.monotonic() > deadline:
                raise _time_error(name, budget)
            else:
                await anyio.sleep(POLL_S)
    finally:
        recv.close()
        with anyio.CancelScope(shield=True):
            _kill(proc)


def _checked(outcome: Outcome, name: str, budget: Budget) -> Outcome:
    if isinstance(outcome.error, MemoryError):
        raise _memory_error(name, budget)
    return outcome


async def call_with_budget(fn: Callable[..., Any], kwargs: dict[str, Any], budget: Budget) -> Any:
    """fn(**kwargs) run in a worker under `budget`: its value, or the exception it raised."""
    outcome = await run_in_worker(fn, kwargs, budget)
    if outcome.error is not None:
        raise outcome.error
    return outcome.value
