"""Derivatives on a right-hand side: `\\frac{\\partial L}{\\partial \\theta}`, `\\frac{d}{dt}`, `\\partial_x`.

Two readings, both certain from the LaTeX:
- the derivative of one quantity the line never writes out (`\\frac{\\partial \\mathcal{L}}{\\partial w}`,
  `\\frac{\\partial \\log Z}{\\partial m}`, `\\partial_\\theta f(x)`): its value is given, an input named
  like `\\nabla_\\theta L`'s (`grad_theta_L`), as the value of a function the paper never defines is;
- the partial derivative of an expression written out on the line (`\\frac{\\partial}{\\partial x}(a x^2)`):
  sympy differentiates it (`\\pdiff(expr, x)` for the runtime), every other symbol held fixed, as a partial
  derivative means. A total derivative d/dt of an expression holding other symbols is refused: which of them
  depend on t is not written.
Second and mixed derivatives, derivatives with respect to a matrix or vector, of a function the oracle
evaluates, or inside a sum over their index are refused with that reason.
"""

from __future__ import annotations

import re
from typing import Any

from tools.trace.oracle_latex.nodes import (
    Group,
    cmd_of,
    flatten,
    items_of,
    matching,
    name_of,
    py_name,
    several_arguments,
)
from tools.trace.oracle_latex.variables import Var, density_value, latex_of
from tools.trace.oracle_latex.vocabulary import BOLD, DECOR_SUFFIX, GREEK, TEXT_NAMES, Unsupported

TERM_ENDS = {"+", "-", "=", ",", "&", "\\\\"}  # an operator applies to the product term that follows it
PLAIN = {"frac", "sqrt", "exp", "log", "sin", "cos", "tan", "tanh", "sinh", "cosh", "cdot", "pi", "zzTR"}


def differential(nodes: list[Any]) -> tuple[str | None, list[Any]]:
    """The mark a derivative's numerator or denominator starts with: ('partial' | 'd', the rest), or
    (None, nodes) for any other fraction part."""
    items = list(nodes)
    while len(items) == 1 and isinstance(items[0], Group):
        items = items[0].items
    if items[:1] == ["\\partial"]:
        return "partial", items[1:]
    if items[:1] == ["d"]:
        return "d", items[1:]
    if items and cmd_of(items[0]) in TEXT_NAMES and len(items) > 1 and name_of(items_of(items[1])) == "d":
        return "d", items[2:]
    return None, items


def _starts_a_name(nodes: list[Any]) -> bool:
    t = nodes[0] if nodes else None
    c = cmd_of(t)
    return bool(t) and (
        c in GREEK
        or c in BOLD
        or c in DECOR_SUFFIX
        or c in ("mathcal", "mathscr")
        or c in TEXT_NAMES
        or (isinstance(t, str) and len(t) == 1 and t.isalpha())
    )


def _ends_term(t: Any) -> bool:
    return isinstance(t, str) and t in TERM_ENDS


def term_after(nodes: list[Any], j: int) -> tuple[list[Any], int]:
    """What an operator at j-1 applies to: a bracket or group, else the product term up to the next
    top-level + - = , & or the end (brackets and |...| bars taken whole)."""
    if j < len(nodes) and nodes[j] in ("(", "["):
        close = matching(nodes, j, nodes[j], ")" if nodes[j] == "(" else "]")
        if close + 1 >= len(nodes) or _ends_term(nodes[close + 1]):
            return nodes[j + 1 : close], close + 1
    if j < len(nodes) and isinstance(nodes[j], Group) and (j + 1 >= len(nodes) or _ends_term(nodes[j + 1])):
        return nodes[j].items, j + 1
    k = j
    while k < len(nodes) and not _ends_term(nodes[k]):
        k = past_bars(nodes, k)
    if k == j:
        raise Unsupported("an operator with nothing after it to apply to")
    return nodes[j:k], k


def past_bars(nodes: list[Any], k: int) -> int:
    """The index after the token at k, or after the bracket or |...| it opens."""
    if nodes[k] in ("(", "["):
        return matching(nodes, k, nodes[k], ")" if nodes[k] == "(" else "]") + 1
    if nodes[k] == "|":
        close = next((m for m in range(k + 1, len(nodes)) if nodes[m] == "|"), None)
        if close is None:
            raise Unsupported("an unclosed |...|")
        return close + 1
    return k + 1


def _operand(nodes: list[Any], j: int) -> tuple[list[Any], int]:
    """What a derivative operator at j-1 applies to (term_after); `\\Big|_{x=0}` after it is refused."""
    if nodes[j : j + 1] == ["|"]:
        raise Unsupported(
            "a derivative evaluated at a point (\\frac{d}{dx}\\Big|_{x=0}) is not read: write it out"
        )
    return term_after(nodes, j)


class Derivatives:
    """Rewriter methods for derivatives (mixed into Rewriter)."""

    symbols: dict[str, str]
    tensors: dict[str, str]
    helpers: dict[str, str]
    callables: Any
    given: Any
    indices: set[str]
    applications: dict[str, str]
    vectors: set[str]
    reductions: bool

    def emit(self, nodes: list[Any], in_call: bool = False) -> str:
        raise NotImplementedError

    def placeholder(self, py: str, *, is_input: bool = True) -> str:
        raise NotImplementedError

    def read_var(self, nodes: list[Any], i: int, lhs: bool = False) -> tuple[Var, int]:
        raise NotImplementedError

    def derivative_frac(self, st: Any, i: int) -> int:
        """`\\frac{\\partial X}{\\partial x}`, `\\frac{d}{dt} X` at i: written to st.out; the index after."""
        nodes = st.nodes
        kind, num = differential(items_of(nodes[i + 1]))
        kind_den, den = differential(items_of(nodes[i + 2]))
        if kind is None or kind != kind_den or not _starts_a_name(den):
            raise Unsupported("a derivative (d/dx) is not plain algebra")
        if num[:1] == ["^"]:
            raise Unsupported("a second or higher derivative is not read: write it out")
        wrt = self._wrt(den)
        if num:
            operand, end = num, i + 3
        else:
            operand, end = _operand(nodes, i + 3)
        shown = latex_of(nodes[i:end])
        st.out.append(self._derivative(kind, operand, wrt, shown) + " ")
        return end

    def _emit_partial(self, st: Any, i: int, c: str) -> int:
        """`\\partial_\\theta L`, `\\partial_x (a x^2)`: as `\\frac{\\partial}{\\partial x}`."""
        nodes = st.nodes
        if nodes[i + 1 : i + 2] != ["_"] or i + 2 >= len(nodes):
            raise Unsupported("a derivative is not plain algebra")
        wrt = self._wrt(items_of(nodes[i + 2]))
        operand, end = _operand(nodes, i + 3)
        st.out.append(self._derivative("partial", operand, wrt, latex_of(nodes[i:end])) + " ")
        return end

    def _wrt(self, den: list[Any]) -> Var:
        """The variable a derivative is taken with respect to: one scalar symbol."""
        if not _starts_a_name(den):
            raise Unsupported("a derivative with respect to an expression is not read")
        var, end = self.read_var(den, 0)
        if end != len(den) or var.call is not None:
            raise Unsupported(
                "a second or mixed derivative, or one with respect to an expression, is not read: "
                "write it out"
            )
        if var.bold or var.name in self.tensors or var.name in self.vectors:
            raise Unsupported(
                f"a derivative with respect to {var.name}, a matrix or vector: the shape of the result is "
                "not read"
            )
        return var

    def _derivative(self, kind: str, operand: list[Any], wrt: Var, shown: str) -> str:
        flat = {str(t) for t in flatten([*operand, *wrt.sub])}
        if self.indices & flat:
            raise Unsupported("a derivative inside a sum over its index: one per term is not read")
        quantity = self._one_quantity(operand)
        if quantity is not None:
            return self._given_derivative(quantity, wrt, shown)
        return self._differentiated(kind, operand, wrt)

    def _one_quantity(self, operand: list[Any]) -> tuple[str, Var] | None:
        """`L`, `\\mathcal{L}`, `f(x)`, `\\log Z`: one quantity (with `log_` when under \\log), else None."""
        log = cmd_of(operand[0]) in ("log", "ln") if operand else False
        rest = operand[1:] if log else operand
        if not _starts_a_name(rest):
            return None
        try:
            var, end = self.read_var(rest, 0, lhs=True)
        except Unsupported:
            return None
        if end != len(rest):
            return None
        return ("log_" if log else ""), var

    def _given_derivative(self, quantity: tuple[str, Var], wrt: Var, shown: str) -> str:
        """The derivative of a quantity the line does not write out: given as its value."""
        log, var = quantity
        if var.base in self.helpers or var.name in self.callables:
            raise Unsupported(
                f"the derivative of {var.base}, a function the oracle evaluates: differentiate it"
            )
        density = var.call is not None and density_value(var.base, var.call)  # ∂/∂θ log p(b | θ): a score
        function = var.call is None or several_arguments(var.call) or var.name in self.given or density
        if not (function or var.base.endswith("_cal")):  # \\mathcal{L}(\\theta): a loss, by convention
            raise Unsupported(
                f"{var.base}(...) may be a function or a product: the oracle cannot tell (pass latex= with "
                "\\cdot for a product)"
            )
        if var.name == wrt.name:
            raise Unsupported(f"the derivative of {var.name} with respect to itself")
        at = f"_of_{name_of(var.call)}" if var.call else ""
        name = py_name(f"grad_{wrt.name}_{log}{var.name}{at}")[:56].rstrip("_")
        self.applications[name] = shown  # the spec's `given` note: the value of the derivative
        return f"{{\\{self.placeholder(name)}}}"

    def _differentiated(self, kind: str, operand: list[Any], wrt: Var) -> str:
        """`\\pdiff(expr, x)`: an expression of scalar inputs, differentiated by sympy in the runtime."""
        before = dict(self.applications)
        reductions, self.reductions = self.reductions, False
        body = self.emit(operand)
        summed, self.reductions = self.reductions, reductions
        x = self.placeholder(wrt.name)
        used = set(re.findall(r"\\(zz[A-Za-z]+)", body))
        commands = set(re.findall(r"\\([A-Za-z]+)", body)) - used
        names = [self.symbols.get(p, p) for p in used]
        given = [n for n in names if n in self.applications or n.startswith("grad_") or n in self.tensors]
        given += [n for n in names if n in self.vectors]
        if summed or commands - PLAIN or self.applications != before or given:
            raise Unsupported(
                "a derivative of an expression holding sums, norms, matrices, cases or given values is not "
                "read: only plain algebra of scalar inputs is differentiated"
            )
        if x not in used:
            raise Unsupported(
                f"a derivative with respect to {wrt.name} of an expression not written in {wrt.name}: "
                f"how its symbols depend on {wrt.name} is not written"
            )
        if kind == "d" and used != {x}:
            raise Unsupported(
                f"a total derivative d/d{wrt.name} of an expression holding other symbols: which of them "
                f"depend on {wrt.name} is not written (a partial derivative holds them fixed)"
            )
        return f"\\pdiff({{{body}}}, {{\\{x}}})"


def physics_derivatives(nodes: list[Any]) -> list[Any]:
    """The physics package's `\\pdv{f}{x}`, `\\pdv[2]{f}{x}`, `\\pdv{f}{x}{y}` and `\\dv{}{t}` written as the
    fractions they print (`\\frac{\\partial f}{\\partial x}`), so one reading serves both spellings."""
    out: list[Any] = []
    i = 0
    while i < len(nodes):
        node = nodes[i]
        if isinstance(node, Group):
            out.append(Group(physics_derivatives(node.items), node.delim))
        elif cmd_of(node) in ("pdv", "dv"):
            fraction, i = _physics_fraction(nodes, i, "\\partial" if node == "\\pdv" else "d")
            out += fraction
            continue
        else:
            out.append(node)
        i += 1
    return out


def _physics_fraction(nodes: list[Any], i: int, mark: str) -> tuple[list[Any], int]:
    """The fraction `\\pdv` / `\\dv` at i stands for, and the index after its arguments."""
    j, order = i + 1, []
    if nodes[j : j + 1] == ["["]:
        close = next((k for k in range(j, len(nodes)) if nodes[k] == "]"), None)
        if close is None:
            raise Unsupported("a derivative's order bracket is not closed")
        order, j = nodes[j + 1 : close], close + 1
    args = []
    while j < len(nodes) and isinstance(nodes[j], Group) and len(args) < 3:
        args.append(physics_derivatives(nodes[j].items))
        j += 1
    if len(args) < 2:
        raise Unsupported("a derivative (\\pdv, \\dv) without its two arguments is not read")
    power = ["^", Group(order)] if order else []
    if len(args) == 3:  # mixed: d²f / dx dy
        num = [mark, "^", Group(["2"]), *args[0]]
        return ["\\frac", Group(num), Group([mark, *args[1], mark, *args[2]])], j
    return ["\\frac", Group([mark, *power, *args[0]]), Group([mark, *args[1], *power])], j
