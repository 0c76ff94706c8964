"""PDF route: a figure's labels (a plot's legend, its axis title) open no sentence that the prose after the
figure's caption would go on: 'and writing I the identity ...' under a grid of plots stays its own paragraph,
while a sentence cut by a figure still joins its second half."""

from __future__ import annotations

from tools.ingest.pdf.paragraphs import Vocab, continue_across_floats


def _texts(*texts: str) -> list[str]:
    items = [("text", t, None) for t in texts]
    return [t for _, t, _ in continue_across_floats(items, Vocab([]))]


def test_a_plot_legend_opens_no_sentence_across_the_caption() -> None:
    got = _texts(
        "Sinkhorn n = 1000",
        "Computations 107 1010 1013",
        "Figure 4: Performance of online Sinkhorn for various ε.",
        "and writing I the identity matrix in Rd, we have",
    )
    assert got[0] == "Sinkhorn n = 1000"
    assert got[-1] == "and writing I the identity matrix in Rd, we have"


def test_a_sentence_cut_by_a_figure_still_joins_its_second_half() -> None:
    got = _texts(
        "The same bound holds when the model is extended to sequence",
        "Figure 3: Test error against the number of samples.",
        "lengths of any size, as the proof shows.",
    )
    assert got[0] == (
        "The same bound holds when the model is extended to sequence lengths of any size, as the proof shows."
    )
