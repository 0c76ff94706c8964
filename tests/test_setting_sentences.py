"""Setup sentences stating values no hyperparameter finding took: which sentences are listed (the paper's own
setup, values in its own words) and which are not (values a finding took, pointers and citations, theory,
others' work, the title block, tables); the checklist's 'Settings to read' section, rewritten on each run
while the item tables merge; and the list on a real paper through the MCP client."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.analysis.checklist import make_checklist, parse_checklist
from tools.analysis.checklist_reading import TITLE
from tools.analysis.hyperparams import find_hyperparameters
from tools.analysis.setting_sentences import setting_sentences

PAPER = """# A Paper About Widgets

Alice Smith1,2 Bob Jones3

## 2 Related Work

Earlier widget models stack 12 layers. We use 3 random restarts for every widget search.

## 4 Experiments

We set the learning rate to 0.001 and train for 50 epochs.
The encoder has 6 residual stages of width 256 each.
As Table 3 and Figure 2 show (Smith et al., 2019) [12], the loss falls in Section 4.1.
Dropout of 0.25 is applied to the encoder.

| setting | value |
|---|---|
| momentum | 0.9 |

## 5 Theory

We prove an upper bound of 2 on the regret.

## B Decoder details

Dropout of 0.25 is applied to the decoder, which we unroll 7 times.
"""


def _listed(md: str) -> dict[str, list[str]]:
    return {s.text: s.values for s in setting_sentences(md, find_hyperparameters(md))}


def test_listed_sentences_state_values_in_the_papers_own_words() -> None:
    listed = _listed(PAPER)
    assert listed["The encoder has 6 residual stages of width 256 each."] == ["6"]  # a finding took 256
    assert listed["We use 3 random restarts for every widget search."] == ["3"]  # own words, any section
    decoder = next(t for t in listed if "decoder" in t)
    assert listed[decoder] == ["7"]  # 0.25 was taken under its name in 4 Experiments


def test_values_a_finding_took_pointers_theory_and_others_work_are_not_listed() -> None:
    text = " ".join(_listed(PAPER))
    for absent in ("learning rate", "Table 3", "upper bound", "Earlier widget", "Alice", "momentum"):
        assert absent not in text, absent
    only_taken = "## 4 Experiments\n\nWe use a batch size of 64 and dropout 0.5.\n"
    assert _listed(only_taken) == {}


def test_a_leading_point_and_a_size_are_kept_whole() -> None:
    md = "## 4 Setup\n\nEach widget is cut into 3 × 3 tiles, and the gate keeps .45 of them.\n"
    assert _listed(md) == {
        "Each widget is cut into 3 × 3 tiles, and the gate keeps .45 of them.": ["3 × 3", ".45"]
    }


def test_checklist_section_is_rewritten_each_run_and_items_merge(tmp_root: Path) -> None:
    md = tmp_root / "paper.md"
    md.write_text(PAPER, encoding="utf-8")
    first = make_checklist(str(md))
    path = Path(first.path)
    text = path.read_text(encoding="utf-8")
    assert f"## {TITLE}" in text and first.settings_to_read == 3 and "setup sentences" in first.summary_text()
    assert {i.id for i in parse_checklist(text)} == {i.id for i in first.items}  # the section holds no items
    path.write_text(
        text.replace("## Hyperparameters", "Our own note.\n\n## Hyperparameters"), encoding="utf-8"
    )
    md.write_text(PAPER.replace("width 256", "width 512"), encoding="utf-8")
    second = make_checklist(str(md))
    after = path.read_text(encoding="utf-8")
    assert second.merged and "Our own note." in after and after.count(f"## {TITLE}") == 1
    reading = after.split(f"## {TITLE}")[1]
    assert "width 512" in reading and "width 256" not in reading
    md.write_text("# A Paper\n\n## 4 Experiments\n\nWe set the learning rate to 0.001.\n", encoding="utf-8")
    third = make_checklist(str(md))
    assert third.settings_to_read == 0 and f"## {TITLE}" not in path.read_text(encoding="utf-8")


@pytest.mark.anyio
async def test_a_real_paper_through_the_mcp_client(client, tmp_root: Path, corpus_dir: Path) -> None:
    shutil.copyfile(corpus_dir / "iddpm" / "paper.pdf", tmp_root / "iddpm.pdf")
    converted = await client.call_tool("pdf_to_markdown", {"source": "iddpm.pdf", "limit": 500})
    md = converted.structured_content["markdown_path"]
    found = await client.call_tool("grep_equations", {"markdown_path": md})
    assert not found.is_error, found.content
    result = found.structured_content
    sentences, hps = result["setting_sentences"], result["hyperparameters"]
    assert result["counts"]["setting_sentence"] == len(sentences) > 0
    for s in sentences:
        assert s["values"] and s["page"] and s["bbox"]
        took = {h["value"] for h in hps if h["line"] == s["line"]}
        assert not took & set(s["values"]), s
