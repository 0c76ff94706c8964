"""Algorithm floats a paper declares itself (float's `\\newfloat{algo}{tbp}{loa}` +
`\\floatname{algo}{Algorithm}`, newfloat's `\\DeclareFloatingEnvironment[name=Algorithm]{algo}`,
algorithm2e's own `procedure`/`function` boxes, an environment of the paper's that wraps an algorithm float),
renamed to `algorithm`,
so they number, caption and convert like one."""

from __future__ import annotations

import re

from tools.ingest.latex.macro_args import arg_count
from tools.ingest.latex.scan import Unbalanced, read_arg

_NEWFLOAT = re.compile(r"\\newfloat\s*\{\s*([A-Za-z@*]+)\s*\}")
_FLOATNAME = re.compile(r"\\floatname\s*\{\s*([A-Za-z@*]+)\s*\}\s*\{([^{}]*)\}")
_DECLARED = re.compile(r"\\DeclareFloatingEnvironment\s*(?:\[([^\]]*)\])?\s*\{\s*([A-Za-z@*]+)\s*\}")
_ALGORITHM_NAME = re.compile(r"^\s*(?:algorithm|pseudo-?code|procedure)\b", re.I)


_NEWENV = re.compile(r"\\(?:re)?newenvironment\s*\{\s*([A-Za-z@]+\*?)\s*\}")
_OPENS = re.compile(r"\\begin\s*\{algorithm2?e?\*?\}")
_CLOSES = re.compile(r"\\end\s*\{algorithm2?e?\*?\}")
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
    out = {env for env, printed in names.items() if _ALGORITHM_NAME.match(printed)} | _wrappers(declarations)
    if _ALGORITHM2E.search(declarations):
        out |= {"procedure", "function"}
    return out - {"algorithm", "algorithm*", "algorithm2e"}


def _wrappers(declarations: str) -> set[str]:
    """The paper's own environments that open an algorithm float and close it, taking at most the float's
    placement (`\\newenvironment{phase}[1][htb]{\\begin{algorithm}[#1]}{\\end{algorithm}}`)."""
    out = set()
    for m in _NEWENV.finditer(declarations):
        try:
            mac, i = arg_count(declarations, m.end())
            begin, i = read_arg(declarations, i)
            end, _ = read_arg(declarations, i)
        except Unbalanced:
            continue
        if mac.nargs == len(mac.optional) <= 1 and _OPENS.search(begin) and _CLOSES.search(end):
            out.add(m.group(1))
    return out


def as_algorithms(body: str, envs: set[str]) -> str:
    """body with each declared algorithm float's \\begin and \\end renamed to `algorithm`."""
    if not envs:
        return body
    names = "|".join(re.escape(n) for n in sorted(envs, key=len, reverse=True))
    pat = re.compile(r"\\(begin|end)\s*\{(" + names + r")(\*?)\}")
    return pat.sub(lambda m: f"\\{m.group(1)}{{algorithm{m.group(3)}}}", body)
