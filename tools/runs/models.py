"""The test-run report: what run_tests_on_gpu, get_test_run and cancel_test_run return."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from tools.models import ToolResult

Status = Literal[
    "queued", "syncing", "running", "passed", "failed", "no_tests", "error", "timed_out", "cancelled", "lost"
]
FINAL: frozenset[str] = frozenset({"passed", "failed", "no_tests", "error", "timed_out", "cancelled", "lost"})
Outcome = Literal["passed", "failed", "skipped", "xfailed", "xpassed", "error"]
NO_GPU_LINE = "No GPU: ran on the CPU; gpu-marked tests were skipped"


class Gpu(BaseModel):
    index: int
    name: str
    memory_total_mib: float | None = None
    memory_used_mib: float | None = Field(
        default=None, description="in use when the run started (nvidia-smi)"
    )
    capability: list[int] | None = None


class DeviceProbe(BaseModel):
    """Measured inside the project's own environment (the server never imports torch)."""

    python: str | None = None
    platform: str | None = None
    torch: str | None = Field(default=None, description="torch version; None when torch is not installed")
    cuda_available: bool = False
    cuda_version: str | None = None
    mps_available: bool = False
    gpus: list[Gpu] = Field(default_factory=list, description="GPUs torch sees")
    nvidia_smi: list[Gpu] = Field(default_factory=list, description="GPUs nvidia-smi lists")
    driver: str | None = None
    error: str | None = None
    diagnosis: str | None = Field(default=None, description="plain words on what the probe found")


class TestResult(BaseModel):
    nodeid: str
    outcome: Outcome
    when: str = Field(description="the phase reported: call, setup, teardown or collect")
    duration: float = 0.0
    message: str = Field(default="", description="failure message or skip reason (capped)")
    detail: str = Field(default="", description="traceback tail for failures (capped)")
    gpu: bool = Field(default=False, description="the test carries the gpu marker")


class Counts(BaseModel):
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    xfailed: int = 0
    xpassed: int = 0
    errors: int = 0

    def line(self) -> str:
        return ", ".join(f"{v} {k}" for k, v in self.model_dump().items() if v) or "no test results"


class TestRunReport(ToolResult):
    """A test run: final report, or the progress so far while status is queued/syncing/running."""

    job_id: str
    target: str
    project: str
    status: Status
    done: bool = Field(description="True once the status is final; else poll get_test_run(job_id)")
    message: str = Field(description="one plain line: what happened or what is happening")
    device: DeviceProbe | None = None
    device_note: str | None = Field(default=None, description=f"e.g. '{NO_GPU_LINE}'")
    counts: Counts = Field(default_factory=Counts)
    collected: int | None = Field(default=None, description="tests pytest collected")
    current_test: str | None = Field(default=None, description="the test running when last seen")
    tests: list[TestResult] = Field(default_factory=list, description="non-passing tests first; capped")
    tests_omitted: int = 0
    exit_code: int | None = Field(default=None, description="pytest's exit code; None if killed/not run")
    exit_meaning: str | None = None
    oom: bool = False
    oom_evidence: str | None = None
    output_tail: str = ""
    wall_s: float = 0.0
    timed_out: bool = False
    cancelled: bool = False
    started_at: str
    finished_at: str | None = None
    target_info: dict[str, str] = Field(
        default_factory=dict, description="remote targets: host, remote folder, Slurm job id and state"
    )

    def summary_text(self) -> str:
        lines = [f"{self.status}: {self.message}", f"job {self.job_id} on {self.target}, {self.wall_s:.1f} s"]
        if self.target_info:
            lines.append(", ".join(f"{k} {v}" for k, v in self.target_info.items()))
        if self.device_note:
            lines.append(self.device_note)
        for t in self.tests:
            if t.outcome in ("failed", "error"):
                first = (t.message.strip().splitlines() or [""])[0]
                lines.append(f"  {t.outcome.upper()} {t.nodeid}: {first[:200]}")
        if self.oom_evidence:
            lines.append(f"out of memory: {self.oom_evidence}")
        if not self.done:
            lines.append(f"still running: paper-to-code get-test-run {self.job_id}")
        elif self.status not in ("passed", "failed") and self.output_tail:
            lines.append("output tail:\n" + self.output_tail[-2000:])
        return "\n".join(lines)
