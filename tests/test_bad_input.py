"""Bad input for pdf_to_markdown and grep_equations: each a clear error saying what to do, nothing written
outside out_dir, and the server keeps answering."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.errors import BadArgument, NotFound, PaperToCodeError
from tools.ingest.paper import pdf_to_markdown
from tools.workspace import set_roots


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def make_encrypted(src: Path, dst: Path) -> None:
    pikepdf = pytest.importorskip("pikepdf", reason="pikepdf (dev dependency) writes the encrypted PDF")
    with pikepdf.open(src) as pdf:
        pdf.save(dst, encryption=pikepdf.Encryption(owner="owner", user="secret", R=6))


def make_image_only(dst: Path, pages: int = 3) -> None:
    import pypdfium2 as pdfium
    from PIL import Image

    doc = pdfium.PdfDocument.new()
    for _ in range(pages):
        page = doc.new_page(612, 792)
        img = pdfium.PdfImage.new(doc)
        img.set_bitmap(pdfium.PdfBitmap.from_pil(Image.new("RGB", (200, 300), (180, 180, 180))))
        img.set_matrix(pdfium.PdfMatrix().scale(400, 600).translate(100, 100))
        page.insert_obj(img)
        page.gen_content()
    doc.save(dst)


@pytest.fixture
def bad_files(tmp_root: Path, corpus_dir: Path) -> dict[str, Path]:
    good = (corpus_dir / "plrnn" / "paper.pdf").read_bytes()
    f = {
        "directory": tmp_root / "folder.pdf",
        "not_pdf": tmp_root / "notes.pdf",
        "text": tmp_root / "notes.txt",
        "empty": tmp_root / "empty.pdf",
        "corrupt": tmp_root / "truncated.pdf",
        "encrypted": tmp_root / "locked.pdf",
        "scanned": tmp_root / "scanned.pdf",
    }
    f["directory"].mkdir()
    f["not_pdf"].write_text("<html>not a paper</html>")
    f["text"].write_text("just text")
    f["empty"].write_bytes(b"")
    f["corrupt"].write_bytes(good[: len(good) // 2])
    make_encrypted(corpus_dir / "plrnn" / "paper.pdf", f["encrypted"])
    make_image_only(f["scanned"])
    return f


CASES = [
    ("missing", "does not exist"),
    ("directory", "is a folder|no .tex file"),  # a folder is taken as a LaTeX project
    ("not_pdf", "not a PDF"),
    ("text", "neither a PDF"),
    ("empty", "empty"),
    ("corrupt", "damaged"),
    ("encrypted", "encrypted"),
    ("scanned", "no text layer"),
]


@pytest.mark.parametrize(("case", "words"), CASES)
def test_bad_pdf_inputs(tmp_root, bad_files, case, words):
    source = "missing.pdf" if case == "missing" else bad_files[case].name
    before = files_under(tmp_root)
    with pytest.raises(PaperToCodeError, match=words) as e:
        pdf_to_markdown(source)
    msg = str(e.value)
    assert ":" in msg and len(msg) < 400  # what was wrong: what to do
    assert files_under(tmp_root) == before  # nothing written


def test_paths_outside_roots(tmp_path, corpus_dir):
    data, evil = tmp_path / "data", tmp_path / "data-evil"
    data.mkdir()
    evil.mkdir()
    shutil.copyfile(corpus_dir / "plrnn" / "paper.pdf", evil / "paper.pdf")
    shutil.copyfile(corpus_dir / "plrnn" / "paper.pdf", data / "paper.pdf")
    os.symlink(evil / "paper.pdf", data / "link.pdf")
    from tools.workspace import get_roots

    before = get_roots()
    set_roots([data])
    try:
        for source in ("../data-evil/paper.pdf", str(evil / "paper.pdf"), "link.pdf", "/etc/passwd"):
            with pytest.raises(PaperToCodeError, match="outside the allowed roots|'\\.\\.'"):
                pdf_to_markdown(source)
        with pytest.raises(PaperToCodeError, match="outside the allowed roots|'\\.\\.'"):
            pdf_to_markdown("paper.pdf", out_dir="../data-evil/out")
        assert not (evil / "out").exists() and not (data / ".paper-to-code").exists()
    finally:
        set_roots(before)


def test_grep_equations_non_utf8(tmp_root):
    from tools.analysis.equations import grep_equations

    (tmp_root / "latin1.md").write_bytes("Gleichung für x = y (1)\n".encode("latin-1"))
    with pytest.raises(BadArgument, match="not UTF-8"):
        grep_equations("latin1.md")
    with pytest.raises(NotFound, match="does not exist"):
        grep_equations("nope.md")


@pytest.mark.anyio
async def test_server_reports_errors_and_keeps_answering(client, bad_files, paper_pdf):
    for case, words in CASES:
        source = "missing.pdf" if case == "missing" else bad_files[case].name
        r = await client.call_tool("pdf_to_markdown", {"source": source})
        assert r.is_error, case
        assert re.search(words, r.content[0].text), r.content[0].text
    ok = await client.call_tool("pdf_to_markdown", {"source": paper_pdf.name, "limit": 100})
    assert not ok.is_error and ok.structured_content["pages"] == 17


def test_cli_one_line_on_stderr(tmp_path):
    (tmp_path / "empty.pdf").write_bytes(b"")
    exe = Path(sys.executable).with_name("paper-to-code")
    p = subprocess.run(
        [str(exe), "--root", str(tmp_path), "pdf-to-markdown", "--source", "empty.pdf"],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )
    assert p.returncode != 0
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "empty" in lines[0], p.stderr
