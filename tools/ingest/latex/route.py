"""The LaTeX route's record: a LaTeX main file or project folder -> paper.md + paper.json (route "latex").

paper_id: `arxiv-<id>` for arXiv papers; for an archive, the first 16 hex characters of its sha256; for a .tex
file or a folder, those of the sha256 of the main file's text with its inputs inlined (the cache key too).
The sources that call it (tools/ingest/sources: latex, arxiv) decide the folder and the extra fields.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from tools.identifiers import hash_paper_id
from tools.ingest.boxes import write_boxes
from tools.ingest.latex.pages import label_boxes, label_pages, numbered_items
from tools.ingest.sniff import file_is_pdf
from tools.workspace import PaperRecord, existing, output_dir, read_cached, write_paper

CONVERTER = "paper-to-code-latex"
CONVERTER_VERSION = "1.4"  # 1.4: showonlyrefs, stray bytes; 1.3: refs inside inline maths; 1.2: boxes
TEX_SUFFIXES = {".tex", ".ltx", ".latex"}
SOURCE_FOLDERS = {"source", "src", "latex", "tex"}


def latex_record(
    src: Path, out: Path | None, source: str, extra: dict[str, Any], out_dir: str | None = None
) -> PaperRecord:
    """Convert `src` (main file or folder) into `out` (default: from out_dir and the text's hash) or reuse an
    earlier conversion there; `extra` fields (paper_id, archive, arxiv_id, pdf_path) go into the record."""
    from tools.ingest.latex.document import convert_source

    conv = convert_source(src)
    sha = conv.sha256
    if out is None:
        out = output_dir(out_dir, hash_paper_id(sha))
    cached = read_cached(out, sha, CONVERTER_VERSION)
    if cached and cached.route == "latex":
        return cached
    root = src if src.is_dir() else src.parent
    n = conv.numbering
    pdf = _paper_pdf(extra.get("pdf_path"), root, conv.main)
    pages = label_pages(pdf, numbered_items(n)) if pdf else None
    record = PaperRecord(
        paper_id=extra.get("paper_id") or out.name,
        source=source,
        route="latex",
        pages=None,
        title=conv.title,
        headings=[{"level": lv, "text": t, "line": ln, "page": None} for lv, t, ln in conv.headings],
        characters=len(conv.markdown),
        sha256=sha,
        converter={"name": CONVERTER, "version": CONVERTER_VERSION},
        main_file=_rel(conv.main, root),
        main_reason=conv.reason,
        files=[_rel(f, root) for f in conv.files],
        numbered_equations=sum(1 for d in n.displays.values() for r in d.rows if r.label is not None),
        algorithms=sum(1 for k, _ in n.captions.values() if k == "algorithm"),
        theorems=len(n.theorems),
        macros_expanded=len(conv.macros.macros),
        labels={k: {"kind": v.kind, "number": v.number} for k, v in list(n.labels.items())[:2000]},
        label_pages=pages,
        seconds=round(conv.seconds, 4),
        warnings=conv.warnings,
        created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        **{k: v for k, v in extra.items() if k not in ("paper_id", "pdf_path")},
        pdf_path=str(pdf) if pdf else None,
    )
    write_boxes(out, label_boxes(pdf, conv.markdown, pages or {}) if pdf else {})
    return write_paper(out, conv.markdown, record)


def _paper_pdf(given: str | None, root: Path, main: Path) -> Path | None:
    """The paper's PDF: the one given, else paper.pdf or <main>.pdf beside the source (or in the e-print)."""
    if given:
        return Path(given)
    near = [root / "paper.pdf", root / f"{main.stem}.pdf"]
    if root.name.lower() in SOURCE_FOLDERS:  # paper/source/ beside paper/paper.pdf
        near.append(root.parent / "paper.pdf")
    for p in near:
        found = existing(p, what="PDF")
        if found and found.is_file() and file_is_pdf(found):
            return found
    return None


def _rel(p: Path, root: Path) -> str:
    try:
        return str(p.resolve().relative_to(root.resolve()))
    except ValueError:
        return p.name
