"""The path guard every tool goes through: roots fixed at start, no escape by '..', symlink or prefix."""

import json
from pathlib import Path

import pytest

from tools import workspace
from tools.errors import BadArgument, NotFound, OutsideRoots


@pytest.fixture
def root(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "paper.pdf").write_bytes(b"%PDF-1.4\n")
    monkeypatch.setattr(workspace, "_roots", [])
    workspace.set_roots([data])
    return data


def test_relative_path_resolves_against_first_root(root):
    assert workspace.resolve("paper.pdf") == root / "paper.pdf"


def test_absolute_path_inside_root_is_allowed(root):
    assert workspace.resolve(str(root / "paper.pdf"), kind="file") == root / "paper.pdf"


def test_dotdot_is_refused_even_when_it_stays_inside(root):
    (root / "sub").mkdir()
    with pytest.raises(OutsideRoots, match=r"contains '\.\.'"):
        workspace.resolve("sub/../paper.pdf")


def test_absolute_path_outside_roots_is_refused(root, tmp_path):
    (tmp_path / "secret.txt").write_text("x")
    with pytest.raises(OutsideRoots, match="outside the allowed roots"):
        workspace.resolve(str(tmp_path / "secret.txt"))


def test_lookalike_prefix_sibling_is_refused(root, tmp_path):
    evil = tmp_path / "data-evil"
    evil.mkdir()
    (evil / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(OutsideRoots):
        workspace.resolve(str(evil / "x.pdf"))


def test_symlink_pointing_out_of_the_roots_is_refused(root, tmp_path):
    target = tmp_path / "outside.pdf"
    target.write_bytes(b"%PDF")
    (root / "link.pdf").symlink_to(target)
    with pytest.raises(OutsideRoots):
        workspace.resolve("link.pdf")


def test_missing_directory_and_empty_paths_say_what_to_do(root):
    with pytest.raises(NotFound, match="does not exist"):
        workspace.resolve("nope.pdf")
    with pytest.raises(BadArgument, match="is a folder"):
        workspace.resolve(".", kind="file")
    with pytest.raises(BadArgument, match="empty"):
        workspace.resolve("  ")
    with pytest.raises(BadArgument, match="NUL"):
        workspace.resolve("a\x00b")


def test_second_root_is_usable_and_nonexistent_root_is_refused(root, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    workspace.set_roots([root, other])
    (other / "a.md").write_text("x")
    assert workspace.resolve(str(other / "a.md")) == other / "a.md"
    with pytest.raises(NotFound, match="not an existing folder"):
        workspace.set_roots([tmp_path / "missing"])


def test_atomic_write_replaces_whole_file_and_leaves_no_temp(root):
    target = root / "out" / "x.md"
    workspace.atomic_write(target, "one")
    workspace.atomic_write(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["x.md"]
    workspace.atomic_write(root / "b.bin", b"\x00\x01")
    assert Path(root / "b.bin").read_bytes() == b"\x00\x01"


def test_paper_record_keeps_good_fields_of_a_damaged_file(tmp_path):
    side = tmp_path / "paper.json"
    side.write_text('{"title": 5, "pages": 3, "link": "L", "extra": [1]}', encoding="utf-8")
    rec = workspace.PaperRecord.read(side)
    assert rec is not None and (rec.title, rec.pages, rec.link) == (None, 3, "L")
    assert rec.model_extra == {"extra": [1]}
    side.write_text("[1, 2]", encoding="utf-8")
    assert workspace.PaperRecord.read(side) is None


def test_paper_record_round_trip_keeps_fields_and_order(root):
    tmp_path = root
    rec = workspace.PaperRecord(
        paper_id="p", source="s.tex", route="latex", pages=None, title="T", arxiv_id="1"
    )
    written = workspace.write_paper(tmp_path, "# T\n", rec)
    text = (tmp_path / "paper.json").read_text(encoding="utf-8")
    keys = ["paper_id", "source", "route", "pages", "title", "arxiv_id", "markdown_path", "sidecar_path"]
    assert list(json.loads(text)) == keys
    again = workspace.read_record(tmp_path)
    assert again == written and not again.cached
    assert workspace.first_heading("text\n# T\n") == "T"
