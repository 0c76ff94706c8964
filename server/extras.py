"""Prompts and resources (filled in by the skill issue)."""

from __future__ import annotations

from mcp.server.mcpserver import MCPServer


def register(mcp: MCPServer) -> None:
    """Register prompts and resource templates."""
