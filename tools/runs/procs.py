"""Linux process facts from /proc: start times (so a reused pid is never taken for the old process) and the
descendants of a process (the supervisor's sweep). Elsewhere every answer is "unknown" (None / empty)."""

from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path

PROC = Path("/proc")


def _stat(pid: int) -> list[str] | None:
    """Fields 3.. of /proc/<pid>/stat (state first); None when there is no such process."""
    try:
        text = (PROC / str(pid) / "stat").read_text()
    except (OSError, ValueError):
        return None
    return text.rsplit(")", 1)[1].split()  # the name (field 2) may hold spaces and parentheses


def start_time(pid: int) -> int | None:
    """The process's start time in clock ticks after boot (/proc/<pid>/stat field 22); None if gone."""
    fields = _stat(pid)
    return int(fields[19]) if fields and len(fields) > 19 else None


def alive(pid: int) -> bool:
    """A live process (not a zombie) has this pid."""
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def same(pid: object, start: object) -> bool:
    """The process `pid` is alive and is the one that started at `start` (not a later one reusing the pid).
    Without /proc the start time cannot be checked: a live pid then counts as the same process."""
    if not isinstance(pid, int) or pid <= 0 or not isinstance(start, int):
        return False
    if not PROC.is_dir():
        return exists(pid)
    return alive(pid) and start_time(pid) == start


def exists(pid: object) -> bool:
    """Some process has this pid (os.kill with signal 0; a pid of another user's process counts)."""
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def descendants(pid: int) -> list[int]:
    """Live descendants of pid, parents before children (from each process's ppid, field 4)."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir() if PROC.is_dir() else []:
        if not entry.name.isdigit():
            continue
        fields = _stat(int(entry.name))
        if fields and fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], list(children.get(pid, []))
    while todo:
        p = todo.pop(0)
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def signal_all(pids: list[int], sig: int) -> None:
    for p in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(p, sig)


def kill_checked(pid: object, start: object, sig: int = signal.SIGTERM) -> bool:
    """Signal pid only if it is still the process that started at `start` (never without /proc, where that
    cannot be checked); whether it was signalled."""
    if not PROC.is_dir() or not same(pid, start):
        return False
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, sig)  # type: ignore[arg-type]
        return True
    return False
