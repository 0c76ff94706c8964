"""Blackboard operators: expectations `\\mathbb{E}_{x \\sim p}[...]` (a mean over a sample axis) and
indicators `\\mathbb{1}[x > 0]` (1 where the comparison holds, else 0).

Convention for an expectation: every input written inside its brackets is a sample - it gets a leading
sample axis (SAMPLES long) - and the expectation is the mean over that axis. An input written both inside
and outside, an expectation inside another, or one with no input inside is refused: which axis is sampled
would be a guess.
"""

from __future__ import annotations

import re
from typing import Any

from tools.trace.oracle_latex.conditions import case_conditions
from tools.trace.oracle_latex.nodes import Group, flatten, items_of, matching
from tools.trace.oracle_latex.vocabulary import REASONS, Unsupported


def blackboard_letter(nodes: list[Any], i: int) -> str:
    """The letter of \\mathbb{E} / \\mathds{1} at i ('' when it has no argument)."""
    return "".join(str(t) for t in flatten(items_of(nodes[i + 1]))) if i + 1 < len(nodes) else ""


def bracket_after(nodes: list[Any], i: int, what: str) -> tuple[list[Any], int]:
    """The nodes inside the [...] (or {...} group, or \\{...\\}) at i, after an optional subscript; and the
    index after it."""
    if nodes[i : i + 1] == ["_"]:
        i += 2
    if i < len(nodes) and nodes[i] in ("[", "("):
        close = matching(nodes, i, nodes[i], "]" if nodes[i] == "[" else ")")
        return nodes[i + 1 : close], close + 1
    if i < len(nodes) and nodes[i] == "\\{":
        close = matching(nodes, i, "\\{", "\\}")
        return nodes[i + 1 : close], close + 1
    if i < len(nodes) and isinstance(nodes[i], Group):
        return nodes[i].items, i + 1
    raise Unsupported(f"{what} without brackets: what it applies to is unclear")


class BlackboardOperators:
    """Rewriter methods for \\mathbb{E} and \\mathbb{1} (mixed into Rewriter)."""

    sampled: set[str]
    sample_notes: int  # inputs written inside expectations so far, each time (`E[XY] - E[X] E[Y]`)
    outside: set[str]
    expectation_depth: int
    conditions: list[str]
    inputs: list[str]
    symbols: dict[str, str]
    choices: set[str]

    learning: bool
    typing: Any

    def emit(self, nodes: list[Any], in_call: bool = False) -> str:
        raise NotImplementedError

    def function(self, nodes: list[Any], i: int, out: list[str], name: str = "", width: int = 1) -> int:
        raise NotImplementedError

    def _emit_matrix_scalar(self, st: Any, i: int, c: str) -> int:
        """`\\det A`, `\\tr(A^\\top B)`: of a matrix the line shows to be one (bold, transposed, inverted, a
        factor of a product); of anything else refused (a determinant of a scalar is a misreading)."""
        out: list[str] = []
        end = self.function(st.nodes, i, out, name="\\opdet" if c == "det" else "\\optrace")
        if not self.learning and not any(tag in out[-1] for tag in self.typing.positions):
            raise Unsupported(f"\\{c} of something the line does not show to be a matrix (bold, transposed)")
        tensors = getattr(self, "tensors", {})
        capitals = {t for t in flatten(st.nodes[i:end]) if isinstance(t, str) and t.isalpha() and t.isupper()}
        loose = sorted(t for t in capitals if not any(n.split("_")[0] == t for n in tensors))
        if not self.learning and loose:  # `\tr(W^\top V)`: V a matrix the line does not mark, or a scalar?
            raise Unsupported(
                f"\\{c}(...) holds {', '.join(loose)}, which the line does not show to be a matrix "
                "(bold, transposed) nor a scalar"
            )
        st.out += out
        return end

    def read_var(self, nodes: list[Any], i: int, lhs: bool = False) -> tuple[Any, int]:
        raise NotImplementedError

    def _emit_diag(self, st: Any, i: int, c: str) -> int:
        """`\\operatorname{diag}(v)`: the diagonal matrix of one vector variable (a factor of matrix products
        on the line); of an expression, or on a line read without matrices, refused."""
        nodes = st.nodes
        j = i + 1
        arg = items_of(nodes[j]) if j < len(nodes) and isinstance(nodes[j], Group) else None
        if nodes[j : j + 1] == ["("]:
            arg = nodes[j + 1 : matching(nodes, j)]
        try:
            var, end = self.read_var(arg, 0) if arg else (None, 0)
        except (Unsupported, IndexError):
            var = None
        if var is None or end != len(arg or []) or var.base[:1].isupper():
            raise Unsupported("diag of an expression or a matrix: only diag(v) of one vector is read")
        if self.learning:
            self.typing.kinds.setdefault(var.name, "vector")
        out: list[str] = []
        end = self.function(nodes, i, out, name="\\opdiag")
        if not self.learning and not any(tag in out[-1] for tag in self.typing.positions):
            raise Unsupported(f"\\diag of {var.name}, which the line does not show to be a vector")
        st.out += out
        if self.learning:
            self.typing.after_matrix = "matrix"  # diag(v) W, diag(v) x: a product goes on
        return end

    def _emit_blackboard(self, st: Any, i: int, c: str) -> int:
        letter = blackboard_letter(st.nodes, i)
        if letter == "E":
            return self.expectation(st, i + 2)
        if letter == "1":
            return self.indicator(st, i + 2)
        raise Unsupported(REASONS["mathbb"] if c == "mathbb" else f"\\{c}{{{letter}}} is not plain algebra")

    def expectation(self, st: Any, i: int) -> int:
        """E_{...}[body] at i (past the E) -> \\expect(body)."""
        body, end = bracket_after(st.nodes, i, "an expectation")
        if self.expectation_depth:
            raise Unsupported("an expectation inside another: which sample axis each averages is unclear")
        before = self.sample_notes
        self.expectation_depth += 1
        try:
            inner = self.emit(body)
        finally:
            self.expectation_depth -= 1
        if self.sample_notes == before:
            raise Unsupported("an expectation of nothing the line gives as input: nothing to sample")
        st.out.append(f"\\expect({inner})")
        return end

    def indicator(self, st: Any, i: int) -> int:
        """1[a > b] / 1_{a > b} / 1\\{a > b\\} at i (past the 1) -> \\pwhere(step(b - a), 1, 0); a conjunction
        (`1[a > b, c < d]`) nests them."""
        body, end = bracket_after(st.nodes, i, "an indicator")
        if "=" in body or "\\neq" in body or "\\ne" in body:
            raise Unsupported(
                "an indicator of an equality: random real inputs are never equal, so it cannot be checked"
            )
        relations = case_conditions(body)  # one comparison, a chain, or several joined by `and`
        if relations is None:
            raise Unsupported("an indicator whose condition is not a comparison")
        st.out.append(self.branch("1", relations, "0"))
        return end

    def comparison(self, lhs: list[Any], op: str, rhs: list[Any]) -> str:
        """`lhs < rhs` (lt/le/gt/ge, or eq/ne between indices) as a step of their difference, recorded among
        the conditions (each must hold on some random inputs and fail on others)."""
        left, right = self.emit(lhs), self.emit(rhs)
        if op in ("eq", "ne"):  # i = j, t = 0 (conditions.py): its letters are drawn from {0, 1}
            self.choices |= {self.symbols[ph] for ph in re.findall(r"\\(zz[A-Za-z]+)", left + right)}
            cond = f"\\step{op}({{{left}}}-({right}))"
            self.conditions.append(cond)
            return cond
        diff = f"{{{right}}}-({left})" if op in ("lt", "le") else f"{{{left}}}-({right})"
        cond = f"\\step{'gt' if op in ('lt', 'gt') else 'ge'}({diff})"
        self.conditions.append(cond)
        return cond

    def branch(self, value: str, relations: list[tuple[list[Any], str, list[Any]]], rest: str) -> str:
        """`value` where every comparison holds, else `rest`: nested \\pwhere; a conjunction is also recorded
        as one condition (it must hold somewhere, or its branch goes untested)."""
        conds = [self.comparison(*relation) for relation in relations]
        if len(conds) > 1:
            self.conditions.append(" \\cdot ".join(conds))
        expr = value
        for cond in reversed(conds):
            expr = f"\\pwhere({cond}, {expr}, {rest})"
        return expr


def note_input(operators: BlackboardOperators, py: str) -> None:
    """Where an input is written: inside an expectation (a sample) or outside; both is refused."""
    (operators.sampled if operators.expectation_depth else operators.outside).add(py)
    operators.sample_notes += bool(operators.expectation_depth)
    if operators.sampled & operators.outside:
        name = sorted(operators.sampled & operators.outside)[0]
        raise Unsupported(f"{name} is written inside and outside an expectation: is it a sample or not?")
