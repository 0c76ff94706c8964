"""Equation oracles: evaluate a paper's equation independently of the project's code.

Written by paper-to-code (make_equation_test); copied as is into a project's tests/ folder. Each
oracle test holds a SPEC: the equation's right-hand sides rewritten for sympy's LaTeX parser (every
variable replaced by an opaque `{\\zz...}` command), the map back to Python names, and which inputs
are vectors. This module parses them with `sympy.parsing.latex.parse_latex`, turns sums and norms
into reductions over the last axis, lambdifies the result for torch (or numpy), and compares it
with the implementation.

Conventions: inputs are float64 tensors drawn uniformly from [0.1, 0.9] (so sqrt(1 - x) and log(x)
are defined); elementwise equations get inputs of shape (2, 3); an equation with a sum, a product
or a norm gets vectors of length 5 for the indexed variables and scalars for the others. \\sum and
\\prod reduce over the last axis. An equation with matrices gets n x n matrices (diagonally
dominant, so they invert), vectors of length n and scalars (n = 3); products are matrix products
in the paper's order; the identity beside them (spec "identity", `(I - V H)^{-1}`) is the n x n
identity, no input. Inputs written inside an expectation E[...] are samples: they get a leading
axis of SAMPLES draws, and E[...] is the mean over it. A one-argument function the paper never
defines (`s(x)`, `\\sigma(x)`) is a callable input: the oracle passes the same fixed random smooth
elementwise map (a * tanh(b * x + c) + d) to the implementation and to its own formula. A Gaussian
density N(x; m, v) is exp(-(x - m)^2 / 2v) / sqrt(2 pi v) elementwise, and its product over the last
axis when the covariance is v I.

Several summation indices (spec "axes"): each index has its own axis, after any sample axis and
before the two matrix axes of a line with matrices. An input written with index subscripts is an
array over them in the order written (x_{ij}: shape (len i, len j)); each way it is written is
placed on the line's axes, and \\sum_i / \\prod_i reduce the axis of i. An index written as a
value is the integer range of its sum (lower bound written, one step per entry); a power A^j of a
matrix with j such an index is one matrix power per entry. An input the SPEC lists as "integers"
(a letter in the power of a matrix, (A^T)^{i-r-1}) is a whole number from 2 to 4, passed as a
float64 scalar like a length; a negative power is one of the inverse. An axis is VECTOR_LEN
long unless its bounds fix it (a length symbol N is VECTOR_LEN, so the axis of \\sum_{i=0}^{N}
holds N + 1). A sum with a condition on its index (\\sum_{j \\neq i}, \\sum_{j < i}, spec "masks")
keeps the terms whose positions on the two axes (one range) satisfy it. An input whose entries sit
inside a norm (||y_{j,t} - z_{j,t}||, spec "entry_vectors") has one more axis, of length 1: an
implementation that takes the norm over the last axis and one that reads entries as numbers agree.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable
from typing import Any

VECTOR_LEN = 5
MATRIX_N = 3
SAMPLES = 4  # unlike every other axis length, so a misplaced sample axis cannot broadcast
ELEMENTWISE_SHAPE = (2, 3)
LOW, HIGH = 0.1, 0.9
_REDUCERS = {
    "normtwo": "norm_two",
    "normone": "norm_one",
    "normmax": "norm_max",
    "normfro": "norm_fro",
    "normvec": "norm_vec",
    "normvecone": "norm_vec_one",
}
_PASSED = {"pwhere", "stepgt", "stepge", "stepeq", "stepne", "expect"}  # lambdified by _functions
_SCALAR_OF_MATRIX = {"opdet", "optrace"}  # det A, tr A: scalars, not factors of a matrix product


class RandomMap:
    """A fixed random smooth elementwise map, a * tanh(b * x + c) + d, on numpy or torch input:
    what the oracle passes for a function the paper uses but never defines. Its values stay in
    (0.1, 0.9), as the random inputs do: a probability's `log(1 - f(x))` stays finite."""

    def __init__(self, name: str) -> None:
        import zlib

        import numpy as np

        rng = np.random.default_rng(zlib.crc32(name.encode()))
        self.name = name
        a, self.b, self.c, d = (float(v) for v in rng.uniform(0.5, 1.5, size=4))
        self.a = 0.1 + 0.2 * (a - 0.5)  # 0.1 .. 0.3
        self.d = 0.4 + 0.1 * (d - 0.5)  # 0.4 .. 0.5: d ± a lies inside (0.1, 0.8)

    def __call__(self, x: Any) -> Any:
        if type(x).__module__.startswith("torch"):
            import torch

            return self.a * torch.tanh(self.b * x + self.c) + self.d
        import numpy as np

        return self.a * np.tanh(self.b * np.asarray(x, dtype=np.float64) + self.c) + self.d

    def __repr__(self) -> str:
        return f"RandomMap({self.name!r})"


def _given_or_density(fname: str, args: list[Any], spec: dict[str, Any]) -> Any:
    """A callable input's call, or a Gaussian density (elementwise, or its product over the last
    axis); None for other names. Constants are floats: sympy's torch printer writes sqrt(2) as
    torch.sqrt(2), which torch refuses."""
    import math

    import sympy

    if fname in spec.get("callables", {}):
        return sympy.Function(fname)(*args)
    if fname not in ("gausspdf", "gaussiso") or len(args) != 3:
        return None
    x, mean, var = args
    pdf = sympy.exp(-((x - mean) ** 2) / (2 * var)) * (
        sympy.Float(2 * math.pi) * var
    ) ** sympy.Float(-0.5)
    return pdf if fname == "gausspdf" else sympy.Function("reduce_prod")(pdf)


def _named(name: str, args: list[Any]) -> Any:
    """\\operatorname{name}(x) and friends as sympy expressions."""
    import sympy

    (x,) = args
    table = {
        "acosh": sympy.acosh,
        "asinh": sympy.asinh,
        "atanh": sympy.atanh,
        "sign": sympy.sign,
        "exp": sympy.exp,
        "log": sympy.log,
        "tanh": sympy.tanh,
        "sinh": sympy.sinh,
        "cosh": sympy.cosh,
        "abs": sympy.Abs,
        "sigmoid": lambda v: 1 / (1 + sympy.exp(-v)),
        "softplus": lambda v: sympy.log(1 + sympy.exp(v)),
        "relu": lambda v: sympy.Function("pmax")(v, 0),
        "softmax": sympy.Function("softmax"),  # over the last axis (_functions)
        "logsumexp": sympy.Function("logsumexp"),
        "cot": lambda v: 1 / sympy.tan(v),
        "sec": lambda v: 1 / sympy.cos(v),
        "csc": lambda v: 1 / sympy.sin(v),
        "floor": sympy.floor,
        "ceil": sympy.ceiling,
        "inner": sympy.Function("reduce_sum"),  # <a, b> written as inner(a * b)
        "det": sympy.Function("matdet"),  # of a matrix (_linear_algebra)
        "trace": sympy.Function("mattrace"),
        "diag": sympy.Function("matdiag"),  # of a vector: a matrix
    }
    return table[name](x)


def _linear_algebra(xp: Any, f64: Callable[[Any], Any]) -> dict[str, Callable[..., Any]]:
    """Matrix products, transposes, inverses, powers and norms (numpy or torch: the same calls)."""
    from functools import reduce

    def norm_vec(x: Any) -> Any:
        x = f64(x)
        if x.ndim == 2 and min(x.shape) > 1:
            raise ValueError("||A|| or ||A||_2 of a matrix: spectral or Frobenius? write ||A||_F")
        return xp.sqrt(xp.sum(x * x))

    def norm_vec_one(x: Any) -> Any:
        x = f64(x)
        if x.ndim == 2 and min(x.shape) > 1:
            raise ValueError("||A||_1 of a matrix: the induced norm or the sum of |entries|?")
        return xp.sum(xp.abs(x))

    def square(x: Any) -> Any:
        x = f64(x)
        if x.ndim != 2 or x.shape[0] != x.shape[1]:
            raise ValueError("det or trace of something that is not a matrix on this line")
        return x

    def softmax(x: Any) -> Any:
        x = f64(x)
        e = xp.exp(x - xp.max(x))
        return e / xp.sum(e, -1)[..., None] if x.ndim else e / e

    def logsumexp(x: Any) -> Any:
        x = f64(x)
        top = xp.max(x)
        return top + xp.log(xp.sum(xp.exp(x - top), -1)) if x.ndim else x

    def matpow(x: Any, k: Any) -> Any:
        """x to the whole power k (a number, or an integer input's value); k < 0: of the inverse."""
        power = float(k)
        if power != int(power):
            raise ValueError(f"a matrix power with the fractional exponent {power}")
        return xp.linalg.matrix_power(f64(x), int(power))

    def matpow_each(x: Any, k: Any) -> Any:
        """x to each power in k (an index's range placed on the axes, two unit matrix axes last)."""
        x, k = f64(x), f64(k)
        if x.ndim != 2 or k.ndim < 2 or tuple(k.shape[-2:]) != (1, 1):
            raise ValueError("a matrix power over an index needs one matrix and a scalar exponent")
        ints = [float(v) for v in k.reshape(-1)]
        if any(v != int(v) or v < 0 for v in ints):
            raise ValueError("a matrix power over an index with a negative or fractional exponent")
        stack = xp.stack([xp.linalg.matrix_power(x, int(v)) for v in ints])
        return stack.reshape(tuple(k.shape[:-2]) + tuple(x.shape))

    return {
        "matpow_each": matpow_each,
        **{f"mask_{r}": functools.partial(_mask, f64, r) for r in _RELATIONS},
        "reduce_sum_at": lambda x, a: _reduce_at(xp, "sum", f64(x), int(a)),
        "reduce_prod_at": lambda x, a: _reduce_at(xp, "prod", f64(x), int(a)),
        "reduce_max_at": lambda x, a: _reduce_at(xp, "amax", f64(x), int(a)),
        "reduce_min_at": lambda x, a: _reduce_at(xp, "amin", f64(x), int(a)),
        "softmax": softmax,
        "logsumexp": logsumexp,
        "matmul": lambda *a: reduce(xp.matmul, [f64(x) for x in a]),
        "transpose": lambda x: xp.swapaxes(f64(x), -1, -2),
        "inv": lambda x: xp.linalg.inv(f64(x)),
        "matpow": matpow,
        "norm_fro": lambda x: xp.sqrt(xp.sum(f64(x) * f64(x))),
        "norm_vec": norm_vec,
        "norm_vec_one": norm_vec_one,
        "matdet": lambda x: xp.linalg.det(square(x)),
        "mattrace": lambda x: xp.sum(xp.diagonal(square(x))),
        "matdiag": lambda x: xp.diag(xp.reshape(f64(x), (-1,))),
    }


_RELATIONS = {
    "ne": lambda a, b: a != b,
    "lt": lambda a, b: a < b,
    "gt": lambda a, b: a > b,
    "le": lambda a, b: a <= b,
    "ge": lambda a, b: a >= b,
}


def _mask(f64: Callable[[Any], Any], relation: str, a: Any, b: Any) -> Any:
    """1 where the positions a and b (two placed axes) satisfy the relation, else 0."""
    return f64(_RELATIONS[relation](f64(a), f64(b)))


def _reduce_at(xp: Any, kind: str, x: Any, axis: int) -> Any:
    """The sum or product over one axis, kept as a unit axis (numpy and torch spell it apart)."""
    if xp.__name__ == "numpy":
        return getattr(xp, kind)(x, axis=axis, keepdims=True)
    return getattr(xp, kind)(x, dim=axis, keepdim=True)


def _functions(backend: str) -> dict[str, Callable[..., Any]]:
    if backend == "torch":
        import torch

        def pmin(*a: Any) -> Any:
            out = torch.as_tensor(a[0])
            for b in a[1:]:
                out = torch.minimum(out, torch.as_tensor(b))
            return out

        def pmax(*a: Any) -> Any:
            out = torch.as_tensor(a[0])
            for b in a[1:]:
                out = torch.maximum(out, torch.as_tensor(b))
            return out

        def f64(x: Any) -> Any:
            return torch.as_tensor(x, dtype=torch.float64)

        import math

        return {  # the torch printer writes names it does not know as they are: these resolve them
            "pi": math.pi,
            "E": math.e,
            "Abs": lambda x: torch.abs(f64(x)),
            # inside a function it does not know (reduce_prod(...)) the printer writes these bare
            **{
                name: (lambda f: lambda x: f(f64(x)))(getattr(torch, name))
                for name in ("sqrt", "exp", "log", "tanh", "sinh", "cosh", "sin", "cos", "tan")
            },
            "sign": lambda x: torch.sign(f64(x)),
            "acosh": lambda x: torch.acosh(f64(x)),
            "floor": lambda x: torch.floor(f64(x)),
            "ceiling": lambda x: torch.ceil(f64(x)),
            "asinh": lambda x: torch.asinh(f64(x)),
            "atanh": lambda x: torch.atanh(f64(x)),
            "pwhere": lambda c, a, b: torch.where(torch.as_tensor(c), f64(a), f64(b)),
            "stepgt": lambda z: f64(z) > 0,
            "stepge": lambda z: f64(z) >= 0,
            "stepeq": lambda z: f64(z) == 0,
            "stepne": lambda z: f64(z) != 0,
            "reduce_sum": lambda x: torch.sum(torch.as_tensor(x), dim=-1),
            "reduce_prod": lambda x: torch.prod(torch.as_tensor(x), dim=-1),
            "reduce_max": lambda x: torch.amax(torch.as_tensor(x), dim=-1),
            "reduce_min": lambda x: torch.amin(torch.as_tensor(x), dim=-1),
            "norm_two": lambda x: torch.linalg.vector_norm(torch.as_tensor(x), ord=2, dim=-1),
            "norm_one": lambda x: torch.linalg.vector_norm(torch.as_tensor(x), ord=1, dim=-1),
            "norm_max": lambda x: torch.linalg.vector_norm(
                torch.as_tensor(x), ord=float("inf"), dim=-1
            ),
            "pmin": pmin,
            "pmax": pmax,
            "expect": lambda x: torch.mean(f64(x), dim=0),
            **_linear_algebra(torch, f64),
        }
    import numpy as np

    return {
        "pwhere": lambda c, a, b: np.where(c, a, b),
        "stepgt": lambda z: np.asarray(z) > 0,
        "stepge": lambda z: np.asarray(z) >= 0,
        "stepeq": lambda z: np.asarray(z) == 0,
        "stepne": lambda z: np.asarray(z) != 0,
        "reduce_sum": lambda x: np.sum(x, axis=-1),
        "reduce_prod": lambda x: np.prod(x, axis=-1),
        "reduce_max": lambda x: np.max(x, axis=-1),
        "reduce_min": lambda x: np.min(x, axis=-1),
        "norm_two": lambda x: np.linalg.norm(x, ord=2, axis=-1),
        "norm_one": lambda x: np.sum(np.abs(x), axis=-1),
        "norm_max": lambda x: np.max(np.abs(x), axis=-1),
        "pmin": lambda *a: np.minimum.reduce(np.broadcast_arrays(*a)),
        "pmax": lambda *a: np.maximum.reduce(np.broadcast_arrays(*a)),
        "expect": lambda x: np.mean(np.asarray(x, dtype=np.float64), axis=0),
        **_linear_algebra(np, lambda x: np.asarray(x, dtype=np.float64)),
    }


def _post(expr: Any, spec: dict[str, Any], helpers: dict[str, Any]) -> Any:
    """Placeholders -> Python names, sums -> reductions, min/max/norm/helper calls resolved."""
    import sympy

    names = {sympy.Symbol(ph): sympy.Symbol(py) for ph, py in spec["symbols"].items()}
    names[sympy.Symbol("pi")] = sympy.pi
    positions = {sympy.Symbol(ph): n for ph, n in spec.get("positions", {}).items()}
    integers = {
        sympy.Symbol(ph) for ph, py in spec["symbols"].items() if py in spec.get("integers", [])
    }

    def walk(e: Any) -> Any:
        if positions and isinstance(e, sympy.Mul | sympy.Pow) and _is_tensor(e, positions):
            return _tensor_product(e, positions, walk, integers)
        if isinstance(e, sympy.Sum | sympy.Product):
            return _reduce(e, spec, walk)
        if isinstance(e, sympy.core.function.AppliedUndef):
            fname = type(e).__name__
            args = [walk(a) for a in e.args]
            if fname in ("min", "max"):
                return sympy.Function("p" + fname)(*args)
            if fname in _REDUCERS:
                return sympy.Function(_REDUCERS[fname])(*args)
            if fname in _PASSED:
                return sympy.Function(fname)(*args)
            if fname == "pdiff" and len(args) == 2:  # a partial derivative written out on the line
                return sympy.diff(args[0], args[1])
            if fname.startswith("op") and len(args) == 1:
                return _named(fname[2:], args)
            special = _given_or_density(fname, args, spec)
            if special is not None:
                return special
            if fname in helpers:
                params, body = helpers[fname]
                return body.xreplace(dict(zip(params, args, strict=True)))
            raise ValueError(f"unknown function {fname}() in the parsed equation")
        if isinstance(e, sympy.Symbol):
            return names.get(e, e)
        if not e.args:
            return e
        return e.func(*[walk(a) for a in e.args])

    return walk(expr)


def _tail(spec: dict[str, Any]) -> int:
    """How many matrix axes follow the index axes: two on a line with matrices, else none."""
    return 2 if spec.get("positions") else 0


def _reduce(e: Any, spec: dict[str, Any], walk: Callable[[Any], Any]) -> Any:
    """A sum or product: reduced over the last axis, or (axis layout) over its indices' axes."""
    import sympy

    index = {sympy.Symbol(s) for s in spec.get("reduction_symbols", [])}
    if not {lim[0] for lim in e.limits} <= index:
        raise ValueError(f"unexpected summation index in {e}")
    if spec.get("axes"):
        return _reduce_axes(e, spec, walk)
    kind, inner = _reduction_kind(e)
    name = f"reduce_{kind}"
    body = walk(inner)
    if not {s.name for s in body.free_symbols} & set(spec.get("vectors", [])):
        raise ValueError(f"a sum over no indexed variable: {e}")
    return sympy.Function(name)(body)


def _reduction_kind(e: Any) -> tuple[str, Any]:
    """sum or prod, or max / min for a sum whose body is `opredmax(x)` (a max over an index, written
    so by the reader), with the body to reduce."""
    import sympy

    body = e.function
    name = type(body).__name__ if isinstance(body, sympy.core.function.AppliedUndef) else ""
    if isinstance(e, sympy.Sum) and name in ("opredmax", "opredmin") and len(body.args) == 1:
        return name[5:], body.args[0]
    return ("sum" if isinstance(e, sympy.Sum) else "prod"), body


def _reduce_axes(e: Any, spec: dict[str, Any], walk: Callable[[Any], Any]) -> Any:
    """A sum or product on the axis layout: its body reduced over each of its indices' axes."""
    import sympy

    order = [a["symbol"] for a in spec["axes"]]
    kind, inner = _reduction_kind(e)
    name = f"reduce_{kind}_at"
    body = walk(inner)
    for limit in e.limits:
        masks = spec.get("masks", {}).get(limit[0].name, [])
        if masks and kind in ("max", "min"):
            raise ValueError("a max or min over an index with a condition is not supported")
        for relation, other in masks:
            keep = sympy.Function("mask_" + relation)(limit[0], sympy.Symbol(other))
            body = body * keep if name == "reduce_sum_at" else body * keep + 1 - keep
        axis = order.index(limit[0].name) - len(order) - _tail(spec)
        body = sympy.Function(name)(body, sympy.Integer(axis))
    return body


def _check_axes(expr: Any, spec: dict[str, Any]) -> None:
    """On the axis layout: every indexed symbol lies inside sums over its indices, and every sum
    runs over something written with its index (else the reading is not the paper's)."""
    if not spec.get("axes"):
        return
    axis = {a["index"]: a["symbol"] for a in spec["axes"]}
    carries = {a["symbol"]: {a["symbol"]} for a in spec["axes"]}
    for ph, py in spec["symbols"].items():
        if py in spec["indexed"]:
            carries[ph] = {axis[letter] for letter in spec["indexed"][py][1]}
    _scope(expr, carries, frozenset(spec.get("free", [])))


def _scope(e: Any, carries: dict[str, set[str]], bound: frozenset[str]) -> None:
    import sympy

    if isinstance(e, sympy.Sum | sympy.Product):
        inner = {limit[0].name for limit in e.limits}
        here = set().union(*(carries.get(s.name, set()) for s in e.function.free_symbols))
        if inner - here:
            missing = sorted(x[4:] for x in inner - here)
            raise ValueError(f"a sum over {missing} of nothing written with that index")
        _scope(e.function, carries, bound | inner)
        return
    if isinstance(e, sympy.Symbol):
        free = carries.get(e.name, set()) - bound
        if free:
            raise ValueError(
                f"the index {sorted(x[4:] for x in free)} is used outside a sum over it"
            )
        return
    for a in e.args:
        _scope(a, carries, bound)


def _is_tensor(e: Any, positions: dict[Any, int]) -> bool:
    """Whether a parsed expression is a matrix or vector (norms of one are scalars)."""
    import sympy

    if isinstance(e, sympy.Symbol):
        return e in positions
    if isinstance(e, sympy.core.function.AppliedUndef) and type(e).__name__ in _REDUCERS:
        return False
    if isinstance(e, sympy.core.function.AppliedUndef) and type(e).__name__ in _SCALAR_OF_MATRIX:
        return False
    if isinstance(e, sympy.Pow):
        return _is_tensor(e.base, positions)
    return any(_is_tensor(a, positions) for a in e.args)


def _tensor_product(
    e: Any, positions: dict[Any, int], walk: Callable[[Any], Any], integers: set[Any]
) -> Any:
    """A product with matrices or vectors: matmul of its tensor factors in the paper's order
    (sympy's parser may have reordered them: each occurrence carries its position), times the
    scalar factors; a power of one: transpose, inverse, a positive integer power or one written
    with integer inputs (A^j, placeholders in `integers`)."""
    import sympy

    if isinstance(e, sympy.Pow):
        base, exp = walk(e.base), e.exp
        if exp == sympy.Symbol("zzTR"):
            return sympy.Function("transpose")(base)
        if exp == -1:
            return sympy.Function("inv")(base)
        if exp.is_Integer and exp > 1:
            return sympy.Function("matpow")(base, exp)
        if any(s.name.startswith("zzAX") for s in exp.free_symbols):  # A^j over an index j
            return sympy.Function("matpow_each")(base, walk(exp))
        if exp.free_symbols and exp.free_symbols <= integers:  # A^{i-r-1}: whole numbers
            return sympy.Function("matpow")(base, walk(exp))
        raise ValueError(
            f"the power {exp} of a matrix or vector is not one the oracle reads (a letter is a "
            "whole power where the line also writes it on a bracket, (A^T)^j, or as a sum's "
            "length; on a symbol alone, W^h or W^k may name a matrix or an iterate)"
        )

    def where(a: Any) -> int:
        return min(positions[s] for s in a.free_symbols if s in positions)

    tensors = sorted((a for a in e.args if _is_tensor(a, positions)), key=where)
    scalars = [walk(a) for a in e.args if not _is_tensor(a, positions)]
    walked = [walk(a) for a in tensors]
    product = walked[0] if len(walked) == 1 else sympy.Function("matmul")(*walked)
    return sympy.Mul(*scalars, product)


@functools.lru_cache(maxsize=1024)
def _parse_latex(rhs: str) -> Any:
    """sympy's parse of one string, once per string: a parse takes a tenth of a second or more, and
    each check evaluates the same right-hand sides many times (sympy expressions are immutable)."""
    from sympy.parsing.latex import parse_latex

    return parse_latex(rhs)


def _parse(rhs: str, spec: dict[str, Any] | None = None) -> Any:
    """parse_latex, refusing a parse that lost a variable on the way (a misread formula) or, on the
    axis layout, one that leaves an index outside its sum."""
    import sympy

    expr = _parse_latex(rhs)
    written = set(re.findall(r"\\(zz[A-Za-z]+)", rhs))
    parsed = {s.name for s in expr.atoms(sympy.Symbol)}
    lost = written - parsed
    if lost:
        raise ValueError(f"the parse lost {sorted(lost)}: sympy misread the formula")
    _check_axes(expr, spec or {})
    return expr


def _all_expressions(spec: dict[str, Any]) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    """Each output's sympy expression in the inputs, and the other links of a chain a = b = c."""
    import sympy

    helpers: dict[str, Any] = {}
    for d in spec["definitions"]:
        if d.get("params"):
            body = _post(_parse(d["rhs"], spec), spec, helpers)
            helpers[d["function"]] = (
                [sympy.Symbol(spec["symbols"][p]) for p in d["params"]],
                body,
            )
    values: dict[str, Any] = {}
    links: dict[str, list[Any]] = {}
    for d in spec["definitions"]:
        if d.get("params"):
            continue
        known = {sympy.Symbol(t): v for t, v in values.items()}
        values[d["target"]] = _post(_parse(d["rhs"], spec), spec, helpers).xreplace(known)
        links[d["target"]] = [
            _post(_parse(rhs, spec), spec, helpers).xreplace(known) for rhs in d.get("links", [])
        ]
    placed = [*spec.get("indexed", {}), *(a["symbol"] for a in spec.get("axes", []))]
    allowed = {sympy.Symbol(n) for n in [*spec["inputs"], *placed, *spec.get("identity", [])]}
    for target in spec["outputs"]:
        for e in [values[target], *links[target]]:
            free = e.free_symbols
            if free - allowed:
                raise ValueError(
                    f"{target}: symbols {sorted(map(str, free - allowed))} are not among the inputs"
                )
            if not free:
                raise ValueError(f"{target} parsed to the constant {e}: the formula was misread")
        alone = values[target]  # g = a + (g - a): its terms cancel
        if len(spec["outputs"]) == 1 and isinstance(alone, sympy.Symbol):
            raise ValueError(
                f"{target} reduces to its input {alone}: an identity, nothing to compute"
            )
    return {t: values[t] for t in spec["outputs"]}, links


def matrix_exponents(spec: dict[str, Any]) -> set[str]:
    """The inputs written in the power of a matrix (`A^j`, `(A^\\top)^{i-r-1}`; not of a vector):
    the names the SPEC may declare "integers"."""
    import sympy

    positions = {sympy.Symbol(ph): n for ph, n in spec.get("positions", {}).items()}
    matrices = set(spec.get("matrices", []))
    found: set[str] = set()
    for d in spec["definitions"]:
        for rhs in [d["rhs"], *d.get("links", [])]:
            for power in _parse(rhs, spec).atoms(sympy.Pow) if positions else ():
                tensors = {
                    spec["symbols"][s.name] for s in power.base.free_symbols if s in positions
                }
                if tensors and tensors <= matrices:
                    found |= {spec["symbols"].get(s.name, s.name) for s in power.exp.free_symbols}
    return found & set(spec["inputs"])


def expressions(spec: dict[str, Any]) -> dict[str, Any]:
    """Each output's sympy expression in the inputs, parsed from the SPEC's right-hand sides."""
    return _all_expressions(spec)[0]


def _lambdify(
    symbols: list[Any], expr: Any, backend: str, given: dict[str, Any] | None = None
) -> Callable[..., Any]:
    """expr as a function of symbols on numpy or torch arrays; the oracle's own functions (pwhere,
    reduce_sum, pmin, ...) come from _functions (sympy's torch printer leaves them as written), the
    callable inputs from `given`."""
    import sympy

    modules: list[Any] = [_functions(backend) | (given or {}), backend]
    try:
        from sympy.printing.pytorch import TorchPrinter  # sympy >= 1.14: strict about unknown names
    except ImportError:
        TorchPrinter = None  # noqa: N806
    if backend != "torch" or TorchPrinter is None:
        return sympy.lambdify(symbols, expr, modules=modules)
    printer = TorchPrinter({"strict": False})
    return sympy.lambdify(symbols, expr, modules=modules, printer=printer)


def value_of(
    spec: dict[str, Any], expr: Any, inputs: dict[str, Any], backend: str = "torch"
) -> Any:
    """expr (one of `expressions`) on these inputs: vectors enter matrix products as columns, and
    a result of shape (n, 1) or (1, 1) comes back as (n,) or a scalar, as an implementation
    returns it."""
    import sympy

    columns = set(spec.get("column_vectors", []))
    callables = spec.get("callables", {})
    indexed = {v[0] for v in spec.get("indexed", {}).values()}
    arrays = [n for n in spec["inputs"] if n not in callables.values() and n not in indexed]
    args = [inputs[n][..., None] if n in columns else inputs[n] for n in arrays]
    symbols = [sympy.Symbol(n) for n in arrays]
    placed = _placed(spec, inputs, backend) if spec.get("axes") else {}
    args += list(placed.values())
    symbols += [sympy.Symbol(n) for n in placed]
    for name in spec.get("identity", []):  # the identity matrix of the line's matrices' size
        symbols.append(sympy.Symbol(name))
        args.append(_as_array(_eye(), backend))
    given = {ph: inputs[py] for ph, py in callables.items()}
    value = _as_array(_lambdify(symbols, expr, backend, given)(*args), backend)
    if spec.get("axes"):
        value = _drop_axes(value, spec)
    if spec.get("positions"):
        while value.ndim and value.shape[-1] == 1:
            value = value[..., 0]
    return value


def _eye() -> Any:
    import numpy as np

    return np.eye(MATRIX_N)


def axis_lengths(spec: dict[str, Any]) -> dict[str, int]:
    """Each summation index's axis length: fixed by integer bounds, else VECTOR_LEN for a length
    symbol (the axis of \\sum_{k=0}^{K-1} holds K = VECTOR_LEN entries, of \\sum_{i=0}^{N}
    N + 1)."""
    out = {}
    for a in spec["axes"]:
        lower = 1 if a["lower"] is None else a["lower"]
        if a["upper"] is not None:
            n = a["upper"] - lower + 1
        elif a["length"] is not None:
            n = VECTOR_LEN + a["offset"] - lower + 1
        else:
            n = VECTOR_LEN
        if n < 2:
            raise ValueError(f"the sum over {a['index']} has {n} terms: too few to test")
        out[a["index"]] = n
    return out


def storage(spec: dict[str, Any]) -> dict[str, list[tuple[int, int, bool]]]:
    """Each indexed input's (first index, length, absolute) along each of its axes. With every lower
    bound of its uses written, entries lie at their absolute positions: w_i (i from 1 to N) and
    w_{j+1} (j from 0 to N - 1) are the same N entries, x_t and x_{t+1} (t from 1 to T - 1) T of
    them. Otherwise every use starts at the first entry."""
    sizes = axis_lengths(spec)
    lower = {a["index"]: a["lower"] for a in spec["axes"]}
    uses: dict[tuple[str, int], list[tuple[Any, int, int]]] = {}
    for name, letters, *rest in spec["indexed"].values():
        shifts = rest[0] if rest else [0] * len(letters)
        for q, (x, step) in enumerate(zip(letters, shifts, strict=True)):
            uses.setdefault((name, q), []).append((lower[x], step, sizes[x]))
    out: dict[str, list[tuple[int, int, bool]]] = {}
    for (name, _), found in uses.items():
        if any(low is None for low, _, _ in found):
            out.setdefault(name, []).append((0, max(n for _, _, n in found), False))
            continue
        start = min(low + step for low, step, _ in found)
        stop = max(low + step + n for low, step, n in found)
        out.setdefault(name, []).append((start, stop - start, True))
    return out


def _place(
    arr: Any, letters: list[str], spec: dict[str, Any], tdims: int, name: str, cut: Any = None
) -> Any:
    """An array over `letters` (then tdims matrix axes) moved onto the line's index axes; `cut`: per
    letter, the first entry the use names and the array's length there (it is cut to the use)."""
    order = [a["index"] for a in spec["axes"]]
    sizes = axis_lengths(spec)
    n = len(letters)
    lead = arr.ndim - n - tdims
    wanted = tuple(c[1] for c in cut) if cut else tuple(sizes[x] for x in letters)
    if lead < 0 or tuple(arr.shape[lead : lead + n]) != wanted:
        raise ValueError(
            f"{name} should run over {wanted} along {letters}, has shape {tuple(arr.shape)}"
        )
    if cut:
        keep = [slice(first, first + sizes[x]) for (first, _), x in zip(cut, letters, strict=True)]
        arr = arr[(slice(None),) * lead + tuple(keep)]
    perm = [*range(lead), *(lead + letters.index(x) for x in order if x in letters)]
    perm += list(range(lead + n, arr.ndim))
    arr = arr.permute(*perm) if hasattr(arr, "permute") else arr.transpose(perm)
    shape = [*arr.shape[:lead], *(sizes[x] if x in letters else 1 for x in order)]
    shape += [*arr.shape[lead + n :], *([1] * (_tail(spec) - tdims))]
    return arr.reshape(shape)


def _placed(spec: dict[str, Any], inputs: dict[str, Any], backend: str) -> dict[str, Any]:
    """The axis layout's arrays: each way an input is written with indices, each index's range."""
    import numpy as np

    columns = set(spec.get("column_vectors", []))
    tensors = columns | set(spec.get("matrices", []))
    entries = set(spec.get("entry_vectors", []))
    out = {}
    kept = storage(spec)
    lower = {a["index"]: a["lower"] for a in spec["axes"]}
    for occurrence, (name, letters, *rest) in spec["indexed"].items():
        arr = _as_array(inputs[name], backend)
        arr = arr[..., None] if name in columns else arr
        arr = arr[..., 0] if name in entries else arr  # ||y_{j,t}||: the entry's size, |y_{j,t}|
        shifts = rest[0] if rest else [0] * len(letters)
        cut = [
            ((lower[x] or 0) + step - start if absolute else 0, length)
            for x, step, (start, length, absolute) in zip(letters, shifts, kept[name], strict=True)
        ]
        out[occurrence] = _place(arr, letters, spec, 2 if name in tensors else 0, name, cut)
    sizes = axis_lengths(spec)
    masks = spec.get("masks", {})
    masked = {x for pairs in masks.values() for _, x in pairs} | set(masks)
    for a in spec["axes"]:
        if a["lower"] is not None or a["symbol"] in masked:
            first = 1 if a["lower"] is None else a["lower"]
            values = np.arange(sizes[a["index"]], dtype=np.float64) + first
            out[a["symbol"]] = _place(_as_array(values, backend), [a["index"]], spec, 0, a["index"])
    return out


def _drop_axes(value: Any, spec: dict[str, Any]) -> Any:
    """The result without the index axes its sums reduced, over the target's free indices (y_i: one
    entry per i, in the order of spec["axes"]); another index left running is refused."""
    k, tail = len(spec["axes"]), _tail(spec)
    free = set(spec.get("free", []))
    if free:
        value = value + _zeros_over(spec, free, value)  # a free index the value does not vary along
    if value.ndim < k + tail:
        return value
    start = value.ndim - k - tail
    dims = list(zip(value.shape[start : start + k], spec["axes"], strict=True))
    kept = [d for d, a in dims if a["symbol"] in free]
    if any(d != 1 for d, a in dims if a["symbol"] not in free):
        raise ValueError("the result still runs over a summation index: an index is left free")
    return value.reshape(tuple(value.shape[:start]) + tuple(kept) + tuple(value.shape[start + k :]))


def _zeros_over(spec: dict[str, Any], free: set[str], like: Any) -> Any:
    """Zeros spread over the free axes (the value broadcast to one entry per free index)."""
    import numpy as np

    sizes = axis_lengths(spec)
    shape = [sizes[a["index"]] if a["symbol"] in free else 1 for a in spec["axes"]]
    zeros = np.zeros(shape + [1] * _tail(spec))
    return like.new_zeros(zeros.shape) if hasattr(like, "new_zeros") else zeros


class ChainMismatch(AssertionError):
    """The links of a chain `a = b = c` give different values: the paper's steps disagree."""


def _as_array(value: Any, backend: str) -> Any:
    if backend == "torch":
        import torch

        return torch.as_tensor(value, dtype=torch.float64)
    import numpy as np

    return np.asarray(value, dtype=np.float64)


def evaluate(
    spec: dict[str, Any], inputs: dict[str, Any], backend: str = "torch"
) -> tuple[Any, ...]:
    """The oracle's outputs (in spec["outputs"] order) on these inputs; each link of a chain is
    evaluated too and must agree with the first."""
    import numpy as np

    exprs, links = _all_expressions(spec)
    out = []
    for target in spec["outputs"]:
        value = value_of(spec, exprs[target], inputs, backend)
        for k, link in enumerate(links[target], start=2):
            other = value_of(spec, link, inputs, backend)
            a, b = np.asarray(value), np.asarray(other)
            if not np.allclose(a, b, rtol=1e-6, atol=1e-8):
                raise ChainMismatch(
                    f"{target}: link {k} of the chain differs from the first right-hand side"
                )
        out.append(value)
    return tuple(out)


def seeds(spec: dict[str, Any]) -> list[int]:
    """The seeds a test draws inputs with: two, or more where a branch shows on few draws."""
    return list(range(spec.get("seeds", 2)))


def random_inputs(spec: dict[str, Any], seed: int = 0, backend: str = "torch") -> dict[str, Any]:
    """Small random float64 inputs: vectors for indexed variables, their length for sum bounds."""
    import numpy as np

    rng = np.random.default_rng(seed)
    vectors = set(spec.get("vectors", []))
    lengths = set(spec.get("lengths", []))
    reduced = bool(spec.get("reduction_symbols") or spec.get("positions")) or any(
        "norm" in d["rhs"] for d in spec["definitions"]
    )
    matrices, columns = set(spec.get("matrices", [])), set(spec.get("column_vectors", []))
    sampled = set(spec.get("sampled", []))
    integers, choices = set(spec.get("integers", [])), set(spec.get("choices", []))
    kept = storage(spec) if spec.get("axes") else {}
    shapes = {name: tuple(length for _, length, _ in slots) for name, slots in kept.items()}
    entries = set(spec.get("entry_vectors", []))
    low, high = spec.get("range", (LOW, HIGH))
    members = set(spec.get("members", []))  # 0/1: a sum's index in a set (adjacency)
    values: dict[str, Any] = {}
    callables = set(spec.get("callables", {}).values())
    for name in spec["inputs"]:
        if name in callables:
            values[name] = RandomMap(name)
            continue
        if name in shapes:  # written with summation indices: an array over their axes
            extra = (MATRIX_N,) * (2 if name in matrices else 1 if name in columns else 0)
            extra += (1,) if name in entries else ()  # ||y_{j,t}||: each entry a vector of length 1
            arr = rng.uniform(low, high, size=shapes[name] + extra)
            if name in members:
                arr = rng.integers(0, 2, size=shapes[name] + extra).astype(float)
            arr = arr + MATRIX_N * np.eye(MATRIX_N) if name in matrices else arr
        elif name in matrices:  # diagonally dominant: invertible and well conditioned
            arr = rng.uniform(low, high, size=(MATRIX_N, MATRIX_N)) + MATRIX_N * np.eye(MATRIX_N)
        elif name in columns:
            arr = rng.uniform(low, high, size=MATRIX_N)
        elif name in lengths:
            arr = np.asarray(float(VECTOR_LEN))
        elif name in integers:
            arr = np.asarray(float(rng.integers(2, 5)))
        elif name in choices:  # compared in a case (`i = j`, `t = 0`): both branches occur
            arr = rng.integers(0, 2, size=() if reduced else ELEMENTWISE_SHAPE).astype(float)
        elif name in vectors:
            arr = rng.uniform(low, high, size=VECTOR_LEN)
        elif reduced:
            arr = np.asarray(rng.uniform(low, high))
        else:
            arr = rng.uniform(low, high, size=ELEMENTWISE_SHAPE)
        if name in sampled and name not in lengths:  # draws of the same shape, stacked
            arr = np.stack(
                [
                    arr,
                    *(  # near the first draw, kept in range (a sampled density's log stays finite)
                        np.clip(
                            arr + rng.uniform(low - high, high - low, np.shape(arr)) * 0.5,
                            low,
                            high,
                        )
                        for _ in range(SAMPLES - 1)
                    ),
                ]
            )
        values[name] = arr
    if backend == "torch":
        import torch

        return {
            k: v if k in callables else torch.as_tensor(v, dtype=torch.float64)
            for k, v in values.items()
        }
    return values


def find_implementation(package: str, item_id: str) -> Callable[..., Any] | None:
    """The function of `package` whose docstring has an `Implements:` line naming item_id."""
    root = importlib.import_module(package)
    modules = [root]
    for info in pkgutil.walk_packages(getattr(root, "__path__", []), prefix=f"{package}."):
        try:
            modules.append(importlib.import_module(info.name))
        except Exception:  # a module that fails to import has nothing we can call
            continue
    for module in modules:
        for _, obj in inspect.getmembers(module, inspect.isfunction):
            if obj.__module__ != module.__name__:
                continue
            for line in (obj.__doc__ or "").splitlines():
                text = line.strip()
                if text.lower().startswith("implements:"):
                    ids = [
                        part.strip().split()[0]
                        for part in text.split(":", 1)[1].split(",")
                        if part.strip()
                    ]
                    if item_id in ids:
                        return obj
    return None


def call_anchored(package: str, item_id: str, **inputs: Any) -> Any:
    """Call the project's function for item_id with the oracle's inputs as keyword arguments.

    xfails while no function says `Implements: <item_id>`; fails with a hint when its parameters
    differ.
    """
    import pytest

    fn = find_implementation(package, item_id)
    if fn is None:
        pytest.xfail(
            f"{item_id} is not implemented yet: write a function whose docstring has the line "
            f"`Implements: {item_id}`, taking ({', '.join(inputs)})"
        )
    params = inspect.signature(fn).parameters
    if not set(inputs) <= set(params) and not any(p.kind is p.VAR_KEYWORD for p in params.values()):
        raise AssertionError(
            f"{fn.__module__}.{fn.__name__} implements {item_id} but takes ({', '.join(params)}), "
            "while the "
            f"oracle gives ({', '.join(inputs)}): edit `implementation` in this test to map them"
        )
    return fn(**inputs)


def assert_matches(
    spec: dict[str, Any], actual: Any, expected: tuple[Any, ...], backend: str = "torch"
) -> None:
    """Compare the implementation's result: a tensor, a tuple (outputs order), or a dict."""
    outputs = spec["outputs"]
    if isinstance(actual, dict):
        actual = tuple(actual[name] for name in outputs)
    elif not isinstance(actual, tuple | list):
        actual = (actual,)
    if len(actual) != len(outputs):
        raise AssertionError(
            f"expected {len(outputs)} outputs ({', '.join(outputs)}), got {len(actual)}"
        )
    for name, got, want in zip(outputs, actual, expected, strict=True):
        if backend == "torch":
            import torch

            got = torch.as_tensor(got).to(torch.float64)
            if want.ndim == 0 and got.ndim > 0:
                want = want.expand_as(got)
            torch.testing.assert_close(
                got, want, rtol=1e-6, atol=1e-8, msg=lambda m, n=name: f"{n}: {m}"
            )
        else:
            import numpy as np

            got = np.asarray(got, dtype=np.float64)
            np.testing.assert_allclose(
                got, np.broadcast_to(want, got.shape), rtol=1e-6, atol=1e-8, err_msg=name
            )
