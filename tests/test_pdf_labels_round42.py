"""PDF route labels of the forty-second round: a case block set beside another display, its rows run on
before the '=' the way a PDF's text layer orders them."""

from __future__ import annotations

from tools.analysis.equations import find_all


def test_a_case_block_beside_another_display_keeps_both_labels() -> None:
    md = "A penalty is given:\n\n1 (u, v) is in a wall p = { 0 else (3) q = 0 d < dgoal (4)\n\nThen:\n"
    found = find_all(md, {"numbered"})["numbered"]
    assert [e.label for e in found] == ["3", "4"]
    assert found[0].body.endswith("0 else") and found[1].body == "q = 0 d < dgoal"


def test_a_sentence_citing_a_label_mid_line_is_no_pair() -> None:
    md = "Combining (3) with the bound gives x = 2 and so y = 4 (4)\n"
    assert [e.label for e in find_all(md, {"numbered"})["numbered"]] == ["4"]
