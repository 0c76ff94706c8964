"""pdf_to_markdown: a paper (PDF, LaTeX source or arXiv id) -> paper.md + paper.json in its workspace folder,
cached by hash. This module holds the tool and its reply; the sources are in tools/ingest/sources."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from tools.ingest.sources import arxiv, find_source, pdf
from tools.models import ToolResult
from tools.workspace import PaperRecord

MAX_LIMIT = 40000
REPLY_HEADINGS = 40


class HeadingInfo(BaseModel):
    level: int
    text: str
    line: int = Field(description="1-based line in paper.md")
    page: int | None = None


class PdfToMarkdownResult(ToolResult):
    """The converted paper: where the Markdown is, its outline, and one page of its text."""

    paper_id: str = Field(description="first 16 hex characters of the source's sha256")
    markdown_path: str
    sidecar_path: str
    pages: int | None = Field(description="PDF pages (None on the LaTeX route)")
    title: str | None
    headings: list[HeadingInfo] = Field(description=f"the first {REPLY_HEADINGS} section headings")
    characters: int
    arxiv_id: str | None = Field(
        None, description="the paper's arXiv id when known (from the id given, or the PDF's first page)"
    )
    pdf_path: str | None = Field(None, description="the paper's PDF kept for page images (LaTeX route)")
    cached: bool = Field(description="True when an earlier conversion of the same file was reused")
    warnings: list[str]
    text: str = Field(description="the Markdown from `offset`, at most `limit` characters, cut at a line end")
    offset: int
    next_offset: int | None = Field(description="pass as offset to read on; None at the end")
    total_characters: int
    status: Literal["done", "running", "cancelled"] | None = Field(
        default=None, description="over MCP: 'running' while the conversion goes on as a job (get_conversion)"
    )
    job_id: str | None = Field(default=None, description="the conversion job's id when it ran as a job")

    def summary_text(self) -> str:
        if self.status in ("running", "cancelled"):
            return "\n".join([f"conversion job {self.job_id}: {self.status}", *self.warnings])
        lines = [
            f"{self.title or '(untitled)'}: "
            + (f"{self.pages} pages, " if self.pages is not None else "LaTeX source, ")
            + f"{self.characters} characters"
            + (" (cached)" if self.cached else ""),
            f"markdown: {self.markdown_path}",
            f"sidecar:  {self.sidecar_path}",
        ]
        if self.arxiv_id:
            lines.append(f"arXiv:    {self.arxiv_id}")
        lines += [
            f"{'  ' * (h.level - 1)}- {h.text} (line {h.line}" + (f", page {h.page})" if h.page else ")")
            for h in self.headings
        ]
        lines += [f"warning: {w}" for w in self.warnings]
        return "\n".join(lines)


def pdf_to_markdown(
    source: Annotated[
        str,
        Field(
            description="the paper: a local PDF, a LaTeX main .tex file, a LaTeX project folder, an e-print "
            ".tar/.tar.gz/.gz (all inside the allowed roots), or an arXiv id or abs/pdf URL"
        ),
    ],
    out_dir: Annotated[
        str | None,
        Field(description="folder for paper.md and paper.json; default: the paper's workspace folder"),
    ] = None,
    offset: Annotated[int, Field(ge=0, description="first character of the returned text page")] = 0,
    limit: Annotated[
        int, Field(ge=1, description=f"most characters of text to return (capped at {MAX_LIMIT})")
    ] = 20000,
    prefer_source: Annotated[
        bool,
        Field(
            description="for a PDF whose first page names its arXiv id: fetch arXiv's LaTeX source and "
            "convert that (exact equations), keeping the PDF for page images; the PDF route if that fails"
        ),
    ] = False,
) -> PdfToMarkdownResult:
    """Convert a paper to Markdown (page markers, reading order, display equations on one line ending with
    their label, headings) and write paper.md plus a paper.json sidecar; a repeat call on the same file
    returns the cached result at once. The reply holds the outline and one page of the text: page on with
    next_offset, or read markdown_path. A PDF that carries an arXiv id says so (arxiv_id and a warning):
    its LaTeX source is then one call away (prefer_source=True)."""
    src = find_source(source)
    if prefer_source and src is pdf:
        return page_result(arxiv.convert_pdf_preferring_source(source, out_dir), offset, limit)
    return page_result(src.convert(source, out_dir), offset, limit)


# ------------------------------------------------------------------------------------------ output


def page_result(record: PaperRecord, offset: int, limit: int) -> PdfToMarkdownResult:
    """The reply for a written paper.md + paper.json: outline plus one page of text."""
    md_path = Path(record.markdown_path or "")
    text = md_path.read_text(encoding="utf-8")
    page, next_offset = _page(text, offset, min(limit, MAX_LIMIT))
    heads = [HeadingInfo(**h) for h in record.headings[:REPLY_HEADINGS]]
    return PdfToMarkdownResult(
        paper_id=record.paper_id or md_path.parent.name,
        markdown_path=str(md_path),
        sidecar_path=record.sidecar_path or "",
        pages=record.pages,
        title=record.title,
        headings=heads,
        characters=record.characters,
        arxiv_id=record.arxiv_id,
        pdf_path=record.pdf_path,
        cached=record.cached,
        warnings=record.warnings,
        text=page,
        offset=min(offset, len(text)),
        next_offset=next_offset,
        total_characters=len(text),
    )


def _page(text: str, offset: int, limit: int) -> tuple[str, int | None]:
    if offset >= len(text):
        return "", None
    end = offset + limit
    if end >= len(text):
        return text[offset:], None
    cut = text.rfind("\n", offset, end)
    if cut <= offset:  # one line longer than the limit: cut inside it
        cut = end - 1
    return text[offset : cut + 1], cut + 1
