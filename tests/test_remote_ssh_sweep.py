"""The ssh target's remote side leaves nothing behind: a double-forked setsid'd daemon started by a remote
command dies when the command ends, and when the remote `timeout` backstop ends a command whose client is gone
(real loopback sshd; the "remote" processes are on this machine, so /proc shows what survived)."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from remote_fixtures import pid_alive
from test_remote_ssh import remote, warm_cache  # noqa: F401  (fixtures)

from tools.runs import ssh

pytestmark = [pytest.mark.ssh]
# a daemon the classic way: it leaves the group and the session, its parent exits at once
DAEMON = "setsid sh -c 'echo $$ > daemon.pid; exec sleep 1000' </dev/null >/dev/null 2>&1 &"


def wait_pid(path: Path, seconds: float = 60) -> int:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if path.is_file() and path.read_text().strip():
            return int(path.read_text())
        time.sleep(0.05)
    raise AssertionError(f"{path.name} never written")


def wait_dead(pid: int, seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while pid_alive(pid) and time.monotonic() < end:
        time.sleep(0.1)
    return not pid_alive(pid)


def remote_line(rfolder: Path, project: Path, script: str, timeout: float) -> str:
    tr = ssh.SshTransport("ssh:gpubox", project, project.parent / "run")
    (rfolder / ".p2c").mkdir(parents=True)
    return tr.command(["sh", "-c", script], {}, timeout, ".p2c/run-1.pid")


def test_a_setsid_daemon_dies_when_the_remote_command_ends(remote, sshd):  # noqa: F811
    project, rfolder = remote
    line = remote_line(rfolder, project, f"{DAEMON} sleep 1", 600)
    done = subprocess.run(
        ["ssh", "-F", str(sshd.ssh_config), "gpubox", line],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    daemon = wait_pid(rfolder / "daemon.pid", 5)
    assert wait_dead(daemon)


def test_the_backstop_kills_a_setsid_daemon_when_this_side_is_gone(remote, sshd, monkeypatch):  # noqa: F811
    project, rfolder = remote
    monkeypatch.setattr(ssh, "BACKSTOP_EXTRA_S", 0)
    line = remote_line(rfolder, project, f"{DAEMON} echo $$ > child.pid; exec sleep 1000", 4)
    client = subprocess.Popen(["ssh", "-F", str(sshd.ssh_config), "gpubox", line], stdin=subprocess.DEVNULL)
    try:
        child, daemon = wait_pid(rfolder / "child.pid"), wait_pid(rfolder / "daemon.pid")
    finally:
        client.kill()
        client.wait()
    assert pid_alive(daemon) and pid_alive(child)  # no pty: the remote side does not see the client go
    assert wait_dead(child) and wait_dead(daemon)
