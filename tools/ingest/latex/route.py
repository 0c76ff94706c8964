"""The LaTeX route behind pdf_to_markdown: LaTeX main file, project folder, e-print archive or arXiv id ->
paper.md + paper.json (route "latex") in the paper's workspace folder.

paper_id: `arxiv-<id>` for arXiv papers; for an archive, the first 16 hex characters of its sha256; for a .tex
file or a folder, those of the sha256 of the main file's text with its inputs inlined (the cache key too).
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from tools.errors import PaperToCodeError

CONVERTER = "paper-to-code-latex"
CONVERTER_VERSION = "1.0"
TEX_SUFFIXES = {".tex", ".ltx", ".latex"}


def is_latex_source(source: str) -> bool:
    """True for an arXiv id/URL, a folder, a .tex file, an archive, or a file whose text is LaTeX."""
    from tools.ingest.latex.archive import is_archive
    from tools.ingest.latex.arxiv import parse_id
    from tools.workspace import resolve

    path = _local(source)
    if path is None:
        if parse_id(source):
            return True
        path = resolve(source, must_exist=True, what="source")  # raises the usual path errors
    if path.is_dir() or path.suffix.lower() in TEX_SUFFIXES:
        return True
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return False
    return is_archive(path) or b"\\documentclass" in head or b"\\begin{document}" in head


def _local(source: str) -> Path | None:
    """The existing local path `source` names, or None (then it may be an arXiv id)."""
    from tools.workspace import resolve

    try:
        return resolve(source, must_exist=True, what="source")
    except PaperToCodeError:
        return None


def latex_record(source: str, out_dir: str | None) -> dict:
    """Convert and write; returns the sidecar record (paths included, `cached` set)."""
    from tools.ingest.latex.archive import extract, is_archive
    from tools.ingest.latex.arxiv import parse_id
    from tools.workspace import resolve

    path = _local(source)
    arxiv_id = parse_id(source) if path is None else None
    if arxiv_id:
        return _arxiv_record(source, arxiv_id, out_dir)
    path = path or resolve(source, must_exist=True, what="source")
    if path.is_file() and path.suffix.lower() not in TEX_SUFFIXES and is_archive(path):
        from tools.ingest.paper import output_dir

        data = path.read_bytes()
        paper_id = hashlib.sha256(data).hexdigest()[:16]
        out = output_dir(out_dir, paper_id)
        extract(data, out / "source", path.name)
        return _convert_record(out / "source", out, source, {"archive": str(path)})
    return _convert_record(path, None, source, {}, out_dir=out_dir)


def _convert_record(
    src: Path, out: Path | None, source: str, extra: dict, out_dir: str | None = None
) -> dict:
    from tools.ingest.latex.document import convert_source
    from tools.ingest.paper import output_dir, read_cache, write_outputs

    conv = convert_source(src)
    sha = conv.sha256
    if out is None:
        out = output_dir(out_dir, sha[:16])
    cached = read_cache(out, sha, CONVERTER_VERSION)
    if cached and cached.get("route") == "latex":
        return {**cached, "cached": True}
    root = src if src.is_dir() else src.parent
    n = conv.numbering
    sidecar = {
        "paper_id": extra.get("paper_id") or out.name,
        "source": source,
        "route": "latex",
        "pages": None,
        "title": conv.title,
        "headings": [{"level": lv, "text": t, "line": ln, "page": None} for lv, t, ln in conv.headings],
        "characters": len(conv.markdown),
        "sha256": sha,
        "converter": {"name": CONVERTER, "version": CONVERTER_VERSION},
        "main_file": _rel(conv.main, root),
        "main_reason": conv.reason,
        "files": [_rel(f, root) for f in conv.files],
        "numbered_equations": sum(1 for d in n.displays.values() for r in d.rows if r.label is not None),
        "algorithms": sum(1 for k, _ in n.captions.values() if k == "algorithm"),
        "theorems": len(n.theorems),
        "macros_expanded": len(conv.macros.macros),
        "labels": {k: {"kind": v.kind, "number": v.number} for k, v in list(n.labels.items())[:2000]},
        "seconds": round(conv.seconds, 4),
        "warnings": conv.warnings,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        **{k: v for k, v in extra.items() if k != "paper_id"},
    }
    return {**write_outputs(out, conv.markdown, sidecar), "cached": False}


def _rel(p: Path, root: Path) -> str:
    try:
        return str(p.resolve().relative_to(root.resolve()))
    except ValueError:
        return p.name


def _arxiv_record(source: str, arxiv_id: str, out_dir: str | None) -> dict:
    import json

    from tools.ingest.latex.archive import extract
    from tools.ingest.latex.arxiv import fetch, slug
    from tools.ingest.paper import output_dir
    from tools.workspace import atomic_write

    paper_id = slug(arxiv_id)
    out = output_dir(out_dir, paper_id)
    side = out / "paper.json"
    if side.is_file() and (out / "paper.md").is_file():
        try:
            rec = json.loads(side.read_text(encoding="utf-8"))
        except ValueError:
            rec = None
        if isinstance(rec, dict) and rec.get("arxiv_id") == arxiv_id:
            return {**rec, "markdown_path": str(out / "paper.md"), "sidecar_path": str(side), "cached": True}
    eprint, _ = fetch("e-print", arxiv_id)
    pdf, _ = fetch("pdf", arxiv_id)
    if eprint is None and pdf is None:
        raise PaperToCodeError(
            f"arXiv has no paper {arxiv_id!r} (404): check the id (e.g. 2401.12345 or "
            "hep-th/9901001), or pass a local PDF or LaTeX source"
        )
    extra = {"paper_id": paper_id, "arxiv_id": arxiv_id}
    warnings: list[str] = []
    if pdf is not None:
        if not pdf.startswith(b"%PDF-"):
            warnings.append("arXiv's pdf/ answer was not a PDF: not kept")
            pdf = None
        else:
            atomic_write(out / "paper.pdf", pdf)
            extra["pdf_path"] = str(out / "paper.pdf")
    if eprint is not None and not eprint.startswith(b"%PDF-"):
        try:
            extract(eprint, out / "source", f"e-print {arxiv_id}")
            rec = _convert_record(out / "source", out, source, extra)
            rec["warnings"] = [*warnings, *rec.get("warnings", [])]
            return rec
        except PaperToCodeError as e:
            if pdf is None:
                raise
            warnings.append(f"the LaTeX source could not be used ({e}); converted the PDF instead")
    elif pdf is not None:
        warnings.append("arXiv has no LaTeX source for this paper (PDF-only submission); converted the PDF")
    if pdf is None:
        raise PaperToCodeError(
            f"arXiv gave neither a usable source nor a PDF for {arxiv_id}: download it by hand"
        )
    from tools.ingest.paper import _pdf_record

    rec = _pdf_record(out / "paper.pdf", str(out))
    rec["warnings"] = [*warnings, *rec.get("warnings", [])]
    rec["arxiv_id"] = arxiv_id
    return rec
