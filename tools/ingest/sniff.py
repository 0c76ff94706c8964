"""What a file's first bytes say it is."""

from __future__ import annotations

from pathlib import Path

PDF_MAGIC = b"%PDF-"
PDF_HEAD = 1024  # readers accept the header anywhere in the first 1024 bytes


def is_pdf(data: bytes, *, at_start: bool = False) -> bool:
    """True when `data` has a PDF header: anywhere in its first 1024 bytes, or at byte 0 with `at_start` (for
    downloads and archive contents, where a PDF stored inside a tar must not count)."""
    return data.startswith(PDF_MAGIC) if at_start else PDF_MAGIC in data[:PDF_HEAD]


def head(path: Path, size: int = PDF_HEAD) -> bytes | None:
    """The file's first `size` bytes; None when it cannot be read."""
    try:
        with path.open("rb") as f:
            return f.read(size)
    except OSError:
        return None


def file_is_pdf(path: Path) -> bool:
    data = head(path)
    return data is not None and is_pdf(data)
