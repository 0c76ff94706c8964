"""A local LaTeX source -> paper.md + paper.json: a main .tex file, a project folder, an e-print archive
(.tar, .tar.gz, .gz), or a file whose text is LaTeX."""

from __future__ import annotations

import hashlib

from tools.identifiers import hash_paper_id
from tools.ingest.latex.archive import extract, is_archive
from tools.ingest.latex.route import TEX_SUFFIXES, latex_record
from tools.ingest.sniff import head, is_pdf
from tools.workspace import PaperRecord, existing, folder_lock, output_dir, resolve

_SNIFF = 4096


def accepts(source: str) -> bool:
    """A folder, a .tex file, or a file that is not a PDF and is an archive or holds LaTeX markers."""
    path = existing(source, what="source")
    if path is None:
        return False
    if path.is_dir() or path.suffix.lower() in TEX_SUFFIXES:
        return True
    text = head(path, _SNIFF)
    if text is None or is_pdf(text):
        return False
    return is_archive(path) or b"\\documentclass" in text or b"\\begin{document}" in text


def convert(source: str, out_dir: str | None) -> PaperRecord:
    path = resolve(source, must_exist=True, what="source")
    if path.is_file() and path.suffix.lower() not in TEX_SUFFIXES and is_archive(path):
        data = path.read_bytes()
        out = output_dir(out_dir, hash_paper_id(hashlib.sha256(data).hexdigest()))
        with folder_lock(out):  # another call unpacking into the same out_dir waits: no mixed sources
            extract(data, out / "source", path.name)
            return latex_record(out / "source", out, source, {"archive": str(path)})
    return latex_record(path, None, source, {}, out_dir=out_dir)
