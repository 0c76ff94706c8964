"""An equation line -> the SPEC dict the oracle runtime evaluates (definitions, outputs, inputs)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from tools.trace.oracle_latex.axes import free_indices
from tools.trace.oracle_latex.conditions import extract_cases, inline_cases, strip_side_conditions
from tools.trace.oracle_latex.derivatives import physics_derivatives
from tools.trace.oracle_latex.extremes import extremes_as_reductions
from tools.trace.oracle_latex.forms import (
    has_equals,
    objective_definition,
    reversed_definitions,
    without_optimisation,
)
from tools.trace.oracle_latex.members import member_sums, members_of
from tools.trace.oracle_latex.nodes import (
    Group,
    at_top_level,
    clean,
    cmd_of,
    flatten,
    group_tokens,
    items_of,
    matching,
    name_of,
    py_name,
    single_vars,
    split_args,
    tokenize,
)
from tools.trace.oracle_latex.primes import ell_indices, primed_indices
from tools.trace.oracle_latex.rewriter import IDENTITY, Rewriter, sum_indices
from tools.trace.oracle_latex.series import series_as_sums
from tools.trace.oracle_latex.sum_scopes import bracketed_sums
from tools.trace.oracle_latex.variables import Var, density_value, latex_of
from tools.trace.oracle_latex.vocabulary import (
    BOLD,
    DECOR_SUFFIX,
    FUNCS,
    GREEK,
    NAMED_OPERATORS,
    RELATIONS,
    SKIP,
    TEXT_NAMES,
    FreeIndex,
    GivenWhole,
    Renaming,
    Unsupported,
)


def depth_at(nodes: list[Any], j: int) -> int:
    """How many brackets are open at position j."""
    return sum((t in ("(", "[")) - (t in (")", "]")) for t in nodes[:j])


def split_definitions(nodes: list[Any]) -> list[tuple[list[Any], list[Any], list[list[Any]]]]:
    """`lhs = rhs, lhs2 = rhs2` -> [(lhs, rhs, links), ...] at the top level (commas inside brackets stay);
    a chain `a = b = c` gives (a, b, [c]): every link must agree."""
    parts: list[list[Any]] = [[]]
    depth = 0
    for t in nodes:
        depth += t in ("(", "[")
        depth -= t in (")", "]")
        if depth == 0 and t == "," and "=" in parts[-1]:
            parts.append([])
        elif t == "=" and not parts[-1] and len(parts) > 1:
            parts.pop()  # 'a = b, \\ &= c': the chain goes on after the row's comma
            parts[-1].append(t)
        else:
            parts[-1].append(t)
    defs = []
    for part in parts:
        if not part:
            continue
        eq = [j for j, t in enumerate(part) if t == "=" and depth_at(part, j) == 0]
        if not eq and "=" in part:
            raise Unsupported("the `=` sits inside brackets (unbalanced, or a set): no top-level definition")
        if not eq:
            raise Unsupported("no `=` in the equation: nothing to evaluate")
        pieces = [part[a + 1 : b] for a, b in zip([-1, *eq], [*eq, len(part)], strict=True)]
        if any(not p for p in pieces):
            raise Unsupported("an empty side of `=`")
        defs.append((pieces[0], pieces[1], pieces[2:]))
    return defs


MAX_TOKENS = 1500  # the longest equation lines in papers hold a few hundred; sympy slows badly past that


def grouped_nodes(latex: str) -> list[Any]:
    """The line's tokens grouped by braces, `cases` blocks extracted (nothing dropped yet)."""
    tokens = tokenize(latex)
    if len(tokens) > MAX_TOKENS:
        raise Unsupported(
            f"the formula is too long for an oracle ({len(tokens):,} tokens, more than {MAX_TOKENS:,}): "
            "split it into parts and test each, or test it by hand"
        )
    return inline_cases(extract_cases(physics_derivatives(group_tokens(tokens))))


def equation_nodes(latex: str, members: bool = True) -> list[Any]:
    """The line's nodes as the oracle reads them; `members`: sums over sets as membership arrays."""
    nodes = clean(strip_side_conditions(grouped_nodes(latex)))
    nodes = bracketed_sums(extremes_as_reductions(ell_indices(nodes)))
    nodes = member_sums(nodes) if members else nodes
    return reversed_definitions(series_as_sums(primed_indices(nodes)))


def defined_functions(latex: str) -> list[str]:
    """Names of the functions a line defines as `f(x, y) = ...` (a bare name, single-variable arguments)."""
    try:
        defs = split_definitions(equation_nodes(latex))
        names = []
        for lhs, rhs, _ in defs:
            var, end = Rewriter().read_var(lhs, 0, lhs=True) if lhs else (None, 0)
            if var and end == len(lhs) and var.call and not var.sub and _parameters(var.call):
                named = re.fullmatch(r"[A-Za-z]\w*", var.base) and _uses_params(var, rhs)
                names += [var.base] if named else []
        return names
    except (Unsupported, IndexError):
        return []


def _lhs_names(defs: list[tuple[list[Any], list[Any], Any]]) -> tuple[set[str], set[str]]:
    """What the line's left-hand sides name, each read once: the one-variable arguments of the functions they
    define (`x`, `z` of `E(x, z) = ...`: on the right, `A(x)` applies a function to one of them), and the
    single letters of their superscripts (`a`, `i` of `F_X^{a, i} = ...`, the window `L` of
    `\\hat{g}^L_i = ...`; a subscript's are left out:
    `v_t = m_t / (1 - \\beta_2^t)` raises to the power t). An expression on the left
    (`Tr(A^{r+1} ...) = ...`) names neither."""
    parameters: set[str] = set()
    indices: set[str] = set()
    for lhs, _, _ in defs:
        try:
            var, end = Rewriter().read_var(lhs, 0, lhs=True) if lhs else (None, 0)
        except (Unsupported, IndexError):
            continue
        if var and end == len(lhs) and var.call:
            parameters |= {n for a in split_args(var.call) if (n := _one_variable(a))}
        if var and (end == len(lhs) or (lhs[end] == "^" and end + 2 == len(lhs))):
            for k, t in enumerate(lhs[:-1]):
                top = [str(x) for x in flatten(items_of(lhs[k + 1]))] if t == "^" else []
                indices |= {x for x in top if re.fullmatch("[a-zA-SU-Z]", x)}  # not T: a transpose
            if any(t == "^" for t in lhs) and isinstance(lhs[0], str):
                indices |= {
                    x for _, rhs, links in defs for side in (rhs, *links) for x in _tops(side, lhs[0])
                }
    return parameters, indices


def _tops(nodes: list[Any], base: str) -> set[str]:
    """The single letters written on top of `base` in nodes (`x` of `Q^x_b` and `Q_b^x`): where the left-hand
    side's `Q^s_a` is indexed by its superscript, so is the right side's `Q^x_b`."""
    return _letters_on_top(nodes, lambda ns, k: k + 1 if ns[k] == base else None)


def vector_tops(nodes: list[Any]) -> set[str]:
    """The single letters written on top of a bold lower-case letter (a vector) anywhere in nodes, unshifted:
    `l` of `\\mathbf{h}_i^{l}`; not T (a transpose)."""
    return _letters_on_top(nodes, _vector_end)


def _vector_end(nodes: list[Any], k: int) -> int | None:
    """Where the bold lower-case letter at k (`\\mathbf{h}`) ends, or None for anything else."""
    letter = [str(x) for x in items_of(nodes[k + 1])] if k + 1 < len(nodes) else []
    vector = cmd_of(nodes[k]) in BOLD and len(letter) == 1 and re.fullmatch("[a-z]", letter[0])
    return k + 2 if vector else None


def _letters_on_top(nodes: list[Any], base_end: Callable[[list[Any], int], int | None]) -> set[str]:
    """The single letters (not T, a transpose) written on top of each symbol `base_end` finds (it gives where
    the symbol ends), past a subscript: `x` of `Q^x_b` and `Q_b^x`; in groups too."""
    found: set[str] = set()
    for k, t in enumerate(nodes):
        if isinstance(t, Group):
            found |= _letters_on_top(t.items, base_end)
        end = base_end(nodes, k)
        if end is None:
            continue
        after = nodes[end : end + 4]
        j = 2 if after[:1] == ["_"] else 0
        if after[j : j + 1] == ["^"] and len(after) > j + 1:
            top = [str(x) for x in flatten(items_of(after[j + 1]))]
            found |= {top[0]} if len(top) == 1 and re.fullmatch("[a-zA-SU-Z]", top[0]) else set()
    return found


def _parameters(args: list[Any]) -> bool:
    """`(x, y)` of `f(x, y) = ...`: each argument one variable (`p(A = 1 | z)` names no parameters)."""
    return single_vars(args) and all(_one_variable(a) for a in split_args(args))


def _uses_params(var: Var, rhs: list[Any]) -> bool:
    """Whether `f(x) = body` uses a parameter: `f(x^*) = 0`, `V(s_T) = 0` state a value, not a formula."""
    flat = flatten(rhs)
    if any(not isinstance(t, str) for t in flat):  # a cases block: its rows are read later
        return True
    body = set(flat)
    return any(flatten(p)[:1] and flatten(p)[0] in body for p in split_args(var.call or []))


def name_uses(latex: str) -> list[tuple[str, int]]:
    """Each variable the line writes outside sub- and superscripts, and how many arguments follow it in
    parentheses (0: none): (name, arguments). Bold names (matrices, vectors) are left out."""
    return [(name, arguments) for name, arguments, _ in _name_uses(latex)]


def one_variable_calls(latex: str) -> list[tuple[str, str]]:
    """Each `f(x)` of the line whose one argument is one variable: (f's name, x's name)."""
    return [(name, argument) for name, arguments, argument in _name_uses(latex) if argument]


@functools.lru_cache(maxsize=8192)  # a paper's formulas are read for its functions and its callables
def _name_uses(latex: str) -> tuple[tuple[str, int, str], ...]:
    try:
        nodes = clean(group_tokens(tokenize(latex)))
    except Unsupported:
        return ()
    out: list[tuple[str, int, str]] = []
    _walk_uses(nodes, out, 0)
    return tuple(out)


def bracket_powers(latex: str) -> set[str]:
    """The letters written in the power of a bracket (`(A^\\top)^{i-r-1}`, `(1 + x)^n`): whole numbers,
    never a name written on top (`W^h`, an iterate `W^k`), which sits on a symbol. A mark in brackets
    (`(...)^{(l)}`) is left out."""
    try:
        nodes = clean(group_tokens(tokenize(latex)))
    except Unsupported:
        return set()
    return _bracket_powers(nodes)


def _bracket_powers(nodes: list[Any]) -> set[str]:
    found: set[str] = set()
    for k, t in enumerate(nodes):
        if isinstance(t, Group):
            found |= _bracket_powers(t.items)
        elif t in (")", "]") and nodes[k + 1 : k + 2] == ["^"] and k + 2 < len(nodes):
            power = flatten(items_of(nodes[k + 2]))
            if power[:1] not in (["("], ["["]):
                found |= {x for x in power if isinstance(x, str) and len(x) == 1 and x.isalpha()}
    return found


def _one_variable(args: list[Any]) -> str:
    """The name of the one variable `args` hold (`x_t` of `f(x_t)`, `{d}`), else ""."""
    var = _whole_var(args)
    return var.name if var and var.call is None else ""


def _one_call(args: list[Any]) -> str:
    """The name applied when `args` are one application (`G(z)` of `D(G(z))`), else ""."""
    var = _whole_var(args, lhs=True)
    return var.name if var and var.call is not None and not var.bold else ""


def _whole_var(args: list[Any], lhs: bool = False) -> Var | None:
    """The one variable `args` hold, else None; `lhs`: read a call whatever the name (`G(z)`)."""
    if len(args) == 1 and isinstance(args[0], Group):
        args = args[0].items
    if not args or isinstance(args[0], Group):
        return None
    try:
        var, end = Rewriter().read_var(args, 0, lhs=lhs)
    except (Unsupported, IndexError):
        return None
    return var if var and end == len(args) else None


def nested_calls(latex: str) -> list[tuple[str, str]]:
    """Each application of a name to one application of another (`D(G(z))`): (outer, inner). Both are
    functions: a product of a letter and a call of a letter is seldom written so."""
    try:
        nodes = clean(group_tokens(tokenize(latex)))
    except Unsupported:
        return []
    out: list[tuple[str, int, str]] = []
    _walk_uses(nodes, out, 0, inner=True)
    return [(name, inner) for name, _, inner in out if inner]


def _walk_uses(nodes: list[Any], out: list[tuple[str, int, str]], depth: int, inner: bool = False) -> None:
    """Each variable's (name, arguments, the one variable it is applied to); with `inner`, the one call it is
    applied to instead."""
    i = 0
    while i < len(nodes) and depth < 20:
        t, c = nodes[i], cmd_of(nodes[i])
        if t in ("_", "^") or c in TEXT_NAMES or c in ("label", "tag", "begin", "end", "mathcal", "mathbb"):
            i += 2
            continue
        if isinstance(t, Group):
            _walk_uses(t.items, out, depth + 1, inner)
        elif (isinstance(t, str) and len(t) == 1 and t.isalpha()) or c in GREEK or c in DECOR_SUFFIX:
            try:
                var, end = Rewriter().read_var(nodes, i, lhs=True)
            except (Unsupported, IndexError):
                i += 1
                continue
            if not var.bold:
                arguments = len(split_args(var.call)) if var.call else 0
                one = (_one_call if inner else _one_variable)(var.call) if arguments == 1 else ""
                out.append((var.name, arguments, one))
            if var.call:
                _walk_uses(var.call, out, depth + 1, inner)
            i = max(end, i + 1)
            continue
        i += 1


def _paper_helpers(rw: Rewriter, nodes: list[Any], functions: dict[str, str], local: set[str]) -> list:
    """The paper's functions this line calls (`f(...)` with `f(x) = ...` elsewhere), dependencies first."""
    order: list[tuple[Var, list[Any]]] = []

    def visit(body: list[Any], depth: int) -> None:
        flat = _outside_text(body)
        for k, t in enumerate(flat[:-1]):
            name = cmd_of(t) or str(t)
            if flat[k + 1] != "(" or not functions.get(name) or name in local or name in rw.helpers:
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
            _not_recursive(name, found[0][1])
            rw.helpers[name] = "\\fn" + re.sub(r"[^A-Za-z]", "", name)
            visit(found[0][1], depth + 1)
            order.append(found[0])

    visit(nodes, 0)
    return order


def _outside_text(nodes: list[Any]) -> list[Any]:
    """The tokens of `nodes`: a group of several tokens opened between `{` and `}` marks (`{4t}(x)` calls no
    t), a subscript group left closed (`K_{g(h)}` calls no g), the words of \\text{...} and
    \\textnormal{exp} left out (the `p` before `(` calls no p)."""
    out: list[Any] = []
    skip = False
    for t in nodes:
        if isinstance(t, Group):
            inner = [] if skip or out[-1:] == ["_"] else _outside_text(t.items)
            out += ["{", *inner, "}"] if len(inner) > 1 else inner or ["{}"]
        else:
            out.append(t)
        skip = cmd_of(t) in TEXT_NAMES | {"textnormal", "textrm", "textbf", "mathrm"}
    return out


def _not_recursive(name: str, body: list[Any]) -> None:
    """A function whose body calls itself (`V(a) = r + \\gamma V(s(a))`) is a recursion: refused."""
    if _calls(flatten(body), name):  # a name in a subscript (`p_D(x)` in the body of `D(x)`) is no call of it
        raise Unsupported(f"{name} is defined in terms of itself (a recursion): not one formula to evaluate")


def given_functions(latex: str, functions: dict[str, str], callables: set[str] | frozenset[str]) -> set[str]:
    """The functions the paper names but never defines (`functions` entries without a body, not passed as
    callables): this line's applications of them are inputs, their values. One also written alone here
    (`s(x) + s`) is refused: a function there, and a value here?"""
    names = {n for n, body in functions.items() if not body} - set(callables)
    if not names:
        return set()
    uses = name_uses(latex)
    applied = {n for n, k in uses if k and n in names}
    for n in sorted(applied & {n for n, k in uses if not k}):
        raise Unsupported(f"{n} is written applied, {n}(...), and alone on this line: a function or a value?")
    return names


def _defs_of(latex: str) -> tuple[list[Var], list[tuple[list[Any], list[Any], list[list[Any]]]]]:
    defs = split_definitions(equation_nodes(latex))
    return [_lhs_var(lhs, rhs) for lhs, rhs, _ in defs], defs


def build_spec(
    latex: str, functions: dict[str, str] | None = None, callables: set[str] | frozenset[str] = frozenset()
) -> dict[str, Any]:
    """The SPEC dict for one equation line; raises Unsupported with the reason. `functions`: the paper's
    inline definitions (name -> defining LaTeX), called where the line uses them; `callables`: functions the
    paper uses and never defines (callable inputs). A line that is one such function applied to a computed
    argument (`z = f(W h + b)`) takes the function as a callable input: its value alone would be a
    renaming. A line refused once its sums over sets are read as membership arrays (members.py) is refused
    with the reason its own text gives."""
    try:
        return _spec_of(latex, functions, callables, True)
    except Unsupported:
        if not members_of(grouped_nodes(latex)):
            raise
        return _spec_of(latex, functions, callables, False)


def _spec_of(
    latex: str, functions: dict[str, str] | None, callables: set[str] | frozenset[str], members: bool
) -> dict[str, Any]:
    build = functools.partial(_build_spec, members=members)
    try:
        return build(latex, functions, callables)
    except FreeIndex as refusal:
        return _with_free_indices(build, latex, functions, callables, refusal)
    except GivenWhole as refusal:
        if not functions:
            raise
        # its body cannot follow its arguments (an expectation): the function is a callable input instead
        rest = {k: v for k, v in functions.items() if k != refusal.function}
        return build(latex, rest, {*callables, refusal.function})
    except Renaming:
        mapped = _computed_arguments(latex, functions or {}, callables)
        if not mapped:
            raise
        return build(latex, functions, {*callables, *mapped})


def _with_free_indices(
    build: Callable[..., dict[str, Any]],
    latex: str,
    functions: dict[str, str] | None,
    callables: set[str] | frozenset[str],
    refusal: Unsupported,
) -> dict[str, Any]:
    """The line read with its target's free indices as output axes; the first refusal when that fails too."""
    try:
        return build(latex, functions, callables, free_ok=True)
    except Unsupported:
        raise refusal from None


def _computed_arguments(
    latex: str, functions: dict[str, str], callables: set[str] | frozenset[str]
) -> set[str]:
    """Functions the paper gives no formula for that this line applies to one argument that is no single
    variable (`f(W h + b)`, not `E(x)`)."""
    given = {n for n, body in functions.items() if not body} - set(callables)
    one_variable = {name for name, _ in one_variable_calls(latex)}
    return {name for name, arguments in name_uses(latex) if arguments == 1 and name in given} - one_variable


def _build_spec(
    latex: str,
    functions: dict[str, str] | None,
    callables: set[str] | frozenset[str],
    free_ok: bool = False,
    members: bool = True,
) -> dict[str, Any]:
    """build_spec with these callables. A first pass learns which symbols are matrices and vectors
    (tensors.py), the second writes the line with them."""
    nodes = equation_nodes(latex, members)
    if not has_equals(nodes):  # an objective or an expression: its value is the output (forms.py)
        nodes = objective_definition(grouped_nodes(latex))
    defs = split_definitions(nodes)
    _no_letter_names(latex)
    _no_ambiguous_products(latex)
    given = given_functions(latex, functions or {}, callables)
    first = Rewriter(learning=True, callables=callables)
    first.free_ok = free_ok
    first.given = given
    first.alone = {name for name, arguments in name_uses(latex) if not arguments}
    first.parameters, first.indices_of_lhs = _lhs_names(defs)
    first.layers = vector_tops(nodes)
    first.update_rule = bool(_UPDATE_ARROW.search(latex))  # `Q(s, a) \\leftarrow ...`: old values
    kinds = _rewrite(nodes, defs, functions, first)[0].typing.settled()
    rw = Rewriter(tensors=kinds, callables=callables)
    rw.free_ok = free_ok
    rw.given, rw.alone, rw.parameters = given, first.alone, first.parameters
    rw.indices_of_lhs, rw.update_rule = first.indices_of_lhs, first.update_rule
    rw.layers = first.layers
    rw.typing.identities = first.typing.identities
    rw, helper_defs, definitions, outputs = _rewrite(nodes, defs, functions, rw)
    _computes_something(definitions)
    _no_use_before_definition(definitions, rw.symbols)
    _given_helpers_called_once(helper_defs, definitions, bool(rw.sampled))
    outputs = _updates(definitions, outputs, rw.symbols)
    targets = set(outputs)
    # a symbol both defined on the line and used later is an intermediate, not an input
    inputs = [n for n in rw.inputs if n not in targets]
    reduction_symbols = ["zzidx", "zzlen"] if rw.sum_index else []
    for name in ("zzidx", "zzlen", "zzTR"):
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
    spec.update(rw.layout_spec())
    _no_free_index(spec)
    if kinds:
        spec.update(_tensor_spec(inputs, kinds, rw))
    if rw.called:
        spec["callables"] = rw.called
    spec.update(_given_inputs(latex, inputs, rw))
    if rw.sampled:
        spec["sampled"] = sorted(n for n in inputs if n in rw.sampled)
    if rw.conditions:
        spec["conditions"] = list(dict.fromkeys(rw.conditions))  # a max inside a min is emitted twice
    if rw.choices:
        spec["choices"] = sorted(n for n in inputs if n in rw.choices)
    return spec


def _given_inputs(latex: str, inputs: list[str], rw: Rewriter) -> dict[str, Any]:
    """What the implementation is passed for f(x), f(a, b) (the paper gives no formula) and for each set a
    sum runs over (a 0/1 membership array, members.py)."""
    given = {n: f"the value of {a}" for n, a in rw.applications.items() if n in inputs}
    members = [m for m in members_of(grouped_nodes(latex)) if m.name in inputs]
    for m in members:
        given[m.name] = (
            f"1 where {m.index} lies in the set {m.written} of {', '.join(m.of)}, else 0 "
            f"(indexed [{', '.join(m.of)}, {m.index}]: an adjacency matrix or mask)"
        )
    out: dict[str, Any] = {"given": given} if given else {}
    return out | ({"members": sorted({m.name for m in members})} if members else {})


def _tensor_spec(inputs: list[str], kinds: dict[str, str], rw: Rewriter) -> dict[str, Any]:
    """The SPEC entries of a line with matrices or vectors: which inputs are which, each occurrence's
    position, and the identity (`(I - V H)^{-1}`: of the matrices' size, built by the oracle)."""
    out: dict[str, Any] = {"matrices": sorted(n for n in inputs if kinds.get(n) == "matrix")}
    if "I" in inputs and out["matrices"]:  # an I the rewriter did not take for the identity: no random input
        raise Unsupported(IDENTITY)
    out["column_vectors"] = sorted(n for n in inputs if kinds.get(n) == "vector")
    out["positions"] = rw.typing.positions
    if rw.identity:
        out["identity"] = sorted(rw.identity)
    return out


_BOLD_LETTER = r"\\(?:mathbf|bm|boldsymbol)\s*\{\s*[a-z]\s*\}(?:\s*[_^]\s*(?:\{[^{}]*\}|\\?\w+))*"
_BOLD_DOT = re.compile(rf"{_BOLD_LETTER}\s*\\cdot\s*\{{?\s*{_BOLD_LETTER}")
_STAR_PRODUCT = re.compile(r"(?<![_^{])\*\s*(?=[\\{(\w])")  # not `x^*`, `x^{*}`, `x_*`


def _no_ambiguous_products(latex: str) -> None:
    """Products whose kind the oracle's scalar reading would get wrong: `\\mathbf{h}_q \\cdot \\mathbf{h}_e`
    between two bold vectors (an inner product), and `X * K` (a convolution in most papers that write it)."""
    if _BOLD_DOT.search(latex):
        raise Unsupported(
            "a dot between two bold vectors is an inner product, which the oracle reads elementwise: "
            "write \\langle a, b \\rangle or test it by hand"
        )
    if _STAR_PRODUCT.search(re.sub(r"\\[A-Za-z]+\*|\s+", "", latex)):  # `\\operatorname*{...}`: no product
        raise Unsupported("`*` between two factors: a convolution or a product? (write \\cdot for a product)")


# two- and three-letter names written in maths italics (true/false positives, term frequency, ...)
LETTER_NAMES = {"tp", "fp", "tn", "fn", "tf", "idf", "df", "lr", "kl", "ce"}
LETTER_NAMES |= {"nll", "mse", "mae", "acc", "auc"}


def _no_letter_names(latex: str) -> None:
    """`tp_j / (tp_j + fp_j)`: runs of two or three small letters written together, naming one quantity,
    would be read as products of letters. Refused: a run that starts or ends with a known name
    (LETTER_NAMES, `lr \\, g` too), or a run written twice or more whose letters the line never writes
    apart (`ks` beside `k` stays a product; so does `a b`, written apart)."""
    runs = [r for r in _letter_runs(latex) if len(r) > 1]
    alone = {r for r in _letter_runs(latex) if len(r) == 1}
    for run in runs:
        known = any(run.startswith(name) or run.endswith(name) for name in LETTER_NAMES)
        if known or (runs.count(run) > 1 and not set(run) & alone):
            raise Unsupported(
                f"'{run}' may be one name written in maths italics (true positives `tp`, a rate `lr`), "
                "not a product of its letters: write \\mathit{...} for a name, or \\cdot between factors"
            )


_NAMED = {"mathcal", "mathbb", "label", "tag", "rm", "it", "sf", "cal"}  # old font switches too: `\rm{xf}`
_NAMED_GROUP = "|".join(sorted(TEXT_NAMES | BOLD | set(DECOR_SUFFIX) | _NAMED))


def _letter_runs(latex: str) -> list[str]:
    """The runs of one to three small letters the source writes together, outside sub- and superscripts and
    the arguments of decorations and fonts (`\\overline{tp}` is one name already); longer runs are words
    (rewriter._italic_word)."""
    text = _without_named_groups(latex)
    text = re.sub(r"[_^]\s*(?:\{[^{}]*\}|\\[A-Za-z]+|.)", " ", text)
    text = re.sub(r"\\[A-Za-z]+|\\.", " ", text)
    runs = re.findall(r"(?<![A-Za-z])[a-z]{1,3}(?![A-Za-z])", text)
    return [r for r in runs if r not in _SPELLED_FUNCTIONS]  # `log(p)` in italics reads as \\log


_SPELLED_FUNCTIONS = {"log", "ln", "exp", "sin", "cos", "tan", "max", "min", "det", "tr", "arg", "sup", "inf"}


def _without_named_groups(latex: str) -> str:
    """The source with each decoration's or font's braced argument (nested braces and all) blanked."""
    out, k = [], 0
    for m in re.finditer(rf"\\(?:{_NAMED_GROUP})\s*\{{", latex):
        if m.start() < k:
            continue
        depth, j = 1, m.end()
        while j < len(latex) and depth:
            depth += {"{": 1, "}": -1}.get(latex[j], 0)
            j += 1
        out += [latex[k : m.start()], " "]
        k = j
    return "".join(out) + latex[k:]


def _computes_something(definitions: list[dict[str, Any]]) -> None:
    """Refused: every right-hand side one input (a renaming), or a function the paper never defines applied
    to one input (`z_i = g(z_{i-1}) = f(W z + b)` with the second link unread: g of z checks nothing)."""
    if all("links" not in d and re.fullmatch(r"\s*\{\\zz[A-Za-z]+\}\s*", d["rhs"]) for d in definitions):
        raise Renaming("the right-hand side is one input: a renaming, nothing to compute")
    if all(re.fullmatch(r"\s*\\zf[A-Za-z]+\(\s*\{\\zz[A-Za-z]+\}\s*\)\s*", d["rhs"]) for d in definitions):
        raise Unsupported(
            "a function the paper never defines applied to one input, and nothing else: no formula to check"
        )


def _no_free_index(spec: dict[str, Any]) -> None:
    """On the axis layout, an entry `\\phi_{ij}` whose index i no sum runs over: the output is one entry
    (`f_i = \\sum_j \\phi_{ij} g_j`), a vector the line never names whole: refused."""
    axes = {a["index"] for a in spec.get("axes", [])}
    for name, letters, *_ in spec.get("indexed", {}).values() if axes else []:
        free = [x for x in letters if x not in axes]
        if free:
            raise Unsupported(
                f"the index {free[0]} of {name} runs over no sum on the line: the output is one entry "
                f"({free[0]} free), not a value the oracle evaluates whole"
            )


def _used(rhs: str, symbols: dict[str, str]) -> set[str]:
    return {symbols[ph] for ph in re.findall(r"\\(zz[A-Za-z]+)", rhs) if ph in symbols}


def _no_use_before_definition(definitions: list[dict[str, Any]], symbols: dict[str, str]) -> None:
    """A row that uses what a later row defines (`x_{k+1} = z_k \\\\ z_k = ...`): the value before that
    row (an input, as steps in order) or the one it defines (a system)? Refused. A later update
    (`m := m + v g, \\; v := v - v^2 h`) is no question: in order or at once, the row before reads the old
    v."""
    sides = [[d.get("rhs", ""), *d.get("links", [])] for d in definitions]
    uses = [set().union(*(_used(side, symbols) for side in row)) for row in sides]
    targets = [d.get("target") for d in definitions]
    defined = [t for t, u in zip(targets, uses, strict=True) if t not in u]  # updates left out
    for k, (d, used) in enumerate(zip(definitions, uses, strict=True)):
        later = used & set(targets[k + 1 :]) & set(defined) - {d.get("target")}
        if later:
            raise Unsupported(
                f"{sorted(later)[0]} is used before the row that defines it: its value before that row, or "
                "the one the row defines (a system)?"
            )


def _not_implicit(target: str) -> None:
    """`x_{k+1} = x_k + a (v_k - x_{k+1})`: a target whose subscript shifts a step, on its own right-hand
    side, is an implicit equation for it (the next step, solved for), never an update of an old value."""
    if re.search(r"_(plus|minus)_", target):
        raise Unsupported(
            f"{target} is on both sides of its own definition: an implicit equation for the next step, which "
            "the oracle does not solve"
        )


def _updates(definitions: list[dict[str, Any]], outputs: list[str], symbols: dict[str, str]) -> list[str]:
    """An update `\\theta = \\theta - \\eta g` (the target on its own right-hand side) returns the new value,
    named `theta_new`; the old one is the input. A later definition using an updated symbol (old or new
    value?) is refused, and so is a second definition that is no update (`u = a + b, u = a - b`: two cases or
    two models set side by side)."""
    updated: set[str] = set()
    defined: set[str] = set()
    for d in definitions:
        if "target" not in d:
            continue
        used = set().union(*(_used(side, symbols) for side in [d["rhs"], *d.get("links", [])]))
        if d["target"] in defined and d["target"] not in used:
            raise Unsupported(
                f"{d['target']} is defined twice on this line (two cases or two models side by side?): "
                "implement each and test it by hand"
            )
        defined.add(d["target"])
        if used & updated:
            raise Unsupported(
                f"{', '.join(sorted(used & updated))} is updated on this line and used after: the old "
                "value or the new one?"
            )
        if d["target"] in used:
            _not_implicit(d["target"])
            updated.add(d["target"])
            new = d["target"] + "_new"
            outputs = [new if o == d["target"] else o for o in outputs]
            d["target"] = new
    return outputs


def _rewrite(
    nodes: list[Any], defs: list[Any], functions: dict[str, str] | None, rw: Rewriter
) -> tuple[Rewriter, list[dict[str, Any]], list[dict[str, Any]], list[str]]:
    """One pass over the line: helpers, definitions and outputs, written by rw."""
    lhs_vars = [_lhs_var(lhs, rhs, rw) for lhs, rhs, _ in defs]
    indices = sum_indices(nodes)
    subs = [v.sub for v in lhs_vars if v.call is None and v.expression is None]
    rhs_nodes = [t for _, rhs, _ in defs for t in rhs]
    free = free_indices(subs, rhs_nodes, indices) if rw.free_ok and len(defs) == 1 else set()
    rw.plan_reductions(nodes, indices, free)  # several indices: each on its own axis (axes.py)
    # f(t) = ... defined on the line and called elsewhere: a helper function
    flat = flatten(nodes)
    for var in lhs_vars:
        calls = _calls(flat, var.base)
        density = var.call is not None and density_value(var.base, var.call)  # p(y | x) = ...: a value
        in_place = rw.update_rule and var.call is not None and _updated_in_place(flat, var, calls)
        helper = var.call is not None and not var.sub and len(calls) > 1 and single_vars(var.call)
        if helper and not density and not in_place:
            rw.helpers[var.base] = "\\fn" + re.sub(r"[^A-Za-z]", "", var.base)
    paper = _paper_helpers(rw, nodes, functions or {}, {v.base for v in lhs_vars})
    helper_defs = [_helper_definition(rw, var, rhs) for var, rhs in paper]
    definitions, outputs = _definitions(rw, lhs_vars, defs)
    return rw, helper_defs, definitions, outputs


_UPDATE_ARROW = re.compile(r"\\(?:leftarrow|gets)(?![A-Za-z])")


def _calls(flat: list[Any], name: str) -> list[int]:
    """Where the line calls the function `name` (`p_D(x)` calls p_D, not D)."""
    named = [k for k, t in enumerate(flat) if (cmd_of(t) or str(t)) == name and flat[k + 1 : k + 2] == ["("]]
    return [k for k in named if flat[k - 1 : k] not in (["_"], ["^"])]


def _updated_in_place(flat: list[Any], var: Var, calls: list[int]) -> bool:
    """Whether the line, whose calls of var's function are at `calls`, calls it again at var's own arguments
    (`Q(s_t, a_t) \\leftarrow Q(s_t, a_t) + \\alpha [r + \\gamma \\max_{a'} Q(s_{t+1}, a') - Q(s_t, a_t)]`):
    an update of a table's value, read from its old values, not a function defined in terms of itself."""
    point = [str(t) for t in flatten(var.call or [])]
    width = len(point)
    at_point = [k for k in calls if [str(t) for t in flat[k + 2 : k + 2 + width]] == point]
    return len(at_point) > 1 and all(flat[k + 2 + width : k + 3 + width] == [")"] for k in at_point)


def _lhs_var(lhs: list[Any], rhs: list[Any], like: Rewriter | None = None) -> Var:
    """The variable a definition names; refused (with the right-hand side's reason first, read as `like`
    reads: the same paper's functions) when the left-hand side is not one variable."""
    if len(lhs) == 1 and isinstance(lhs[0], Group):  # {\\bm{Y}} = ...
        lhs = lhs[0].items
    lhs = without_optimisation(lhs)  # \\min_\\theta L(\\theta) = ...: the output is L
    var, end = (
        Rewriter().read_var(lhs, 0, lhs=True)
        if lhs and (cmd_of(lhs[0]) or str(lhs[0]).isalpha())
        else (None, 0)
    )
    if var is None or end != len(lhs):
        probe = Rewriter(learning=True, callables=like.callables if like else frozenset())
        probe.given = like.given if like else frozenset()
        probe.emit(rhs)  # a reason found on the right-hand side is the more telling one
        return _expression_var(lhs)
    if cmd_of(lhs[0]) in FUNCS or cmd_of(lhs[0]) in NAMED_OPERATORS:
        raise Unsupported(f"the left-hand side redefines \\{cmd_of(lhs[0])}: not one the oracle can read")
    return var


LHS_RELATIONS = {"approx", "simeq", "propto", "sim", "in", "ne", "neq", "lim", "forall", "to", "rightarrow"}


FONTS = {"mathbb", "mathds", "mathcal", "mathscr", "mathsf", "mathfrak", "frac", "dfrac", "tfrac"}


def _words(nodes: list[Any]) -> list[str]:
    """The words of an expression, for a name: letters, digits and command names (`\\operatorname{Var}`
    one word), without brackets, sizes and fonts."""
    words: list[str] = []
    i = 0
    while i < len(nodes):
        t, c = nodes[i], cmd_of(nodes[i])
        if isinstance(t, Group):
            words += _words(t.items)
        elif (c in TEXT_NAMES or DECOR_SUFFIX.get(c)) and i + 1 < len(nodes):  # \\text{Var}, \\hat{y}
            words.append(name_of(items_of(nodes[i + 1])) + DECOR_SUFFIX.get(c, ""))
            i += 1
        elif c and c not in SKIP | BOLD | FONTS and DECOR_SUFFIX.get(c) != "":
            words.append(c)
        elif not c and isinstance(t, str) and t.isalnum():
            if words and _letter_run(nodes, i):
                words[-1] += t  # `Loss` spelled letter by letter: one word
            else:
                words.append(t)
        i += 1
    return words


def _letter_run(nodes: list[Any], i: int) -> bool:
    """The letter at i follows another letter that is no script: `Loss` spelled letter by letter."""
    def letter(k: int) -> bool:
        return k >= 0 and isinstance(nodes[k], str) and len(nodes[k]) == 1 and nodes[k].isalpha()

    return letter(i) and letter(i - 1) and (i < 2 or nodes[i - 2] not in ("_", "^"))


def _sum_times_factor(nodes: list[Any]) -> bool:
    """`(J^T J + s I) x`: a bracket holding a sum, applied to nothing (it opens the side or follows an
    operator), with a factor after it; `E[(x - c)^2]`, `f(x + 1)` apply a name to theirs."""
    for k, t in enumerate(nodes):
        opens = not k or (isinstance(nodes[k - 1], str) and nodes[k - 1] in ("+", "-", "="))
        bracket = isinstance(t, Group) and t.items[:1] == ["("] and opens  # \overbrace{(A + B)}^{=M} x
        if bracket and _sum_times_factor([*t.items, *nodes[k + 1 : k + 2]]):
            return True
        if t != "(" or not opens or ")" not in nodes[k:]:
            continue
        j = matching(nodes, k)
        inner = nodes[k + 1 : j]
        if j + 1 < len(nodes) and nodes[j + 1] != "^" and any(x in ("+", "-") for x in inner[1:]):
            return True
    return False


def _outside_scripts(nodes: list[Any]) -> list[Any]:
    """The tokens of nodes (groups opened) without what sub- and superscripts hold."""
    out: list[Any] = []
    for k, t in enumerate(nodes):
        if k and nodes[k - 1] in ("_", "^"):
            continue
        out += _outside_scripts(t.items) if isinstance(t, Group) else [t]
    return out


_REDUCING = {"sum", "prod"}  # integrals have their own refusal


def _expression_var(lhs: list[Any]) -> Var:
    """A left-hand side that is an expression (`\\log p(x)`, `|\\det J|`, `\\nabla_\\theta L`) names the
    quantity the implementation returns: a target named after its words. One that holds a relation
    (`a \\le b = c`, `\\lim ... = 0`) is a bound or a statement, not a definition."""
    flat = flatten(lhs)
    unscripted = _outside_scripts(lhs)  # `\\mathbb{E}_{x \\sim p}[...]`: the \\sim is the expectation's
    if at_top_level(lhs, ","):  # `f_t, i_t, o_t = \\sigma(W_{f,i,o} x)`: one formula for each, shorthand
        raise Unsupported("the left-hand side lists several quantities (a, b = ...): which one is computed?")
    for t in unscripted:
        if isinstance(t, str) and (t in RELATIONS or cmd_of(t) in LHS_RELATIONS):
            raise Unsupported(
                f"the left-hand side holds a relation ({t}): a bound or a statement, not a definition"
            )
    if any(cmd_of(t) in _REDUCING for t in unscripted):  # `E[Σ_k Δ_k] = E[Σ_k Δ~_k]`: two sums equal
        raise Unsupported(
            "the left-hand side is itself a computation (a sum or a product): the line states an "
            "identity between two computations, not a definition of one quantity"
        )
    words = (["abs"] if flat[:1] == ["|"] else []) + _words(lhs)
    if not any(w.isalpha() for w in words):
        raise Unsupported("the left-hand side is not a single variable, so there is nothing to name")
    name = py_name("_".join(words))[:40].rstrip("_")
    return Var(name=name, base=name, expression=lhs)


def _given_helpers_called_once(
    helpers: list[dict[str, Any]], definitions: list[dict[str, Any]], sampled: bool
) -> None:
    """A paper function whose body, as read, ignores its parameters (`R(z) = \\log P_\\theta(y | z)`: the
    model's value is given whole) stands for one given value: called at two points (`R(z)`, `R(z')`) or
    under an expectation (`\\mathbb{E}_z[e^{R(z)}]`), one value would serve for all. Refused."""
    text = " ".join(side for d in definitions for side in [d.get("rhs", ""), *d.get("links", [])])
    for h in helpers:
        if not h["params"] or any(f"\\{p}" in h["rhs"] for p in h["params"]):
            continue
        points = set(re.findall(rf"\\{h['function']}\(([^()]*)\)", text))
        if sampled or len(points) > 1:
            raise GivenWhole(
                f"the paper's function {h['function'][2:]}(...) is read with a value inside it given whole, "
                "which does not follow its arguments; the line calls it at several points or under an "
                "expectation: test it by hand",
                h["function"][2:],
            )


def _helper_definition(rw: Rewriter, var: Var, rhs: list[Any]) -> dict[str, Any]:
    """`f(x) = body`: its parameters are not inputs (unless the line uses them elsewhere too)."""
    params, names = [], []
    for p in split_args(var.call or []):
        p = p[0].items if len(p) == 1 and isinstance(p[0], Group) else p  # `h({L})`: the parameter L
        pv, _ = rw.read_var(p, 0)
        params.append(rw.placeholder(pv.name, is_input=False))
        names.append(pv.name)
    before, conditions = set(rw.inputs), len(rw.conditions)
    body = rw.emit(rhs)
    _not_recursive(var.base, rhs)
    # a condition on the body's parameters (`\phi(x) = \max(x^3, 0)`) cannot be probed on the line's inputs
    kept = [c for c in rw.conditions[conditions:] if not any(re.search(rf"\\{p}\b", c) for p in params)]
    rw.conditions[conditions:] = kept
    rw.inputs = [n for n in rw.inputs if n in before or n not in names]
    return {"function": rw.helpers[var.base][1:], "params": params, "rhs": body}


def _is_alias(nodes: list[Any]) -> bool:
    """A link of a chain that only names the quantity (`h(x) = z = ...`): nothing to check."""
    if not (isinstance(nodes[0], str) and (cmd_of(nodes[0]) or nodes[0].isalpha())):
        return False
    try:
        var, end = Rewriter().read_var(nodes, 0, lhs=True)
    except (Unsupported, IndexError):
        return False
    return end == len(nodes) and var.call is None


def _checkable_sides(rw: Rewriter, sides: list[list[Any]]) -> tuple[list[list[Any]], list[str]]:
    """The right-hand sides of a chain `a = b = c` the oracle checks, and a note for each it leaves out:
    a renaming (`h(x) = z = ...`, a side that is one input) or a side it cannot evaluate (tried on a copy).
    Refused when no side is left: with the first side's reason, else as a renaming."""
    import copy

    kept, notes, reasons = [], [], []
    for side in sides:
        shown = latex_of(side)[:60]
        if _is_alias(side):
            notes.append(f"{shown}: a renaming")
            continue
        trial = copy.deepcopy(rw)
        try:
            emitted = trial.emit(side)
        except Unsupported as exc:
            if _states(side):  # `= b \\le c`, `= b \\approx c`: the line is a bound or a statement
                raise
            reasons.append(str(exc))
            notes.append(f"{shown}: not evaluated ({exc})")
            continue
        if _one_input(emitted):
            notes.append(f"{shown}: one input, a renaming")
            continue
        kept.append(side)
    if not kept:
        raise Unsupported(reasons[0] if reasons else "the chain only renames variables: nothing to evaluate")
    return kept, notes


def _states(nodes: list[Any]) -> bool:
    """A side that holds a relation (`b \\le c`, `b \\approx c`, `\\Rightarrow`): not one value."""
    more = {"Rightarrow", "implies", "iff", "ll", "gg", "cong", "leftrightarrow", "Leftrightarrow"}
    return any(t in RELATIONS or cmd_of(t) in LHS_RELATIONS | more for t in flatten(nodes))


OPERATORS = {"+", "-", "*", "/", "(", "[", "=", ",", "\\cdot", "\\times"}


def _emits(rw: Rewriter, nodes: list[Any], target: str) -> bool:
    """Whether the nodes are plain algebra without the target itself, in the right-hand side's inputs only
    (tried on a copy: a refusal half-way leaves rw as it was)."""
    import copy

    flat = flatten(nodes)
    if any(t == "(" and k and flat[k - 1] not in OPERATORS for k, t in enumerate(flat)):
        return False  # `R^2(y, \\hat{y})`, `p(x)`: a name with its arguments, not algebra to check
    trial = copy.deepcopy(rw)
    try:
        emitted = trial.emit(nodes)
    except (Unsupported, IndexError):
        return False
    if set(trial.inputs) - set(rw.inputs):  # `\\text{NSR}^2 = ...`: the quantity's name, not an identity
        return False
    return target not in trial.inputs and not _one_input(emitted)  # `\\nabla_x L = ...`: a name, no check


def _several_terms(nodes: list[Any]) -> bool:
    """Whether a side holds `+` or `-` between terms at its top level (a leading sign does not count)."""
    return any(t in ("+", "-") and k and depth_at(nodes, k) == 0 for k, t in enumerate(nodes))


def _one_input(emitted: str) -> bool:
    """One input, maybe transposed (`{\\zzC} ^{\\zzTR}`): a name for a value, nothing computed."""
    return bool(re.fullmatch(r"\s*\{\\zz[A-Za-z]+\}\s*(\^\{\\zzTR\})?\s*", emitted))


CONSTANT_SIDE = (
    "an expression set equal to a constant (`... = 0`): a condition the inputs must meet (an ODE, an "
    "optimality condition), not a value to compute"
)


def _definitions(
    rw: Rewriter, lhs_vars: list[Var], defs: list[tuple[list[Any], list[Any], list[list[Any]]]]
) -> tuple[list[dict[str, Any]], list[str]]:
    """Each definition rewritten (a helper function, or a target, its right-hand side and the chain's further
    links), and the targets."""
    definitions: list[dict[str, Any]] = []
    outputs: list[str] = []
    for var, (_, rhs, links) in zip(lhs_vars, defs, strict=True):
        if var.base in rw.helpers and var.call is not None and not links:
            definitions.append(_helper_definition(rw, var, rhs))
            continue
        sides, unchecked = _checkable_sides(rw, [rhs, *links]) if links else ([rhs], [])
        target = (
            var.name if var.call is None else py_name(var.base + ("_" + name_of(var.sub) if var.sub else ""))
        )
        if rw.free and var.call is None:
            target = py_name(var.base)  # y_i over a free i: the vector y
        definition: dict[str, Any] = {"target": target, "rhs": rw.emit(sides[0])}
        if var.expression is not None and "\\zz" not in definition["rhs"]:
            raise Unsupported(CONSTANT_SIDE)
        if var.expression is not None and _emits(rw, var.expression, target):
            sides.append(var.expression)  # an identity: its left-hand side is a link to check
        elif var.expression is not None and cmd_of(var.expression[0]) in ("int", "iint", "oint"):
            raise Unsupported(  # \\int_\\Theta p(\\theta | x) d\\theta = 1 - \\alpha: a condition
                "an integral set equal to an expression: a condition on it (a normalisation, a coverage), "
                "not a value to compute"
            )
        elif var.expression is not None and _several_terms(var.expression):
            raise Unsupported(  # \\ddot{X} + a \\dot{X} + \\nabla f(X) = F: an ODE, no value named
                "the left-hand side is a sum of terms the oracle cannot evaluate (an ODE, a balance): the "
                "line names no value to compute"
            )
        elif var.expression is not None and _sum_times_factor(var.expression):
            raise Unsupported(  # (J^T J + s I) x = J^T y: a linear system, x its unknown
                "the left-hand side holds a sum inside a product (`(A + B) x = c`): an equation to solve for "
                "a quantity inside it, not a definition of one"
            )
        if sides[1:]:
            definition["links"] = [rw.emit(side) for side in sides[1:]]
        if unchecked:
            definition["unchecked"] = unchecked
        definitions.append(definition)
        outputs.append(target)
    return definitions, outputs
