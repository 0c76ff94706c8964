"""Equation forms other than `name = expression`: a displayed objective or expression with no `=` (its
value is the output), and a definition written right to left (`expr =: y`).

An objective `\\min_{x \\in \\mathbb{R}^n} f(x)`, `\\operatorname*{minimize}_x f(x)`,
`f(\\beta) \\text{ w.r.t. } \\beta` gives `objective = f(x)`: the implementation computes the objective's
value, the optimisation variable is an input. A bare expression (`1 - \\sigma(r)`) gives `value = ...`.
A line whose top level states a relation (an inequality, a set relation, an approximation) is refused:
a bound is not a value to compute.
"""

from __future__ import annotations

from typing import Any

from tools.trace.oracle_latex.conditions import strip_side_conditions
from tools.trace.oracle_latex.nodes import (
    Cases,
    Group,
    at_top_level,
    clean,
    cmd_of,
    flatten,
    items_of,
    matching,
    name_of,
    split_args,
    text_word,
)
from tools.trace.oracle_latex.vocabulary import (
    DECOR_SUFFIX,
    GREEK,
    OPTIMISATION_WORDS,
    SIDE_MARKERS,
    STATEMENT_RELATIONS,
    TEXT_NAMES,
    WRT_WORDS,
    Unsupported,
)

OBJECTIVE, VALUE = "objective", "value"  # the output's name: an optimisation's objective, or an expression


def has_equals(nodes: list[Any]) -> bool:
    return any(t in ("=", "=:") for t in nodes)


def reversed_definitions(nodes: list[Any]) -> list[Any]:
    """`expr =: y` (or \\eqqcolon) -> `y = expr`, each comma-separated definition on its own."""
    if "=:" not in nodes:
        return nodes
    parts: list[list[Any]] = [[]]
    for t in nodes:
        if t == "," and "=:" in parts[-1]:
            parts.append([])
        else:
            parts[-1].append(t)
    out: list[Any] = []
    for part in parts:
        if part.count("=:") > 1 or "=:" in part and "=" in part:
            raise Unsupported("`=:` mixed with `=` on one definition: which side is defined?")
        if "=:" in part:
            k = part.index("=:")
            part = [*part[k + 1 :], "=", *part[:k]]
        out += ([","] if out else []) + part
    return out


def statement_reason(nodes: list[Any]) -> str | None:
    """Why a line with no `=` is a statement rather than a value (a relation outside brackets), or None."""
    depth = 0
    for t in nodes:
        depth += t in ("(", "[", "\\{")
        depth -= t in (")", "]", "\\}")
        if depth == 0 and isinstance(t, str) and t in STATEMENT_RELATIONS:
            return f"no `=` in the equation: {STATEMENT_RELATIONS[t]}"
    return None


def objective_definition(grouped: list[Any]) -> list[Any]:
    """The nodes of `objective = <body>` (or `value = <body>`) for a line with no `=` (tokens grouped,
    cases extracted); raises Unsupported with the reason a line is not an objective or expression."""
    head, wrt = _cut_wrt(grouped)
    _one_expression(head)
    nodes = clean(strip_side_conditions(head))
    reason = statement_reason(nodes)
    if reason:
        raise Unsupported(reason)
    body, variables = _strip_operators(nodes)
    variables += wrt
    optimised = len(body) < len(nodes)
    if optimised and not variables:
        raise Unsupported("an optimisation without the variable it runs over (\\min_x, `w.r.t. x`)")
    if variables:
        _check_variables(body, variables)
    _check_body(body)
    name = OBJECTIVE if variables or optimised else VALUE
    if name in _uses(body)[0]:  # a paper's own `objective` or `value`: the output is told apart
        name += "_out"
    return ["\\text", Group(list(name)), "=", *body]


def _one_expression(nodes: list[Any]) -> None:
    """Refuse a second expression after \\quad (`a + b \\quad c + d`): which one is the value? A condition
    there (`\\text{for } ...`, `\\forall`, `x \\in S`, `t = 1, \\dots, T`) is fine."""
    quads = [i for i, t in enumerate(nodes) if cmd_of(t) in ("quad", "qquad")] + [len(nodes)]
    for a, b in zip(quads, quads[1:], strict=False):
        segment = [t for t in nodes[a + 1 : b] if cmd_of(t) not in ("quad", "qquad", ",", ";") and t != ","]
        flat = flatten(segment)
        condition = segment[:1] and (cmd_of(segment[0]) == "forall" or text_word(segment, 0) is not None)
        marked = any(cmd_of(t) in SIDE_MARKERS or t in ("<", ">", "=") for t in flat if isinstance(t, str))
        if segment and not condition and not marked and segment[0] not in ("+", "-"):
            raise Unsupported("no `=` in the equation: two expressions side by side, which one is the value?")


def _cut_wrt(nodes: list[Any]) -> tuple[list[Any], list[list[Any]]]:
    """`f \\text{ w.r.t. } \\beta` -> (f, [beta's nodes]); the variables are comma-separated."""
    for i, t in enumerate(nodes):
        word = text_word(nodes, i) if cmd_of(t) in TEXT_NAMES else None
        if word and word.replace(" ", "").startswith(tuple(w.replace(" ", "") for w in WRT_WORDS)):
            rest = clean(nodes[i + 2 :])
            if not rest:
                raise Unsupported("`w.r.t.` without the variable it names")
            return nodes[:i], split_args(rest)
    return nodes, []


def _operator_at(nodes: list[Any], i: int) -> tuple[str, int, list[Any]] | None:
    """An optimisation operator at i (`\\min`, `\\arg\\max`, `\\operatorname*{minimize}`,
    `\\underset{x}{\\min}`): its word, the index after it and its subscript, and the subscript's nodes;
    None when there is none."""
    if i >= len(nodes):
        return None
    if cmd_of(nodes[i]) == "underset" and i + 2 < len(nodes):
        found = _operator_word(items_of(nodes[i + 2]), 0)
        word, end, sub = (found[0] if found else ""), i + 3, items_of(nodes[i + 1])
    else:
        found = _operator_word(nodes, i)
        word, end, sub = (found or ("", i))[0], (found or ("", i))[1], []
    if word not in OPTIMISATION_WORDS:
        return None
    if not sub and nodes[end : end + 1] == ["_"] and end + 1 < len(nodes):
        sub, end = items_of(nodes[end + 1]), end + 2
    return word, end, sub


def _operator_word(nodes: list[Any], i: int) -> tuple[str, int] | None:
    """The word of `\\min`, `\\arg\\min`, `\\argmin`, `\\operatorname{arg\\,min}`, `\\mathop{\\rm min}` at
    i, and the index after it."""
    c = cmd_of(nodes[i]) if i < len(nodes) else None
    after = cmd_of(nodes[i + 1]) if i + 1 < len(nodes) else None
    if c == "arg" and after in ("min", "max"):
        return f"arg{after}", i + 2
    if c in OPTIMISATION_WORDS:
        return str(c), i + 1
    if c in TEXT_NAMES | {"mathop", "textrm", "textnormal"} and i + 1 < len(nodes):
        return name_of(items_of(nodes[i + 1])).lower(), i + 2
    return None


def _strip_operators(nodes: list[Any]) -> tuple[list[Any], list[list[Any]]]:
    """The body after the leading optimisation operators, and the variables their subscripts name."""
    variables: list[list[Any]] = []
    i = 0
    while (found := _operator_at(nodes, i)) is not None:
        word, i, sub = found
        if not sub and word in ("min", "max") and nodes[i : i + 1] == ["("]:
            if not at_top_level(nodes[i + 1 : matching(nodes, i)], ","):
                raise Unsupported(
                    f"\\{word}(...) of one expression: its value, or an optimisation over unnamed variables?"
                )
            return nodes, []  # \\max(a, b, c) + d: an expression, not an optimisation
        variables += _subscript_variables(sub, word)
    return nodes[i:], variables


def _subscript_variables(sub: list[Any], word: str) -> list[list[Any]]:
    """`x \\in \\mathbb{R}^n`, `W, b`, `\\theta: \\|\\theta\\| \\le 1` -> the variables' nodes."""
    flat = flatten(sub)
    if "=" in flat:
        raise Unsupported(f"\\{word} over an index range (`i = 1, ..., n`) is a reduction, not an objective")
    names: list[list[Any]] = []
    for part in split_args(list(sub)):
        stops = [k for k, t in enumerate(part) if t in (":", "|") or cmd_of(t) in ("in", "mid")]
        cut = stops[0] if stops else len(part)
        if part[:cut] and not _one_variable(part[:cut]):
            raise Unsupported(f"\\{word} over a set the oracle cannot read (its subscript names no variable)")
        if part[:cut]:
            names.append(part[:cut])
    return names


def without_optimisation(lhs: list[Any]) -> list[Any]:
    """A left-hand side `\\min_\\theta \\mathcal{L}(\\theta)` -> `\\mathcal{L}(\\theta)` (the output is the
    objective); other left-hand sides as they are."""
    try:
        body, variables = _strip_operators(lhs)
    except Unsupported:
        return lhs
    return body if variables and body else lhs


def _check_body(body: list[Any]) -> None:
    if not body:
        raise Unsupported("no `=` in the equation and no expression to evaluate")
    if body[0] in ("+", "*", "/") or cmd_of(body[0]) in ("cdot", "times") or body[-1] in ("+", "-", "*", "/"):
        raise Unsupported("no `=` in the equation: a piece of an expression cut at an operator")
    if at_top_level(body, ","):
        raise Unsupported("no `=` in the equation: several expressions separated by commas, not one value")
    if len(body) <= 3 and _one_variable(body):
        raise Unsupported("no `=` in the equation: one variable, nothing to compute")


def _one_variable(body: list[Any]) -> bool:
    first = body[0]
    letter = isinstance(first, str) and len(first) == 1 and first.isalpha()
    symbol = letter or cmd_of(first) in GREEK or cmd_of(first) in DECOR_SUFFIX
    rest = body[2:] if cmd_of(first) in DECOR_SUFFIX else body[1:]
    return symbol and (not rest or rest[0] == "_" and len(rest) == 2)


def _check_variables(body: list[Any], variables: list[list[Any]]) -> None:
    """Each optimisation variable is written in the objective as a value, and never as an index (`\\max_k
    z_k` is a reduction over k, not an optimisation)."""
    values, indices = _uses(body)
    for var in variables:
        name = name_of(var)
        if name in indices:
            raise Unsupported(f"the optimisation runs over {name}, an index in the objective: a reduction")
        if name not in values:
            raise Unsupported(f"the optimisation variable {name} does not appear in the objective")


def _uses(nodes: list[Any]) -> tuple[set[str], set[str]]:
    """Names written as values (powers included), and names written in subscripts (indices)."""
    values: set[str] = set()
    indices: set[str] = set()
    i = 0
    while i < len(nodes):
        t, c = nodes[i], cmd_of(nodes[i])
        if t == "_" and i + 1 < len(nodes):
            inner_values, inner_indices = _uses(items_of(nodes[i + 1]))
            indices |= inner_values | inner_indices
            i += 2
            continue
        if isinstance(t, Group | Cases):
            rows = t.rows if isinstance(t, Cases) else [(t.items, [])]
            for part in [p for row in rows for p in row]:
                inner_values, inner_indices = _uses(part)
                values |= inner_values
                indices |= inner_indices
        elif c in DECOR_SUFFIX and i + 1 < len(nodes):
            values.add(name_of(nodes[i : i + 2]))
            i += 1
        elif c in GREEK or (isinstance(t, str) and len(t) == 1 and t.isalpha()):
            values.add(name_of([t]))
        i += 1
    return values, indices
