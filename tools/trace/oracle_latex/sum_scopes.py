"""A sum that opens a bracket runs to the bracket's end when a later term in it is written with the sum's
index: `(\\sum_{k=1}^K x_k \\log p_k + (1 - x_k) \\log(1 - p_k))`, binary cross-entropy as papers write it.
Read by the usual rule the sum would stop at the first `+` and leave `x_k` outside it; the bracket around the
sum says the author meant one sum. A sum not opening a bracket is left as written."""

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
        if cmd_of(t) in ("sum", "prod") and out[-1:] == ["("] and (end := _spans_bracket(nodes, i)):
            body = sum_bounds(nodes, i)[2]
            out += [*nodes[i:body], Group(bracketed_sums(nodes[body:end]), "{")]
            i = end
            continue
        out.append(Group(bracketed_sums(t.items), t.delim) if isinstance(t, Group) else t)
        i += 1
    return out


def _spans_bracket(nodes: list[Any], i: int) -> int | None:
    """Where the bracket the sum at i opens closes, when a term after the first top-level + or - inside it
    is written with the sum's index as a subscript; else None."""
    sub, _, start = sum_bounds(nodes, i)
    index = str(flatten(sub)[0]) if sub and flatten(sub) else ""
    depth, split = 0, None
    for k in range(start, len(nodes)):
        t = nodes[k]
        depth += {"(": 1, ")": -1}.get(str(t), 0)
        if depth < 0:
            return (
                k if split is not None and index.isalpha() and _subscripted(nodes[split:k], index) else None
            )
        if depth == 0 and split is None and t in ("+", "-") and k > start:
            split = k
        if depth == 0 and (t in ("=", "&", "\\\\") or cmd_of(t) in ("sum", "prod")):
            return None  # another relation, row or sum: no one bracket to run to
    return None


def _subscripted(nodes: list[Any], index: str) -> bool:
    """Whether `index` is written as a subscript in nodes (`x_k`, `\\hat{x}_{k}`)."""
    return any(
        t == "_" and index in [str(x) for x in flatten(items_of(nodes[k + 1]))]
        for k, t in enumerate(nodes[:-1])
    )
