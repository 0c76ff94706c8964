"""Side conditions after an equation (`\\qquad x \\sim p`) and `cases` blocks with their conditions."""

from __future__ import annotations

import re
from typing import Any

from tools.trace.oracle_latex.nodes import Cases, cmd_of, flatten, items_of, name_of, text_word
from tools.trace.oracle_latex.vocabulary import (
    CONDITION_WORDS,
    EQUALS,
    INDEX_LETTERS,
    RELATIONS,
    SIDE_MARKERS,
    Unsupported,
)


def _is_condition_word(word: str | None) -> bool:
    return word is not None and word.startswith(CONDITION_WORDS)


def _is_side_condition(segment: list[Any]) -> bool:
    """A segment after \\quad / \\text{for ...}: a condition or a range, not another definition."""
    flat = flatten(segment)
    head = [t for t in segment if cmd_of(t) not in ("quad", "qquad", ",", ";") and t != ";"][:2]
    if head and (cmd_of(head[0]) == "forall" or _is_condition_word(text_word(head, 0))):
        return True
    if any(cmd_of(t) in SIDE_MARKERS for t in flat) or any(t in ("<", ">") for t in flat):
        return True
    return "=" not in flat and not any(cmd_of(t) in EQUALS for t in flat)


CONTINUING = {"+", "-", "*", "/", "=", "\\cdot", "\\times", "\\odot", "\\\\"}


def _indents(nodes: list[Any], i: int) -> bool:
    """A \\quad that indents a continued row (`\\\\ &\\quad + c`, `a + \\quad b`), not one before a
    condition."""
    before = [t for t in nodes[:i] if t != "&"][-1:]
    after = [t for t in nodes[i + 1 :] if t != "&" and cmd_of(t) not in ("quad", "qquad", ",", ";")][:1]
    return any(isinstance(t, str) and t in CONTINUING for t in before + after)


def strip_side_conditions(nodes: list[Any]) -> list[Any]:
    """`a = b \\qquad x \\sim p`, `a_t = b, \\quad t = 1, \\dots, T`, `a = b \\text{ for } ...` -> `a = b`;
    a second definition after \\quad (`a = b, \\qquad c = d`) stays."""
    segments: list[list[Any]] = [[]]
    depth = 0
    for i, t in enumerate(nodes):
        c = cmd_of(t)
        depth += (t in ("(", "[")) - (t in (")", "]"))
        indent = c in ("quad", "qquad") and _indents(nodes, i)
        semicolon = t == ";" and depth == 0  # `a = b \: ; \: 0 \leq a \leq 1`
        if (
            segments[-1]
            and not indent
            and (c in ("quad", "qquad", "forall") or semicolon or _is_condition_word(text_word(nodes, i)))
        ):
            segments.append([])
        segments[-1].append(t)
    kept = [segments[0]]
    for segment in segments[1:]:
        if _is_side_condition(segment):
            break  # what follows a condition belongs to it
        kept.append(segment)
    out: list[Any] = []
    for segment in kept:
        while segment and (segment[-1] in (",", ".", ";") or cmd_of(segment[-1]) in ("quad", "qquad", ",")):
            segment = segment[:-1]
        out += ([","] if out else []) + segment
    return _without_unit(out)


def _without_unit(nodes: list[Any]) -> list[Any]:
    """`FIT = 100 (1 - e) (\\%)`: a unit set after the value at the line's end is no factor of it."""
    end = len(nodes)
    while end and nodes[end - 1] in (",", "."):
        end -= 1
    for unit in (["(", "\\%", ")"], ["\\%"]):
        if end > len(unit) and nodes[end - len(unit) : end] == unit:
            return nodes[: end - len(unit)]
    return nodes


def _cases_end(nodes: list[Any], i: int, env: str) -> int:
    for j in range(i, len(nodes) - 1):
        if cmd_of(nodes[j]) == "end" and name_of(items_of(nodes[j + 1])) == env:
            return j
    raise Unsupported(f"\\begin{{{env}}} without its \\end")


def _rows(body: list[Any]) -> list[list[list[Any]]]:
    """A tabular block's non-empty rows (split at `\\\\`), each a list of its cells (split at `&`)."""
    rows: list[list[list[Any]]] = [[[]]]
    for t in body:
        if t == "\\\\":
            rows.append([[]])
        elif t == "&":
            rows[-1].append([])
        else:
            rows[-1][-1].append(t)
    return [cells for cells in rows if any(cells)]


def _case_rows(body: list[Any]) -> list[tuple[list[Any], list[Any]]]:
    rows = _rows(body)
    out = []
    for k, cells in enumerate(rows):
        if len(cells) == 1 and k == len(rows) - 1 and k and _bare_value(cells[0]):
            cells = [cells[0], []]  # a last row without a condition: `otherwise`
        if len(cells) != 2:
            raise Unsupported(_pairless_reason(cells))
        out.append((cells[0], cells[1]))
    return out


_CONDITION_MARKS = {"<", ">", "=", ",", ";", ":"}
_CONDITION_COMMANDS = {"le", "leq", "ge", "geq", "leqslant", "geqslant", "neq", "ne", "in", "notin", "forall"}


def _bare_value(cell: list[Any]) -> bool:
    """A value alone (no relation, no words, no comma, not a continued row `+ c`): the last row's value,
    its condition left out meaning `otherwise`."""
    flat = flatten(cell)
    words = any(text_word(cell, k) is not None for k in range(len(cell)))
    marks = any(t in _CONDITION_MARKS or cmd_of(t) in _CONDITION_COMMANDS | EQUALS for t in flat)
    return bool(cell) and not words and not marks and cell[0] not in ("+", "-", "*", "/")


def _pairless_reason(cells: list[list[Any]]) -> str:
    """Why a row of a brace has no value & condition pair: an equation of its own (a system), or a row
    with no condition before the last."""
    if any("=" in flatten(c) or any(cmd_of(t) in EQUALS for t in flatten(c)) for c in cells):
        return "a brace around several equations (a system) inside an expression: not one value by cases"
    return "a case without a value & condition pair (only the last row may leave its condition out)"


def _system_rows(body: list[Any]) -> bool:
    """Whether each row of a braced block is an equation of its own (`\\left\\{ u = a \\\\ v = b \\right.`,
    or aligned `u &= a`), not a value & condition pair (`a & i = j`)."""
    rows = [[["=" if cmd_of(t) in EQUALS else t for t in cell] for cell in r] for r in _rows(body)]

    def equation(cells: list[list[Any]]) -> bool:
        if len(cells) > 1 and not cells[0]:  # `& x_{k+1} = a`: an aligned row, empty before its `&`
            cells = cells[1:]
        if len(cells) == 1:
            return "=" in cells[0] and cells[0][0] != "="
        return len(cells) == 2 and cells[1][:1] == ["="] and bool(cells[0]) and "=" not in cells[0]

    return len(rows) > 1 and all(equation(r) for r in rows)


def _alone(before: list[Any], after: list[Any]) -> bool:
    """Whether nothing but punctuation and `\\right.` stands around a braced block."""
    rest = [t for t in after if t not in (",", ".", ";") and cmd_of(t) not in ("right", "quad", "qquad")]
    return not before and not rest


def inline_cases(nodes: list[Any]) -> list[Any]:
    """`r = 1 \\text{ if } x > 0 \\text{ else } 0` (a conditional written inline, as in code) -> `r =` one
    Cases node; other lines are returned as they are."""
    words = [(k, text_word(nodes, k)) for k in range(len(nodes))]
    ifs = [k for k, w in words if w == "if"]
    elses = [k for k, w in words if w in ("else", "otherwise")]
    equals = [k for k, t in enumerate(nodes) if t == "=" or cmd_of(t) in EQUALS]
    if len(ifs) != 1 or len(elses) != 1 or not equals or not equals[-1] < ifs[0] < elses[0]:
        return nodes
    start, cut, other = equals[-1] + 1, ifs[0], elses[0]
    value, cond, rest = nodes[start:cut], nodes[cut + 2 : other], _trimmed(nodes[other + 2 :])
    commas = [k for k, t in enumerate(cond) if t == ","]
    if not rest and commas:  # `a \\text{ if } c, \\; b \\text{ otherwise}`
        cond, rest = cond[: commas[-1]], _trimmed(cond[commas[-1] + 1 :])
    if not (_trimmed(value) and cond and rest):
        return nodes
    return [*nodes[:start], Cases([(_trimmed(value), cond), (rest, [])])]


def _trimmed(nodes: list[Any]) -> list[Any]:
    """Without the spaces and punctuation around it (`\\quad`, `,`, `.`)."""
    spaces = ("quad", "qquad", ",", ";", ":", "!")
    while nodes and (nodes[-1] in (",", ".", ";") or cmd_of(nodes[-1]) in spaces):
        nodes = nodes[:-1]
    while nodes and cmd_of(nodes[0]) in spaces:
        nodes = nodes[1:]
    return nodes


def extract_cases(nodes: list[Any]) -> list[Any]:
    """`\\begin{cases} v & cond \\\\ ... \\end{cases}` and `\\left\\{ \\begin{array}{ll} ... \\right.` -> one
    Cases node (other environments stay, to be refused with their name)."""
    out: list[Any] = []
    i = 0
    while i < len(nodes):
        t = nodes[i]
        env = name_of(items_of(nodes[i + 1])) if cmd_of(t) == "begin" and i + 1 < len(nodes) else None
        if env in ("cases", "dcases", "array"):
            start = i + 2 + (env == "array")  # skip array's column spec
            end = _cases_end(nodes, start, env)
            if env == "array":
                if out[-2:] != ["\\left", "\\{"]:
                    raise Unsupported("an array is a matrix the oracle cannot shape")
                del out[-2:]
            body = nodes[start:end]
            if _system_rows(body) and _alone(out, nodes[end + 2 :]):
                return body  # a system of equations: its rows are read as definitions, one each
            out.append(Cases(_case_rows(body)))
            i = end + 2
            if env == "array" and nodes[i : i + 2] == ["\\right", "."]:
                i += 2
            continue
        out.append(t)
        i += 1
    return out


def case_condition(cond: list[Any]) -> tuple[list[Any], str, list[Any]] | None:
    """A case's condition: None for `otherwise`, else (lhs, lt/le/gt/ge, rhs) of its one comparison."""
    relations = case_conditions(cond)
    if relations is not None and len(relations) != 1:
        raise Unsupported("a condition that is not one comparison (<, >, \\le, \\ge) cannot be checked here")
    return None if relations is None else relations[0]


CONJUNCTIONS = {"\\wedge", "\\land", ","}


def _condition_tokens(cond: list[Any]) -> list[Any]:
    """The condition without its leading words (`\\text{if }`, `for`, `when`); `\\text{if $x > 0$}` gives the
    math inside; [] for `otherwise` (`else`, `o.w.`, nothing)."""
    rest = list(cond)
    while rest and (rest[0] == "," or text_word(rest, 0) in ("if", "for", "when", "")):
        rest = rest[2:] if text_word(rest, 0) is not None else rest[1:]
    if rest and text_word(rest, 0) is not None and "$" in flatten(items_of(rest[1])):
        inner = items_of(rest[1])
        word = "".join(str(t) for t in inner[: inner.index("$")]).strip().lower()
        if word in ("if", "for", "when", ""):
            math = inner[inner.index("$") + 1 :]
            rest = [t for t in math if t != "$"] + rest[2:]
    word = text_word(rest, 0) if rest else "otherwise"
    if word is not None and word.startswith(("otherwise", "else", "o.w")):
        return []
    return rest


def case_conditions(cond: list[Any]) -> list[tuple[list[Any], str, list[Any]]] | None:
    """A case's condition as the comparisons that must all hold: one (`x > 0`), a chain (`0 < x < 1`), or
    several joined by `and`, \\wedge or a comma; None for `otherwise`. Equalities, set membership and words
    are refused with the reason."""
    rest = _condition_tokens(cond)
    if not rest:
        return None
    parts: list[list[Any]] = [[]]
    depth = 0
    for k, t in enumerate(rest):
        depth += (t in ("(", "[")) - (t in (")", "]"))
        if depth == 0 and (isinstance(t, str) and t in CONJUNCTIONS or text_word(rest, k) == "and"):
            parts.append([])
        elif not (k and text_word(rest, k - 1) == "and"):
            parts[-1].append(t)
    relations = []
    for part in (p for p in parts if p):
        relations += _comparisons(part)
    return relations


def _comparisons(part: list[Any]) -> list[tuple[list[Any], str, list[Any]]]:
    """`a < b` or a chain `a < b \\le c` -> its comparisons; anything else is refused with the reason."""
    flat = flatten(part)
    equality = _equality(part)
    if equality:
        return [equality]
    if "=" in flat or any(cmd_of(t) in ("neq", "ne", "equiv") for t in flat):
        raise Unsupported(
            "a case condition with = or \\neq between expressions (`x = y + 1`): random real inputs are "
            "never equal, so which branch holds cannot be checked (between indices, `i = j`, `t = 0`, it can)"
        )
    if any(cmd_of(t) in ("in", "notin", "subset", "subseteq") for t in flat):
        raise Unsupported("a case condition of set membership (\\in) cannot be checked on random inputs")
    if any(text_word(part, k) is not None for k in range(len(part))):
        raise Unsupported("a case condition in words cannot be checked: only comparisons (<, >, \\le, \\ge)")
    ops = [k for k, t in enumerate(part) if isinstance(t, str) and t in RELATIONS]
    if not ops:
        raise Unsupported("a case condition that is not a comparison (<, >, \\le, \\ge) cannot be checked")
    bounds = [-1, *ops, len(part)]
    sides = [part[a + 1 : b] for a, b in zip(bounds, bounds[1:], strict=False)]
    if any(not side for side in sides):
        raise Unsupported("a comparison with an empty side in a case condition")
    return [(sides[n], RELATIONS[part[k]], sides[n + 1]) for n, k in enumerate(ops)]


STEP_LETTERS = INDEX_LETTERS | {"r", "s", "t", "\\tau"}  # indices, steps, times


def _equality(part: list[Any]) -> tuple[list[Any], str, list[Any]] | None:
    """`i = j`, `t = 0`, `k \\neq l`: two index letters, or one and a whole number, compared for equality
    (the oracle draws such letters from {0, 1}, so both branches occur); None for anything else."""
    ops = [k for k, t in enumerate(part) if t == "=" or cmd_of(t) in ("neq", "ne")]
    if len(ops) != 1:
        return None
    k = ops[0]
    lhs, rhs = part[:k], part[k + 1 :]
    if not (equality_letter(lhs) and (equality_letter(rhs) or _whole(rhs))):
        return None
    return lhs, "eq" if part[k] == "=" else "ne", rhs


def equality_letter(side: list[Any]) -> str | None:
    """The index or step letter a side of an equality condition is (`i`, `t`, `\\tau`), else None: another
    letter (`x = 0`) is a real quantity, which draws from {0, 1} would test at two points only."""
    flat = [str(t) for t in flatten(side)]
    return flat[0] if len(flat) == 1 and flat[0] in STEP_LETTERS else None


def _whole(side: list[Any]) -> bool:
    flat = flatten(side)
    return len(flat) == 1 and re.fullmatch(r"\d", str(flat[0])) is not None
