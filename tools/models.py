"""Base for every tool result: a pydantic model that also knows its short human summary."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ToolResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def summary_text(self) -> str:
        """What the CLI prints without --json; results override it with a few readable lines."""
        return self.model_dump_json(indent=2)
