"""Formulas whose printed glyphs a PDF hides behind their LaTeX source.

The `axessibility` package (in the CVPR, ICCV and ECCV author kits since 2022) wraps each formula in a
marked-content span whose /ActualText is the formula's LaTeX source. pdfium then reads that source in place of
the glyphs, and an equation number set inside the span (every row of an `align`) is lost with them.

Before reading, such spans become plain marked content (`/Span BMC`), so the printed glyphs are read, numbers
included, as on any other paper. Only an ActualText that reads as LaTeX is dropped (a control word, `&`, `^`
or `_`); one that spells out a ligature or a hyphen is kept. Any failure returns the PDF unchanged.
"""

from __future__ import annotations

import io
import re
from typing import Any

_LATEX = re.compile(r"\\[A-Za-z]{2,}|[&^_]")


def glyphs_over_sources(data: bytes) -> bytes:
    """The PDF with each formula's LaTeX-source ActualText dropped, or `data` itself when it has none."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            changed = sum(_strip_page(pdf, page) for page in pdf.pages)
            if not changed:
                return data
            out = io.BytesIO()
            pdf.save(out)
            return out.getvalue()
    except (pikepdf.PdfError, RuntimeError, ValueError, TypeError, KeyError, AttributeError):
        # a PDF pikepdf cannot read or rewrite is read as it is (pdfium gives its own errors)
        return data


def _strip_page(pdf: Any, page: Any) -> int:
    """Rewrite one page's content stream without its formula-source spans; how many it dropped."""
    import pikepdf

    if b"ActualText" not in _content_bytes(page):
        return 0
    kept, dropped = [], 0
    for operands, op in pikepdf.parse_content_stream(page):
        if str(op) == "BDC" and any(_formula_source(o) for o in operands):
            kept.append(pikepdf.ContentStreamInstruction([pikepdf.Name.Span], pikepdf.Operator("BMC")))
            dropped += 1
        else:
            kept.append(pikepdf.ContentStreamInstruction(operands, op))
    if dropped:
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
    return dropped


def _content_bytes(page: Any) -> bytes:
    import pikepdf

    contents = page.obj.get("/Contents")
    if contents is None:
        return b""
    parts = contents if isinstance(contents, pikepdf.Array) else [contents]
    return b"".join(p.read_bytes() for p in parts if isinstance(p, pikepdf.Stream))


def _formula_source(operand: Any) -> bool:
    """A marked-content property dict whose /ActualText reads as LaTeX."""
    import pikepdf

    if not isinstance(operand, pikepdf.Dictionary) or "/ActualText" not in operand:
        return False
    return bool(_LATEX.search(str(operand.ActualText)))
