"""A primed summation index as a plain one: `\\sum_{k'} \\exp(x_{k'})` (a softmax's normaliser) sums over k'
exactly as over a fresh letter, so k' is renamed to the first index letter the line does not use. A prime
that is not a sum's index (`x'`, a second variable) keeps its meaning."""

from __future__ import annotations

from typing import Any

from tools.trace.oracle_latex.nodes import Group, cmd_of, flatten
from tools.trace.oracle_latex.series import fresh_index

_SUMS = {"sum", "prod"}


def primed_indices(nodes: list[Any]) -> list[Any]:
    """The line with each primed letter a `\\sum_{k' ...}` runs over renamed to a fresh letter."""
    used = {str(t) for t in flatten(nodes)}
    for letter in _summed_primes(nodes):
        fresh = fresh_index(used)
        if fresh is None:
            return nodes
        used.add(fresh)
        nodes = _renamed(nodes, letter, fresh)
    return nodes


def _summed_primes(nodes: list[Any]) -> list[str]:
    """The letters written primed right after a `\\sum_` or `\\prod_` (`\\sum_{k' \\in [K]}`)."""
    found: list[str] = []
    for i, t in enumerate(nodes):
        if isinstance(t, Group):
            found += [x for x in _summed_primes(t.items) if x not in found]
        elif cmd_of(t) in _SUMS and nodes[i + 1 : i + 2] == ["_"] and i + 2 < len(nodes):
            sub = nodes[i + 2].items if isinstance(nodes[i + 2], Group) else [nodes[i + 2]]
            if len(sub) >= 2 and _letter(sub[0]) and sub[1] == "'" and sub[0] not in found:
                found.append(sub[0])
    return found


def _letter(t: Any) -> bool:
    return isinstance(t, str) and len(t) == 1 and t.isalpha()


def _renamed(nodes: list[Any], letter: str, fresh: str) -> list[Any]:
    """Every `letter '` pair as `fresh`, in groups too."""
    out: list[Any] = []
    i = 0
    while i < len(nodes):
        t = nodes[i]
        if isinstance(t, Group):
            out.append(Group(_renamed(t.items, letter, fresh), t.delim))
        elif t == letter and nodes[i + 1 : i + 2] == ["'"]:
            out.append(fresh)
            i += 1
        else:
            out.append(t)
        i += 1
    return out


def ell_indices(nodes: list[Any]) -> list[Any]:
    """A sum over `\\ell` (a layer's or a time step's index) as over a fresh letter, wherever `\\ell` is
    written in a subscript (`x_\\ell`, `t_{\\ell+1}`); elsewhere `\\ell(x, y)`, a loss, keeps its meaning."""
    if not _sums_over_ell(nodes):
        return nodes
    fresh = fresh_index({str(t) for t in flatten(nodes)})
    return _ell_renamed(nodes, fresh) if fresh else nodes


def _sums_over_ell(nodes: list[Any]) -> bool:
    for i, t in enumerate(nodes):
        if isinstance(t, Group) and _sums_over_ell(t.items):
            return True
        if cmd_of(t) in _SUMS and nodes[i + 1 : i + 2] == ["_"] and i + 2 < len(nodes):
            sub = nodes[i + 2].items if isinstance(nodes[i + 2], Group) else [nodes[i + 2]]
            if sub[:1] == ["\\ell"]:
                return True
    return False


def _ell_renamed(nodes: list[Any], fresh: str, script: bool = False) -> list[Any]:
    """`\\ell` as `fresh` in every subscript (all of a subscript's group)."""
    out: list[Any] = []
    for i, t in enumerate(nodes):
        in_script = script or (i > 0 and nodes[i - 1] == "_")
        if isinstance(t, Group):
            out.append(Group(_ell_renamed(t.items, fresh, in_script), t.delim))
        else:
            out.append(fresh if t == "\\ell" and in_script else t)
    return out
