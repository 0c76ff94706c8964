"""The folders tools may touch, fixed when the server or CLI starts, and path checks against them; atomic
writes; a converted paper's folder and its record (paper.json), read and written only here."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tools.errors import BadArgument, NotFound, OutsideRoots, PaperToCodeError

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
    seconds: float | None = None
    warnings: list[str] = Field(default_factory=list)
    created: str | None = None
    archive: str | None = Field(None, description="the e-print archive the source was unpacked from")
    arxiv_id: str | None = None
    pdf_path: str | None = Field(None, description="arXiv's PDF, kept beside the source")
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
    atomic_write(md_path, markdown)
    atomic_write(side_path, record.to_json())
    return record


def sidecar_of(markdown_path: Path) -> PaperRecord:
    """The record beside a paper.md (an empty one when there is none)."""
    return PaperRecord.read(markdown_path.with_name(RECORD_NAME)) or PaperRecord()


def first_heading(markdown: str) -> str | None:
    """The text of the Markdown's first level-1 heading, as written (the title when the record has none)."""
    m = _HEADING.search(markdown)
    return m.group(1) if m else None
