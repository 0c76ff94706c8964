"""Architecture components are the paper's own model's: not a word in its everyday sense, not a baseline or
cited model, not a table's header or a reference; a paper whose only such words are of those kinds gets no
component row (and so a method project)."""

from __future__ import annotations

from pathlib import Path

from tools.analysis.checklist import make_checklist
from tools.analysis.equations import find_all

PAPER = (
    "<!-- page 1 -->\n# Scoring Data Points\n## Abstract\n"
    "A learner gains more if a tutor tells it how much attention it should pay to each example. "
    "We propose a scorer.\n## 3. Method\n"
    "Note that we focus our attention on classification problems, the most common use case.\n"
    "We use a standard LSTM-based attentional baseline (Bahdanau et al., 2015), chosen for its stability "
    "compared to other options such as the Transformer (Vaswani et al., 2017).\n"
    """Methods CIFAR-10 (WRN-28-k) ImageNet (ResNet-50) Methods aze bel glg slk
For ImageNet, we use the post-activation ResNet50 (He et al., 2016).
The scorer's delay acts as a “bottleneck” which has proven useful against overfitting.
As a model for the value function, we used the Social Attention architecture from [leurent2019social].
"""
)


def test_everyday_senses_baselines_cited_models_and_table_headers_give_no_component(tmp_root: Path) -> None:
    md = tmp_root / "method" / "paper.md"
    md.parent.mkdir()
    md.write_text(PAPER, encoding="utf-8")
    assert find_all(PAPER, {"architecture"})["architecture"] == []
    r = make_checklist(str(md))
    assert not [i.id for i in r.items if i.kind == "component"]


def test_the_papers_own_model_keeps_its_components(tmp_root: Path) -> None:
    own = PAPER + (
        "Our encoder applies multi-head self-attention followed by a feed-forward layer with 512 units.\n"
        "To help going deeper we use residual convolutional layers [12] and batch normalization [13].\n"
    )
    md = tmp_root / "model" / "paper.md"
    md.parent.mkdir()
    md.write_text(own, encoding="utf-8")
    ids = {i.id for i in make_checklist(str(md)).items if i.kind == "component"}
    assert {"COMP-attention", "COMP-encoder", "COMP-mlp", "COMP-residual-block"} <= ids
    assert "COMP-transformer" not in ids and "COMP-bottleneck" not in ids


def keywords(sentence: str) -> list[list[str]]:
    return [a.keywords for a in find_all(f"## 2. Model\n{sentence}\n", {"architecture"})["architecture"]]


def test_a_word_inside_a_citation_or_a_reference_entry_is_no_component() -> None:
    assert keywords("We changed the attention layers to use multi-head attention [transformers].") == [
        ["attention", "layers", "multi-head"]
    ]
    assert (
        keywords(
            "A. Krizhevsky, “ImageNet Classification with Deep Convolutional Neural Networks,” in "
            "Advances in NIPS, 2012."
        )
        == []
    )
    assert keywords("Firstly, more care and attention is devoted to the proposed model.") == []
    assert keywords("Each block ends in a bottleneck layer of width 64, then a ReLU.") == [
        ["block", "bottleneck", "layer", "relu"]
    ]
