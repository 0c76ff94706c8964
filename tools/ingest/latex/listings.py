"""Code environments a paper declares itself (`\\lstnewenvironment{code}`, fancyvrb's
`\\DefineVerbatimEnvironment{code}{Verbatim}{...}`, minted's `\\newminted{python}{...}` -> `pythoncode`),
renamed to the listing environment they stand for, so their text is code wherever the converter meets it
(a code block, an algorithm box's steps) and nothing in it is numbered."""

from __future__ import annotations

import re

_DECLARED = re.compile(
    r"\\lstnewenvironment\s*\{\s*([A-Za-z@*]+)\s*\}"
    r"|\\DefineVerbatimEnvironment\s*\{\s*([A-Za-z@*]+)\s*\}"
    r"|\\newminted\s*(?:\[\s*([A-Za-z@*]+)\s*\])?\s*\{\s*([A-Za-z0-9]+)\s*\}"
)


def code_environments(declarations: str) -> dict[str, str]:
    """Declared code environment -> the listing environment it is read as."""
    out: dict[str, str] = {}
    for m in _DECLARED.finditer(declarations):
        if m.group(1):
            out[m.group(1)] = "lstlisting"
        elif m.group(2):
            out[m.group(2)] = "Verbatim"
        else:
            out[m.group(3) or f"{m.group(4)}code"] = "Verbatim"
    return out


def as_listings(body: str, envs: dict[str, str]) -> str:
    """body with each declared code environment's \\begin and \\end renamed to its listing environment."""
    if not envs:
        return body
    names = "|".join(re.escape(n) for n in sorted(envs, key=len, reverse=True))
    pat = re.compile(r"\\(begin|end)\s*\{(" + names + r")\}")
    return pat.sub(lambda m: f"\\{m.group(1)}{{{envs[m.group(2)]}}}", body)
