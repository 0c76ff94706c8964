"""export_requirements: pinned requirements files from a project's uv.lock, through `uv export`."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from tools.errors import BadArgument, ExternalFailure, NotFound
from tools.models import ToolResult
from tools.project import uvcli
from tools.workspace import atomic_write, resolve

Format = Literal["requirements-txt", "pylock.toml"]
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


class ExportResult(ToolResult):
    project: str = Field(description="the project folder")
    format: Format
    files: list[str] = Field(description="files written (absolute paths)")
    packages: list[str] = Field(description="the runtime packages pinned, name==version")
    dev_packages: list[str] = Field(default_factory=list, description="include_dev: the dev file's pins")
    warnings: list[str] = Field(default_factory=list)

    def summary_text(self) -> str:
        lines = [f"wrote {', '.join(self.files)}", f"{len(self.packages)} packages pinned:"]
        lines += [f"  {p}" for p in self.packages]
        if self.dev_packages:
            lines.append(f"dev file: {len(self.dev_packages)} packages")
        lines += [f"warning: {w}" for w in self.warnings]
        return "\n".join(lines)


def pins(text: str, fmt: Format) -> list[str]:
    """name==version for every package in an exported requirements.txt or pylock.toml."""
    if fmt == "pylock.toml":
        data = tomllib.loads(text)
        found = {f"{p['name']}=={p['version']}" for p in data.get("packages", []) if p.get("version")}
    else:
        matches = (_PIN.match(line.strip()) for line in text.splitlines())
        found = {f"{m.group(1)}=={m.group(2)}" for m in matches if m}
    return sorted(found, key=str.lower)


def _check_inputs(project: Path, extras: list[str]) -> dict:
    pyproject = project / "pyproject.toml"
    if not pyproject.is_file():
        raise NotFound(
            f"no pyproject.toml in {project}: pass a uv project folder (init_uv_project creates one)"
        )
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise BadArgument(f"{pyproject} is not valid TOML ({e}): fix the file, then export again") from e
    if not (project / "uv.lock").is_file():
        raise NotFound(f"no uv.lock in {project}: run `uv lock` in {project}, then export again")
    known = set((data.get("project") or {}).get("optional-dependencies") or {})
    unknown = sorted(set(extras) - known)
    if unknown:
        names = ", ".join(sorted(known)) or "none"
        raise BadArgument(f"unknown extras {unknown} (the project defines: {names}): pass extras it has")
    return data


def _export(project: Path, fmt: Format, extras: list[str], dev: bool, check: bool) -> str:
    args = ["export", "--locked" if check else "--frozen", "--format", fmt, "--no-hashes"]
    args.append("--no-emit-project")
    if fmt == "requirements-txt":
        args.append("--no-annotate")
    if not dev:
        args.append("--no-dev")
    for extra in extras:
        args += ["--extra", extra]
    run = uvcli.run_uv(args, project, timeout=180, keep_stdout=True)
    if run.ok:
        return run.stdout
    tail = run.error_tail(6)
    if "needs to be updated" in tail or "out of date" in tail.lower():
        raise BadArgument(
            f"uv.lock in {project} is out of date with pyproject.toml: run `uv lock` in {project}, "
            "then export again"
        )
    raise ExternalFailure(f"`{run.command()}` failed (exit {run.returncode}) in {project}:\n{tail}")


def export_files(
    project: Path,
    include_dev: bool = False,
    extras: list[str] | None = None,
    fmt: Format = "requirements-txt",
) -> ExportResult:
    """Export for an already-resolved project folder (init_uv_project calls this after `uv lock`)."""
    extras = list(extras or [])
    data = _check_inputs(project, extras)
    main_name = "pylock.toml" if fmt == "pylock.toml" else "requirements.txt"
    dev_name = "pylock.dev.toml" if fmt == "pylock.toml" else "requirements-dev.txt"
    text = _export(project, fmt, extras, dev=False, check=True)  # --locked: refuses a stale lock
    outputs = {project / main_name: text}
    dev_text = _export(project, fmt, extras, dev=True, check=False) if include_dev else None
    if dev_text is not None:
        outputs[project / dev_name] = dev_text
    for path, content in outputs.items():
        atomic_write(path, content)
    warnings = []
    if (data.get("tool") or {}).get("uv", {}).get("index"):
        warnings.append(
            "pyproject.toml pins packages to its own [[tool.uv.index]] (e.g. a local torch wheel folder): "
            "pip needs that index too (`pip install -r requirements.txt --find-links <folder>`)"
        )
    return ExportResult(
        project=str(project),
        format=fmt,
        files=[str(p) for p in outputs],
        packages=pins(text, fmt),
        dev_packages=pins(dev_text, fmt) if dev_text is not None else [],
        warnings=warnings,
    )


def export_requirements(
    project_path: Annotated[
        str, Field(description="the uv project folder (holding pyproject.toml and uv.lock)")
    ],
    include_dev: Annotated[
        bool, Field(description="also write requirements-dev.txt (runtime + dev group pins)")
    ] = False,
    extras: Annotated[list[str] | None, Field(description="optional-dependency extras to include")] = None,
    format: Annotated[
        Format, Field(description="'requirements-txt' (requirements.txt) or 'pylock.toml' (PEP 751)")
    ] = "requirements-txt",
) -> ExportResult:
    """Export the project's uv.lock to requirements.txt (pinned, no hashes, no editable self line,
    environment markers kept) or pylock.toml, written atomically; refuses a missing or out-of-date uv.lock
    with the command that fixes it. Returns the files and the packages pinned."""
    project = resolve(project_path, kind="dir", what="project folder")
    return export_files(project, include_dev, extras, format)
