"""Our PDF converter as a markitdown DocumentConverter, and as a markitdown plugin (entry point
`markitdown.plugin`), so that `MarkItDown(enable_plugins=True)` converts PDFs with it too.

markitdown 0.1.9's own PDF path drops word spaces and interleaves columns on LaTeX papers; registering ours at
priority -1.0 (lower is tried first; markitdown's PdfConverter sits at 0.0) makes it win for `.pdf`.
"""

from __future__ import annotations

import functools
from typing import Any, BinaryIO

from markitdown import DocumentConverter, DocumentConverterResult, MarkItDown, StreamInfo

from tools.ingest.sniff import is_pdf

__plugin_interface_version__ = 1
PRIORITY = -1.0


class PaperConversion(DocumentConverterResult):
    """markitdown's result plus the full conversion facts (pages, title, headings, odd pages) in `facts`."""

    def __init__(self, facts: Any) -> None:
        super().__init__(facts.markdown, title=facts.title)
        self.facts = facts


class PaperPdfConverter(DocumentConverter):
    """pypdfium2-based PDF -> Markdown with page markers, columns, joined display equations and headings."""

    def accepts(self, file_stream: BinaryIO, stream_info: StreamInfo, **kwargs: Any) -> bool:
        ext = (stream_info.extension or "").lower()
        mime = (stream_info.mimetype or "").lower()
        return ext == ".pdf" or mime in ("application/pdf", "application/x-pdf")

    def convert(
        self, file_stream: BinaryIO, stream_info: StreamInfo, **kwargs: Any
    ) -> DocumentConverterResult:
        import pypdfium2 as pdfium

        from tools.ingest.pdf.engine import convert_document
        from tools.ingest.pdf.formula_sources import glyphs_over_sources

        doc = pdfium.PdfDocument(glyphs_over_sources(file_stream.read()))
        try:
            facts = convert_document(doc, kwargs.get("progress"))
        finally:
            doc.close()
        return PaperConversion(facts)


def register_converters(markitdown: MarkItDown, **kwargs: Any) -> None:
    """markitdown's plugin hook."""
    markitdown.register_converter(PaperPdfConverter(), priority=PRIORITY)


class _PdfAwareMarkItDown(MarkItDown):
    """Skips magika's content sniffing (about 16 ms a document) for a stream named and shaped as a PDF."""

    def _get_stream_info_guesses(self, file_stream: BinaryIO, base_guess: StreamInfo) -> list[StreamInfo]:
        if (base_guess.extension or "").lower() == ".pdf":
            pos = file_stream.tell()
            head = file_stream.read(5)
            file_stream.seek(pos)
            if is_pdf(head, at_start=True):
                return [base_guess.copy_and_update(mimetype="application/pdf")]
        return super()._get_stream_info_guesses(file_stream, base_guess)


@functools.cache
def markitdown_with_paper_pdf() -> MarkItDown:
    """One shared MarkItDown with its built-in converters plus ours registered first for PDFs.

    Thread-safe for our use: the converter keeps no state; its result carries the facts.
    """
    md = _PdfAwareMarkItDown(enable_builtins=True)
    md.register_converter(PaperPdfConverter(), priority=PRIORITY)
    return md


@functools.cache
def markitdown_paper_pdf_only() -> MarkItDown:
    """A MarkItDown whose only converter is ours: when it fails, no built-in converter answers in its place,
    and the failure (its own exception in `FileConversionException.attempts`) reaches the caller."""
    md = _PdfAwareMarkItDown(enable_builtins=False)
    md.register_converter(PaperPdfConverter(), priority=PRIORITY)
    return md
