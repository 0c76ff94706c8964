"""Locating uv and running it: argument lists, timeouts, capped output, a clean environment.

Shared by the project tools (init_uv_project, export_requirements) and the test runner.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tools.errors import PaperToCodeError

UV_MISSING = "uv is missing: install with `pip install uv` or https://docs.astral.sh/uv/"
OUTPUT_CAP = 20_000  # characters kept of each stream (the tail: errors come last)
# Variables of the caller's own environment that would make uv act on the wrong project or venv.
_DROP = ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT", "UV_PROJECT", "CONDA_PREFIX", "PYTHONHOME", "PYTHONPATH")


def uv_path() -> str:
    """The uv executable: $PAPER_TO_CODE_UV when set, else the first `uv` on PATH."""
    explicit = os.environ.get("PAPER_TO_CODE_UV")
    if explicit:
        if Path(explicit).is_file() and os.access(explicit, os.X_OK):
            return explicit
        raise PaperToCodeError(f"PAPER_TO_CODE_UV={explicit} is not an executable file: fix it or unset it")
    found = shutil.which("uv")
    if not found:
        raise PaperToCodeError(UV_MISSING)
    return found


def uv_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a uv child process: the caller's, minus venv pointers, quiet and colourless."""
    env = {k: v for k, v in os.environ.items() if k not in _DROP}
    env.update({"UV_NO_PROGRESS": "1", "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"})
    if extra:
        env.update(extra)
    return env


def uv_argv(*args: str) -> list[str]:
    """`[uv, *args]` with uv located (raises the install hint when missing)."""
    return [uv_path(), *args]


def cap(text: str, limit: int = OUTPUT_CAP) -> str:
    """Keep the last `limit` characters, saying how much was cut."""
    if len(text) <= limit:
        return text
    return f"[... {len(text) - limit} characters cut ...]\n" + text[-limit:]


@dataclass
class UvRun:
    argv: list[str]
    returncode: int | None  # None when killed on timeout
    stdout: str
    stderr: str
    seconds: float
    timed_out: bool = False

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out

    def command(self) -> str:
        """The command as a user would type it (uv's absolute path shortened to `uv`)."""
        return " ".join(["uv", *self.argv[1:]])

    def error_tail(self, lines: int = 12) -> str:
        text = (self.stderr.strip() or self.stdout.strip()).splitlines()
        return "\n".join(text[-lines:])


def _kill_group(proc: subprocess.Popen[str]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()


def run_uv(
    args: Sequence[str],
    cwd: Path,
    *,
    timeout: float = 300,
    env: Mapping[str, str] | None = None,
    check: bool = False,
    what: str | None = None,
    keep_stdout: bool = False,
    heartbeat: Callable[[float], None] | None = None,
    heartbeat_s: float = 5.0,
) -> UvRun:
    """Run `uv *args` in `cwd` (own process group, stdin closed); kill the whole group on timeout.

    check=True turns a failure or timeout into a PaperToCodeError naming the command and uv's last lines.
    Output is capped to its tail, except stdout with keep_stdout=True (what `uv export` prints).
    heartbeat(seconds_so_far) is called every heartbeat_s while uv runs (progress keep-alive for MCP clients).
    """
    argv = uv_argv(*args)
    start = time.monotonic()
    proc = subprocess.Popen(
        argv,
        cwd=cwd,
        env=uv_env(env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    timed_out = False
    deadline = start + timeout
    while True:
        left = deadline - time.monotonic()
        try:  # a retried communicate() loses no output
            out, err = proc.communicate(timeout=max(0.01, min(left, heartbeat_s if heartbeat else left)))
            break
        except subprocess.TimeoutExpired:
            if time.monotonic() >= deadline:
                timed_out = True
                _kill_group(proc)
                out, err = proc.communicate()
                break
            if heartbeat:
                heartbeat(time.monotonic() - start)
    run = UvRun(
        argv=argv,
        returncode=None if timed_out else proc.returncode,
        stdout=(out or "") if keep_stdout else cap(out or ""),
        stderr=cap(err or ""),
        seconds=time.monotonic() - start,
        timed_out=timed_out,
    )
    if check and not run.ok:
        label = what or f"`{run.command()}`"
        if timed_out:
            raise PaperToCodeError(
                f"{label} did not finish within {timeout:.0f} s in {cwd}: check the network or package "
                "index, then run it by hand to see where it stalls"
            )
        raise PaperToCodeError(
            f"{label} failed (exit {run.returncode}) in {cwd}:\n{run.error_tail()}\n"
            f"Fix the cause above, then run `{run.command()}` in that folder."
        )
    return run


def lock(project: Path, *, timeout: float = 180, offline: bool = False) -> UvRun:
    """`uv lock` (raises with uv's message on failure)."""
    args = ["lock", *(["--offline"] if offline else [])]
    return run_uv(args, project, timeout=timeout, check=True)


def lock_is_current(project: Path, *, timeout: float = 120) -> UvRun:
    """`uv lock --check`: ok when uv.lock exists and matches pyproject.toml (never rewrites the lock)."""
    return run_uv(["lock", "--check"], project, timeout=timeout)


def sync(project: Path, *, timeout: float = 900, groups: Sequence[str] = (), frozen: bool = False) -> UvRun:
    """`uv sync` (default groups, plus `groups`); raises with uv's message on failure."""
    args = ["sync", *(["--frozen"] if frozen else [])]
    for g in groups:
        args += ["--group", g]
    return run_uv(args, project, timeout=timeout, check=True)
