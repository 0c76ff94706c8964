"""Hostile inputs against the tools' budgets: each must be answered (a result or a clear error) in <= 10 s
with the worker's peak RSS <= 1 GB.

    uv run python bench/hostile.py [--json]

The inputs are generated here (nothing big is committed): unclosed braces after \\textbf, thousands of
unclosed \\begin{itemize}, one 244 KB prose line for grep_equations, a PDF whose pages share one content
stream of 50k text runs, and an equation of 20k terms for make_equation_test. Each runs through the same
worker and budget as the MCP tool (server/worker.py, server/catalog.py).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.pdf_writer import pdf_document

TARGET_S = 10.0
TARGET_MB = 1024.0

DOC = "\\documentclass{article}\n\\begin{document}\n\\section{Intro}\n%s\n\\end{document}\n"


def latex_paper(folder: Path, body: str) -> dict[str, Any]:
    """A LaTeX project folder holding main.tex with `body` in its document."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "main.tex").write_text(DOC % body, encoding="utf-8")
    return {"source": str(folder), "out_dir": str(folder.parent / (folder.name + "-out"))}


def unclosed_braces(n: int = 100_000) -> str:
    return "Some text \\textbf" + "{" * n + " and more"


def unclosed_itemize(n: int = 50_000) -> str:
    return "\\begin{itemize}\n\\item x\n" * n


def long_prose_line(kb: int = 244) -> str:
    words = ("the model uses a learning rate of 0.001 with batch size 64 and ( dropout = 0.1 ) while "
             "x = y + z holds for all $a$ and [3] layers ")
    return "# Paper\n\n" + (words * (kb * 1024 // len(words) + 1))[: kb * 1024] + "\n"


def shared_stream_pdf(pages: int = 20, runs: int = 50_000) -> bytes:
    """A small PDF whose pages all draw one compressed content stream of `runs` text runs."""
    ops = [b"BT /F1 9 Tf"]
    run = b"1 0 0 1 %d %d Tm (w%d) Tj"
    ops += [run % (50 + k * 37 % 500, 50 + k * 13 % 700, k % 1000) for k in range(runs)]
    return pdf_document([b"\n".join([*ops, b"ET"])], pages=pages)


def long_equation(terms: int = 20_000) -> str:
    return " + ".join(f"a_{{{k}}} x^{{{k % 7}}}" for k in range(terms))


def oracle_project(folder: Path) -> dict[str, Any]:
    """The least project make_equation_test accepts: one src/<package>/__init__.py."""
    (folder / "src" / "demo").mkdir(parents=True, exist_ok=True)
    (folder / "src" / "demo" / "__init__.py").write_text("", encoding="utf-8")
    (folder / "tests").mkdir(exist_ok=True)
    return {"project_path": str(folder), "item_id": "EQ-1", "latex": "y = " + long_equation()}


def cases(tmp: Path) -> list[tuple[str, Callable[..., Any], dict[str, Any]]]:
    from tools.analysis.equations import grep_equations
    from tools.ingest.paper import pdf_to_markdown
    from tools.trace.oracles import make_equation_test

    md = tmp / "long-line.md"
    md.write_text(long_prose_line(), encoding="utf-8")
    pdf = tmp / "shared-stream.pdf"
    pdf.write_bytes(shared_stream_pdf())
    return [
        ("100k unclosed { after \\textbf", pdf_to_markdown, latex_paper(tmp / "braces", unclosed_braces())),
        ("50k unclosed itemize", pdf_to_markdown, latex_paper(tmp / "itemize", unclosed_itemize())),
        ("200 unclosed itemize", pdf_to_markdown, latex_paper(tmp / "items200", unclosed_itemize(200))),
        ("244 KB prose line", grep_equations, {"markdown_path": str(md)}),
        ("20 pages x 50k runs", pdf_to_markdown, {"source": str(pdf), "out_dir": str(tmp / "pdf")}),
        ("20k-term equation", make_equation_test, oracle_project(tmp / "proj")),
    ]


async def measure(name: str, fn: Callable[..., Any], kwargs: dict[str, Any]) -> dict[str, Any]:
    from server.catalog import all_tools
    from server.worker import run_in_worker

    budget = next(s.budget for s in all_tools() if s.fn is fn)
    t = time.perf_counter()
    try:
        outcome = await run_in_worker(fn, kwargs, budget)
        answer = repr(outcome.error)[:160] if outcome.error else "result"
        rss = outcome.peak_rss_mb
    except Exception as e:  # a budget ran out: the worker was killed, so no RSS figure came back
        answer, rss = f"{type(e).__name__}: {str(e)[:120]}", float("nan")
    s = time.perf_counter() - t
    return {"case": name, "seconds": round(s, 2), "peak_rss_mb": round(rss, 1), "answer": answer,
            "ok": s <= TARGET_S and not rss > TARGET_MB}


async def run_all() -> list[dict[str, Any]]:
    from tools.workspace import set_roots

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        set_roots([tmp])
        return [await measure(*c) for c in cases(tmp)]


def main() -> None:
    import anyio

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rows = anyio.run(run_all)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    for r in rows:
        mark = "ok  " if r["ok"] else "FAIL"
        print(f"{mark} {r['case']:<34} {r['seconds']:>6.2f} s {r['peak_rss_mb']:>7.1f} MB  {r['answer']}")


if __name__ == "__main__":
    main()
