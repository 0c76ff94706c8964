"""Remote-target figures: wall time of the first and the second run_tests_on_gpu over SSH on a generated
project (the second reuses the remote .venv), and the overhead of an SSH run against a local run of the same
suite, measured in the same run (interleaved, medians).

    uv run python bench/remote.py [--json] [--repeat N] [--tiny] [--target ssh:ALIAS] [--torch-index DIR]

Without --target it starts a loopback sshd (root, /usr/sbin/sshd; as in the tests) and runs remote uv offline
from the local cache. --tiny uses the torch-free fixture project instead of a project from init_uv_project.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from project import default_index  # noqa: E402  (bench/project.py: the torch wheel folder)
from remote_fixtures import copy_tiny, sshd_available, start_sshd, write_targets  # noqa: E402

from tools.config import configure  # noqa: E402
from tools.project import uvcli  # noqa: E402
from tools.workspace import set_roots  # noqa: E402


def timed_run(project: Path, target: str, args: list[str]) -> tuple[float, dict]:
    from tools.runs.api import run_tests_on_gpu

    t = time.perf_counter()
    r = asyncio.run(run_tests_on_gpu(str(project), target=target, pytest_args=args, timeout_s=900))
    seconds = time.perf_counter() - t
    if r.status != "passed":
        raise SystemExit(f"{target}: {r.status}: {r.message}\n{r.output_tail[-2000:]}")
    return seconds, {"tests": r.counts.line(), **r.target_info}


def make_project(root: Path, tiny: bool) -> Path:
    if tiny:
        return copy_tiny(root / "bench-remote")
    from tools.project.scaffold import init_uv_project

    init_uv_project(str(root / "bench-remote"))
    return root / "bench-remote"


def measure(args: argparse.Namespace, root: Path) -> dict:
    set_roots([root])
    configure(torch_index=args.torch_index)
    project = make_project(root, args.tiny)
    uvcli.sync(project)  # local env, and the uv cache the loopback remote syncs from offline
    suite = ["tests/suite_ok.py"] if args.tiny else []  # the fixture also holds failing and hanging suites
    target, server = args.target, None
    if target is None:
        if not sshd_available() or os.geteuid() != 0:
            raise SystemExit("needs root and /usr/sbin/sshd for the loopback server, or --target ssh:ALIAS")
        server = start_sshd(root / "sshd")
        entry = {
            "kind": "ssh",
            "host": server.alias,
            "remote_dir": str(root / "remote"),
            "env": {"UV_OFFLINE": "1"},
        }
        configure(targets_file=write_targets(root / "targets.toml", server.ssh_config, {"bench": entry}))
        target = "ssh:bench"
    try:
        timed_run(project, "local", suite)  # warm-up: bytecode, page cache
        first, info = timed_run(project, target, suite)
        local, second = [], []
        for _ in range(args.repeat):  # interleaved, so that a load change hits both alike
            local.append(timed_run(project, "local", suite)[0])
            s, info = timed_run(project, target, suite)
            second.append(s)
    finally:
        if server is not None:
            server.stop()
    med = statistics.median
    return {
        "project": "tiny fixture" if args.tiny else "init_uv_project (torch)",
        "target": target,
        "ssh_first_run_s": round(first, 3),
        "ssh_second_run_s": round(med(second), 3),
        "reuse_speedup": round(first / med(second), 2),
        "local_run_s": round(med(local), 3),
        "ssh_overhead_s": round(med(second) - med(local), 3),
        "ssh_vs_local_ratio": round(med(second) / med(local), 3),
        "push_s": float(info.get("push_s", "nan")),
        "tests": info["tests"],
        "repeat": args.repeat,
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--repeat", type=int, default=3, help="timed second runs and local runs (median)")
    ap.add_argument("--tiny", action="store_true", help="the torch-free fixture project (fast)")
    ap.add_argument("--target", default=None, help="an ssh target of your own instead of the loopback server")
    ap.add_argument("--torch-index", default=default_index(), help="flat folder holding a torch wheel")
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="p2c-bench-remote-"))
    try:
        f = measure(args, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if args.json:
        print(json.dumps(f, indent=2))
        return
    print(f"{f['project']} over {f['target']} ({f['tests']}):")
    print(
        f"  first run {f['ssh_first_run_s']:.2f} s, second run {f['ssh_second_run_s']:.2f} s "
        f"(remote env reused: {f['reuse_speedup']:.1f}x faster; push {f['push_s']:.2f} s)"
    )
    print(
        f"  local run {f['local_run_s']:.2f} s: ssh overhead {f['ssh_overhead_s']:+.2f} s, ratio "
        f"{f['ssh_vs_local_ratio']:.3f} (median of {f['repeat']}; load {f['load_average_1min']} on "
        f"{f['cpus']} cores)"
    )


if __name__ == "__main__":
    main()
