"""A local PDF file -> paper.md + paper.json (route "pdf"), cached by its sha256 and the converter version."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from tools.errors import ExternalFailure, NotAPaper, TooLarge
from tools.identifiers import hash_paper_id, own_arxiv_id
from tools.ingest.boxes import PDF_NAME, write_boxes
from tools.ingest.sniff import file_is_pdf, is_pdf
from tools.workspace import (
    PaperRecord,
    atomic_write,
    existing,
    output_dir,
    read_cached,
    resolve,
    write_paper,
)

CONVERTER = "paper-to-code-pdfium"
CONVERTER_VERSION = "1.16"  # bump whenever the Markdown changes: it keys the cache
MAX_PDF_BYTES = 512 * 1024 * 1024


def accepts(source: str) -> bool:
    """An existing file inside the roots named .pdf or starting with a PDF header."""
    path = existing(source, what="source")
    return path is not None and path.is_file() and (path.suffix.lower() == ".pdf" or file_is_pdf(path))


def convert(source: str, out_dir: str | None) -> PaperRecord:
    return convert_file(resolve(source, must_exist=True, kind="file", what="source"), out_dir)


def convert_file(path: Path, out_dir: str | None) -> PaperRecord:
    """Convert (or reuse) one PDF file; the record is written, `cached` set."""
    data = _read_pdf_bytes(path)
    sha = hashlib.sha256(data).hexdigest()
    out = output_dir(out_dir, hash_paper_id(sha))
    cached = read_cached(out, sha, CONVERTER_VERSION)
    if cached:
        return cached
    n_pages = _check_document(data, path.name)
    c = _markitdown(data, path.name)
    _check_crowded(c, path.name)
    body_chars = len(c.markdown) - sum(len(f"<!-- page {i + 1} -->\n") for i in range(c.pages))
    if body_chars < 20 * max(c.pages, 1) and len(c.empty_pages) >= 0.8 * c.pages:
        raise NotAPaper(
            f"{path.name} has no text layer (a scanned or image-only PDF): run OCR on it first "
            "(e.g. `ocrmypdf in.pdf out.pdf`) or convert the paper's LaTeX source instead"
        )
    arxiv_id = arxiv_identity(data)
    record = PaperRecord(
        paper_id=hash_paper_id(sha),
        source=str(path),
        route="pdf",
        arxiv_id=arxiv_id,
        pages=n_pages,
        title=c.title,
        headings=[{"level": h.level, "text": h.text, "line": h.line, "page": h.page} for h in c.headings],
        characters=len(c.markdown),
        sha256=sha,
        converter={"name": CONVERTER, "version": CONVERTER_VERSION},
        warnings=[*_warnings(c), *([latex_route_hint(arxiv_id)] if arxiv_id else [])],
        created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        pdf_path=str(_keep_pdf(out, path, data)),
    )
    write_boxes(out, c.boxes)  # type: ignore[attr-defined]
    return write_paper(out, c.markdown, record)


def _keep_pdf(out: Path, path: Path, data: bytes) -> Path:
    """The PDF in the paper's folder (page images are rendered from it)."""
    kept = out / PDF_NAME
    if kept.resolve() != path.resolve():
        atomic_write(kept, data)
    return kept


def arxiv_identity(data: bytes | Path) -> str | None:
    """The paper's own arXiv id from its first page (margin stamp, arXiv DOI or abs link); None if none."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except (pdfium.PdfiumError, OSError):
        return None
    try:
        if len(doc) == 0:
            return None
        page = doc[0]
        text = page.get_textpage().get_text_range()
        page.close()
    finally:
        doc.close()
    return own_arxiv_id(text)


def latex_route_hint(arxiv_id: str) -> str:
    return (
        f"this PDF is arXiv:{arxiv_id}: its LaTeX source gives the exact equations; convert it with "
        f'pdf_to_markdown(source="arXiv:{arxiv_id}"), or pass prefer_source=True with this PDF to keep it '
        "for page images"
    )


def _markitdown(data: bytes, name: str) -> object:
    """The PDF engine's conversion facts, through markitdown with our converter plugged in."""
    import io

    from markitdown import FileConversionException, StreamInfo

    from tools.ingest.pdf.markitdown_plugin import markitdown_paper_pdf_only
    from tools.progress import report

    def progress(done: int, total: int, message: str) -> None:
        report(done, total, message)

    try:
        res = markitdown_paper_pdf_only().convert_stream(
            io.BytesIO(data),
            stream_info=StreamInfo(extension=".pdf", mimetype="application/pdf"),
            progress=progress,
        )
    except FileConversionException as e:
        raise _engine_failure(e, name) from e
    c = getattr(res, "facts", None)
    if c is None:
        raise ExternalFailure(f"{name}: markitdown skipped our PDF converter: reinstall paper-to-code")
    return c


def _engine_failure(e: Exception, name: str) -> BaseException:
    """The PDF engine's own exception out of markitdown's wrapper: pdfium's error as a damaged file; anything
    else (a MemoryError of the call's budget, a bug of the engine) as it is, so the adapters report it as such
    with its traceback."""
    import pypdfium2 as pdfium

    attempts = getattr(e, "attempts", None) or []
    cause = next((a.exc_info[1] for a in attempts if a.exc_info), None)
    if cause is None or isinstance(cause, pdfium.PdfiumError):
        return NotAPaper(
            f"{name} could not be converted ({type(cause or e).__name__}): the PDF may be damaged; download "
            "it again or repair it (e.g. `qpdf in.pdf out.pdf`), or convert the paper's LaTeX source"
        )
    return cause


def _check_crowded(c: object, name: str) -> None:
    """Refuse a document whose pages are mostly walls of text runs: nothing readable would be left."""
    from tools.ingest.pdf.engine import MAX_PAGE_CHARS, MAX_PAGE_TEXT_OBJECTS

    crowded = c.crowded_pages  # type: ignore[attr-defined]
    if crowded and len(crowded) >= 0.8 * c.pages:  # type: ignore[attr-defined]
        raise TooLarge(
            f"{name}: {len(crowded)} of its {c.pages} pages are walls of text (over "  # type: ignore[attr-defined]
            f"{MAX_PAGE_CHARS:,} characters or {MAX_PAGE_TEXT_OBJECTS:,} text objects each), which no paper "
            "page is (a damaged or hostile file): pass the paper's own PDF or its LaTeX source"
        )


def _warnings(c: object) -> list[str]:
    out = []
    mapless = c.mapless_pages  # type: ignore[attr-defined]
    if mapless:
        out.append(
            f"fonts without a Unicode map on pages {_ranges(mapless)}: some symbols come out as wrong "
            "letters (brackets as p/q, minus as an accent, sums as ÿ, or control characters); read the "
            "equations there from the LaTeX source (the arXiv e-print) instead"
        )
    from tools.ingest.pdf.engine import MAX_PAGE_CHARS

    crowded = c.crowded_pages  # type: ignore[attr-defined]
    if crowded:
        out.append(
            f"pages {_ranges(crowded)} are walls of text (over {MAX_PAGE_CHARS:,} characters each, or "
            "too many text objects: a plot's labels or a damaged file) were skipped: read them in a viewer"
        )
    failed = c.failed_pages  # type: ignore[attr-defined]
    if failed:
        first = next(iter(failed.values()))
        out.append(
            f"pages {_ranges(sorted(failed))}: the layout reader failed ({first}), so their text is "
            "given line by line, without equations, tables or columns read: look at those pages with "
            "render_page or convert the LaTeX source, and report the PDF as a bug"
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
        raise NotAPaper(f"{path.name} is empty (0 bytes): download the paper again")
    if size > MAX_PDF_BYTES:
        raise TooLarge(
            f"{path.name} is {size // 2**20} MB, above the {MAX_PDF_BYTES // 2**20} MB limit: split it first"
        )
    data = path.read_bytes()
    if not is_pdf(data):
        raise NotAPaper(
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
            raise NotAPaper(
                f"{name} is encrypted (password protected): save an unprotected copy (e.g. `qpdf --decrypt "
                "in.pdf out.pdf` with the password) or use the paper's LaTeX source"
            ) from e
        raise NotAPaper(
            f"{name} is damaged or not a valid PDF ({e}): download it again or repair it (e.g. `qpdf in.pdf "
            "out.pdf`)"
        ) from e
    try:
        n = len(doc)
    finally:
        doc.close()
    if n == 0:
        raise NotAPaper(f"{name} has no pages: download the paper again")
    if n > MAX_PAGES:
        raise TooLarge(
            f"{name} has {n} pages, above the {MAX_PAGES}-page limit for one paper: split it (e.g. `qpdf "
            "--pages in.pdf 1-100 -- out.pdf`) and convert the part you need"
        )
    return n
