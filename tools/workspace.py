"""The folders tools may touch, fixed when the server or CLI starts, and path checks against them."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tools.errors import PaperToCodeError, PathNotAllowed

_roots: list[Path] = []
WORKSPACE_NAME = ".paper-to-code"


def set_roots(roots: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Fix the allowed roots (resolved, existing folders); the first is where relative paths start."""
    resolved = []
    for r in roots:
        p = Path(r).expanduser().resolve()
        if not p.is_dir():
            raise PaperToCodeError(f"root {r!s} is not an existing folder: create it or pass another --root")
        resolved.append(p)
    _roots[:] = resolved or [Path.cwd().resolve()]
    return list(_roots)


def get_roots() -> list[Path]:
    if not _roots:
        set_roots([Path.cwd()])
    return list(_roots)


def workspace() -> Path:
    """Where tools write what the user did not place (converted papers, job records)."""
    return get_roots()[0] / WORKSPACE_NAME


def paper_dir(paper_id: str) -> Path:
    """The workspace folder of one converted paper: paper.md, paper.json, IMPLEMENTATION_CHECKLIST.md."""
    return workspace() / "papers" / paper_id


def _inside(p: Path, root: Path) -> bool:
    return p == root or p.is_relative_to(root)


def resolve(
    path: str | os.PathLike[str],
    *,
    must_exist: bool = True,
    kind: str | None = None,
    what: str = "path",
) -> Path:
    """Resolve `path` (relative to the first root) and refuse it unless it lies inside an allowed root.

    kind: "file" or "dir" checks the type when the path exists. Symlinks are followed before the check, so a
    link pointing out of the roots is refused; a `..` component is refused outright.
    """
    text = os.fspath(path)
    if not text.strip():
        raise PaperToCodeError(f"{what} is empty: pass a file path")
    if "\x00" in text:
        raise PaperToCodeError(f"{what} contains a NUL byte: pass a plain file path")
    raw = Path(text).expanduser()
    if ".." in raw.parts:
        raise PathNotAllowed(f"{what} {text!r} contains '..': pass a path inside the allowed roots instead")
    roots = get_roots()
    full = (raw if raw.is_absolute() else roots[0] / raw).resolve()
    if not any(_inside(full, r) for r in roots):
        names = ", ".join(str(r) for r in roots)
        raise PathNotAllowed(
            f"{what} {text!r} is outside the allowed roots ({names}); move the file there or restart the "
            "server with --root naming its folder"
        )
    if must_exist and not full.exists():
        raise PaperToCodeError(f"{what} {text!r} does not exist: check the spelling, or create it first")
    if full.exists() and kind == "file" and not full.is_file():
        raise PaperToCodeError(f"{what} {text!r} is a folder, not a file: pass the file inside it")
    if full.exists() and kind == "dir" and not full.is_dir():
        raise PaperToCodeError(f"{what} {text!r} is a file, not a folder: pass its parent folder")
    return full


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write through a temporary file in the same folder, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8"})) as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
