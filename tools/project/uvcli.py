"""Locating uv and running it: argument lists, timeouts, capped output, a clean environment.

Shared by the project tools (init_uv_project, export_requirements) and the test runner.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tools.errors import BadArgument, ExternalFailure, NotFound, TooLarge

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
        raise BadArgument(f"PAPER_TO_CODE_UV={explicit} is not an executable file: fix it or unset it")
    found = shutil.which("uv")
    if not found:
        raise NotFound(UV_MISSING)
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


def _spawn(argv: list[str], cwd: Path, env: Mapping[str, str] | None) -> subprocess.Popen[str]:
    """uv in its own process group (so a timeout can kill its children too), stdin closed."""
    return subprocess.Popen(
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


def _wait(proc: subprocess.Popen[str], timeout: float) -> tuple[str, str, bool]:
    """(stdout, stderr, timed_out); on timeout the whole process group is killed."""
    try:
        out, err = proc.communicate(timeout=timeout)
        return out or "", err or "", False
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        out, err = proc.communicate()
        return out or "", err or "", True


def _raise_failure(run: UvRun, cwd: Path, timeout: float, what: str | None) -> None:
    label = what or f"`{run.command()}`"
    if run.timed_out:
        raise TooLarge(
            f"{label} did not finish within {timeout:.0f} s in {cwd}: check the network or package "
            "index, then run it by hand to see where it stalls"
        )
    raise ExternalFailure(
        f"{label} failed (exit {run.returncode}) in {cwd}:\n{run.error_tail()}\n"
        f"Fix the cause above, then run `{run.command()}` in that folder."
    )


def run_uv(
    args: Sequence[str],
    cwd: Path,
    *,
    timeout: float = 300,
    env: Mapping[str, str] | None = None,
    check: bool = False,
    what: str | None = None,
    keep_stdout: bool = False,
) -> UvRun:
    """Run `uv *args` in `cwd` (own process group, stdin closed); kill the whole group on timeout.

    check=True turns a failure or timeout into a PaperToCodeError naming the command and uv's last lines.
    Output is capped to its tail, except stdout with keep_stdout=True (what `uv export` prints).
    """
    argv = uv_argv(*args)
    start = time.monotonic()
    proc = _spawn(argv, cwd, env)
    out, err, timed_out = _wait(proc, max(0.01, timeout))
    run = UvRun(
        argv=argv,
        returncode=None if timed_out else proc.returncode,
        stdout=out if keep_stdout else cap(out),
        stderr=cap(err),
        seconds=time.monotonic() - start,
        timed_out=timed_out,
    )
    if check and not run.ok:
        _raise_failure(run, cwd, timeout, what)
    return run


def sync(project: Path, *, timeout: float = 900, groups: Sequence[str] = (), frozen: bool = False) -> UvRun:
    """`uv sync` (default groups, plus `groups`); raises with uv's message on failure."""
    args = ["sync", *(["--frozen"] if frozen else [])]
    for g in groups:
        args += ["--group", g]
    return run_uv(args, project, timeout=timeout, check=True)
