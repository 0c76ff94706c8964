"""The local transport: each command under a supervisor process (supervisor.py) in a session of its own."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from tools.project import uvcli
from tools.runs import procs
from tools.runs.transport import Place, RunResult, Transport
from tools.workspace import atomic_write

GRACE_S = 5.0  # SIGTERM -> SIGKILL delay
BACKSTOP_S = 30.0  # the supervisor enforces the timeout; past it by this much, we kill its group
# the supervisor: this very code (whatever the command's environment or working folder holds), isolated mode
_CODE_ROOT = Path(__file__).resolve().parents[2]
_BOOT = (
    "import sys; sys.path.insert(0, sys.argv.pop(1)); "
    "from tools.runs.supervisor import main; sys.exit(main())"
)
DRAIN_S = 2.0  # how long output is still read after the process exited (a setsid'd grandchild keeps the pipe)


def _killpg(pgid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def _read_state(path: Path) -> dict:
    """The supervisor's outcome file ({} when it wrote none: killed by the backstop)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


async def _exited(proc: asyncio.subprocess.Process, timeout: float) -> bool:
    """Wait for the process itself to exit (not for its pipes: a grandchild may hold them open)."""
    end = time.monotonic() + timeout
    while proc.returncode is None:
        if time.monotonic() >= end:
            return False
        await asyncio.sleep(0.05)
    return True


class LocalTransport(Transport):
    name = "local"

    def __init__(self, project: Path, run_dir: Path) -> None:
        self.project = project
        self.run_dir = run_dir
        self.record = run_dir.with_name(run_dir.name + ".json")  # the job record beside the run folder
        self._groups: set[int] = set()
        self._supervisors: dict[int, int | None] = {}  # supervisor pid (its group) -> start time
        self._steps = 0

    async def prepare(self, support_files: Mapping[str, bytes]) -> Place:
        for name, data in support_files.items():
            atomic_write(self.run_dir / name, data)
        results = self.run_dir / "results.jsonl"
        atomic_write(results, b"")
        return Place(str(self.project), str(self.run_dir), str(results))

    def uv(self, *args: str) -> list[str]:
        return uvcli.uv_argv(*args)

    def env(self, extra: Mapping[str, str]) -> dict[str, str]:
        return uvcli.uv_env(dict(extra))

    def pgids(self) -> list[int]:
        return sorted(self._groups)

    async def run(
        self, argv: list[str], env: Mapping[str, str], on_line: Callable[[str], None], timeout: float
    ) -> RunResult:
        """argv under a supervisor of its own (see supervisor.py), which enforces the timeout; ours is a
        backstop for a supervisor that does not end."""
        start = time.monotonic()
        self._steps += 1
        state = self.run_dir / f"step-{self._steps}.json"
        state.unlink(missing_ok=True)
        proc = await asyncio.create_subprocess_exec(
            *self._supervised(argv, max(0.0, timeout), state),
            cwd=self.project,
            env=dict(env),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            start_new_session=True,  # outlives us; pgid == pid: the whole group can be signalled at once
        )
        pgid = proc.pid
        self._groups.add(pgid)
        self._supervisors[pgid] = procs.start_time(pgid)
        if self.on_spawn is not None:
            self.on_spawn()
        assert proc.stdout is not None
        pump = asyncio.create_task(self._pump(proc.stdout, on_line))
        try:
            if not await _exited(proc, max(0.0, timeout) + BACKSTOP_S):
                await self._terminate(proc, pgid)
        except asyncio.CancelledError:
            await self._terminate(proc, pgid)
            raise
        finally:
            _killpg(pgid, signal.SIGKILL)  # the supervisor has swept; this only matters if it failed
            self._groups.discard(pgid)
            self._supervisors.pop(pgid, None)
            try:
                await asyncio.wait_for(asyncio.shield(pump), DRAIN_S)
            except (TimeoutError, asyncio.CancelledError):
                pump.cancel()
        outcome = _read_state(state)
        timed_out = outcome.get("outcome") == "timed_out" or proc.returncode is None
        rc = None if timed_out else outcome.get("rc", proc.returncode)
        return RunResult(rc, timed_out, time.monotonic() - start)

    def _supervised(self, argv: list[str], timeout: float, state: Path) -> list[str]:
        me = os.getpid()
        return [
            sys.executable, "-I", "-c", _BOOT, str(_CODE_ROOT), "--timeout", f"{timeout:.3f}",
            "--state", str(state), "--record", str(self.record), "--owner", str(me),
            "--owner-start", str(procs.start_time(me) or 0), "--", *argv,
        ]  # fmt: skip

    def supervisors(self) -> list[list[int]]:
        return [[pid, start] for pid, start in self._supervisors.items() if start is not None]

    async def _terminate(self, proc: asyncio.subprocess.Process, pgid: int) -> None:
        """Ask the supervisor to end the run (it kills every descendant); force the group if it does not."""
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGTERM)
        if not await _exited(proc, GRACE_S * 2 + 5):
            _killpg(pgid, signal.SIGKILL)
            await _exited(proc, GRACE_S)

    @staticmethod
    async def _pump(stream: asyncio.StreamReader, on_line: Callable[[str], None]) -> None:
        partial = b""
        while chunk := await stream.read(1 << 16):
            *lines, partial = (partial + chunk).split(b"\n")
            for line in lines:
                on_line(line.decode("utf-8", "replace").rstrip("\r"))
            if len(partial) > 1 << 16:  # a huge line without newline: flush what we have
                on_line(partial.decode("utf-8", "replace"))
                partial = b""
        if partial:
            on_line(partial.decode("utf-8", "replace"))

    async def read_results(self, offset: int) -> tuple[str, int]:
        path = Path(self.run_dir) / "results.jsonl"
        try:
            with path.open("rb") as f:
                f.seek(offset)
                data = f.read()
        except FileNotFoundError:
            return "", offset
        data = data[: data.rfind(b"\n") + 1]  # whole lines only (never split a UTF-8 character)
        return data.decode("utf-8", "replace"), offset + len(data)

    async def cleanup(self) -> None:
        for pgid, start in list(self._supervisors.items()):
            procs.kill_checked(pgid, start, signal.SIGTERM)  # it sweeps its descendants, then exits
        for pgid in list(self._groups):
            _killpg(pgid, signal.SIGKILL)
        self._groups.clear()
        self._supervisors.clear()
