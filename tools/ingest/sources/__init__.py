"""The sources a paper may come from, tried in order; the first that accepts it converts it (as markitdown
tries its registered converters): an arXiv id or URL, a local LaTeX source, a local PDF file.

Each source module has accepts(source) -> bool and convert(source, out_dir) -> PaperRecord (paper.md and
paper.json written, `cached` set).
"""

from __future__ import annotations

from typing import Protocol

from tools.errors import NotAPaper
from tools.ingest.sources import arxiv, latex, pdf
from tools.workspace import PaperRecord, resolve


class PaperSource(Protocol):
    def accepts(self, source: str) -> bool: ...

    def convert(self, source: str, out_dir: str | None) -> PaperRecord: ...


SOURCES: list[PaperSource] = [arxiv, latex, pdf]  # type: ignore[list-item]  # modules, checked structurally


def find_source(source: str) -> PaperSource:
    """The first source that accepts `source`; raises the path errors, or says it is neither PDF nor LaTeX."""
    for s in SOURCES:
        if s.accepts(source):
            return s
    resolve(source, must_exist=True, kind="file", what="source")  # missing or outside the roots: say so
    raise NotAPaper(
        f"source {source!r} is neither a PDF (no %PDF header) nor LaTeX: pass the paper's PDF, its LaTeX "
        "main file, source folder or e-print archive, or an arXiv id"
    )
