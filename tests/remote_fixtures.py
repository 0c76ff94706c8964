"""Session fixtures for the remote GPU targets: a loopback OpenSSH server and a single-node Slurm.

Recipes from shared/notes/remote-gpu.md. Both start real daemons as the current user (root in CI) in a
temporary folder and are skipped when the packages are missing (`.ci/run` installs openssh-server, rsync,
slurm-wlm and munge).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

SSHD = "/usr/sbin/sshd"
ALIAS = "gpubox"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(argv: list[str], **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60, **kw)


def _wait_pidfile(path: Path, what: str, log: Path, seconds: float = 10) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.is_file() and path.read_text().strip():
            return int(path.read_text().split()[0])
        time.sleep(0.05)
    tail = log.read_text(errors="replace")[-2000:] if log.is_file() else ""
    raise RuntimeError(f"{what} did not start:\n{tail}")


def _stop(pid_file: Path) -> None:
    with contextlib.suppress(FileNotFoundError, ValueError, ProcessLookupError, IndexError):
        os.kill(int(pid_file.read_text().split()[0]), signal.SIGTERM)


def _keygen(path: Path) -> None:
    _run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True)


@dataclass
class SshServer:
    dir: Path
    port: int
    ssh_config: Path
    alias: str
    uv_bin: Path  # the folder on the remote PATH that holds uv

    def stop(self) -> None:
        _stop(self.dir / "sshd.pid")

    def ssh(
        self, command: str, alias: str | None = None, timeout: float = 30
    ) -> subprocess.CompletedProcess[str]:
        """Run `command` on the loopback server (no pty, BatchMode from the config)."""
        argv = ["ssh", "-F", str(self.ssh_config), alias or self.alias, command]
        return subprocess.run(argv, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=timeout)


def _real_uv() -> Path:
    """uv's executable itself (not a pyenv shim, which needs the caller's environment)."""
    found = shutil.which("uv")
    assert found, "uv is needed for the remote tests"
    pyenv = shutil.which("pyenv")
    if Path(found).read_bytes()[:2] == b"#!" and pyenv:
        real = _run([pyenv, "which", "uv"]).stdout.strip()
        if real:
            return Path(real)
    return Path(found).resolve()


def _ssh_config(d: Path, port: int, closed_port: int) -> str:
    def host(alias: str, *, port: int = port, key: str = "client_ed25519", known: str = "known_hosts") -> str:
        return (
            f"Host {alias}\n  HostName 127.0.0.1\n  Port {port}\n  User root\n  IdentityFile {d / key}\n"
            f"  IdentitiesOnly yes\n  UserKnownHostsFile {d / known}\n  StrictHostKeyChecking yes\n"
            "  BatchMode yes\n  ConnectTimeout 10\n"
        )

    return "\n".join(
        [
            host(ALIAS),
            host("gpubox-wrongkey", key="stranger_ed25519"),  # authentication refused
            host("gpubox-newhost", known="known_hosts_empty"),  # host key unknown
            host("gpubox-changed", known="known_hosts_changed"),  # host key changed
            host("gpubox-down", port=closed_port),  # nothing listens: connection refused
        ]
    )


def sshd_available() -> bool:
    return Path(SSHD).is_file() and bool(shutil.which("rsync")) and bool(shutil.which("ssh"))


def start_sshd(d: Path) -> SshServer:
    """Start a loopback sshd with keys, known_hosts and ssh_config in the empty folder `d` (needs root)."""
    d.mkdir(parents=True, exist_ok=True)
    d.chmod(0o700)
    Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # privilege-separation dir (root only)
    for name in ("host_ed25519", "client_ed25519", "stranger_ed25519", "other_host_ed25519"):
        _keygen(d / name)
    (d / "authorized_keys").write_text((d / "client_ed25519.pub").read_text())
    (d / "authorized_keys").chmod(0o600)
    uv_bin = d / "bin"
    uv_bin.mkdir()
    (uv_bin / "uv").symlink_to(_real_uv())
    port = free_port()
    # The remote login PATH: system folders plus a folder holding uv, as on a box where uv is installed.
    remote_path = f"{uv_bin}:/usr/local/bin:/usr/bin:/bin"
    (d / "sshd_config").write_text(
        f"ListenAddress 127.0.0.1\nPort {port}\nHostKey {d / 'host_ed25519'}\nPidFile {d / 'sshd.pid'}\n"
        f"AuthorizedKeysFile {d / 'authorized_keys'}\nPubkeyAuthentication yes\nPasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\nUsePAM no\nStrictModes no\n"
        "AllowTcpForwarding no\nX11Forwarding no\nSubsystem sftp internal-sftp\nLogLevel VERBOSE\n"
        f"SetEnv PATH={remote_path}\nMaxStartups 50:30:100\nMaxSessions 50\n"
    )
    check = _run([SSHD, "-t", "-f", str(d / "sshd_config")])
    if check.returncode != 0:
        raise RuntimeError(f"sshd_config rejected: {check.stderr}")
    _run([SSHD, "-f", str(d / "sshd_config"), "-E", str(d / "sshd.log")], check=True)
    _wait_pidfile(d / "sshd.pid", "sshd", d / "sshd.log")
    server = SshServer(dir=d, port=port, ssh_config=d / "ssh_config", alias=ALIAS, uv_bin=uv_bin)
    try:
        for _ in range(100):  # wait until it accepts connections
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        host_key = " ".join((d / "host_ed25519.pub").read_text().split()[:2])
        (d / "known_hosts").write_text(f"[127.0.0.1]:{port} {host_key}\n")
        (d / "known_hosts_empty").write_text("")
        other = (d / "other_host_ed25519.pub").read_text().split()[:2]
        (d / "known_hosts_changed").write_text(f"[127.0.0.1]:{port} {' '.join(other)}\n")
        (d / "ssh_config").write_text(_ssh_config(d, port, free_port()))
        hello = server.ssh("echo hello")
        if hello.stdout.strip() != "hello":
            raise RuntimeError(f"ssh to the loopback sshd failed: {hello.stderr}")
    except BaseException:
        server.stop()
        raise
    return server


@pytest.fixture(scope="session")
def sshd(tmp_path_factory: pytest.TempPathFactory):
    """A loopback sshd (key auth only, own host keys, own known_hosts) with a `Host gpubox` ssh config."""
    if not sshd_available():
        pytest.skip("needs /usr/sbin/sshd, ssh and rsync (apt-get install openssh-server rsync)")
    server = start_sshd(tmp_path_factory.mktemp("sshd"))
    try:
        yield server
    finally:
        server.stop()


@dataclass
class SlurmCluster:
    dir: Path
    conf: Path  # SLURM_CONF for every client command (sbatch, squeue, scancel, scontrol)
    node: str

    def env(self) -> dict[str, str]:
        return {**os.environ, "SLURM_CONF": str(self.conf)}

    def run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(argv), capture_output=True, text=True, env=self.env(), stdin=subprocess.DEVNULL, timeout=30
        )


def _slurm_conf(d: Path, node_line: str, node: str) -> str:
    ctl, slurmd = free_port(), free_port()
    fields = dict(f.split("=", 1) for f in node_line.split() if "=" in f)
    fields["RealMemory"] = "1000"  # more than the node reports would drain it
    keep = ("NodeName", "CPUs", "Boards", "SocketsPerBoard", "CoresPerSocket", "ThreadsPerCore", "RealMemory")
    node_spec = " ".join(f"{k}={fields[k]}" for k in keep if k in fields)
    return (
        f"ClusterName=ci\nSlurmctldHost={node}(127.0.0.1)\nSlurmctldPort={ctl}\nSlurmdPort={slurmd}\n"
        "SlurmUser=root\nSlurmdUser=root\nAuthType=auth/munge\nCredType=cred/munge\n"
        f"AuthInfo=socket={d / 'munge.sock'}\n"
        f"StateSaveLocation={d / 'state'}\nSlurmdSpoolDir={d / 'spool'}\n"
        f"SlurmctldPidFile={d / 'slurmctld.pid'}\nSlurmdPidFile={d / 'slurmd.pid'}\n"
        f"SlurmctldLogFile={d / 'log' / 'slurmctld.log'}\nSlurmdLogFile={d / 'log' / 'slurmd.log'}\n"
        "ProctrackType=proctrack/linuxproc\nTaskPlugin=task/none\nSchedulerType=sched/backfill\n"
        "SelectType=select/cons_tres\nSelectTypeParameters=CR_Core\nReturnToService=2\nMpiDefault=none\n"
        "JobAcctGatherType=jobacct_gather/none\nAccountingStorageType=accounting_storage/none\n"
        "KillWait=5\nMinJobAge=600\n"
        f"{node_spec} NodeAddr=127.0.0.1 State=UNKNOWN\n"
        f"PartitionName=debug Nodes={node} Default=YES MaxTime=INFINITE State=UP\n"
    )


@pytest.fixture(scope="session")
def slurm(tmp_path_factory: pytest.TempPathFactory):
    """A single-node Slurm (slurmctld + slurmd + a private munged) reachable through SLURM_CONF."""
    daemons = ("/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged")
    if not shutil.which("slurmctld") and not all(Path(p).is_file() for p in daemons):
        pytest.skip("needs slurm-wlm and munge (apt-get install slurm-wlm munge)")
    if os.geteuid() != 0:
        pytest.skip("the single-node Slurm fixture runs its daemons as root")
    key = Path("/etc/munge/munge.key")
    if not key.is_file():
        pytest.skip("no /etc/munge/munge.key: create one with `mungekey --create`")
    d = tmp_path_factory.mktemp("slurm")
    for sub in ("spool", "state", "log"):
        (d / sub).mkdir()
    # A private munged on its own socket, so that a system munged (or another test session) is left alone.
    munge = _run(
        [
            "/usr/sbin/munged", "--force", f"--socket={d / 'munge.sock'}", f"--pid-file={d / 'munged.pid'}",
            f"--log-file={d / 'log' / 'munged.log'}", f"--seed-file={d / 'munge.seed'}", f"--key-file={key}",
        ]
    )  # fmt: skip
    assert munge.returncode == 0, munge.stderr
    node = socket.gethostname().split(".")[0]
    node_line = _run(["/usr/sbin/slurmd", "-C"]).stdout.splitlines()[0]
    conf = d / "slurm.conf"
    conf.write_text(_slurm_conf(d, node_line, node))
    cluster = SlurmCluster(dir=d, conf=conf, node=node)
    try:
        for daemon, pid in (("slurmctld", "slurmctld.pid"), ("slurmd", "slurmd.pid")):
            argv = [f"/usr/sbin/{daemon}", *(["-i"] if daemon == "slurmctld" else []), "-f", str(conf)]
            started = subprocess.run(argv, capture_output=True, text=True, env=cluster.env(), timeout=30)
            assert started.returncode == 0, started.stderr
            _wait_pidfile(d / pid, daemon, d / "log" / f"{daemon}.log")
        deadline = time.monotonic() + 30
        state = ""
        while time.monotonic() < deadline:
            state = cluster.run("sinfo", "-h", "-o", "%t").stdout.strip()
            if state == "idle":
                break
            time.sleep(0.2)
        assert state == "idle", f"node state {state!r}: {(d / 'log' / 'slurmd.log').read_text()[-1500:]}"
        yield cluster
    finally:
        for pid in ("slurmd.pid", "slurmctld.pid", "munged.pid"):
            _stop(d / pid)


# ---- helpers shared by tests/test_remote_ssh.py, tests/test_remote_slurm.py and bench/remote.py ----

TINY = Path(__file__).parent / "fixtures" / "remote_projects" / "tiny"


def copy_tiny(dest: Path) -> Path:
    shutil.copytree(TINY, dest, ignore=shutil.ignore_patterns(".venv", "__pycache__", "hang.pids"))
    return dest


def warm_uv_cache() -> None:
    """Sync a throwaway copy of TINY: remote `uv sync` then runs with UV_OFFLINE=1 (no certificates there)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        r = _run(["uv", "sync", "--locked", "-q"], cwd=copy_tiny(Path(tmp) / "warm"))
        assert r.returncode == 0, r.stderr


def write_targets(
    path: Path, ssh_config: Path | None, targets: dict[str, dict], aliases: list[str] = ()
) -> Path:
    """A targets.toml (JSON strings are valid TOML basic strings; inline tables for env)."""
    import json

    def value(v: object) -> str:
        if isinstance(v, dict):
            return "{ " + ", ".join(f"{k} = {json.dumps(x)}" for k, x in v.items()) + " }"
        return json.dumps(v)

    lines = [f"ssh_config = {json.dumps(str(ssh_config))}"] if ssh_config else []
    lines.append(f"ssh_aliases = {json.dumps(list(aliases))}")
    for name, fields in targets.items():
        lines.append(f"\n[targets.{json.dumps(name)}]")
        lines += [f"{k} = {value(v)}" for k, v in fields.items()]
    path.write_text("\n".join(lines) + "\n")
    return path


def live_pids_under(folder: Path) -> list[int]:
    """Live processes whose working directory lies inside `folder` (a remote run's leftovers)."""
    found = []
    for cwd in Path("/proc").glob("[0-9]*/cwd"):
        try:
            target = os.readlink(cwd)
            state = (cwd.parent / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z" and (target == str(folder) or target.startswith(f"{folder}/")):
            found.append(int(cwd.parent.name))
    return found


def pid_alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
