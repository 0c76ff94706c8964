"""Matrices and vectors on an equation line: which symbols are which, learned from how the line uses them.

A first pass over the line learns the kinds; the second emits each matrix or vector occurrence as its own
placeholder tagged with its position, so that the runtime can put a product's factors back in the paper's
order (sympy's parser reorders commutative factors). The evidence, and nothing else:
- a matrix: an upper-case symbol that is bold (`\\mathbf{W}`), is named W, is transposed or inverted
  (`A^\\top`, `\\Sigma^{-1}`), follows a transposed vector or bracket (`x^\\top A`, `(x - m)^\\top A`), or
  stands right before an operand on a line that has another matrix (one right after a vector, `W x C`, is
  refused: a row or a scalar?);
- a vector: a lower-case symbol right after a matrix (`W x`), inside brackets right after one
  (`\\Sigma^{-1}(x - \\mu)`), transposed (`x^\\top`, `(a - b)^\\top`), or bold on a line with a matrix.
Everything else stays a scalar, except an upper-case symbol right before a Latin letter with nothing to settle
it (`A_L x_k`, `K z`): the line is refused rather than read as numbers. Matrices are square (n x n), vectors
length n, so every product is defined.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tools.trace.oracle_latex.nodes import Group, cmd_of, flatten, items_of
from tools.trace.oracle_latex.variables import Var
from tools.trace.oracle_latex.vocabulary import BOLD, DECOR_SUFFIX, GREEK, TRANSPOSE, Unsupported

OPERAND_COMMANDS = GREEK | set(DECOR_SUFFIX) | BOLD


@dataclass
class TensorTyping:
    """What the first pass learns (kinds) and what the second uses (kinds preset, positions handed out)."""

    kinds: dict[str, str] = field(default_factory=dict)  # Python name -> "matrix" | "vector"
    maybe_matrix: set[str] = field(default_factory=set)  # juxtaposed upper-case: confirmed by a sure one
    before_letter: set[str] = field(default_factory=set)  # maybe-matrices right before a Latin letter (`A x`)
    maybe_vector: set[str] = field(default_factory=set)  # lower-case bold, or after a maybe-matrix
    after_matrix: str | None = None  # "matrix" or "maybe" right after one (a product continues)
    after_vector: bool = False  # right after a bold vector, not transposed (`W \\mathbf{x}`, then `C`?)
    after_row: bool = False  # right after a transposed vector (`x^\\top A`: A is a matrix)
    parens: list[list[str]] = field(default_factory=list)  # lower-case names seen inside each open bracket
    vector_parens: list[bool] = field(default_factory=list)  # brackets opened right after a matrix
    positions: dict[str, int] = field(default_factory=dict)  # tagged placeholder -> position on the line
    identities: set[str] = field(default_factory=set)  # names of the identity matrix (the first pass)
    matrix_parens: list[bool] = field(default_factory=list)  # does each open bracket hold a matrix?
    closed_matrix: bool = False  # right after a bracket (or a function's argument) that held one

    def learn(self, var: Var, nodes: list[Any], i: int) -> None:
        """Record the kind of the variable just read (the token after it is at i)."""
        upper = var.base[:1].isupper()
        if "," in flatten(var.sub):  # G_{g,3,2}, W_{i,j}: an entry, a scalar
            return
        transposed = nodes[i : i + 1] == [TRANSPOSE]
        inverted = nodes[i : i + 1] == ["^"] and flatten(items_of(nodes[i + 1])) == ["-", "1"]
        if upper and self.after_vector and not var.bold:
            raise Unsupported(
                f"{var.name} right after a vector (`W x {var.base}`): a matrix the vector meets as a row, or "
                "a scalar written after it? (pass latex= with a scalar before the product)"
            )
        if upper and inverted and var.call is not None and not var.bold:
            raise Unsupported(INVERTED_CALL.format(name=var.base))
        after = i + 2 if nodes[i : i + 1] == ["^"] else i  # `K^{1/2} \\mathbf{q}`: past its power
        if upper and (var.bold or var.base == "W" or transposed or inverted or self.after_row):
            self.kinds[var.name] = "matrix"
        elif upper and (_operand_follows(nodes, after) or self._matrix_before()):
            self.maybe_matrix.add(var.name)
            probability = var.call is not None and var.base in ("P", "Q", "Pr")  # P(Y=1) a: a number
            if not probability and _latin_follows(nodes, after) and not _shared_index(var, nodes, i):
                self.before_letter.add(var.name)
        elif not upper and (transposed or self.after_matrix == "matrix" or any(self.vector_parens)):
            self.kinds.setdefault(var.name, "vector")
        elif not upper and (var.bold or self.after_matrix == "maybe"):
            self.maybe_vector.add(var.name)
        if not upper and self.parens:
            self.parens[-1].append(var.name)
        sure = self.kinds.get(var.name) == "matrix"
        if self.matrix_parens and (sure or var.name in self.maybe_matrix):
            self.matrix_parens[-1] = True
        self.closed_matrix = False
        self.after_matrix = "matrix" if sure else "maybe" if var.name in self.maybe_matrix else None
        vector = var.name in self.maybe_vector or self.kinds.get(var.name) == "vector"
        self.after_vector = not upper and vector and var.bold and var.call is None and not transposed
        self.after_row = not upper and transposed

    def _matrix_before(self) -> bool:
        """An upper-case factor right after a bracket of matrices (`softmax(Q K^T) V`), or after a matrix
        on a line with the identity (`(I - V H)`): a matrix too."""
        return self.closed_matrix or bool(self.identities and self.after_matrix)

    def bracket(self, token: str, nodes: list[Any], i: int) -> None:
        """Follow brackets (vectors inside `M(...)` and `(...)^\\top`) and operators (which end a product)."""
        held = False
        if token in ("(", "["):
            self.parens.append([])
            self.vector_parens.append(self.after_matrix == "matrix")
            self.matrix_parens.append(False)
        elif token in (")", "]") and self.parens:
            inside = self.parens.pop()
            self.vector_parens.pop()
            held = self.matrix_parens.pop()  # pushed with each entry of parens
            if held and self.matrix_parens:
                self.matrix_parens[-1] = True
            if nodes[i + 1 : i + 2] == [TRANSPOSE]:
                for name in inside:
                    self.kinds.setdefault(name, "vector")
            elif self.parens:
                self.parens[-1] += inside
        self.after_matrix, self.after_vector, self.after_row = None, False, False
        self.closed_matrix = held
        if token == ")" and nodes[i + 1 : i + 2] == [TRANSPOSE]:
            self.after_row = True  # `(x - m)^\top A`: a row before A makes A a matrix

    def settled(self) -> dict[str, str]:
        """The kinds, the maybes confirmed when the line has a sure matrix. Unconfirmed, an upper-case symbol
        right before a Latin letter (`A_L x_k + B_L u_k`, `K z`) is a matrix times a vector as often as a
        product of numbers: refused rather than read as numbers."""
        kinds = dict(self.kinds)
        if "matrix" in kinds.values():
            for name in self.maybe_matrix:
                kinds.setdefault(name, "matrix")
            for name in self.maybe_vector:
                kinds.setdefault(name, "vector")
        elif self.before_letter:
            name = sorted(self.before_letter)[0]
            raise Unsupported(
                f"{name} before a letter: a matrix times a vector, or a product of numbers? (write the "
                "matrix in bold, transposed or as W, or a number with \\cdot)"
            )
        return kinds

    def tag(self, placeholder: str) -> str:
        """A placeholder for one occurrence, its position recorded."""
        n = len(self.positions)
        tagged = placeholder + "zq" + _letters(n)
        self.positions[tagged] = n
        return tagged


def _letters(n: int) -> str:
    out = ""
    while True:
        out = "abcdefghijklmnopqrstuvwxy"[n % 25] + out
        n //= 25
        if not n:
            return out


def _shared_index(var: Var, nodes: list[Any], i: int) -> bool:
    """`Q_b w_b`, `J_{ij} s_i`: an entry times an entry at a common index (inside a sum), numbers."""
    own = {t for t in flatten(var.sub or []) if isinstance(t, str) and t.isalpha() and t.islower()}
    if not own or nodes[i + 1 : i + 2] != ["_"] or i + 2 >= len(nodes):
        return False
    return bool(own & {t for t in flatten(items_of(nodes[i + 2])) if isinstance(t, str)})


INVERTED_CALL = (
    "{name}(...)^{{-1}}: the inverse of a matrix the function gives (a Gram matrix K(X, X)), or the "
    "reciprocal of a number? (write a scalar's reciprocal as \\frac{{1}}{{...}})"
)


def inverted_call(items: list[Any], nodes: list[Any], i: int) -> str | None:
    """`{K(t, t)}^{-1}` at i: the name of an upper-case function whose braced value is inverted, else None."""
    called = len(items) > 2 and isinstance(items[0], str) and items[0].isupper() and items[1] == "("
    power = flatten(items_of(nodes[i + 2])) if nodes[i + 1 : i + 2] == ["^"] and i + 2 < len(nodes) else []
    return items[0] if called and power[:1] == ["-"] else None


def _latin_follows(nodes: list[Any], i: int) -> bool:
    """A lower-case Latin letter next, not raised to a power (`A x`, `K \\mathbf{z}`; not `G r^2`)."""
    t = nodes[i] if i < len(nodes) else None
    if isinstance(t, Group):
        return bool(t.items) and _latin_follows(t.items, 0)
    if cmd_of(t) in BOLD and i + 1 < len(nodes):
        return _latin_follows(items_of(nodes[i + 1]), 0)
    letter = isinstance(t, str) and len(t) == 1 and t.isalpha() and t.islower()
    raised = items_of(nodes[i + 2]) if nodes[i + 1 : i + 2] == ["^"] and i + 2 < len(nodes) else []
    powered = bool(raised) and raised != [TRANSPOSE] and raised[0] not in ("(", "[")  # a^{[l]} is a mark
    return letter and not powered


def _operand_follows(nodes: list[Any], i: int) -> bool:
    if i >= len(nodes):
        return False
    t = nodes[i]
    if isinstance(t, Group):
        return bool(t.items) and _operand_follows(t.items, 0)
    return t == "(" or (isinstance(t, str) and len(t) == 1 and t.isalpha()) or cmd_of(t) in OPERAND_COMMANDS
