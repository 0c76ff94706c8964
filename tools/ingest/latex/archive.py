"""Safe extraction of arXiv e-prints (.tar, .tar.gz, or a single gzipped .tex) into one folder.

Refused: members with absolute paths or `..`, links, device files and FIFOs, more than MAX_MEMBERS
members, more than MAX_TOTAL bytes once decompressed (decompression bombs), names deeper than MAX_DEPTH
folders or longer than the file system allows. Only file contents are written (no modes, owners or times),
into a fresh folder reached without following links, which replaces the destination only once complete: a
damaged archive leaves nothing behind.
"""

from __future__ import annotations

import io
import os
import tarfile
import zlib
from pathlib import Path, PurePosixPath

from tools.errors import Conflict, NotAPaper, Refused, TooLarge
from tools.ingest.sniff import is_pdf
from tools.workspace import descend, staged_folder, write_at

MAX_TOTAL = 256 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_COMPRESSED = 128 * 1024 * 1024
MAX_DEPTH = 64
MAX_NAME_BYTES = 255


def _size(n: int) -> str:
    return f"{n // 2**20} MB" if n >= 2**20 else f"{n} bytes"


def is_archive(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith((".tar", ".tar.gz", ".tgz", ".gz")):
        return True
    try:
        with path.open("rb") as f:
            head = f.read(512)
    except OSError:
        return False
    return head[:2] == b"\x1f\x8b" or head[257:262] == b"ustar"


def gunzip(data: bytes, limit: int | None = None) -> bytes:
    """Decompress gzip data, refusing output over limit (a bomb) and damaged streams."""
    limit = MAX_TOTAL if limit is None else limit
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as e:
        raise NotAPaper(f"the archive is damaged ({e}): download it again") from e
    if len(out) > limit or d.unconsumed_tail:
        raise TooLarge(
            f"the archive unpacks to more than {_size(limit)} (a decompression bomb?): "
            "refused; pass the paper's own source files"
        )
    if not d.eof:
        raise NotAPaper("the archive is truncated (its gzip stream ends early): download it again")
    return out


def extract(data: bytes, dest: Path, name: str = "archive") -> list[str]:
    """Unpack an e-print (bytes) into dest; returns the written paths relative to dest."""
    if len(data) > MAX_COMPRESSED:
        raise TooLarge(f"{name} is larger than {_size(MAX_COMPRESSED)}: refused")
    if data[:2] == b"\x1f\x8b":
        data = gunzip(data)
    if data[257:262] == b"ustar" or _is_tar(data):
        return _extract_tar(data, dest, name)
    if is_pdf(data, at_start=True):
        raise NotAPaper(f"{name} is a PDF, not a LaTeX source: convert it as a PDF")
    text = data[:4096]
    if b"\x00" in text or b"\\" not in data[:200_000]:
        raise NotAPaper(
            f"{name} is neither a tar archive nor a LaTeX file: pass the paper's e-print "
            "(.tar.gz), its .tex main file, or its PDF"
        )
    with staged_folder(dest) as fd:
        write_at(fd, "main.tex", data, shown=dest / "main.tex")
    return ["main.tex"]


def _is_tar(data: bytes) -> bool:
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:"):
            return True
    except (tarfile.TarError, EOFError, ValueError):
        return False


def _check(member: tarfile.TarInfo, name: str) -> PurePosixPath | None:
    p = PurePosixPath(member.name)
    where = f"{name}: member {member.name!r}"
    if (
        member.name.startswith(("/", "\\"))
        or p.is_absolute()
        or (len(member.name) > 1 and member.name[1] == ":")
    ):
        raise Refused(f"{where} has an absolute path: archive refused")
    if ".." in p.parts or "\\" in member.name:
        raise Refused(f"{where} leaves the folder ('..'): archive refused")
    if member.issym() or member.islnk():
        raise Refused(f"{where} is a link: archive refused (e-prints hold plain files)")
    if member.isdev() or member.isfifo() or member.ischr() or member.isblk():
        raise Refused(f"{where} is a device file or FIFO: archive refused")
    if member.isdir():
        return None
    if not member.isfile():
        raise Refused(f"{where} is not a plain file: archive refused")
    parts = [x for x in p.parts if x not in ("", ".")]
    if len(parts) > MAX_DEPTH:
        raise Refused(f"{where[:200]} is {len(parts)} folders deep (over {MAX_DEPTH}): archive refused")
    if any(len(x.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES for x in parts):
        raise Refused(f"{where[:200]} has a name longer than {MAX_NAME_BYTES} bytes: archive refused")
    return PurePosixPath(*parts) if parts else None


def _extract_tar(data: bytes, dest: Path, name: str) -> list[str]:
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tf:
            return _unpack(tf, dest, name)
    except (tarfile.TarError, EOFError, zlib.error) as e:
        raise NotAPaper(f"{name} is a damaged or truncated tar archive ({e}): download it again") from e


def _plan(tf: tarfile.TarFile, name: str) -> list[tuple[tarfile.TarInfo, PurePosixPath]]:
    plan, total = [], 0
    for k, member in enumerate(tf):
        if k >= MAX_MEMBERS:
            raise TooLarge(f"{name} has more than {MAX_MEMBERS} members: archive refused")
        rel = _check(member, name)
        if rel is None:
            continue
        total += member.size
        if total > MAX_TOTAL:
            raise TooLarge(f"{name} unpacks to more than {_size(MAX_TOTAL)}: archive refused")
        plan.append((member, rel))
    if not plan:
        raise NotAPaper(f"{name} holds no files: pass the paper's e-print or PDF")
    return plan


def _unpack(tf: tarfile.TarFile, dest: Path, name: str) -> list[str]:
    plan = _plan(tf, name)
    written = []
    with staged_folder(dest) as top:
        for member, rel in plan:
            f = tf.extractfile(member)
            if f is None:
                continue
            content = f.read(member.size + 1)[: member.size]
            try:
                fd = descend(top, rel.parts[:-1], dest / rel)
                try:
                    write_at(fd, rel.name, content, shown=dest / rel)
                finally:
                    os.close(fd)
            except (Conflict, Refused) as e:
                raise Refused(f"{name}: member {member.name!r} collides with another ({e}): refused") from e
            except OSError as e:
                raise Refused(
                    f"{name}: member {member.name!r} cannot be written ({e.strerror}): refused"
                ) from e
            written.append(str(rel))
    return written
