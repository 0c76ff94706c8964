"""Scripts on a named function and a calligraphic loss, where their meaning is the standard one:

- `\\log^2 x`, `\\sin^2 x`: a positive whole power of the function's value, `(\\log x)^2`;
- `\\log_2 x`, `\\log_{10} x`, `\\log_e x`: the logarithm to a numeric base, `\\log x / \\log 2`.

- `\\sin^{-1} x`, `\\tanh^{-1} x`: the inverse function (arcsin, artanh), as these names write it.

A letter as the base (`\\log_K`, `\\log_{\\mathbf{o}}`: the logarithmic map of a manifold), a power on
\\exp, any other negative power and a letter as the power are refused.

`\\mathcal{L}` (with a subscript, `\\mathcal{L}_W`) standing alone on a right-hand side is a loss by the
convention the oracle already reads on a left-hand side: one scalar input; applied to several arguments
(`\\mathcal{L}_y(y, y^*)`, a loss of a prediction and a target) its value is given. Applied to one operand
(`\\mathcal{L} f`, `\\mathcal{L}(X)`: an operator or a law) it is refused."""

from __future__ import annotations

from typing import Any

from tools.trace.oracle_latex.nodes import Group, flatten, items_of
from tools.trace.oracle_latex.vocabulary import Unsupported

POWERED = {"log", "ln", "sin", "cos", "tan", "sinh", "cosh", "tanh"}  # f^2 x = (f x)^2 by convention
BASED = {"log"}  # \\log_b x: the logarithm to base b
# f^{-1}: the inverse function, as trigonometric and hyperbolic names write it ('\\tan^{-1}' is arctan); the
# name its call takes (the runtime's `\\opatanh` where LaTeX has no command)
INVERSES = {
    "sin": "\\arcsin", "cos": "\\arccos", "tan": "\\arctan",
    "sinh": "\\opasinh", "cosh": "\\opacosh", "tanh": "\\opatanh",
}


def _script_text(node: Any) -> str:
    """What a script holds, as written (`2`, `{10}` -> '10', `{-1}` -> '-1')."""
    return "".join(str(t) for t in flatten(items_of(node))) if isinstance(node, Group) else str(node)


def _digits(node: Any) -> str:
    """The whole number a script holds (`2`, `{10}`), else ''."""
    text = _script_text(node)
    return text if text.isdigit() else ""


def _minus_one(node: Any) -> bool:
    return _script_text(node).replace(" ", "") == "-1"


def function_scripts(nodes: list[Any], i: int, c: str) -> tuple[str, str, int]:
    """The `^k` and `_b` after the function name \\c, which ends before i: (power, base, index after
    them); each '' when absent. A script whose meaning is not the standard one is refused."""
    power = base = ""
    while i + 1 < len(nodes) and nodes[i] in ("^", "_"):
        script, value = nodes[i], nodes[i + 1]
        if script == "^" and c in INVERSES and not power and _minus_one(value):
            power = "-1"  # \\tan^{-1} x: the inverse function, by the usual convention
        elif script == "^" and c in POWERED and not power and _digits(value) not in ("", "0", "1"):
            power = _digits(value)
        elif script == "_" and c in BASED and not base and (_digits(value) not in ("", "0", "1")):
            base = _digits(value)
        elif script == "_" and c in BASED and not base and "".join(flatten(items_of(value))) == "e":
            base = "e"
        else:
            raise Unsupported(
                f"\\{c} with a power or subscript (\\{c}^2 x, \\{c}_K) is not supported: a power is "
                f"written (\\{c} x)^2; a subscripted \\{c} is another map"
            )
        i += 2
    return power, base, i


def scripted(call: str, power: str, base: str) -> str:
    """`\\log(x)` with its scripts applied: `\\frac{\\log(x)}{\\log(2)}`, `(\\log(x))^{2}`."""
    if base and base != "e":
        call = f"\\frac{{{call}}}{{\\log({base})}}"
    if power:
        call = f"\\left({call}\\right)^{{{power}}}"
    return call


ENDS = {"+", "-", "=", "^", "/", ")", "]", ",", ".", "&", "\\\\", "\\}", "\\right", "\\cdot", "\\times"}
ENDS |= {"\\quad", "\\qquad"}  # a term ends there: nothing after it is an operand


def loss_letter(nodes: list[Any], i: int) -> bool:
    """Whether `\\mathcal{...}` at i is the letter L (a loss, by the convention read on left-hand sides)."""
    return i + 1 < len(nodes) and "".join(str(t) for t in flatten(items_of(nodes[i + 1]))) == "L"


def network_letters(nodes: list[Any], i: int) -> bool:
    """Whether `\\mathcal{...}` at i names a function the paper applies, a network by the usual notation:
    a letter with a subscript right before its arguments (`\\mathcal{N}_f(x, u; \\theta)`) or two or more
    letters (`\\mathcal{N\\!N}(x)`); a Gaussian `\\mathcal{N}(x; m, v)` has neither."""
    if i + 2 >= len(nodes):
        return False
    letters = flatten(items_of(nodes[i + 1]))  # `N\!N`: nodes.clean dropped the thin space
    if not letters or not all(isinstance(t, str) and t.isalpha() and t.isupper() for t in letters):
        return False
    if nodes[i + 2] == "_":
        return i + 4 < len(nodes) and nodes[i + 4] == "("
    return len(letters) > 1 and nodes[i + 2] == "("


_SET_OPS = {"|", "\\in", "\\notin", "\\subset", "\\subseteq", "\\cup", "\\cap", "\\setminus", "\\mid"}


def indexed_letter(nodes: list[Any], i: int) -> bool:
    """Whether `\\mathcal{...}` at i is one letter with a subscript standing as a quantity (`\\mathcal{H}_i`
    summed, `\\mathcal{O}_{u,i} \\cdot \\mathcal{R}_{u,i}`): not applied to arguments, and not beside a
    set operation or inside bars (`|\\mathcal{N}_i|` is a set's size)."""
    letters = flatten(items_of(nodes[i + 1])) if i + 1 < len(nodes) else []
    if len(letters) != 1 or not str(letters[0]).isupper() or nodes[i + 2 : i + 3] != ["_"]:
        return False
    end = i + 4
    while end + 1 < len(nodes) and nodes[end] in ("_", "^"):
        end += 2
    after = nodes[end] if end < len(nodes) else None
    return after not in ("(", *_SET_OPS) and (i == 0 or nodes[i - 1] not in _SET_OPS)


def loss_alone(nodes: list[Any], end: int) -> None:
    """Refuse a `\\mathcal{L}` (or `\\mathcal{H}_i`) whose scripts end before `end` when it is applied to what
    follows it."""
    if end < len(nodes) and nodes[end] not in ENDS:
        raise Unsupported(
            "a calligraphic letter applied to what follows it (an operator or a law: \\mathcal{T} V, "
            "\\mathcal{L}(X)) is not plain algebra; \\mathcal{L}, \\mathcal{H}_i are read only standing alone"
        )


def refuse_applied_at_number(nodes: list[Any], i: int) -> None:
    """`B_n^{d}(0)`, `f^{(k)}(1)`: a symbol or script followed by a bracketed number is a function
    evaluated at that number, never a product (nobody writes a product with `(0)`): refused with that
    cause instead of being read as a product."""
    if nodes[i] != "(" or i == 0 or ")" not in nodes[i:]:
        return
    before = nodes[i - 1]
    if not (isinstance(before, Group) or (isinstance(before, str) and before.isalpha() and len(before) == 1)):
        return
    inside = "".join(str(t) for t in nodes[i + 1 : nodes.index(")", i)])
    if inside.lstrip("-").replace(".", "", 1).isdigit():
        raise Unsupported(
            f"a symbol followed by ({inside}) is a function evaluated at {inside}, one the line does not "
            "define: not plain algebra"
        )
