"""LaTeX tokens, brace groups, and small queries on node lists (names, brackets, arguments)."""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from typing import Any

from tools.trace.oracle_latex.vocabulary import (
    BOLD,
    CONDITION_WORDS,
    DECOR_SUFFIX,
    EQUALS,
    FUNCS,
    GREEK,
    MATRIX_SCALARS,
    RECIPROCAL_TRIG,
    ROUNDING,
    SKIP,
    TEXT_NAMES,
    TEXT_NOT_NAMES,
    TEXT_UNITS,
    TRANSPOSE,
    Unsupported,
)


@dataclass
class Group:
    items: list[Any]
    delim: str = "{"


@dataclass
class Cases:
    """A `cases` (or `\\left\\{ array`) block: rows of (value, condition) node lists."""

    rows: list[tuple[list[Any], list[Any]]]


_CONTROL_WORD = re.compile(r"\\([A-Za-z]+)\*?")


def tokenize(latex: str) -> list[str]:
    out, i, n = [], 0, len(latex)
    while i < n:
        c = latex[i]
        if c == "\\":
            m = _CONTROL_WORD.match(latex, i)
            if m:  # `\lvert x \rvert` is `|x|`
                out.append("|" if m.group(1) in ("lvert", "rvert", "vert") else "\\" + m.group(1))
                i = m.end()
            else:
                out.append(latex[i : i + 2])
                i += 2
        elif c == "%":
            j = latex.find("\n", i)
            i = n if j < 0 else j
        elif c.isspace() or c == "~":
            i += 1
        else:
            out.append(c)
            i += 1
    return out


def group_tokens(tokens: list[str]) -> list[Any]:
    stack: list[list[Any]] = [[]]
    for t in tokens:
        if t == "{":
            stack.append([])
        elif t == "}":
            if len(stack) == 1:
                raise Unsupported("unbalanced braces in the LaTeX")
            inner = stack.pop()
            stack[-1].append(Group(inner))
        else:
            stack[-1].append(t)
    if len(stack) != 1:
        raise Unsupported("unbalanced braces in the LaTeX")
    return stack[0]


def cmd_of(t: Any) -> str | None:
    return t[1:] if isinstance(t, str) and t.startswith("\\") and len(t) > 1 and t[1].isalpha() else None


def items_of(node: Any) -> list[Any]:
    return node.items if isinstance(node, Group) else [node]


def _one_symbol(nodes: list[Any]) -> bool:
    """A single letter, Greek letter or decorated letter (`x`, `\\mu`, `\\boldsymbol{x}`, `\\hat{\\mu}`), or
    the expectation `\\mathbb{E}`."""
    if len(nodes) == 1:
        t = nodes[0]
        return isinstance(t, str) and (t.isalpha() and len(t) == 1 or cmd_of(t) in GREEK)
    if len(nodes) == 2 and cmd_of(nodes[0]) == "mathbb":  # {\\mathbb{E}}_{q}: the operator, braced
        return "".join(str(t) for t in flatten(items_of(nodes[1]))) == "E"
    return len(nodes) == 2 and cmd_of(nodes[0]) in DECOR_SUFFIX and _one_symbol(items_of(nodes[1]))


def _applied(nodes: list[Any], i: int) -> bool:
    """`{p_D}(x)`, `{f}(x)`: a braced name before brackets, read as the name unbraced (a call or a product
    by the same rules); one subscript at most."""
    items = nodes[i].items
    script = i and nodes[i - 1] in ("_", "^")  # `B^{d_n}(0)`: the group is an exponent, kept whole
    bold = len(items) == 2 and cmd_of(items[0]) in BOLD  # `{\\mathbf{h}}(s)` too
    return (
        not script
        and nodes[i + 1 : i + 2] == ["("]
        and (len(items) == 1 or len(items) == 3 and items[1] == "_" or bold)
    )


def _subscripted(nodes: list[Any]) -> bool:
    """[{y_t}]: one group holding a symbol and its subscript."""
    if len(nodes) != 1 or not isinstance(nodes[0], Group) or len(nodes[0].items) < 3:
        return False
    inner = nodes[0].items
    return inner[-2] == "_" and _one_symbol(inner[:-2])


def _limits_before(out: list[Any]) -> bool:
    """`\\sum^T` or `\\sum_{t=1}^T`: the superscript is a bound, not a transpose."""
    limits = ("sum", "prod", "int", "bigcup", "bigcap", "max", "min", "lim")
    return bool(out) and (
        cmd_of(out[-1]) in limits or len(out) >= 3 and out[-2] == "_" and cmd_of(out[-3]) in limits
    )


ROW_ENVIRONMENTS = {"aligned", "split", "gathered", "align", "align*", "alignedat", "eqnarray"}


def _cleaned(node: Any) -> Any:
    """A script's group, cleaned; an old font switch in it (`^{\\rm sim}`) as its command."""
    return Group(_font_switch(node.items) or clean(node.items)) if isinstance(node, Group) else node


def _row_defines(rest: list[Any]) -> bool:
    """After a row break `\\\\`: does the next row define something of its own (`b &= ...`), rather than
    continue a chain (`&= ...`) or the previous right-hand side?"""
    row = []
    for t in rest:
        if t == "\\\\":
            break
        if t != "&":
            row.append("=" if cmd_of(t) in EQUALS else t)
    return "=" in row and row[:1] != ["="]


def _next_column_defines(nodes: list[Any], i: int, out: list[Any]) -> bool:
    """At an `&` of an align row: has the row defined something already, and does the cell after this `&`
    hold a name whose next cell opens with `=` (`x &= a & y &= b`: two equations set side by side)?"""
    row = out[len(out) - out[::-1].index(",") :] if "," in out else out
    if "=" not in row:
        return False
    cell = []
    for k in range(i + 1, len(nodes)):
        if nodes[k] in ("&", "\\\\"):
            after = nodes[k + 1 : k + 3]
            eq = bool(after) and (after[0] == "=" or after == [":", "="] or cmd_of(after[0]) in EQUALS)
            return nodes[k] == "&" and bool(cell) and "=" not in cell and eq
        cell.append(nodes[k])
    return False


ROW_JOINS = {"+", "-", "=", "*", "/", "(", "[", ",", "<", ">"} | {
    "\\" + c for c in ("cdot", "times", "odot", "le", "leq", "ge", "geq", "approx")
}


def _continued_row(out: list[Any], rest: list[Any]) -> list[Any]:
    """A row break inside one expression: the rows join when an operator ends the row before or opens the next
    (`a + b \\\\ + c`); two rows of bare expressions (`a + b \\\\ c + d`: a product b c, or two lines?) are
    refused."""
    row = [t for t in rest if t not in ("&", ".") and cmd_of(t) not in SKIP]  # `\\left.` leaves `.`
    before = [t for t in out if t != "."]
    joined = [t for t in (before[-1:] + row[:1]) if isinstance(t, str) and t in ROW_JOINS]
    matrix = any(cmd_of(t) == "begin" for t in out)  # a row of a matrix: refused with its environment
    if not before or not row or row[0] == "\\\\" or cmd_of(row[0]) == "end" or joined or matrix:
        return []
    raise Unsupported("a row break between two expressions with no operator: one product, or two lines?")


def _rewritten(nodes: list[Any], i: int, out: list[Any]) -> int | None:
    """Rewrite the notation at i into out (None: not one of these); returns how many more nodes it took."""
    t, c = nodes[i], cmd_of(nodes[i])
    if c in ("nicefrac", "sfrac", "cfrac"):
        out.append("\\frac")  # \\nicefrac{1}{2}: a fraction set another way
        return 0
    if t == "^" and nodes[i + 2 : i + 3] == ["_"] and i + 3 < len(nodes):
        out += ["_", _cleaned(nodes[i + 3])]  # x^2_i -> x_i^2, G^T_i -> G_i^T
        transposed = is_transpose_mark(nodes[i + 1]) and not _limits_before(out[:-2])
        out += [TRANSPOSE] if transposed else ["^", _cleaned(nodes[i + 1])]
        return 3
    if c in ("begin", "end") and i + 1 < len(nodes) and name_of(items_of(nodes[i + 1])) in ROW_ENVIRONMENTS:
        return 1  # aligned, split, gathered: their rows are read as definitions
    if t == "\\\\":
        if _row_defines(nodes[i + 1 :]):
            out += [] if out[-1:] == [","] else [","]  # `u = a, \\ v = b`: the row's own comma ends it
        else:
            out += _continued_row(out, nodes[i + 1 :])
        return 0
    if t == "^" and i + 1 < len(nodes) and is_transpose_mark(nodes[i + 1]) and not _limits_before(out):
        out.append(TRANSPOSE)
        return 1
    if t == "=" and nodes[i + 1 : i + 2] == ["_"]:
        raise Unsupported(EQUAL_IN_LAW if i + 2 < len(nodes) and in_law(nodes[i + 2]) else EQUAL_SUBSCRIPTED)
    if c in ("stackrel", "overset") and i + 2 < len(nodes) and items_of(nodes[i + 2]) == ["="]:
        if in_law(nodes[i + 1]):
            raise Unsupported(EQUAL_IN_LAW)
        out.append("=")  # \\stackrel{\\text{def}}{=}, \\overset{\\Delta}{=}
        return 2
    if c in DECOR_SUFFIX and _subscripted(nodes[i + 1 : i + 2]):
        inner = nodes[i + 1].items  # \\hat{y_t} -> \\hat{y}_{t}: the subscript stays an index
        out += [t, Group(clean(inner[:-2])), "_", clean([inner[-1]])[0]]
        return 1
    return None


# LaTeX's own operator commands, which papers also spell as a word in roman (\\mathrm{tr}, \\mathop{\\rm min})
_BUILTINS = {*FUNCS, *MATRIX_SCALARS, "min", "max", "sup", "inf", "arg", "sec", "csc", "cot", "coth"}
_SPELLERS = {"operatorname", "mathrm", "mathop", "textrm", "rm"}


def _builtin_spelled(nodes: list[Any], i: int) -> str | None:
    """The command of the operator at i when it is one of LaTeX's own spelled as a roman word and applied to
    brackets (`\\mathrm{Tr}(A)` -> `tr`, `\\mathop{\\rm min}\\nolimits(1, x)`, `\\operatorname{exp}(x)`), or a
    min or max over its subscript; None otherwise. A word not applied (`\\lambda_{\\mathrm{max}}`) names a
    symbol and stays."""
    if cmd_of(nodes[i]) not in _SPELLERS or i + 1 >= len(nodes) or not isinstance(nodes[i + 1], Group):
        return None
    letters = [x for x in flatten(nodes[i + 1].items) if cmd_of(x) not in {*FONT_SWITCHES, "mathrm"}]
    word = "".join(x for x in letters if isinstance(x, str))
    if len(word) != len(letters) or word not in _BUILTINS:
        return None
    j = _skip_sizes(nodes, i + 2)
    limits = word in ("min", "max", "sup", "inf") and nodes[j : j + 1] == ["_"]  # an optimisation: named so
    command = MATRIX_SCALARS.get(word, word)  # 'Tr', 'trace' -> \\tr
    return command if limits or nodes[j : j + 1] in (["("], ["["], ["\\{"]) else None


def _spelled(nodes: list[Any], i: int, out: list[Any]) -> int | None:
    """An old font switch over a group (`{\\cal L}` -> `\\mathcal{L}`) or one of LaTeX's own operators spelled
    in roman (`\\mathrm{tr}(A)`, `{\\rm tr}(A)` -> `\\tr(A)`) into out; how many more nodes it took (None:
    neither)."""
    if (word := _builtin_spelled(nodes, i)) is not None:
        out.append("\\" + word)
        return 1
    t = nodes[i]
    argument = i and cmd_of(nodes[i - 1]) and cmd_of(nodes[i - 1]) not in _TAKES_NO_GROUP
    braced = isinstance(t, Group) and not argument  # `{tr}(A)`, not \\operatorname{tr}'s argument
    if braced and (name := _bare_function([*t.items, *nodes[i + 1 : i + 2]], 0)) is not None:
        out += _bare_call(name)  # `{tr}(A)`: a function written without a backslash, braced
        return 0
    switched = _font_switch(nodes[i].items) if isinstance(nodes[i], Group) else []
    if not switched:
        return None
    word = _builtin_spelled(switched + nodes[i + 1 : i + 4], 0)
    if out and out[-1] in SCRIPTS and not word:
        out.append(Group(switched))  # `J_{\\rm{xf}}^\\top`: the script is the whole name
        return 0
    out += ["\\" + word] if word else ["e"] if switched == ["\\mathrm", Group(["e"])] else switched
    return 0  # `{\\rm e}^x`: Euler's number, set upright


_TIES = ("_", "^", "(", ")", ",", "\\{", "\\}", "|", "\\mid", "\\setminus")  # what ties a set to a variable
_SET_FONTS = {"mathcal", "mathscr", "mathsf", "text", "textrm", "mathrm", "textit", "mathit"}


def _without_label(after: list[Any]) -> list[Any]:
    """The set's tokens without a subscript that labels it (`\\mathcal{Y}_L`, `D_{train}`: one capital or a
    word of three letters or more); lower-case letters (`X_g`, `W_{ij}`) may be indices, and stay."""
    if "_" not in after:
        return after
    k = after.index("_")
    label = [t for t in after[k + 1 :] if t not in ("{", "}")]
    word = all(isinstance(t, str) and t.isalpha() for t in label)
    if word and (len(label) > 2 or len(label) == 1 and str(label[0]).isupper()):
        return after[:k]
    return after


def plain_set(after: list[Any]) -> bool:
    """The set a sum runs over (`b \\in \\mathcal{A}`, `l \\in \\text{labels}`, `w \\in V`, `k \\in [K]`: the
    flat tokens after `\\in`) named on its own: no index or argument ties it to another variable of the line
    (`m \\in c_n`, `j \\in \\mathcal{N}(i)` are refused), so the sum runs over all of its elements."""
    after = _without_label(after)
    if not after or any(t in _TIES for t in after):
        return False
    if cmd_of(after[0]) in _SET_FONTS:
        return all(isinstance(t, str) and t.isalpha() for t in after[1:])
    if len(after) == 3 and after[0] == "[" and after[2] == "]":  # `k \in [K]`: 1, ..., K, all of k's axis
        after = after[1:2]
    return len(after) == 1 and isinstance(after[0], str) and after[0].isalpha() and after[0].isupper()


# the marks over or under `=` that make it an equality in distribution (in law): X =_d Y, X \\stackrel{d}{=} Y
_LAW_MARKS = {"d", "l", "law", "dist", "distr", "distribution", "indistribution", "inlaw", "(d)", "(l)"}
EQUAL_IN_LAW = (
    "an equality in distribution (\\stackrel{d}{=}, =_d): the two sides have the same law, not the same "
    "value, so no sample of one side checks the other"
)
EQUAL_SUBSCRIPTED = "an equals sign with a subscript (=_{...}): an equality in a sense the line does not say"


def in_law(mark: Any) -> bool:
    """Whether the mark over/under `=` says "in distribution" (d, \\mathcal{D}, \\mathcal{L}, \\text{law}).
    A parenthesised (d) may also be a proof step's label: it is refused all the same (which is unclear)."""
    text = "".join(str(x) for x in flatten(items_of(mark)) if not cmd_of(x))
    return text.replace(" ", "").replace(".", "").lower() in _LAW_MARKS


# delimiters and operators: a braced group after one is no argument of theirs (`\\Vert {\\bm{z}}^{(i)}`)
_TAKES_NO_GROUP = {"Vert", "lVert", "rVert", "|", "cdot", "times", "odot", "otimes", "oplus", "circ", "ast"}
_TAKES_NO_GROUP |= {"star", "pm", "mp", "le", "ge", "leq", "geq", "neq", "approx", "sim", "in", "mid", "to"}
_TAKES_NO_GROUP |= FUNCS | RECIPROCAL_TRIG | GREEK  # `\\log {\\hat{p}}^{(n)}`: the group is a braced symbol


def clean(nodes: list[Any]) -> list[Any]:
    """Drop spacing/sizing commands, labels and alignment marks; `\\coloneqq` and `:=` become `=`."""
    nodes = _without_empty_scripts([_over_as_frac(_unnested(t)) for t in nodes])
    out: list[Any] = []
    i = 0
    while i < len(nodes):
        t = nodes[i]
        c = cmd_of(t)
        if (
            isinstance(t, Group)
            and (_applied(nodes, i) or nodes[i + 1 : i + 2] in (["_"], ["^"], ["'"]) and _one_symbol(t.items))
            and not (  # the argument of \\hat{...}, \\mathbf{...}: not a braced symbol (after \\Vert it is)
                out and cmd_of(out[-1]) and cmd_of(out[-1]) not in _TAKES_NO_GROUP
            )
        ):
            out += clean(t.items)  # {\\boldsymbol{x}}_i -> \\boldsymbol{x}_i, {\\bm{x}}' -> \\bm{x}'
        elif (taken := _spelled(nodes, i, out)) is not None:
            i += taken
        elif isinstance(t, Group) and t.items in ([], ["-"], ["+"]) and not _script_or_argument(out):
            out += t.items  # `f(b){}`, `1{-}\\epsilon`: braces written for spacing
        elif c == "mathop" and i + 1 < len(nodes) and isinstance(nodes[i + 1], Group):
            out += clean(nodes[i + 1].items)  # \\mathop{\\mathbb{E}}: the operator itself
            i += 1
        elif isinstance(t, Group):
            out.append(Group(clean(t.items)))
        elif isinstance(t, Cases):
            out.append(Cases([(clean(v), clean(cond)) for v, cond in t.rows]))
        elif c in ("label", "tag", "vspace", "hspace") or t in ("\\label",):
            i += 1  # skip its argument
        elif c in SKIP or t in ("\\,", "\\;", "\\:", "\\!", "\\ ", "&"):
            # `x &= a & y &= b`: align's second pair of columns is an equation of its own
            out += [","] if t == "&" and _next_column_defines(nodes, i, out) else []
        elif (skip := _notation(nodes, i, out)) is not None:
            i += skip
        elif c in EQUALS:
            out.append("=")
        elif (skip := _rewritten(nodes, i, out)) is not None:
            i += skip
        elif (t == ":" and nodes[i + 1 : i + 2] == ["="]) or (t == "," and out[-1:] == [","]):
            pass  # `:=` is `=`; `\\text{,} \\quad` is one separator, written twice
        else:
            out.append(t)
        i += 1
    while out and out[-1] in (",", ".", ";"):
        out.pop()
    return out


SCRIPTS = ("_", "^")
FONT_SWITCHES = {"cal": "mathcal", "bf": "mathbf", "rm": "mathrm", "it": "mathit"}


def _without_empty_scripts(nodes: list[Any]) -> list[Any]:
    """`y^{(n)}_{}`: an empty subscript or superscript is no script."""
    empty = {i for i, t in enumerate(nodes) if t in SCRIPTS and nodes[i + 1 : i + 2] == [Group([])]}
    return [t for i, t in enumerate(nodes) if i not in empty and i - 1 not in empty]


def _over_as_frac(t: Any) -> Any:
    """`{a \\over b}`: plain TeX's fraction, as `\\frac{a}{b}` (a group of the three)."""
    if not isinstance(t, Group) or t.delim != "{" or t.items.count("\\over") != 1:
        return t
    k = t.items.index("\\over")
    return Group(["\\frac", Group(t.items[:k]), Group(t.items[k + 1 :])])


def _unnested(t: Any) -> Any:
    """`{{\\bm{y}}}` -> `{\\bm{y}}`: braces doubled around a group change nothing."""
    while isinstance(t, Group) and len(t.items) == 1 and isinstance(t.items[0], Group) and t.delim == "{":
        if t.items[0].delim != "{":
            break
        t = t.items[0]
    return t


def _font_switch(items: list[Any]) -> list[Any]:
    """`{\\cal L}`, `{\\bf x}`: an old font switch over a group, as `\\mathcal{L}` ([] for other groups)."""
    if len(items) < 2 or cmd_of(items[0]) not in FONT_SWITCHES:
        return []
    rest = items[1:]
    rest = rest[0].items if len(rest) == 1 and isinstance(rest[0], Group) else rest  # `{\\rm{nl}}`
    return ["\\" + FONT_SWITCHES[cmd_of(items[0]) or ""], Group(clean(rest))]


def _row_space(nodes: list[Any], i: int) -> int:
    """How many nodes after the row break at i give its extra space (`[6pt]`, `[-2mm]`); 0 if none."""
    if nodes[i + 1 : i + 2] != ["["] or "]" not in nodes[i + 1 :]:
        return 0
    close = nodes.index("]", i + 1)
    inside = "".join(str(t) for t in nodes[i + 2 : close])
    return close - i if re.fullmatch(r"-?[\d.]+(?:pt|em|ex|mm|cm|in|bp|mu)", inside) else 0


def _skip_sizes(nodes: list[Any], j: int) -> int:
    """The first index from j that is not a sizing command (\\left, \\big, ...)."""
    while j < len(nodes) and cmd_of(nodes[j]) in SKIP:
        j += 1
    return j


def _bare_call(name: str) -> list[Any]:
    """The command a function written without a backslash stands for."""
    if name in MATRIX_SCALARS:
        return ["\\" + MATRIX_SCALARS[name]]
    return ["\\" + name] if name in FUNCS or name in ("min", "max") else _word(name)


def _word(name: str) -> list[Any]:
    """`\\operatorname{name}`: how the rewriter reads a named operator."""
    return ["\\operatorname", Group(list(name))]


PUNCTUATION = (",", ".", ";", ":")
SPACING = ("\\,", "\\;", "\\:", "\\!", "\\ ", "~", "\\quad", "\\qquad")


PROSE_FONTS = {"text", "textrm", "textnormal", "mbox", "textit", "textsf", "texttt"}


def text_name(word: str, after: list[Any]) -> bool:
    """`\\text{EMD}`, `\\text{Precision}_j`, `\\text{score\\_prob}`: one word (lower-cased; a code name's
    underscores kept) naming a quantity, read as \\mathrm; prose (`\\text{ for all }`, `\\text{const}`) and
    `\\text{Var}[x]` are not."""
    word = word.replace("\\_", "_")
    if not re.fullmatch(r"[a-z][a-z0-9]+(?:_[a-z0-9]+)*", word) or after == ["["] or word in TEXT_UNITS:
        return False
    return word not in TEXT_NOT_NAMES and not word.startswith(CONDITION_WORDS)


def _punctuation_only(items: list[Any]) -> bool:
    """Text that holds only punctuation and spacing (`\\text{\\,.}`, `\\mbox{;}`): kept as the marks."""
    flat = flatten(items)
    return all(isinstance(x, str) and (x in PUNCTUATION or x in SPACING) for x in flat)


# functions papers write in italic letters without a backslash (`tanh(Wx)`, `ReLU(x)`), longest first
_BARE_FUNCTIONS = ("softplus", "Softplus", "softmax", "Softmax", "sigmoid", "Sigmoid", "tanh", "Tanh", "ReLU")
_BARE_FUNCTIONS += ("relu", "exp", "log", "trace", "diag", "det", "tr", "Tr", "min", "max")


def _bare_function(nodes: list[Any], i: int) -> str | None:
    """The function whose name the letters at i spell, as a word of its own applied to brackets
    (`tanh\\big(Wx\\big)`); None otherwise (`e x p` inside a longer word, or not applied)."""
    before = nodes[i - 1] if i else None
    script = i >= 2 and nodes[i - 2] in SCRIPTS  # `y_i log(s_i)`: the letter before is a subscript
    if isinstance(before, str) and (before.isalpha() and not script or before in SCRIPTS):
        return None
    for name in _BARE_FUNCTIONS:
        end = i + len(name)
        after = nodes[end] if end < len(nodes) else None
        if nodes[i:end] != list(name) or (isinstance(after, str) and after.isalpha()):
            continue
        j = _skip_sizes(nodes, end)
        command = cmd_of(nodes[j]) if j < len(nodes) else None
        if nodes[j : j + 1] == ["("] or (name in ("exp", "log") and command):
            return name  # `log \\frac{p}{1-p}`: log and exp take a command's argument too
        return None
    return None


def _notation(nodes: list[Any], i: int, out: list[Any]) -> int | None:
    """Notation read as plain algebra (None: not one of these); returns how many more nodes it took.
    Macros of packages (commath, physics: \\abs{x}, \\norm{x}; upgreek: \\upgamma), \\cot, \\sec, \\csc,
    \\underbrace{x}_{\\text{...}} (the term), \\phantom{x} (none),
    \\lfloor x \\rfloor, \\max\\{a, b\\}, the positive part [x]_+, and definition signs written with
    \\mathrel / \\buildrel; `=:` and \\eqqcolon name their right-hand side (`expr =: y`)."""
    t, c = nodes[i], cmd_of(nodes[i])
    if (took := _macro(nodes, i, out)) is not None:
        return took
    if c in DECOR_SUFFIX and isinstance(nodes[i + 1 : i + 2][0] if i + 1 < len(nodes) else None, Group):
        inner = clean(nodes[i + 1].items)
        while len(inner) == 1 and isinstance(inner[0], Group):
            inner = inner[0].items
        if len(inner) > 1 and inner[-1] == TRANSPOSE:  # \dot{B^\top}: the transpose of \dot{B}
            out += [t, Group(inner[:-1]), TRANSPOSE]
            return 1
    if t == "[" and i and nodes[i - 1] == "\\\\" and (skip := _row_space(nodes, i - 1)):
        return skip - 1  # `\\\\[6pt]`: a row break's extra space, no bracket of algebra
    if (name := _bare_function(nodes, i)) is not None:
        out += _bare_call(name)  # tanh(Wx), ReLU(x), tr(A): no backslash
        return len(name) - 1
    if c in TEXT_NAMES | {"textnormal", "textrm"} and i + 1 < len(nodes):
        word = "".join(str(x) for x in flatten(items_of(nodes[i + 1])))
        if word == "e":  # \\mathrm{e}^{x}: Euler's number, set upright
            out.append("e")
            return 1
        if word in MATRIX_SCALARS:
            out.append("\\" + MATRIX_SCALARS[word])
            return 1
        if _punctuation_only(items_of(nodes[i + 1])):  # \text{\,.}: the sentence's full stop, no word
            out += [x for x in flatten(items_of(nodes[i + 1])) if x in PUNCTUATION]
            return 1
    if c in ROUNDING:
        close = matching(nodes, i, t, "\\" + ROUNDING[c][0])
        out += [*_word(ROUNDING[c][1]), "(", *clean(nodes[i + 1 : close]), ")"]
        return close - i
    if c in ("max", "min") and nodes[_skip_sizes(nodes, i + 1) : _skip_sizes(nodes, i + 1) + 1] == ["\\{"]:
        return _max_of_set(nodes, i, out)
    positive = i + 1 < len(nodes) and items_of(nodes[i + 1]) == ["+"] and out[-1:] in ([")"], ["]"], ["|"])
    if t == "^" and positive and out[-1] == ")":
        raise Unsupported("(...)^+: the positive part or a pseudo-inverse? write [x]_+ or (x)_+")
    if t in ("_", "^") and positive:
        _positive_part(out)
        return 1
    return _definition_sign(nodes, i, out)


def _macro(nodes: list[Any], i: int, out: list[Any]) -> int | None:
    """A package's macro or a decoration read as algebra: \\abs, \\norm, \\upgamma, \\cot, \\phantom (only
    space), \\underbrace{x}_{...} (the term: its annotation is words), an inner product."""
    c = cmd_of(nodes[i])
    arg = nodes[i + 1] if i + 1 < len(nodes) else None
    if c in ("abs", "norm") and isinstance(arg, Group):
        bar = "|" if c == "abs" else "\\|"
        out += [bar, *clean(arg.items), bar]
        return 1
    if c and c[:2] in ("up", "Up") and (c[2:] if c[0] == "u" else c[2:].capitalize()) in GREEK:
        out.append("\\" + (c[2:] if c[0] == "u" else c[2:].capitalize()))  # upgreek: \\upgamma
        return 0
    if c in RECIPROCAL_TRIG:
        out += _word(c)
        return 0
    if c in ("phantom", "hphantom", "vphantom"):
        return 1  # `&\phantom{=} + b` aligns a continued row
    if c in ("underbrace", "overbrace") and isinstance(arg, Group):
        out.append(Group(clean(arg.items)))
        return 3 if nodes[i + 2 : i + 3] in (["_"], ["^"]) else 1
    if c == "langle":
        return _inner_product(nodes, i, out)
    return None


def _inner_product(nodes: list[Any], i: int, out: list[Any]) -> int | None:
    """`\\langle a, b \\rangle`: the sum over the last axis of a * b (vectors)."""
    close = matching(nodes, i, "\\langle", "\\rangle")
    if nodes[close + 1 : close + 2] in (["_"], ["^"]):
        raise Unsupported("an inner product with a subscript (a weighted or named one, <x, y>_L) is not read")
    parts = split_args(nodes[i + 1 : close])
    if len(parts) != 2:
        return None  # <y>: an average (or a bra-ket), read as before
    out += [*_word("inner"), "(", Group(clean(parts[0])), "\\cdot", Group(clean(parts[1])), ")"]
    return close - i


def _max_of_set(nodes: list[Any], i: int, out: list[Any]) -> int | None:
    """`\\max\\{a, b\\}` -> `\\max(a, b)`: the larger of the listed expressions (a set built with `:`, `|` or
    \\in stays a set, refused later)."""
    j = _skip_sizes(nodes, i + 1)
    close = matching(nodes, j, "\\{", "\\}")
    inner = clean(nodes[j + 1 : close])
    if not at_top_level(inner, ",") or any(x in (":", "|", "\\mid", "\\in") for x in flatten(inner)):
        return None
    out += [nodes[i], "(", *inner, ")"]
    return close - i


def _positive_part(out: list[Any]) -> None:
    """`[x]_+`, `(x)^+` written so far -> `\\max(x, 0)`; `|x|_+` is refused (|x| is never negative: a hinge
    [x]_+ was probably meant)."""
    if out[-1] == "|":
        raise Unsupported("|x|_+ is |x| itself (never negative): was the hinge [x]_+ meant? ambiguous")
    open_ = "(" if out[-1] == ")" else "["
    depth = 0
    for k in range(len(out) - 1, -1, -1):
        depth += (out[k] == out[-1]) - (out[k] == open_)
        if depth == 0:
            out[k:] = ["\\max", "(", *out[k + 1 : -1], ",", "0", ")"]
            return
    raise Unsupported(f"unbalanced {open_}{out[-1]}")


def _definition_sign(nodes: list[Any], i: int, out: list[Any]) -> int | None:
    """`\\mathrel{\\mathop:}=` and `\\buildrel \\text{def} \\over =` -> `=`; `=:` and \\eqqcolon -> `=:`."""
    t, c = nodes[i], cmd_of(nodes[i])
    colon = i + 1 < len(nodes) and [x for x in flatten(items_of(nodes[i + 1])) if cmd_of(x) != "mathop"] == [
        ":"
    ]
    if c == "mathrel" and colon and nodes[i + 2 : i + 3] == ["="]:
        out.append("=")
        return 2
    if c == "buildrel" and "\\over" in nodes[i : i + 4]:
        k = nodes.index("\\over", i)
        if nodes[k + 1 : k + 2] == ["="]:
            if in_law(Group(nodes[i + 1 : k])):
                raise Unsupported(EQUAL_IN_LAW)
            out.append("=")
            return k + 1 - i
    if c == "eqqcolon" or (t == "=" and nodes[i + 1 : i + 2] == [":"]):
        out.append("=:")
        return 0 if c else 1
    return None


def text_word(nodes: list[Any], i: int) -> str | None:
    """The words of \\text{...} (or \\mbox, \\textnormal, \\mathrm) at i, lower-cased; None if not text."""
    if cmd_of(nodes[i]) not in TEXT_NAMES | {"textnormal", "textrm"} or i + 1 >= len(nodes):
        return None
    return "".join(str(t) for t in flatten(items_of(nodes[i + 1]))).strip(" ,.;:").lower()


def name_of(nodes: list[Any]) -> str:
    """A Python-ish name for a subscript or a decorated base: t-1 -> t_minus_1, \\text{vlb} -> vlb."""
    parts: list[str] = []
    i = 0
    while i < len(nodes):
        t = nodes[i]
        c = cmd_of(t)
        if isinstance(t, Group):
            parts.append(name_of(t.items))
        elif c in DECOR_SUFFIX and i + 1 < len(nodes):
            parts.append(name_of(items_of(nodes[i + 1])) + DECOR_SUFFIX[c])
            i += 1
        elif c in TEXT_NAMES and i + 1 < len(nodes):
            parts.append(name_of(items_of(nodes[i + 1])))
            i += 1
        elif t == "|" or c == "mid":
            parts.append("_given_")
        elif c:
            parts.append(c)
        elif t == "-":
            parts.append("_minus_")
        elif t == "+":
            parts.append("_plus_")
        elif t in (",", ";", "_", "^", "\\_"):  # '\\_' in a code name: `\\text{rate\\_per\\_step}`
            parts.append("_")
        elif t == "'":
            parts.append("_prime")
        elif t == "*":
            parts.append("star")  # \\pi^* and \\pi are two arguments
        elif isinstance(t, str) and (t.isalnum()):
            parts.append(t)
        i += 1
    return "".join(parts)


def py_name(name: str) -> str:
    name = re.sub(r"_+", "_", re.sub(r"[^A-Za-z0-9_]", "", name)).strip("_") or "x"
    if name[0].isdigit():
        name = "v_" + name
    return name + "_" if keyword.iskeyword(name) else name


def flatten(nodes: list[Any]) -> list[Any]:
    out: list[Any] = []
    for t in nodes:
        out += flatten(t.items) if isinstance(t, Group) else [t]
    return out


def matching(nodes: list[Any], i: int, open_: str = "(", close: str = ")") -> int:
    depth = 0
    for j in range(i, len(nodes)):
        if nodes[j] == open_:
            depth += 1
        elif nodes[j] == close:
            depth -= 1
            if depth == 0:
                return j
    raise Unsupported(f"unbalanced {open_}{close}")


def _script_or_argument(out: list[Any]) -> bool:
    """Would a group written next be a script (`x^{}`) or a command's argument (`\\hat{}`)?"""
    return bool(out) and bool(cmd_of(out[-1]) or out[-1] in SCRIPTS)


def several_arguments(args: list[Any]) -> bool:
    """`f(a, b)`, `q(z; \\lambda)`: the brackets hold an argument list (a call, never a product)."""
    return at_top_level(args, ",") or at_top_level(args, ";")


def at_top_level(nodes: list[Any], token: str) -> bool:
    depth = 0
    for t in nodes:
        depth += t in ("(", "[")
        depth -= t in (")", "]")
        if depth == 0 and t == token:
            return True
    return False


def closes_abs(nodes: list[Any], i: int) -> bool:
    """A `|` opens |x| when another `|` follows before the enclosing bracket closes (else: a condition)."""
    depth = 0
    for t in nodes[i + 1 :]:
        if t in ("(", "["):
            depth += 1
        elif t in (")", "]"):
            depth -= 1
            if depth < 0:
                return False
        elif t == "|" and depth == 0:
            return True
    return False


def single_vars(args: list[Any]) -> bool:
    return all(
        len(flatten(a)) >= 1
        and (str(flatten(a)[0]).isalpha() or cmd_of(flatten(a)[0]) in GREEK | set(DECOR_SUFFIX))
        for a in split_args(args)
    )


def split_args(args: list[Any]) -> list[list[Any]]:
    parts: list[list[Any]] = [[]]
    depth = 0
    for t in args:
        depth += t in ("(", "[")
        depth -= t in (")", "]")
        if depth == 0 and t in (",", ";"):  # f(x, y), q(z; \\lambda)
            parts.append([])
        else:
            parts[-1].append(t)
    return [p for p in parts if p]


def is_transpose_mark(node: Any) -> bool:
    """The superscript of a transpose: T, \\top, \\intercal, \\mathsf{T}, \\mathrm{T}, {T}, {\\top}."""
    flat = [str(t) for t in flatten(items_of(node))]
    return bool(re.fullmatch(r"(\\(mathsf|mathrm|rm|sf))?(T|\\top|\\intercal|\\mathsf)", "".join(flat)))
