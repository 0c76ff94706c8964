"""A font that maps its hyphen glyph to U+2010 (as some LuaTeX and XeTeX papers do): a word broken at a line
end is joined like one broken with '-', so 'learn‐' + 'ing rate' is read as a learning rate."""

from __future__ import annotations

import sys
from pathlib import Path

from pdf_writer import page_stream, pdf_document

from tools.analysis.hyperparams import find_hyperparameters

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from extraction import convert_ours  # noqa: E402

_LINES = (
    "The network is trained with stochastic gradient descent and a learn\xad",
    "ing rate of 0.004, with momentum of 0.9 and a batch size of 64 for fifty",
    "epochs in every experiment we report, on one GPU, with no learning rate",
    "schedule and with weight decay switched off. Data are scaled to unit range.",
)


def test_a_word_broken_with_a_unicode_hyphen_is_joined(tmp_path: Path) -> None:
    runs = [(72.0, 700.0, 12.0, "3 Training")]
    runs += [(72.0, 670.0 - 13 * k, 10.0, t) for k, t in enumerate(_LINES)]
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(pdf_document([page_stream(runs)], to_unicode={"\xad": "\u2010"}))
    markdown = convert_ours(pdf, 1)[0]
    assert "\u2010" not in markdown
    assert "a learning rate of 0.004" in markdown
    rates = [h for h in find_hyperparameters(markdown) if h.key == "learning_rate"]
    assert [(h.value_normalized, h.confidence) for h in rates] == [(0.004, "stated")]
