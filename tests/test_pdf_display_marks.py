"""PDF route: a display whose first glyph's code is '#' (a big bracket in a font without a Unicode map prints
as '#' or '"') is escaped, so Markdown reads no heading and its label stays an equation's."""

from __future__ import annotations

import sys
from pathlib import Path

from pdf_writer import page_stream, pdf_document

from tools.analysis.equations import find_all

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from extraction import convert_ours  # noqa: E402

_PROSE = (
    "Similar to standard dynamic programming, it is convenient to work with operators defined",
    "on the space of value functions, which leads to the following definition of the operator:",
)


def test_a_display_opening_with_a_bracket_code_is_no_heading(tmp_path: Path) -> None:
    runs = [(72.0, 700.0 - 13 * k, 10.0, t) for k, t in enumerate(_PROSE)]
    display = "# T C(x, y) = max r(x, a) + g min C(x, y) ("
    runs += [(150.0, 660.0, 10.0, display), (522.0, 660.0, 10.0, "(3.4)")]
    runs += [(72.0, 635.0, 10.0, "or in our simplified notation, this describes the following relationship.")]
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(pdf_document([page_stream(runs)]))
    markdown = convert_ours(pdf, 1)[0]
    assert not any(line.startswith("#") for line in markdown.splitlines())
    assert [e.label for e in find_all(markdown, {"numbered"})["numbered"]] == ["3.4"]


def _labels(markdown: str) -> list[str]:
    return [e.label for e in find_all(markdown, {"numbered"})["numbered"]]


def test_a_display_of_one_function_applied_keeps_its_label():
    md = "The encoder and decoder minimise the loss\nR(y, d(e(y))) (1)\nwhere R is a reconstruction loss.\n"
    assert _labels(md) == ["1"]
    assert _labels("As shown in the text of Smith (1)\nand then more prose follows.\n") == []


def test_alternatives_set_as_displays_joined_by_or_keep_their_labels():
    md = "We merge two parts when either holds:\n(w)/(Ar − Al) > 0.4 or (3a)\n(w)/(Br − Bl) > 0.4 (3b)\n"
    assert _labels(md) == ["3a", "3b"]
    assert _labels("The same bound follows from (3) or (4)\nand the text goes on.\n") == []
