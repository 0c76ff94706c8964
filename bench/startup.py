"""Server start-up time: seconds from spawning `paper-to-code-mcp` (stdio) to its tools/list reply.

    uv run python bench/startup.py [--json] [--runs 5]

Prints the median of --runs cold starts ({"median_s": ...} with --json). Target: <= 0.6 s, which needs every
heavy library (pypdfium2, markitdown, jinja2, pylatexenc, ...) imported lazily inside the tools.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path


async def _one(exe: Path, root: str) -> float:
    from mcp import Client, StdioServerParameters

    t = time.perf_counter()
    async with Client(StdioServerParameters(command=str(exe), args=["--root", root])) as c:
        await c.list_tools()
        return time.perf_counter() - t


def measure(runs: int) -> dict:
    import anyio

    exe = Path(sys.executable).with_name("paper-to-code-mcp")
    if not exe.exists():
        raise SystemExit(f"{exe} not found: run `uv sync` to install the console script")
    with tempfile.TemporaryDirectory() as root:
        times = [anyio.run(_one, exe, root) for _ in range(runs)]
    return {"median_s": statistics.median(times), "runs": [round(t, 3) for t in times]}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args(argv)
    r = measure(a.runs)
    text = f"paper-to-code-mcp answered tools/list in {r['median_s']:.3f} s (median of {a.runs}: {r['runs']})"
    print(json.dumps(r) if a.json else text)


if __name__ == "__main__":
    main()
