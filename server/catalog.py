"""The tool catalogue: each core function with its MCP hints. The server and the CLI both read this list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ToolSpec:
    fn: Callable[..., Any]
    title: str
    read_only: bool
    destructive: bool
    idempotent: bool
    open_world: bool = False

    @property
    def name(self) -> str:
        return self.fn.__name__

    @property
    def cli_name(self) -> str:
        return self.name.replace("_", "-")


def _analysis() -> list[ToolSpec]:
    return []


def _project() -> list[ToolSpec]:
    return []


def _remote() -> list[ToolSpec]:
    return []


def _coverage() -> list[ToolSpec]:
    return []


def all_tools() -> list[ToolSpec]:
    return [*_analysis(), *_project(), *_remote(), *_coverage()]
