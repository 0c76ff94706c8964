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
from tools.workspace import PaperRecord, output_dir, read_cached, write_paper

CONVERTER = "paper-to-code-latex"
CONVERTER_VERSION = "1.0"
TEX_SUFFIXES = {".tex", ".ltx", ".latex"}


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
        seconds=round(conv.seconds, 4),
        warnings=conv.warnings,
        created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        **{k: v for k, v in extra.items() if k != "paper_id"},
    )
    return write_paper(out, conv.markdown, record)


def _rel(p: Path, root: Path) -> str:
    try:
        return str(p.resolve().relative_to(root.resolve()))
    except ValueError:
        return p.name
