"""Serve MCP over stdio, answering lines the SDK would drop without a word: text that is not JSON gets -32700,
JSON that is no JSON-RPC message -32600, and a string holding a lone UTF-16 surrogate (which cannot be written
back as UTF-8) -32602, each with the request's id when it can be read."""

from __future__ import annotations

import io
import json
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
from mcp.server.stdio import stdio_server
from mcp.shared.message import SessionMessage
from mcp.types import (
    INVALID_PARAMS,
    INVALID_REQUEST,
    PARSE_ERROR,
    ErrorData,
    JSONRPCError,
    jsonrpc_message_adapter,
)
from pydantic import ValidationError

log = logging.getLogger(__name__)


def _error(msg_id: Any, code: int, message: str) -> JSONRPCError:
    ok_id = msg_id if isinstance(msg_id, str | int) and not isinstance(msg_id, bool) else None
    return JSONRPCError(jsonrpc="2.0", id=ok_id, error=ErrorData(code=code, message=message))


def line_error(line: str) -> JSONRPCError | None:
    """The error answer a stdin line needs, or None when the SDK can take it as it is."""
    if not line.strip():
        return None
    try:
        msg = json.loads(line)
    except ValueError as e:
        return _error(None, PARSE_ERROR, f"Parse error: the line is not JSON ({e})")
    msg_id = msg.get("id") if isinstance(msg, dict) else None
    try:
        json.dumps(msg, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return _error(msg_id, INVALID_PARAMS, "a string holds a lone UTF-16 surrogate: not valid Unicode")
    try:
        jsonrpc_message_adapter.validate_python(msg, by_name=False)
    except ValidationError:
        return _error(msg_id, INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 request or notification")
    return None


def needs_answer(line: str, error: JSONRPCError) -> bool:
    """JSON-RPC answers every request and unreadable text, but never a notification (a method and no id)."""
    if error.id is not None or error.error.code == PARSE_ERROR:
        return True
    msg = json.loads(line)
    return not (isinstance(msg, dict) and "method" in msg and "id" not in msg)


class CheckedLines:
    """stdin lines for the SDK's reader; lines that need an error answer are answered through `errors`."""

    def __init__(self, source: Any, errors: Any) -> None:
        self.source, self.errors = source, errors

    async def __aiter__(self) -> AsyncIterator[str]:
        async for line in self.source:
            error = line_error(line)
            if error is None:
                yield line
            elif needs_answer(line, error):
                await self.errors.send(error)
            else:
                log.warning("dropped an invalid notification: %s", error.error.message)


def _claim_stdin() -> Any:
    """Our own copy of fd 0 for the protocol, with fd 0 pointed at the null device (children read EOF)."""
    private = os.dup(0)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    raw = os.fdopen(private, "rb", closefd=False)
    return anyio.wrap_file(io.TextIOWrapper(raw, encoding="utf-8", errors="replace"))


@asynccontextmanager
async def checked_stdio() -> AsyncIterator[tuple[Any, Any]]:
    """The SDK's stdio_server streams, with the line checks in front of its reader."""
    send_err, recv_err = anyio.create_memory_object_stream[JSONRPCError](16)
    stdin = CheckedLines(_claim_stdin(), send_err)
    async with stdio_server(stdin=stdin) as (read_stream, write_stream):  # type: ignore[arg-type]

        async def answer_errors() -> None:
            async with recv_err:
                async for error in recv_err:
                    await write_stream.send(SessionMessage(error))

        async with anyio.create_task_group() as tg:
            tg.start_soon(answer_errors)
            yield read_stream, write_stream
            tg.cancel_scope.cancel()
