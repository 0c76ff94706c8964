"""Reductions laid out on separate axes: nested sums over different indices, an index used as a value, a sum
beside matrices.

Convention (spec "axes", evaluated by the runtime): each summation index of the line gets its own axis; an
input written with index subscripts carries those axes in the order it writes them (`x_{ij}`, `x_{i,j}`: a
matrix x[i, j]; `l_{g,i}`: the vector l_g over i; `\\Sigma^{[t]}`: Sigma over t), so `w_i` and `w_j` are the
same vector on two axes; `\\sum_i` / `\\prod_i` reduce the axis of i. An index written as a value (`k` in
`\\theta_k \\Lambda^k`, `A^j`) is the integer range of its sum, from the lower bound written, so its bounds
must be written (`\\sum_{k=0}^{K-1}`). A length symbol N in an upper bound (`N`, `N - 1`, `N + 1`) is
VECTOR_LEN and the axis holds as many entries as the range counts; an integer upper bound fixes them.
Refused, with the reason: an index shifted in a subscript (`x_{t+1}`, `w_{k-1-j}`), a repeated one
(`x_{ii}`), a range that depends on another index (`\\sum_{r=0}^{i-1}`), one index with two ranges, an input
written both with and without its index, and a norm on such a line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from tools.trace.oracle_latex.nodes import Group, cmd_of, flatten, items_of, name_of, plain_set, py_name
from tools.trace.oracle_latex.variables import is_mark
from tools.trace.oracle_latex.vocabulary import BOLD, TEXT_NAMES, FreeIndex, Unsupported

AXIS_PREFIX = "zzAX"  # the placeholder of an index's axis: zzAXi


@dataclass(frozen=True)
class Range:
    """What a sum writes about its index: lower bound, upper bound (an integer, or a length symbol plus an
    offset); None where it writes nothing the oracle reads."""

    index: str
    lower: int | None = None
    upper: int | None = None
    length: str | None = None
    offset: int = 0

    def as_spec(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "symbol": AXIS_PREFIX + self.index,
            "lower": self.lower,
            "upper": self.upper,
            "length": self.length,
            "offset": self.offset,
        }


def _integer(tokens: list[Any]) -> int | None:
    text = "".join(str(t) for t in tokens)
    try:
        return int(text)
    except ValueError:
        return None


def _length_symbol(tokens: list[Any]) -> str | None:
    """`N`, `N_V`, `K`: the Python name of a length symbol (as the rewriter names it), else None."""
    if len(tokens) == 1 and isinstance(tokens[0], str) and tokens[0].isalpha():
        return tokens[0]
    if len(tokens) >= 3 and isinstance(tokens[0], str) and tokens[0].isalpha() and tokens[1] == "_":
        sub = tokens[2:]
        if all(isinstance(t, str) and t.isalnum() for t in sub):
            return py_name(f"{tokens[0]}_{name_of(sub)}")
    return None


def read_range(index: str, lower: list[Any], upper: list[Any] | None, indices: set[str]) -> Range:
    """The range of one sum from its bounds' tokens (`_{i=1}` gives lower ['1']; `^{N-1}` upper)."""
    low = _integer(flatten(lower)) if lower else None
    if upper is None:
        return Range(index, low)
    flat = flatten(upper)
    others = [t for t in flat if t in indices and t != index]
    if others:
        raise Unsupported(
            f"the range of {index} depends on the index {others[0]} of another sum (a triangular sum): "
            "the oracle lays each index on an axis of fixed length"
        )
    whole = _integer(flat)
    if whole is not None:
        return Range(index, low, upper=whole)
    for k in range(len(flat) - 1, 0, -1):  # N - 1, K + 2: a length symbol and an integer offset
        if flat[k] in ("+", "-"):
            offset = _integer(flat[k + 1 :])
            symbol = _length_symbol(flat[:k])
            if offset is not None and symbol:
                return Range(index, low, length=symbol, offset=offset if flat[k] == "+" else -offset)
            break
    return Range(index, low, length=_length_symbol(flat))


def uses_index_as_value(nodes: list[Any], indices: set[str]) -> bool:
    """Whether a summation index is written outside a subscript (a weight `i x_i`, a power `\\Lambda^k`)."""
    i = 0
    while i < len(nodes):
        t = nodes[i]
        c = cmd_of(t)
        if t == "_" or (t == "^" and i + 1 < len(nodes) and is_mark(nodes[i + 1])) or c in TEXT_NAMES:
            i += 2
            continue
        if c in ("sum", "prod"):
            i += 1
            while i + 1 < len(nodes) and nodes[i] in ("_", "^"):
                i += 2
            continue
        if isinstance(t, Group) and uses_index_as_value(t.items, indices):
            return True
        if isinstance(t, str) and t in indices:
            return True
        i += 1
    return False


def _shift(part: list[Any], indices: set[str]) -> int | None:
    """`t+1` -> 1, `t-2` -> -2 (an index plus an integer), else None."""
    if len(part) > 2 and part[0] in indices and part[1] in ("+", "-"):
        step = _integer(part[2:])
        if step is not None:
            return step if part[1] == "+" else -step
    return None


def shifts_an_index(nodes: list[Any], indices: set[str]) -> bool:
    """Whether a subscript does arithmetic on a summation index (`x_{t+1}`, `w_{k-1-j}`)."""
    for k, t in enumerate(nodes):
        if isinstance(t, Group) and shifts_an_index(t.items, indices):
            return True
        if t == "_" and k + 1 < len(nodes):
            flat = flatten(items_of(nodes[k + 1]))
            if set(flat) & indices and {"+", "-"} & set(flat):
                return True
    return False


def _latin_base(nodes: list[Any], k: int) -> bool:
    """Whether the base of the `^` at k is a plain Latin letter (`x^i`, `y_t^i`), past its subscript."""
    j = k - 1
    if j >= 2 and nodes[j - 1] == "_":
        j -= 2
    if j < 0 or (j >= 1 and cmd_of(nodes[j - 1]) in BOLD):  # \\mathbf{A}^j: a matrix power
        return False
    t = nodes[j]
    if isinstance(t, Group) and t.items and cmd_of(t.items[0]) in BOLD:  # {\\bm{A}}^j
        return False
    if isinstance(t, Group) and len(t.items) == 1:
        t = t.items[0]
    return isinstance(t, str) and len(t) == 1 and t.isalpha() and t != "e"


def check_superscript_indices(nodes: list[Any], indices: set[str]) -> None:
    """A summation index in the superscript of a Latin letter (`x^i`, `y^i_t`, `h^{t-1}`) may be a power or
    an index written on top: refused. On a Greek letter, a number, a bracket or a matrix (`\\lambda^k`,
    `2^k`, `(1 - p)^k`, `\\mathbf{A}^j`) it is a power."""
    for k, t in enumerate(nodes):
        if isinstance(t, Group):
            check_superscript_indices(t.items, indices)
        elif t == "^" and k + 1 < len(nodes) and not is_mark(nodes[k + 1]):
            held = set(flatten(items_of(nodes[k + 1]))) & indices
            if held and _latin_base(nodes, k):
                raise Unsupported(
                    f"a summation index ({sorted(held)[0]}) in the superscript of a letter: a power or an "
                    "index written on top?"
                )


def written_ranges(nodes: list[Any], indices: set[str], out: dict[str, set[Range]]) -> None:
    """Each index's ranges as the line's sums write them (into out)."""
    for k, t in enumerate(nodes):
        if isinstance(t, Group):
            written_ranges(t.items, indices, out)
        if cmd_of(t) in ("sum", "prod"):
            sub, sup, _ = sum_bounds(nodes, k)
            flat = flatten(sub or [])
            letters = written_indices(flat)
            try:
                lower, _ = bound_and_condition(letters, flat)
            except Unsupported:
                lower = []  # refused where the sum is read
            for index in letters:
                out.setdefault(index, set()).add(read_range(index, lower, sup, indices))


def free_indices(subs: list[list[Any]], rhs: list[Any], indices: set[str]) -> set[str]:
    """The index letters a target's subscript holds (`y_i`, `A_{ij}`) that the right-hand side writes in its
    subscripts and no sum runs over: one output per entry, each on its own axis. Only beside a sum (a line
    without one keeps the elementwise reading) and only when every letter of the subscript is such an
    index (`D_{kl}` names a divergence, not a matrix)."""
    if not indices:
        return set()
    written = _subscripted(rhs)
    out: set[str] = set()
    for sub in subs:
        letters = [t for t in flatten(sub) if t != ","]
        index_like = all(isinstance(t, str) and len(t) == 1 and t.islower() and t in written for t in letters)
        if letters and index_like:
            out |= set(letters) - indices
    return out


def _subscripted(nodes: list[Any]) -> set[str]:
    """The letters written in the subscripts of nodes (at any depth)."""
    out: set[str] = set()
    for k, t in enumerate(nodes):
        if isinstance(t, Group):
            out |= _subscripted(t.items)
        elif t == "_" and k + 1 < len(nodes):
            out |= {x for x in flatten(items_of(nodes[k + 1])) if isinstance(x, str) and len(x) == 1}
    return out


def subscript_letters(sub: list[Any], indices: set[str]) -> tuple[list[str], list[str], list[int]] | None:
    """A subscript's index letters, its other parts and each index's shift: `ij` / `i,j` -> ([i, j], [],
    [0, 0]); `g,i` -> ([i], [g], [0]); `t+1` -> ([t], [], [1]); None when it holds no summation index. An
    index inside other arithmetic (`k-1-j`, `2t`) or repeated is refused."""
    flat = flatten(sub)
    if not any(t in indices for t in flat):
        return None
    parts: list[list[Any]] = [[]]
    for t in flat:
        if t == ",":
            parts.append([])
        else:
            parts[-1].append(t)
    letters: list[str] = []
    fixed: list[str] = []
    shifts: list[int] = []
    for part in parts:
        step = _shift(part, indices)
        if step is not None:
            letters.append(str(part[0]))
            shifts.append(step)
        elif part and all(t in indices for t in part):
            letters += [str(t) for t in part]
            shifts += [0] * len(part)
        elif any(t in indices for t in part) and all(isinstance(t, str) and t.isalpha() for t in part):
            free = "".join(str(t) for t in part if t not in indices)
            raise FreeIndex(
                f"the subscript {name_of(sub)} holds {free}, which no sum on the line runs over: an "
                "index left free (one output per entry) is not supported"
            )
        elif any(t in indices for t in part):
            raise Unsupported(
                f"the subscript {name_of(sub)} shifts or combines a summation index: the oracle lays each "
                "index on its own axis and cannot shift one"
            )
        else:
            fixed.append(name_of(part))
    if len(set(letters)) < len(letters):
        raise Unsupported(f"the subscript {name_of(sub)} repeats an index (a diagonal): not supported")
    return letters, fixed, shifts


def written_indices(flat: list[Any]) -> list[str]:
    """The index letters a sum's subscript starts with: `i=1` -> [i]; `i,j=0` -> [i, j]; [] for none."""
    letters: list[str] = []
    k = 0
    while k < len(flat) and isinstance(flat[k], str) and len(flat[k]) == 1 and flat[k].isalpha():
        letters.append(flat[k])
        if flat[k + 1 : k + 2] != [","]:
            break
        k += 2
    return letters


# relations a sum's subscript may set between its index and another (`j \\neq i`, `j < i`)
RELATIONS = {"\\neq": "ne", "\\ne": "ne", "<": "lt", "\\lt": "lt", ">": "gt", "\\gt": "gt", "\\le": "le"}
RELATIONS |= {"\\leq": "le", "\\leqslant": "le", "\\ge": "ge", "\\geq": "ge", "\\geqslant": "ge"}
CONDITION = "a sum over a set or a condition is not supported"
SCRIPTED_INDEX = (
    "a sum whose index carries a subscript (h_{\\ell-1}=1) is not read: write its index as a plain letter"
)


def bound_and_condition(letters: list[str], flat: list[Any]) -> tuple[list[Any], tuple[str, str] | None]:
    """What a sum's subscript writes after its indices: the lower bound's tokens and a condition on its
    index: `j=1` -> (['1'], None); `j \\neq i` -> ([], ('ne', 'i')); `j=1, j \\neq i` -> (['1'], ('ne', 'i')).
    Any other condition (a set, `i+j=n`, two conditions) is refused: read without it, the sum is another."""
    rest = flat[max(2 * len(letters) - 1, 0) :]
    if not rest:
        return [], None
    if rest[0] in RELATIONS and len(letters) == 1:
        return [], _condition(letters[0], [letters[0], *rest])
    if "=" in rest and rest[:1] in (["_"], ["^"]):
        raise Unsupported(SCRIPTED_INDEX)
    if rest[0] != "=" or "\\in" in rest:
        raise Unsupported(CONDITION)
    if "," not in rest:
        return rest[1:], None
    k = rest.index(",")
    return rest[1:k], _condition(letters[0] if len(letters) == 1 else "", rest[k + 1 :])


def unbound_condition(other: str) -> str:
    return (
        f"the sum's condition compares its index with {other}, which no enclosing sum runs over: a given "
        "index (one value of the output per index?) the oracle does not lay out"
    )


def _condition(index: str, tokens: list[Any]) -> tuple[str, str]:
    """`j \\neq i` about the sum's own index j -> ('ne', 'i'), else refused."""
    if len(tokens) == 3 and tokens[0] == index and tokens[1] in RELATIONS:
        other = tokens[2]
        if isinstance(other, str) and len(other) == 1 and other.isalpha() and other != index:
            return RELATIONS[tokens[1]], other
    raise Unsupported(CONDITION)


def merged(ranges: dict[str, Range], new: Range, key: str) -> str:
    """Record a sum's range on the axis `key` (its index's current axis) and return the axis it runs over:
    that one for the same range (or where either writes none), else a new axis (`\\sum_{t=1}^{T}` and
    `\\sum_{t=1}^{T-1}` are two sums over two axes; each use of t belongs to the last sum over t before
    it, and the runtime refuses a use outside that sum)."""
    old = ranges.get(key)
    if old is None or old == replace(new, index=key) or old == Range(key):
        ranges[key] = replace(new, index=key)
        return key
    if new == Range(new.index):  # `\\sum_i` after `\\sum_{i=1}^{N}`: the same axis
        return key
    fresh = new.index + "q"
    while fresh in ranges:
        fresh += "q"
    ranges[fresh] = replace(new, index=fresh)
    return fresh


def sum_bounds(nodes: list[Any], i: int) -> tuple[list[Any] | None, list[Any] | None, int]:
    """The subscript and superscript groups after the \\sum at i, and the index after them."""
    sub = sup = None
    i += 1
    while i + 1 < len(nodes) and nodes[i] in ("_", "^"):
        if nodes[i] == "_":
            sub = items_of(nodes[i + 1])
        else:
            sup = items_of(nodes[i + 1])
        i += 2
    return sub, sup, i


class AxisReductions:
    """Rewriter methods for the axis layout (mixed into Rewriter); self.axes is None on a line that keeps the
    one-axis layout (one index, no index as a value, no matrix)."""

    axes: dict[str, Range] | None
    indexed: dict[str, list[Any]]
    indices: set[str]
    inputs: list[str]
    symbols: dict[str, str]
    tensors: dict[str, str]
    typing: Any
    in_norm: int
    sampled: set[str]
    lengths: set[str]
    vectors: set[str]
    free: set[str]
    sum_index: str | None

    def placeholder(self, py: str, *, is_input: bool = True) -> str:
        raise NotImplementedError

    def plan_reductions(self, nodes: list[Any], indices: set[str], free: set[str] = frozenset()) -> None:
        """The line's summation indices, and whether they need the axis layout: sums over different
        indices, an index used as a value, a sum beside matrices and vectors, or an index the target keeps
        free (`y_i = \\sum_j w_{ij} x_j`: one output per i)."""
        self.free = set(free)
        indices = indices | self.free
        self.indices = indices
        check_superscript_indices(nodes, indices)
        self.bound: dict[str, str] = {}  # an index -> the axis of the last sum over it
        self.masks: dict[str, list[list[str]]] = {}  # an axis -> [relation, other axis] it keeps
        self.normed: set[str] = set()  # inputs written with indices inside a norm (`||y_{j,t}||`)
        self.unnormed: set[str] = set()  # ... and outside one
        several = len(indices) > 1  # several sums, or one over `i,j`
        value = uses_index_as_value(nodes, indices) or shifts_an_index(nodes, indices)
        ranges: dict[str, set[Range]] = {}
        written_ranges(nodes, indices, ranges)  # one index over two ranges: two axes
        several = several or any(len(r - {Range(i)}) > 1 for i, r in ranges.items())
        if indices and (several or value or self.tensors or self.free):
            self.axes = {}
            for letter in sorted(self.free):  # an output axis, over the inputs' whole length
                self.axes[letter] = Range(letter)
                self.bound[letter] = letter

    def axis_reduction(self, nodes: list[Any], i: int, c: str) -> tuple[str, int]:
        """A \\sum / \\prod at i on the axis layout: its range recorded, `\\sum_{\\zzAXi=1}^{\\zzlen}`;
        `\\sum_{i,j=1}^{N}` is a sum over i and over j, each with that range."""
        assert self.axes is not None
        sub, sup, end = sum_bounds(nodes, i)
        flat = flatten(sub or [])
        letters = written_indices(flat)
        if not letters:
            raise Unsupported("a sum without its index written, on a line the oracle lays out on axes")
        rest = flat[2 * len(letters) - 1 :]
        if rest[:1] == ["\\in"] and len(letters) == 1 and plain_set(rest[1:]):
            rest = []  # `\\sum_{b \\in \\mathcal{A}}`: over all of b's axis
        if "\\in" in rest:
            raise Unsupported("a sum over a set is not supported")
        lower, condition = bound_and_condition(letters, flat if rest else flat[: 2 * len(letters) - 1])
        text = ""
        for index in letters:
            found = read_range(index, lower, sup, self.indices)
            key = merged(self.axes, found, self.bound.get(index, index))
            self.bound[index] = key
            if found.length:
                self.lengths.add(found.length)
            if condition:
                self.condition(key, found, condition)
            text += f"\\{c}_{{\\{AXIS_PREFIX}{key}=1}}^{{\\zzlen}} "
        self.sum_index = letters[0]
        return text, end

    def condition(self, key: str, found: Range, condition: tuple[str, str]) -> None:
        """`\\sum_{j \\neq i}` inside a sum over i: the runtime leaves out the terms the condition excludes,
        comparing positions, so both indices run over one range (an unwritten one takes the other's)."""
        assert self.axes is not None
        op, other = condition
        if other not in self.bound:
            raise FreeIndex(unbound_condition(other))
        there = self.axes[self.bound[other]]
        if found == Range(found.index):
            self.axes[key] = replace(there, index=key)
        elif replace(self.axes[key], index="") != replace(there, index=""):
            raise Unsupported("the sum's condition compares two indices that run over different ranges")
        self.masks.setdefault(AXIS_PREFIX + key, []).append([op, AXIS_PREFIX + self.bound[other]])

    def per_term(self, vector: str, at_index: list[str]) -> str:
        """`\\ell(x_i, y_i)` inside a sum over i: one value per term (a vector, or an array over the axes)."""
        if self.axes is None:
            self.vectors.add(vector)
            return f"{{\\{self.placeholder(vector)}}}"
        return self._occurrence(vector, list(dict.fromkeys(at_index)), None)

    def check_call_indices(self, var: Any, at_index: list[str]) -> None:
        """On the axis layout, a function value given as an input is one per term only as `\\ell(x_i, y_j)`:
        an index inside a longer subscript of an argument (`x_{ij}`), or on a function with a subscript
        (`\\ell_k(x_i)`, `\\epsilon_\\theta(x_t)`), is refused rather than read as one value for all terms."""
        if self.axes is None:
            return
        held = {t for t in flatten([*var.sub, *(var.call or [])]) if t in self.indices}
        if held and (var.sub or held != set(at_index)):
            raise Unsupported(
                f"{var.base}(...) holds a summation index the oracle cannot lay out (inside a subscript of "
                "an argument, or with a subscripted function)"
            )

    def indexed_gradient(self, var: Any, wrt: str) -> str | None:
        """`\\nabla \\ell_i` with a sum over i on the line: one gradient per term (`grad_ell` over i), or
        None when the gradient carries no summation index."""
        if var.call is not None and set(flatten(var.call)) & self.indices:
            raise Unsupported(
                f"\\nabla {var.base}(...) with a summation index in the parentheses: the gradient at that "
                "point, or the gradient times it?"
            )
        found = subscript_letters(var.sub, self.indices) if var.sub else None
        if found is None:
            return None
        if var.call is not None:
            raise Unsupported(
                f"\\nabla {var.base}_{{...}}(...) inside a sum: the gradient at (...) or times (...)?"
            )
        letters, fixed, shifts = found
        name = py_name("_".join(["grad", wrt, var.base, *fixed]))[:56].rstrip("_")
        if self.axes is not None:
            return self._occurrence(name, letters, None, shifts)
        if len(letters) > 1 or any(shifts):
            raise Unsupported(f"\\nabla {var.base} carries two summation indices on a one-axis line")
        return self.per_term(name, letters)

    def axis_var(self, var: Any) -> str | None:
        """A variable on the axis layout: an index value, an indexed occurrence; None for anything else and
        on the one-axis layout."""
        if self.axes is None:
            if var.base in self.indices and not var.sub:
                raise Unsupported(f"the summation index {var.base} is used as a value (position weights)")
            return None
        if var.base in self.indices:
            if var.sub or var.call is not None:
                raise Unsupported(f"the summation index {var.base} carries a subscript or arguments")
            key = self.bound.get(var.base)
            if key is None:
                raise Unsupported(f"the summation index {var.base} is used outside its sum")
            if self.axes[key].lower is None:
                raise Unsupported(
                    f"the summation index {var.base} is used as a value but its sum writes no lower bound"
                )
            return f"{{\\{AXIS_PREFIX}{key}}}"
        found = subscript_letters(var.sub, self.indices) if var.sub else None
        marks = [m for m in var.marks if m in self.indices]
        if found is None and not marks:
            return None
        letters, fixed, shifts = found or ([], [name_of(var.sub)] if var.sub else [], [])
        if marks and (letters or len(var.marks) > 1):
            raise Unsupported(f"{var.base} carries indices both as a subscript and as a mark")
        base = var.plain if marks else var.base
        name = py_name("_".join([base, *fixed]))
        return self._occurrence(name, letters or marks, self.tensors.get(var.name), shifts)

    def _occurrence(self, name: str, letters: list[str], kind: str | None, shifts: Any = None) -> str:
        """The input `name` written with these index letters (each maybe shifted: `x_{t+1}`): one symbol per
        way it is written."""
        from tools.trace.oracle_latex.operators import note_input

        if self.in_norm and kind is not None:
            raise Unsupported("a norm of a matrix or vector entry on a line whose sums run over several axes")
        (self.normed if self.in_norm else self.unnormed).add(name)
        letters = [self.bound.get(x, x) for x in letters]
        moved = "".join(f"{'p' if c > 0 else 'm'}{abs(c)}" if c else "" for c in shifts or [])
        occurrence = py_name(f"{name}_at_{''.join(letters)}{'_' + moved if moved else ''}")
        earlier = next((v for v in self.indexed.values() if v[0] == name), None)
        if earlier is not None and len(earlier[1]) != len(letters):
            raise Unsupported(f"{name} is written with {len(earlier[1])} and with {len(letters)} indices")
        self.indexed[occurrence] = [name, letters, *([list(shifts)] if any(shifts or []) else [])]
        if name not in self.inputs:
            self.inputs.append(name)
            note_input(self, name)  # type: ignore[arg-type]
        ph = self.placeholder(occurrence, is_input=False)
        if kind is None:
            return f"{{\\{ph}}}"
        self.tensors[name] = kind
        tagged = self.typing.tag(ph)
        self.symbols[tagged] = occurrence
        return f"{{\\{tagged}}}"

    def layout_spec(self) -> dict[str, Any]:
        """The SPEC entries of the axis layout ({} on the one-axis layout)."""
        if self.axes is None:
            return {}
        if self.sampled:
            raise Unsupported("an expectation on a line whose sums run over several axes is not supported")
        if any(ph.startswith(AXIS_PREFIX) for ph in self.symbols):
            raise Unsupported("a variable collides with the oracle's reserved names")
        _check_origins(self.indexed, self.axes)
        named = {n for n in self.indexed.values() for n in [n[0]]}
        plain = named & set(self.symbols.values())
        if plain:
            raise Unsupported(
                f"{sorted(plain)[0]} is written both with and without its index: one value or one per term?"
            )
        if both := sorted(self.normed & self.unnormed):
            raise Unsupported(f"{both[0]} is written inside a norm and outside one: a vector or a number?")
        return {
            **({"entry_vectors": sorted(self.normed)} if self.normed else {}),
            "axes": [r.as_spec() for r in self.axes.values()],
            "indexed": self.indexed,
            "reduction_symbols": ["zzlen", *(AXIS_PREFIX + r.index for r in self.axes.values())],
            **({"masks": self.masks} if self.masks else {}),
            **({"free": [AXIS_PREFIX + x for x in sorted(self.free)]} if self.free else {}),
        }


def _check_origins(indexed: dict[str, list[Any]], axes: dict[str, Range]) -> None:
    """Where an input's entries lie: with every lower bound written, the runtime places each use at its
    absolute position (`w_i`, i from 1 and `w_{j+1}`, j from 0 name the same entries). A sum without its
    lower bound beside uses that start at different bounds, or a shifted index (`x_{t+1}`) in a sum
    without its lower bound, leaves the positions unknown: refused."""
    uses: dict[tuple[str, int], list[tuple[int | None, int]]] = {}
    for name, letters, *rest in indexed.values():
        shifts = rest[0] if rest else [0] * len(letters)
        for slot, (letter, step) in enumerate(zip(letters, shifts, strict=True)):
            lower = axes[letter].lower if letter in axes else None
            uses.setdefault((name, slot), []).append((lower, step))
    for (name, _), found in uses.items():
        lowers = {lower + step for lower, step in found if lower is not None}
        unknown = any(lower is None for lower, _ in found)
        if unknown and (len(lowers) > 1 or any(step for _, step in found)):
            raise Unsupported(
                f"{name} is written with a shifted index or by sums that start at different bounds, one of "
                "them without its lower bound: where its entries lie is unknown"
            )
