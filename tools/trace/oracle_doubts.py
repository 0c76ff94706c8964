"""Where an oracle's reading rests on a guess the notation leaves open, said in words for the agent to check.

The misread oracles seen on papers the project was not built with rest on five such guesses (a sixth, an
identity matrix as in `(I - VH)^{-1}`, is refused in oracle_latex/rewriter.py instead):
- a superscript that is not a number, read as a power (`\\theta^k`, `\\gamma^t`): right for a discount
  raised to a step, wrong for the k-th learner's parameters;
- a letter right before a bracket, read as a product (`h(s_t)`, `\\lambda(a + b)`): right for a scalar
  times a sum, wrong for a function the paper applies;
- a dot between two letters, read element by element (`w \\cdot q_n`): an inner product when both are vectors;
- a letter beside a transposed matrix, read as a number (`A^T U_t`): a matrix product when U_t is a vector
  or a matrix;
- a sine or cosine of a bracket run on by a letter (`\\sin (1-\\mu)\\theta`): read as the bracket's sine
  times the letter, where the angle may be the whole product.

A doubt does not refuse the oracle: the guess is often right. It names the place, so that a failing test is
held against the paper there first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import sympy

from tools.trace.oracle_latex.axes import AXIS_PREFIX
from tools.trace.oracle_latex.nodes import py_name
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


def doubts(latex: str, exprs: dict[str, sympy.Expr]) -> list[str]:
    """The guesses the reading `exprs` (output name -> expression) rests on, each in one sentence."""
    out = [
        *_powers(exprs.values()),
        *_products(latex, exprs.values()),
        *_dots(latex),
        *_scaled_matrices(exprs.values()),
        *_run_on_angles(latex),
    ]
    return list(dict.fromkeys(out))


def _powers(exprs: Iterable[sympy.Expr]) -> list[str]:
    out = []
    for expr in exprs:
        for p in sorted(expr.atoms(sympy.Pow), key=sympy.sstr):
            # a sum's index on top ('gamma^t r_t' summed over t) is a discount: no doubt
            free = [s for s in p.exp.free_symbols if not s.name.startswith(AXIS_PREFIX)]
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
        if py_name(letter) in factors:
            out.append(
                f"`{letter}(...)`: read as {letter} times the bracket; if {letter} is a function the paper "
                "applies, the oracle is wrong"
            )
    return out


# a letter (maybe bold, with a subscript) on each side of \cdot: 'V \cdot a_i', 'q_i \cdot z_j'; a bare
# Greek letter is a scalar weight ('\lambda \cdot L'), a command another operator ('\cdot \log')
_SCRIPTS = r"(?:[_^](?:\{[^{}]*\}|\w)){0,2}"
_LATIN = rf"(?:\\(?:mathbf|boldsymbol|bm)\{{[^{{}}]*\}}|[A-Za-z]){_SCRIPTS}"
_OPERAND = rf"(?:{_LATIN}|\\(?:{_GREEK})_(?:\{{[^{{}}]*\}}|\w){_SCRIPTS})"
_DOT = re.compile(rf"(?<![\w}}\\])({_OPERAND})\s*\\cdot(?![a-z])\s*({_OPERAND})(?![A-Za-z{{])")


def _dots(latex: str) -> list[str]:
    """A dot between two letters: read as a product of numbers, element by element."""
    return [
        f"`{m[1]} \\cdot {m[2]}`: read element by element; if both are vectors it is an inner product "
        "and the oracle is wrong"
        for m in _DOT.finditer(_unbraced(latex))
    ]


def _scaled_matrices(exprs: Iterable[sympy.Expr]) -> list[str]:
    """A transposed matrix times a letter the reading took for a number ('A^T U_t' with U_t a matrix)."""
    out = []
    for expr in exprs:
        for m in sorted(expr.atoms(sympy.Mul), key=sympy.sstr):
            turned = [a for a in m.args if a.func.__name__ == "transpose"]
            scalars = [a for a in m.args if isinstance(a, sympy.Symbol)]
            if turned and scalars:
                out.append(
                    f"`{sympy.sstr(m)}`: {', '.join(map(str, scalars))} read as a number scaling a matrix; "
                    "if it is a vector or a matrix, the product is a matrix product and the oracle is wrong"
                )
    return out


_ANGLE = re.compile(
    r"\\(?P<f>sin|cos|tan|sinh|cosh|tanh)\s*(?:\\left\s*)?\((?P<arg>[^()]*)(?:\\right\s*)?\)"
    r"\s*(?P<next>\\[A-Za-z]+|[A-Za-z])"
)
_NOT_A_FACTOR = {"\\cdot", "\\times", "\\quad", "\\qquad", "\\right", "\\end", "\\text", "\\mathrm", "\\frac"}


def _run_on_angles(latex: str) -> list[str]:
    """`\\sin (1-\\mu)\\theta`: the sine of the bracket times a letter, or the sine of the whole product."""
    return [
        f"`\\{m['f']} ({m['arg'].strip()}){m['next']}`: read as the {m['f']} of the bracket times "
        f"{m['next']}; if the angle is the whole product, the oracle is wrong"
        for m in _ANGLE.finditer(latex)
        if m["next"] not in _NOT_A_FACTOR
    ]


def _unbraced(latex: str) -> str:
    """Braces that only wrap one group dropped: '{\\mathbf{{h}}}(' reads as '\\mathbf{h}('."""
    while True:
        out = re.sub(r"\{\s*(\{[^{}]*\})\s*\}", r"\1", latex)  # '{{h}}' -> '{h}'
        out = re.sub(r"\{\s*(\\[A-Za-z]+\{[^{}]*\})\s*\}", r"\1", out)  # '{\\mathbf{h}}' -> '\\mathbf{h}'
        if out == latex:
            return out
        latex = out
