"""Theorem-like environments a document class shipped with the paper declares (jmlr.cls, acmart.cls:
`\\newtheorem{lemma}[theorem]{Lemma}`), so their names, shared counters and numbering within sections hold.

Only the class's top-level theorem declarations are read: the rest of a class (page layout, font set-up,
internal macros) is no part of the text.
"""

from __future__ import annotations

import re
from pathlib import Path

from tools.errors import PaperToCodeError
from tools.ingest.latex.source import clean, read_text

_CLASS = re.compile(r"\\documentclass\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}")
_DECLARATION = re.compile(r"\s*\\(?:newtheorem|theoremstyle|declaretheorem|newaliascnt)(?![a-zA-Z@])")
_BRACE = re.compile(r"\\.|[{}]")


def local_class(preamble: str, root: Path) -> Path | None:
    """The .cls file of the paper's \\documentclass when the project folder holds it."""
    m = _CLASS.search(preamble)
    if not m:
        return None
    path = (root / f"{m.group(1).strip()}.cls").resolve()
    return path if path.is_relative_to(root.resolve()) and path.is_file() else None


def theorem_declarations(preamble: str, root: Path) -> tuple[str, Path | None]:
    """The lines of the local class that declare theorem-like environments outside any definition, and
    the class file ('' and None when there is none or it cannot be read)."""
    path = local_class(preamble, root)
    if path is None:
        return "", None
    try:
        text = clean(read_text(path))
    except PaperToCodeError:
        return "", None
    lines, depth = [], 0
    for line in text.split("\n"):
        if depth == 0 and _DECLARATION.match(line):
            lines.append(line)
        for m in _BRACE.finditer(line):
            depth += {"{": 1, "}": -1}.get(m.group(), 0)
        depth = max(depth, 0)
    return "\n".join(lines), path
