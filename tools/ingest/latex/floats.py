"""Algorithm floats a paper declares itself (float's `\\newfloat{algo}{tbp}{loa}` +
`\\floatname{algo}{Algorithm}`, newfloat's `\\DeclareFloatingEnvironment[name=Algorithm]{algo}`,
algorithm2e's own `procedure`/`function` boxes), renamed to `algorithm`,
so they number, caption and convert like one."""

from __future__ import annotations

import re

_NEWFLOAT = re.compile(r"\\newfloat\s*\{\s*([A-Za-z@*]+)\s*\}")
_FLOATNAME = re.compile(r"\\floatname\s*\{\s*([A-Za-z@*]+)\s*\}\s*\{([^{}]*)\}")
_DECLARED = re.compile(r"\\DeclareFloatingEnvironment\s*(?:\[([^\]]*)\])?\s*\{\s*([A-Za-z@*]+)\s*\}")
_ALGORITHM_NAME = re.compile(r"^\s*(?:algorithm|pseudo-?code|procedure)\b", re.I)


_ALGORITHM2E = re.compile(r"\\(?:usepackage|RequirePackage)\s*(?:\[[^\]]*\])?\s*\{[^}]*\balgorithm2e\b")


def algorithm_floats(declarations: str) -> set[str]:
    """Environments declared as floats whose printed name is "Algorithm" (or "Pseudocode", "Procedure")."""
    names = {m.group(1): m.group(1) for m in _NEWFLOAT.finditer(declarations)}
    for m in _FLOATNAME.finditer(declarations):
        if m.group(1) in names:
            names[m.group(1)] = m.group(2)
    for m in _DECLARED.finditer(declarations):
        pairs = (o.partition("=") for o in (m.group(1) or "").split(","))
        opts = {k.strip(): v.strip().strip("{}") for k, _, v in pairs}
        names[m.group(2)] = opts.get("name") or m.group(2)
    out = {env for env, printed in names.items() if _ALGORITHM_NAME.match(printed)}
    if _ALGORITHM2E.search(declarations):
        out |= {"procedure", "function"}
    return out - {"algorithm", "algorithm*", "algorithm2e"}


def as_algorithms(body: str, envs: set[str]) -> str:
    """body with each declared algorithm float's \\begin and \\end renamed to `algorithm`."""
    if not envs:
        return body
    names = "|".join(re.escape(n) for n in sorted(envs, key=len, reverse=True))
    pat = re.compile(r"\\(begin|end)\s*\{(" + names + r")(\*?)\}")
    return pat.sub(lambda m: f"\\{m.group(1)}{{algorithm{m.group(3)}}}", body)
