"""PDF route labels of the thirty-eighth round: labels numbered by subsection (2.3.1), code listings whose
calls end in '(42)', a lemma's displays restated with their glyphs in another order, and a label pushed past
a page break."""

from __future__ import annotations

import sys
from pathlib import Path

from pdf_writer import page_stream, pdf_document

from tools.analysis.equations import find_all

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from extraction import convert_ours  # noqa: E402


def _numbered(markdown: str):
    return find_all(markdown, {"numbered"})["numbered"]


def test_labels_numbered_by_subsection_are_found_in_a_real_pdf(tmp_path: Path) -> None:
    runs = [(72.0, 700.0, 10.0, "The squared error of one example is")]
    runs += [(200.0, 675.0, 10.0, "l(h(x), y) = (h(x) - y)^2"), (500.0, 675.0, 10.0, "(2.3.1)")]
    runs += [(72.0, 650.0, 10.0, "and its cross-entropy counterpart is")]
    runs += [(200.0, 625.0, 10.0, "l(h(x), y) = - y log h(x)"), (500.0, 625.0, 10.0, "(2.3.2)")]
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(pdf_document([page_stream(runs)]))
    markdown = convert_ours(pdf, 1)[0]
    assert [e.label for e in _numbered(markdown)] == ["2.3.1", "2.3.2"]
    assert "y" in _numbered(markdown)[0].body


def test_a_code_listing_call_is_no_equation():
    md = (
        "The listing below fixes the seeds.\n"
        "weights = np. ones ((10 , 2) ) np. random . seed (42)\n"
        "begin = time . time () tf. random . set_seed (7)\n"
        "Then the model is fit.\n"
        "y = W x + b (3)\n"
    )
    assert [e.label for e in _numbered(md)] == ["3"]


def test_a_display_restated_with_its_glyphs_reordered_counts_once():
    md = (
        "**Lemma 2**. Let P and Q be measures. Then\n"
        "Var rµs ď }f}8 (d pP}Φq)/(N) , zik„Qk řK (12)\n"
        "holds for every N.\n\n"
        "## A Proofs\n\n"
        "**Lemma 2**. Let P and Q be measures. Then\n"
        "Var rµs ď }f}8 (d pP}Φq)/(N) , „Qk řK ^{zik} (12)\n"
        "Proof. By the bound above.\n"
    )
    assert [e.label for e in _numbered(md)] == ["12"]
    restated = "Var rµs ď }f}8 (d pP}Φq)/(N) , „Qk řK ^{zik} (12)"
    other = md.replace(restated, "a ` b (12)")
    assert [e.label for e in _numbered(other)] == ["12", "12"]  # another display under the same label stays


def test_a_label_alone_after_a_page_break_numbers_the_row_before_it():
    md = "ď ∆0 ` c v log T ` d log 2 (78)\n<!-- page 20 -->\n(79)\nwhere (73) is from (72).\n"
    assert [e.label for e in _numbered(md)] == ["78", "79"]
