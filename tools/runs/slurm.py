"""The Slurm transport (`target="slurm:<login host>"`): the ssh transport's sync to the login node, then
the tests as a batch job (sbatch --parsable), polled with squeue until it ends and cancelled with scancel.

`uv sync` runs on the login node (compute nodes are often offline; the .venv lives on the shared filesystem).
pytest runs in the job, followed there by the device probe when the report plugin did not already probe, so
that the runner's separate probe step reads the job's result instead of queueing a second job.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import shlex
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from tools.errors import BadArgument, ExternalFailure, PaperToCodeError
from tools.runs.ssh import SUPPORT, SshTransport
from tools.runs.targets import REMOTE_PATH, env_exports, targets_file_path
from tools.runs.transport import RunResult

POLL_S = 2.0
GONE_WAIT_S = 60.0  # after scancel: how long to wait for the job to leave the queue
_SEP = "@@p2c@@"
_FINAL_BAD = {"CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE"}


def _is_probe(argv: list[str]) -> bool:
    return any(a.endswith("/p2c_probe.py") for a in argv)


class SlurmTransport(SshTransport):
    name = "slurm"

    def __init__(self, target: str, project: Path, run_dir: Path) -> None:
        super().__init__(target, project, run_dir)
        if self.target.kind != "slurm":
            raise BadArgument(f"target {target!r} is not a Slurm target")
        self._jobs: set[str] = set()  # submitted and not seen ending
        self._probe_out: str | None = None  # remote file where the last job left the probe's line

    async def run(
        self, argv: list[str], env: Mapping[str, str], on_line: Callable[[str], None], timeout: float
    ) -> RunResult:
        if argv[1:2] == ["sync"]:  # on the login node
            return await super().run(argv, env, on_line, timeout)
        if _is_probe(argv) and self._probe_out:
            r = await self._call(self._remote(f"cat {self._probe_out} 2>/dev/null"), timeout=30)
            for line in r.stdout.splitlines():
                on_line(line)
            return RunResult(0 if r.stdout.strip() else 1, False, 0.0)
        return await self._batch(argv, env, on_line, timeout)

    def sbatch_options(self, timeout: float) -> list[str]:
        t = self.target
        minutes = max(1, math.ceil(timeout / 60) + 1)  # Slurm's limit backs up ours
        opts = ["--parsable", f"--job-name=p2c-{self.project.name}"[:60], f"--time={t.time or minutes}"]
        opts.append(f"--output={SUPPORT}/slurm-%j.out")
        if t.gres:
            opts.append(f"--gres={t.gres}")
        if t.partition:
            opts.append(f"--partition={t.partition}")
        if t.account:
            opts.append(f"--account={t.account}")
        return [*opts, *t.sbatch_args]

    def job_script(self, argv: list[str], env: Mapping[str, str], n: int) -> str:
        exports = env_exports({**self.target.env, **env})
        probe = ""
        if "pytest" in argv:  # probe inside the allocation unless the plugin already did (torch was loaded)
            probe_argv = ["uv", "run", "--no-sync", "python", f"{SUPPORT}/p2c_probe.py"]
            probe = (
                f'grep -q \'"event": "probe"\' {SUPPORT}/results.jsonl 2>/dev/null || '
                f"{shlex.join(probe_argv)} > {SUPPORT}/probe-{n}.out 2>&1\n"
            )
        return (
            "#!/bin/bash\n"
            f"{REMOTE_PATH}\n{exports}\n"
            f"{shlex.join(argv)}\nrc=$?\necho $rc > {SUPPORT}/job-{n}.rc\n{probe}exit $rc\n"
        )

    async def _batch(
        self, argv: list[str], env: Mapping[str, str], on_line: Callable[[str], None], timeout: float
    ) -> RunResult:
        start = time.monotonic()
        n = next(self._ids)
        script = f"{SUPPORT}/job-{n}.sh"
        submit = (
            "command -v sbatch >/dev/null 2>&1 || { echo 'sbatch: command not found' >&2; exit 94; }; "
            f"cat > {script} && sbatch {shlex.join(self.sbatch_options(timeout))} {script}"
        )
        r = await self._call(self._remote(submit), stdin=self.job_script(argv, env, n).encode())
        if r.returncode == 94:
            raise ExternalFailure(
                f"sbatch is not on the PATH of {self.host}: is it a Slurm login node? Use "
                f"ssh:{self.host} for a plain machine"
            )
        if r.returncode != 0 or not r.stdout.strip():
            if r.returncode == 255:
                raise self._fail("sbatch", 255, r.stderr)
            msg = " ".join(r.stderr.strip().splitlines()[-2:]) or f"exit {r.returncode}"
            raise ExternalFailure(
                f"Slurm rejected the job on {self.host}: {msg}. Check partition, account, gres and time of "
                f"target {self.target.name!r} in {targets_file_path()}"
            )
        job_id = r.stdout.strip().splitlines()[-1].split(";")[0]
        self._jobs.add(job_id)
        self.info["slurm_job_id"] = job_id
        self._probe_out = f"{SUPPORT}/probe-{n}.out" if "pytest" in argv else None
        on_line(f"[p2c] slurm job {job_id} submitted on {self.host}")
        try:
            state = await self._follow(job_id, n, on_line, start + timeout)
            if state is None:  # our limit: cancel it
                await self._scancel(job_id)
                self.info["slurm_state"] = "CANCELLED (time limit of the run)"
                on_line(f"[p2c] slurm job {job_id} cancelled: time limit of {timeout:.0f} s reached")
                return RunResult(None, True, time.monotonic() - start)
        except asyncio.CancelledError:
            await asyncio.shield(self._scancel(job_id))
            self.info["slurm_state"] = "CANCELLED"
            raise
        finally:
            self._ended = True
        rc, job_state = state
        self.info["slurm_state"] = job_state
        on_line(f"[p2c] slurm job {job_id} ended: {job_state}, exit {rc}")
        timed_out = job_state == "TIMEOUT"
        return RunResult(None if timed_out else rc, timed_out, time.monotonic() - start)

    async def _follow(
        self, job_id: str, n: int, on_line: Callable[[str], None], deadline: float
    ) -> tuple[int | None, str] | None:
        """Stream the job's output until it leaves the queue: (exit code, final state); None at deadline."""
        out, offset, shown, failures = f"{SUPPORT}/slurm-{job_id}.out", 0, "", 0
        while True:
            poll = (
                f"squeue -h -j {job_id} -o '%T|%r' 2>/dev/null; echo {_SEP}; "
                f"tail -c +{offset + 1} {out} 2>/dev/null"
            )
            try:
                r = await self._call(self._remote(poll), timeout=60)
                failures = 0 if r.returncode != 255 else failures + 1
            except TimeoutError:
                failures += 1
                r = None
            if failures >= 3:
                raise self._fail("polling squeue", 255, r.stderr if r else "timed out")
            if r is not None and r.returncode != 255:
                head, _, text = r.stdout.partition(f"{_SEP}\n")
                data = text.encode()
                data = data[: data.rfind(b"\n") + 1]
                offset += len(data)
                for line in data.decode(errors="replace").splitlines():
                    on_line(line)
                state = head.strip()
                if state and state != shown:
                    shown = state
                    st, _, reason = state.partition("|")
                    self.info["slurm_state"] = st
                    if st == "PENDING":
                        on_line(f"[p2c] slurm job {job_id} PENDING ({reason})")
                if not state:
                    return await self._final(job_id, n, out, offset, on_line)
            if time.monotonic() >= deadline:
                return None
            await asyncio.sleep(min(POLL_S, max(0.0, deadline - time.monotonic())))

    async def _final(
        self, job_id: str, n: int, out: str, offset: int, on_line: Callable[[str], None]
    ) -> tuple[int | None, str]:
        self._jobs.discard(job_id)
        q = (
            f"tail -c +{offset + 1} {out} 2>/dev/null; echo {_SEP}; cat {SUPPORT}/job-{n}.rc 2>/dev/null; "
            f"echo {_SEP}; scontrol show job -o {job_id} 2>/dev/null"
        )
        r = await self._call(self._remote(q), timeout=60)
        rest, _, tail = r.stdout.partition(f"{_SEP}\n")
        rc_text, _, info = tail.partition(f"{_SEP}\n")
        for line in rest.splitlines():
            on_line(line)
        fields = dict(f.split("=", 1) for f in info.split() if "=" in f)
        state = fields.get("JobState", "UNKNOWN")
        rc: int | None = None
        if rc_text.strip().lstrip("-").isdigit():
            rc = int(rc_text.strip())
        elif state not in _FINAL_BAD and ":" in fields.get("ExitCode", ""):
            rc = int(fields["ExitCode"].split(":")[0])
        if state in _FINAL_BAD and fields.get("Reason") not in (None, "None"):
            state = f"{state} ({fields['Reason']})"
        return rc, state

    async def _scancel(self, job_id: str) -> None:
        """scancel over a direct connection, then wait until the job has left the queue."""
        with contextlib.suppress(PaperToCodeError, TimeoutError, OSError):
            await self._call(self._remote(f"scancel {job_id}"), timeout=30, direct=True)
            end = time.monotonic() + GONE_WAIT_S
            while time.monotonic() < end:
                r = await self._call(self._remote(f"squeue -h -j {job_id} -o %T 2>/dev/null"), timeout=30)
                if not r.stdout.strip():
                    break
                await asyncio.sleep(1.0)
        self._jobs.discard(job_id)

    async def cleanup(self) -> None:
        try:
            for job_id in sorted(self._jobs):
                await self._scancel(job_id)
        finally:
            await super().cleanup()


def transport(target: str, project: Path, run_dir: Path) -> SlurmTransport:
    return SlurmTransport(target, project, run_dir)
