"""Where an oracle's reading rests on a guess the notation leaves open, said in words for the agent to check.

Two guesses account for most misread oracles on papers the project was not built with:
- a superscript that is not a number, read as a power (`\\theta^k`, `\\gamma^t`): right for a discount
  raised to a step, wrong for the k-th learner's parameters;
- a letter right before a bracket, read as a product (`h(s_t)`, `\\lambda(a + b)`): right for a scalar
  times a sum, wrong for a function the paper applies.

A doubt does not refuse the oracle: the guess is often right. It names the place, so that a failing test is
held against the paper there first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import sympy

from tools.trace.oracle_latex.vocabulary import BOLD, GREEK

# a single letter or Greek name, maybe bold, right before an opening bracket ('h(', '\mathbf{h}\left('); not
# a subscript's or a superscript's ('g_\theta(x)' applies g)
_GREEK = "|".join(sorted(GREEK, key=len, reverse=True))
_BOLD = "|".join(sorted(BOLD, key=len, reverse=True))
_LETTER_BEFORE_BRACKET = re.compile(
    rf"(?:(?<![_^])\\(?:{_BOLD}|mathit)\{{\s*(?P<bold>[A-Za-z]|\\(?:{_GREEK}))\s*\}}"
    rf"|(?<![\\A-Za-z_^])(?P<plain>[A-Za-z])|(?<![_^])\\(?P<greek>{_GREEK})(?![A-Za-z]))"
    r"\s*(?:\\left|\\big|\\Big|\\bigg)?\s*\("
)


_AXIS = "zzAX"  # the runtime's name for a sum's index: 'gamma^t r_t' summed over t is a discount, no doubt


def doubts(latex: str, exprs: dict[str, sympy.Expr]) -> list[str]:
    """The guesses the reading `exprs` (output name -> expression) rests on, each in one sentence."""
    out = [*_powers(exprs.values()), *_products(latex, exprs.values())]
    return list(dict.fromkeys(out))


def _powers(exprs: Iterable[sympy.Expr]) -> list[str]:
    out = []
    for expr in exprs:
        for p in sorted(expr.atoms(sympy.Pow), key=sympy.sstr):
            free = [s for s in p.exp.free_symbols if not s.name.startswith(_AXIS)]
            if isinstance(p.base, sympy.Symbol) and free and p.exp.free_symbols == set(free):
                out.append(
                    f"`{sympy.sstr(p)}`: a superscript read as a power; if it indexes (the {p.exp}-th), "
                    "the oracle is wrong"
                )
    return out


def _products(latex: str, exprs: Iterable[sympy.Expr]) -> list[str]:
    """Letters the LaTeX sets right before a bracket that the reading keeps as a factor of a product."""
    factors = {
        s.name for expr in exprs for m in expr.atoms(sympy.Mul) for s in m.args if isinstance(s, sympy.Symbol)
    }
    out = []
    for m in _LETTER_BEFORE_BRACKET.finditer(_unbraced(latex)):
        letter = (m["bold"] or m["plain"] or m["greek"] or "").lstrip("\\")
        name = letter if letter not in ("lambda",) else "lambda_"
        if name in factors:
            out.append(
                f"`{letter}(...)`: read as {letter} times the bracket; if {letter} is a function the paper "
                "applies, the oracle is wrong"
            )
    return out


def _unbraced(latex: str) -> str:
    """Braces that only wrap one group dropped: '{\\mathbf{{h}}}(' reads as '\\mathbf{h}('."""
    while True:
        out = re.sub(r"\{\s*(\{[^{}]*\})\s*\}", r"\1", latex)  # '{{h}}' -> '{h}'
        out = re.sub(r"\{\s*(\\[A-Za-z]+\{[^{}]*\})\s*\}", r"\1", out)  # '{\\mathbf{h}}' -> '\\mathbf{h}'
        if out == latex:
            return out
        latex = out
