"""Which symbols a paper names as functions without giving their formula, and its inline math.

Evidence that `s(...)` applies a function rather than multiplies: the paper says so in prose ("the scale
and translation functions $s$ and $t$", "$\\sigma$ is a pointwise non-linearity"), declares it
(`$f: \\mathcal{X} \\to \\mathbb{R}$`), writes `f(\\cdot)`, applies it with several arguments elsewhere
(`Q(s, a)` and `Q(s')`), or to several variables and never writes it alone (`V(s)`, `V(s')`). The oracle
then takes the value of each application as an input (oracle_latex/spec.py given_functions). A name the
paper writes alone at least as often as applied (`\\alpha(1 - \\alpha)`, a depth L in "the network $L$
layers deep") keeps the product reading.
"""

from __future__ import annotations

import functools
import re
from typing import Any

# nouns that name a function when they head the phrase around a symbol
FUNCTION_WORDS = (
    r"functions?|networks?|nets?|mappings?|non-?linearit(?:y|ies)|polynomials?|encoders?|decoders?|"
    r"discriminators?|generators?|critics?|classifiers?|polic(?:y|ies)"
)
# a word allowed after the noun when it names the symbol: the phrase ends there ("a network that ...")
_ENDS_PHRASE = (
    r"that|which|with|from|of|to|implemented|parameteri[sz]ed|parametri[sz]ed|such|defined|given|applied|"
    r"and|or|for|in|on|over|mapping|acting|taking|used|where|whose"
)
# words that may stand between "is" and the noun ("is a pointwise non-linearity", "are scale and ...")
_STOP = r"(?!(?:of|to|for|from|by|in|on|at|with|into|that|which|whose|where|when|as|than|is|are|be|not)\b)"
_MATH_LIST = r"(?:\x00\d+\x00(?:\s*,\s*|\s*,?\s*(?:and|or)\s+))*\x00\d+\x00"
_BEFORE = re.compile(rf"\b(?:{FUNCTION_WORDS.replace('mappings?|', '')})\s+({_MATH_LIST})", re.IGNORECASE)
# "the output of the Bayes network $y$", "the input to the network $x$" name the output, the input
_OUTPUT_OF = re.compile(
    r"\b(?:outputs?|inputs?|predictions?|weights|parameters|depth|width|size|number|layers?|loss|error)"
    r"\s+(?:of|to|into|for|from)\s+"
    r"(?:(?:the|a|an|this|our|each)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "$f$ is a ...", "$s$ and $t$ are ...", "$g$ denotes ...", "let $f$ be ...", "$g_1$ and $g_2$ two ..."
_VERB = r"(is\s+|are\s+|denotes?\s+|represents?\s+|be\s+|(?=(?:a|an|the|two|three)\s))"
_AFTER = re.compile(
    rf"({_MATH_LIST})\s+{_VERB}(?:{_STOP}[\w-]+\s+){{0,5}}?"
    rf"(?:{FUNCTION_WORDS})(?=\s*(?:[.,;:)]|$|(?:{_ENDS_PHRASE})\b))",
    re.IGNORECASE,
)
_DISPLAY = re.compile(r"\$\$.*?\$\$", re.DOTALL)
_INLINE = re.compile(r"(?<![\\$])\$([^$\n]+?)(?<!\\)\$")


def _prose(markdown: str) -> list[str]:
    """The paper's paragraphs without display math and code blocks."""
    text = re.sub(r"```.*?```", " ", markdown, flags=re.DOTALL)
    return [p for p in re.split(r"\n\s*\n", _DISPLAY.sub(" ", text)) if "$" in p]


def inline_math(markdown: str) -> list[str]:
    """The inline `$...$` formulas of the paper's prose, in order."""
    return list(_inline_math(markdown))


@functools.lru_cache(maxsize=4)
def _inline_math(markdown: str) -> tuple[str, ...]:
    return tuple(m.group(1) for p in _prose(markdown) for m in _INLINE.finditer(p))


def used_inline(markdown: str) -> list[str]:
    """The inline formulas that use symbols: one that is one symbol (`$s$`, `$s(x)$`) or declares one
    (`$f: X \\to Y$`) only mentions it."""
    return list(_used_inline(markdown))


@functools.lru_cache(maxsize=4)
def _used_inline(markdown: str) -> tuple[str, ...]:
    return tuple(f for f in _inline_math(markdown) if not head_name(f, whole=True) and not declared([f]))


def head_name(latex: str, whole: bool = False) -> str | None:
    """The variable a formula starts with (`s`, `T_k` of `T_k(\\tilde{L}) \\in ...`), or None: a bold
    symbol (a vector or matrix by convention) or no variable; `whole`: only when the formula is just it."""
    from tools.trace.oracle_latex.nodes import clean, cmd_of, flatten, group_tokens, tokenize
    from tools.trace.oracle_latex.rewriter import Rewriter
    from tools.trace.oracle_latex.vocabulary import BOLD, DECOR_SUFFIX, GREEK, Unsupported

    try:
        nodes = clean(group_tokens(tokenize(latex)))
        first = nodes[0] if nodes else None
        if not (cmd_of(first) in GREEK | set(DECOR_SUFFIX) or (isinstance(first, str) and first.isalpha())):
            return None
        var, end = Rewriter().read_var(nodes, 0, lhs=True)
    except (Unsupported, IndexError):
        return None
    if whole and end != len(nodes):
        return None
    bold = var.bold or any(cmd_of(t) in BOLD for t in flatten(nodes[:2]))  # \\hat{\\mathbf{x}}
    return None if bold or not re.fullmatch(r"[A-Za-z]\w*", var.name) else var.name


def named_in_prose(markdown: str) -> set[str]:
    """Symbols a sentence names as functions: "functions $s$ and $t$", "$\\sigma$ is a non-linearity"."""
    names: set[str] = set()
    for paragraph in _prose(markdown):
        formulas: list[str] = []

        def mask(m: re.Match[str], formulas: list[str] = formulas) -> str:
            formulas.append(m.group(1))
            return f"\x00{len(formulas) - 1}\x00"

        masked = _INLINE.sub(mask, paragraph)
        for m in _BEFORE.finditer(masked):
            if not _OUTPUT_OF.search(masked[max(0, m.start() - 80) : m.start()]):
                names |= _subjects(m.group(1), formulas)
        for m in _AFTER.finditer(masked):
            singular = m.group(2).strip().lower() in ("is", "denotes", "represents")
            names |= _subjects(m.group(1), formulas, last_only=singular)
    return names


def _subjects(masked: str, formulas: list[str], last_only: bool = False) -> set[str]:
    """The names of a list of masked formulas, each just a symbol (`s`, `f(x)`, `T_k(L) \\in ...`,
    `f: X \\to Y`): a formula that states something (`x = h(x)`) names no function."""
    keys = re.findall(r"\x00(\d+)\x00", masked)
    names = set()
    for k in keys[-1:] if last_only else keys:
        subject = re.split(r"\\in\b|\\colon\b|:", formulas[int(k)], maxsplit=1)[0]
        name = head_name(subject, whole=True)
        names |= {name} if name else set()
    return names


def declared(formulas: list[str]) -> set[str]:
    """Symbols declared as maps (`f: X \\to Y`, `g \\colon ...`, `G \\in X \\to Y`) or written `f(\\cdot)`."""
    names: set[str] = set()
    for latex in formulas:
        m = re.match(r"\s*(.+?)\s*(?::|\\colon|\\in\b)(?!=)", latex)  # 'G \\in \\mathbb{R}^d \\to X' too
        if m and re.search(r"\\(?:to|rightarrow|mapsto|longrightarrow)\b", latex[m.end() :]):
            name = head_name(m.group(1), whole=True)
            names |= {name} if name else set()
        for m in re.finditer(r"\(\s*\\cdot\s*(?:,\s*\\cdot\s*)*\)", latex):
            name = _name_before(latex[: m.start()])
            names |= {name} if name else set()
    return names


def _name_before(text: str) -> str | None:
    """The variable that ends `text` (the one `(\\cdot)` follows), or None."""
    m = re.search(r"((?:\\[A-Za-z]+\s*)?(?:\{[^{}]*\}|[A-Za-z])(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?)\s*$", text)
    return head_name(m.group(1), whole=True) if m else None


def uses(formulas: list[str]) -> tuple[dict[str, int], dict[str, int], set[str]]:
    """How often each name is applied to brackets and written alone across the formulas, and the names
    applied both with one argument and with several (`Q(s')`, `Q(s, a)`)."""
    from tools.trace.oracle_latex import name_uses

    applied: dict[str, int] = {}
    alone: dict[str, int] = {}
    arities: dict[str, set[int]] = {}
    for latex in formulas:
        for name, arguments in name_uses(latex):
            counts: Any = applied if arguments else alone
            counts[name] = counts.get(name, 0) + 1
            arities.setdefault(name, set()).add(min(arguments, 2))
    return applied, alone, {n for n, a in arities.items() if {1, 2} <= a}


def named_functions(markdown: str, formulas: list[str]) -> set[str]:
    """Functions the paper names without a formula (see the module's docstring): named in prose, declared,
    or applied with one argument and with several; each applied more often than written alone."""
    math = [*formulas, *inline_math(markdown)]
    used = [*formulas, *used_inline(markdown)]
    applied, alone, both = uses(used)
    evidence = named_in_prose(markdown) | declared(math) | both
    return {n for n in evidence if applied.get(n, 0) > alone.get(n, 0)} | _applied_to_several(used, alone)


def _applied_to_several(formulas: list[str], alone: dict[str, int]) -> set[str]:
    """Names applied to two different variables or more (`V(s)`, `V(s')`) and never written alone: a
    product `V \\cdot (s)` is not written with brackets around one variable, twice."""
    from tools.trace.oracle_latex import one_variable_calls

    points: dict[str, set[str]] = {}
    for latex in formulas:
        for name, argument in one_variable_calls(latex):
            points.setdefault(name, set()).add(argument)
    landau = {"O", "o"}  # O(n), o(h): orders of growth, not values
    return {n for n, a in points.items() if len(a) > 1 and not alone.get(n) and n not in a | landau}
