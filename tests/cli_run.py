"""The paper-to-code CLI run as a user runs it (a subprocess of this Python), for the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_cli(
    root: Path, *args: str, timeout: int = 120, env: dict | None = None
) -> subprocess.CompletedProcess:
    """`paper-to-code --root ROOT ARGS...`, output captured as text, no stdin."""
    return subprocess.run(
        [sys.executable, "-m", "server.cli", "--root", str(root), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
