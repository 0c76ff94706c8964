"""Locating uv and running it: argument lists, timeouts, capped output, a clean environment.

Shared by the project tools (init_uv_project, export_requirements) and the test runner.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tools.errors import BadArgument, ExternalFailure, NotFound, TooLarge

UV_MISSING = (
    "uv is missing: looked for $PAPER_TO_CODE_UV, then `uv` on PATH, beside this Python ({python}), in the "
    "pip scripts folder, ~/.local/bin and ~/.cargo/bin. Install it (`pip install uv` or "
    "https://docs.astral.sh/uv/) or set PAPER_TO_CODE_UV to its full path in the server's environment"
)
# Variables that point TLS clients at a certificate bundle; with none set, uv uses the system trust store.
_CERT_VARS = ("SSL_CERT_FILE", "SSL_CERT_DIR", "UV_NATIVE_TLS", "UV_SYSTEM_CERTS")
_SYSTEM_BUNDLES = (
    "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu, Alpine, Arch
    "/etc/pki/tls/certs/ca-bundle.crt",  # Fedora, RHEL
    "/etc/ssl/ca-bundle.pem",  # openSUSE
    "/etc/ssl/cert.pem",  # macOS, BSD
)
OUTPUT_CAP = 20_000  # characters kept of each stream (the tail: errors come last)
# Variables of the caller's own environment that would make uv act on the wrong project or venv.
_DROP = ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT", "UV_PROJECT", "CONDA_PREFIX", "PYTHONHOME", "PYTHONPATH")


def uv_folders() -> list[Path]:
    """Where uv lives when it is not on PATH: beside this Python (its venv and the interpreter it links to),
    the pip scripts folders, ~/.local/bin, ~/.cargo/bin."""
    exe = Path(sys.executable)
    folders = [exe.parent, exe.resolve().parent, Path(sysconfig.get_path("scripts"))]
    with contextlib.suppress(KeyError):
        folders.append(Path(sysconfig.get_path("scripts", f"{os.name}_user")))
    home = Path.home()
    folders += [home / ".local" / "bin", home / ".cargo" / "bin"]
    return list(dict.fromkeys(folders))


def uv_path() -> str:
    """The uv executable: $PAPER_TO_CODE_UV when set, else `uv` on PATH, else the first of uv_folders()."""
    explicit = os.environ.get("PAPER_TO_CODE_UV")
    if explicit:
        if Path(explicit).is_file() and os.access(explicit, os.X_OK):
            return explicit
        raise BadArgument(f"PAPER_TO_CODE_UV={explicit} is not an executable file: fix it or unset it")
    found = shutil.which("uv")
    if found:
        return found
    name = "uv.exe" if os.name == "nt" else "uv"
    for folder in uv_folders():
        candidate = folder / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    raise NotFound(UV_MISSING.format(python=sys.executable))


def _system_trust() -> dict[str, str]:
    """Variables that make uv trust the system's certificates: the system CA bundle as SSL_CERT_FILE
    (every uv version reads it), else uv's own switch for the platform trust store."""
    import ssl

    paths = ssl.get_default_verify_paths()
    for bundle in (paths.cafile, paths.openssl_cafile, *_SYSTEM_BUNDLES):
        if bundle and Path(bundle).is_file():
            return {"SSL_CERT_FILE": bundle}
    return {"UV_SYSTEM_CERTS": "1", "UV_NATIVE_TLS": "1"}


def uv_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a uv child process: the caller's, minus venv pointers, quiet and colourless.
    With no certificate variable set (an MCP client passing a minimal environment), uv verifies TLS
    against the system trust store, which holds a company proxy's CA."""
    env = {k: v for k, v in os.environ.items() if k not in _DROP}
    env.update({"UV_NO_PROGRESS": "1", "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"})
    if not any(env.get(k) for k in _CERT_VARS):
        env.update(_system_trust())
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
