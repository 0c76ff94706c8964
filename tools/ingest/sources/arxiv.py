"""An arXiv id or abs/pdf URL -> paper.md + paper.json in the folder `arxiv-<id>`: the e-print's LaTeX source
when arXiv has one (arXiv's PDF is kept beside it), else the PDF. A local path of the same name wins."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tools.errors import BadArgument, NotAPaper, NotFound, PaperToCodeError
from tools.identifiers import arxiv_paper_id, parse_arxiv_id
from tools.ingest.latex.route import latex_record
from tools.ingest.sniff import is_pdf
from tools.ingest.sources import pdf
from tools.workspace import (
    PaperRecord,
    atomic_write,
    existing,
    folder_lock,
    output_dir,
    read_record,
    resolve,
)


def accepts(source: str) -> bool:
    return existing(source, what="source") is None and parse_arxiv_id(source) is not None


def convert(source: str, out_dir: str | None) -> PaperRecord:
    arxiv_id = parse_arxiv_id(source)
    if arxiv_id is None:
        raise BadArgument(f"{source!r} is not an arXiv id or URL: pass e.g. 2401.12345")
    out = output_dir(out_dir, arxiv_paper_id(arxiv_id))
    with folder_lock(out):  # another call writing into the same out_dir waits
        return _convert(arxiv_id, out, source)


def _convert(arxiv_id: str, out: Path, source: str) -> PaperRecord:
    from tools.ingest.latex.arxiv import fetch

    cached = read_record(out)
    if cached and cached.arxiv_id == arxiv_id:
        return cached.model_copy(update={"cached": True})
    eprint, _ = fetch("e-print", arxiv_id)
    pdf_data, _ = fetch("pdf", arxiv_id)
    if eprint is None and pdf_data is None:
        raise NotFound(
            f"arXiv has no paper {arxiv_id!r} (404): check the id (e.g. 2401.12345 or "
            "hep-th/9901001), or pass a local PDF or LaTeX source"
        )
    extra: dict[str, Any] = {"paper_id": arxiv_paper_id(arxiv_id), "arxiv_id": arxiv_id}
    warnings: list[str] = []
    if pdf_data is not None and not is_pdf(pdf_data, at_start=True):
        warnings.append("arXiv's pdf/ answer was not a PDF: not kept")
        pdf_data = None
    elif pdf_data is not None:
        atomic_write(out / "paper.pdf", pdf_data)
        extra["pdf_path"] = str(out / "paper.pdf")
    if eprint is not None and not is_pdf(eprint, at_start=True):
        rec = _from_eprint(eprint, out, source, extra, warnings, has_pdf=pdf_data is not None)
        if rec is not None:
            return rec
    elif pdf_data is not None:
        warnings.append("arXiv has no LaTeX source for this paper (PDF-only submission); converted the PDF")
    if pdf_data is None:
        raise NotAPaper(f"arXiv gave neither a usable source nor a PDF for {arxiv_id}: download it by hand")
    rec = pdf.convert_file(out / "paper.pdf", str(out))
    return _reply(rec, warnings, arxiv_id=arxiv_id)


def _from_eprint(
    eprint: bytes, out: Path, source: str, extra: dict[str, Any], warnings: list[str], *, has_pdf: bool
) -> PaperRecord | None:
    """The LaTeX conversion of the e-print; None (with a warning) when it fails and the PDF can stand in."""
    from tools.ingest.latex.archive import extract

    try:
        extract(eprint, out / "source", f"e-print {extra['arxiv_id']}")
        return _reply(latex_record(out / "source", out, source, extra), warnings)
    except PaperToCodeError as e:
        if not has_pdf:
            raise
        warnings.append(f"the LaTeX source could not be used ({e}); converted the PDF instead")
        return None


def _reply(rec: PaperRecord, warnings: list[str], **update: Any) -> PaperRecord:
    """The record as returned: arXiv's warnings first (they are not written to paper.json)."""
    return rec.model_copy(update={"warnings": [*warnings, *rec.warnings], **update})


def convert_pdf_preferring_source(source: str, out_dir: str | None) -> PaperRecord:
    """A local PDF whose first page names its arXiv id -> the e-print's LaTeX conversion in `arxiv-<id>`, the
    PDF copied beside it for page images; the PDF route (with a warning saying why) when that fails."""
    path = resolve(source, must_exist=True, kind="file", what="source")
    arxiv_id = pdf.arxiv_identity(path) if path.stat().st_size <= pdf.MAX_PDF_BYTES else None
    if arxiv_id is None:
        return _reply(
            pdf.convert_file(path, out_dir),
            [
                "prefer_source: no arXiv identifier (margin stamp, arXiv DOI or arxiv.org link) on the PDF's "
                "first page; converted the PDF"
            ],
        )
    out = output_dir(out_dir, arxiv_paper_id(arxiv_id))
    try:
        with folder_lock(out):
            return _eprint_beside_pdf(arxiv_id, path, out, source)
    except PaperToCodeError as e:
        return _reply(
            pdf.convert_file(path, out_dir),
            [
                f"prefer_source: the arXiv e-print of {arxiv_id} could not be used ({e}); converted the PDF "
                "instead"
            ],
        )


def _eprint_beside_pdf(arxiv_id: str, path: Path, out: Path, source: str) -> PaperRecord:
    from tools.ingest.latex.archive import extract
    from tools.ingest.latex.arxiv import fetch

    cached = read_record(out)
    if cached and cached.arxiv_id == arxiv_id and cached.route == "latex" and cached.pdf_path:
        return cached.model_copy(update={"cached": True})
    eprint, _ = fetch("e-print", arxiv_id)
    if eprint is None:
        raise NotFound(f"arXiv has no e-print for {arxiv_id} (404)")
    if is_pdf(eprint, at_start=True):
        raise NotAPaper(f"arXiv holds only a PDF for {arxiv_id}, no LaTeX source")
    extract(eprint, out / "source", f"e-print {arxiv_id}")
    atomic_write(out / "paper.pdf", path.read_bytes())
    extra = {"paper_id": arxiv_paper_id(arxiv_id), "arxiv_id": arxiv_id, "pdf_path": str(out / "paper.pdf")}
    return latex_record(out / "source", out, source, extra)
