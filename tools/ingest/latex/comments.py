"""Conditional text of the `comment` and `version` packages, applied to a whole document.

`\\excludecomment{x}` (or `\\excludeversion{x}`) drops every `\\begin{x}...\\end{x}`; `\\includecomment{x}`
(`\\includeversion{x}`) keeps the text and drops the markers; `\\specialcomment{x}{before}{after}` keeps the
text between its two arguments. The plain `comment` environment is always dropped. A declaration holds
from where it stands, so a later one for the same name replaces it, as in TeX. The environments are
read like the package reads them: their content is not parsed, and the first `\\end{x}` closes them.
"""

from __future__ import annotations

import re

from tools.ingest.latex.scan import Unbalanced, read_group, skip_space

_DECLARE = re.compile(
    r"\\(excludecomment|includecomment|specialcomment|excludeversion|includeversion)\s*\{([^{}]*)\}"
)
_EXCLUDE = {"excludecomment", "excludeversion"}


def declarations(text: str) -> list[tuple[int, int, str, tuple[str, str] | None]]:
    """(start, end, name, kept wrapper) per declaration in text order; the wrapper is None when the
    environment's text is dropped, ('', '') when kept bare, (before, after) for \\specialcomment."""
    out = []
    for m in _DECLARE.finditer(text):
        name, end = m.group(2).strip(), m.end()
        if not name:
            continue
        wrap: tuple[str, str] | None = None if m.group(1) in _EXCLUDE else ("", "")
        if m.group(1) == "specialcomment":
            try:
                j = skip_space(text, end)
                before, j = read_group(text, j) if text[j : j + 1] == "{" else ("", j)
                k = skip_space(text, j)
                after, end = read_group(text, k) if text[k : k + 1] == "{" else ("", j)
            except Unbalanced:
                continue
            wrap = (before, after)
        out.append((m.start(), end, name, wrap))
    return out


def apply(text: str, declared_before: str = "") -> str:
    """text with the conditional environments resolved; `declared_before` holds declarations made ahead
    of it (local packages), which apply from its start. The declarations themselves are removed."""
    state: dict[str, tuple[str, str] | None] = {"comment": None}
    for _, _, name, wrap in declarations(declared_before):
        state[name] = wrap
    decls = declarations(text)
    names = "|".join(re.escape(n) for n in sorted({"comment", *state, *(d[2] for d in decls)}))
    marks = re.compile(r"\\(begin|end)\s*\{(" + names + r")\}")
    events = sorted([(d[0], 0, d) for d in decls] + [(m.start(), 1, m) for m in marks.finditer(text)],
                    key=lambda e: (e[0], e[1]))
    out: list[str] = []
    pos = 0
    open_after: dict[str, list[str]] = {}  # text to write at the \end of each kept environment
    for at, kind, item in events:
        if at < pos:
            continue
        out.append(text[pos:at])
        if kind == 0:
            state[item[2]] = item[3]
            pos = item[1]
        else:
            pos = _marker(text, item, state, open_after, out)
    out.append(text[pos:])
    return "".join(out)


def _marker(text, m: re.Match[str], state, open_after: dict[str, list[str]], out: list[str]) -> int:
    """One \\begin or \\end of a conditional environment: what it writes, and where reading goes on."""
    name = m.group(2)
    if m.group(1) == "end":
        pending = open_after.get(name)
        out.append(pending.pop() if pending else "")
        return m.end()
    if name not in state:  # used before its declaration: LaTeX would stop with an error; keep it
        out.append(m.group())
        return m.end()
    wrap = state[name]
    if wrap is None:  # dropped with its text, up to the first \\end{name}
        close = re.compile(r"\\end\s*\{" + re.escape(name) + r"\}").search(text, m.end())
        return close.end() if close else len(text)
    out.append(wrap[0])
    open_after.setdefault(name, []).append(wrap[1])
    return m.end()
