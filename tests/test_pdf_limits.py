"""PDF route: limits set under an operator word of a display (min, arg max with a stacked limit) read as its
subscript right after it, a word set over a relation as its superscript, and what is not certain stays put
(two operators side by side whose limits run together; a textstyle limit beside its operator). The PDF is a
small pdflatex file in tests/fixtures/pdf_layout (source beside)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from tools.analysis.equations import find_all
from tools.ingest.pdf.engine import convert_document

FIXTURES = Path(__file__).parent / "fixtures" / "pdf_layout"


def _markdown() -> str:
    doc = pdfium.PdfDocument(str(FIXTURES / "limits.pdf"))
    try:
        return convert_document(doc).markdown
    finally:
        doc.close()


def test_limits_under_operator_words_read_as_their_subscripts() -> None:
    md = _markdown()
    bodies = {e.label: e for e in find_all(md, {"numbered"})["numbered"]}
    assert bodies["1"].body.startswith("W(α, β) = min_{π∈Π(α,β)} ⟨C, π⟩ + εKL(π|α ⊗ β)")
    assert not bodies["1"].check  # nothing left on a baseline of its own: no flag
    assert bodies["2"].body.startswith("bn ∈ arg max_{a∈∂Tn, a≠r} Un(a)")
    assert bodies["3"].body.startswith("V (s) =^{def} max_{a} Q(s, a)")


def test_limits_whose_operator_is_not_certain_stay_where_they_are() -> None:
    md = _markdown()
    # \\lim_{h} \\sup_{x}: the two limits run together, neither is given to one operator
    assert "lim_{" not in md and "sup_{" not in md and "h→∞ x∈X" in md
    assert "+ minb cb" in md  # a fraction's textstyle min sets its limit beside it, not under it
