"""PDF route: T1 text fonts without a Unicode map (bitmap Type 3 fonts, pdflatex without cm-super) print their
ligatures, quotes and dashes as glyph codes; they read as letters where a word in that font shows it sets
prose, and a maths font's codes (Greek letters in the same slots) stay as they are. The PDF is a small
pdflatex file in tests/fixtures/pdf_layout (source beside)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from tools.ingest.pdf.engine import convert_document
from tools.ingest.pdf.ligature_codes import map_ligatures

FIXTURES = Path(__file__).parent / "fixtures" / "pdf_layout"


def test_ligatures_quotes_and_dashes_of_a_bitmap_t1_font_read_as_letters() -> None:
    doc = pdfium.PdfDocument(str(FIXTURES / "ligatures.pdf"))
    try:
        md = convert_document(doc).markdown
    finally:
        doc.close()
    assert "\ufffd" not in md
    for words in (
        "# 1 Fitting",
        "first fix the coefficients",
        "find the difficult offsets on the fly",
        "final flow is efficient and baffling",
        "A “slowed-down” scheme—see the appendix—runs",
        "runs 10–20 times",
        "to fit in memory",
        "τx + σy = ϕ",
    ):
        assert words in md, words


def _read(text: str, fonts: str) -> str:
    """map_ligatures over `text` whose k-th character is in font fonts[k], all of one size."""
    return map_ligatures(text, lambda k: fonts[k], lambda k: 10.0)


def test_a_code_reads_as_a_ligature_only_in_a_font_that_sets_prose() -> None:
    # T1: fi at 0x1C, ff at 0x1B; a word of three letters in the font shows it is prose, then 'fit' follows
    assert _read("\x1cxed and \x1ct", "tttttttttttt") == "ﬁxed and ﬁt"
    # an OT1 code inside a word: the font is OT1 (0x0C fi), its 0x1C (ø) is no ligature
    assert _read("S\x1crensen \x0cnding", "tttttttttttttttt") == "S\x1crensen ﬁnding"
    # a maths font's Greek letters (OT1 slots 0x0B-0x0F: alpha, beta ...) set alone or beside one letter
    assert _read("\x0bx + \x0cy", "mmmmmmm") == "\x0bx + \x0cy"
    # letters of another font in the word: a symbol beside maths, not a word of the font
    assert _read("\x1cabc", "mttt") == "\x1cabc"
