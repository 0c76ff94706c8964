"""LaTeX of one equation line -> the SPEC an equation oracle evaluates (see tools/oracles.py).

A small tokenizer and rewriter, not a TeX engine: every variable (`\\bar{\\alpha}_{t-1}`, `x_0`,
`\\epsilon_\\theta(x_t, t)`) becomes an opaque `{\\zz...}` command for sympy's LaTeX parser, mapped to a
Python name (alpha_bar_t_minus_1, x_0, epsilon_theta); each definition on the line (`a = ..., f(t) = ...`)
becomes one right-hand side; `\\sum`/`\\prod` become reductions over the indexed vectors, `\\|x\\|` norms.
What is not plain algebra (distributions, expectations, KL, conditionals, ellipses, unknown macros) raises
Unsupported with the reason.

Why the ANTLR parser (`parse_latex`) and not sympy 1.14's lark backend (`parse_latex_lark`): on raw
paper LaTeX both fail (ANTLR silently, lark loudly); after this rewrite lark rejects the opaque `{\\zz...}`
names while ANTLR parses them, and lark misreads `\\exp(v \\log(b) + (1-v) \\log(c))` as
exp(v log(c) log(b - v + 1)). ANTLR's silent misreadings are caught downstream: a parse that loses a
variable or yields a constant is refused.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from typing import Any

from tools.dispatch import dispatch_table

GREEK = {
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "varepsilon",
    "zeta",
    "eta",
    "theta",
    "vartheta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
    "rho",
    "varrho",
    "sigma",
    "varsigma",
    "tau",
    "upsilon",
    "phi",
    "varphi",
    "chi",
    "psi",
    "omega",
    "Gamma",
    "Delta",
    "Theta",
    "Lambda",
    "Xi",
    "Pi",
    "Sigma",
    "Upsilon",
    "Phi",
    "Psi",
    "Omega",
    "ell",
    "omicron",
}
DECOR_SUFFIX = {
    "bar": "_bar",
    "overline": "_bar",
    "tilde": "_tilde",
    "widetilde": "_tilde",
    "hat": "_hat",
    "widehat": "_hat",
    "dot": "_dot",
    "ddot": "_ddot",
    "check": "_check",
    "breve": "_breve",
    "mathbf": "",
    "boldsymbol": "",
    "bm": "",
    "vec": "",
    "mathit": "",
    "mathrm": "",
    "bf": "",
}
TEXT_NAMES = {"text", "textrm", "textnormal", "mathrm", "operatorname", "mathit", "textit", "mbox"}
FUNCS = {"exp", "log", "ln", "sin", "cos", "tan", "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan"}
SKIP = {
    "left",
    "right",
    "big",
    "Big",
    "bigg",
    "Bigg",
    "bigl",
    "bigr",
    "Bigl",
    "Bigr",
    "biggl",
    "biggr",
    "Biggl",
    "Biggr",
    "displaystyle",
    "textstyle",
    "scriptstyle",
    ",",
    ";",
    ":",
    "!",
    " ",
    "quad",
    "qquad",
    "nonumber",
    "notag",
    "limits",
    "nolimits",
    "middle",
}
EQUALS = {"coloneqq", "coloneq", "triangleq", "doteq", "eqqcolon", "defeq", "equiv"}
INDEX_LETTERS = {"i", "j", "k", "l", "m", "n"}
BOLD = {"mathbf", "boldsymbol", "bm", "bf"}
MODEL_SUBSCRIPTS = {"theta", "phi", "psi", "omega", "w"}
REASONS = {
    "mathcal": "a distribution or set (\\mathcal{...}) is not plain algebra",
    "mathbb": "an expectation or number set (\\mathbb{...}) is not plain algebra",
    "text": "text inside the formula (\\text{...}) has no algebraic meaning",
    "textnormal": "text inside the formula has no algebraic meaning",
    "operatorname": "a named operator (\\operatorname{...}) is not plain algebra",
    "dots": "an ellipsis (...) cannot be evaluated",
    "ldots": "an ellipsis (...) cannot be evaluated",
    "cdots": "an ellipsis (...) cannot be evaluated",
    "sim": "a sampling statement (\\sim) is not algebra",
    "propto": "a proportionality (\\propto) is not an equation",
    "in": "set membership (\\in) is not algebra",
    "top": "a transpose needs matrix shapes the oracle cannot know",
    "mid": "a conditional (\\mid) is not plain algebra",
    "nabla": "a gradient is not plain algebra",
    "partial": "a derivative is not plain algebra",
    "int": "an integral: sympy would have to solve it symbolically (unbounded time); check it by quadrature",
    "infty": "infinity cannot be evaluated",
    "argmax": "an optimisation (argmax) is not plain algebra",
    "argmin": "an optimisation (argmin) is not plain algebra",
}


class Unsupported(Exception):
    """The equation is outside what an oracle can evaluate; the message says why."""


# ---------------------------------------------------------------- LaTeX tokens and groups


@dataclass
class Group:
    items: list[Any]
    delim: str = "{"


@dataclass
class Cases:
    """A `cases` (or `\\left\\{ array`) block: rows of (value, condition) node lists."""

    rows: list[tuple[list[Any], list[Any]]]


# \\operatorname{name} / \\text{name} / \\mathrm{name} read as a function (the runtime maps each name)
NAMED_OPERATORS = {
    "arccosh": "acosh",
    "arcosh": "acosh",
    "arcsinh": "asinh",
    "arsinh": "asinh",
    "arctanh": "atanh",
    "artanh": "atanh",
    "sgn": "sign",
    "sign": "sign",
    "exp": "exp",
    "log": "log",
    "tanh": "tanh",
    "sinh": "sinh",
    "cosh": "cosh",
    "sigmoid": "sigmoid",
    "softplus": "softplus",
    "relu": "relu",
    "ReLU": "relu",
    "abs": "abs",
}
CONDITION_WORDS = ("for", "where", "if", "with", "and", "when", "s.t", "subject", "since", "otherwise")
SIDE_MARKERS = {
    "sim",
    "in",
    "notin",
    "forall",
    "dots",
    "ldots",
    "cdots",
    "leq",
    "geq",
    "le",
    "ge",
    "neq",
    "ne",
    "subset",
    "subseteq",
    "to",
    "rightarrow",
    "propto",
    "approx",
    "mid",
}
RELATIONS = {
    "<": "lt",
    "\\lt": "lt",
    ">": "gt",
    "\\gt": "gt",
    "\\le": "le",
    "\\leq": "le",
    "\\leqslant": "le",
    "\\ge": "ge",
    "\\geq": "ge",
    "\\geqslant": "ge",
}

_CONTROL_WORD = re.compile(r"\\([A-Za-z]+)\*?")


def _tokens(latex: str) -> list[str]:
    out, i, n = [], 0, len(latex)
    while i < n:
        c = latex[i]
        if c == "\\":
            m = _CONTROL_WORD.match(latex, i)
            if m:
                out.append("\\" + m.group(1))
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


def _groups(tokens: list[str]) -> list[Any]:
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


def _cmd(t: Any) -> str | None:
    return t[1:] if isinstance(t, str) and t.startswith("\\") and len(t) > 1 and t[1].isalpha() else None


def _items(node: Any) -> list[Any]:
    return node.items if isinstance(node, Group) else [node]


def _clean(nodes: list[Any]) -> list[Any]:
    """Drop spacing/sizing commands, labels and alignment marks; `\\coloneqq` and `:=` become `=`."""
    out: list[Any] = []
    i = 0
    while i < len(nodes):
        t = nodes[i]
        c = _cmd(t)
        if isinstance(t, Group):
            out.append(Group(_clean(t.items)))
        elif isinstance(t, Cases):
            out.append(Cases([(_clean(v), _clean(cond)) for v, cond in t.rows]))
        elif c in ("label", "tag", "vspace", "hspace") or t in ("\\label",):
            i += 1  # skip its argument
        elif c in SKIP or t in ("\\,", "\\;", "\\:", "\\!", "\\ ", "&", "\\\\"):
            pass
        elif c in EQUALS:
            out.append("=")
        elif t == ":" and i + 1 < len(nodes) and nodes[i + 1] == "=":
            pass
        else:
            out.append(t)
        i += 1
    while out and out[-1] in (",", ".", ";"):
        out.pop()
    return out


# ---------------------------------------------------------------- side conditions and cases


def _text_word(nodes: list[Any], i: int) -> str | None:
    """The words of \\text{...} (or \\mbox, \\textnormal, \\mathrm) at i, lower-cased; None if not text."""
    if _cmd(nodes[i]) not in TEXT_NAMES | {"textnormal", "textrm"} or i + 1 >= len(nodes):
        return None
    return "".join(str(t) for t in _flat(_items(nodes[i + 1]))).strip(" ,.;:").lower()


def _is_condition_word(word: str | None) -> bool:
    return word is not None and word.startswith(CONDITION_WORDS)


def _is_side_condition(segment: list[Any]) -> bool:
    """A segment after \\quad / \\text{for ...}: a condition or a range, not another definition."""
    flat = _flat(segment)
    head = [t for t in segment if _cmd(t) not in ("quad", "qquad", ",", ";")][:2]
    if head and (_cmd(head[0]) == "forall" or _is_condition_word(_text_word(head, 0))):
        return True
    if any(_cmd(t) in SIDE_MARKERS for t in flat) or any(t in ("<", ">") for t in flat):
        return True
    return "=" not in flat and not any(_cmd(t) in EQUALS for t in flat)


def strip_side_conditions(nodes: list[Any]) -> list[Any]:
    """`a = b \\qquad x \\sim p`, `a_t = b, \\quad t = 1, \\dots, T`, `a = b \\text{ for } ...` -> `a = b`;
    a second definition after \\quad (`a = b, \\qquad c = d`) stays."""
    segments: list[list[Any]] = [[]]
    for i, t in enumerate(nodes):
        c = _cmd(t)
        if segments[-1] and (c in ("quad", "qquad", "forall") or _is_condition_word(_text_word(nodes, i))):
            segments.append([])
        segments[-1].append(t)
    kept = [segments[0]]
    for segment in segments[1:]:
        if _is_side_condition(segment):
            break  # what follows a condition belongs to it
        kept.append(segment)
    out: list[Any] = []
    for segment in kept:
        while segment and (segment[-1] in (",", ".", ";") or _cmd(segment[-1]) in ("quad", "qquad", ",")):
            segment = segment[:-1]
        out += ([","] if out else []) + segment
    return out


def _cases_end(nodes: list[Any], i: int, env: str) -> int:
    for j in range(i, len(nodes) - 1):
        if _cmd(nodes[j]) == "end" and _name_of(_items(nodes[j + 1])) == env:
            return j
    raise Unsupported(f"\\begin{{{env}}} without its \\end")


def _case_rows(body: list[Any]) -> list[tuple[list[Any], list[Any]]]:
    rows: list[list[list[Any]]] = [[[]]]
    for t in body:
        if t == "\\\\":
            rows.append([[]])
        elif t == "&":
            rows[-1].append([])
        else:
            rows[-1][-1].append(t)
    out = []
    for cells in rows:
        if not any(cells):
            continue
        if len(cells) != 2:
            raise Unsupported("a case without a value & condition pair")
        out.append((cells[0], cells[1]))
    return out


def extract_cases(nodes: list[Any]) -> list[Any]:
    """`\\begin{cases} v & cond \\\\ ... \\end{cases}` and `\\left\\{ \\begin{array}{ll} ... \\right.` -> one
    Cases node (other environments stay, to be refused with their name)."""
    out: list[Any] = []
    i = 0
    while i < len(nodes):
        t = nodes[i]
        env = _name_of(_items(nodes[i + 1])) if _cmd(t) == "begin" and i + 1 < len(nodes) else None
        if env in ("cases", "dcases", "array"):
            start = i + 2 + (env == "array")  # skip array's column spec
            end = _cases_end(nodes, start, env)
            if env == "array":
                if out[-2:] != ["\\left", "\\{"]:
                    raise Unsupported("an array is a matrix the oracle cannot shape")
                del out[-2:]
            out.append(Cases(_case_rows(nodes[start:end])))
            i = end + 2
            if env == "array" and nodes[i : i + 2] == ["\\right", "."]:
                i += 2
            continue
        out.append(t)
        i += 1
    return out


# ---------------------------------------------------------------- names


def _name_of(nodes: list[Any]) -> str:
    """A Python-ish name for a subscript or a decorated base: t-1 -> t_minus_1, \\text{vlb} -> vlb."""
    parts: list[str] = []
    i = 0
    while i < len(nodes):
        t = nodes[i]
        c = _cmd(t)
        if isinstance(t, Group):
            parts.append(_name_of(t.items))
        elif c in DECOR_SUFFIX and i + 1 < len(nodes):
            parts.append(_name_of(_items(nodes[i + 1])) + DECOR_SUFFIX[c])
            i += 1
        elif c in TEXT_NAMES and i + 1 < len(nodes):
            parts.append(_name_of(_items(nodes[i + 1])))
            i += 1
        elif c:
            parts.append(c)
        elif t == "-":
            parts.append("_minus_")
        elif t == "+":
            parts.append("_plus_")
        elif t in (",", "_", "^"):
            parts.append("_")
        elif t == "'":
            parts.append("_prime")
        elif isinstance(t, str) and (t.isalnum()):
            parts.append(t)
        i += 1
    return "".join(parts)


def _py(name: str) -> str:
    name = re.sub(r"_+", "_", re.sub(r"[^A-Za-z0-9_]", "", name)).strip("_") or "x"
    if name[0].isdigit():
        name = "v_" + name
    return name + "_" if keyword.iskeyword(name) else name


@dataclass
class _Var:
    name: str  # Python name
    base: str  # name without subscript
    sub: list[Any] = field(default_factory=list)
    call: list[Any] | None = None  # the (args) that followed, when it is a call
    bold: bool = False  # \\mathbf{W}: a vector or matrix by convention


@dataclass
class _Emit:
    """What one emit call has written, and the brackets, norms and |...| it has open."""

    nodes: list[Any]
    in_call: bool
    out: list[str] = field(default_factory=list)
    depth: int = 0
    norm_open: bool = False
    abs_open: bool = False


def _emit_char(st: _Emit, i: int, t: str) -> int:
    """A token that is not a command, a letter or a norm bar: brackets, operators, digits."""
    if t in ("\\{", "\\}"):
        raise Unsupported("a set \\{...\\} is not plain algebra")
    if t == "|":
        if not st.abs_open and not _closes_abs(st.nodes, i):
            raise Unsupported("a conditional `|` (as in p(x | y)) is not plain algebra")
        st.abs_open = not st.abs_open
        st.out.append("|")
    elif t in ("(", "[", ")", "]"):
        st.depth += 1 if t in ("(", "[") else -1
        st.out.append("(" if t in ("(", "[") else ")")
    elif t == "," and (st.depth > 0 or st.in_call):
        st.out.append(",")
    elif t in ("=", "<", ">", ","):
        raise Unsupported(f"`{t}` inside a right-hand side: chained relations are not supported")
    elif t == ".":
        if i + 2 < len(st.nodes) and st.nodes[i + 1] == "." and st.nodes[i + 2] == ".":
            raise Unsupported("an ellipsis (...) cannot be evaluated")
        st.out.append(".")
    elif t in ("+", "-", "*", "/", "^", "!") or (isinstance(t, str) and t.isdigit()):
        st.out.append(t)
    elif t == "_":
        raise Unsupported("a subscript on a bracket or operator is not supported")
    else:
        raise Unsupported(f"the character {t!r} is not supported")
    return i + 1


_COMMAND_EMITTERS = dispatch_table(
    (("frac", "dfrac", "tfrac"), "_emit_frac"),
    (("sqrt",), "_emit_sqrt"),
    (FUNCS, "_emit_function"),
    (("min", "max"), "_emit_min_max"),
    (("cdot", "times", "odot"), "_emit_product"),
    (("sum", "prod"), "_emit_reduction"),
    (("pi",), "_emit_pi"),
    (("|", "Vert", "lVert", "rVert"), "_emit_norm"),
    (GREEK, "_emit_variable"),
    (DECOR_SUFFIX, "_emit_variable"),
)


def _read_base(nodes: list[Any], i: int, lhs: bool) -> tuple[str, int]:
    """A variable's base name from the token at i (a letter, a Greek letter, a decorated or text name)."""
    t = nodes[i]
    c = _cmd(t)
    if lhs and c in TEXT_NAMES and i + 1 < len(nodes):
        return _name_of(_items(nodes[i + 1])), i + 2
    if lhs and c in ("mathcal", "mathscr") and i + 1 < len(nodes):  # a loss or objective named \mathcal{L}
        return _name_of(_items(nodes[i + 1])) + "_cal", i + 2
    if c in DECOR_SUFFIX:
        if i + 1 >= len(nodes):
            raise Unsupported(f"\\{c} without an argument")
        inner = _items(nodes[i + 1])
        if any(_cmd(x) in REASONS for x in inner):
            raise Unsupported(REASONS[next(_cmd(x) for x in inner if _cmd(x) in REASONS)])
        return _name_of(inner) + DECOR_SUFFIX[c], i + 2
    if c in GREEK:
        return c, i + 1
    return str(t), i + 1


def _read_suffixes(var: _Var, nodes: list[Any], i: int) -> int:
    """Primes, a subscript and a ^{*}/^{(k)} mark after the base at i; returns where they end."""
    while i < len(nodes):
        t = nodes[i]
        if t == "'":
            var.base += "_prime"
            i += 1
        elif t == "_" and i + 1 < len(nodes):
            var.sub += _items(nodes[i + 1])
            i += 2
        elif t == "^" and i + 1 < len(nodes) and _is_mark(nodes[i + 1]):
            var.base += "_" + (_name_of(nodes[i + 1].items) or "star")
            i += 2
        else:
            break
    return i


def _is_mark(node: Any) -> bool:
    """{(k)}, {*}, {\\star}, {\\prime} as a superscript: part of the name, not a power."""
    return isinstance(node, Group) and (
        node.items[:1] == ["("] or node.items in (["*"], ["\\star"], ["\\prime"])
    )


# ---------------------------------------------------------------- the rewriter


class _Rewriter:
    def __init__(self) -> None:
        self.symbols: dict[str, str] = {}  # placeholder -> Python name
        self.inputs: list[str] = []
        self.vectors: set[str] = set()
        self.lengths: set[str] = set()
        self.helpers: dict[str, str] = {}  # base name -> command used for its calls
        self.sum_index: str | None = None
        self.indices: set[str] = set()  # index letters of the line's sums
        self.reductions = False
        self.conditions: list[str] = []  # the cases' conditions, emitted (each must be reached both ways)

    def placeholder(self, py: str, *, is_input: bool = True) -> str:
        ph = next((k for k, v in self.symbols.items() if v == py), None)
        if ph is None:
            ph = "zz" + re.sub(r"[^A-Za-z]", "", py)
            while ph in self.symbols:
                ph += "z"
            self.symbols[ph] = py
        if is_input and py not in self.inputs:
            self.inputs.append(py)
        return ph

    # -- variables
    def read_var(self, nodes: list[Any], i: int, lhs: bool = False) -> tuple[_Var, int]:
        c = _cmd(nodes[i])
        base, i = _read_base(nodes, i, lhs)
        var = _Var(name="", base=base, bold=c in BOLD)
        i = _read_suffixes(var, nodes, i)
        sub_name = _name_of(var.sub)
        var.name = _py(f"{var.base}_{sub_name}" if sub_name else var.base)
        if i < len(nodes) and nodes[i] == "(":
            i = self._read_call(var, nodes, i, lhs)
        return var, i

    def _read_call(self, var: _Var, nodes: list[Any], i: int, lhs: bool) -> int:
        """The (args) after a variable at i: a call (kept in var.call; returns past it), or a product."""
        sub_name = _name_of(var.sub)
        close = _matching(nodes, i)
        args = nodes[i + 1 : close]
        model = bool(set(re.split(r"[_,]", sub_name)) & MODEL_SUBSCRIPTS)
        top_comma = _top_level(args, ",")
        if not lhs and sub_name.upper() == "KL":
            raise Unsupported("a KL divergence is not plain algebra")
        if not lhs and {"|", "\\mid"} & set(_flat(args)):  # on the left, p(y | x) = <algebra> is fine
            raise Unsupported(f"{var.base}(... | ...) is a conditional probability, not plain algebra")
        if lhs or model or var.base in self.helpers or top_comma:
            var.call = args
            return close + 1
        if not var.sub:  # sigma(x): sigmoid, or sigma times x? a wrong guess would fail good code
            raise Unsupported(
                f"{var.base}(...) may be a function or a product: the oracle cannot tell (pass latex= "
                "with \\cdot for a product)"
            )
        return i

    def emit_var(self, var: _Var) -> str:
        if var.call is not None and var.base in self.helpers and not var.sub:
            args = self.emit(var.call, in_call=True)
            return f"{self.helpers[var.base]}({args})"
        if var.call is not None:
            sub_name = _name_of(var.sub)
            if not (set(re.split(r"[_,]", sub_name)) & MODEL_SUBSCRIPTS):
                raise Unsupported(
                    f"{var.base}(...) is a function neither this line nor the paper defines as "
                    f"{var.base}(x) = ..."
                )
            var.name = _py(var.base + "_" + sub_name)  # a model output, given as a tensor: eps_theta
        sub_name = _name_of(var.sub)
        if var.base == "W" or (var.base[:1].isupper() and var.bold):
            raise Unsupported(f"{var.base} looks like a matrix: products need shapes the oracle cannot know")
        if var.base in self.indices and not var.sub:
            raise Unsupported(f"the summation index {var.base} is used as a value (position weights)")
        if self.indices and sub_name in self.indices | INDEX_LETTERS:  # x_i with a sum on the line: vector x
            py = _py(var.base)
            self.vectors.add(py)
            return f"{{\\{self.placeholder(py)}}}"
        if self.indices and re.fullmatch(r"[ijklmn](?:_?[ijklmn])+", sub_name):
            raise Unsupported(f"{var.base}_{{{sub_name}}} has two indices: a matrix the oracle cannot shape")
        return f"{{\\{self.placeholder(var.name)}}}"

    # -- expressions
    def arg(self, nodes: list[Any], i: int) -> tuple[str, int]:
        """One argument (a group or a single token) as a braced expression."""
        if i >= len(nodes):
            raise Unsupported("a command is missing its argument")
        return "{" + self.emit(_items(nodes[i])) + "}", i + 1

    def emit(self, nodes: list[Any], in_call: bool = False) -> str:
        st = _Emit(nodes, in_call)
        i = 0
        while i < len(nodes):
            i = self._emit_token(st, i)
        if st.norm_open:
            raise Unsupported("an unclosed norm ||...||")
        return "".join(st.out)

    def _emit_token(self, st: _Emit, i: int) -> int:
        """Write the token at i (and what it takes with it); returns the index after."""
        t = st.nodes[i]
        if isinstance(t, Group):
            st.out.append("{" + self.emit(t.items, st.in_call) + "}")
            return i + 1
        if isinstance(t, Cases):
            st.out.append(self.cases(t))
            return i + 1
        c = _cmd(t)
        word = _text_word(st.nodes, i) if c in TEXT_NAMES | {"textnormal", "textrm"} else None
        if word in NAMED_OPERATORS:
            return self.function(st.nodes, i, st.out, name=f"\\op{NAMED_OPERATORS[word]}", width=2)
        if c == "operatorname":
            raise Unsupported(f"the named operator \\operatorname{{{word}}} is not one the oracle knows")
        if c:
            handler = _COMMAND_EMITTERS.get(c)
            if handler is not None:
                return getattr(self, handler)(st, i, c)
            if c in REASONS:
                raise Unsupported(REASONS[c])
            raise Unsupported(f"\\{c} is not plain algebra the oracle can evaluate")
        if t == "\\|" or (t == "|" and st.nodes[i + 1 : i + 2] == ["|"]):
            return self._emit_norm(st, i, c)
        if isinstance(t, str) and len(t) == 1 and t.isalpha():
            return self._emit_variable(st, i, c)
        return _emit_char(st, i, t)

    # each _emit_<kind>(st, i, c) writes the command c at st.nodes[i] and returns the index after it
    def _emit_frac(self, st: _Emit, i: int, c: str) -> int:
        num, i = self.arg(st.nodes, i + 1)
        den, i = self.arg(st.nodes, i)
        st.out.append(f"\\frac{num}{den}")
        return i

    def _emit_sqrt(self, st: _Emit, i: int, c: str) -> int:
        nodes = st.nodes
        i += 1
        root = ""
        if i < len(nodes) and nodes[i] == "[":
            close = _matching(nodes, i, "[", "]")
            root = "[" + self.emit(nodes[i + 1 : close]) + "]"
            i = close + 1
        body, i = self.arg(nodes, i)
        st.out.append(f"\\sqrt{root}{body}")
        return i

    def _emit_function(self, st: _Emit, i: int, c: str) -> int:
        return self.function(st.nodes, i, st.out)

    def _emit_min_max(self, st: _Emit, i: int, c: str) -> int:
        if i + 1 >= len(st.nodes) or st.nodes[i + 1] != "(":
            raise Unsupported(f"\\{c} over a set or with a subscript is an optimisation, not algebra")
        st.out.append(f"\\{c}")
        return i + 1

    def _emit_product(self, st: _Emit, i: int, c: str) -> int:
        st.out.append("\\cdot ")  # elementwise on the oracle's tensors
        return i + 1

    def _emit_reduction(self, st: _Emit, i: int, c: str) -> int:
        return self.reduction(st.nodes, i, st.out)

    def _emit_pi(self, st: _Emit, i: int, c: str) -> int:
        st.out.append("\\pi ")
        return i + 1

    def _emit_norm(self, st: _Emit, i: int, c: str | None) -> int:
        """\\| or || opens a norm, or closes it (with _1, _2, _F or _\\infty for its kind)."""
        nodes = st.nodes
        i += 1 if nodes[i] != "|" else 2
        if not st.norm_open:
            st.out.append("\\normopen(")
            st.norm_open = True
            return i
        st.norm_open = False
        kind = "norm_two"
        if i + 1 < len(nodes) and nodes[i] == "_":
            sub = _name_of(_items(nodes[i + 1]))
            kind = {"1": "norm_one", "2": "norm_two", "infty": "norm_max", "F": "norm_two"}.get(sub, "")
            if not kind:
                raise Unsupported(f"a norm with subscript {sub} is not supported")
            i += 2
        st.out.append(")")
        opened = len(st.out) - 1 - st.out[::-1].index("\\normopen(")
        st.out[opened] = f"\\{kind.replace('_', '')}("
        self.reductions = True
        return i

    def _emit_variable(self, st: _Emit, i: int, c: str | None) -> int:
        nodes, t = st.nodes, st.nodes[i]
        if t == "E" and self._is_expectation(nodes, i):
            raise Unsupported("an expectation E[...] needs a sampling convention the oracle cannot know")
        if t == "e" and nodes[i + 1 : i + 2] == ["^"]:
            body, i = self.arg(nodes, i + 2)
            st.out.append(f"\\exp{{({body})}}")
            return i
        var, i = self.read_var(nodes, i)
        power = _flat(_items(nodes[i + 1])) if nodes[i : i + 1] == ["^"] and i + 1 < len(nodes) else []
        if power in (["T"], ["\\intercal"]) and (var.base[:1].isupper() or var.bold):
            raise Unsupported(REASONS["top"])
        st.out.append(self.emit_var(var) + " ")
        return i

    def cases(self, block: Cases) -> str:
        """A piecewise definition: nested \\pwhere(condition, value, rest); an `otherwise` row (or else the
        last row) is the fallback."""
        default, branches = None, []
        for value, cond in block.rows:
            relation = _condition(cond)
            if relation is None:
                default = value
            else:
                branches.append((value, relation))
        if default is None:
            if not branches:
                raise Unsupported("an empty cases block")
            default = branches.pop()[0]
        expr = "{" + self.emit(default) + "}"
        for value, (lhs, op, rhs) in reversed(branches):
            left, right = self.emit(lhs), self.emit(rhs)
            diff = f"{{{right}}}-({left})" if op in ("lt", "le") else f"{{{left}}}-({right})"
            cond = f"\\step{'gt' if op in ('lt', 'gt') else 'ge'}({diff})"
            self.conditions.append(cond)
            expr = f"\\pwhere({cond}, {{{self.emit(value)}}}, {expr})"
        return expr

    def function(self, nodes: list[Any], i: int, out: list[str], name: str = "", width: int = 1) -> int:
        """\\log x, \\exp{...}, \\cos(...), \\operatorname{arccosh}(x) (name given, width 2): always emitted
        with parenthesised arguments (sympy's grammar is ambiguous about bare arguments)."""
        c = _cmd(nodes[i]) if width == 1 else _text_word(nodes, i)
        name = name or ("\\log" if c == "ln" else f"\\{c}")
        i += width
        if i < len(nodes) and nodes[i] in ("^", "_"):
            raise Unsupported(
                f"\\{c} with a power or subscript (\\{c}^2 x, \\{c}_K) is not supported: a power is "
                f"written (\\{c} x)^2; a subscripted \\{c} is another map"
            )
        if i >= len(nodes):
            raise Unsupported(f"\\{c} without an argument")
        if nodes[i] == "(":
            close = _matching(nodes, i)
            out.append(f"{name}({self.emit(nodes[i + 1 : close])})")
            return close + 1
        if isinstance(nodes[i], Group):
            out.append(f"{name}({self.emit(nodes[i].items)})")
            return i + 1
        start = i
        if _cmd(nodes[i]) in ("frac", "dfrac", "tfrac"):
            i += 3
        elif _cmd(nodes[i]) == "sqrt":
            i += 2
        elif _cmd(nodes[i]) in GREEK or _cmd(nodes[i]) in DECOR_SUFFIX or str(nodes[i]).isalpha():
            _, i = self.read_var(nodes, i)
        else:
            while i < len(nodes) and (str(nodes[i]).isdigit() or nodes[i] == "."):
                i += 1
            if i == start:
                raise Unsupported(f"cannot tell what \\{c} applies to")
        out.append(f"{name}({self.emit(nodes[start:i])})")
        return i

    def _is_expectation(self, nodes: list[Any], i: int) -> bool:
        j = i + 1
        if nodes[j : j + 1] == ["_"]:
            j += 2
        return nodes[j : j + 1] == ["["]

    def reduction(self, nodes: list[Any], i: int, out: list[str]) -> int:
        """\\sum_{i=1}^{N} / \\sum_i / \\sum -> a sum over the last axis of the indexed vectors."""
        c = _cmd(nodes[i])
        i += 1
        index, upper = None, None
        while i + 1 < len(nodes) and nodes[i] in ("_", "^"):
            part = _items(nodes[i + 1])
            if nodes[i] == "_":
                flat = _flat(part)
                index = flat[0] if flat and isinstance(flat[0], str) and flat[0].isalpha() else None
                if index is None or len(flat) > 1 and flat[1] not in ("=", "\\in"):
                    raise Unsupported("a sum over a set or a condition is not supported")
                if "\\in" in flat:
                    raise Unsupported("a sum over a set is not supported")
            else:
                flat = _flat(part)
                if len(flat) == 1 and isinstance(flat[0], str) and flat[0].isalpha():
                    upper = flat[0]
            i += 2
        self.sum_index = index or self._guess_index(nodes[i:])
        self.reductions = True
        if upper:
            py = _py(upper)
            self.lengths.add(py)
        out.append(f"\\{c}_{{\\zzidx=1}}^{{\\zzlen}} ")
        return i

    @staticmethod
    def _guess_index(rest: list[Any]) -> str:
        for j, t in enumerate(rest):
            if t == "_" and j + 1 < len(rest):
                flat = _flat(_items(rest[j + 1]))
                if len(flat) == 1 and flat[0] in INDEX_LETTERS:
                    return flat[0]
        raise Unsupported("a sum without an index the oracle can find")


def _condition(cond: list[Any]) -> tuple[list[Any], str, list[Any]] | None:
    """A case's condition: None for `otherwise`, else (lhs, lt/le/gt/ge, rhs) of its one comparison."""
    rest = list(cond)
    while rest and (rest[0] == "," or _text_word(rest, 0) in ("if", "for", "when", "")):
        rest = rest[2:] if _text_word(rest, 0) is not None else rest[1:]
    word = _text_word(rest, 0) if rest else "otherwise"
    if word is not None and word.startswith(("otherwise", "else", "o.w")):
        return None
    ops = [k for k, t in enumerate(rest) if isinstance(t, str) and t in RELATIONS]
    if len(ops) != 1 or any(_text_word(rest, k) is not None for k in range(len(rest))):
        raise Unsupported("a case condition that is not one comparison (<, >, \\le, \\ge) cannot be checked")
    k = ops[0]
    return rest[:k], RELATIONS[rest[k]], rest[k + 1 :]


def _sum_indices(nodes: list[Any]) -> set[str]:
    """The index letters of every \\sum / \\prod on the line (explicit `_{i=1}` / `_i`, else guessed)."""
    flat = _flat(nodes)
    out = set()
    for k, t in enumerate(flat):
        if _cmd(t) in ("sum", "prod"):
            if flat[k + 1 : k + 2] == ["_"] and k + 2 < len(flat) and str(flat[k + 2]).isalpha():
                out.add(str(flat[k + 2]))
            else:
                out.add(_Rewriter._guess_index(flat[k + 1 :]))
    return out


def _flat(nodes: list[Any]) -> list[Any]:
    out: list[Any] = []
    for t in nodes:
        out += _flat(t.items) if isinstance(t, Group) else [t]
    return out


def _matching(nodes: list[Any], i: int, open_: str = "(", close: str = ")") -> int:
    depth = 0
    for j in range(i, len(nodes)):
        if nodes[j] == open_:
            depth += 1
        elif nodes[j] == close:
            depth -= 1
            if depth == 0:
                return j
    raise Unsupported(f"unbalanced {open_}{close}")


def _top_level(nodes: list[Any], token: str) -> bool:
    depth = 0
    for t in nodes:
        depth += t in ("(", "[")
        depth -= t in (")", "]")
        if depth == 0 and t == token:
            return True
    return False


def _closes_abs(nodes: list[Any], i: int) -> bool:
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


def _split_definitions(nodes: list[Any]) -> list[tuple[list[Any], list[Any], list[list[Any]]]]:
    """`lhs = rhs, lhs2 = rhs2` -> [(lhs, rhs, links), ...] at the top level (commas inside brackets stay);
    a chain `a = b = c` gives (a, b, [c]): every link must agree."""
    parts: list[list[Any]] = [[]]
    depth = 0
    for t in nodes:
        depth += t in ("(", "[")
        depth -= t in (")", "]")
        if depth == 0 and t == "," and "=" in parts[-1]:
            parts.append([])
        else:
            parts[-1].append(t)
    defs = []
    for part in parts:
        if not part:
            continue
        eq = [j for j, t in enumerate(part) if t == "="]
        if not eq:
            raise Unsupported("no `=` in the equation: nothing to evaluate")
        pieces = [part[a + 1 : b] for a, b in zip([-1, *eq], [*eq, len(part)], strict=True)]
        if any(not p for p in pieces):
            raise Unsupported("an empty side of `=`")
        defs.append((pieces[0], pieces[1], pieces[2:]))
    return defs


MAX_TOKENS = 1500  # the longest equation lines in papers hold a few hundred; sympy slows badly past that


def _nodes(latex: str) -> list[Any]:
    tokens = _tokens(latex)
    if len(tokens) > MAX_TOKENS:
        raise Unsupported(
            f"the formula is too long for an oracle ({len(tokens):,} tokens, more than {MAX_TOKENS:,}): "
            "split it into parts and test each, or test it by hand"
        )
    return _clean(strip_side_conditions(extract_cases(_groups(tokens))))


def defined_functions(latex: str) -> list[str]:
    """Names of the functions a line defines as `f(x, y) = ...` (a bare name, single-variable arguments)."""
    try:
        defs = _split_definitions(_nodes(latex))
        names = []
        for lhs, _, _ in defs:
            var, end = _Rewriter().read_var(lhs, 0, lhs=True) if lhs else (None, 0)
            if var and end == len(lhs) and var.call and not var.sub and _single_vars(var.call):
                names.append(var.base)
        return names
    except (Unsupported, IndexError):
        return []


def _paper_helpers(rw: _Rewriter, nodes: list[Any], functions: dict[str, str], local: set[str]) -> list:
    """The paper's functions this line calls (`f(...)` with `f(x) = ...` elsewhere), dependencies first."""
    order: list[tuple[_Var, list[Any]]] = []

    def visit(body: list[Any], depth: int) -> None:
        flat = _flat(body)
        for k, t in enumerate(flat[:-1]):
            name = _cmd(t) or str(t)
            if flat[k + 1] != "(" or name not in functions or name in local or name in rw.helpers:
                continue
            if k and flat[k - 1] in ("_", "^") or depth > 4:
                continue
            found = [
                (var, rhs)
                for var, (_, rhs, _) in zip(*_defs_of(functions[name]), strict=True)
                if var.base == name and var.call is not None
            ]
            if not found:
                continue
            rw.helpers[name] = "\\fn" + re.sub(r"[^A-Za-z]", "", name)
            visit(found[0][1], depth + 1)
            order.append(found[0])

    visit(nodes, 0)
    return order


def _defs_of(latex: str) -> tuple[list[_Var], list[tuple[list[Any], list[Any], list[list[Any]]]]]:
    defs = _split_definitions(_nodes(latex))
    return [_lhs_var(lhs, rhs) for lhs, rhs, _ in defs], defs


def build_spec(latex: str, functions: dict[str, str] | None = None) -> dict[str, Any]:
    """The SPEC dict for one equation line; raises Unsupported with the reason. `functions`: the paper's
    inline definitions (name -> defining LaTeX), called where the line uses them."""
    nodes = _nodes(latex)
    defs = _split_definitions(nodes)
    rw = _Rewriter()
    rw.indices = _sum_indices(nodes)
    if len(rw.indices) > 1 and sum(_cmd(t) in ("sum", "prod") for t in _flat(nodes)) > 1:
        raise Unsupported(
            f"reductions over different indices ({', '.join(sorted(rw.indices))}): unknown axes"
        )
    lhs_vars = [_lhs_var(lhs, rhs) for lhs, rhs, _ in defs]
    # f(t) = ... defined on the line and called elsewhere: a helper function
    for var in lhs_vars:
        if var.call is not None and not var.sub and len(defs) > 1 and _single_vars(var.call):
            rw.helpers[var.base] = "\\fn" + re.sub(r"[^A-Za-z]", "", var.base)
    paper = _paper_helpers(rw, nodes, functions or {}, {v.base for v in lhs_vars})
    helper_defs = [_helper_definition(rw, var, rhs) for var, rhs in paper]
    definitions, outputs = _definitions(rw, lhs_vars, defs)
    targets = set(outputs)
    # a symbol both defined on the line and used later is an intermediate, not an input
    inputs = [n for n in rw.inputs if n not in targets]
    reduction_symbols = ["zzidx", "zzlen"] if rw.sum_index else []
    for name in ("zzidx", "zzlen"):
        if name in rw.symbols:
            raise Unsupported("a variable collides with the oracle's reserved names")
    lengths = sorted(n for n in rw.lengths if n in inputs)
    spec = {
        "definitions": helper_defs + definitions,
        "outputs": outputs,
        "inputs": inputs,
        "symbols": rw.symbols,
        "vectors": sorted(rw.vectors),
        "lengths": lengths,
        "reduction_symbols": reduction_symbols,
    }
    if rw.conditions:
        spec["conditions"] = rw.conditions
    return spec


def _lhs_var(lhs: list[Any], rhs: list[Any]) -> _Var:
    """The variable a definition names; refused (with the right-hand side's reason first) when the
    left-hand side is not one variable."""
    var, end = (
        _Rewriter().read_var(lhs, 0, lhs=True)
        if lhs and (_cmd(lhs[0]) or str(lhs[0]).isalpha())
        else (None, 0)
    )
    if var is None or end != len(lhs):
        _Rewriter().emit(rhs)  # a reason found on the right-hand side is the more telling one
        raise Unsupported("the left-hand side is not a single variable, so there is nothing to name")
    if _cmd(lhs[0]) in FUNCS or _cmd(lhs[0]) in NAMED_OPERATORS:
        raise Unsupported(f"the left-hand side redefines \\{_cmd(lhs[0])}: not one the oracle can read")
    return var


def _helper_definition(rw: _Rewriter, var: _Var, rhs: list[Any]) -> dict[str, Any]:
    """`f(x) = body`: its parameters are not inputs (unless the line uses them elsewhere too)."""
    params, names = [], []
    for p in _split_args(var.call or []):
        pv, _ = rw.read_var(p, 0)
        params.append(rw.placeholder(pv.name, is_input=False))
        names.append(pv.name)
    before = set(rw.inputs)
    body = rw.emit(rhs)
    rw.inputs = [n for n in rw.inputs if n in before or n not in names]
    return {"function": rw.helpers[var.base][1:], "params": params, "rhs": body}


def _is_alias(nodes: list[Any]) -> bool:
    """A link of a chain that only names the quantity (`h(x) = z = ...`): nothing to check."""
    if not (isinstance(nodes[0], str) and (_cmd(nodes[0]) or nodes[0].isalpha())):
        return False
    try:
        var, end = _Rewriter().read_var(nodes, 0, lhs=True)
    except (Unsupported, IndexError):
        return False
    return end == len(nodes) and var.call is None


def _definitions(
    rw: _Rewriter, lhs_vars: list[_Var], defs: list[tuple[list[Any], list[Any], list[list[Any]]]]
) -> tuple[list[dict[str, Any]], list[str]]:
    """Each definition rewritten (a helper function, or a target, its right-hand side and the chain's further
    links), and the targets."""
    definitions: list[dict[str, Any]] = []
    outputs: list[str] = []
    for var, (_, rhs, links) in zip(lhs_vars, defs, strict=True):
        if var.base in rw.helpers and var.call is not None and not links:
            definitions.append(_helper_definition(rw, var, rhs))
            continue
        sides = [rhs, *links]
        if links:
            sides = [side for side in sides if not _is_alias(side)]
        if not sides:
            raise Unsupported("the chain only renames variables: nothing to evaluate")
        target = (
            var.name if var.call is None else _py(var.base + ("_" + _name_of(var.sub) if var.sub else ""))
        )
        definition: dict[str, Any] = {"target": target, "rhs": rw.emit(sides[0])}
        if sides[1:]:
            definition["links"] = [rw.emit(side) for side in sides[1:]]
        definitions.append(definition)
        outputs.append(target)
    return definitions, outputs


def _single_vars(args: list[Any]) -> bool:
    return all(
        len(_flat(a)) >= 1 and (str(_flat(a)[0]).isalpha() or _cmd(_flat(a)[0]) in GREEK | set(DECOR_SUFFIX))
        for a in _split_args(args)
    )


def _split_args(args: list[Any]) -> list[list[Any]]:
    parts: list[list[Any]] = [[]]
    depth = 0
    for t in args:
        depth += t in ("(", "[")
        depth -= t in (")", "]")
        if depth == 0 and t == ",":
            parts.append([])
        else:
            parts[-1].append(t)
    return [p for p in parts if p]
