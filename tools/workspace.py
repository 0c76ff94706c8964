"""The folders tools may touch, fixed when the server or CLI starts, and path checks against them; atomic
writes; a converted paper's folder and its record (paper.json), read and written only here."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import secrets
import shutil
import stat
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath
from typing import Any, NoReturn

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tools.errors import BadArgument, Conflict, NotFound, OutsideRoots, PaperToCodeError, Refused, TooLarge

_roots: list[Path] = []
WORKSPACE_NAME = ".paper-to-code"


def set_roots(roots: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Fix the allowed roots (resolved, existing folders); the first is where relative paths start."""
    resolved = []
    for r in roots:
        p = Path(r).expanduser().resolve()
        if not p.is_dir():
            raise NotFound(f"root {r!s} is not an existing folder: create it or pass another --root")
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


def output_dir(out_dir: str | None, paper_id: str) -> Path:
    """Where a conversion writes: `out_dir` (checked against the roots) or the paper's workspace folder."""
    if out_dir is None:
        return paper_dir(paper_id)
    return resolve(out_dir, must_exist=False, kind="dir", what="out_dir")


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
        raise BadArgument(f"{what} is empty: pass a file path")
    if "\x00" in text:
        raise BadArgument(f"{what} contains a NUL byte: pass a plain file path")
    raw = Path(text).expanduser()
    if ".." in raw.parts:
        raise OutsideRoots(f"{what} {text!r} contains '..': pass a path inside the allowed roots instead")
    roots = get_roots()
    if any(len(os.fsencode(part)) > _NAME_MAX for part in raw.parts):
        raise BadArgument(
            f"{what} {text[:80]!r}... has a name longer than {_NAME_MAX} bytes: use a shorter one"
        )
    full = (raw if raw.is_absolute() else roots[0] / raw).resolve()
    if not any(_inside(full, r) for r in roots):
        names = ", ".join(str(r) for r in roots)
        raise OutsideRoots(
            f"{what} {text!r} is outside the allowed roots ({names}); move the file there or restart the "
            "server with --root naming its folder"
        )
    if must_exist and not full.exists():
        raise NotFound(f"{what} {text!r} does not exist: check the spelling, or create it first")
    if full.exists() and kind == "file" and not full.is_file():
        raise BadArgument(f"{what} {text!r} is a folder, not a file: pass the file inside it")
    if full.exists() and kind == "dir" and not full.is_dir():
        raise BadArgument(f"{what} {text!r} is a file, not a folder: pass its parent folder")
    return full


def existing(path: str | os.PathLike[str], what: str = "path") -> Path | None:
    """The existing path inside the roots that `path` names, or None (no error)."""
    try:
        return resolve(path, must_exist=True, what=what)
    except PaperToCodeError:
        return None


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write through a temporary file in the same folder, then rename: readers never see half a file. Every
    folder on the way is opened from its root without following links (see open_folder)."""
    with open_folder(path.parent) as fd:
        write_at(fd, path.name, data, shown=path)


def make_dirs(path: Path) -> None:
    """Create `path` and its missing parents inside a root, refusing links on the way."""
    with open_folder(path):
        pass


def _root_for(path: Path) -> tuple[Path, PurePath]:
    """The innermost root holding `path` and the path below it (lexically, else after resolving links)."""
    roots = sorted(get_roots(), key=lambda r: len(r.parts), reverse=True)
    for cand in (Path(os.path.abspath(path)), Path(os.path.realpath(path))):
        for r in roots:
            if _inside(cand, r):
                return r, cand.relative_to(r)
    raise OutsideRoots(f"{path} is outside the allowed roots: nothing was written there")


def _open_sub(fd: int, name: str, shown: Path) -> int:
    """The folder `name` inside the open folder `fd`; a link, a file or an over-long name is refused."""
    if len(os.fsencode(name)) > _NAME_MAX:
        raise BadArgument(f"a name in {shown} is longer than {_NAME_MAX} bytes: use a shorter name")
    try:
        return os.open(name, _DIR_FLAGS, dir_fd=fd)
    except OSError as e:
        if e.errno not in (errno.ELOOP, errno.ENOTDIR):
            raise
    if stat.S_ISLNK(os.stat(name, dir_fd=fd, follow_symlinks=False).st_mode):
        raise Refused(
            f"{name!r} in {shown} is a symbolic link to a folder: refused (links may lead out of the "
            "roots); replace it with a real folder"
        )
    raise Conflict(f"{name!r} in {shown} is a file where a folder is needed: move it away")


def descend(fd: int, parts: Iterable[str], shown: Path, *, create: bool = True) -> int:
    """A new descriptor for the folder `parts` below the open folder `fd`, creating missing ones."""
    cur = os.dup(fd)
    try:
        for name in parts:
            try:
                nxt = _open_sub(cur, name, shown)
            except FileNotFoundError:
                if not create:
                    raise NotFound(f"{shown} does not exist") from None
                with contextlib.suppress(FileExistsError):
                    os.mkdir(name, 0o777, dir_fd=cur)
                nxt = _open_sub(cur, name, shown)
            os.close(cur)
            cur = nxt
    except BaseException:
        os.close(cur)
        raise
    return cur


@contextlib.contextmanager
def open_folder(folder: Path, *, create: bool = True) -> Iterator[int]:
    """A descriptor of `folder`, reached from its root one folder at a time without following links, so
    what is written through it lands inside the root whatever is swapped in meanwhile; missing ones made."""
    root, rel = _root_for(folder)
    top = os.open(root, _DIR_FLAGS & ~os.O_NOFOLLOW)
    try:
        fd = descend(top, rel.parts, folder, create=create)
    except OSError as e:
        _raise_typed(e, folder)
    finally:
        os.close(top)
    try:
        yield fd
    finally:
        os.close(fd)


def write_at(fd: int, name: str, data: str | bytes, *, shown: Path | None = None) -> None:
    """Write `name` inside the open folder `fd` atomically: a new temporary file (never through a link),
    then a rename over the old one. The mode follows the umask, as for any file the user creates."""
    shown = shown or Path(name)
    if len(os.fsencode(name)) > _NAME_MAX:
        raise BadArgument(
            f"the file name {name[:60]!r}... is longer than {_NAME_MAX} bytes: use a shorter one"
        )
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp = f".{name[:60]}.{secrets.token_hex(6)}.tmp"
    try:
        tfd = os.open(tmp, _NEW_FILE, 0o666, dir_fd=fd)
        try:
            with os.fdopen(tfd, "wb") as f:
                f.write(raw)
            os.replace(tmp, name, src_dir_fd=fd, dst_dir_fd=fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp, dir_fd=fd)
            raise
    except IsADirectoryError as e:
        raise Conflict(f"{shown} is a folder: a file of that name cannot be written; move it away") from e
    except OSError as e:
        _raise_typed(e, shown)


def write_tree(fd: int, files: dict[str, str | bytes], shown: Path) -> None:
    """Write each relative path of `files` below the open folder `fd`, folders created, links refused."""
    for rel, data in files.items():
        parts = PurePath(rel).parts
        try:
            sub = descend(fd, parts[:-1], shown / rel)
        except OSError as e:
            _raise_typed(e, shown / rel)
        try:
            write_at(sub, parts[-1], data, shown=shown / rel)
        finally:
            os.close(sub)


def _raise_typed(e: OSError, shown: Path) -> NoReturn:
    """Re-raise an OS error from writing `shown` as the PaperToCodeError it amounts to, when there is one."""
    if e.errno == errno.ENAMETOOLONG:
        raise BadArgument(
            f"the path {str(shown)[:80]}... is too long for the file system: use a shorter one"
        ) from e
    if e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM):
        raise Refused(
            f"cannot write {shown}: {e.strerror}; free space or fix the folder's permissions"
        ) from e
    raise e


@contextlib.contextmanager
def staged_folder(dest: Path) -> Iterator[int]:
    """A fresh folder beside `dest` to fill; on success it replaces `dest` in one rename, on failure it is
    removed, so `dest` is never half-written. A `dest` that is a link or a file is refused."""
    with open_folder(dest.parent) as parent:
        tmp = f".{dest.name[:60]}.{secrets.token_hex(6)}.part"
        os.mkdir(tmp, 0o777, dir_fd=parent)
        try:
            fd = os.open(tmp, _DIR_FLAGS, dir_fd=parent)
            try:
                yield fd
            finally:
                os.close(fd)
            _swap_in(parent, tmp, dest)
        except BaseException:
            shutil.rmtree(tmp, dir_fd=parent, ignore_errors=True)
            raise


def _swap_in(parent: int, tmp: str, dest: Path) -> None:
    try:
        st = os.stat(dest.name, dir_fd=parent, follow_symlinks=False)
    except FileNotFoundError:
        os.rename(tmp, dest.name, src_dir_fd=parent, dst_dir_fd=parent)
        return
    if not stat.S_ISDIR(st.st_mode):
        kind = "a symbolic link" if stat.S_ISLNK(st.st_mode) else "a file"
        raise Refused(f"{dest} is {kind}, not a folder: refused; remove it or choose another out_dir")
    old = f".{dest.name[:60]}.{secrets.token_hex(6)}.old"
    os.rename(dest.name, old, src_dir_fd=parent, dst_dir_fd=parent)
    os.rename(tmp, dest.name, src_dir_fd=parent, dst_dir_fd=parent)
    shutil.rmtree(old, dir_fd=parent, ignore_errors=True)


def read_inside(path: Path, limit: int | None = None, what: str = "file") -> bytes:
    """The bytes of `path`, refused unless the file opened (links resolved) lies inside a root; checked on
    the open descriptor, so a link swapped in after the check is caught too. Over `limit` bytes: TooLarge."""
    full = Path(os.path.realpath(path))
    roots = get_roots()
    try:
        fd = os.open(full, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as e:
        raise NotFound(f"{what} {path} cannot be read ({e.strerror})") from e
    with os.fdopen(fd, "rb") as f:
        opened = Path(os.readlink(f"/proc/self/fd/{fd}")) if os.path.exists("/proc/self/fd") else full
        if not any(_inside(opened, r) for r in roots) or not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OutsideRoots(f"{what} {path} leads outside the allowed roots (a link?): not read")
        if limit is not None and os.fstat(fd).st_size > limit:
            raise TooLarge(f"{what} {path.name} is larger than {_size_text(limit)}: not read")
        return f.read()


def _size_text(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n} bytes"


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold `folder`'s lock (threads of this process and other processes alike); re-entrant in one thread."""
    key = str(folder)
    with _LOCKS_GUARD:
        lock = _LOCKS.setdefault(key, threading.RLock())
    with lock:
        depth = _LOCK_DEPTH.get(key, 0)
        _LOCK_DEPTH[key] = depth + 1
        try:
            if depth:
                yield
                return
            with open_folder(folder) as fd:
                lfd = os.open(
                    LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666, dir_fd=fd
                )
            try:
                fcntl.flock(lfd, fcntl.LOCK_EX)
                yield
            finally:
                os.close(lfd)
        finally:
            _LOCK_DEPTH[key] -= 1


LOCK_NAME = ".paper-to-code.lock"
_NAME_MAX = 255
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_LOCKS: dict[str, Any] = {}
_LOCKS_GUARD = threading.Lock()
_LOCK_DEPTH: dict[str, int] = {}


# ------------------------------------------------------------------------------------------ paper.json

RECORD_NAME = "paper.json"
MARKDOWN_NAME = "paper.md"
_HEADING = re.compile(r"^#\s+(.+)$", re.M)


class PaperRecord(BaseModel):
    """paper.json, the sidecar of a converted paper's paper.md. Any field may be missing on read (hand-written
    or older files); unknown fields are kept. Written in field order, with the fields that were set."""

    model_config = ConfigDict(extra="allow")

    paper_id: str | None = None
    source: str | None = None
    route: str | None = Field(None, description='"pdf" or "latex"')
    pages: int | None = Field(None, description="PDF pages; None on the LaTeX route")
    title: str | None = None
    headings: list[dict[str, Any]] = Field(default_factory=list, description="level, text, line, page")
    characters: int = 0
    sha256: str | None = Field(None, description="of the converted input: the cache key with converter")
    converter: dict[str, Any] = Field(default_factory=dict, description="name and version")
    main_file: str | None = None  # LaTeX route: main_file .. seconds
    main_reason: str | None = None
    files: list[str] | None = None
    numbered_equations: int | None = None
    algorithms: int | None = None
    theorems: int | None = None
    macros_expanded: int | None = None
    labels: dict[str, Any] | None = None
    label_pages: dict[str, int] | None = Field(
        None, description='LaTeX route: "(12)", "Algorithm 3", "theorem 2.1" -> its page in pdf_path'
    )
    seconds: float | None = None
    warnings: list[str] = Field(default_factory=list)
    created: str | None = None
    archive: str | None = Field(None, description="the e-print archive the source was unpacked from")
    arxiv_id: str | None = None
    pdf_path: str | None = Field(None, description="the paper's PDF, kept or found beside the source")
    url: str | None = None  # url, link, bibtex: read when a user adds them
    link: str | None = None
    bibtex: str | None = None
    markdown_path: str | None = None
    sidecar_path: str | None = None
    cached: bool = Field(False, exclude=True, description="reused from an earlier conversion (never written)")

    @classmethod
    def read(cls, path: Path) -> PaperRecord | None:
        """The record in `path`, or None when it is missing or not a JSON object; fields of a wrong type are
        dropped, the rest kept."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        while True:
            try:
                return cls.model_validate(data)
            except ValidationError as e:
                bad = {err["loc"][0] for err in e.errors() if err["loc"]}
                if not bad & data.keys():
                    return None
                data = {k: v for k, v in data.items() if k not in bad}

    def to_json(self) -> str:
        return json.dumps(self.model_dump(exclude_unset=True), indent=1, ensure_ascii=False)


def read_record(folder: Path) -> PaperRecord | None:
    """The paper.json of a paper folder, its paths pointing into `folder`; None unless paper.md is there."""
    side, md = folder / RECORD_NAME, folder / MARKDOWN_NAME
    rec = PaperRecord.read(side)
    if rec is None or not md.is_file():
        return None
    return rec.model_copy(update={"markdown_path": str(md), "sidecar_path": str(side)})


def read_cached(folder: Path, sha256: str, converter_version: str) -> PaperRecord | None:
    """The record of an earlier conversion of the same input by the same converter version, if any."""
    rec = read_record(folder)
    if rec is None or rec.sha256 != sha256 or rec.converter.get("version") != converter_version:
        return None
    return rec.model_copy(update={"cached": True})


def write_paper(folder: Path, markdown: str, record: PaperRecord) -> PaperRecord:
    """Write paper.md and paper.json into `folder`; return the record with their paths."""
    md_path, side_path = folder / MARKDOWN_NAME, folder / RECORD_NAME
    record = record.model_copy(update={"markdown_path": str(md_path), "sidecar_path": str(side_path)})
    sidecar = record.to_json()
    with folder_lock(folder):
        atomic_write(md_path, markdown)
        atomic_write(side_path, sidecar)
        on_disk = (read_inside(md_path), read_inside(side_path))
        if on_disk != (markdown.encode("utf-8"), sidecar.encode("utf-8")):
            raise Conflict(
                f"another conversion wrote into {folder} at the same time: its paper.md is not this paper's; "
                "convert again, or give each paper its own out_dir"
            )
    return record


def sidecar_of(markdown_path: Path) -> PaperRecord:
    """The record beside a paper.md (an empty one when there is none)."""
    return PaperRecord.read(markdown_path.with_name(RECORD_NAME)) or PaperRecord()


def first_heading(markdown: str) -> str | None:
    """The text of the Markdown's first level-1 heading, as written (the title when the record has none)."""
    m = _HEADING.search(markdown)
    return m.group(1) if m else None
