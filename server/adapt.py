"""Turn a core function into an MCP tool handler: same parameters, progress bridged, errors as ToolError.

What only MCP needs lives here: waits capped below the clients' call timeout, strictly increasing progress
values, a keep-alive notification while a call is quiet, and jobs that outlive the call that started them.
"""

from __future__ import annotations

import functools
import inspect
import logging
import time
import typing
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import anyio
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import CallToolResult, ImageContent, TextContent
from pydantic import Field

from server.conversions import convert_as_job
from server.worker import Budget, call_with_budget
from tools.errors import PaperToCodeError
from tools.progress import reporting
from tools.runs.api import jobs_outlive_calls

log = logging.getLogger("paper_to_code.server")
MAX_WAIT_S = 55.0  # MCP clients cut a call off at about 60 s: a `wait_s` parameter goes no higher
DETACH_AFTER_S = 50.0  # a job tool waits this long, then returns status 'running' and its job goes on
KEEPALIVE_S = 5.0  # a call quiet this long sends a progress notification
KEEPALIVE_STEP = 1e-3  # how far a keep-alive moves the progress value (it must grow, yet stay small)


class _Progress:
    """One call's progress notifications: the values strictly increase (as MCP requires), and a quiet call
    sends a keep-alive every KEEPALIVE_S carrying the last real message."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.value: float | None = None
        self.total: float | None = None
        self.message: str | None = None
        self.t0 = self.sent_at = time.monotonic()

    async def report(self, value: float, total: float | None, message: str | None) -> None:
        self.total = total
        self.message = message or self.message
        await self._send(value, message)

    async def keep_alive(self) -> None:
        while True:
            await anyio.sleep(max(0.0, self.sent_at + KEEPALIVE_S - time.monotonic()))
            if time.monotonic() - self.sent_at < KEEPALIVE_S:
                continue
            note = f"still working after {time.monotonic() - self.t0:.0f} s"
            message = f"{self.message} ({note})" if self.message else note
            try:
                await self._send((self.value or 0.0) + KEEPALIVE_STEP, message)
            except Exception as e:  # a lost client: the call itself ends on its own
                log.debug("keep-alive not sent: %s", e)

    async def _send(self, value: float, message: str | None) -> None:
        self.value = value if self.value is None else max(value, self.value + 1e-6)
        self.sent_at = time.monotonic()
        await self.ctx.report_progress(self.value, self.total, message)


async def _keeping_alive(progress: _Progress, call: Callable[[], Awaitable[Any]]) -> Any:
    """Await the call while `progress` sends keep-alives; its exception is raised as is (not in a group)."""
    error: Exception | None = None
    result: Any = None
    async with anyio.create_task_group() as tg:
        tg.start_soon(progress.keep_alive)
        try:
            result = await call()
        except Exception as e:
            error = e
        finally:
            tg.cancel_scope.cancel()
    if error is not None:
        raise error
    return result


def _mcp_annotation(name: str, annotation: Any) -> Any:
    """The parameter's type as MCP clients see it: a `wait_s` is capped at MAX_WAIT_S."""
    return Annotated[annotation, Field(le=MAX_WAIT_S)] if name == "wait_s" else annotation


def _with_image(result: Any) -> Any:
    """A result that carries an image (it has `image() -> (bytes, mime type)`) also goes out as MCP image
    content, after its JSON; other results pass as they are."""
    image = getattr(result, "image", None)
    if not callable(image):
        return result
    import base64
    import json

    data, mime = image()
    structured = result.model_dump(mode="json")
    return CallToolResult(
        content=[TextContent(type="text", text=json.dumps(structured, indent=2)),
                 ImageContent(type="image", data=base64.b64encode(data).decode("ascii"), mime_type=mime)],
        structured_content=structured,
    )


def adapt(fn: Callable[..., Any], budget: Budget | None = None, job: bool = False) -> Callable[..., Any]:
    """An async handler whose signature is `fn`'s plus an injected `ctx`. With a budget the call runs in a
    worker process that is killed when the budget runs out or the client cancels the call. With `job` too,
    a call still running after DETACH_AFTER_S returns status 'running' and its worker goes on."""
    hints = typing.get_type_hints(fn, include_extras=True)
    sig = inspect.signature(fn)
    params = [
        p.replace(annotation=_mcp_annotation(p.name, hints.get(p.name, p.annotation)))
        for p in sig.parameters.values()
    ]
    is_async = inspect.iscoroutinefunction(fn)
    name = fn.__name__

    async def call(kwargs: dict[str, Any]) -> Any:
        if budget is not None and job:
            return await convert_as_job(fn, kwargs, budget, DETACH_AFTER_S)
        if budget is not None:
            return await call_with_budget(fn, kwargs, budget)
        if is_async:
            return await fn(**kwargs)
        return await anyio.to_thread.run_sync(functools.partial(fn, **kwargs))

    async def handler(ctx: Context, **kwargs: Any) -> Any:
        progress = _Progress(ctx)
        try:
            with reporting(progress.report), jobs_outlive_calls():
                return _with_image(await _keeping_alive(progress, functools.partial(call, kwargs)))
        except PaperToCodeError as e:
            raise ToolError(str(e)) from e
        except Exception as e:  # a bug, not bad input: keep the server alive and say so
            log.exception("tool %s failed", name)
            raise ToolError(
                f"{name} failed unexpectedly ({type(e).__name__}: {str(e)[:300]}); the server log has the "
                "traceback. Check the arguments, and report this if they look right."
            ) from e

    ctx_param = inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=Context)
    handler.__signature__ = sig.replace(  # type: ignore[attr-defined]
        parameters=[*params, ctx_param], return_annotation=hints.get("return", sig.return_annotation)
    )
    handler.__annotations__ = {**{p.name: p.annotation for p in params}, "ctx": Context}
    if "return" in hints:
        handler.__annotations__["return"] = hints["return"]
    handler.__name__ = name
    handler.__qualname__ = name
    handler.__doc__ = fn.__doc__
    return handler
