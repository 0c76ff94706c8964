"""The largest (smallest) entry over an index as a reduction: `\\max_{a'} Q(s', a')` (Q-learning's target),
`\\max_j w_j` -> `{\\sum_{a'} \\redmax(Q(s', a'))}`, so that the sums' reading (ranges, axes, primed
indices) places the index and the runtime takes the max over its axis instead of the sum. A max whose
subscript is not an index the operand is written with (`\\max_w`, `\\max_s \\{... s ...\\}` of a real s,
`\\max_{x \\in S}`) is an optimisation and is left as it is (refused where it is read)."""

from __future__ import annotations

from typing import Any

from tools.trace.oracle_latex.nodes import Group, cmd_of, flatten, items_of, matching, plain_set
from tools.trace.oracle_latex.vocabulary import INDEX_LETTERS

_PAIRS = {"(": ")", "[": "]"}
# the letters a max runs over as an index: the index letters, and actions (`\\max_{a'} Q(s', a')`); a max
# over another letter (`\\max_w f(w)`, `\\max_s`) is an optimisation over a variable
_MAX_INDICES = INDEX_LETTERS | {"a", "b"}


def extremes_as_reductions(nodes: list[Any]) -> list[Any]:
    """Each `\\max_{index} operand` / `\\min_{index} operand` as a braced reduction, in groups too."""
    out: list[Any] = []
    i = 0
    while i < len(nodes):
        t = nodes[i]
        c = cmd_of(t)
        argument = bool(out) and cmd_of(out[-1]) == "arg"  # argmax: where the max is, not its value
        end = _over_index(nodes, i) if c in ("max", "min") and not argument else None
        if end is None:
            out.append(Group(extremes_as_reductions(t.items), t.delim) if isinstance(t, Group) else t)
            i += 1
            continue
        operand = extremes_as_reductions(nodes[i + 3 : end])
        out.append(Group(["\\sum", "_", nodes[i + 2], f"\\red{c}", "(", *operand, ")"], "{"))
        i = end
    return out


def _over_index(nodes: list[Any], i: int) -> int | None:
    """Where the operand of the `\\max_{sub}` at i ends, when sub is one letter (primed or not, in a plain
    set or not) that the operand is written with; else None."""
    if nodes[i + 1 : i + 2] != ["_"] or i + 3 >= len(nodes):
        return None
    flat = flatten(items_of(nodes[i + 2]))
    cut = flat.index("\\in") if "\\in" in flat else len(flat)
    index, domain = flat[:cut], flat[cut + 1 :]
    letter = bool(index) and index[0] in _MAX_INDICES
    if not letter or index[1:] not in ([], ["'"]) or (domain and not plain_set(domain)):
        return None
    end = _operand_end(nodes, i + 3)
    written = [str(t) for t in flatten(nodes[i + 3 : end])] if end else []
    wanted = [str(t) for t in index]
    found = any(written[k : k + len(wanted)] == wanted for k in range(len(written)))
    return end if found else None


def _operand_end(nodes: list[Any], j: int) -> int | None:
    """The end of a bracket at j, or of one variable with its scripts, primes and arguments (`Q^*(x', a')`,
    `w_j`); None for anything else."""
    if nodes[j] in _PAIRS:
        return matching(nodes, j, nodes[j], _PAIRS[nodes[j]]) + 1
    if isinstance(nodes[j], Group):
        return j + 1
    if not (isinstance(nodes[j], str) and (nodes[j].isalpha() or cmd_of(nodes[j]))):
        return None
    k = j + 1
    if cmd_of(nodes[j]) and k < len(nodes) and isinstance(nodes[k], Group):
        k += 1  # `\\mathbf{w}_j`: the command's argument
    while k < len(nodes) and (nodes[k] == "'" or nodes[k] in ("_", "^") and k + 1 < len(nodes)):
        k += 1 if nodes[k] == "'" else 2
    if k < len(nodes) and nodes[k] == "(":
        k = matching(nodes, k) + 1
    return k
