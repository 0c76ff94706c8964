"""A series written with an ellipsis as the sum it stands for: `a_1 q^{-1} + \\dots + a_{n} q^{-n}` ->
`\\sum_{k=1}^{n} (a_k q^{-k})`. The first and last terms must differ only where the first writes one whole
number and the last one bound (`1` and `n`, `0` and `{N-1}`); anything else stays an ellipsis (refused)."""

from __future__ import annotations

from typing import Any

from tools.trace.oracle_latex.nodes import Group, cmd_of, flatten

_ELLIPSES = {"dots", "cdots", "ldots", "dotsb"}
_ENDS = {"+", "-", "=", ",", "<", ">"}
_FRESH = "kjmprsuvw"  # the letters a new index takes: the first the line does not use


def fresh_index(used: set[str]) -> str | None:
    """The first index letter not in `used`, or None when the line uses them all."""
    return next((c for c in _FRESH if c not in used), None)


def series_as_sums(nodes: list[Any]) -> list[Any]:
    """Each `T_m + \\dots + T_E` (or with `-` on both sides of the ellipsis) as one sum, in groups too."""
    nodes = [Group(series_as_sums(t.items), t.delim) if isinstance(t, Group) else t for t in nodes]
    i = 0
    while i < len(nodes):
        between = 0 < i < len(nodes) - 1 and nodes[i - 1] == nodes[i + 1] in ("+", "-")
        if cmd_of(nodes[i]) in _ELLIPSES and between:
            rewritten = _one_series(nodes, i)
            if rewritten is not None:
                nodes, i = rewritten
                continue
        i += 1
    return nodes


def _one_series(nodes: list[Any], i: int) -> tuple[list[Any], int] | None:
    start, end = _term_start(nodes, i - 1), _term_end(nodes, i + 2)
    first, last = nodes[start : i - 1], nodes[i + 2 : end]
    letter = fresh_index({str(t) for t in flatten(nodes)})
    found = _unified(first, last, letter) if first and last and letter else None
    if found is None or not _signed(nodes, start, nodes[i - 1]):
        return None
    body, low, high = found
    while start >= 2 and nodes[start - 1] == nodes[i - 1]:  # `x_1 + x_2 + \\dots + x_n`: from x_1
        before = _term_start(nodes, start - 1)
        earlier = _unified(nodes[before : start - 1], last, letter)
        if earlier is None or earlier[0] != body or earlier[1:] != (str(int(low) - 1), high):
            break
        if not _signed(nodes, before, nodes[i - 1]):
            break
        start, low = before, earlier[1]
    body = _powers_bracketed(body, letter)
    total = ["\\sum", "_", Group([letter, "=", low]), "^", Group(high), Group(body)]
    return nodes[:start] + total + nodes[end:], start + len(total)


def _signed(nodes: list[Any], start: int, op: str) -> bool:
    """Whether every term of the series from start carries op: `- w_1 - \\dots - w_N` is minus the sum,
    `+ w_1 - \\dots - w_N` is no sum of one sign."""
    before = nodes[start - 1] if start else None
    return before == "-" if op == "-" else before != "-"


def _powers_bracketed(body: list[Any], letter: str) -> list[Any]:
    """`q^{-k}` where the first term wrote `q^{-1}`: a number on top is a power, so the letter is bracketed
    (the reader takes an index on a plain letter's top for one written on top)."""
    out: list[Any] = []
    for k, t in enumerate(body):
        top = flatten([body[k + 2]]) if k + 2 < len(body) else []
        raised = body[k + 1 : k + 2] == ["^"] and letter in top
        plain = isinstance(t, str) and len(t) == 1 and t.isalpha() and out[-1:] != ["_"]
        out += [Group(["(", t, ")"])] if raised and plain else [t]
    return out


def _term_start(nodes: list[Any], j: int) -> int:
    """Where the term that ends before the operator at j starts."""
    depth = 0
    while j > 0:
        t = nodes[j - 1]
        depth += (t == ")") - (t == "(")
        if depth < 0 or (depth == 0 and isinstance(t, str) and t in _ENDS):
            return j
        j -= 1
    return 0


def _term_end(nodes: list[Any], j: int) -> int:
    """Where the term that starts at j ends."""
    depth = 0
    while j < len(nodes):
        t = nodes[j]
        depth += (t == "(") - (t == ")")
        if depth < 0 or (depth == 0 and isinstance(t, str) and t in _ENDS) or t == "\\\\":
            return j
        j += 1
    return j


def _unified(first: list[Any], last: list[Any], letter: str) -> tuple[list[Any], str, list[Any]] | None:
    """(the general term in `letter`, the first value, the last value) when `last` is `first` with its one
    whole number replaced by one bound everywhere it differs, else None."""
    state: dict[str, Any] = {}
    body = _walk(first, last, letter, state)
    if body is None or "low" not in state:
        return None
    return body, state["low"], state["high"]


def _walk(a: list[Any], b: list[Any], letter: str, state: dict[str, Any]) -> list[Any] | None:
    out: list[Any] = []
    i = j = 0
    while i < len(a) and j < len(b):
        x, y = a[i], b[j]
        if isinstance(x, Group) and isinstance(y, Group) and x.delim == y.delim:
            inner = _walk(x.items, y.items, letter, state)
            if inner is None:
                return None
            out.append(Group(inner, x.delim))
            i, j = i + 1, j + 1
        elif x == y and not isinstance(x, Group):
            out.append(x)
            i, j = i + 1, j + 1
        elif (took := _bound_at(b, j, x, state)) is not None:
            out.append(letter)
            i, j = i + 1, j + took
        else:
            return None
    return out if i == len(a) and j == len(b) else None


def _bound_at(b: list[Any], j: int, x: Any, state: dict[str, Any]) -> int | None:
    """How many nodes of b at j are the last term's bound where the first term writes the number x."""
    if not (isinstance(x, str) and x.isdigit()) or state.get("low", x) != x:
        return None
    bound = [b[j]] if isinstance(b[j], Group) else b[j : j + 3] if b[j + 1 : j + 2] == ["_"] else [b[j]]
    high = bound[0].items if isinstance(bound[0], Group) else bound
    if state.get("high", high) != high or high == [x]:
        return None  # the same last value everywhere
    state["low"], state["high"] = x, high
    return len(bound)
