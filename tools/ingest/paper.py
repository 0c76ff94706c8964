"""pdf_to_markdown: a paper (local PDF) -> paper.md + paper.json in its workspace folder, cached by hash."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, Field

from tools.errors import PaperToCodeError
from tools.models import ToolResult

CONVERTER = "paper-to-code-pdfium"
CONVERTER_VERSION = "1.5"  # bump whenever the Markdown changes: it keys the cache
MAX_LIMIT = 40000
MAX_PDF_BYTES = 512 * 1024 * 1024
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
    cached: bool = Field(description="True when an earlier conversion of the same file was reused")
    warnings: list[str]
    text: str = Field(description="the Markdown from `offset`, at most `limit` characters, cut at a line end")
    offset: int
    next_offset: int | None = Field(description="pass as offset to read on; None at the end")
    total_characters: int

    def summary_text(self) -> str:
        lines = [
            f"{self.title or '(untitled)'}: "
            + (f"{self.pages} pages, " if self.pages is not None else "LaTeX source, ")
            + f"{self.characters} characters"
            + (" (cached)" if self.cached else ""),
            f"markdown: {self.markdown_path}",
            f"sidecar:  {self.sidecar_path}",
        ]
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
) -> PdfToMarkdownResult:
    """Convert a paper to Markdown (page markers, reading order, display equations on one line ending with
    their label, headings) and write paper.md plus a paper.json sidecar; a repeat call on the same file
    returns the cached result at once. The reply holds the outline and one page of the text: page on with
    next_offset, or read markdown_path."""
    from tools.ingest.latex.route import is_latex_source, latex_record
    from tools.workspace import resolve

    if is_latex_source(source):  # the LaTeX route (tools/latex): .tex, project folder, e-print, arXiv id/URL
        return page_result(latex_record(source, out_dir), offset, limit)
    path = resolve(source, must_exist=True, kind="file", what="source")
    suffix = path.suffix.lower()
    if suffix == ".pdf" or _looks_like_pdf(path):
        record = _pdf_record(path, out_dir)
    else:
        raise PaperToCodeError(
            f"source {source!r} is neither a PDF (no %PDF header) nor LaTeX: pass the paper's PDF, its LaTeX "
            "main file, source folder or e-print archive, or an arXiv id"
        )
    return page_result(record, offset, limit)


# ------------------------------------------------------------------------------------------ output


def page_result(record: dict, offset: int, limit: int, cached: bool | None = None) -> PdfToMarkdownResult:
    """The reply for a written paper.md + sidecar record: outline plus one page of text."""
    md_path = Path(record["markdown_path"])
    text = md_path.read_text(encoding="utf-8")
    page, next_offset = _page(text, offset, min(limit, MAX_LIMIT))
    heads = [HeadingInfo(**h) for h in record.get("headings", [])[:REPLY_HEADINGS]]
    return PdfToMarkdownResult(
        paper_id=record["paper_id"],
        markdown_path=str(md_path),
        sidecar_path=record["sidecar_path"],
        pages=record.get("pages"),
        title=record.get("title"),
        headings=heads,
        characters=record["characters"],
        cached=record.get("cached", False) if cached is None else cached,
        warnings=record.get("warnings", []),
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


def write_outputs(out: Path, markdown: str, sidecar: dict) -> dict:
    """Write paper.md and paper.json into `out`; return the sidecar with the paths added."""
    from tools.workspace import atomic_write

    md_path, side_path = out / "paper.md", out / "paper.json"
    sidecar = {**sidecar, "markdown_path": str(md_path), "sidecar_path": str(side_path)}
    atomic_write(md_path, markdown)
    atomic_write(side_path, json.dumps(sidecar, indent=1, ensure_ascii=False))
    return sidecar


def output_dir(out_dir: str | None, paper_id: str) -> Path:
    from tools.workspace import paper_dir, resolve

    if out_dir is None:
        return paper_dir(paper_id)
    return resolve(out_dir, must_exist=False, kind="dir", what="out_dir")


def read_cache(out: Path, sha: str, converter_version: str) -> dict | None:
    side = out / "paper.json"
    try:
        rec = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ok = (
        isinstance(rec, dict)
        and rec.get("sha256") == sha
        and rec.get("converter", {}).get("version") == converter_version
        and (out / "paper.md").is_file()
    )
    if not ok:
        return None
    return {**rec, "markdown_path": str(out / "paper.md"), "sidecar_path": str(side)}


# ---------------------------------------------------------------------------------------------- PDF


def _looks_like_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return b"%PDF-" in f.read(1024)
    except OSError:
        return False


def _pdf_record(path: Path, out_dir: str | None) -> dict:
    data = _read_pdf_bytes(path)
    sha = hashlib.sha256(data).hexdigest()
    paper_id = sha[:16]
    out = output_dir(out_dir, paper_id)
    cached = read_cache(out, sha, CONVERTER_VERSION)
    if cached:
        return {**cached, "cached": True}
    n_pages = _check_document(data, path.name)
    from tools.ingest.pdf.markitdown_plugin import markitdown_with_paper_pdf
    from tools.progress import report

    def progress(i: int, total: int) -> None:
        report(i, total, f"converting page {i + 1} of {total}")

    md = markitdown_with_paper_pdf()
    import io

    from markitdown import StreamInfo

    try:
        res = md.convert_stream(
            io.BytesIO(data),
            stream_info=StreamInfo(extension=".pdf", mimetype="application/pdf"),
            progress=progress,
        )
    except Exception as e:  # markitdown wraps the converter's failure; a damaged file is the usual cause
        raise PaperToCodeError(
            f"{path.name} could not be converted ({type(e).__name__}): the PDF may be damaged; download it "
            "again or repair it (e.g. `qpdf in.pdf out.pdf`), or convert the paper's LaTeX source"
        ) from e
    c = getattr(res, "facts", None)
    if c is None:
        raise PaperToCodeError(f"{path.name}: markitdown skipped our PDF converter: reinstall paper-to-code")
    body_chars = len(c.markdown) - sum(len(f"<!-- page {i + 1} -->\n") for i in range(c.pages))
    if body_chars < 20 * max(c.pages, 1) and len(c.empty_pages) >= 0.8 * c.pages:
        raise PaperToCodeError(
            f"{path.name} has no text layer (a scanned or image-only PDF): run OCR on it first "
            "(e.g. `ocrmypdf in.pdf out.pdf`) or convert the paper's LaTeX source instead"
        )
    warnings = _warnings(c)
    sidecar = {
        "paper_id": paper_id,
        "source": str(path),
        "route": "pdf",
        "pages": n_pages,
        "title": c.title,
        "headings": [{"level": h.level, "text": h.text, "line": h.line, "page": h.page} for h in c.headings],
        "characters": len(c.markdown),
        "sha256": sha,
        "converter": {"name": CONVERTER, "version": CONVERTER_VERSION},
        "warnings": warnings,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    return {**write_outputs(out, c.markdown, sidecar), "cached": False}


def _warnings(c: object) -> list[str]:
    out = []
    mapless = c.mapless_pages  # type: ignore[attr-defined]
    if mapless:
        out.append(
            f"fonts without a Unicode map on pages {_ranges(mapless)}: some symbols come out as wrong "
            "letters (brackets as p/q, minus as an accent, sums as ÿ, or control characters); read the "
            "equations there from the LaTeX source (the arXiv e-print) instead"
        )
    empty = c.empty_pages  # type: ignore[attr-defined]
    if empty:
        out.append(f"pages {_ranges(empty)} have no text layer (scanned or image-only): OCR them if needed")
    return out


def _ranges(nums: list[int]) -> str:
    parts, start = [], None
    for i, n in enumerate(nums):
        if start is None:
            start = n
        if i + 1 == len(nums) or nums[i + 1] != n + 1:
            parts.append(str(start) if start == n else f"{start}-{n}")
            start = None
    return ", ".join(parts)


def _read_pdf_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size == 0:
        raise PaperToCodeError(f"{path.name} is empty (0 bytes): download the paper again")
    if size > MAX_PDF_BYTES:
        raise PaperToCodeError(
            f"{path.name} is {size // 2**20} MB, above the {MAX_PDF_BYTES // 2**20} MB limit: split it first"
        )
    data = path.read_bytes()
    if b"%PDF-" not in data[:1024]:
        raise PaperToCodeError(
            f"{path.name} is not a PDF (no %PDF header in its first bytes): pass the paper's PDF file"
        )
    return data


def _check_document(data: bytes, name: str) -> int:
    """Open the PDF once to refuse encrypted, corrupt and oversized files with a clear message."""
    import pypdfium2 as pdfium

    from tools.ingest.pdf.engine import MAX_PAGES

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e).lower()
        if "password" in msg:
            raise PaperToCodeError(
                f"{name} is encrypted (password protected): save an unprotected copy (e.g. `qpdf --decrypt "
                "in.pdf out.pdf` with the password) or use the paper's LaTeX source"
            ) from e
        raise PaperToCodeError(
            f"{name} is damaged or not a valid PDF ({e}): download it again or repair it (e.g. `qpdf in.pdf "
            "out.pdf`)"
        ) from e
    try:
        n = len(doc)
    finally:
        doc.close()
    if n == 0:
        raise PaperToCodeError(f"{name} has no pages: download the paper again")
    if n > MAX_PAGES:
        raise PaperToCodeError(
            f"{name} has {n} pages, above the {MAX_PAGES}-page limit for one paper: split it (e.g. `qpdf "
            "--pages in.pdf 1-100 -- out.pdf`) and convert the part you need"
        )
    return n
