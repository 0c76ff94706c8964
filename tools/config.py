"""Settings fixed by whoever starts the server or the CLI (never by tool arguments)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel


class Settings(BaseModel):
    ssh_config: Path | None = None
    targets_file: Path | None = None


_settings = Settings()


def get_settings() -> Settings:
    return _settings


def configure(**values: object) -> Settings:
    global _settings
    _settings = _settings.model_copy(update={k: v for k, v in values.items() if v is not None})
    return _settings
