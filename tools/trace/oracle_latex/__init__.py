"""LaTeX of one equation line -> the SPEC an equation oracle evaluates (see tools/oracles.py).

A small tokenizer and rewriter, not a TeX engine: every variable (`\\bar{\\alpha}_{t-1}`, `x_0`,
`\\epsilon_\\theta(x_t, t)`) becomes an opaque `{\\zz...}` command for sympy's LaTeX parser, mapped to a
Python name (alpha_bar_t_minus_1, x_0, epsilon_theta); each definition on the line (`a = ..., f(t) = ...`)
becomes one right-hand side; `\\sum`/`\\prod` become reductions over the indexed vectors (several indices:
one axis each, axes.py), `\\|x\\|` norms.
What is not plain algebra (distributions, expectations, KL, conditionals, ellipses, unknown macros) raises
Unsupported with the reason.

Why the ANTLR parser (`parse_latex`) and not sympy 1.14's lark backend (`parse_latex_lark`): on raw
paper LaTeX both fail (ANTLR silently, lark loudly); after this rewrite lark rejects the opaque `{\\zz...}`
names while ANTLR parses them, and lark misreads `\\exp(v \\log(b) + (1-v) \\log(c))` as
exp(v log(c) log(b - v + 1)). ANTLR's silent misreadings are caught downstream: a parse that loses a
variable or yields a constant is refused.
"""

from tools.trace.oracle_latex.spec import (
    bracket_powers,
    build_spec,
    defined_functions,
    name_uses,
    nested_calls,
    one_variable_calls,
)
from tools.trace.oracle_latex.vocabulary import Unsupported

__all__ = [
    "Unsupported",
    "bracket_powers",
    "build_spec",
    "defined_functions",
    "name_uses",
    "nested_calls",
    "one_variable_calls",
]
