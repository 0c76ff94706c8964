"""The supervisor of one run step: `main([options, "--", *ARGV])` in a Python process of its own (local.py).

Started in a session of its own, it outlives the process that started it (server or CLI). It becomes the
subreaper of everything ARGV starts (a double-forked, setsid'd daemon reparents to it, not to init), enforces
the timeout itself, ends on SIGTERM (a cancel), and when ARGV has exited, or on timeout or cancel, kills every
descendant until none is left. Its outcome goes to --state; when the owner is gone it also finalises the job
record, since nobody else will. Exit status: ARGV's (128+N for a signal), 124 on timeout, 130 on cancel.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from tools.runs import procs

PR_SET_CHILD_SUBREAPER = 36
GRACE_S = 5.0  # SIGTERM -> SIGKILL
TICK_S = 0.05
_stop: list[int] = []


def become_subreaper() -> bool:
    """Orphans of our descendants reparent to us (Linux); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def reap() -> dict[int, int]:
    """Collect every exited child (adopted orphans included): pid -> wait status."""
    done = {}
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return done
        if pid == 0:
            return done
        done[pid] = status


def sweep(sig: int = signal.SIGKILL, rounds: int = 200) -> None:
    """Signal every descendant, again and again, until none is left (a forking one leaves new orphans)."""
    for _ in range(rounds):
        reap()
        left = procs.descendants(os.getpid())
        if not left:
            return
        procs.signal_all(left, sig)
        time.sleep(TICK_S)


def terminate(child: subprocess.Popen[bytes]) -> int | None:
    """SIGTERM to every descendant, SIGKILL to what is left after the grace; the child's status if reaped."""
    procs.signal_all(procs.descendants(os.getpid()), signal.SIGTERM)
    end = time.monotonic() + GRACE_S
    status = None
    while time.monotonic() < end and status is None:
        status = reap().get(child.pid)
        time.sleep(TICK_S)
    sweep()
    return status if status is not None else reap().get(child.pid)


def watch(child: subprocess.Popen[bytes], deadline: float) -> tuple[str, int | None]:
    """Wait for the child's exit, the deadline or a stop signal: (outcome, the child's wait status)."""
    while True:
        status = reap().get(child.pid)
        if status is not None:
            return "exited", status
        if _stop:
            return "cancelled", terminate(child)
        if time.monotonic() >= deadline:
            return "timed_out", terminate(child)
        time.sleep(TICK_S)


def exit_code(status: int | None) -> int | None:
    if status is None:
        return None
    return os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)


def write_json(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)


def finalise_record(record: Path, outcome: str, rc: int | None, owner: int) -> None:
    """The owner is gone: put the outcome in the job record (only if no final report is there yet)."""
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    report = data.get("report") if isinstance(data, dict) else None
    if not isinstance(report, dict) or report.get("done"):
        return
    killed = "every process of the run was killed"
    status, message = {
        "timed_out": ("timed_out", f"did not finish within the timeout; {killed}"),
        "cancelled": ("cancelled", f"stopped on request (cancel_test_run); {killed}"),
    }.get(outcome, ("lost", f"the step `{report.get('message', '')}` ended (exit {rc}) after its owner died"))
    report.update(status=status, done=True, timed_out=status == "timed_out", cancelled=status == "cancelled")
    report["message"] = f"{message} (the process that started it, pid {owner}, was gone); start it again"
    report["finished_at"] = datetime.now(UTC).isoformat(timespec="microseconds")
    write_json(record, data)


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="tools.runs.supervisor")
    p.add_argument("--timeout", type=float, required=True)
    p.add_argument("--state", type=Path, required=True)
    p.add_argument("--record", type=Path)
    p.add_argument("--owner", type=int, default=0)
    p.add_argument("--owner-start", type=int)
    p.add_argument("argv", nargs="+")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    deadline = time.monotonic() + args.timeout
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda signum, frame: _stop.append(signum))
    subreaper = become_subreaper()
    state = {"pid": os.getpid(), "start": procs.start_time(os.getpid()), "subreaper": subreaper}
    try:
        child = subprocess.Popen(args.argv, stdin=subprocess.DEVNULL)
    except OSError as e:
        print(f"cannot start {args.argv[0]}: {e}", flush=True)
        write_json(args.state, {**state, "outcome": "exited", "rc": 127})
        return 127
    outcome, status = watch(child, deadline)
    sweep()  # leftovers of a normal exit too: daemons, workers, sleeps
    rc = exit_code(status)
    write_json(args.state, {**state, "outcome": outcome, "rc": rc})
    if args.record and not procs.same(args.owner, args.owner_start):
        with contextlib.suppress(OSError):
            finalise_record(args.record, outcome, rc, args.owner)
    return {"timed_out": 124, "cancelled": 130}.get(outcome, rc if rc is not None else 1)


if __name__ == "__main__":
    sys.exit(main())
