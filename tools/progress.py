"""Progress reporting that tools call without knowing who listens (the MCP server, the CLI, nobody)."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

Reporter = Callable[[float, float | None, str | None], Awaitable[None]]
_reporter: ContextVar[Reporter | None] = ContextVar("paper_to_code_progress", default=None)


@contextmanager
def reporting(reporter: Reporter | None) -> Iterator[None]:
    token = _reporter.set(reporter)
    try:
        yield
    finally:
        _reporter.reset(token)


async def areport(progress: float, total: float | None = None, message: str | None = None) -> None:
    """Report from async code."""
    r = _reporter.get()
    if r is not None:
        await r(progress, total, message)


def report(progress: float, total: float | None = None, message: str | None = None) -> None:
    """Report from sync code running in a worker thread (as the server runs sync tools); else a no-op."""
    r = _reporter.get()
    if r is None:
        return
    import anyio.from_thread

    # outside a worker thread of an event loop (a plain CLI call) nobody listens
    with contextlib.suppress(RuntimeError):
        anyio.from_thread.run(r, progress, total, message)
