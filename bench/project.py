"""Project-phase figures: seconds to scaffold and lock a project (warm uv cache), and the overhead of
run_tests_on_gpu against a bare `uv run pytest` on the same generated project, measured in the same run.

    uv run python bench/project.py [--json] [--repeat N] [--torch-index DIR]

Targets: scaffold+lock <= 3 s; run_tests_on_gpu / bare pytest <= 1.10. torch comes from --torch-index (default
$PAPER_TO_CODE_TORCH_INDEX, else /opt/wheels when it holds a torch wheel, else PyPI: a multi-GB download).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tools.config import configure  # noqa: E402
from tools.project import uvcli  # noqa: E402
from tools.workspace import set_roots  # noqa: E402


def default_index() -> str | None:
    env = os.environ.get("PAPER_TO_CODE_TORCH_INDEX")
    if env:
        return env
    wheels = Path("/opt/wheels")
    return str(wheels) if any(wheels.glob("torch-*.whl")) else None


def scaffold(root: Path, name: str) -> float:
    from tools.project.scaffold import init_uv_project

    t = time.perf_counter()
    init_uv_project(str(root / name))
    return time.perf_counter() - t


def cpu() -> float:
    """CPU seconds of this process and its reaped children (steadier than wall time on a busy machine)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def bare_pytest(project: Path) -> tuple[float, float]:
    t, c = time.perf_counter(), cpu()
    run = subprocess.run(
        uvcli.uv_argv("run", "pytest", "-q"),
        cwd=project,
        env=uvcli.uv_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
    )
    seconds, cpu_s = time.perf_counter() - t, cpu() - c
    if run.returncode != 0:
        raise SystemExit(f"bare `uv run pytest` failed (exit {run.returncode}):\n{run.stdout[-2000:]}")
    return seconds, cpu_s


def tool_run(project: Path) -> tuple[float, float, str]:
    from tools.runs.api import run_tests_on_gpu

    t, c = time.perf_counter(), cpu()
    report = asyncio.run(run_tests_on_gpu(str(project), pytest_args=["-q"], timeout_s=600))
    seconds, cpu_s = time.perf_counter() - t, cpu() - c
    if report.status != "passed":
        raise SystemExit(f"run_tests_on_gpu: {report.status}: {report.message}\n{report.output_tail[-2000:]}")
    return seconds, cpu_s, report.counts.line()


def interleaved(project: Path, repeat: int) -> tuple[list[float], list[float], list[float], list[float], str]:
    """Wall and CPU seconds of bare pytest and run_tests_on_gpu, alternated so that a load change hits both
    alike; the last run's test counts."""
    bare, tool, bare_cpu, tool_cpu = [], [], [], []
    counts = ""
    for _ in range(repeat):
        seconds, cpu_s = bare_pytest(project)
        bare.append(seconds)
        bare_cpu.append(cpu_s)
        seconds, cpu_s, counts = tool_run(project)
        tool.append(seconds)
        tool_cpu.append(cpu_s)
    return bare, tool, bare_cpu, tool_cpu, counts


def tiny_suite(root: Path, repeat: int) -> tuple[list[float], list[float]]:
    """The fixed cost on a tiny suite (no torch): what the job model adds in seconds, whatever the suite."""
    tiny = root / "tiny"
    shutil.copytree(REPO / "tests" / "fixtures" / "projects" / "passing", tiny)
    uvcli.sync(tiny)
    bare_pytest(tiny)
    tiny_bare = [bare_pytest(tiny)[0] for _ in range(repeat + 2)]
    tiny_tool = [tool_run(tiny)[0] for _ in range(repeat + 2)]
    return tiny_bare, tiny_tool


def measure(root: Path, repeat: int, torch_index: str | None) -> dict:
    set_roots([root])
    configure(torch_index=torch_index)
    warmup_s = scaffold(root, "bench-warmup")  # fills the uv cache with the lock's metadata
    scaffold_s = scaffold(root, "bench-proj")
    project = root / "bench-proj"
    t = time.perf_counter()
    uvcli.sync(project)
    sync_s = time.perf_counter() - t
    bare_pytest(project)  # warm-up: bytecode and page cache
    bare, tool, bare_cpu, tool_cpu, counts = interleaved(project, repeat)
    med = statistics.median
    tiny_bare, tiny_tool = tiny_suite(root, repeat)
    return {
        "scaffold_and_lock_s": round(scaffold_s, 3),
        "scaffold_and_lock_first_s": round(warmup_s, 3),
        "target_scaffold_s": 3.0,
        "sync_s": round(sync_s, 3),
        "bare_uv_run_pytest_s": round(med(bare), 3),
        "run_tests_on_gpu_s": round(med(tool), 3),
        "ratio": round(med(tool) / med(bare), 3),
        "target_ratio": 1.10,
        "bare_cpu_s": round(med(bare_cpu), 3),
        "run_tests_on_gpu_cpu_s": round(med(tool_cpu), 3),
        "cpu_ratio": round(med(tool_cpu) / med(bare_cpu), 3),
        "tiny_suite_bare_s": round(med(tiny_bare), 3),
        "tiny_suite_run_tests_on_gpu_s": round(med(tiny_tool), 3),
        "tiny_suite_overhead_s": round(med(tiny_tool) - med(tiny_bare), 3),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
        "tests": counts,
        "repeat": repeat,
        "torch_index": torch_index,
    }


def print_figures(figures: dict) -> None:
    print(
        f"scaffold + lock (warm cache): {figures['scaffold_and_lock_s']:.2f} s (target <= 3 s; "
        f"first: {figures['scaffold_and_lock_first_s']:.2f} s)"
    )
    print(
        f"bare `uv run pytest`: {figures['bare_uv_run_pytest_s']:.2f} s; run_tests_on_gpu: "
        f"{figures['run_tests_on_gpu_s']:.2f} s; ratio {figures['ratio']:.3f} (target <= 1.10; "
        f"{figures['tests']})"
    )
    print(
        f"CPU seconds: bare {figures['bare_cpu_s']:.2f}, "
        f"run_tests_on_gpu {figures['run_tests_on_gpu_cpu_s']:.2f}; "
        f"ratio {figures['cpu_ratio']:.3f} (load average {figures['load_average_1min']} on {figures['cpus']} "
        "cores: wall ratios are noisy on a busy machine)"
    )
    print(
        f"fixed overhead on a tiny suite: {figures['tiny_suite_overhead_s']:+.2f} s "
        f"({figures['tiny_suite_bare_s']:.2f} s bare, "
        f"{figures['tiny_suite_run_tests_on_gpu_s']:.2f} s as a job)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each test command (median)")
    ap.add_argument("--torch-index", default=default_index(), help="flat folder holding a torch wheel")
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="p2c-bench-project-"))
    try:
        figures = measure(root, args.repeat, args.torch_index)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print_figures(figures)


if __name__ == "__main__":
    main()
