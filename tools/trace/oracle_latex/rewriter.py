"""The rewriter: one side of an equation -> LaTeX for sympy's parser, every variable an opaque `{\\zz...}`."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from tools.dispatch import dispatch_table
from tools.trace.oracle_latex.axes import (
    CONDITION,
    RELATIONS,
    AxisReductions,
    Range,
    bound_and_condition,
    unbound_condition,
    written_indices,
)
from tools.trace.oracle_latex.conditions import case_conditions
from tools.trace.oracle_latex.densities import gaussian
from tools.trace.oracle_latex.derivatives import Derivatives, past_bars, term_after
from tools.trace.oracle_latex.nodes import (
    PROSE_FONTS,
    Cases,
    Group,
    at_top_level,
    closes_abs,
    cmd_of,
    flatten,
    items_of,
    matching,
    name_of,
    plain_set,
    py_name,
    several_arguments,
    split_args,
    text_name,
    text_word,
)
from tools.trace.oracle_latex.operators import BlackboardOperators, note_input
from tools.trace.oracle_latex.scripts import (
    INVERSES,
    function_scripts,
    indexed_letter,
    loss_alone,
    loss_letter,
    network_letters,
    refuse_applied_at_number,
    scripted,
)
from tools.trace.oracle_latex.tensors import INVERTED_CALL, OPERAND_COMMANDS, TensorTyping, inverted_call
from tools.trace.oracle_latex.variables import (
    Var,
    application_latex,
    conditioned,
    density_value,
    latex_of,
    read_base,
    read_suffixes,
    starts_symbol,
)
from tools.trace.oracle_latex.vocabulary import (
    BOLD,
    DECOR_SUFFIX,
    FUNCS,
    GREEK,
    INDEX_LETTERS,
    MODEL_SUBSCRIPTS,
    NAMED_OPERATORS,
    NETWORK_NAME,
    OPTIMISERS,
    REASONS,
    STATEMENT_RELATIONS,
    TEXT_NAMES,
    TRANSPOSE,
    FreeIndex,
    Unsupported,
)


@dataclass
class Emit:
    """What one emit call has written, and the brackets, norms and |...| it has open."""

    nodes: list[Any]
    in_call: bool
    out: list[str] = field(default_factory=list)
    depth: int = 0
    norm_open: bool = False
    abs_open: bool = False


def emit_char(st: Emit, i: int, t: str) -> int:
    """A token that is not a command, a letter or a norm bar: brackets, operators, digits."""
    if t in ("\\{", "\\}"):
        raise Unsupported("a set \\{...\\} is not plain algebra")
    if t == "|":
        if not st.abs_open and not closes_abs(st.nodes, i):
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
        nxt = st.nodes[i + 1] if i + 1 < len(st.nodes) else ""
        bare = isinstance(nxt, str) and nxt.isdigit() and not (st.out and st.out[-1][-1:].isdigit())
        st.out.append("0." if bare else ".")  # ".1x": a decimal written without its 0
    elif t in ("+", "-", "*", "/", "^", "!") or (isinstance(t, str) and t.isdigit()):
        if t == "1" and st.nodes[i + 1 : i + 2] == [TRANSPOSE]:
            raise Unsupported(ONES)  # 1^\\top y: a sum, not the number 1 times y
        st.out.append(t)
    elif t == "_":
        raise Unsupported("a subscript on a bracket or operator is not supported")
    else:
        raise Unsupported(f"the character {t!r} is not supported")
    return i + 1


ONES = (
    "the vector of ones (\\mathbf{1}, 1^\\top) has no length the oracle can tell: write the sum or mean it "
    "takes"
)
IDENTITY = "the identity matrix (I_n, \\mathbf{I}, an I added to matrices) has no size the oracle can tell"
_EMPIRICAL = ("hat", "widehat", "tilde", "widetilde")  # \\hat{E}_t[...]: an expectation estimated by a mean
_ENVIRONMENT = (
    "a \\begin{{{env}}} block (a matrix or vector written out) is not algebra the oracle evaluates: "
    "implement it and test it by hand"
)


def _spelling(latex: str) -> str:
    """LaTeX without spaces and without braces around one token: `f(x_{k})` and `f(x_k)` are one value."""
    latex = re.sub(r"\s+", "", latex)
    while (shorter := re.sub(r"\{([\w*']|\\[A-Za-z]+)\}", r"\1", latex)) != latex:
        latex = shorter
    return latex


def unknown_command(c: str, after: list[Any]) -> None:
    """Refuse a command no emitter reads (`after`: the node after it), with its reason."""
    if c == "begin" and after:  # name the environment, not \\begin
        raise Unsupported(_ENVIRONMENT.format(env=name_of(items_of(after[0]))))
    if c in REASONS:
        raise Unsupported(REASONS[c])
    relation = STATEMENT_RELATIONS.get("\\" + c)
    if relation:  # `a = b \\le c`: a bound after the value
        raise Unsupported(f"a side of `=` holds {relation}")
    raise Unsupported(f"\\{c} is not plain algebra the oracle can evaluate")


def argument_refused(nodes: list[Any], i: int, c: str) -> None:
    """Refuse, with its reason, an argument of \\log / \\exp the oracle cannot take: an integral, `\\pi(...)`
    (a policy or density, not the number)."""
    if cmd_of(nodes[i]) == "int":
        raise Unsupported(REASONS["int"])
    if cmd_of(nodes[i]) == "pi" and nodes[i + 1 : i + 2] == ["("]:
        raise Unsupported(f"\\{c} \\pi(...): \\pi applied is a policy or density the line does not define")


def _is_identity(var: Var, before: Any, after: Any) -> bool:
    """Is it the identity matrix (`\\alpha I_n + A`, `(I - V H)^{-1}`, `\\mathbf{I}`)? Refuse the vector of
    ones: read as the number 1 or as a random input, the oracle would fail the right implementation
    (`X \\mathbf{1} / n` is a mean). `before`/`after`: the nodes beside the variable."""
    if var.call is not None:
        return False
    if var.bold and var.base == "1":
        raise Unsupported(ONES)
    sized = var.bold or bool(re.fullmatch(r"[ndkmpNDKMP](?:_\w+)?", name_of(var.sub)))  # I_n, I_{n_\theta}
    return var.base == "I" and (sized or before in ("+", "-") or after in ("+", "-"))


def _italic_word(nodes: list[Any], i: int) -> str | None:
    """The word that starts at i: four letters or more (`weight`, `count`), or three with a capital before a
    small letter (`Var`, `ReLU`); `abc` and `e x p` stay products of letters. None if no word starts there."""
    if i and isinstance(nodes[i - 1], str) and nodes[i - 1].isalpha():
        return None
    run = 0
    while i + run < len(nodes) and re.fullmatch("[A-Za-z]", str(nodes[i + run])):
        run += 1
    word = "".join(nodes[i : i + run])
    spelled = word.lower() in FUNCTION_NAMES or run == 3 and word.startswith("ln")  # `cos\:\omega t`, `lnx`
    return word if run >= 4 or (run == 3 and re.search("[A-Z][a-z]", word)) or spelled else None


# functions a paper may spell in letters without their backslash (`cos\:q`, `\mathrm{sin}\,x`): never a
# product of letters nor a variable of that name
FUNCTION_NAMES = ("cos", "sin", "tan", "cot", "sec", "csc", "exp", "log", "ln", "erf", "cosh", "sinh", "tanh")


def _index_like(inside: list[Any]) -> bool:
    """`[j]`, `[t-1]`, `[i, j]`: the contents of an index, not an expression a product would bracket."""
    flat = [str(t) for t in flatten(inside)]
    return (
        bool(flat) and len(flat) <= 7 and all(re.fullmatch(r"[A-Za-z]|\d+|[-+,:]|\\[a-z]+", t) for t in flat)
    )


_SAMPLE_INDEX = re.compile(r"[a-z](?:[-+]\d+)?")


def _bracket_index_as_subscript(nodes: list[Any], i: int) -> None:
    """`y[n]`, `\\hat{y}[n]`, `h[n-1]`: a sequence at one sample (signal processing's brackets) is written
    as its subscript, in place; a letter that already has a subscript or a script is left as it is."""
    k = i + 2 if cmd_of(nodes[i]) and i + 1 < len(nodes) and isinstance(nodes[i + 1], Group) else i + 1
    if nodes[k : k + 1] != ["["] or "]" not in nodes[k:]:
        return
    close = matching(nodes, k, "[", "]")
    inside = "".join(str(t) for t in nodes[k + 1 : close])
    if _SAMPLE_INDEX.fullmatch(inside):
        nodes[k : close + 1] = ["_", Group(nodes[k + 1 : close])]


def _bold_inside(node: Any) -> bool:
    """`\\dot{\\mathbf{B}}`, `\\hat{{\\bm{C}}}`: a decorated bold symbol is bold (a matrix or vector)."""
    items = items_of(node)
    while len(items) == 1 and isinstance(items[0], Group):
        items = items[0].items
    return bool(items) and cmd_of(items[0]) in BOLD


_COMMAND_EMITTERS = dispatch_table(
    (("frac", "dfrac", "tfrac"), "_emit_frac"),
    (("sqrt",), "_emit_sqrt"),
    (FUNCS, "_emit_function"),
    (("min", "max"), "_emit_min_max"),
    (("redmax", "redmin"), "_emit_reduced_extreme"),
    (("cdot", "times", "odot"), "_emit_product"),
    (("sum", "prod"), "_emit_reduction"),
    (("pi",), "_emit_pi"),
    (("|", "Vert", "lVert", "rVert"), "_emit_norm"),
    (("mathbb", "mathds"), "_emit_blackboard"),
    (("mathcal",), "_emit_density"),
    (("nabla",), "_emit_gradient"),
    (("partial",), "_emit_partial"),
    (("det", "tr"), "_emit_matrix_scalar"),
    (("diag",), "_emit_diag"),
    (GREEK, "_emit_variable"),
    (DECOR_SUFFIX, "_emit_variable"),
)


class Rewriter(BlackboardOperators, AxisReductions, Derivatives):
    def __init__(
        self,
        *,
        learning: bool = False,
        tensors: dict[str, str] | None = None,
        callables: set[str] | frozenset[str] = frozenset(),
    ) -> None:
        self.callables = callables  # one-argument functions the paper uses and never defines: inputs
        self.called: dict[str, str] = {}  # their function names in the rewritten LaTeX -> Python names
        self.given: set[str] | frozenset[str] = frozenset()  # functions the paper names, never defines
        self.alone: set[str] | frozenset[str] = frozenset()  # names the line also writes with no brackets
        self.parameters: set[str] | frozenset[str] = frozenset()  # the arguments of its left-hand functions
        self.indices_of_lhs: set[str] | frozenset[str] = frozenset()  # the letters its left-hand sides index
        self.layers: set[str] | frozenset[str] = frozenset()  # letters on top of vectors (spec.vector_tops)
        self.free_ok = False  # may a target's index no sum runs over be an output axis (axes.free_indices)?
        self.update_rule = False  # written with \\leftarrow: the right-hand side reads the old values
        self.free: set[str] = set()  # those indices, on this line (plan_reductions)
        self.model_calls: dict[str, str] = {}  # a model's output (eps_theta) -> the arguments first seen
        self.applications: dict[str, str] = {}  # value inputs -> the application each is the value of
        self.learning = learning  # the first pass: learn which symbols are matrices and vectors
        self.tensors = tensors or {}  # the second: Python name -> "matrix" | "vector"
        self.typing = TensorTyping()
        self.sampled: set[str] = set()  # inputs written inside an expectation (a leading sample axis)
        self.sample_notes = 0
        self.outside: set[str] = set()
        self.expectation_depth = 0
        self.in_norm = 0  # inside ||...||: a plain variable there is a vector
        self.symbols: dict[str, str] = {}  # placeholder -> Python name
        self.inputs: list[str] = []
        self.vectors: set[str] = set()
        self.lengths: set[str] = set()
        self.helpers: dict[str, str] = {}  # base name -> command used for its calls
        self.sum_index: str | None = None
        self.indices: set[str] = set()  # index letters of the line's sums
        self.reductions = False
        self.axes: dict[str, Range] | None = None  # each index on its own axis (axes.py), else None
        self.indexed: dict[str, list[Any]] = {}  # an indexed occurrence -> [input, its index letters]
        self.conditions: list[str] = []  # the cases' conditions, emitted (each must be reached both ways)
        self.choices: set[str] = set()  # letters compared for equality in a case (drawn from {0, 1})
        self.identity: set[str] = set()  # names of the identity matrix on the line (no input: eye(n))

    def placeholder(self, py: str, *, is_input: bool = True) -> str:
        ph = next((k for k, v in self.symbols.items() if v == py), None)
        if ph is None:
            ph = "zz" + re.sub(r"[^A-Za-z]", "", py)
            while ph in self.symbols:
                ph += "z"
            self.symbols[ph] = py
        if is_input and py not in self.inputs:
            self.inputs.append(py)
        if is_input:
            note_input(self, py)
        return ph

    # -- variables
    def read_var(self, nodes: list[Any], i: int, lhs: bool = False) -> tuple[Var, int]:
        j = i + 1 if cmd_of(nodes[i]) == "Delta" and starts_symbol(nodes[i + 1 : i + 2]) else i
        c = cmd_of(nodes[j])  # of \\Delta\\mathbf{r}: the change in a vector is a vector
        bold = c in BOLD or (c in DECOR_SUFFIX and j + 1 < len(nodes) and _bold_inside(nodes[j + 1]))
        glued = i > 0 and isinstance(nodes[i - 1], str) and nodes[i - 1].isalpha()  # the 'r' of 'Var(x)'
        base, i = read_base(nodes, i, lhs)
        var = Var(name="", base=base, bold=bold)
        i = read_suffixes(var, nodes, i, lhs, self.indices_of_lhs, self.layers)
        sub_name = name_of(var.sub)
        var.name = py_name(f"{var.base}_{sub_name}" if sub_name else var.base)
        if i < len(nodes) and nodes[i] == "(":
            i = self._read_call(var, nodes, i, lhs, glued)
        return var, i

    def _read_call(self, var: Var, nodes: list[Any], i: int, lhs: bool, glued: bool = False) -> int:
        """The (args) after a variable at i: a call (kept in var.call; returns past it), or a product."""
        sub_name = name_of(var.sub)
        close = matching(nodes, i)
        args = nodes[i + 1 : close]
        model = bool(set(re.split(r"[_,]", sub_name)) & MODEL_SUBSCRIPTS)
        top_comma = several_arguments(args)
        if not lhs and sub_name.upper() == "KL":
            raise Unsupported("a KL divergence is not plain algebra")
        if not lhs and density_value(var.base, args):  # p(x | θ_0), P(Y = 1): a value the paper never
            var.call = args  # writes a formula for on this line: given, like a network's output
            return close + 1
        if not lhs and {"|", "\\mid"} & set(flatten(args)):  # on the left, p(y | x) = <algebra> is fine
            raise Unsupported(f"{var.base}(... | ...) is a conditional probability, not plain algebra")
        if lhs or model or var.base in self.helpers or top_comma:
            var.call = args
            return close + 1
        if var.name in self.callables and not var.bold:
            var.call = args  # a function the paper always calls and never defines: given to both
            return close + 1
        if var.name in self.given and not var.bold:
            var.call = args  # a function the paper names (`the network f`, `f: X \\to Y`): its value is given
            return close + 1
        one = self._one_variable(args)  # the name of the one variable the brackets hold, or None
        if var.bold and var.base[:1].isupper() and one is None:
            return i  # \\mathbf{W}(x + b): a matrix (bold capital, by convention) times a bracket
        # u(k), sigma(y): a product is not written with brackets around one variable; E(x) = -A(x) - ...: A
        # applied to E's own argument. Its value is given, as for a function the paper names
        applied = _lower_case_name(var) or (not var.bold and one in self.parameters)
        if one is not None and applied and not glued and var.name not in self.alone:
            self.given = {*self.given, var.name}
            var.call = args
            return close + 1
        if var.name in self.alone and one is None:
            return i  # \\lambda(a + b) on a line that also writes \\lambda alone: a value times a bracket
        if one is None and var.base in ACTIVATION_NAMES and not glued and _pre_activation(args):
            self.callables = {*self.callables, var.name}  # \\sigma(W_z z + U h + b): an activation applied
            var.call = args
            return close + 1
        if not var.sub or one is not None:  # sigma(x), q_k(z_j): a function, or a product?
            raise Unsupported(
                f"{var.name if var.sub else var.base}(...) may be a function or a product: the oracle "
                "cannot tell (pass latex= with \\cdot for a product)"
            )
        if len(var.base) > 1 and var.base.isalnum() and var.base not in GREEK:  # \\mathrm{Top}_k(x W + b)
            raise Unsupported(f"{var.name}(...) applies a function the paper names by a word: not algebra")
        return i

    def _one_variable(self, args: list[Any]) -> str | None:
        """The name of the one variable the arguments are (`q_k(z_j)` reads as a call), else None:
        `\\beta_t(1 - x)` is a product."""
        try:
            var, end = Rewriter().read_var(args, 0) if args else (None, 0)
        except (Unsupported, IndexError):
            return None
        return var.name if var is not None and end == len(args) else None

    def _model_output(self, var: Var, sub_name: str) -> str:
        """A model's output, given as a tensor (`eps_theta`); applied to other arguments elsewhere on the line
        (`p_θ(y | x)` beside `p_θ(x)`) it is another value, named with them."""
        name, args = py_name(var.base + "_" + sub_name), name_of(var.call or [])
        first = self.model_calls.setdefault(name, args)
        return name if first == args else py_name(f"{name}_of_{args}")[:56]

    def emit_var(self, var: Var) -> str:
        if var.call is not None and var.base in self.helpers and not var.sub and self._reads(var.call):
            args = self.emit(var.call, in_call=True)
            return f"{self.helpers[var.base]}({args})"
        density = var.call is not None and conditioned(var.base, var.call)  # p(x | θ): a value, not a map
        called = var.call is not None and var.name in self.callables and not several_arguments(var.call)
        if called and not density:
            return self._emit_callable(var)
        if var.call is not None and (shown := self._emit_call(var)) is not None:
            return shown
        sub_name = name_of(var.sub)
        placed = self.axis_var(var)  # on the axis layout (axes.py): an index value, an indexed input
        if placed:
            return placed
        if var.name in self.tensors:
            if self.indices and self.axes is None:
                raise Unsupported(
                    "a matrix or vector and a \\sum on one line: which axis the sum runs over is unknown"
                )
            return self._tagged(var.name)
        if not self.learning and (var.base == "W" or (var.base[:1].isupper() and var.bold)):
            if "," in flatten(var.sub):
                raise Unsupported(
                    f"{var.base}_{{{sub_name}}} is an entry of a matrix the oracle cannot shape"
                )
            raise Unsupported(f"{var.base} looks like a matrix, but nothing on the line multiplies it")
        indexed = self._indexed_name(var, sub_name)
        if indexed:  # x_i, l_{g,i}, L^{(t)} with a sum over i / t on the line: a vector
            self.vectors.add(indexed)
            return f"{{\\{self.placeholder(indexed)}}}"
        if self.in_norm and not self.indices and not self.tensors:
            self.vectors.add(var.name)
        if self.indices and self.axes is None and re.fullmatch(r"[ijklmn](?:_?[ijklmn])+", sub_name):
            raise FreeIndex(f"{var.base}_{{{sub_name}}} has two indices: a matrix the oracle cannot shape")
        return f"{{\\{self.placeholder(var.name)}}}"

    def _emit_call(self, var: Var) -> str | None:
        """`f(a, b)`, `s(x)` of a function the paper names, `f_θ(x)` a model's output: given as its value;
        None when the call is now a plain variable (a model's output outside any sum over its arguments)."""
        sub_name = name_of(var.sub)
        at_index = self._call_indices(var.call or [])
        if not set(re.split(r"[_,]", sub_name)) & MODEL_SUBSCRIPTS:
            if (
                several_arguments(var.call or [])
                or var.name in self.given
                or var.base in self.helpers
                or density_value(var.base, var.call or [])
            ):
                # f(a, b), s(x) of a function the paper names, f(RNN(x)) of one whose argument is unread
                return self._application(var, sub_name, at_index)
            raise Unsupported(
                f"{var.base}(...) is a function neither this line nor the paper defines as "
                f"{var.base}(x) = ..."
            )
        var.name = self._model_output(var, sub_name)
        self.check_call_indices(var, at_index)
        var.call = None
        # f_θ(x_i) inside a sum over i: the model's output at each term
        return self.per_term(var.name, at_index) if at_index else None

    def _reads(self, args: list[Any]) -> bool:
        """Whether a function's arguments are algebra the oracle reads (tried on a copy)."""
        import copy

        try:
            copy.deepcopy(self).emit(args, in_call=True)
        except (Unsupported, IndexError):
            return False
        return True

    def _application(self, var: Var, sub_name: str, at_index: list[str]) -> str:
        """`f(a, b)`, `s(x)` of a function the paper names but never defines: the input that holds its
        value (noted in `applications`); inside a sum over i, `\\ell(x_i, y_i)` and `T_i(x)` are one value
        per term (a vector, or an array over the axes of the indices it holds)."""
        latex, args = application_latex(var), [p for p in name_of(var.call or []).split("_") if p]
        given = var.name in self.given or density_value(var.base, var.call or [])
        given_at_index = sub_name in self.indices and given  # T_i(x), p_c(x | θ) inside a sum over i, c
        if not given_at_index:
            self.check_call_indices(var, at_index)
        if not given_at_index and not (at_index and not var.sub):
            var.call = None
            var.name = self._fresh(py_name(f"{var.name}_of_{'_'.join(args)}")[:48].rstrip("_"), latex)
            return self.emit_var(var)
        var.call = None
        kept = [p for p in args if p not in self.indices or given_at_index]
        vector = py_name(f"{var.base}_of_{'_'.join(kept)}" if kept else var.base)[:48].rstrip("_")
        vector = self._fresh(vector, f"{latex} at each term of the sum")
        return self.per_term(vector, at_index if not given_at_index else [sub_name])

    def _fresh(self, name: str, latex: str) -> str:
        """The input name for this application, noted in `applications`: `name`, or `name_2`, ... when
        another application already holds it (`J(\\pi^*)` and `J(\\pi_t)` in a sum over t are two values)."""
        base, k, same = name, 1, _spelling(latex)
        while _spelling(self.applications.get(name, latex)) != same:
            k += 1
            name = f"{base}_{k}"
        self.applications[name] = latex
        return name

    def _emit_callable(self, var: Var) -> str:
        """`s(x)` of a function the paper never defines: a callable input the oracle passes to both."""
        if var.name in self.tensors:
            raise Unsupported(f"{var.name} is called and multiplied as a matrix: a function or a matrix?")
        ph = next((k for k, v in self.called.items() if v == var.name), None)
        if ph is None:
            ph = "zf" + re.sub(r"[^A-Za-z]", "", var.name)
            while ph in self.called or ph in self.symbols:
                ph += "f"
            self.called[ph] = var.name
        if var.name not in self.inputs:
            self.inputs.append(var.name)
        return f"\\{ph}({self.emit(var.call, in_call=True)}) "

    def _indexed_name(self, var: Var, sub_name: str) -> str | None:
        """The vector's name when the variable carries the index of a sum on the line (as its subscript, one
        part of a subscript list `l_{g,i}`, or a mark `^{(t)}`), else None."""
        if not self.indices:
            return None
        if sub_name in self.indices | INDEX_LETTERS:
            return py_name(var.base)
        parts = sub_name.split("_")
        if len(parts) > 1 and sum(p in self.indices for p in parts) == 1 and "," in flatten(var.sub):
            return py_name("_".join([var.base, *(p for p in parts if p not in self.indices)]))
        if len(var.marks) == 1 and var.marks[0] in self.indices:
            return py_name(var.plain + (f"_{sub_name}" if sub_name else ""))
        return None

    # -- expressions
    def arg(self, nodes: list[Any], i: int) -> tuple[str, int]:
        """One argument (a group or a single token) as a braced expression."""
        if i >= len(nodes):
            raise Unsupported("a command is missing its argument")
        return "{" + self.emit(items_of(nodes[i])) + "}", i + 1

    def emit(self, nodes: list[Any], in_call: bool = False) -> str:
        st = Emit(nodes, in_call)
        i = 0
        while i < len(nodes):
            i = self._emit_token(st, i)
        if st.norm_open:
            raise Unsupported("an unclosed norm ||...||")
        return "".join(st.out)

    def _emit_token(self, st: Emit, i: int) -> int:
        """Write the token at i (and what it takes with it); returns the index after."""
        t = st.nodes[i]
        if isinstance(t, Group):
            if (name := inverted_call(t.items, st.nodes, i)) is not None:
                raise Unsupported(INVERTED_CALL.format(name=name))
            st.out.append("{" + self.emit(t.items, st.in_call) + "}")
            return i + 1
        if isinstance(t, Cases):
            st.out.append(self.cases(t))
            return i + 1
        c = cmd_of(t)
        word = text_word(st.nodes, i) if c in TEXT_NAMES | {"textnormal", "textrm"} else None
        if word is not None and (took := self._emit_word(st, i, c or "", word)) is not None:
            return took
        if c:
            handler = _COMMAND_EMITTERS.get(c)
            if handler is not None:
                return getattr(self, handler)(st, i, c)
            unknown_command(c, st.nodes[i + 1 : i + 2])
        if t == "\\|" or (t == "|" and st.nodes[i + 1 : i + 2] == ["|"]):
            return self._emit_norm(st, i, c)
        if t == "|" and not st.abs_open and self.tensors and not self.learning:
            self._no_matrix_bars(st.nodes, i)
        if isinstance(t, str) and len(t) == 1 and t.isalpha():
            return self._emit_variable(st, i, c)
        if t == TRANSPOSE:
            return self._emit_transpose(st, i)
        if self.learning and t == "^" and i + 1 < len(st.nodes):
            return self._learn_exponent(st, i)
        if t in ("(", "[", ")", "]", "+", "-", "=", ","):
            self._follow(t, st.nodes, i)
        self._bracket_after_script(st.nodes, i)
        return emit_char(st, i, t)

    def _emit_word(self, st: Emit, i: int, c: str, word: str) -> int | None:
        """A word in \\text / \\mathrm / \\operatorname at i: an operator, a named call, or a quantity's name
        (`\\text{EMD}`, read as \\mathrm{EMD}); None when the word is to be read as the font's argument."""
        if word and re.sub(r"[^a-z]", "", word) in OPTIMISERS:  # \\mathrm{argmin}_w: not a variable
            raise Unsupported(f"\\{c}{{{word}}} is an optimisation (argmin, max, sup, ...), not algebra")
        if word in NAMED_OPERATORS:
            return self._emit_operator(st, i, word)
        if word in ("clip", "clamp") and st.nodes[i + 2 : i + 3] == ["("]:
            return self._emit_clip(st, i, word)
        if word and (word.isalpha() or NETWORK_NAME.fullmatch(word)) and st.nodes[i + 2 : i + 3] == ["("]:
            return self._emit_named_call(st, i, c, word)
        if c == "operatorname":
            raise Unsupported(f"the named operator \\operatorname{{{word}}} is not one the oracle knows")
        if c in PROSE_FONTS and text_name(word, st.nodes[i + 2 : i + 3]):
            st.nodes[i] = "\\mathrm"  # \\text{EMD}: a quantity's name, read as \\mathrm{EMD}
            return self._emit_variable(st, i, "mathrm")
        return None

    def _no_matrix_bars(self, nodes: list[Any], i: int) -> None:
        """`|\\Sigma|` around matrices and no vector: the determinant (as in a Gaussian) or each entry's
        absolute value? Refused; `|W x|` (a vector inside) stays the entries' absolute values."""
        close = next((j for j in range(i + 1, len(nodes)) if nodes[j] == "|"), None)
        inside = nodes[i + 1 : close] if close else []
        while len(inside) == 1 and isinstance(inside[0], Group):
            inside = inside[0].items
        names, k = [], 0
        while k < len(inside):
            t = inside[k]
            if not (isinstance(t, str) and ((len(t) == 1 and t.isalpha()) or cmd_of(t) in OPERAND_COMMANDS)):
                k += 1
                continue
            try:
                var, end = Rewriter().read_var(inside, k)
            except (Unsupported, IndexError):
                return
            names.append(var.name)
            k = max(end, k + 1)
        kinds = {self.tensors.get(n) for n in names}
        if "matrix" in kinds and "vector" not in kinds:  # `|c \\Sigma|` too: no vector makes it entries
            raise Unsupported(
                "|A| around a matrix: its determinant or each entry's absolute value? write \\det(A) for the "
                "determinant"
            )

    def _learn_exponent(self, st: Emit, i: int) -> int:
        """`A^j B`: the exponent j of a matrix is a number, not a vector after the matrix nor one inside
        brackets (`(A^j)^\\top`, `\\Sigma^{-1}(A^j x)`); the product goes on after it as it did before it."""
        typing = self.typing
        after, parens, vector_parens = typing.after_matrix, typing.parens, typing.vector_parens
        typing.after_matrix, typing.parens, typing.vector_parens = None, [], []
        st.out.append("^")
        end = self._emit_token(st, i + 1)
        typing.after_matrix, typing.parens, typing.vector_parens = after, parens, vector_parens
        return end

    def _emit_density(self, st: Emit, i: int, c: str) -> int:
        """\\mathcal{N}(x; m, v): the Gaussian density (densities.py); `\\mathcal{L}_W` standing alone: a
        loss (scripts.py), and applied to several arguments (`\\mathcal{L}_y(y, y^*)`) its value, as is a
        network's output (`\\mathcal{N}_f(x, u; \\theta)`, `\\mathcal{L}_f(\\theta_f)`)."""
        network = network_letters(st.nodes, i)  # \\mathcal{N}_f(x, u; \\theta): a network's output, given
        named = loss_letter(st.nodes, i) or network or indexed_letter(st.nodes, i)
        var, end = self.read_var(st.nodes, i, lhs=True) if named else (None, i)
        applied = var is not None and var.call is not None and (network or several_arguments(var.call))
        if var is not None and not var.marks and (var.call is None or applied):
            if not applied:
                loss_alone(st.nodes, end)
            shown = self._application(var, "", self._call_indices(var.call)) if network else None
            st.out.append((shown or self.emit_var(var)) + " ")
            return end
        point, mean, var, iso, end = gaussian(st.nodes, i)
        parts = ", ".join("{" + self.emit(p) + "}" for p in (point, mean, var))
        st.out.append(f"\\gauss{'iso' if iso else 'pdf'}({parts})")
        return end

    def _emit_gradient(self, st: Emit, i: int, c: str) -> int:
        """`\\nabla_\\theta J(\\theta_{t-1}, \\psi)`, `\\nabla \\ell_i`: the gradient of a function the paper
        never defines, at the point written, given as its value (`grad_theta_J_of_theta_t_minus_1_psi`),
        like the function's own value. The gradient of an expression, or of a function the oracle
        evaluates, is refused."""
        nodes, j, wrt, below = st.nodes, i + 1, "", ""
        if nodes[j : j + 1] == ["_"] and j + 1 < len(nodes):
            wrt, below = name_of(items_of(nodes[j + 1])), f"_{{{latex_of(items_of(nodes[j + 1]))}}}"
            j += 2
        score = j < len(nodes) and cmd_of(nodes[j]) == "log"  # \\nabla_\\lambda \\log q(z; \\lambda)
        j += score
        if j >= len(nodes) or not (
            cmd_of(nodes[j]) in GREEK
            or (isinstance(nodes[j], str) and nodes[j].isalpha() and len(nodes[j]) == 1)
        ):
            raise Unsupported(
                "the gradient of an expression (\\nabla \\log p, \\nabla (...)) is not plain algebra"
            )
        var, end = self.read_var(nodes, j, lhs=True)
        if var.base in self.helpers or var.name in self.callables or var.marks:
            raise Unsupported(
                f"the gradient of {var.base}, a function the oracle evaluates: differentiate it"
            )
        if score and (var.call is None or set(flatten(var.call)) & self.indices):
            raise Unsupported(
                "the gradient of the log of a variable, or of a density at a summation index, is not one "
                "value the oracle can give"
            )
        # \\nabla \\ell_i inside a sum over i: one per term
        per_term = None if score else self.indexed_gradient(var, wrt)
        if per_term:
            st.out.append(per_term + " ")
            return end
        at = f"_of_{name_of(var.call)}" if var.call else ""
        log = "log_" if score else ""  # the score function, given as its value like the gradient of J
        name = py_name(f"grad_{wrt}_{log}{var.name}{at}")[:56].rstrip("_")
        if score:
            name = self._fresh(name, f"\\nabla{below} \\log {application_latex(var)}")
        st.out.append(f"{{\\{self.placeholder(name)}}} ")
        return end

    def _emit_clip(self, st: Emit, i: int, word: str) -> int:
        """`\\text{clip}(x, a, b)` (PPO's clipped ratio) is min(max(x, a), b), its bounds recorded as
        conditions (random inputs must fall below, inside and above them, or a clip left out goes
        unnoticed); written with one argument, its bounds are not on the line."""
        close = matching(st.nodes, i + 2)
        args = split_args(st.nodes[i + 3 : close])
        if len(args) != 3:
            raise Unsupported(f"{word}(...) is written without its two bounds (clip(x, a, b))")
        x, low, high = args
        self.comparison(x, "lt", low)
        self.comparison(x, "gt", high)
        st.out.append(self.emit(["\\min", "(", "\\max", "(", *x, ",", *low, ")", ",", *high, ")"]) + " ")
        return close + 1

    def _emit_named_call(self, st: Emit, i: int, c: str, word: str) -> int:
        """`\\text{cap}(x_n, \\beta)`: a function of several arguments named by a word, given as its value
        like `f(a, b)`, as is a network (`\\mathrm{MLP}(h)`); another word with one argument is an operator
        the oracle does not know."""
        close = matching(st.nodes, i + 2)
        args = st.nodes[i + 3 : close]
        if {"|", "\\mid"} & set(flatten(args)):
            raise Unsupported(f"{word}(... | ...) is a conditional, not plain algebra")
        if at_top_level(args, ";"):
            raise Unsupported(
                f"{word}(x; ...) is a density the oracle does not know (it reads \\mathcal{{N}})"
            )
        network = not at_top_level(args, ",") and NETWORK_NAME.fullmatch(word)  # its output: a given value
        if not at_top_level(args, ",") and not network:
            raise Unsupported(f"the named operator \\{c}{{{word}}} is not one the oracle knows")
        name = py_name(word)
        var = Var(name=name, base=name, call=args)
        shown = self._application(var, "", self._call_indices(args)) if network else self.emit_var(var)
        st.out.append(shown + " ")
        return close + 1

    def _call_indices(self, call: list[Any]) -> list[str]:
        """The summation indices a call's arguments hold (`\\ell(x_i, y_i)` inside a sum over i: ['i'])."""
        return [p for p in name_of(call).split("_") if p in self.indices]

    def _emit_transpose(self, st: Emit, i: int) -> int:
        if self.learning:
            self.typing.after_matrix = "matrix"  # a^T x, (a - b)^T S: a product goes on
        elif not self.tensors:
            raise Unsupported(REASONS["top"])
        st.out.append("^{\\zzTR}")
        return i + 1

    # each _emit_<kind>(st, i, c) writes the command c at st.nodes[i] and returns the index after it
    def _emit_frac(self, st: Emit, i: int, c: str) -> int:
        if i + 2 < len(st.nodes) and all(_starts_with_d(items_of(n)) for n in st.nodes[i + 1 : i + 3]):
            return self.derivative_frac(st, i)  # d/dx (derivatives.py)
        if i + 2 < len(st.nodes) and flatten(items_of(st.nodes[i + 1]))[:1] == ["\\partial"]:
            return self.derivative_frac(st, i)
        num, i = self.arg(st.nodes, i + 1)
        self._follow("{", st.nodes, i)  # the denominator is a product of its own (`QK^T / \\sqrt{d}`)
        den, i = self.arg(st.nodes, i)
        self._follow("}", st.nodes, i)
        st.out.append(f"\\frac{num}{den}")
        return i

    def _emit_sqrt(self, st: Emit, i: int, c: str) -> int:
        nodes = st.nodes
        i += 1
        root = ""
        if i < len(nodes) and nodes[i] == "[":
            close = matching(nodes, i, "[", "]")
            root = "[" + self.emit(nodes[i + 1 : close]) + "]"
            i = close + 1
        body, i = self.arg(nodes, i)
        st.out.append(f"\\sqrt{root}{body}")
        return i

    def _emit_function(self, st: Emit, i: int, c: str) -> int:
        return self.function(st.nodes, i, st.out)

    def _emit_min_max(self, st: Emit, i: int, c: str) -> int:
        if i + 1 >= len(st.nodes) or st.nodes[i + 1] != "(":
            raise Unsupported(f"\\{c} over a set or with a subscript is an optimisation, not algebra")
        self._record_winners(split_args(st.nodes[i + 2 : matching(st.nodes, i + 1)]))
        st.out.append(f"\\{c}")
        return i + 1

    def _emit_reduced_extreme(self, st: Emit, i: int, c: str) -> int:
        """`\\redmax(...)`, the body of a max over an index (extremes.py): the runtime reduces it by max."""
        close = matching(st.nodes, i + 1)
        st.out.append(f"\\op{c}({self.emit(st.nodes[i + 2 : close])}) ")
        return close + 1

    def _record_winners(self, args: list[list[Any]]) -> None:
        """Each argument of max(a, b, ...) must be the larger on some random inputs and not on others (the
        same for min), or an implementation that drops it (max(x, 0) -> x on positive inputs) passes."""
        if len(args) == 2:
            self.comparison(args[0], "gt", args[1])
            return
        for k, arg in enumerate(args if len(args) > 2 else []):
            conds = [self.comparison(arg, "gt", other) for other in args[:k] + args[k + 1 :]]
            self.conditions.append(" \\cdot ".join(conds))

    def _emit_operator(self, st: Emit, i: int, word: str) -> int:
        """A named operator applied to its argument; inside <a, b> (`inner`) a plain variable is a vector."""
        inner = word == "inner"
        if inner and self.tensors:
            raise Unsupported("an inner product <a, b> beside matrices is not read: write it a^T b")
        self.in_norm += inner
        took = self.function(st.nodes, i, st.out, name=f"\\op{NAMED_OPERATORS[word]}", width=2)
        self.in_norm -= inner
        return took

    def _emit_product(self, st: Emit, i: int, c: str) -> int:
        st.out.append("\\cdot ")  # elementwise on the oracle's tensors
        return i + 1

    def _emit_reduction(self, st: Emit, i: int, c: str) -> int:
        return self.reduction(st.nodes, i, st.out)

    def _emit_pi(self, st: Emit, i: int, c: str) -> int:
        """π, the number: `2\\pi(\\nu + \\epsilon)` is 2π times the bracket; `\\pi(x_t, z_t)` is a policy;
        `\\pi_k` (a mixture weight, a policy's parameters) is a variable."""
        if st.nodes[i + 1 : i + 2] == ["_"]:
            return self._emit_variable(st, i, c)
        if st.nodes[i + 1 : i + 2] == ["("]:
            if not re.search(r"\d\s*$", "".join(st.out[-2:])):
                raise Unsupported("\\pi(...) is a policy or density the line does not define, not π")
            st.out.append("\\pi \\cdot ")
            return i + 1
        st.out.append("\\pi ")
        return i + 1

    def _emit_norm(self, st: Emit, i: int, c: str | None) -> int:
        """\\| or || opens a norm, or closes it (with _1, _2, _F or _\\infty for its kind)."""
        nodes = st.nodes
        i += 1 if nodes[i] != "|" else 2
        if not st.norm_open:
            st.out.append("\\normopen(")
            st.norm_open = True
            self.in_norm += 1
            return i
        st.norm_open = False
        self.in_norm -= 1
        kind = "norm_two"
        if i + 1 < len(nodes) and nodes[i] == "_":
            sub = name_of(items_of(nodes[i + 1]))
            kind = {"1": "norm_one", "2": "norm_two", "infty": "norm_max", "F": "norm_fro"}.get(sub, "")
            if not kind:
                raise Unsupported(
                    f"a norm with subscript {sub} is not supported: a named norm (Lorentzian, weighted, ...) "
                    "whose definition the oracle does not read; it reads ||x||, ||x||_1, ||x||_2, ||x||_F, "
                    "||x||_\\infty"
                )
            i += 2
        if self.tensors:  # ||v||, ||v||_1, ||v||_2 of a vector (a matrix is refused at run time); ||A||_F
            if kind not in ("norm_two", "norm_fro", "norm_one"):
                raise Unsupported("with matrices, only ||v||, ||v||_1, ||v||_2 of a vector, ||A||_F are read")
            kind = {"norm_two": "norm_vec", "norm_one": "norm_vecone"}.get(kind, kind)
        elif kind == "norm_fro":
            kind = "norm_two"
        opened = len(st.out) - 1 - st.out[::-1].index("\\normopen(")
        if self._entries_in(st.out[opened + 1 :]):  # `||y_{j,t}||` over axes: a length-1 vector's norm
            st.out[opened] = "{|"
            st.out.append("|}")
            return i
        st.out.append(")")
        st.out[opened] = f"\\{kind.replace('_', '')}("
        self.reductions = True
        return i

    def _entries_in(self, written: list[str]) -> bool:
        """Whether an input's entries on the axis layout (`y_{j,t}`) were written here."""
        text = "".join(written)
        placed = [ph for ph, name in self.symbols.items() if name in self.indexed]
        return self.axes is not None and any(re.search(rf"\\{ph}(?![A-Za-z])", text) for ph in placed)

    def _emit_variable(self, st: Emit, i: int, c: str | None) -> int:
        nodes, t = st.nodes, st.nodes[i]
        if (word := _italic_word(nodes, i)) is not None:
            raise Unsupported(
                f"'{word}' is a word written in maths italics: a name the oracle would read as a product of "
                "its letters (write \\mathit{...} or \\text{...})"
            )
        if t == "E" and self._is_expectation(nodes, i):
            return self.expectation(st, i + 1)
        if c in _EMPIRICAL and items_of(nodes[i + 1]) == ["E"] and self._is_expectation(nodes, i + 1):
            return self.expectation(st, i + 2)  # \\hat{E}_t[...]: an empirical mean over samples
        if t == "e" and nodes[i + 1 : i + 2] == ["^"]:
            body, i = self.arg(nodes, i + 2)
            st.out.append(f"{{\\exp{{({body})}}}}")  # braced: sympy reads `\\exp{(a)} x` as exp(a x)
            return i
        _bracket_index_as_subscript(nodes, i)  # `x[n-1]`, a signal's sample: x_{n-1}
        start = i
        if i and nodes[i - 1] == "^" and nodes[i + 1 : i + 2] == ["("]:  # x^n(1 - x): the exponent is n alone
            self._bracket_after_exponent(nodes, i)
            var, i = self.read_var(nodes[: i + 1], i)
        else:
            var, i = self.read_var(nodes, i)
        if var.name.lower() in FUNCTION_NAMES:
            name = var.name.lower()
            raise Unsupported(f"'{var.name}' is a function written as a name (write \\{name}(...))")
        if _is_identity(var, nodes[start - 1] if start else None, nodes[i] if i < len(nodes) else None) or (
            var.name == "I" and self._other_matrix()  # `\\lambda I` on a line of matrices
        ):
            st.out.append(self._identity(var) + " ")
            return i
        if (
            var.call is None
            and nodes[i : i + 1] == ["["]
            and _index_like(nodes[i + 1 : matching(nodes, i, "[", "]")])
        ):
            raise Unsupported(
                f"{var.name}[...] indexes {var.name} (an entry, a row), not a product the oracle reads"
            )
        if self.learning:
            self.typing.learn(var, nodes, i)
        st.out.append(self.emit_var(var) + " ")
        return i

    def _identity(self, var: Var) -> str:
        """The identity matrix, sized as the line's other matrices (n x n) and no input of its own; a line
        with no other matrix gives it no size."""
        if self.learning:  # evidence that the line's upper-case products are matrices
            self.typing.identities.add(var.name)
            self.typing.kinds[var.name] = "matrix"
            self.typing.after_matrix = "matrix"
            return "1"
        if not self._other_matrix():
            raise Unsupported(IDENTITY)
        self.identity.add(var.name)
        return self._tagged(var.name, is_input=False)

    def _tagged(self, name: str, is_input: bool = True) -> str:
        """A matrix or vector occurrence as its own placeholder, its position on the line recorded."""
        tagged = self.typing.tag(self.placeholder(name, is_input=is_input))
        self.symbols[tagged] = name
        return f"{{\\{tagged}}}"

    def _other_matrix(self) -> bool:
        """Does the line (second pass) have a matrix besides the identity?"""
        others = {n: k for n, k in self.tensors.items() if n not in self.typing.identities and n != "I"}
        return "matrix" in others.values()

    def _bracket_after_script(self, nodes: list[Any], i: int) -> None:
        """A bracket after a script: `B^{d}(0)` is a function at a point (scripts.py); `g^{-1}(y)` and
        `f^{(k)}(x)` an inverse or indexed function applied (`_bracket_after_exponent`)."""
        refuse_applied_at_number(nodes, i)
        if nodes[i] == "(" and i > 1 and nodes[i - 2] == "^" and isinstance(nodes[i - 1], Group):
            self._bracket_after_exponent(nodes, i - 1)

    def _bracket_after_exponent(self, nodes: list[Any], i: int) -> None:
        """A bracket after the exponent at i (a letter or a group: `\\tau^i(a, b)`, `g^{-1}(y)`) around one
        variable or several: an inverse or indexed function applied, or a power times a bracket? Refused; a
        bracket holding an expression (`x^n(1 - x)`) is a product."""
        args = nodes[i + 2 : matching(nodes, i + 1)]
        if several_arguments(args) or self._one_variable(args) is not None:
            top = latex_of(items_of(nodes[i]))
            raise Unsupported(
                f"^{{{top}}}(...) after a symbol: an inverse or indexed function applied to its arguments, "
                "or a power times a bracket? (write \\cdot for a product)"
            )

    def cases(self, block: Cases) -> str:
        """A piecewise definition: nested \\pwhere(condition, value, rest); an `otherwise` row (or else the
        last row) is the fallback."""
        default, branches = None, []
        for value, cond in block.rows:
            relations = case_conditions(cond)  # the comparisons that must all hold (conditions.py)
            if relations is None:
                default = value
            else:
                branches.append((value, relations))
        if default is None:
            if not branches:
                raise Unsupported("an empty cases block")
            default = branches.pop()[0]
        expr = "{" + self.emit(default) + "}"
        for value, relations in reversed(branches):
            expr = self.branch(f"{{{self.emit(value)}}}", relations, expr)
        return expr

    def function(self, nodes: list[Any], i: int, out: list[str], name: str = "", width: int = 1) -> int:
        """\\log x, \\exp{...}, \\cos(...), \\operatorname{arccosh}(x) (name given, width 2): always emitted
        with parenthesised arguments (sympy's grammar is ambiguous about bare arguments)."""
        c = cmd_of(nodes[i]) if width == 1 else text_word(nodes, i)
        name = name or ("\\log" if c == "ln" else f"\\{c}")
        power, base, i = function_scripts(nodes, i + width, c or "")  # \\log^2 x, \\log_2 x (scripts.py)
        if power == "-1":
            return self._function_argument(nodes, i, out, c or "", INVERSES[c or ""])
        if power or base:
            inner: list[str] = []
            end = self._function_argument(nodes, i, inner, c or "", name)
            out.append(scripted("".join(inner), power, base))
            return end
        return self._function_argument(nodes, i, out, c or "", name)

    def _follow(self, token: str, nodes: list[Any], i: int) -> None:
        """The first pass follows brackets and operators to learn which symbols are matrices (tensors.py)."""
        if self.learning:
            self.typing.bracket(token, nodes, i)

    def _bracketed_argument(self, nodes: list[Any], i: int, out: list[str], name: str) -> int:
        """`name(...)` of the bracket at i; the first pass follows what a matrix inside makes of the factor
        after it (`softmax(Q K^T) V`: V is a matrix, tensors.py)."""
        close = matching(nodes, i, nodes[i], ")" if nodes[i] == "(" else "]")
        self._follow("(", nodes, i)
        out.append(f"{name}({self.emit(nodes[i + 1 : close])})")
        self._follow(")", nodes, close)
        return close + 1

    def _function_argument(self, nodes: list[Any], i: int, out: list[str], c: str, name: str) -> int:
        """The argument of the function \\c at i, emitted as `name(...)`; the index after it."""
        if i >= len(nodes):
            raise Unsupported(f"\\{c} without an argument")
        if nodes[i] in ("(", "["):  # \\exp(...), \\exp\\left[...\\right]
            return self._bracketed_argument(nodes, i, out, name)
        if isinstance(nodes[i], Group):
            out.append(f"{name}({self.emit(nodes[i].items)})")
            return i + 1
        if nodes[i] == "\\{":  # \\exp\\left\\{ ... \\right\\}: braces as its brackets
            close = matching(nodes, i, "\\{", "\\}")
            out.append(f"{name}({self.emit(nodes[i + 1 : close])})")
            return close + 1
        argument_refused(nodes, i, c)
        start = i
        if cmd_of(nodes[i]) in ("frac", "dfrac", "tfrac"):
            i += 3
        elif cmd_of(nodes[i]) == "sqrt":
            i += 2
        elif cmd_of(nodes[i]) == "mathcal" and nodes[i + 2 : i + 3] == ["("]:  # \\log \\mathcal{N}(x; m, v)
            i = matching(nodes, i + 2) + 1
        elif cmd_of(nodes[i]) in ("sum", "prod"):
            i = term_after(nodes, i)[1]  # \\log \\sum_i x_i b: the sum, over the whole product term after it
        elif nodes[i] == "|":
            i = term_after(nodes[: past_bars(nodes, i)], i)[1]  # \\log |J|: the bars
        elif nodes[i] == "E" and self._is_expectation(nodes, i):  # \\log E_z[e^{R(z)}]: the expectation
            i = matching(nodes, i + (3 if nodes[i + 1] == "_" else 1), "[", "]") + 1
        elif cmd_of(nodes[i]) in GREEK or cmd_of(nodes[i]) in DECOR_SUFFIX or str(nodes[i]).isalpha():
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
        c = cmd_of(nodes[i])
        if self.axes is not None:  # each index on its own axis (axes.py)
            self.reductions = True
            text, i = self.axis_reduction(nodes, i, c)
            out.append(text)
            return i
        i += 1
        index, upper = None, None
        while i + 1 < len(nodes) and nodes[i] in ("_", "^"):
            part = items_of(nodes[i + 1])
            if nodes[i] == "_":
                flat = flatten(part)
                index = flat[0] if flat and isinstance(flat[0], str) and flat[0].isalpha() else None
                if index is not None and (flat[1:2] == ["="] or flat[1:2] and flat[1] in RELATIONS):
                    condition = bound_and_condition([index], flat)[1]
                    if condition:  # `j \\neq i`, `j=1, j \\neq i` with no sum over i: a given i
                        raise FreeIndex(unbound_condition(condition[1]))
                if index is None or len(flat) > 1 and flat[1] not in ("=", "\\in"):
                    raise Unsupported(CONDITION)
                if "\\in" in flat and not (flat[1] == "\\in" and plain_set(flat[2:])):
                    raise Unsupported("a sum over a set is not supported")
            else:
                flat = flatten(part)
                if len(flat) == 1 and isinstance(flat[0], str) and flat[0].isalpha():
                    upper = flat[0]
            i += 2
        self.sum_index = index or self._guess_index(nodes[i:])
        self.reductions = True
        if upper:
            py = py_name(upper)
            self.lengths.add(py)
        out.append(f"\\{c}_{{\\zzidx=1}}^{{\\zzlen}} ")
        return i

    @staticmethod
    def _guess_index(rest: list[Any]) -> str:
        for j, t in enumerate(rest):
            if t == "_" and j + 1 < len(rest):
                flat = flatten(items_of(rest[j + 1]))
                if len(flat) == 1 and flat[0] in INDEX_LETTERS:
                    return flat[0]
        raise Unsupported("a sum without an index the oracle can find")


def _starts_with_d(nodes: list[Any]) -> bool:
    """`d`, `dx`, `\\mathrm{d} x`: the numerator or denominator of a derivative d/dx."""
    flat = [t for t in flatten(nodes) if cmd_of(t) not in TEXT_NAMES]
    return bool(flat) and flat[0] == "d"


def sum_indices(nodes: list[Any]) -> set[str]:
    """The index letters of every \\sum / \\prod on the line (explicit `_{i=1}` / `_i`, in either order with
    the upper bound, else guessed)."""
    out = set()
    for k, t in enumerate(nodes):
        if isinstance(t, Group):
            out |= sum_indices(t.items)
        if cmd_of(t) not in ("sum", "prod"):
            continue
        j, index = k + 1, None
        while j + 1 < len(nodes) and nodes[j] in ("_", "^"):
            first = flatten(items_of(nodes[j + 1]))[:1]
            if nodes[j] == "_" and first and str(first[0]).isalpha():
                index = str(first[0])
                out |= set(written_indices(flatten(items_of(nodes[j + 1]))))  # \\sum_{i,j}: both
            j += 2
        out.add(index or Rewriter._guess_index(flatten(nodes[j:])))
    return out


# the letters papers give an activation (a rate or a weight, `\\eta(W x + b)`, stays a product's factor)
ACTIVATION_NAMES = {"sigma", "phi", "varphi", "psi", "f", "g", "h"}


def _pre_activation(args: list[Any]) -> bool:
    """`W_{zh} z_{t-1} + W_{hh} h_{t-1} + b_h`: terms added at the top level, one a capital (a matrix)
    times a small letter (a vector), or `w^T x`: what an activation is applied to, never a bracket a scalar
    scales."""
    flat = [str(t) for t in flatten(args)]
    after = [b for a, b in itertools.pairwise(flat) if a == TRANSPOSE]
    if any(re.fullmatch("[A-Za-z]", b) or cmd_of(b) in BOLD for b in after):
        return True  # `w^T x`: an inner product, what a unit's activation is applied to
    top = [t for t in args if not isinstance(t, Group)]
    if "+" not in top:
        return False
    for k, t in enumerate(args[:-1]):
        base = cmd_of(t) in BOLD and isinstance(args[k + 1], Group) and str(items_of(args[k + 1])[0])
        capital = (base or str(t))[:1].isupper() and len(base or str(t)) == 1
        rest = args[k + 1 :] if not base else args[k + 2 :]
        rest = rest[2:] if rest[:1] == ["_"] else rest  # W_{zh} z: past the matrix's subscript
        if capital and rest and (str(rest[0])[:1].islower() or cmd_of(rest[0]) in BOLD):
            return True
    return False


def _lower_case_name(var: Var) -> bool:
    """A lower-case letter, Latin or Greek (`u`, `\\sigma`, `n_h`; not `E`, `P`, `R`): the names papers give
    the functions they apply to one variable (capitals are also expectations, probabilities and operators)."""
    return var.base[:1].islower() and not var.bold
