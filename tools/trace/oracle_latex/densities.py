"""Densities written as values: `\\mathcal{N}(x; m, v)` (or `\\mathcal{N}(x | m, v)`) is the Gaussian
density of x with mean m and variance v, elementwise; with covariance `v \\mathbf{I}` it is the joint
density of the vector x, the product over its last axis. A covariance matrix (`\\Sigma`, a bold symbol)
and a distribution without the point it is evaluated at (`\\mathcal{N}(m, v)`: a law, not a number) are
refused."""

from __future__ import annotations

from typing import Any

from tools.trace.oracle_latex.nodes import cmd_of, flatten, items_of, matching, split_args
from tools.trace.oracle_latex.vocabulary import BOLD, REASONS, Unsupported

IDENTITY_FONTS = BOLD | {"mathbb", "mathrm", "mathds"}


def _split_point(args: list[Any]) -> tuple[list[Any], list[Any]]:
    """`x; m, v` or `x | m, v` -> (x, [m, v]) at the top level."""
    depth = 0
    for k, t in enumerate(args):
        depth += t in ("(", "[")
        depth -= t in (")", "]")
        if depth == 0 and t in (";", "|", "\\mid", "\\vert"):
            return args[:k], args[k + 1 :]
    raise Unsupported(
        "\\mathcal{N}(mean, variance) without the point it is evaluated at is a distribution, not a value"
    )


def _identity_stripped(cov: list[Any]) -> tuple[list[Any], bool]:
    """`v \\mathbf{I}` -> (v, True); `\\mathbf{I}` -> ([1], True); `v` -> (v, False)."""
    if len(cov) >= 2 and cmd_of(cov[-2]) in IDENTITY_FONTS and items_of(cov[-1]) == ["I"]:
        rest = cov[:-2]
    elif cov[-1:] == ["I"]:
        rest = cov[:-1]
    else:
        return cov, False
    while rest and cmd_of(rest[-1]) in ("cdot", "times"):
        rest = rest[:-1]
    return (rest or ["1"]), True


def gaussian(nodes: list[Any], i: int) -> tuple[list[Any], list[Any], list[Any], bool, int]:
    """`\\mathcal{N}(x; m, v)` at i -> (x, m, v, isotropic, index after it)."""
    letter = "".join(str(t) for t in flatten(items_of(nodes[i + 1]))) if i + 1 < len(nodes) else ""
    if letter != "N" or i + 2 >= len(nodes) or nodes[i + 2] != "(":
        raise Unsupported(REASONS["mathcal"])
    close = matching(nodes, i + 2)
    point, rest = _split_point(nodes[i + 3 : close])
    parts = split_args(rest)
    if not point or len(parts) != 2:
        raise Unsupported("\\mathcal{N}(x; mean, variance) needs exactly a mean and a variance")
    mean, (cov, iso) = parts[0], _identity_stripped(parts[1])
    if any(cmd_of(t) in BOLD | {"Sigma"} for t in flatten(cov)):
        raise Unsupported("a Gaussian with a covariance matrix: only a variance v or v I is read")
    return point, mean, cov, iso, close + 1
