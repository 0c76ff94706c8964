"""Building a TestRunReport from the plugin's JSON lines, the probe line, exit codes and the output tail."""

from __future__ import annotations

import json
import re
from collections import deque

from tools.runs.models import NO_GPU_LINE, Counts, DeviceProbe, TestResult

TAIL_CHARS = 8000  # output tail kept in a report
MAX_TESTS = 200  # per-test entries kept (non-passing first)

OOM_RE = re.compile(
    r"torch\.OutOfMemoryError|torch\.cuda\.OutOfMemoryError|CUDA out of memory|CUDA error: out of memory"
    r"|CUBLAS_STATUS_ALLOC_FAILED|CUDNN_STATUS_(?:NOT_SUPPORTED|ALLOC_FAILED|INTERNAL_ERROR)"
    r"|MPS backend out of memory|HIP out of memory|NCCL.*(?:out of memory|unhandled cuda error)",
    re.IGNORECASE,
)
PYTEST_EXIT = {
    0: "all tests passed",
    1: "some tests failed",
    2: "pytest was interrupted (or a collection error stopped it)",
    3: "pytest internal error",
    4: "pytest usage error: the pytest arguments or configuration are invalid",
    5: "no tests were collected",
}
_COUNT_KEY = {"error": "errors"}


class Tail:
    """The last TAIL_CHARS characters of a stream of output lines."""

    def __init__(self, limit: int = TAIL_CHARS) -> None:
        self.limit = limit
        self.lines: deque[str] = deque()
        self.size = 0
        self.dropped = 0

    def add(self, line: str) -> None:
        line = line[-self.limit :]
        self.lines.append(line)
        self.size += len(line) + 1
        while self.size > self.limit and len(self.lines) > 1:
            self.size -= len(self.lines.popleft()) + 1
            self.dropped += 1

    def text(self) -> str:
        head = f"[... {self.dropped} earlier lines cut ...]\n" if self.dropped else ""
        return head + "\n".join(self.lines)


class Progress:
    """What the report plugin's JSON lines said so far."""

    def __init__(self) -> None:
        self.collected: int | None = None
        self.current: str | None = None
        self.results: list[TestResult] = []
        self.exitstatus: int | None = None
        self.probe: dict | None = None
        self._partial = ""

    def feed(self, text: str) -> list[TestResult]:
        """Add a chunk of JSONL (may end mid-line); return the test results it completed."""
        data = self._partial + text
        lines = data.split("\n")
        self._partial = lines.pop()
        new = []
        for line in lines:
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            event = rec.pop("event", None)
            if event == "collected":
                self.collected = rec.get("count")
            elif event == "start":
                self.current = rec.get("nodeid")
            elif event == "probe":
                self.probe = rec
            elif event == "finish":
                self.exitstatus = rec.get("exitstatus")
                self.current = None
            elif event == "test":
                try:
                    new.append(TestResult(**rec))
                except ValueError:
                    continue
        self.results.extend(new)
        return new

    def counts(self) -> Counts:
        c = Counts()
        for r in self.results:
            key = _COUNT_KEY.get(r.outcome, r.outcome)
            setattr(c, key, getattr(c, key) + 1)
        return c

    def ordered(self) -> tuple[list[TestResult], int]:
        """Non-passing tests first, then passing ones, capped at MAX_TESTS; plus how many were left out."""
        bad = [r for r in self.results if r.outcome not in ("passed", "skipped", "xfailed")]
        rest = [r for r in self.results if r.outcome in ("skipped", "xfailed")]
        ok = [r for r in self.results if r.outcome == "passed"]
        ordered = bad + rest + ok
        return ordered[:MAX_TESTS], max(0, len(ordered) - MAX_TESTS)


def find_oom(results: list[TestResult], tail: str) -> str | None:
    """The first out-of-memory message in a test's failure or in the output tail."""
    for r in results:
        m = OOM_RE.search(r.message) or OOM_RE.search(r.detail)
        if m:
            return f"{r.nodeid}: {m.group(0)}"
    m = OOM_RE.search(tail)
    return f"output: {m.group(0)}" if m else None


def parse_probe(output: str | dict) -> DeviceProbe | None:
    """The probe's result (a dict, or output whose last JSON line is one), with a diagnosis in plain words."""
    found = [output] if isinstance(output, dict) else []
    for line in reversed(output.strip().splitlines() if isinstance(output, str) else []):
        try:
            data = json.loads(line)
        except ValueError:
            continue
        if isinstance(data, dict):
            found.append(data)
            break
    if not found:
        return None
    try:
        probe = DeviceProbe(**found[0])
    except ValueError as e:
        return DeviceProbe(error=f"the device probe's output did not parse: {e}"[:500])
    probe.diagnosis = diagnose(probe)
    return probe


def diagnose(p: DeviceProbe) -> str:
    if p.torch is None:
        return "torch is not installed in the project's environment; the tests ran without it"
    if p.cuda_available:
        names = ", ".join(g.name for g in p.gpus) or "unknown"
        return f"CUDA available (torch {p.torch}, CUDA {p.cuda_version}): {names}"
    if p.nvidia_smi:
        return (
            f"nvidia-smi works but torch sees no CUDA: torch {p.torch} is probably a CPU-only wheel (CUDA "
            f"{p.cuda_version}); install a CUDA build of torch matching driver {p.driver}"
        )
    if p.mps_available:
        return f"Apple MPS available (torch {p.torch})"
    return f"no GPU: torch {p.torch} runs on the CPU"


def device_note(p: DeviceProbe | None) -> str | None:
    if p is not None and not p.cuda_available and not p.mps_available:
        return NO_GPU_LINE
    return None


def exit_meaning(rc: int | None, pytest_finished: bool = True) -> str | None:
    """Plain words for an exit code; pytest's table applies only when pytest itself finished."""
    if rc is None:
        return None
    if rc < 0:
        hint = " (with no Python traceback this suggests the host's OOM killer)" if rc == -9 else ""
        return f"killed by signal {-rc}{hint}"
    if rc == 137:
        return "killed by SIGKILL (exit 137; with no Python traceback this suggests the host's OOM killer)"
    return PYTEST_EXIT.get(rc, f"exit code {rc}") if pytest_finished else f"exit code {rc}"


def first_error_line(tail: str) -> str:
    """The most telling error line of pytest or uv (with uv's indented cause), else the last line."""
    lines = [ln.rstrip() for ln in tail.splitlines() if ln.strip()]
    argparse_error = re.compile(r"^[^:]{1,40}: error: ")  # `pytest: error: ...`, `python -m pytest: error:`
    for good in (argparse_error.match, lambda ln: ln.lower().startswith("error:")):
        for i, ln in enumerate(lines):
            if good(ln):
                cause = [c.strip() for c in lines[i + 1 : i + 4] if c.startswith(" ")]
                return " ".join([ln.strip(), *cause])[:600]
    errors = [ln for ln in lines if ln.startswith("ERROR: ") and not ln.startswith("ERROR: usage:")]
    return (errors or lines or [""])[0 if errors else -1].strip()[:600]
