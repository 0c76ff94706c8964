"""A sum that opens a bracket runs to the bracket's end when a later term in it is written with the sum's
index: `(\\sum_{k=1}^K x_k \\log p_k + (1 - x_k) \\log(1 - p_k))`, binary cross-entropy as papers write it.
Read by the usual rule the sum would stop at the first `+` and leave `x_k` outside it; the bracket around the
sum says the author meant one sum. So does a right-hand side that opens with the sum, when the left-hand side
has no such index (`Q = \\sum_n y^{(n)} \\log p^{(n)} + (1 - y^{(n)}) \\log(1 - p^{(n)})`): the index would
otherwise be free on the right only. Any other sum is left as written."""

from __future__ import annotations

from typing import Any

from tools.trace.oracle_latex.axes import sum_bounds
from tools.trace.oracle_latex.nodes import Group, cmd_of, flatten, items_of


def bracketed_sums(nodes: list[Any]) -> list[Any]:
    """nodes with each such sum's body braced to the end of its bracket, in groups too."""
    out: list[Any] = []
    i = 0
    while i < len(nodes):
        t = nodes[i]
        if cmd_of(t) in ("sum", "prod") and (end := _scope_end(nodes, i, out)):
            body = sum_bounds(nodes, i)[2]
            out += [*nodes[i:body], Group(bracketed_sums(nodes[body:end]), "{")]
            i = end
            continue
        out.append(Group(bracketed_sums(t.items), t.delim) if isinstance(t, Group) else t)
        i += 1
    return out


def _scope_end(nodes: list[Any], i: int, out: list[Any]) -> int | None:
    """Where the sum at i ends when it runs past its first term (see the module's note); else None."""
    sub, _, start = sum_bounds(nodes, i)
    index = str(flatten(sub)[0]) if sub and flatten(sub) else ""
    opens_rhs = out[-1:] == ["="] and not _subscripted(out, index)
    if not index.isalpha() or not (out[-1:] == ["("] or opens_rhs):
        return None
    depth, split = 0, None
    for k in range(start, len(nodes) + 1):
        t = nodes[k] if k < len(nodes) else "\\\\"
        depth += {"(": 1, ")": -1}.get(str(t), 0)
        ends = depth < 0 if out[-1:] == ["("] else depth == 0 and t in ("=", "&", "\\\\")
        if ends:
            return k if split is not None and _subscripted(nodes[split:k], index) else None
        if depth == 0 and split is None and t in ("+", "-") and k > start:
            split = k
        if depth == 0 and (t in ("=", "&", "\\\\") or cmd_of(t) in ("sum", "prod")):
            return None  # another relation, row or sum: no one bracket to run to
    return None


def _subscripted(nodes: list[Any], index: str) -> bool:
    """Whether `index` is written as a subscript or a bracketed superscript in nodes (`x_k`, `\\hat{x}_{k}`,
    `y^{(k)}`)."""
    return any(
        (t == "_" or t == "^" and "(" in flatten(items_of(nodes[k + 1])))
        and index in [str(x) for x in flatten(items_of(nodes[k + 1]))]
        for k, t in enumerate(nodes[:-1])
    )
