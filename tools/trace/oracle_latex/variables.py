"""A variable read from the node list: base name, subscript, marks and the call that follows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tools.trace.oracle_latex.nodes import Group, cmd_of, flatten, items_of, name_of
from tools.trace.oracle_latex.vocabulary import BOLD, DECOR_SUFFIX, GREEK, REASONS, TEXT_NAMES, Unsupported


@dataclass
class Var:
    name: str  # Python name
    base: str  # name without subscript
    sub: list[Any] = field(default_factory=list)
    call: list[Any] | None = None  # the (args) that followed, when it is a call
    bold: bool = False  # \\mathbf{W}: a vector or matrix by convention
    marks: list[str] = field(default_factory=list)  # ^{(t)} / ^{[t]}: one letter, maybe a sum's index
    plain: str = ""  # the base before its marks
    expression: list[Any] | None = None  # a left-hand side that is an expression (\\log p(x)), named by it


def read_base(nodes: list[Any], i: int, lhs: bool) -> tuple[str, int]:
    """A variable's base name from the token at i (a letter, a Greek letter, a decorated or text name)."""
    t = nodes[i]
    c = cmd_of(t)
    if lhs and c in TEXT_NAMES and i + 1 < len(nodes):
        return name_of(items_of(nodes[i + 1])), i + 2
    if lhs and c in ("mathcal", "mathscr") and i + 1 < len(nodes):  # a loss or objective named \mathcal{L}
        return name_of(items_of(nodes[i + 1])) + "_cal", i + 2
    if c in DECOR_SUFFIX:
        if i + 1 >= len(nodes):
            raise Unsupported(f"\\{c} without an argument")
        inner = items_of(nodes[i + 1])
        if lhs and inner and cmd_of(inner[0]) in ("mathcal", "mathscr") and len(inner) > 1:
            return _decorated_calligraphic(inner) + DECOR_SUFFIX[c], i + 2  # \hat{\mathcal{R}}(f) = ...
        if any(cmd_of(x) in REASONS for x in inner):
            raise Unsupported(REASONS[next(cmd_of(x) for x in inner if cmd_of(x) in REASONS)])
        _one_decorated_symbol(c, inner)
        return name_of(inner) + DECOR_SUFFIX[c], i + 2
    if c == "Delta" and starts_symbol(nodes[i + 1 : i + 2]):
        inner, end = read_base(nodes, i + 1, lhs)
        return f"Delta_{inner}", end  # \\Delta E, \\Delta\\theta_k: the change in one quantity, no product
    if c in GREEK:
        return c, i + 1
    return str(t), i + 1


def _decorated_calligraphic(inner: list[Any]) -> str:
    """`\\mathcal{R}`, `\\mathcal{R}_v` under a decoration, on a left-hand side: the name of the quantity
    defined (an estimated risk, a clipped loss), like an undecorated `\\mathcal{L}`."""
    rest = inner[2:]
    if rest and rest[0] != "_" or len(rest) > 2:
        raise Unsupported(REASONS["mathcal"])
    below = f"_{name_of(items_of(rest[1]))}" if len(rest) == 2 else ""
    return name_of(items_of(inner[1])) + "_cal" + below


def starts_symbol(nodes: list[Any]) -> bool:
    """Whether the node (a one-item list, or empty) is a letter, a Greek letter or a decorated symbol."""
    t = nodes[0] if nodes else None
    c = cmd_of(t)
    return (isinstance(t, str) and len(t) == 1 and t.isalpha()) or c in GREEK or c in DECOR_SUFFIX


def _one_decorated_symbol(c: str, inner: list[Any]) -> None:
    """`\\dot{B^\\top}`, `\\hat{a + b}`: a decoration over an expression (its name would drop the transpose
    or the operator): refused."""
    while len(inner) == 1 and isinstance(inner[0], Group):
        inner = inner[0].items
    flat = [x for x in inner if isinstance(x, str)]  # the top level: a subscript's `t-1` is no operator
    if any(x.startswith("^") or x in ("\\top", "\\intercal", "+", "-", "(", "\\cdot") for x in flat):
        raise Unsupported(f"\\{c}{{...}} over an expression, not one symbol: write the mark on the symbol")


def read_suffixes(  # noqa: PLR0913
    var: Var,
    nodes: list[Any],
    i: int,
    lhs: bool = False,
    indices: set[str] | frozenset[str] = frozenset(),
    layers: set[str] | frozenset[str] = frozenset(),
) -> int:
    """Primes, a subscript and a ^{*}/^{(k)} mark after the base at i (on a left-hand side, one letter too:
    `u^m_{i} = ...` defines the m-th u, no power; `indices`: the letters the left-hand side is indexed by,
    which over an indexed symbol are indices too; `layers`: the letters written on top of a vector in the
    line, which over a matrix are its layer or step too); returns where they end."""
    while i < len(nodes):
        t = nodes[i]
        if t == "'":
            var.base += "_prime"
            i += 1
        elif t == "_" and _font_then_group(nodes, i + 1):
            var.sub += [nodes[i + 1], nodes[i + 2]]  # `p_\\mathbf{X}`: a font command and its argument
            i += 3
        elif t == "_" and i + 1 < len(nodes):
            var.sub += items_of(nodes[i + 1])
            i += 2
        elif (
            t == "^"
            and i + 1 < len(nodes)
            and (
                is_mark(nodes[i + 1])
                or _is_tag(var, nodes, i + 1)
                or (lhs and _letter(nodes[i + 1]))
                or _step_index(var, nodes, i + 1, indices, layers)
            )
        ):
            top = items_of(nodes[i + 1])
            flat = flatten(top)
            mark = (_SIGN_MARKS.get(flat[0]) if len(flat) == 1 else None) or name_of(top) or "star"
            var.plain = var.plain or var.base
            var.marks.append(mark)
            var.base += "_" + mark
            i += 2
        else:
            break
    return i


def _step_index(
    var: Var,
    nodes: list[Any],
    k: int,
    indices: set[str] | frozenset[str] = frozenset(),
    layers: set[str] | frozenset[str] = frozenset(),
) -> bool:
    """A superscript that indexes, no power: over an indexed Latin letter, a step or layer letter (t, l, s)
    or an index letter shifted by a number (`x^t_i`, `x^{t-1}_i`); over any symbol but a Greek constant, a
    letter the left-hand side carries on top (`F^{a,i} = ... \\mu_X^i`, `\\hat{m}^t = m^t / ...`).
    `\\beta_2^t`, `\\gamma^t` (Greek constants) and `x_i^k` (a moment?) stay powers."""
    top = "".join(str(x) for x in flatten(items_of(nodes[k])))
    subscript = "".join(str(x) for x in flatten(var.sub))
    indexed = bool(var.sub) or nodes[k + 1 : k + 2] == ["_"]
    if var.bold and re.fullmatch("[a-z]", var.base) and re.fullmatch(r"[a-zA-SU-Z](?:[+-]\d)?", top):
        return True  # a vector has no power of a letter: `\\mathbf{h}^{l+1}` is its layer or step
    if var.bold and top in layers:  # `\\mathbf{W}^{l} \\mathbf{h}^{l}`: the layer's matrix, no power
        return True
    if re.sub(r"[+-]\d+$", "", top) in indices and not var.bold:  # `v^{t-1}` too; a bold A^i: a power
        return var.base not in GREEK or bool(re.fullmatch("[A-Za-z]+", subscript))
    if var.base.startswith("Delta_") and re.fullmatch("[a-zA-SU-Z]", top):
        return True  # `\\Delta \\theta^k`: the k-th update; a difference is not raised to a letter's power
    if var.base in GREEK or len(var.base) != 1 or not indexed:
        return False
    return re.fullmatch(r"[tls](?:[+-]\d)?|[ijkmn][+-]\d", top) is not None  # x_i^k: a moment, maybe


def _font_then_group(nodes: list[Any], i: int) -> bool:
    """A font or text command unbraced after `_`, with its argument (`_\\mathbf{X}`, `_\\text{enc}`)."""
    fonts = BOLD | TEXT_NAMES | {"mathcal", "mathbb", "mathsf"}
    return i + 1 < len(nodes) and cmd_of(nodes[i]) in fonts and isinstance(nodes[i + 1], Group)


# `f^+_{n}`, `Q^{-}`: a sign on top names a variant (forward / backward, positive part), never a power
_SIGN_MARKS = {"+": "plus", "-": "minus"}


def is_mark(node: Any) -> bool:
    """{(k)}, {[t]}, {*}, {\\star}, {\\prime}, a sign (braced or not: `x^*`, `f^+`), or a word
    (`^{\\text{enc}}`, `^{dec}`) as a superscript: part of the name, not a power."""
    if node in ("*", "\\star", "\\ast", "+", "-"):
        return True
    return isinstance(node, Group) and (
        node.items[:1] in (["("], ["["])
        or node.items in (["*"], ["\\star"], ["\\prime"], ["+"], ["-"])
        or _word(node.items)
    )


def _word(items: list[Any]) -> bool:
    """`{\\text{enc}}`, `{\\mathrm{dec}}`, `{enc}`: a word of three or more letters names a thing; so do two
    capitals (`I^{LR}`, `I^{HR}`: low and high resolution), never a product of two letters on top."""
    if len(items) == 2 and cmd_of(items[0]) in TEXT_NAMES:
        return True
    letters = all(isinstance(x, str) and len(x) == 1 and x.isalpha() for x in items)
    return letters and (len(items) >= 3 or len(items) == 2 and all(x.isupper() for x in items))


def _letter(node: Any) -> bool:
    items = items_of(node)
    return len(items) == 1 and isinstance(items[0], str) and len(items[0]) == 1 and items[0].isalpha()


def _is_tag(var: Var, nodes: list[Any], k: int) -> bool:
    """`W^Q`, `\\mathbf{B}^{U}`: one capital letter (not T) over a capital or bold base names the matrix (the
    query weights), unless the letter also stands alone in the line (then `A^N` may be a power)."""
    letter = items_of(nodes[k])
    if not _letter(nodes[k]) or not letter[0].isupper():
        return False
    if letter[0] == "T" or not (var.bold or (len(var.base) == 1 and var.base.isupper())):
        return False
    rest = [x for j, x in enumerate(nodes) if j != k and not (j > 0 and nodes[j - 1] == "^")]
    return letter[0] not in flatten(rest)


def latex_of(nodes: list[Any]) -> str:
    """The node list written back as LaTeX (groups in braces), for messages and the SPEC's notes."""
    out: list[str] = []
    for t in nodes:
        text = "{" + latex_of(t.items) + "}" if isinstance(t, Group) else str(t)
        if out and re.search(r"\\[A-Za-z]+$", out[-1]) and text[:1].isalpha():
            out.append(" ")  # \\tilde x, not \\tildex
        out.append(text)
    return "".join(out)


def application_latex(var: Var) -> str:
    """`s(x_{1:d})`, `T_{k}(\\tilde{\\Lambda})`: the application a value input stands for."""
    base = ("\\" + var.base) if var.base in GREEK else var.base
    sub = f"_{{{latex_of(var.sub)}}}" if var.sub else ""
    return f"{base}{sub}({latex_of(var.call or [])})"


DENSITY_NAMES = {"p", "q", "P", "Q", "pi", "Pr"}


def density_value(base: str, args: list[Any]) -> bool:
    """`p(x | θ)`, `r(z | z')`, `P(Y = 1)`, `\\tilde p(z)`: a distribution applied to what it conditions on
    (one bar at the top of its brackets: `f(|x|)` holds an absolute value), a probability of an event, or a
    density (p, q, ...) of one variable: its value is an input of the line. `p(1 - p)` is a product."""
    return conditioned(base, args) or (_undecorated(base) in DENSITY_NAMES and _single(args))


def conditioned(base: str, args: list[Any]) -> bool:
    """One bar at the top of the brackets (`p(x | θ)`), or a probability of an event (`P(Y = 1)`)."""
    flat = [str(t) for t in flatten(args)]
    bars, depth = [], 0
    for k, t in enumerate(args):
        depth += (t in ("(", "[")) - (t in (")", "]"))
        if depth == 0 and t in ("|", "\\mid"):
            bars.append(k)
    if len(bars) == 1 and 0 < bars[0] < len(args) - 1:
        return True
    return _undecorated(base) in ("P", "Pr") and "=" in flat


def _undecorated(base: str) -> str:
    return re.sub(r"_(?:tilde|hat|bar|star)$", "", base)


def _single(args: list[Any]) -> bool:
    """One variable (`z'`, `x_i`, `\\mathbf{x}`), not a number or an expression."""
    flat = [str(t) for t in flatten(args)]
    first = bool(flat) and (flat[0].isalpha() or cmd_of(flat[0]) in GREEK | BOLD)
    return first and len(flat) <= 6 and not any(t in ("+", "-", "*", "/", "=", ",", "|") for t in flat)
