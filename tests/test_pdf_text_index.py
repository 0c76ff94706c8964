"""The PDF engine's shortcuts over pdfium's per-character calls give what the calls give: text position ->
character index, the characters pdfium leaves out of the text, a character's font and a page's rules."""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from tools.ingest.pdf.runs import PdfPage


def _char_by_call(p: PdfPage, t: int) -> int:
    """What `char` answered before its shortcut: one pdfium call per position."""
    u16 = p._u16
    k = u16[min(t, len(u16) - 1)] if u16 is not None else t
    ci = raw.FPDFText_GetCharIndexFromTextIndex(p.tp, k)
    return ci if ci >= 0 else min(k, p.n - 1)


def _font_by_call(p: PdfPage, ci: int) -> str:
    obj = raw.FPDFText_GetTextObject(p.tp, ci)
    buf = ctypes.create_string_buffer(128)
    if obj:
        raw.FPDFFont_GetBaseFontName(raw.FPDFTextObj_GetFont(obj), buf, 128)
    else:
        raw.FPDFText_GetFontInfo(p.tp, ci, buf, 128, ctypes.c_int())
    return buf.value.decode("latin-1", errors="replace").lower()


@pytest.fixture(scope="module")
def pages(corpus_dir):
    doc = pdfium.PdfDocument(corpus_dir / "iddpm" / "paper.pdf")
    opened = []
    for i in range(len(doc)):
        pg = doc[i]
        opened.append((pg, pg.get_textpage()))
    yield [PdfPage(tp, pg) for pg, tp in opened]
    for pg, tp in opened:
        tp.close()
        pg.close()
    doc.close()


def test_char_matches_pdfium_on_every_position(pages):
    shortcut = [p for p in pages if p._same]
    assert shortcut and len(shortcut) < len(pages)  # both paths are exercised
    for p in pages:
        assert [p.char(t) for t in range(-1, len(p.text) + 2)] == [
            _char_by_call(p, t) for t in range(-1, len(p.text) + 2)
        ]


def test_left_out_characters_match_a_scan_of_every_character(pages):
    with_gaps = 0
    for p in pages:
        scan = [ci for ci in range(p.n) if raw.FPDFText_GetTextIndexFromCharIndex(p.tp, ci) < 0]
        assert p._left_out() == scan
        with_gaps += bool(scan)
    assert with_gaps >= 3  # iddpm's cmex delimiters are left out of the text on several pages


def test_font_names_match_pdfium_pointer_calls(pages):
    for p in pages[:4]:
        assert [p.font(ci) for ci in range(p.n)] == [_font_by_call(p, ci) for ci in range(p.n)]
    assert any("cmex" in p.font(ci) for p in pages for ci in range(p.n))


def test_rules_are_the_small_path_boxes(pages):
    for p in pages:
        page = p.page.raw
        want = []
        for k in range(raw.FPDFPage_CountObjects(page)):
            obj = raw.FPDFPage_GetObject(page, k)
            box = [ctypes.c_float() for _ in range(4)]
            if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_PATH and raw.FPDFPageObj_GetBounds(obj, *box):
                left, bottom, right, top = (v.value for v in box)
                if right - left < 200 and top - bottom < 40:
                    want.append((left, bottom, right, top))
        assert p.rules() == want
    assert any(p.rules() for p in pages)
