"""The Jinja2 environment for generated code and Markdown: project files, checklists, oracle tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def jinja_environment(folder: Path) -> Any:
    """A Jinja2 environment loading templates from `folder`: strict undefined, no HTML escaping, block tags
    trimmed, trailing newline kept, and a `q` filter quoting a string for Python/TOML source."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["q"] = lambda s: json.dumps(str(s), ensure_ascii=False)
    return env


__all__ = ["jinja_environment"]
