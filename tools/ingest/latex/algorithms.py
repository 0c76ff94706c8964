"""Algorithm bodies as numbered steps: algorithmic, algpseudocode/algorithmicx (custom \\algblock blocks too)
and algorithm2e. Nesting is shown by indentation (4 spaces a level); numbers run through the algorithm."""

from __future__ import annotations

import re

from tools.ingest.latex.scan import Unbalanced, read_group, skip_space, squash
from tools.ingest.latex.writer import Writer

# algorithmic / algpseudocode statements: name -> (words before the argument, words after, nesting effect)
# effect: +1 opens a block, -1 closes one, 0 keeps the level; "mid" (else) is printed one level out.
_OPEN = {
    "if": ("if", "then"),
    "for": ("for", "do"),
    "forall": ("for all", "do"),
    "while": ("while", "do"),
    "loop": ("loop", ""),
    "repeat": ("repeat", ""),
    "function": ("function", ""),
    "procedure": ("procedure", ""),
    "foreach": ("for each", "do"),
}
_MID = {"else": ("else", ""), "elsif": ("else if", "then"), "elseif": ("else if", "then")}
_SIMPLE = {
    "state": "",
    "statex": "",
    "require": "Require:",
    "ensure": "Ensure:",
    "return": "return",
    "print": "print",
    "input": "Input:",
    "output": "Output:",
    "globals": "Globals:",
}
_NAMED_TEXT = {"require": "algorithmicrequire", "ensure": "algorithmicensure"}
_STMT = re.compile(r"\\([A-Za-z]+)(?![a-zA-Z])")


def steps(r: Writer, a: int, b: int, env: str) -> list[str]:
    if env == "algorithm2e":
        out: list[str] = []
        _steps_2e(r, a, b, 0, out)
        return _number(out)
    return _number(_steps_algorithmic(r, a, b))


def _number(lines: list[tuple[int, str]]) -> list[str]:
    return [f"{'    ' * depth}{k}. {text}" for k, (depth, text) in enumerate(lines, 1)]


_STATEMENT_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[{}]")


def _statements(r: Writer, a: int, b: int, names: set[str]) -> list[tuple[str, int, int]]:
    """(lower-case command, start of its text, end) for each top-level statement command in s[a:b]."""
    s, found, depth = r.s, [], 0
    for m in _STATEMENT_TOKEN.finditer(s, a, b):
        t = m.group()
        if t == "{":
            depth += 1
        elif t == "}":
            depth -= 1
        elif depth == 0 and t[1:].lower() in names:
            found.append((t[1:], m.start(), m.end()))
    return found


def _steps_algorithmic(r: Writer, a: int, b: int) -> list[tuple[int, str]]:
    s = r.s
    body = s[a:b]
    custom = {n.lower() for n in re.findall(r"\\End([A-Za-z]+)", body)} - set(_OPEN)
    names = (
        set(_OPEN)
        | set(_MID)
        | set(_SIMPLE)
        | {"until"}
        | custom
        | {f"end{n}" for n in _OPEN}
        | {f"end{n}" for n in custom}
    )
    stmts = _statements(r, a, b, names)
    lines: list[tuple[int, str]] = []
    depth = 0
    for k, (cmd, _start, text_at) in enumerate(stmts):
        stop = stmts[k + 1][1] if k + 1 < len(stmts) else b
        low = cmd.lower()
        if low.startswith("end") and low not in _SIMPLE and low != "ensure":
            depth = max(0, depth - 1)
            continue
        if low == "until":
            depth = max(0, depth - 1)
            lines.append((depth, f"**until** {_rest(r, text_at, stop)}".strip()))
            continue
        if low in _MID:
            before, after = _MID[low]
            lines.append((max(0, depth - 1), _words(before, _rest(r, text_at, stop), after)))
            continue
        if low in _OPEN or low in custom:
            before, after = _OPEN.get(low, (cmd.lower(), ""))
            lines.append((depth, _words(before, _rest(r, text_at, stop), after)))
            depth += 1
            continue
        label = _SIMPLE.get(low, "")
        if low in _NAMED_TEXT and _NAMED_TEXT[low] in r.macros.macros:
            label = r.inline_text(r.macros.macros[_NAMED_TEXT[low]].body)
        text = _rest(r, text_at, stop)
        if low == "statex" and not text:
            continue
        lines.append((depth, (f"**{label}** " if label else "") + text))
    return [(d, t.strip()) for d, t in lines if t.strip()]


def _words(before: str, arg: str, after: str) -> str:
    return squash(f"**{before}** {arg}" + (f" **{after}**" if after else ""))


def _rest(r: Writer, a: int, b: int) -> str:
    """A statement's text with a leading {argument} unwrapped and comments as '▷ ...'."""
    s = r.s
    text = r.inline(a, b)
    j = skip_space(s, a)
    if j < b and s[j] == "{":
        try:
            _, end = read_group(s, j)
            text = squash(r.inline(j + 1, end - 1) + " " + r.inline(end, b))
        except Unbalanced:
            pass
    return text


_2E_BLOCKS = {
    "For": ("for", "do", 2),
    "ForEach": ("for each", "do", 2),
    "ForAll": ("for all", "do", 2),
    "While": ("while", "do", 2),
    "If": ("if", "then", 2),
    "uIf": ("if", "then", 2),
    "ElseIf": ("else if", "then", 2),
    "uElseIf": ("else if", "then", 2),
    "Else": ("else", "", 1),
    "uElse": ("else", "", 1),
    "eIf": ("if", "then", 3),
    "Repeat": ("repeat", "", 2),
    "Loop": ("loop", "", 1),
    "lIf": ("if", "then", 2),
    "lFor": ("for", "do", 2),
    "lForEach": ("for each", "do", 2),
    "lWhile": ("while", "do", 2),
    "lElse": ("else", "", 1),
    "Fn": ("function", "", 2),
    "Proc": ("procedure", "", 2),
}
_2E_KW = {
    "KwIn": "Input:",
    "KwOut": "Output:",
    "KwData": "Data:",
    "KwResult": "Result:",
    "Input": "Input:",
    "Output": "Output:",
    "KwRet": "return",
    "Return": "return",
}
_2E_SKIP = {
    "caption",
    "label",
    "SetAlgoLined",
    "DontPrintSemicolon",
    "LinesNumbered",
    "SetKwInOut",
    "SetKwInput",
    "SetKwFunction",
    "SetKw",
    "SetAlgoNoLine",
    "SetAlgoVlined",
    "SetNlSty",
    "SetKwProg",
    "SetKwData",
    "SetArgSty",
    "SetFuncSty",
    "SetCommentSty",
    "SetAlCapFnt",
    "SetAlgoCaptionSeparator",
    "SetKwComment",
    "IncMargin",
    "DecMargin",
    "SetInd",
    "RestyleAlgo",
    "SetAlgorithmName",
    "centering",
    "small",
    "footnotesize",
    "scriptsize",
}


# skipped with no argument (the rest of _2E_SKIP take one, or three)
_2E_NO_ARGS = {
    "SetAlgoLined",
    "DontPrintSemicolon",
    "LinesNumbered",
    "SetAlgoNoLine",
    "SetAlgoVlined",
    "centering",
    "small",
    "footnotesize",
    "scriptsize",
}
_2E_THREE_ARGS = {"SetKwInOut", "SetKwFunction", "SetKwProg"}
_2E_TOKEN = re.compile(r"\\([A-Za-z]+)|\\;|\\\\|\\.|[{}]")
_SIDE_COMMENT = re.compile(r"\*\s*(?:\[([a-z]?)\])?\s*\{")  # \tcp*[r]{...}: a side comment


def step_command(name: str) -> bool:
    """A command the step converters write out themselves (\\STATE, \\ENDFOR, \\KwIn, \\SetKwInOut, ...):
    no TeX engine is needed for it, whatever a package's definition of it looks like."""
    low = name.lower()
    algorithmic = set(_OPEN) | set(_MID) | set(_SIMPLE) | {"until"} | {f"end{n}" for n in _OPEN}
    return low in algorithmic or name in _2E_BLOCKS or name in _2E_KW or name in _2E_SKIP


def has_2e_statements(s: str, a: int, b: int) -> bool:
    """Does s[a:b] write algorithm2e statements (\\For{...}, \\KwData{...}), not only prose or a list?"""
    return any(m.group(1) in _2E_BLOCKS or m.group(1) in _2E_KW for m in _2E_TOKEN.finditer(s, a, b))


def _steps_2e(r: Writer, a: int, b: int, depth: int, out: list[tuple[int, str]]) -> None:
    s = r.s
    pos, start = a, a
    for m in _2E_TOKEN.finditer(s, a, b):
        if m.start() < pos:
            continue
        t, name = m.group(), m.group(1)
        if t == "{":
            try:
                _, pos = read_group(s, m.start())
            except Unbalanced:
                pos = b
            continue
        if t in ("\\;", "\\\\"):
            _emit(r, start, m.start(), depth, out)
            start = pos = m.end()
            continue
        if name in ("tcp", "tcc") and (end := _side_comment_end(s, m.end(), b)):
            _emit(r, start, end, depth, out)  # a side comment ends its line (unless placed [h] or [f])
            start = pos = end
            continue
        if name in _2E_SKIP:
            _emit(r, start, m.start(), depth, out)
            pos = _skip_args(s, m.end(), b, 3 if name in _2E_THREE_ARGS else 1)
            if name in _2E_NO_ARGS:
                pos = m.end()
            start = pos
        elif name in _2E_BLOCKS:
            _emit(r, start, m.start(), depth, out)
            start = pos = _block_2e(r, name, m.end(), b, depth, out)
        elif name in _2E_KW:
            _emit(r, start, m.start(), depth, out)
            groups, pos = _groups(s, m.end(), b, 1)
            text = r.inline(*groups[0]) if groups else ""
            out.append((depth, f"**{_2E_KW[name]}** {text}".strip()))
            start = pos
    _emit(r, start, b, depth, out)


def _side_comment_end(s: str, i: int, b: int) -> int | None:
    """Where a line-ending side comment (`\\tcp*{...}`, `\\tcp*[r]{...}`, `[l]`) that starts at i ends."""
    m = _SIDE_COMMENT.match(s, i, b)
    if not m or m.group(1) in ("h", "f"):
        return None
    try:
        return read_group(s, m.end() - 1)[1]
    except Unbalanced:
        return None


def _block_2e(r: Writer, name: str, i: int, b: int, depth: int, out: list[tuple[int, str]]) -> int:
    """An algorithm2e block (\\For{cond}{body}, \\eIf{c}{then}{else}, ...) from its arguments at i; returns
    where they end."""
    before, after, nargs = _2E_BLOCKS[name]
    groups, pos = _groups(r.s, i, b, nargs)
    if nargs == 1:
        out.append((depth, f"**{before}**"))
        _steps_2e(r, *groups[0], depth + 1, out)
    elif name == "Repeat":
        out.append((depth, "**repeat**"))
        _steps_2e(r, *groups[1], depth + 1, out)
        out.append((depth, f"**until** {r.inline(*groups[0])}"))
    elif name.startswith("l"):
        out.append((depth, _words(before, r.inline(*groups[0]), after) + " " + r.inline(*groups[1])))
    else:
        out.append((depth, _words(before, r.inline(*groups[0]), after)))
        _steps_2e(r, *groups[1], depth + 1, out)
        if nargs == 3:
            out.append((depth, "**else**"))
            _steps_2e(r, *groups[2], depth + 1, out)
    return pos


def _emit(r: Writer, a: int, b: int, depth: int, out: list[tuple[int, str]]) -> None:
    text = r.inline(a, b)
    if text:
        out.append((depth, text))


def _groups(s: str, i: int, b: int, n: int) -> tuple[list[tuple[int, int]], int]:
    spans = []
    for _ in range(n):
        j = skip_space(s, i)
        if j >= b or s[j] != "{":
            break
        _, end = read_group(s, j)
        spans.append((j + 1, end - 1))
        i = end
    while len(spans) < n:
        spans.append((i, i))
    return spans, i


def _skip_args(s: str, i: int, b: int, n: int) -> int:
    _, i = _groups(s, i, b, n)
    return i


_CODE_ENVS = ("lstlisting", "verbatim", "Verbatim", "minted")
_CODE_BEGIN = re.compile(r"\\begin\s*\{(" + "|".join(_CODE_ENVS) + r")\}")


def code_span(s: str, a: int, b: int) -> tuple[int, int] | None:
    """(start, end) of the code in the first listing (lstlisting, verbatim, Verbatim, minted) within s[a:b],
    its options and minted's language skipped; None when there is none."""
    m = _CODE_BEGIN.search(s, a, b)
    if not m:
        return None
    end = s.find(f"\\end{{{m.group(1)}}}", m.end(), b)
    if end < 0:
        return None
    return code_start(s, m.group(1), m.end(), end), end


def code_start(s: str, env: str, j: int, end: int) -> int:
    """Where a listing's code starts after \\begin{env}: options on the \\begin line and minted's language
    skipped."""
    line_end = s.find("\n", j, end)
    opt = re.compile(r"[ \t]*\[[^\n]*?\]").match(s, j, end if line_end < 0 else line_end)
    j = opt.end() if opt and env != "verbatim" else j
    if env == "minted":
        lang = re.compile(r"\s*\{[^{}\n]*\}").match(s, j, end)
        j = lang.end() if lang else j
    return j


def code_steps(code: str) -> list[str]:
    """A listing's lines as numbered steps, nesting read from the indentation, each line kept literally."""
    lines = [ln.expandtabs(4).rstrip() for ln in code.split("\n")]
    lines = [ln for ln in lines if ln.strip()]
    indents = sorted({len(ln) - len(ln.lstrip()) for ln in lines})
    base = indents[0] if indents else 0
    unit = next((k - base for k in indents if k > base), 4)
    out = []
    for ln in lines:
        text = ln.strip()
        code = f"`` {text} ``" if "`" in text else f"`{text}`"  # Markdown code spans
        out.append(((len(ln) - len(ln.lstrip()) - base) // unit, code))
    return _number(out)
