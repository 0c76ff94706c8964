"""The ssh transport (`target="ssh:<alias>"`): system ssh + rsync, a stable remote folder per project.

One multiplexed connection per run (ControlMaster; socket in a private temp folder) carries the preflight, the
rsync, each command and the results polls. Each remote command records its process group (`echo $$ > PIDFILE`,
sshd starts every session's command in a new session) and runs under `timeout -k 30 T` as a backstop for when
this side goes away; cancel and timeout kill the group over a separate, direct connection. Every remote
process of a run carries a tag in its environment: when a command ends, and on cancel or timeout, everything
carrying it is killed too (a double-forked setsid'd daemon leaves the group, not its environment).
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import itertools
import os
import secrets
import shlex
import shutil
import subprocess
import tarfile
import tempfile
import time
from collections import deque
from collections.abc import Callable, Mapping
from pathlib import Path

from tools.errors import BadArgument, ExternalFailure, PaperToCodeError
from tools.runs.local import LocalTransport
from tools.runs.targets import (
    REMOTE_PATH,
    UV_INSTALL,
    Target,
    env_exports,
    explain_ssh_failure,
    load_targets,
    remote_folder,
    resolve_target,
    ssh_base,
    ssh_config_path,
)
from tools.runs.transport import Place, RunResult, Transport
from tools.workspace import make_dirs

# Not shipped: environments, outputs, VCS and caches (the remote .venv survives: excluded, never deleted).
RSYNC_EXCLUDES = (
    "/.venv/", "/outputs/", "/checkpoints/", "/wandb/", "/.git/", "/.p2c/", "/.paper-to-code/",
    "__pycache__/", ".pytest_cache/", ".ruff_cache/", ".mypy_cache/", ".ipynb_checkpoints/", "*.pyc",
)  # fmt: skip
SUPPORT = ".p2c"  # remote folder (inside the project copy) for the plugin, probe, results and pid files
BACKSTOP_EXTRA_S = (
    60  # the remote `timeout` fires this long after the local limit (which normally acts first)
)
KILL_GRACE_S = 3
RESULTS_EVERY_S = 2.0  # results polls cost a round trip (and a remote shell): one per 2 s at most
CONTROL_PERSIST_S = 300  # an orphaned master connection (server crash) closes itself after this idle time
_PREFLIGHT_CODES = {91: "rsync", 92: "uv", 93: "timeout"}
TAG_VAR = "P2C_RUN_TAG"


def sweep_tagged(tag: str) -> str:
    """Shell: SIGKILL every process of ours whose environment carries the run's tag, in a few rounds (a
    forking one leaves new ones). Every descendant inherits the tag, a double-forked setsid'd daemon too,
    although it left the process group and its parent; /proc/PID/environ is readable for our own processes."""
    return (
        f"unset {TAG_VAR}; for p2c_round in 1 2 3; do "
        f'for f in $(grep -lsxz "{TAG_VAR}={tag}" /proc/[0-9]*/environ); do '
        'f=${f#/proc/}; kill -KILL "${f%/environ}" 2>/dev/null; done; sleep 0.1; done'
    )


def _missing_tool(tool: str, host: str) -> str:
    how = {
        "rsync": "install it there (apt-get install rsync, dnf install rsync, or conda install rsync)",
        "uv": UV_INSTALL,
        "timeout": "install GNU coreutils there",
    }[tool]
    return f"{tool} is missing on {host} (not on the PATH of a non-interactive ssh shell): {how}"


class SshTransport(Transport):
    name = "ssh"

    def __init__(self, target: str, project: Path, run_dir: Path) -> None:
        self.spec = target
        self.target: Target = resolve_target(target)
        if self.target.kind != "ssh" and type(self) is SshTransport:
            raise BadArgument(f"target {target!r} is not an ssh target")
        self.project = project
        self.run_dir = run_dir
        self.host = self.target.host
        self.rdir = remote_folder(self.target, project)
        cfg = load_targets()
        self._config = ssh_config_path(cfg)
        self._base = ssh_base(cfg=cfg)
        self._sockdir: Path | None = None  # the shared connection's socket folder, made by prepare()
        self._pushed = False
        self._local = LocalTransport(project, run_dir)  # runs the local ssh clients in their own groups
        self._ids = itertools.count(1)
        self._active: set[str] = set()  # pid files of remote commands still running
        self._last_read = 0.0
        self._ended = False  # a run ended since the last results read: read now, not after the throttle
        self._mark = f"@@p2c-results-{secrets.token_hex(8)}@@"
        self._tag = secrets.token_hex(8)  # in the environment of every remote process of this run
        self._captured: bytes | None = None  # the results file as printed at the end of the pytest command
        shown = self.rdir if self.rdir.startswith("/") else f"~/{self.rdir}"
        self.info: dict[str, str] = {"host": self.host, "remote_dir": shown}

    def describe(self) -> dict[str, str]:
        return dict(self.info)

    # ---- plumbing ----

    @property
    def _mux(self) -> list[str]:
        return ["-o", f"ControlPath={self._sockdir / 'cm' if self._sockdir else 'none'}"]

    def _ssh(self, *, direct: bool = False, master: bool = False) -> list[str]:
        """ssh argv up to the host: over the run's shared connection (master: open it), or a new one."""
        if direct:
            mux = ["-o", "ControlPath=none"]
        elif master:  # stays in the background after this command until `-O exit` (or idle, server gone)
            mux = [*self._mux, "-o", "ControlMaster=yes", "-o", f"ControlPersist={CONTROL_PERSIST_S}"]
        else:
            mux = [*self._mux, "-o", "ControlMaster=no"]
        return [*self._base, *mux, self.host]

    def _remote(self, command: str, env: Mapping[str, str] | None = None, cd: bool = True) -> str:
        exports = env_exports({**self.target.env, **(env or {})})
        cd_part = f"cd {shlex.quote(self.rdir)} || exit 90; " if cd else ""
        return f"{REMOTE_PATH}; {exports + '; ' if exports else ''}{cd_part}{command}"

    def _fail(self, what: str, rc: int, text: str) -> PaperToCodeError:
        why = explain_ssh_failure(self.host, text, self._config) if rc == 255 else None
        last = " | ".join(text.strip().splitlines()[-3:])[:600]
        return PaperToCodeError(why or f"{what} on {self.host} failed (exit {rc}): {last}")

    async def _call(
        self,
        command: str,
        *,
        timeout: float = 60,
        direct: bool = False,
        master: bool = False,
        stdin: bytes | None = None,
    ) -> subprocess.CompletedProcess[str]:
        """A short remote command (not a test step): captured output, own process group, killed on timeout."""
        argv = [*self._ssh(direct=direct, master=master), command]
        proc = await asyncio.create_subprocess_exec(
            *argv,
            stdin=asyncio.subprocess.PIPE if stdin is not None else asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            start_new_session=True,
        )
        try:
            out, err = await asyncio.wait_for(proc.communicate(stdin), timeout)
        except (TimeoutError, asyncio.CancelledError):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, 9)
            await proc.wait()
            raise
        return subprocess.CompletedProcess(argv, proc.returncode or 0, out.decode(errors="replace"),
                                           err.decode(errors="replace"))  # fmt: skip

    # ---- Transport ----

    async def prepare(self, support_files: Mapping[str, bytes]) -> Place:
        if not shutil.which("rsync"):
            raise ExternalFailure("rsync is missing on this machine: install it (apt-get install rsync)")
        make_dirs(self.run_dir)
        self._sockdir = Path(tempfile.mkdtemp(prefix="p2c-ssh-"))  # short path: unix sockets max ~100 bytes
        await self._preflight(support_files)
        await self._push()
        self._pushed = True
        return Place(self.rdir, SUPPORT, f"{SUPPORT}/results.jsonl")

    async def _preflight(self, support_files: Mapping[str, bytes]) -> None:
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w") as tar:
            for name, data in support_files.items():
                info = tarfile.TarInfo(name)
                info.size, info.mtime = len(data), int(time.time())
                tar.addfile(info, io.BytesIO(data))
        rdir = shlex.quote(self.rdir)
        script = (
            f"mkdir -p {rdir}/{SUPPORT} && cd {rdir} || exit 90; "
            "command -v rsync >/dev/null 2>&1 || exit 91; command -v uv >/dev/null 2>&1 || exit 92; "
            "command -v timeout >/dev/null 2>&1 || exit 93; "
            f"rm -f {SUPPORT}/*.pid {SUPPORT}/*.rc {SUPPORT}/results.jsonl && tar xf - -C {SUPPORT} && "
            f": > {SUPPORT}/results.jsonl && uv --version"
        )
        # this first command opens the shared connection: ssh's own errors (alias, key, auth) surface here
        r = await self._call(self._remote(script, cd=False), stdin=buf.getvalue(), master=True)
        if r.returncode in _PREFLIGHT_CODES:
            raise ExternalFailure(_missing_tool(_PREFLIGHT_CODES[r.returncode], self.host))
        if r.returncode != 0:
            raise self._fail(f"preparing {self.rdir}", r.returncode, r.stderr or r.stdout)
        self.info["remote_uv"] = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else ""

    def _rsync_e(self) -> str:
        return shlex.join([*self._base, *self._mux, "-o", "ControlMaster=no"])

    async def _push(self) -> None:
        excludes = [f"--exclude={p}" for p in RSYNC_EXCLUDES]
        argv = ["rsync", "-az", "--delete", *excludes, "-e", self._rsync_e(), f"{self.project}/",
                f"{self.host}:{self.rdir}/"]  # fmt: skip
        start = time.monotonic()
        r = await asyncio.to_thread(
            subprocess.run, argv, capture_output=True, text=True, errors="replace", stdin=subprocess.DEVNULL,
            timeout=1800,
        )  # fmt: skip
        if r.returncode != 0:
            if "command not found" in r.stderr or r.returncode == 127:
                raise ExternalFailure(_missing_tool("rsync", self.host))
            raise self._fail("rsync", r.returncode, r.stderr)
        self.info["push_s"] = f"{time.monotonic() - start:.2f}"

    def uv(self, *args: str) -> list[str]:
        return ["uv", *args]

    def env(self, extra: Mapping[str, str]) -> dict[str, str]:
        return {"UV_NO_PROGRESS": "1", "NO_COLOR": "1", "PYTHONUNBUFFERED": "1", **extra}

    def command(self, argv: list[str], env: Mapping[str, str], timeout: float, pidfile: str) -> str:
        """The remote shell line: record the group, run under the backstop, then end leftover members."""
        backstop = int(timeout) + BACKSTOP_EXTRA_S
        # --foreground: timeout stays in the shell's group (else it makes its own and `kill -- -$$` misses it)
        run = f"timeout --foreground -k 30 {backstop} {shlex.join(argv)}"
        # the results file follows the output: the last read needs no extra round trip
        results = (
            f'; echo {self._mark}; cat "$P2C_REPORT_JSONL" 2>/dev/null' if "P2C_REPORT_JSONL" in env else ""
        )
        # leftover group members, then whatever left the group (a setsid'd daemon); the shell stays
        sweep = f"trap '' TERM; kill -TERM -- -$$ 2>/dev/null; {sweep_tagged(self._tag)}"
        env = {**env, TAG_VAR: self._tag}
        return self._remote(f"echo $$ > {pidfile}; {run}; rc=$?{results}; {sweep}; exit $rc", env)

    async def run(
        self, argv: list[str], env: Mapping[str, str], on_line: Callable[[str], None], timeout: float
    ) -> RunResult:
        pidfile = f"{SUPPORT}/run-{next(self._ids)}.pid"
        last: deque[str] = deque(maxlen=20)

        captured: list[str] | None = None

        def line(text: str) -> None:
            nonlocal captured
            if captured is not None:
                captured.append(text)
            elif text == self._mark:
                captured = []
            else:
                last.append(text)
                on_line(text)

        ssh_argv = [*self._ssh(), self.command(argv, env, timeout, pidfile)]
        self._active.add(pidfile)
        try:
            result = await self._local.run(ssh_argv, dict(os.environ), line, timeout)
            if result.timed_out:
                await self._kill_remote([pidfile])
        except asyncio.CancelledError:
            await self._kill_remote([pidfile])
            raise
        finally:
            self._active.discard(pidfile)
            self._ended = True
        if captured is not None:
            self._captured = "".join(f"{c}\n" for c in captured).encode()
        if result.returncode == 255:
            why = explain_ssh_failure(self.host, "\n".join(last), self._config)
            if why:
                raise ExternalFailure(why)
        return result

    async def _kill_remote(self, pidfiles: list[str]) -> None:
        """TERM then KILL each recorded group, then every process carrying the run's tag, over a new
        connection (the run's own may be the problem)."""
        if not pidfiles:
            return
        groups = " ".join(f'"$(cat {p} 2>/dev/null)"' for p in pidfiles)
        script = (
            f'for g in {groups}; do [ -n "$g" ] && kill -TERM -- -$g 2>/dev/null; done; '
            f"sleep {KILL_GRACE_S}; "
            f'for g in {groups}; do [ -n "$g" ] && kill -KILL -- -$g 2>/dev/null; done; '
            f"{sweep_tagged(self._tag)}; true"
        )
        with contextlib.suppress(PaperToCodeError, TimeoutError, OSError):
            await asyncio.shield(self._call(self._remote(script), timeout=30, direct=True))

    async def read_results(self, offset: int) -> tuple[str, int]:
        if self._captured is not None:  # printed by the finished pytest command
            data, self._captured, self._ended = self._captured[offset:], None, False
            data = data[: data.rfind(b"\n") + 1]
            return data.decode("utf-8", "replace"), offset + len(data)
        now = time.monotonic()
        if not self._ended and now - self._last_read < RESULTS_EVERY_S:
            return "", offset
        self._last_read, self._ended = now, False
        try:
            r = await self._call(self._remote(f"tail -c +{offset + 1} {SUPPORT}/results.jsonl"), timeout=30)
        except (TimeoutError, OSError):
            return "", offset
        data = r.stdout.encode() if r.returncode == 0 else b""
        data = data[: data.rfind(b"\n") + 1]
        return data.decode("utf-8", "replace"), offset + len(data)

    async def fetch(self) -> None:
        """Copy the remote run folder (results, pid/rc files, logs) into the local run folder."""
        argv = ["rsync", "-az", "-e", self._rsync_e(), f"{self.host}:{self.rdir}/{SUPPORT}/",
                f"{self.run_dir / 'remote'}/"]  # fmt: skip
        with contextlib.suppress(subprocess.TimeoutExpired, OSError):
            await asyncio.to_thread(
                subprocess.run, argv, capture_output=True, stdin=subprocess.DEVNULL, timeout=60
            )

    async def cleanup(self) -> None:
        try:
            if self._active:
                await self._kill_remote(sorted(self._active))
            if self._pushed:
                await self.fetch()
        finally:
            if self._sockdir is not None:
                exit_argv = [*self._base, *self._mux, "-O", "exit", self.host]
                with contextlib.suppress(subprocess.TimeoutExpired, OSError):
                    subprocess.run(exit_argv, capture_output=True, stdin=subprocess.DEVNULL, timeout=10)
                shutil.rmtree(self._sockdir, ignore_errors=True)
            await self._local.cleanup()


def transport(target: str, project: Path, run_dir: Path) -> SshTransport:
    return SshTransport(target, project, run_dir)
