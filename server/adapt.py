"""Turn a core function into an MCP tool handler: same parameters, progress bridged, errors as ToolError."""

from __future__ import annotations

import functools
import inspect
import logging
import typing
from collections.abc import Callable
from typing import Any

import anyio
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ToolError

from tools.errors import PaperToCodeError
from tools.progress import reporting

log = logging.getLogger("paper_to_code.server")


def adapt(fn: Callable[..., Any]) -> Callable[..., Any]:
    """An async handler whose signature is `fn`'s plus an injected `ctx`."""
    hints = typing.get_type_hints(fn, include_extras=True)
    sig = inspect.signature(fn)
    params = [p.replace(annotation=hints.get(p.name, p.annotation)) for p in sig.parameters.values()]
    is_async = inspect.iscoroutinefunction(fn)
    name = fn.__name__

    async def handler(ctx: Context, **kwargs: Any) -> Any:
        async def reporter(progress: float, total: float | None, message: str | None) -> None:
            await ctx.report_progress(progress, total, message)

        try:
            with reporting(reporter):
                if is_async:
                    return await fn(**kwargs)
                return await anyio.to_thread.run_sync(functools.partial(fn, **kwargs))
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
