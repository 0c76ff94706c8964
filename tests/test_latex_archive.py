"""E-print archives: the corpus sources as .tar.gz/.tar/.gz convert; every archive attack is refused and
nothing is written outside the paper's folder."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
from pathlib import Path

import pytest

from tools.errors import NotAPaper, PaperToCodeError, TooLarge
from tools.ingest.latex import archive
from tools.ingest.paper import pdf_to_markdown

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def _tar(members: list[tuple[tarfile.TarInfo, bytes | None]], mode: str = "w:gz") -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as tf:
        for info, data in members:
            tf.addfile(info, io.BytesIO(data) if data is not None else None)
    return buf.getvalue()


def _file(name: str, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info, data


def _special(name: str, kind: bytes, link: str = "") -> tuple[tarfile.TarInfo, None]:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    return info, None


def _corpus_tar(paper: str, mode: str = "w:gz") -> bytes:
    src = CORPUS / paper / "source"
    return _tar(
        [_file(str(p.relative_to(src)), p.read_bytes()) for p in sorted(src.rglob("*")) if p.is_file()], mode
    )


@pytest.mark.parametrize(("name", "mode"), [("iddpm.tar.gz", "w:gz"), ("iddpm.tar", "w")])
def test_corpus_tarball_converts_inside_the_paper_folder(tmp_root: Path, name: str, mode: str) -> None:
    (tmp_root / name).write_bytes(_corpus_tar("iddpm", mode))
    res = pdf_to_markdown(name)
    side = json.loads(Path(res.sidecar_path).read_text())
    assert side["route"] == "latex" and side["numbered_equations"] == 19 and side["main_file"] == "main.tex"
    folder = Path(res.markdown_path).parent
    assert (folder / "source" / "main.tex").is_file()
    assert folder.is_relative_to(tmp_root / ".paper-to-code" / "papers")


def test_single_gzipped_tex(tmp_root: Path) -> None:
    tex = (CORPUS / "plrnn" / "source" / "main.tex").read_bytes()
    (tmp_root / "1711.00001").write_bytes(gzip.compress(tex))
    res = pdf_to_markdown("1711.00001")
    assert "**Algorithm 1** Parallel linear recurrence" in Path(res.markdown_path).read_text()


def test_tarball_without_a_main_file(tmp_root: Path) -> None:
    (tmp_root / "x.tar.gz").write_bytes(_tar([_file("sec.tex", b"\\section{A}")]))
    with pytest.raises(NotAPaper, match="no LaTeX main file"):
        pdf_to_markdown("x.tar.gz")


ATTACKS = {
    "absolute": ([_file("/tmp/paper-to-code-evil.tex", b"x")], "absolute path"),
    "dotdot": ([_file("../evil.tex", b"x")], "leaves the folder"),
    "nested dotdot": ([_file("a/../../evil.tex", b"x")], "leaves the folder"),
    "symlink": ([_special("link.tex", tarfile.SYMTYPE, "/etc/passwd")], "is a link"),
    "hardlink": ([_file("a.tex", b"x"), _special("b.tex", tarfile.LNKTYPE, "a.tex")], "is a link"),
    "char device": ([_special("dev", tarfile.CHRTYPE)], "device file"),
    "block device": ([_special("blk", tarfile.BLKTYPE)], "device file"),
    "fifo": ([_special("pipe", tarfile.FIFOTYPE)], "device file or FIFO"),
}


@pytest.mark.parametrize("attack", ATTACKS, ids=str)
def test_archive_attacks_are_refused(tmp_root: Path, attack: str) -> None:
    members, message = ATTACKS[attack]
    (tmp_root / "evil.tar.gz").write_bytes(_tar([_file("main.tex", b"\\documentclass{article}"), *members]))
    with pytest.raises(PaperToCodeError, match=message):
        pdf_to_markdown("evil.tar.gz")
    assert not (tmp_root / "evil.tex").exists() and not Path("/tmp/paper-to-code-evil.tex").exists()
    assert not list(tmp_root.rglob("main.tex"))  # refused before anything was written


def test_decompression_bomb_is_refused(tmp_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_TOTAL", 1_000_000)
    (tmp_root / "bomb.gz").write_bytes(gzip.compress(b"\\" + b"0" * 5_000_000))
    with pytest.raises(TooLarge, match="decompression bomb"):
        pdf_to_markdown("bomb.gz")
    assert not list(tmp_root.rglob("main.tex"))


def test_total_size_and_member_count_limits(tmp_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_TOTAL", 10_000)
    big = [_file(f"f{i}.tex", b"%" * 4000) for i in range(3)]
    with pytest.raises(TooLarge, match="unpacks to more than"):
        archive.extract(_tar(big, "w"), tmp_root / "out")
    monkeypatch.setattr(archive, "MAX_TOTAL", 10**8)
    monkeypatch.setattr(archive, "MAX_MEMBERS", 5)
    many = [_file(f"f{i}.tex", b"x") for i in range(6)]
    with pytest.raises(TooLarge, match="more than 5 members"):
        archive.extract(_tar(many), tmp_root / "out")
    assert not (tmp_root / "out").exists()


def test_damaged_and_foreign_archives(tmp_root: Path) -> None:
    with pytest.raises(NotAPaper, match="damaged"):
        archive.extract(b"\x1f\x8b" + b"\x08\x00" + b"garbage" * 10, tmp_root / "o")
    with pytest.raises(NotAPaper, match="neither a tar archive nor a LaTeX file"):
        archive.extract(gzip.compress(bytes(range(256)) * 10), tmp_root / "o")
    with pytest.raises(NotAPaper, match="is a PDF"):
        archive.extract(gzip.compress(b"%PDF-1.5 ..."), tmp_root / "o")
