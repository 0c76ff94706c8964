"""Settings assigned as a tuple: '(β1, β2) = (0.9, 0.98)' or '[B, C] = [2, 4]' gives each symbol the value in
its place (several tuples, '(K, L) = (2048, 1), (512, 4)', one value per run); Adam's 'betas of (0.9, 0.95)'
and 'β = (0.9, 0.999)' are its first and second moment decays (beta1, beta2). A symbol takes the name the
paper gave it ('where B is the batch size'); a bare letter the paper never named, in a tuple nobody says was
chosen ('input tensors of shape [B, H] = [2, 240]'), is only a candidate."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tools.analysis.hp_assigned import WORD_SUBSCRIPT, symbol_key
from tools.analysis.hp_confidence import LETTER_ONLY
from tools.analysis.hp_greek import conventional_key
from tools.analysis.hp_normalize import SCALAR
from tools.analysis.hp_patterns import ADAM, SETTING_VERB, SYM, WE_SET
from tools.analysis.hp_phrased import Spanned

# inside a tuple any letter is a symbol ('(a, b) = (0, 2)'; in prose 'a' and 'I' are words)
_TSYM = rf"(?:{SYM}|(?-i:[a-zA-Z])(?![\w]))"
# '(β1, β2) = ', '(β1, β2) of AdamW is set to ', '(λ1, λ2) are '
_ASSIGN = (
    r"(?:=|(?:of\s+[\w-]+\s+)?(?:is|are|was|were)(?:\s+(?:set|fixed|chosen)\s+(?:to|at|as))?\s"
    r"|(?:set|fixed)\s+(?:to|at))"
)
_SYMS = rf"([(\[])\s*(?P<syms>(?:{_TSYM})(?:\s*,\s*(?:{_TSYM}))+)\s*[)\]]\s*{_ASSIGN}\s*"
_SYMBOLS = re.compile(rf"{_SYMS}[(\[]\s*(?P<vals>(?:{SCALAR})(?:\s*,\s*(?:{SCALAR}))+)\s*[)\]]")
_BETAS = re.compile(
    rf"\b(?:betas?|β)\s*(?:of|=|:)?\s*\(\s*(?P<b1>{SCALAR})\s*,\s*(?P<b2>{SCALAR})\s*\)"
    # 'Adam ... with betas 0.9 and 0.999', 'beta values of 0.5 and 0.99': the pair written out
    rf"|\b(?:betas|beta\s+values|β\s+values)\s+(?:of\s+)?(?P<c1>0?\.\d+)\s*(?:,|and)\s*(?P<c2>0?\.\d+)\b",
    re.I,
)
_ITEM = re.compile(rf"{SCALAR}")
# more tuples after the first: '(K, L) = (2048, 1), (512, 4), ... (4, 512)', one run each
# and after 'and' or 'or', or with the symbols said again: '(a, b) = (0, 2), (a, b) = (1/2, 1) and ...'
_MORE = re.compile(
    rf"\s*,?\s*(?:(?:and|or)\s+)?(?:(?:\.\s?){{3}}|…)?\s*(?:{_SYMS.replace('?P<syms>', '?P<again>')})?"
    rf"\(\s*(?P<vals>(?:{SCALAR})(?:\s*,\s*(?:{SCALAR}))+)\s*\)"
)


def tuples(text: str, symbols: dict[str, str]) -> Iterator[Spanned]:
    """Each value of a tuple assignment, with the symbol (or Adam's beta) it goes to; `symbols`: the names
    the paper gave its symbols."""
    done = 0
    for m in _SYMBOLS.finditer(text):
        if m.start() < done:
            continue  # a run of the tuple read before
        syms = _names(m["syms"])
        values = list(_ITEM.finditer(text, m.start("vals"), m.end("vals")))
        if len(syms) != len(values):
            continue  # '(a, b) = (0, 2)': one value per symbol, else no reading
        runs = [[v[0] for v in values]]
        end = m.end()
        while (more := _MORE.match(text, end)) and len(items := _items(more["vals"])) == len(syms):
            if more["again"] and _names(more["again"]) != syms:
                break  # another tuple of other symbols
            runs.append(items)
            end = more.end()
        done = end
        # chosen: 'we use (K, L) = ...', '(β1, β2) are set to (0.9, 0.98)', or Adam's moments
        before = text[max(0, m.start() - 160) : m.start()]
        chosen = SETTING_VERB.search(before) or WE_SET.search(before[-80:]) or ADAM.search(text)
        chosen = chosen or re.search(r"\b(?:set|fixed|chosen)\b", m[0][: m.start("vals") - m.start()])
        for k, (sym, v) in enumerate(zip(syms, values, strict=True)):
            taken = ", ".join(run[k] for run in runs)  # the symbol's value in each run: a sweep when several
            if sym in symbols:
                yield Spanned(symbols[sym], sym, taken, v.span())
                continue
            named = chosen or WORD_SUBSCRIPT.fullmatch(sym) or conventional_key(sym, text)
            yield Spanned(symbol_key(sym), sym, taken, v.span(), not named and LETTER_ONLY)
    if ADAM.search(text):
        for m in _BETAS.finditer(text):
            one, two = ("b1", "b2") if m["b1"] else ("c1", "c2")
            yield Spanned("beta1", "Adam β1", m[one], m.span(one))
            yield Spanned("beta2", "Adam β2", m[two], m.span(two))


def _names(syms: str) -> list[str]:
    return [s.strip() for s in syms.split(",")]


def _items(vals: str) -> list[str]:
    """A tuple's values: '(4, 512)', and '(4,512)', where the comma parts two values, not thousands."""
    items = _ITEM.findall(vals)
    parts = [p.strip() for p in vals.split(",")]
    return parts if len(items) == 1 and all(_ITEM.fullmatch(p) for p in parts) else items
