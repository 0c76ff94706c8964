"""make_checklist on real converted papers: IDs, sections, unstated hyperparameters, merge on re-run, the
parser, the LaTeX route, bad input, and the tool through the MCP client."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tools.analysis.checklist import (
    CHECKLIST_NAME,
    MAX_REPLY_CHARS,
    MAX_REPLY_ITEMS,
    SECTIONS,
    make_checklist,
    parse_checklist,
)
from tools.analysis.checklist_reading import TITLE as READING_TITLE
from tools.analysis.equations import find_all
from tools.analysis.hyperparams import STANDARD_KEYS, find_hyperparameters
from tools.errors import BadArgument, BadChecklist, NotFound, OutsideRoots


def convert(root: Path, corpus_dir: Path, name: str) -> Path:
    from tools.ingest.paper import pdf_to_markdown

    shutil.copyfile(corpus_dir / name / "paper.pdf", root / f"{name}.pdf")
    return Path(pdf_to_markdown(f"{name}.pdf").markdown_path)


def rows_by_id(text: str) -> dict[str, str]:
    return {
        line.split("|")[1].strip().strip("*"): line for line in text.split("\n") if line.startswith("| **")
    }


def test_iddpm_checklist(tmp_root, corpus_dir):
    md = convert(tmp_root, corpus_dir, "iddpm")
    r = make_checklist(str(md))
    path = Path(r.path)
    assert path == md.with_name(CHECKLIST_NAME) and r.route == "pdf" and not r.merged
    text = path.read_text(encoding="utf-8")
    headings = [line[3:] for line in text.split("\n") if line.startswith("## ")]
    assert headings == [*SECTIONS.values(), READING_TITLE] and r.settings_to_read > 0
    assert "route: pdf" in text

    ids = [i.id for i in r.items]
    assert len(ids) == len(set(ids)) == r.added
    found = find_all(md.read_text(encoding="utf-8"), {"numbered"})["numbered"]
    assert {f"EQ-{e.label}" for e in found} <= set(ids)
    labels = [
        e["label"] for e in json.loads((corpus_dir / "iddpm" / "groundtruth.json").read_text())["equations"]
    ]
    assert sum(f"EQ-{label}" in ids for label in labels) >= 0.9 * len(labels)

    items = {i.id: i for i in r.items}
    assert items["HP-batch-size"].value == "128" and items["HP-batch-size"].value_normalized == 128
    assert items["HP-optimizer"].value_normalized == "adam"
    assert items["HP-learning-rate"].value_normalized == pytest.approx(1e-4)
    assert any(i.kind == "component" for i in r.items)
    assert all(i.page for i in r.items if i.specified != "UNSPECIFIED")  # PDF route: every item has a page

    # nothing invented: an HP row either holds what find_hyperparameters found or says "unstated"
    stated = {h.key.replace("_", "-") for h in find_hyperparameters(md.read_text(encoding="utf-8"))}
    for i in r.items:
        if i.kind == "hyperparameter":
            assert i.id[3:] in stated or (i.value == "unstated" and i.specified == "UNSPECIFIED"), i
    assert set(r.unstated) == {f"HP-{k.replace('_', '-')}" for k in STANDARD_KEYS} - {
        i.id for i in r.items if i.specified != "UNSPECIFIED"
    } - ({"HP-epochs"} if "HP-training-steps" in items else set())
    assert "| unstated |" in rows_by_id(text)["HP-weight-decay"]

    assert parse_checklist(text) == r.items  # the file reads back as the result


def test_rerun_merges_and_keeps_edits(tmp_root, corpus_dir):
    md = convert(tmp_root, corpus_dir, "iddpm")
    first = make_checklist(str(md))
    path = Path(first.path)
    text = path.read_text(encoding="utf-8")
    rows = rows_by_id(text)
    edited = rows["EQ-1"].replace("[ ] TODO | ", "[x] TESTED | see tests/test_eq1.py; ")
    user_row = "| **EQ-Z.9** | my loss | `my own equation` | p. 99 | ASSUMPTION | [ ] TODO | added by hand |"
    text = text.replace(rows["EQ-1"], edited + "\n" + user_row)
    text = text.replace(rows["HP-batch-size"] + "\n", "")  # a row removed: it comes back
    text = text.replace("## Hyperparameters", "Our notes on the maths above.\n\n## Hyperparameters")
    path.write_text(text, encoding="utf-8")

    second = make_checklist(str(md))
    after = path.read_text(encoding="utf-8")
    assert second.merged and second.added == 1 and second.kept == first.added - 1
    assert edited in after and user_row in after and "Our notes on the maths above." in after
    assert "HP-batch-size" in rows_by_id(after)
    items = {i.id: i for i in parse_checklist(after)}
    assert (items["EQ-1"].status, items["EQ-1"].done) == ("TESTED", True)
    assert items["EQ-Z.9"].specified == "ASSUMPTION" and items["EQ-Z.9"].page == 99
    assert after.replace(rows["HP-batch-size"] + "\n", "") != after  # it was re-added to its table

    third = make_checklist(str(md))  # nothing new: the file stays byte for byte
    assert third.added == 0 and path.read_text(encoding="utf-8") == after


def test_latex_route_ids(tmp_root):
    md = tmp_root / "paper.md"
    md.write_text(
        "# A Small Paper\n\n## 2 Method\n\n$$ L = \\sum_i x_i^2 $$ (1)\n\n$$ y = W x + b $$\n\n"
        "**Algorithm 1** Training loop\n1. sample a batch\n2. update the weights\n\n"
        "**Theorem 3.1** (Convergence). The loss decreases at every step.\n\n"
        "**Lemma A.2** The gradient is bounded.\n\n**Remark.** Remarks are unnumbered.\n\n"
        "**Condition 1** (Set complexity). The set is small.\n\n"
        "$$ f = g $$ ($\\star$)\n\n"
        "We train with a batch size of 32 and a learning rate of 0.01 using SGD for 20 epochs.\n",
        encoding="utf-8",
    )
    r = make_checklist("paper.md", out_path="out")
    assert r.route == "latex" and Path(r.path) == tmp_root / "out"
    ids = {i.id: i for i in r.items}
    want = {"EQ-1", "EQ-u1", "ALG-1", "THM-3.1", "LEM-A.2", "REM-u1", "COND-1", "EQ-star", "HP-batch-size"}
    assert want <= set(ids)
    assert parse_checklist(Path(r.path).read_text(encoding="utf-8")) == r.items  # every ID reads back
    assert ids["EQ-1"].title == "L = \\sum_i x_i^2" and ids["EQ-1"].page is None
    assert ids["HP-optimizer"].value_normalized == "sgd" and ids["HP-epochs"].value_normalized == 20
    assert "HP-training-steps" not in r.unstated  # epochs state the training length
    (tmp_root / "dir").mkdir()
    assert Path(make_checklist("paper.md", out_path="dir").path) == tmp_root / "dir" / CHECKLIST_NAME


def test_merge_finds_a_renamed_table_by_its_ids(tmp_root):
    md = tmp_root / "paper.md"
    md.write_text(
        "## 1 Model\n\n$$ a = b + c $$ (1)\n\n$$ d = e f $$\n\n$$ g = h^2 $$ (2)\n\n"
        "We train with a learning rate of 0.001.\n",
        "utf-8",
    )
    path = Path(make_checklist("paper.md").path)
    text = path.read_text(encoding="utf-8")
    eq_row, hp_row = rows_by_id(text)["EQ-u1"], rows_by_id(text)["HP-weight-decay"]
    text = text.replace("## Key Equations", "## Maths we must code").replace(eq_row + "\n", "")
    text = text.replace("## Hyperparameters", "## Settings").replace(hp_row + "\n", "")
    path.write_text(text, encoding="utf-8")
    r = make_checklist("paper.md")
    after = path.read_text(encoding="utf-8")
    assert r.added == 2 and "## Key Equations" not in after and "## Hyperparameters" not in after
    maths = after.split("## Maths we must code")[1].split("\n## ")[0]
    settings = after.split("## Settings")[1].split("\n## ")[0]
    assert eq_row in maths and "**EQ-2**" in maths
    assert hp_row in settings and "**HP-learning-rate**" in settings


def test_reply_is_capped_but_the_file_is_complete(tmp_root):
    lines = [f"$$ x_{{{k}}} = {k} y $$ ({k})" for k in range(1, 301)]
    (tmp_root / "big.md").write_text("## Maths\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    r = make_checklist("big.md")
    assert 0 < len(r.items) <= MAX_REPLY_ITEMS and r.items_left_out == r.added - len(r.items) > 0
    assert sum(len(it.model_dump_json()) for it in r.items) <= MAX_REPLY_CHARS
    assert r.counts["equation"] == 300
    assert len(parse_checklist(Path(r.path).read_text(encoding="utf-8"))) == r.added


def test_long_equations_are_cut_by_size_and_in_scope_items_come_first(tmp_root):
    body = " + ".join(rf"\alpha_{{{j}}} x^{{{j}}}" for j in range(60))  # ~1 kB of LaTeX each
    lines = [f"$$ y_{{{k}}} = {body} $$ ({k})" for k in range(1, 81)]
    (tmp_root / "long.md").write_text("## Maths\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    r = make_checklist("long.md")
    assert r.counts["equation"] == 80 and r.items[0].id == "EQ-1"
    assert r.items_left_out == r.added - len(r.items) > 0
    assert sum(len(it.model_dump_json()) for it in r.items) <= MAX_REPLY_CHARS
    path = Path(r.path)
    text = path.read_text(encoding="utf-8")
    for k in range(1, 41):  # the user scopes out the first half; a re-run keeps that
        row = next(line for line in text.splitlines() if line.startswith(f"| **EQ-{k}** |"))
        text = text.replace(row, row.replace("[ ] TODO", "[-] OUT_OF_SCOPE"))
    path.write_text(text, encoding="utf-8")
    again = make_checklist("long.md")
    assert again.items[0].id == "EQ-41" and all(it.scope == "IN_SCOPE" for it in again.items)
    assert again.items_left_out == r.added - len(again.items)


def test_bad_inputs(tmp_root):
    (tmp_root / "latin1.md").write_bytes("Gleichung für x = y (1)\n".encode("latin-1"))
    with pytest.raises(BadArgument, match="not UTF-8"):
        make_checklist("latin1.md")
    with pytest.raises(NotFound, match="does not exist"):
        make_checklist("nope.md")
    (tmp_root / "ok.md").write_text("We use a batch size of 8.\n", encoding="utf-8")
    with pytest.raises(OutsideRoots):
        make_checklist("ok.md", out_path="/tmp/../etc/checklist.md")
    with pytest.raises(OutsideRoots):
        make_checklist("ok.md", out_path=str(tmp_root.parent / "elsewhere.md"))
    mine = tmp_root / "mine.md"
    mine.write_text("my own checklist, no tables\n", encoding="utf-8")
    with pytest.raises(BadChecklist, match="no checklist table"):
        make_checklist("ok.md", out_path="mine.md")
    assert mine.read_text(encoding="utf-8") == "my own checklist, no tables\n"


def test_parser_is_robust():
    text = (
        "# Implementation checklist\n<!-- route: latex -->\n\n## Key Equations\n\n"
        "| ID | equation | where in the paper | detail | status | notes |\n|---|---|---|---|---|---|\n"
        "| **EQ-3** | `\\|x\\| = 1` | p. 2 · 3 Method | SPECIFIED | [x] VERIFIED | ok |\n"
        "| not an id | stray | | | [ ] TODO | |\n"
        "| EQ-4 | `a = b` | — | PARTIALLY_SPECIFIED | [x] | |\n\n"
        "## Hyperparameters\n\n| ID | parameter | value | where in the paper | detail | status |\n"
        "|---|---|---|---|---|---|\n"
        "| **HP-learning-rate** | learning rate | 3e-4 (p. 5); 1e-4 (p. 7) | p. 5 | SPECIFIED | [ ] TODO |\n"
        "\n| other | table |\n|---|---|\n| **EQ-9** | ignored: no status column |\n"
    )
    items = {i.id: i for i in parse_checklist(text)}
    assert set(items) == {"EQ-3", "EQ-4", "HP-learning-rate"}
    assert (
        items["EQ-3"].title == "|x| = 1" and items["EQ-3"].section == "3 Method" and items["EQ-3"].page == 2
    )
    assert (items["EQ-3"].status, items["EQ-3"].route) == ("VERIFIED", "latex")
    assert (items["EQ-4"].status, items["EQ-4"].done, items["EQ-4"].specified) == (
        "IMPLEMENTED",
        True,
        "PARTIALLY_SPECIFIED",
    )
    hp = items["HP-learning-rate"]
    assert hp.kind == "hyperparameter" and hp.value == "3e-4" and hp.value_normalized == pytest.approx(3e-4)


@pytest.mark.anyio
async def test_make_checklist_through_mcp(client, tmp_root, corpus_dir):
    md = convert(tmp_root, corpus_dir, "plrnn")
    tools = {t.name: t for t in (await client.list_tools()).tools}
    hints = tools["make_checklist"].annotations
    assert (hints.read_only_hint, hints.destructive_hint, hints.idempotent_hint) == (False, False, True)
    r = await client.call_tool("make_checklist", {"markdown_path": str(md)})
    assert not r.is_error, r.content
    got = r.structured_content
    assert got["path"].endswith(CHECKLIST_NAME) and got["counts"]["algorithm"] >= 1
    assert any(i["id"] == "ALG-1" for i in got["items"])
    bad = await client.call_tool("make_checklist", {"markdown_path": "../outside.md"})
    assert bad.is_error and "'..'" in bad.content[0].text


def test_hp_rows_keep_every_value_with_its_context_and_mark_candidates(tmp_root):
    md = tmp_root / "paper.md"
    md.write_text(
        "# A Small Paper\n\n## 4 Experiments\n\n"
        "| Hyperparameter | MNIST | CIFAR-10 |\n| --- | --- | --- |\n"
        "| Learning rate | 0.1 | 0.01 |\n| Batch size | 128 | 256 |\n\n"
        "Smith et al. used a dropout of 0.3 in their model.\n",
        encoding="utf-8",
    )
    r = make_checklist("paper.md")
    text = Path(r.path).read_text(encoding="utf-8")
    row = rows_by_id(text)["HP-learning-rate"]
    assert "0.1 [MNIST]; 0.01 [CIFAR-10]" in row
    assert "0.3 (candidate: confirm)" in rows_by_id(text)["HP-dropout"]
    items = {i.id: i for i in parse_checklist(text)}
    lr = items["HP-learning-rate"]
    assert lr.value == "0.1" and [(v.value_normalized, v.context) for v in lr.values] == [
        (0.1, "MNIST"),
        (0.01, "CIFAR-10"),
    ]
    dropout = items["HP-dropout"]
    assert dropout.candidate and dropout.value is None and dropout.values[0].candidate
    assert dropout.specified == "PARTIALLY_SPECIFIED"
    assert parse_checklist(text) == r.items



def test_own_word_candidates_get_rows_with_readable_ids(tmp_root):
    """Settings named in the paper's own words are candidate rows; a Greek symbol's ID is its name (HP-xi),
    never a shared placeholder."""
    md = tmp_root / "paper.md"
    md.write_text(
        "# A Small Paper\n\n## 4 Experiments\n\n"
        "Each instance holds I = 3 clusters. We collect 10 rollouts for each update, with ξ = 0.5 and "
        "ζ = 0.2 throughout.\n",
        encoding="utf-8",
    )
    text = Path(make_checklist("paper.md").path).read_text(encoding="utf-8")
    rows = rows_by_id(text)
    assert "3 (candidate: confirm)" in rows["HP-clusters-i"]
    assert "own words" in rows["HP-rollouts"]
    ids = [i.id for i in parse_checklist(text)]
    assert {"HP-xi", "HP-zeta"} <= set(ids) and len(ids) == len(set(ids))

CONTROL_PAPER = r"""# Robust Estimation for Linear Control

## 2 Problem setting

The plant evolves as

$$ x_{k+1} = A x_k + B u_k + w_k $$ (1)

and we estimate the state with the gain $L$:

$$ \hat{x}_{k+1} = A \hat{x}_k + B u_k + L (y_k - C \hat{x}_k) $$ (2)

## 3 Results

The estimation error converges for every gain with $\rho(A - L C) < 1$.
"""


def test_a_paper_that_trains_nothing_gets_no_unstated_training_settings(tmp_root):
    (tmp_root / "control.md").write_text(CONTROL_PAPER, encoding="utf-8")
    r = make_checklist("control.md")
    text = Path(r.path).read_text(encoding="utf-8")
    assert not r.trains_model and r.unstated == [] and "hyperparameter" not in r.counts
    assert not any(f"HP-{k.replace('_', '-')}" in text for k in STANDARD_KEYS)
    assert "states no training setting and describes no model component" in text
    assert "no model trained" in r.summary_text()
    assert {it.id for it in parse_checklist(text)} == {"EQ-1", "EQ-2"}

    # steps the scanner is unsure of (a candidate: 'a two-step method') are no evidence of training
    (tmp_root / "steps").mkdir()
    steps = CONTROL_PAPER + "\n## 1 Introduction\n\nOur method has two steps.\n"
    (tmp_root / "steps" / "paper.md").write_text(steps, encoding="utf-8")
    r = make_checklist("steps/paper.md")
    assert not r.trains_model and r.unstated == []

    # one training setting stated: the paper trains a model, and what it leaves out is listed again
    trained = CONTROL_PAPER + "\nThe gain network is trained with Adam for 200 epochs.\n"
    (tmp_root / "trained").mkdir()
    (tmp_root / "trained" / "paper.md").write_text(trained, encoding="utf-8")
    r = make_checklist("trained/paper.md")
    assert r.trains_model and "HP-learning-rate" in r.unstated and "HP-batch-size" in r.unstated
    assert "states no training setting" not in Path(r.path).read_text(encoding="utf-8")


def test_milestones_state_a_step_schedule(tmp_root):
    """A learning rate divided at given epochs is a step schedule: not listed as unstated."""
    paper = CONTROL_PAPER + "\nThe network is trained with SGD for 100 epochs.\n"
    (tmp_root / "plain.md").write_text(paper, encoding="utf-8")
    assert "HP-lr-schedule" in make_checklist("plain.md").unstated
    stepped = paper + "\nThe learning rate is divided by 10 at epochs 60 and 90.\n"
    (tmp_root / "stepped").mkdir()
    (tmp_root / "stepped" / "paper.md").write_text(stepped, encoding="utf-8")
    r = make_checklist("stepped/paper.md")
    assert "HP-lr-schedule" not in r.unstated and "HP-lr-milestones" in {i.id for i in r.items}
