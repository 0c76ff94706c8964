"""Page-image benchmark: render_page on every numbered equation and algorithm of each paper (its page and
bbox from grep_equations), warm (the second call of each), and each paper's first page whole.

    uv run python bench/render.py [--corpus DIR] [--json]

Figures in total: crops, crop_ms_median / crop_ms_max (warm; target max <= 100 ms), crop_kb_max and
page_kb_max at the default dpi (target <= 300 KB).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT / "tests" / "fixtures" / "corpus"


def bench_paper(pdf: Path, work: Path) -> dict:
    from tools.analysis.equations import grep_equations
    from tools.ingest.paper import pdf_to_markdown
    from tools.ingest.render import render_page

    local = work / f"{pdf.parent.name}.pdf"
    shutil.copyfile(pdf, local)
    r = pdf_to_markdown(source=str(local))
    g = grep_equations(r.markdown_path, kinds=["numbered", "algorithm"])
    ms, kb = [], []
    for f in [*g.numbered, *g.algorithms]:
        if f.bbox is None:
            continue
        render_page(r.paper_id, f.page, f.bbox)  # cold: the file is opened the first time
        t = time.perf_counter()
        out = render_page(r.paper_id, f.page, f.bbox)
        ms.append(1000 * (time.perf_counter() - t))
        kb.append(out.size_bytes / 1024)
    page = render_page(r.paper_id, 1)
    return {"name": pdf.parent.name, "crops": len(ms), "ms": ms, "kb": kb, "page_kb": page.size_bytes / 1024}


def run(corpus: Path) -> dict:
    from tools.workspace import set_roots

    pdfs = sorted(p / "paper.pdf" for p in corpus.iterdir() if (p / "paper.pdf").is_file())
    with tempfile.TemporaryDirectory() as tmp:
        set_roots([tmp])
        rows = [bench_paper(p, Path(tmp)) for p in pdfs]
    ms = [v for r in rows for v in r["ms"]]
    kb = [v for r in rows for v in r["kb"]]
    total = {
        "crops": len(ms),
        "crop_ms_median": statistics.median(ms) if ms else None,
        "crop_ms_max": max(ms, default=None),
        "crop_kb_max": max(kb, default=None),
        "page_kb_max": max(r["page_kb"] for r in rows) if rows else None,
    }
    papers = [
        {
            "name": r["name"],
            "crops": r["crops"],
            "crop_ms_max": max(r["ms"], default=None),
            "crop_kb_max": max(r["kb"], default=None),
            "page_kb": r["page_kb"],
        }
        for r in rows
    ]
    return {"papers": papers, "total": total}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    result = run(a.corpus)
    if a.json:
        print(json.dumps(result, indent=1))
        return 0
    for p in result["papers"]:
        print(
            f"{p['name'][:14]:14} crops {p['crops']:4}  max {p['crop_ms_max'] or 0:6.1f} ms  "
            f"{p['crop_kb_max'] or 0:6.1f} KB  page {p['page_kb']:6.1f} KB"
        )
    print("TOTAL", json.dumps(result["total"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
