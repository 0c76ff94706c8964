"""MCPServer with the spec's error codes where the SDK's differ: prompts/get failures are -32602 (not 0 with a
traceback), an unknown resource is -32002 before the 2026-07-28 protocol (-32602 from then on), and a list
request with a cursor we never issued is -32602 instead of being ignored; on stdio, lines the SDK would drop
are answered (server/stdio.py)."""

from __future__ import annotations

import logging
from typing import Any

from mcp import MCPError
from mcp.server.mcpserver import MCPServer
from mcp.types import INTERNAL_ERROR, INVALID_PARAMS, EmptyResult, SetLevelRequestParams
from pydantic import ValidationError

log = logging.getLogger(__name__)

RESOURCE_NOT_FOUND_LEGACY = -32002
"""Resource not found up to protocol 2025-11-25; 2026-07-28 retired it in favour of -32602."""
UNIFIED_NOT_FOUND_SINCE = "2026-07-28"


def not_found_code(protocol_version: str | None) -> int:
    """The resource-not-found code for a connection's protocol version (dates compare as strings)."""
    if protocol_version and protocol_version < UNIFIED_NOT_FOUND_SINCE:
        return RESOURCE_NOT_FOUND_LEGACY
    return INVALID_PARAMS


def _refuse_cursor(params: Any) -> None:
    cursor = getattr(params, "cursor", None)
    if cursor is not None:
        raise MCPError(
            INVALID_PARAMS,
            f"invalid cursor {cursor[:40]!r}: this server lists everything in one page and issues no cursors",
        )


async def _accept_log_level(ctx: Any, params: SetLevelRequestParams) -> EmptyResult:
    """logging/setLevel (protocols up to 2025-11-25): accepted; the server sends no log notifications at all
    (it logs to stderr), so every level is honoured trivially."""
    return EmptyResult()


class PaperServer(MCPServer):
    """The SDK server with protocol-conformant errors for prompts, resources and pagination."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lowlevel_server.add_request_handler(
            "logging/setLevel", SetLevelRequestParams, _accept_log_level
        )

    async def run_stdio_async(self) -> None:
        from server.stdio import checked_stdio

        async with checked_stdio() as (read_stream, write_stream):
            lowlevel = self._lowlevel_server
            await lowlevel.run(read_stream, write_stream, lowlevel.create_initialization_options())

    async def _handle_get_prompt(self, ctx: Any, params: Any) -> Any:
        prompts = {p.name: p for p in await self.list_prompts()}
        prompt = prompts.get(params.name)
        if prompt is None:
            raise MCPError(
                INVALID_PARAMS, f"unknown prompt {params.name[:80]!r}: this server offers {sorted(prompts)}"
            )
        given = params.arguments or {}
        missing = [a.name for a in prompt.arguments or [] if a.required and a.name not in given]
        if missing:
            raise MCPError(INVALID_PARAMS, f"prompt {prompt.name!r} needs the argument(s) {missing}")
        try:
            return await super()._handle_get_prompt(ctx, params)
        except MCPError:
            raise
        except ValueError as e:
            if isinstance(e.__cause__, ValueError) and isinstance(e.__cause__.__cause__, ValidationError):
                raise MCPError(INVALID_PARAMS, f"prompt {prompt.name!r}: invalid arguments") from None
            log.exception("prompt %r failed", prompt.name)
            raise MCPError(INTERNAL_ERROR, f"prompt {prompt.name!r} failed") from None

    async def _handle_read_resource(self, ctx: Any, params: Any) -> Any:
        try:
            return await super()._handle_read_resource(ctx, params)
        except MCPError as e:
            if e.code != INVALID_PARAMS:
                raise
            raise MCPError(not_found_code(ctx.protocol_version), e.message, e.error.data) from None

    async def _handle_list_tools(self, ctx: Any, params: Any) -> Any:
        _refuse_cursor(params)
        return await super()._handle_list_tools(ctx, params)

    async def _handle_list_resources(self, ctx: Any, params: Any) -> Any:
        _refuse_cursor(params)
        return await super()._handle_list_resources(ctx, params)

    async def _handle_list_resource_templates(self, ctx: Any, params: Any) -> Any:
        _refuse_cursor(params)
        return await super()._handle_list_resource_templates(ctx, params)

    async def _handle_list_prompts(self, ctx: Any, params: Any) -> Any:
        _refuse_cursor(params)
        return await super()._handle_list_prompts(ctx, params)
