"""A sum over a set tied to another index (`\\sum_{j \\in \\mathcal{N}(i)}`, `\\sum_{x \\in X^{(i)}}`,
`\\sum_{w \\in W_d}`) is a sum over the whole axis weighted by a 0/1 membership array: `\\sum_j N_{ij} ...`,
with N_{ij} = 1 when j lies in the set of i. The implementation is passed that array (an adjacency matrix,
a mask), and the oracle draws it at random, so any neighbourhood is checked. A set written with unions,
differences or braces, or whose letter the line uses for something else, is left as written (refused)."""

from __future__ import annotations

from typing import Any, NamedTuple

from tools.trace.oracle_latex.axes import sum_bounds
from tools.trace.oracle_latex.nodes import Group, cmd_of, flatten, items_of, plain_set

_FONTS = {"mathcal", "mathscr", "mathbb", "mathsf"}


class Member(NamedTuple):
    index: str  # the sum's index: `j`
    name: str  # the set's letter, the membership array's name: `N`
    of: list[str]  # the indices the set depends on: `[i]`
    written: str  # the set as the paper writes it, for the reader


def member_sums(nodes: list[Any]) -> list[Any]:
    """nodes with each tied-set sum written over its whole axis times its membership array, in groups too."""
    names = {m.name for m in members_of(nodes)}
    return _rewritten(nodes, names)


def members_of(nodes: list[Any]) -> list[Member]:
    """The tied-set sums of a line (what member_sums rewrites): each set's letter used nowhere else."""
    found = _tied_sums(nodes)
    tokens = [str(t) for t in flatten(nodes)]
    return [m for m in found if tokens.count(m.name) == sum(f.name == m.name for f in found)]


def _rewritten(nodes: list[Any], names: set[str]) -> list[Any]:
    out: list[Any] = []
    i = 0
    while i < len(nodes):
        t = nodes[i]
        member = tied_set(nodes, i) if cmd_of(t) == "sum" else None
        if member and member.name in names:
            end = sum_bounds(nodes, i)[2]
            tops = [n for k in range(i + 1, end - 1, 2) if nodes[k] == "^" for n in nodes[k : k + 2]]
            out += [t, "_", Group([member.index]), *tops, member.name, "_", Group([*member.of, member.index])]
            i = end
            continue
        out.append(Group(_rewritten(t.items, names), t.delim) if isinstance(t, Group) else t)
        i += 1
    return out


def _tied_sums(nodes: list[Any]) -> list[Member]:
    found: list[Member] = []
    for i, t in enumerate(nodes):
        if cmd_of(t) == "sum" and (member := tied_set(nodes, i)):
            found.append(member)
        if isinstance(t, Group):
            found += _tied_sums(t.items)
    return found


def tied_set(nodes: list[Any], i: int) -> Member | None:
    """The sum at i's `index \\in SET` when SET is one letter tied to other indices by an argument, a
    bracketed superscript or a subscript; None for anything else."""
    sub = sum_bounds(nodes, i)[0]
    if not sub or len(sub) < 3 or sub[1] != "\\in" or not _letter(sub[0]) or plain_set(flatten(sub[2:])):
        return None
    rest = sub[2:]
    name, k = _set_letter(rest)
    if name is None or name == sub[0]:
        return None
    of = _tied_indices(rest[k:])
    if not of or sub[0] in of:
        return None
    return Member(sub[0], name, of, " ".join(str(t) for t in flatten(rest)))


def _set_letter(rest: list[Any]) -> tuple[str | None, int]:
    """The set's letter and where its ties start: `\\mathcal{N}` -> ('N', 2); `X` -> ('X', 1)."""
    if cmd_of(rest[0]) in _FONTS and len(rest) > 1:
        inner = items_of(rest[1])
        return (inner[0], 2) if len(inner) == 1 and _letter(inner[0]) and inner[0].isupper() else (None, 0)
    return (rest[0], 1) if _letter(rest[0]) and rest[0].isupper() else (None, 0)


def _tied_indices(ties: list[Any]) -> list[str] | None:
    """The letters a set depends on: `(i)`, `_k(i)` (k a parameter of the set), `^{(i)}`, `_d`."""
    if ties[:1] == ["_"] and len(ties) >= 2:
        if ties[2:3] == ["("]:
            return _bracketed(ties[2:])
        return _letters(items_of(ties[1])) if len(ties) == 2 else None
    if ties[:1] == ["^"] and len(ties) == 2:
        return _bracketed(items_of(ties[1]))
    return _bracketed(ties)


def _bracketed(tokens: list[Any]) -> list[str] | None:
    if len(tokens) >= 3 and tokens[0] == "(" and tokens[-1] == ")":
        return _letters([t for t in tokens[1:-1] if t != ","])
    return None


def _letters(tokens: list[Any]) -> list[str] | None:
    return [str(t) for t in tokens] if tokens and all(_letter(t) for t in tokens) else None


def _letter(t: Any) -> bool:
    return isinstance(t, str) and len(t) == 1 and t.isalpha()
