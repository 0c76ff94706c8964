"""The paper's optimiser in the generated configs: named in words in the checklist (HP-optimizer), with its
momentum, in the paper's words where they say more (Nesterov); never a candidate, and an assumption said as
such when the paper is silent."""

from __future__ import annotations

import yaml

from tests.test_init_project import (  # noqa: F401 (fixtures)
    CHECKLIST,
    _implemented_without_contradiction,
    _scheduled,
    _with_rows,
    no_index,
    root,
)
from tools.analysis.checklist import make_checklist
from tools.project.scaffold import create_project


def test_sgd_with_nesterov_momentum_and_its_momentum_go_into_every_config(root, no_index):  # noqa: F811
    optimizer = ("HP-optimizer", "optimizer", "SGD with Nesterov momentum")
    rows = _with_rows(optimizer, ("HP-momentum", "momentum", "0.9"))
    texts, small, large = _scheduled(root, rows, "nag")
    for train in (small, large):
        assert train["optimizer"] == "sgd with nesterov momentum" and train["momentum"] == 0.9
    assert "optimizer: sgd with nesterov momentum  # HP-optimizer (the paper's value)" in texts["small"]
    assert "HP-optimizer" in _implemented_without_contradiction("nag")


def test_the_first_of_several_optimisers_is_taken_and_the_others_are_named(root, no_index):  # noqa: F811
    rows = _with_rows(("HP-optimizer", "optimizer", "Adam [generator]; RMSProp [critic]"))
    texts, small, _ = _scheduled(root, rows, "two")
    assert small["optimizer"] == "adam"
    assert "the paper also names rmsprop" in texts["small"]


def test_a_silent_paper_or_a_candidate_leaves_adamw_as_an_assumption(root, no_index):  # noqa: F811
    texts, small, _ = _scheduled(root, CHECKLIST, "bare")
    assert small["optimizer"] == "adamw"
    assert "optimizer: adamw  # ASSUMPTION: default; the checklist has no optimizer row" in texts["small"]
    rows = _with_rows(("HP-optimizer", "optimizer", "SGD (candidate: confirm)"))
    texts, small, _ = _scheduled(root, rows, "cand")
    line = texts["small"].split("optimizer:")[1].split("\n")[0]
    assert small["optimizer"] == "adamw" and "ASSUMPTION" in line
    assert yaml.safe_load(texts["small"])["train"]["momentum"] == 0.0


def test_an_optimiser_or_schedule_the_project_does_not_build_is_named_in_the_assumption(root, no_index):  # noqa: F811
    texts, small, _ = _scheduled(root, _with_rows(("HP-optimizer", "optimizer", "Muon")), "muon")
    line = texts["small"].split("optimizer:")[1].split("\n")[0]
    assert small["optimizer"] == "adamw" and "ASSUMPTION" in line and "muon" in line  # not "no single number"
    assert "make_optimizer" in line
    plateau = _with_rows(("HP-lr-schedule", "lr schedule", "reduce on plateau"))
    texts, small, _ = _scheduled(root, plateau, "rop")
    line = texts["small"].split("lr_schedule:")[1].split("\n")[0]
    assert "ASSUMPTION" in line and "reduce on plateau" in line and "lr_factor" in line


def test_milestones_printed_as_a_list_reach_the_step_schedule(root, no_index):  # noqa: F811
    rows = _with_rows(
        ("HP-lr-decay", "lr decay", "0.1"), ("HP-lr-milestones", "lr milestones (epochs)", "[30, 60]")
    )
    texts, small, large = _scheduled(root, rows, "steps")
    assert large["lr_milestones"] == [30, 60] and large["milestone_unit"] == "epochs"
    assert small["lr_schedule"] == large["lr_schedule"] == "step"


def test_a_papers_sentence_reaches_the_config_through_the_checklist(root, no_index):  # noqa: F811
    paper = root / "paper.md"
    paper.write_text(
        "# Small Nets\n\n## 4 Experiments\n\nWe train for 90 epochs using SGD with Nesterov momentum 0.9 and "
        "a learning rate of 0.1, decayed by 0.1 at epochs 30 and 60.\n\n$$ y = W x + b \\tag{1} $$\n"
    )
    make_checklist(str(paper))
    create_project(root / "nets", checklist=root / "IMPLEMENTATION_CHECKLIST.md", lock=False)
    large = yaml.safe_load((root / "nets/configs/large.yaml").read_text())["train"]
    assert large["optimizer"] == "sgd with nesterov momentum" and large["momentum"] == 0.9
    assert large["lr_milestones"] == [30, 60] and large["milestone_unit"] == "epochs"
    assert large["lr_schedule"] == "step" and large["lr_decay"] == 0.1
