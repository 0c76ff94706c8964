"""Settings fixed by whoever starts the server or the CLI (never by tool arguments)."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, Field


class Settings(BaseModel):
    ssh_config: Path | None = None
    targets_file: Path | None = None
    # Generated projects lock torch from this flat wheel folder instead of PyPI (machine-local; for CI/tests)
    torch_index: str | None = Field(
        default_factory=lambda: os.environ.get("PAPER_TO_CODE_TORCH_INDEX") or None
    )
    # Where arXiv ids are fetched from (abs/, pdf/, e-print/ below it); tests point it at 127.0.0.1
    arxiv_base_url: str = Field(
        default_factory=lambda: os.environ.get("PAPER_TO_CODE_ARXIV_BASE_URL") or "https://arxiv.org"
    )


_settings = Settings()


def get_settings() -> Settings:
    return _settings


def configure(**values: object) -> Settings:
    global _settings
    _settings = _settings.model_copy(update={k: v for k, v in values.items() if v is not None})
    return _settings
