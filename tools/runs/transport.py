"""What a test-run target must provide. `local` is the first implementation; ssh/slurm targets add theirs.

The runner (jobs.py) drives a transport through one run:
  prepare(support files) -> run(uv sync) -> run(probe) and run(pytest) -> read_results(...) -> cleanup().
Every `run` streams output lines to `on_line`, enforces its timeout, and on timeout or task cancellation kills
everything it started (the whole process group, remote ones included) before returning or re-raising.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass
class RunResult:
    returncode: int | None  # None when killed on timeout
    timed_out: bool = False
    seconds: float = 0.0


@dataclass
class Place:
    """Where the run happens, in the target's own paths."""

    workdir: str  # the project folder on the target
    support_dir: str  # where the plugin and probe were shipped (goes on PYTHONPATH)
    results_path: str  # the plugin's JSON-lines file


class Transport(ABC):
    name: str
    on_spawn: Callable[[], None] | None = None  # called once a command's supervisor runs (the job saves)

    @abstractmethod
    async def prepare(self, support_files: Mapping[str, bytes]) -> Place:
        """Ship the project (remote targets) and the support files; return where they are."""

    @abstractmethod
    def uv(self, *args: str) -> list[str]:
        """argv for `uv *args` on the target (raises PaperToCodeError with an install hint when missing)."""

    @abstractmethod
    def env(self, extra: Mapping[str, str]) -> dict[str, str]:
        """The environment for commands on the target, plus `extra`."""

    @abstractmethod
    async def run(
        self, argv: list[str], env: Mapping[str, str], on_line: Callable[[str], None], timeout: float
    ) -> RunResult:
        """Run argv in the project folder; kill the whole group on timeout or cancellation."""

    @abstractmethod
    async def read_results(self, offset: int) -> tuple[str, int]:
        """New text of the results file from `offset` (complete or partial lines) and the new offset."""

    @abstractmethod
    async def cleanup(self) -> None:
        """Kill anything still running and release resources (always called)."""

    def describe(self) -> dict[str, str]:
        """Where a remote run happens (host, remote folder, Slurm job id and state); local runs return {}."""
        return {}

    def pgids(self) -> list[int]:
        """Local process groups currently started (for records and tests); remote targets return []."""
        return []

    def supervisors(self) -> list[list[int]]:
        """[pid, start time] of each live local supervisor (a later process cancels through them)."""
        return []
