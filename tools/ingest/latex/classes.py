"""Theorem-like environments a document class declares (jmlr.cls, acmart.cls:
`\\newtheorem{lemma}[theorem]{Lemma}`), so their names, shared counters and numbering within sections hold.

A class shipped with the paper is read: only its top-level theorem declarations, the rest of a class (page
layout, font set-up, internal macros) is no part of the text. Venue classes and packages that declare
theorems and that e-prints often leave out (they are in TeX Live) are known by name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from tools.errors import PaperToCodeError
from tools.ingest.latex.macros import MacroTable
from tools.ingest.latex.source import clean, read_text

_JMLR = r"""\newtheorem{example}{Example}
\newtheorem{theorem}{Theorem}
\newtheorem{lemma}[theorem]{Lemma}
\newtheorem{proposition}[theorem]{Proposition}
\newtheorem{remark}[theorem]{Remark}
\newtheorem{corollary}[theorem]{Corollary}
\newtheorem{definition}[theorem]{Definition}
\newtheorem{conjecture}[theorem]{Conjecture}
\newtheorem{axiom}[theorem]{Axiom}"""
# the declarations of classes (.cls) and packages (.sty) as published, by file name
KNOWN = {
    "acmart.cls": r"""\newtheorem{theorem}{Theorem}[section]
\newtheorem{conjecture}[theorem]{Conjecture}
\newtheorem{proposition}[theorem]{Proposition}
\newtheorem{lemma}[theorem]{Lemma}
\newtheorem{corollary}[theorem]{Corollary}
\newtheorem{example}[theorem]{Example}
\newtheorem{definition}[theorem]{Definition}""",
    "jmlr.cls": _JMLR,
    "jmlr2e.sty": _JMLR,
}
_PACKAGES = re.compile(r"\\usepackage\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}")
_CLASS = re.compile(r"\\documentclass\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}")
# what a shipped class declares at its top level that numbering reads: theorem-like environments, and where a
# counter restarts ('\counterwithout{equation}{chapter}': equations numbered through the whole book)
_DECLARATION = re.compile(
    r"\s*\\(?:newtheorem|theoremstyle|declaretheorem|newaliascnt|counterwithout|counterwithin|numberwithin)"
    r"(?![a-zA-Z@])"
)
_BRACE = re.compile(r"\\.|[{}]")


class ClassFacts(NamedTuple):
    declarations: str  # theorem and counter declarations of the class and known venue packages ('' if none)
    file: Path | None  # the class file read, when it ships with the paper
    base: str | None  # the standard class it loads (`\\LoadClass{book}`), whose chapters number equations


def class_facts(preamble: str, root: Path) -> ClassFacts:
    """What the paper's class and the known venue packages it loads but does not ship declare: theorem-like
    environments, and the standard class a shipped class file loads (ctuthesis.cls loads book)."""
    root = root.resolve()
    parts, used, base = [], None, None
    m = _CLASS.search(preamble)
    names = [f"{m.group(1).strip()}.cls"] if m else []
    names += [f"{n.strip()}.sty" for p in _PACKAGES.finditer(preamble) for n in p.group(1).split(",")]
    for name in names:
        path = (root / name).resolve()
        if path.is_relative_to(root) and path.is_file():
            if name.endswith(".cls"):  # a shipped .sty is read whole (latex.source.local_packages)
                text = _class_text(path)
                parts.append(_top_level(text) if text is not None else None)
                used = path if text is not None else None
                loads = _LOAD_CLASS.search(text or "")
                base = _loaded(loads.group(1), text or "") if loads else None
        elif name in KNOWN:
            parts.append(KNOWN[name])
    return ClassFacts("\n".join(p for p in parts if p), used, base)


_LOAD_CLASS = re.compile(r"\\LoadClass(?:WithOptions)?\s*(?:\[[^\]]*\])?\s*\{\s*(\\?[A-Za-z-]+)\s*\}")


def _loaded(name: str, text: str) -> str | None:
    """The class `\\LoadClass` names, through the macro that holds it (`\\LoadClass{\\baseclass}` after
    `\\providecommand{\\baseclass}{book}`), read by the converter's own macro table; None when the class
    defines no such macro or its body is no class name."""
    if not name.startswith("\\"):
        return name
    table = MacroTable()
    table.collect(text)
    macro = table.macros.get(name[1:])
    body = macro.body.strip() if macro and not macro.nargs else ""
    return body if re.fullmatch(r"[A-Za-z-]+", body) else None


def _class_text(path: Path) -> str | None:
    try:
        return clean(read_text(path))
    except PaperToCodeError:
        return None


def _top_level(text: str) -> str:
    """The lines of a class file that declare theorem-like environments or counters' numbering outside any
    definition."""
    lines, depth = [], 0
    for line in text.split("\n"):
        if depth == 0 and _DECLARATION.match(line):
            lines.append(line)
        for m in _BRACE.finditer(line):
            depth += {"{": 1, "}": -1}.get(m.group(), 0)
        depth = max(depth, 0)
    return "\n".join(lines)
