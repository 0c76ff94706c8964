"""Nothing written or read outside the roots through links; damaged archives and over-long names give typed
errors and leave nothing behind; files follow the umask; racing conversions never mix two papers."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import threading
from pathlib import Path

import pytest

from tools import workspace
from tools.errors import BadArgument, Conflict, NotAPaper, OutsideRoots, PaperToCodeError, Refused
from tools.ingest.latex.archive import extract
from tools.ingest.paper import pdf_to_markdown
from tools.project.scaffold import init_uv_project
from tools.trace.coverage import check_coverage

MAIN = r"""\documentclass{article}
\title{%s}
\begin{document}
\maketitle
\section{Method}
We minimise the loss.
\begin{equation}\label{eq:loss} L = \sum_i x_i^2 \end{equation}
\bibliography{refs}
\end{document}
"""


@pytest.fixture
def root(tmp_path, monkeypatch):
    inside = tmp_path / "root"
    inside.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    monkeypatch.setattr(workspace, "_roots", [])
    workspace.set_roots([inside])
    return inside


def outside_of(root: Path) -> Path:
    return root.parent / "outside"


def tar_gz(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


# ---------------------------------------------------------------- writes through symlinked folders


def test_atomic_write_refuses_a_symlinked_folder_on_the_way(root):
    outside = outside_of(root)
    (root / "proj").mkdir()
    (root / "proj" / "src").symlink_to(outside)
    with pytest.raises(Refused, match="symbolic link"):
        workspace.atomic_write(root / "proj" / "src" / "pkg" / "model.py", "x = 1\n")
    with pytest.raises(Refused, match="symbolic link"):
        workspace.make_dirs(root / "proj" / "src" / "pkg")
    assert list(outside.iterdir()) == []


def test_atomic_write_replaces_a_file_link_instead_of_writing_through_it(root):
    victim = outside_of(root) / "victim.txt"
    victim.write_text("keep")
    (root / "note.md").symlink_to(victim)
    workspace.atomic_write(root / "note.md", "new")
    assert victim.read_text() == "keep"
    assert not (root / "note.md").is_symlink() and (root / "note.md").read_text() == "new"


def test_a_symlinked_workspace_is_refused(root):
    (root / workspace.WORKSPACE_NAME).symlink_to(outside_of(root))
    (root / "main.tex").write_text(MAIN % "Linked workspace")
    with pytest.raises(Refused, match="symbolic link"):
        pdf_to_markdown("main.tex")
    assert list(outside_of(root).iterdir()) == []


def test_archive_into_an_out_dir_whose_source_is_a_link_writes_nothing_outside(root):
    (root / "out").mkdir()
    (root / "out" / "source").symlink_to(outside_of(root))
    (root / "paper.tar.gz").write_bytes(tar_gz({"main.tex": (MAIN % "Archive").encode(), "evil.sh": b"x"}))
    with pytest.raises(Refused, match="symbolic link"):
        pdf_to_markdown("paper.tar.gz", out_dir="out")
    assert list(outside_of(root).iterdir()) == []
    assert sorted(p.name for p in (root / "out").iterdir()) == [workspace.LOCK_NAME, "source"]


def test_update_into_a_project_whose_src_is_a_link_is_refused(root):
    project = root / "proj"
    project.mkdir()
    (project / "README.md").write_text("mine\n")
    (project / "src").symlink_to(outside_of(root))
    with pytest.raises(Refused, match="symbolic link"):
        init_uv_project("proj", update=True)
    assert list(outside_of(root).iterdir()) == []


# ---------------------------------------------------------------- reads through links


def test_a_bbl_link_to_a_system_file_is_not_read(root):
    (root / "paper").mkdir()
    (root / "paper" / "main.tex").write_text(MAIN % "Bbl link")
    secret = outside_of(root) / "passwd"
    secret.write_text("root:x:0:0:SECRET-LINE:/root:/bin/bash\n")
    (root / "paper" / "main.bbl").symlink_to(secret)
    rec = pdf_to_markdown("paper", out_dir="conv")
    assert "SECRET-LINE" not in Path(rec.markdown_path).read_text(encoding="utf-8")
    assert any("main.bbl points outside the project" in w for w in rec.warnings), rec.warnings


def test_a_bbl_inside_the_project_is_still_used(root):
    (root / "paper").mkdir()
    (root / "paper" / "main.tex").write_text(MAIN % "Bbl inside")
    (root / "paper" / "main.bbl").write_text(
        r"\begin{thebibliography}{1}\bibitem{a} A. Author. Real-Ref.\end{thebibliography}"
    )
    rec = pdf_to_markdown("paper", out_dir="conv")
    assert "Real-Ref" in Path(rec.markdown_path).read_text(encoding="utf-8")


def test_check_coverage_refuses_a_checklist_linked_outside(root):
    (root / "proj").mkdir()
    target = outside_of(root) / "IMPLEMENTATION_CHECKLIST.md"
    target.write_text("# Checklist\n")
    (root / "proj" / "IMPLEMENTATION_CHECKLIST.md").symlink_to(target)
    with pytest.raises(OutsideRoots, match="outside the allowed roots"):
        check_coverage("proj")


# ---------------------------------------------------------------- damaged archives, long names


def test_a_truncated_tar_gz_is_a_clear_error_and_leaves_nothing(root):
    data = tar_gz({"main.tex": (MAIN % "T").encode(), "fig.tex": os.urandom(200_000)})
    with pytest.raises(NotAPaper, match="truncated|damaged"):
        extract(data[: len(data) // 2], root / "out" / "source", "paper.tar.gz")
    assert not (root / "out").exists()


def test_the_cli_reports_a_truncated_archive_without_a_traceback(root):
    data = tar_gz({"main.tex": (MAIN % "T").encode(), "fig.tex": os.urandom(200_000)})
    (root / "cut.tar.gz").write_bytes(data[: len(data) // 2])
    script = Path(sys.executable).with_name("paper-to-code")
    proc = subprocess.run(
        [str(script), "pdf-to-markdown", "cut.tar.gz", "--root", str(root)],
        cwd=root, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "truncated" in proc.stderr, proc.stderr


def test_a_file_then_a_folder_of_the_same_name_is_refused_cleanly(root):
    data = tar_gz({"x": b"file", "x/y.tex": b"\\input{z}"})
    with pytest.raises(Refused, match="collides"):
        extract(data, root / "out" / "source", "paper.tar.gz")
    assert [p.name for p in (root / "out").iterdir()] == []


def test_a_member_2000_folders_deep_is_refused(root):
    data = tar_gz({"main.tex": b"\\documentclass{article}", "/".join(["d"] * 2000) + "/x.tex": b"x"})
    with pytest.raises(Refused, match="folders deep"):
        extract(data, root / "out" / "source", "paper.tar.gz")
    assert not (root / "out").exists()


def test_a_member_name_too_long_for_the_file_system_is_refused(root):
    data = tar_gz({"main.tex": b"\\documentclass{article}", "a" * 300 + ".tex": b"x"})
    with pytest.raises(Refused, match="longer than 255 bytes"):
        extract(data, root / "out" / "source", "paper.tar.gz")


def test_extracting_again_replaces_the_old_source_whole(root):
    extract(tar_gz({"main.tex": b"one", "old.tex": b"x"}), root / "out" / "source", "a.tar.gz")
    extract(tar_gz({"main.tex": b"two"}), root / "out" / "source", "b.tar.gz")
    assert sorted(p.name for p in (root / "out" / "source").iterdir()) == ["main.tex"]
    assert (root / "out" / "source" / "main.tex").read_bytes() == b"two"
    assert [p.name for p in (root / "out").iterdir()] == ["source"]


def test_a_300_character_project_name_fails_before_writing_so_a_retry_works(root):
    with pytest.raises(BadArgument, match="longer than 255 bytes"):
        init_uv_project("proj", name="p" * 300)
    assert not (root / "proj").exists() or not any((root / "proj").iterdir())
    with pytest.raises(BadArgument, match="too long|longer than"):
        init_uv_project("q" * 300)
    assert sorted(p.name for p in root.iterdir()) in ([], ["proj"])


def test_a_long_file_name_is_a_typed_error(root):
    with pytest.raises(BadArgument, match="longer than 255 bytes"):
        workspace.atomic_write(root / ("n" * 300 + ".md"), "x")
    with pytest.raises(BadArgument, match="too long|longer than"):
        workspace.atomic_write(root / ("d" * 300) / "x.md", "x")
    assert list(root.iterdir()) == []


def test_an_oversized_main_file_names_the_size_limit(root):
    (root / "paper").mkdir()
    with open(root / "paper" / "main.tex", "wb") as f:
        f.write((MAIN % "Big").encode())
        f.truncate(21_000_000)
    with pytest.raises(NotAPaper, match="larger than 20 MB"):
        pdf_to_markdown("paper", out_dir="conv")


# ---------------------------------------------------------------- modes and races


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_written_files_follow_the_umask(root, umask, mode):
    old = os.umask(umask)
    try:
        workspace.atomic_write(root / "sub" / "a.md", "x")
        (root / "paper.tex").write_text(MAIN % "Umask")
        rec = pdf_to_markdown("paper.tex", out_dir="conv")
    finally:
        os.umask(old)
    assert (root / "sub" / "a.md").stat().st_mode & 0o777 == mode
    assert Path(rec.markdown_path).stat().st_mode & 0o777 == mode
    assert Path(rec.sidecar_path).stat().st_mode & 0o777 == mode


def test_two_conversions_into_one_out_dir_never_mix_papers(root):
    titles = [f"Paper Number {k}" for k in range(6)]
    for t in titles:
        (root / f"{t.split()[-1]}.tar.gz").write_bytes(tar_gz({"main.tex": (MAIN % t).encode()}))
    results: dict[str, object] = {}

    def convert(t: str) -> None:
        try:
            results[t] = pdf_to_markdown(f"{t.split()[-1]}.tar.gz", out_dir="shared")
        except PaperToCodeError as e:
            results[t] = e

    threads = [threading.Thread(target=convert, args=(t,)) for t in titles]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=300)
    md = (root / "shared" / "paper.md").read_text(encoding="utf-8")
    side = json.loads((root / "shared" / "paper.json").read_text(encoding="utf-8"))
    assert side["title"] in md and sum(t in md for t in titles) == 1
    for t, r in results.items():
        assert isinstance(r, Conflict) or (r.title == t), (t, r)


def test_write_paper_refuses_when_the_files_on_disk_are_not_the_ones_written(root, monkeypatch):
    rec = workspace.PaperRecord(paper_id="p", title="Mine")
    real = workspace.atomic_write

    def racing(path, data):
        real(path, data)
        if path.name == workspace.RECORD_NAME:  # another writer, ignoring the lock, lands in between
            real(path.with_name(workspace.MARKDOWN_NAME), "# Theirs\n")

    monkeypatch.setattr(workspace, "atomic_write", racing)
    with pytest.raises(Conflict, match="at the same time"):
        workspace.write_paper(root / "p", "# Mine\n", rec)
