"""PDF route: equation numbers printed in brackets ('[1]', as PNAS sets them) are labels after a display and
flush right; a citation '[12]' ending a prose line is not. A display's frame is the column's, even when one
line of its block runs on across both columns. The PDF is written by tests/fixtures/pdf_layout/brackets.py."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from tools.analysis.equations import find_all
from tools.ingest.pdf.displays import _frame
from tools.ingest.pdf.engine import convert_document
from tools.ingest.pdf.lines import Line

PDF = Path(__file__).parent / "fixtures" / "pdf_layout" / "brackets.pdf"


def test_numbers_in_brackets_label_displays_and_a_citation_stays_prose():
    doc = pdfium.PdfDocument(str(PDF))
    try:
        md = convert_document(doc).markdown
    finally:
        doc.close()
    found = find_all(md, {"numbered"})["numbered"]
    assert [e.label for e in found] == ["1", "2", "3"]
    assert "t = {0.1, 0.5, 0.9}, (2)" in md  # a display ending in a comma keeps its number
    assert "other groups [12] and" in md  # the citation stays in its sentence


def test_a_line_run_across_both_columns_sets_no_frame():
    lines = [Line([], 56.0, 301.0 - (k % 3), 600.0 - 11 * k, 9.0, "prose " * 8) for k in range(12)]
    lines.append(Line([], 56.0, 554.6, 460.0, 9.0, "where X denotes one of the five indicators " * 3))
    frame = _frame(lines)
    assert 298.0 <= frame.xr <= 301.5 and frame.xl == 56
