"""One paper's LaTeX source converted in memory: load, expand macros, number, render."""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from tools.ingest.latex.algorithms import step_command
from tools.ingest.latex.classes import class_facts
from tools.ingest.latex.convert import Renderer
from tools.ingest.latex.floats import algorithm_floats, as_algorithms
from tools.ingest.latex.listings import as_listings, code_environments
from tools.ingest.latex.macro_args import apply
from tools.ingest.latex.macros import PROTECTED, MacroTable
from tools.ingest.latex.names import DROP, WRAP
from tools.ingest.latex.numbering import Numbering, number, unconditional_formats
from tools.ingest.latex.scan import Unbalanced, read_group, squash
from tools.ingest.latex.source import load
from tools.ingest.latex.text import clean_math

_TITLE = re.compile(r"\\(?:title|icmltitle)\s*(?:\[[^\]]*\])?\s*\{")


@dataclass
class Converted:
    markdown: str
    main: Path
    reason: str
    title: str | None
    headings: list[tuple[int, str, int]]  # (level, text, line)
    numbering: Numbering
    macros: MacroTable
    files: list[Path]
    seconds: float
    sha256: str = ""
    warnings: list[str] = field(default_factory=list)


def convert_source(source: Path) -> Converted:
    """A main .tex file or a project folder -> Markdown (raises PaperToCodeError on unusable input)."""
    t0 = time.perf_counter()
    doc = load(source)
    macros = MacroTable()
    macros.collect(doc.packages, package=True)
    preamble = macros.collect(doc.preamble)
    code = code_environments(doc.packages + "\n" + doc.preamble)
    algos = algorithm_floats(doc.packages + "\n" + doc.preamble)
    body = macros.expand(macros.collect(as_algorithms(as_listings(doc.body, code), algos)))
    cls = class_facts(doc.preamble, doc.main.parent)
    if cls.file is not None:
        doc.files.append(cls.file)
    # a local class and local .sty files may declare theorems
    declared = cls.declarations + "\n" + unconditional_formats(doc.packages) + "\n" + preamble
    numbering = number(declared, body, macros.expand, cls.base)
    r = Renderer(body, numbering, macros)
    title = _title(preamble + body, r)
    if title:
        r.out.append(f"# {title}")
    r.walk(0, len(body))
    r.flush()
    markdown = "\n\n".join(r.out).rstrip() + "\n"
    headings = _heading_lines(markdown)
    warnings = [*doc.warnings, *macros.warnings, *numbering.warnings, *r.warnings]
    known = PROTECTED | DROP.keys() | WRAP.keys()
    used = [
        n
        for n in macros.skipped
        if n not in known
        and not step_command(n)
        and "@" not in n
        and re.search(rf"\\{re.escape(n)}(?![a-zA-Z])", body)  # `\(` may be redefined too
    ]
    if used:
        names = ", ".join(sorted({f"\\{n}" for n in used})[:15])
        if names:
            warnings.append(f"macros not expanded (they need a TeX engine): {names}")
    sha = hashlib.sha256((doc.preamble + "\\begin{document}" + doc.body).encode("utf-8")).hexdigest()
    return Converted(
        markdown,
        doc.main,
        doc.reason,
        title,
        headings,
        numbering,
        macros,
        doc.files,
        time.perf_counter() - t0,
        sha,
        _capped(warnings),
    )


MAX_WARNINGS = 20


def _capped(warnings: list[str]) -> list[str]:
    """The first MAX_WARNINGS warnings and a count of the rest (a damaged source can cause thousands)."""
    if len(warnings) <= MAX_WARNINGS:
        return warnings
    return [*warnings[:MAX_WARNINGS], f"... and {len(warnings) - MAX_WARNINGS} more warnings like these"]


def _title(text: str, r: Renderer) -> str | None:
    m = _TITLE.search(text)
    if not m:
        return None
    try:
        raw, _ = read_group(text, m.end() - 1)
    except Unbalanced:
        return None
    return r.inline_text(r.macros.expand(raw.replace("\\\\", " "))) or None


def _heading_lines(markdown: str) -> list[tuple[int, str, int]]:
    out = []
    for k, line in enumerate(markdown.split("\n"), 1):
        m = re.match(r"(#{1,6}) (.+)", line)
        if m:
            out.append((len(m.group(1)), m.group(2), k))
    return out


def written_math(tex: str, macros: MacroTable) -> str:
    """The body the converter writes for a piece of source math: macros expanded, then clean_math."""
    return clean_math(macros.expand(tex))


def body_matches(body: str, source_tex: str, macros: MacroTable, truncated_at: int | None = None) -> bool:
    """Does a written body equal the source LaTeX (whitespace collapsed)? When the reference was cut at
    `truncated_at` characters (the corpus ground truth keeps 160), a prefix match counts; a control word the
    cut split is left out."""
    if truncated_at is not None and len(source_tex) >= truncated_at:
        cut = re.sub(r"\\(?:label|tag\*?)\s*\{[^{}]*$", "", source_tex)
        cut = re.sub(r"\\[a-zA-Z@]*$", "", cut)  # a control word cut short (`\right` -> `\ri`) is another
        return squash(body).startswith(written_math(_before_open_call(cut, macros), macros)[:-12])
    return squash(body) == written_math(source_tex, macros)


def _before_open_call(cut: str, macros: MacroTable) -> str:
    """A reference cut inside a user macro's arguments (`\\normal{x}{\\mu, \\sig`) cannot be expanded: keep
    what comes before the first call whose arguments the cut lost."""
    for m in re.finditer(r"\\([a-zA-Z]+)", cut):
        mac = macros.macros.get(m.group(1))
        try:
            if mac is not None:
                apply(mac, cut, m.end())
        except (Unbalanced, IndexError):
            return cut[: m.start()]
    return cut
