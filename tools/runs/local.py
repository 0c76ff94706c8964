"""The local transport: asyncio subprocesses in their own session, the whole group killed when done."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from tools.project import uvcli
from tools.runs.transport import Place, RunResult, Transport
from tools.workspace import atomic_write

GRACE_S = 5.0  # SIGTERM -> SIGKILL delay
DRAIN_S = 2.0  # how long output is still read after the process exited (a setsid'd grandchild keeps the pipe)


def _killpg(pgid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


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
        self._groups: set[int] = set()

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
        start = time.monotonic()
        proc = await asyncio.create_subprocess_exec(
            *argv,
            cwd=self.project,
            env=dict(env),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            start_new_session=True,  # pgid == pid: the whole tree can be signalled at once
        )
        pgid = proc.pid
        self._groups.add(pgid)
        assert proc.stdout is not None
        pump = asyncio.create_task(self._pump(proc.stdout, on_line))
        timed_out = False
        try:
            if not await _exited(proc, max(0.0, timeout)):
                timed_out = True
                await self._terminate(proc, pgid)
        except asyncio.CancelledError:
            await self._terminate(proc, pgid)
            raise
        finally:
            _killpg(
                pgid, signal.SIGKILL
            )  # leaked grandchildren (DataLoader workers, sleeps) die with the run
            self._groups.discard(pgid)
            try:
                await asyncio.wait_for(asyncio.shield(pump), DRAIN_S)
            except (TimeoutError, asyncio.CancelledError):
                pump.cancel()
        rc = None if timed_out else proc.returncode
        return RunResult(rc, timed_out, time.monotonic() - start)

    async def _terminate(self, proc: asyncio.subprocess.Process, pgid: int) -> None:
        _killpg(pgid, signal.SIGTERM)
        if not await _exited(proc, GRACE_S):
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
        for pgid in list(self._groups):
            _killpg(pgid, signal.SIGKILL)
        self._groups.clear()
