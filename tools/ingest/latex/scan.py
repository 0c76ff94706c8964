"""Low-level LaTeX scanning shared by the LaTeX route: groups, environments, top-level splitting, comments.

Plain string scanning with regular expressions (no TeX engine): a 100 kB paper takes milliseconds.
"""

from __future__ import annotations

import re

_BRACE = re.compile(r"\\.|[{}]", re.S)
_COMMENT = re.compile(r"^((?:[^\\%]|\\.)*)%")
_SPLIT_TOKEN = re.compile(
    r"\\begin\s*\{[^}]*\}|\\end\s*\{[^}]*\}|\\\\\*?|\\(?:cr|tabularnewline)(?![a-zA-Z])"
    r"|\\[a-zA-Z@]+|\\.|[{}&]",
    re.S,
)
_ROW_SPACING = re.compile(r"\s*\[[^\]]*\]")


class Unbalanced(ValueError):
    """A group or environment without its closing brace or \\end."""


def read_group(s: str, i: int) -> tuple[str, int]:
    """s[i] == '{': the group's content and the index after its closing brace (Unbalanced when missing).

    The braces of `s` are matched once (cached for the last few strings), so walking a text group by group
    stays linear even when thousands of braces never close."""
    end = _brace_table(s).get(i)
    if end is None:  # not a brace as seen from the start (e.g. right after a backslash): scan from i
        end = _scan_group(s, i)
    if end < 0:
        raise Unbalanced(f"unbalanced braces from offset {i}")
    return s[i + 1 : end - 1], end


def _scan_group(s: str, i: int) -> int:
    depth = 0
    for m in _BRACE.finditer(s, i):
        c = m.group()
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return m.end()
    return -1


_TABLES: dict[int, tuple[str, dict[int, int]]] = {}
_TABLES_KEPT = 8


def _brace_table(s: str) -> dict[int, int]:
    """Each '{' of s -> the index after its matching '}', or -1 when it never closes."""
    hit = _TABLES.get(id(s))
    if hit is not None and hit[0] is s:
        return hit[1]
    table: dict[int, int] = {}
    stack: list[int] = []
    for m in _BRACE.finditer(s):
        c = m.group()
        if c == "{":
            stack.append(m.start())
            table[m.start()] = -1
        elif c == "}" and stack:
            table[stack.pop()] = m.end()
    if len(_TABLES) >= _TABLES_KEPT:
        _TABLES.pop(next(iter(_TABLES)), None)
    _TABLES[id(s)] = (s, table)
    return table


def read_bracket(s: str, i: int) -> tuple[str, int]:
    """s[i] == '[': the optional argument up to the matching ']' outside braces."""
    depth = 0
    j = i + 1
    while j < len(s):
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == "]" and depth == 0:
            return s[i + 1 : j], j + 1
        j += 1
    raise Unbalanced(f"unclosed [ from offset {i}")


def skip_space(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\n":
        i += 1
    return i


def read_arg(s: str, i: int) -> tuple[str, int]:
    """One undelimited TeX argument at or after i: a {group}'s content, a control sequence, or a character."""
    i = skip_space(s, i)
    if i >= len(s):
        return "", i
    if s[i] == "{":
        return read_group(s, i)
    if s[i] == "\\":
        m = re.compile(r"\\(?:[a-zA-Z@]+|.)", re.S).match(s, i)
        assert m
        return m.group(), m.end()
    return s[i], i + 1


def read_optional(s: str, i: int) -> tuple[str | None, int]:
    """An optional [argument] after spaces, or (None, i) when there is none."""
    j = skip_space(s, i)
    if j < len(s) and s[j] == "[":
        return read_bracket(s, j)
    return None, i


def read_args(s: str, i: int, spec: str) -> tuple[list[str | None], int]:
    """Arguments by spec: 'm' mandatory (read when present), 'o' optional [..], 's' star; absent ones None."""
    out: list[str | None] = []
    for kind in spec:
        j = skip_space(s, i)
        if kind == "s":
            star = j < len(s) and s[j] == "*"
            out.append("*" if star else None)
            i = j + 1 if star else i
        elif kind == "o":
            a, i = read_optional(s, i)
            out.append(a)
        elif j < len(s) and s[j] in "{\\":
            a, i = read_arg(s, j)
            out.append(a)
        else:
            out.append(None)
    return out, i


def env_end(s: str, name: str, start: int) -> tuple[int, int]:
    """From just after \\begin{name}: (start of the matching \\end{name}, index after it)."""
    pat = re.compile(r"\\(begin|end)\s*\{" + re.escape(name) + r"\}")
    depth = 1
    for m in pat.finditer(s, start):
        depth += 1 if m.group(1) == "begin" else -1
        if depth == 0:
            return m.start(), m.end()
    raise Unbalanced(f"\\begin{{{name}}} has no \\end{{{name}}}")


def split_spans(s: str, sep: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) spans of s[start:end] split on top-level separators outside braces and nested
    environments: sep is '\\\\' (rows) or '&'. A row separator's star and [spacing] belong to it."""
    end = len(s) if end is None else end
    spans, depth, envs, last, pos = [], 0, 0, start, start
    for m in _SPLIT_TOKEN.finditer(s, start, end):
        if m.start() < pos:
            continue
        t = m.group()
        if t == "{":
            depth += 1
        elif t == "}":
            depth -= 1
        elif t.startswith("\\begin"):
            envs += 1
        elif t.startswith("\\end"):
            envs -= 1
        elif depth == 0 and envs == 0:
            is_row = t in ("\\\\", "\\\\*", "\\cr", "\\tabularnewline")
            if (sep == "&" and t == "&") or (sep == "\\\\" and is_row):
                spans.append((last, m.start()))
                stop = m.end()
                if is_row:
                    sp = _ROW_SPACING.match(s, stop, end)
                    if sp:
                        stop = sp.end()
                last = pos = stop
    spans.append((last, end))
    return spans


_COMMA_TOKEN = re.compile(r"\\.|[{},]", re.S)


def split_commas(s: str) -> list[str]:
    """s cut at its commas outside braces: an option or key=value list (`1=a, 2={b,c}`)."""
    out, depth, last = [], 0, 0
    for m in _COMMA_TOKEN.finditer(s):
        t = m.group()
        if t in "{}":
            depth += 1 if t == "{" else -1
        elif t == "," and depth == 0:
            out.append(s[last : m.start()])
            last = m.end()
    return [*out, s[last:]]


def split_top(s: str, sep: str) -> list[str]:
    """split_spans as strings."""
    return [s[a:b] for a, b in split_spans(s, sep)]


def strip_comments(text: str) -> str:
    """Drop %-comments; like TeX, a comment also eats its line end and the next line's leading blanks."""
    if "%" not in text:
        return text
    out: list[str] = []
    glue = False
    for line in text.split("\n"):
        if glue:
            line = line.lstrip(" \t")
        m = _COMMENT.match(line) if "%" in line else None
        if m:
            line = m.group(1)
        if glue:
            out[-1] += line
        else:
            out.append(line)
        glue = m is not None
    return "\n".join(out)


_COND = re.compile(r"\\(iffalse|if[a-zA-Z]*|fi|else)(?![a-zA-Z@])")
_NOT_CONDITIONALS = {"ifthenelse"}
_IFFALSE = re.compile(r"\\iffalse(?![a-zA-Z@])")


def drop_iffalse(text: str) -> str:
    """Remove \\iffalse ... \\fi blocks (nested conditionals counted); an \\else branch is kept."""
    return _resolve(text, _IFFALSE, lambda _m, _before: False)


def _resolve(text: str, opening: re.Pattern[str], holds) -> str:  # noqa: ANN001
    """Each conditional `opening` matches replaced by the branch `holds(match, text before it)` picks."""
    out, pos = [], 0
    while (m0 := opening.search(text, pos)) is not None:
        out.append(text[pos : m0.start()])
        else_at, else_end, fi_at, end = _branches(text, m0.end())
        out.append(text[m0.end() : else_at] if holds(m0, text[: m0.start()]) else text[else_end:fi_at])
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _branches(text: str, start: int) -> tuple[int, int, int, int]:
    """Where a conditional opened before `start` has its \\else (start and end; both at \\fi when it has
    none) and its \\fi (start and end; the text's end when unclosed)."""
    depth, else_at, else_end = 1, None, None
    for m in _COND.finditer(text, start):
        name = m.group(1)
        if name in _NOT_CONDITIONALS:
            continue
        if name == "fi":
            depth -= 1
            if depth == 0:
                return _ends(else_at, else_end, m.start(), m.end())
        elif name == "else":
            if depth == 1:
                else_at, else_end = m.start(), m.end()
        else:
            depth += 1
    return _ends(else_at, else_end, len(text), len(text))


def _ends(else_at: int | None, else_end: int | None, fi_at: int, end: int) -> tuple[int, int, int, int]:
    return (else_at, else_end or fi_at, fi_at, end) if else_at is not None else (fi_at, fi_at, fi_at, end)


# `\\ifx\\thechapter\\undefined A \\else B \\fi`: LyX declares every theorem this way
_IFX_UNDEFINED = re.compile(r"\\ifx\s*\\([A-Za-z@]+)\s*\\undefined(?![a-zA-Z@])")
CHAPTER_CLASSES = {"book", "report", "memoir", "scrbook", "scrreprt"}  # classes with chapters
_DEFINES = r"\\(?:[gex]?def|let|(?:re)?newcommand|providecommand|DeclareRobustCommand)\*?\s*\{?\s*"
_CLASS = re.compile(r"\\documentclass\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}")


def resolve_undefined(text: str) -> str:
    """`\\ifx\\cmd\\undefined A \\else B \\fi` as TeX reads it: A when \\cmd is not defined before it (by
    \\def, \\newcommand and kin, \\newcounter for `\\the...`, or the class for chapters), else B."""
    cls = _CLASS.search(text)
    chapters = bool(cls) and cls.group(1).strip() in CHAPTER_CLASSES

    def undefined(m: re.Match[str], before: str) -> bool:
        name = m.group(1)
        if name in ("thechapter", "chapter", "c@chapter"):
            return not chapters
        counter = name.removeprefix("the") if name.startswith("the") else None
        defined = rf"{_DEFINES}\\{name}(?![a-zA-Z@])"
        if counter:
            defined += rf"|\\newcounter\s*\{{\s*{counter}\s*\}}"
        return re.search(defined, before) is None

    return _resolve(text, _IFX_UNDEFINED, undefined)


_NEWIF = re.compile(r"\\newif\s*\\if([A-Za-z@]+)")


def resolve_switches(text: str) -> str:
    """`\\newif\\ifdraft ... \\draftfalse ... \\ifdraft A \\else B \\fi` as TeX reads it: the branch the
    last `\\drafttrue` or `\\draftfalse` before the test picks (a new switch starts false)."""
    names = dict.fromkeys(_NEWIF.findall(text))
    text = _NEWIF.sub("", text)  # the declaration prints nothing, and its `\\if...` opens no test
    for name in names:
        test = re.compile(rf"\\if{re.escape(name)}(?![a-zA-Z@])")
        setting = re.compile(rf"\\{re.escape(name)}(true|false)(?![a-zA-Z@])")

        def holds(_m: re.Match[str], before: str, setting: re.Pattern[str] = setting) -> bool:
            return [m.group(1) for m in setting.finditer(before)][-1:] == ["true"]

        text = _resolve(text, test, holds)
    return text


def drop_environments(text: str, names: set[str]) -> str:
    """Remove whole environments (comment and \\excludecomment'ed ones)."""
    for name in names:
        pat = re.compile(
            r"\\begin\s*\{" + re.escape(name) + r"\}.*?(?:\\end\s*\{" + re.escape(name) + r"\}|\Z)", re.S
        )
        text = pat.sub("", text)
    return text


def squash(s: str) -> str:
    """Collapse whitespace runs into one space and strip."""
    return " ".join(s.split())
