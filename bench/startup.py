"""Server start-up time: seconds from spawning `paper-to-code-mcp` (stdio) to its tools/list reply.

    uv run python bench/startup.py [--json] [--runs 5]

Prints the median of --runs cold starts ({"median_s": ...} with --json). Target: <= 0.6 s, which needs every
heavy library (pypdfium2, markitdown, jinja2, pylatexenc, ...) imported lazily inside the tools.

The anchor, measured in the same run: a bare MCPServer of the same SDK with one trivial tool, spawned with the
same interpreter. `overhead_s` and `ratio` say what this project adds on top of what any server of this SDK
pays (importing `mcp` alone is most of the time).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ANCHOR = """
from mcp.server.mcpserver import MCPServer
mcp = MCPServer("anchor")
@mcp.tool()
def ping(x: int) -> int:
    return x
mcp.run()
"""


async def _one(command: str, args: list[str]) -> float:
    from mcp import Client, StdioServerParameters

    t = time.perf_counter()
    async with Client(StdioServerParameters(command=command, args=args)) as c:
        await c.list_tools()
        return time.perf_counter() - t


def measure(runs: int) -> dict:
    import anyio

    exe = Path(sys.executable).with_name("paper-to-code-mcp")
    if not exe.exists():
        raise SystemExit(f"{exe} not found: run `uv sync` to install the console script")
    ours, anchor = [], []
    with tempfile.TemporaryDirectory() as root:
        for _ in range(runs):  # interleaved, so both see the same machine load
            ours.append(anyio.run(_one, str(exe), ["--root", root]))
            anchor.append(anyio.run(_one, sys.executable, ["-c", ANCHOR]))
    med, base = statistics.median(ours), statistics.median(anchor)
    return {
        "median_s": med,
        "runs": [round(t, 3) for t in ours],
        "anchor_median_s": base,
        "overhead_s": med - base,
        "ratio": med / base,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args(argv)
    r = measure(a.runs)
    text = (
        f"paper-to-code-mcp answered tools/list in {r['median_s']:.3f} s (median of {a.runs}: {r['runs']}); "
        f"a bare MCPServer: {r['anchor_median_s']:.3f} s; ours adds {r['overhead_s']:.3f} s "
        f"(ratio {r['ratio']:.2f})"
    )
    print(json.dumps(r) if a.json else text)


if __name__ == "__main__":
    main()
