"""Remote GPU targets: the targets config file, how to call ssh, what its failures mean, list_gpu_targets.

targets.toml (path: server option --targets, else $PAPER_TO_CODE_TARGETS, else ~/.config/paper-to-code/):

    ssh_config = "~/.ssh/gpu_config"     # optional; the server option --ssh-config wins
    ssh_aliases = ["workstation"]        # ssh aliases listed by list_gpu_targets without an entry

    [targets.box]                        # run_tests_on_gpu(target="ssh:box")
    kind = "ssh"
    host = "box"                         # the ssh alias or host name (default: the entry's name)
    remote_dir = "~/.cache/paper-to-code"
    env = { HF_HOME = "/scratch/hf" }

    [targets.cluster]                    # target="slurm:cluster"
    kind = "slurm"
    host = "login1"
    partition = "gpu"
    account = "lab"
    gres = "gpu:1"
    time = "01:00:00"
"""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tools.config import get_settings
from tools.errors import BadArgument, ExternalFailure, NotFound, PaperToCodeError
from tools.models import ToolResult

DEFAULT_TARGETS_FILE = "~/.config/paper-to-code/targets.toml"
DEFAULT_REMOTE_DIR = "~/.cache/paper-to-code"
# Never prompt (a prompt would hang the server); notice a dead link within a minute.
SSH_OPTIONS = ("-o", "BatchMode=yes", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4")
# A non-login shell lacks the folders uv's installer uses.
REMOTE_PATH = 'export PATH="$HOME/.local/bin:$HOME/.cargo/bin:$PATH"'
UV_INSTALL = (
    "install it there with `curl -LsSf https://astral.sh/uv/install.sh | sh` (or `pip install --user uv`)"
)
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Target(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    kind: Literal["ssh", "slurm"]
    host: str = Field(default="", description="ssh alias or host name; default: the entry's name")
    remote_dir: str = DEFAULT_REMOTE_DIR
    env: dict[str, str] = Field(default_factory=dict, description="exported in the remote command")
    partition: str | None = None
    account: str | None = None
    gres: str = "gpu:1"
    time: str | None = Field(default=None, description="sbatch --time; default: the run's timeout")
    sbatch_args: list[str] = Field(default_factory=list, description="extra sbatch options, as given")
    source: Literal["config", "alias", "ad hoc"] = "config"

    @property
    def spec(self) -> str:
        return f"{self.kind}:{self.name}"


class TargetsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: Path | None = None
    ssh_config: Path | None = None
    ssh_aliases: list[str] = Field(default_factory=list)
    targets: dict[str, Target] = Field(default_factory=dict)


def targets_file_path() -> Path:
    s = get_settings().targets_file or os.environ.get("PAPER_TO_CODE_TARGETS") or DEFAULT_TARGETS_FILE
    return Path(s).expanduser()


def load_targets() -> TargetsFile:
    """The targets config file (an empty one when the file does not exist)."""
    import tomllib

    path = targets_file_path()
    if not path.is_file():
        return TargetsFile()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        entries = raw.pop("targets", {})
        if not isinstance(entries, dict):
            raise BadArgument(f"{path}: `targets` must be a table of [targets.NAME] entries")
        targets = {}
        for name, entry in entries.items():
            fields = {"name": name, **entry}
            fields.setdefault("host", name)
            targets[name] = Target(**fields)
        return TargetsFile(path=path, targets=targets, **raw)
    except (tomllib.TOMLDecodeError, ValidationError, TypeError) as e:
        detail = str(e).replace("\n", "; ")[:600]
        raise BadArgument(
            f"targets file {path} is invalid ({detail}): fix it (format: README, Remote GPUs)"
        ) from None


def ssh_config_path(cfg: TargetsFile | None = None) -> Path | None:
    """--ssh-config, else $PAPER_TO_CODE_SSH_CONFIG, else the targets file's key, else ssh's default."""
    s = get_settings().ssh_config or os.environ.get("PAPER_TO_CODE_SSH_CONFIG")
    if s is None:
        s = (cfg or load_targets()).ssh_config
    if s is None:
        return None
    path = Path(s).expanduser()
    if not path.is_file():
        raise NotFound(f"ssh config {path} does not exist: fix --ssh-config or the targets file's ssh_config")
    return path


def resolve_target(spec: str) -> Target:
    """`ssh:<name>` / `slurm:<name>`: a targets-file entry of that name, else the ssh alias itself."""
    kind, _, name = spec.partition(":")
    if kind not in ("ssh", "slurm") or not name or name.startswith("-") or any(c.isspace() for c in name):
        raise BadArgument(
            f"target {spec!r} is not understood: use 'local', 'ssh:<host alias>' or 'slurm:<login alias>'"
        )
    cfg = load_targets()
    entry = cfg.targets.get(name)
    if entry is not None:
        if entry.kind != kind:
            raise BadArgument(f"target {name!r} is a {entry.kind} target in {cfg.path}: use '{entry.spec}'")
        return entry
    return Target(name=name, kind=kind, host=name, source="ad hoc")


def ssh_base(connect_timeout: float = 10, cfg: TargetsFile | None = None) -> list[str]:
    """`ssh [-F CONFIG] -o BatchMode=yes ...` without the host; StrictHostKeyChecking stays as configured."""
    if not shutil.which("ssh"):
        raise ExternalFailure(
            "the OpenSSH client `ssh` is missing: install it (apt-get install openssh-client)"
        )
    config = ssh_config_path(cfg)
    timeout = f"ConnectTimeout={max(1, int(connect_timeout))}"
    return ["ssh", *(["-F", str(config)] if config else []), *SSH_OPTIONS, "-o", timeout]


def env_exports(env: dict[str, str]) -> str:
    """`export K=V; ...` for the remote command (variables sent over the SSH protocol are usually dropped)."""
    parts = []
    for k, v in env.items():
        if not _ENV_NAME.fullmatch(k):
            raise BadArgument(f"environment variable name {k!r} is invalid: use letters, digits and _")
        parts.append(f"export {k}={shlex.quote(str(v))}")
    return "; ".join(parts)


def remote_folder(target: Target, project: Path) -> str:
    """The stable remote folder of one project: <remote_dir>/<name>-<hash of this machine and local path>.

    Relative to the remote home when remote_dir starts with ~ (ssh commands and rsync start there).
    """
    key = f"{socket.gethostname()}:{project.resolve()}".encode()
    base = target.remote_dir.rstrip("/") or "."
    if base == "~" or base.startswith("~/"):
        base = base[2:] or "."
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", project.name) or "project"
    return f"{base}/{safe}-{hashlib.sha256(key).hexdigest()[:10]}"


def explain_ssh_failure(host: str, stderr: str, config: Path | None = None) -> str | None:
    """A clear message for ssh's own failures (exit 255), or None when the text is not one of them."""
    where = f"ssh config {config}" if config else "your ~/.ssh/config"
    t = stderr
    if "Could not resolve hostname" in t:
        return (
            f"unknown host alias {host!r}: it is not a Host in {where} and does not resolve; add a "
            f"`Host {host}` entry (HostName, User, IdentityFile) or pass the right alias"
        )
    if "REMOTE HOST IDENTIFICATION HAS CHANGED" in t or "has changed and you have requested strict" in t:
        return (
            f"the host key of {host!r} has CHANGED since it was recorded in known_hosts; it was not "
            "accepted. If the change is expected (reinstalled machine), remove the old key with "
            f"`ssh-keygen -R <host>`, then run `ssh {host}` once in a terminal and check the fingerprint"
        )
    if "Host key verification failed" in t or "host key is known" in t:
        return (
            f"the host key of {host!r} is not in known_hosts and is never accepted silently: run "
            f"`ssh {host}` once in a terminal, check the fingerprint and accept it"
        )
    if "Permission denied" in t or "Too many authentication failures" in t:
        return (
            f"authentication to {host!r} was refused (keys only, no prompts): check the IdentityFile and "
            f"User in {where}, load the key into ssh-agent, or add its public key to the remote "
            "authorized_keys"
        )
    unreachable = (
        "Connection refused",
        "timed out",
        "No route to host",
        "Network is unreachable",
        "closed by",
    )
    if any(s in t for s in unreachable) or "Connection reset" in t:
        last = t.strip().splitlines()[-1] if t.strip() else ""
        return f"host {host!r} is unreachable ({last}): check that it is up, the port, VPN or ProxyJump"
    if any(
        s in t for s in ("Bad configuration option", "Can't open user config", "bad configuration option")
    ):
        return f"ssh could not read {where}: {t.strip().splitlines()[-1]}"
    return None


def ssh_run(
    target: Target,
    command: str,
    *,
    timeout: float = 60,
    connect_timeout: float = 10,
    input_text: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run one remote shell command (PATH and the target's env exported first); ssh failures raise clearly."""
    cfg = load_targets()
    argv = [*ssh_base(connect_timeout, cfg), target.host, remote_command(target, command)]
    try:
        proc = subprocess.run(
            argv,
            input=input_text,
            stdin=None if input_text is not None else subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as e:
        raise ExternalFailure(
            f"ssh {target.host} did not answer within {timeout:.0f} s: check the host"
        ) from e
    if proc.returncode == 255:
        why = explain_ssh_failure(target.host, proc.stderr, ssh_config_path(cfg))
        if why:
            raise ExternalFailure(why)
    return proc


def remote_command(target: Target, command: str) -> str:
    exports = env_exports(target.env)
    return f"{REMOTE_PATH}; {exports + '; ' if exports else ''}{command}"


# ---- list_gpu_targets ----

_PROBE = (
    'echo "p2c-uv=$(uv --version 2>/dev/null)"; echo "p2c-rsync=$(command -v rsync)"; '
    "if command -v nvidia-smi >/dev/null 2>&1; then nvidia-smi --query-gpu=name --format=csv,noheader "
    "2>/dev/null | sed 's/^/p2c-gpu=/'; fi"
)
_PROBE_SLURM = (
    "; echo \"p2c-sbatch=$(command -v sbatch)\"; sinfo -h -o '%P %a %G' 2>/dev/null | sed 's/^/p2c-part=/'"
)


class TargetInfo(BaseModel):
    spec: str = Field(description="the value to pass as run_tests_on_gpu's target")
    kind: Literal["ssh", "slurm"]
    host: str
    source: str = Field(description="config: an entry of the targets file; alias: an opted-in ssh alias")
    remote_dir: str
    partition: str | None = None
    reachable: bool | None = Field(default=None, description="None when not probed")
    error: str | None = None
    uv_version: str | None = None
    rsync: bool | None = None
    gpus: list[str] = Field(default_factory=list, description="GPU names from nvidia-smi on that host")
    slurm_partitions: list[str] = Field(
        default_factory=list, description="sinfo: partition, availability, gres"
    )
    probe_s: float | None = None


class GpuTargets(ToolResult):
    targets_file: str = Field(description="the targets config file read (it may not exist)")
    targets_file_exists: bool
    ssh_config: str | None = None
    targets: list[TargetInfo]
    probed: bool

    def summary_text(self) -> str:
        lines = [f"targets file: {self.targets_file}" + ("" if self.targets_file_exists else " (absent)")]
        if not self.targets:
            lines.append("no remote targets configured; 'local' is always available")
        for t in self.targets:
            line = f"{t.spec} ({t.source}, host {t.host})"
            if self.probed:
                if t.reachable:
                    gpus = ", ".join(t.gpus) or "no GPU"
                    line += f": reachable, {t.uv_version or 'uv MISSING'}, {gpus}"
                else:
                    line += f": {t.error}"
            lines.append(line)
        return "\n".join(lines)


def _probe(target: Target, info: TargetInfo, timeout: float) -> None:
    start = time.monotonic()
    try:
        script = _PROBE + (_PROBE_SLURM if target.kind == "slurm" else "")
        proc = ssh_run(target, script, timeout=timeout, connect_timeout=min(timeout, 10))
        if proc.returncode != 0:
            info.reachable, info.error = (
                False,
                (proc.stderr.strip() or f"probe exited {proc.returncode}")[-500:],
            )
        else:
            info.reachable = True
            for line in proc.stdout.splitlines():
                key, _, value = line.partition("=")
                value = value.strip()
                if key == "p2c-uv":
                    info.uv_version = value or None
                elif key == "p2c-rsync":
                    info.rsync = bool(value)
                elif key == "p2c-gpu" and value:
                    info.gpus.append(value)
                elif key == "p2c-part" and value:
                    info.slurm_partitions.append(value)
                elif key == "p2c-sbatch" and not value:
                    info.error = "sbatch is not on the PATH of this host: is it a Slurm login node?"
            if not info.uv_version:
                info.error = f"uv is missing on {target.host}: {UV_INSTALL}"
            elif info.rsync is False:
                info.error = f"rsync is missing on {target.host}: install it there (apt-get install rsync)"
    except PaperToCodeError as e:
        info.reachable, info.error = False, str(e)
    info.probe_s = round(time.monotonic() - start, 2)


def list_gpu_targets(
    probe: Annotated[
        bool, Field(description="connect to each target in parallel: reachability, uv version, GPU names")
    ] = False,
    timeout_s: Annotated[
        float, Field(description="per-target probe time limit in seconds", gt=0, le=120)
    ] = 15,
) -> GpuTargets:
    """List the GPU targets run_tests_on_gpu accepts besides 'local': the targets file's entries ('ssh:NAME',
    'slurm:NAME') and opted-in ssh aliases. probe=True checks each one over ssh (BatchMode, never prompts)."""
    cfg = load_targets()
    config = ssh_config_path(cfg)
    targets = list(cfg.targets.values())
    targets += [
        Target(name=a, kind="ssh", host=a, source="alias") for a in cfg.ssh_aliases if a not in cfg.targets
    ]
    infos = [
        TargetInfo(
            spec=t.spec,
            kind=t.kind,
            host=t.host,
            source=t.source,
            remote_dir=t.remote_dir,
            partition=t.partition,
        )
        for t in targets
    ]
    if probe and targets:
        with ThreadPoolExecutor(max_workers=min(16, len(targets))) as pool:
            list(pool.map(lambda pair: _probe(*pair, timeout_s), zip(targets, infos, strict=True)))
    return GpuTargets(
        targets_file=str(targets_file_path()),
        targets_file_exists=cfg.path is not None,
        ssh_config=str(config) if config else None,
        targets=infos,
        probed=probe,
    )
