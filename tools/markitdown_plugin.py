"""Our PDF converter as a markitdown DocumentConverter, and as a markitdown plugin (entry point
`markitdown.plugin`), so that `MarkItDown(enable_plugins=True)` converts PDFs with it too.

markitdown 0.1.9's own PDF path drops word spaces and interleaves columns on LaTeX papers; registering ours at
priority -1.0 (lower is tried first; markitdown's PdfConverter sits at 0.0) makes it win for `.pdf`.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from markitdown import DocumentConverter, DocumentConverterResult, MarkItDown, StreamInfo

__plugin_interface_version__ = 1
PRIORITY = -1.0


class PaperPdfConverter(DocumentConverter):
    """pypdfium2-based PDF -> Markdown with page markers, columns, joined display equations and headings.

    After `convert`, `last` holds the full conversion facts (pages, headings, warnings) for the caller.
    """

    def __init__(self) -> None:
        self.last: Any = None

    def accepts(self, file_stream: BinaryIO, stream_info: StreamInfo, **kwargs: Any) -> bool:
        ext = (stream_info.extension or "").lower()
        mime = (stream_info.mimetype or "").lower()
        return ext == ".pdf" or mime in ("application/pdf", "application/x-pdf")

    def convert(
        self, file_stream: BinaryIO, stream_info: StreamInfo, **kwargs: Any
    ) -> DocumentConverterResult:
        import pypdfium2 as pdfium

        from tools.pdf_engine import convert_document

        doc = pdfium.PdfDocument(file_stream.read())
        try:
            self.last = convert_document(doc, kwargs.get("progress"))
        finally:
            doc.close()
        return DocumentConverterResult(self.last.markdown, title=self.last.title)


def register_converters(markitdown: MarkItDown, **kwargs: Any) -> None:
    """markitdown's plugin hook."""
    markitdown.register_converter(PaperPdfConverter(), priority=PRIORITY)


def markitdown_with_paper_pdf() -> tuple[MarkItDown, PaperPdfConverter]:
    """A MarkItDown with its built-in converters plus ours registered first for PDFs."""
    conv = PaperPdfConverter()
    md = MarkItDown(enable_builtins=True)
    md.register_converter(conv, priority=PRIORITY)
    return md, conv
