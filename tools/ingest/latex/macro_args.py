"""A user macro's parameters and how a use of it reads its arguments, as TeX does: mandatory {arguments},
[optional] ones with defaults (\\newcommand's first one, or any of xargs' \\newcommandx),
\\DeclarePairedDelimiter sizes, and \\def's delimited parameters (`\\def\\beq#1\\eeq{...}` reads up to
`\\eeq`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tools.ingest.latex.scan import Unbalanced, read_arg, read_group, read_optional, skip_space, split_commas

_PARAM = re.compile(r"#(#|[1-9])")
_XARGS_OPTION = re.compile(r"\s*(usedefault|addprefix\s*=.*)\s*", re.S)
_DELIMITED_LIMIT = 50_000  # characters a delimited argument may span before the use counts as broken


@dataclass
class Macro:
    name: str
    nargs: int = 0
    body: str = ""
    optional: dict[int, str] = field(default_factory=dict)  # argument number -> default, for [..] ones
    left: str | None = None  # \DeclarePairedDelimiter: the delimiters around the body
    right: str | None = None
    end: str | None = None  # \newenvironment: the end code (body is the begin code)
    prefix: str = ""  # \def: text that must follow the name
    delimiters: tuple[str, ...] = ()  # \def: the text that ends each argument ('' for an undelimited one)
    empty_is_default: bool = False  # xargs' usedefault: an empty [] takes the default


def arg_count(s: str, i: int, name: str = "") -> tuple[Macro, int]:
    """[n][default] after a command name, as a Macro without a body yet: \\newcommand's default for argument
    1, or xargs' key list ([usedefault, 1=a, 2={b}]) giving defaults to any arguments."""
    mac = Macro(name)
    opt, i = read_optional(s, i)
    if opt is not None and opt.strip().isdigit():
        mac.nargs = int(opt.strip())
        opt, i = read_optional(s, i)
        if opt is not None:
            keyed = _keyed_defaults(opt)
            mac.optional = keyed if keyed is not None else {1: opt}
            mac.empty_is_default = keyed is not None and "usedefault" in opt
    return mac, i


def _keyed_defaults(opt: str) -> dict[int, str] | None:
    """xargs' `1=a, 2={b}` -> {1: 'a', 2: 'b'}; None when opt is a plain default."""
    items = split_commas(opt)
    keys = [(re.match(r"\s*([1-9])\s*=", it), it) for it in items]
    if not any(k for k, _ in keys) or not all(k or _XARGS_OPTION.fullmatch(it) for k, it in keys):
        return None
    return {int(k.group(1)): _unbrace(it[k.end() :].strip()) for k, it in keys if k}


def def_parameters(params: str) -> tuple[int, str, tuple[str, ...]] | None:
    """\\def's parameter text -> (count, prefix, delimiter after each); None when TeX's matcher would be
    needed for more than literal text (braces, a parameter out of order)."""
    parts = re.split(r"#([1-9])", params)
    numbers = [int(p) for p in parts[1::2]]
    if numbers != list(range(1, len(numbers) + 1)) or re.search(r"[{}#%]", "".join(parts[::2])):
        return None
    prefix, delimiters = parts[0].strip(), tuple(parts[2::2])
    if not prefix and not any(delimiters):
        return len(numbers), "", ()
    return len(numbers), prefix, delimiters


# a control word at the end of a text (not a `\\\\` line break): a letter after it would join its name
ENDS_WITH_WORD = re.compile(r"(?<!\\)(?:\\\\)*\\[a-zA-Z]+$")


def apply(mac: Macro, s: str, i: int) -> tuple[str, int]:
    """The replacement for a use of mac whose name ends at i, and the index after its arguments."""
    if mac.prefix or mac.delimiters:
        args, i = _delimited_args(mac, s, i)
    else:
        args, i, star, size = _plain_args(mac, s, i)
    body = _PARAM.sub(lambda p: _argument(p, args), mac.body)
    if mac.left is not None:
        body = _paired(mac, body, star, size)
    return body, i


def _argument(p: re.Match[str], args: list[str]) -> str:
    """What `#n` in a body stands for; after a control word a letter stays apart from it (`\\lVert#1` with
    `y_i` is `\\lVert y_i`, not `\\lVerty_i`)."""
    if p.group(1) == "#":
        return "#"
    arg = args[int(p.group(1)) - 1] if int(p.group(1)) <= len(args) else ""
    glued = arg[:1].isalpha() and ENDS_WITH_WORD.search(p.string[: p.start()])
    return " " + arg if glued else arg


def _plain_args(mac: Macro, s: str, i: int) -> tuple[list[str], int, str | None, str | None]:
    args: list[str] = []
    star = size = None
    if mac.left is not None:
        j = skip_space(s, i)
        if j < len(s) and s[j] == "*":
            star, i = "*", j + 1
        else:
            size, i = read_optional(s, i)
    for k in range(1, mac.nargs + 1):
        if k in mac.optional:
            opt, i = read_optional(s, i)
            empty = opt is not None and not opt.strip() and mac.empty_is_default
            args.append(mac.optional[k] if opt is None or empty else opt)
            continue
        j = skip_space(s, i)
        if j >= len(s) or s[j] == "}":
            raise Unbalanced(f"\\{mac.name} lacks an argument")
        a, i = read_arg(s, j)
        args.append(a)
    return args, i, star, size


def _paired(mac: Macro, body: str, star: str | None, size: str | None) -> str:
    left, right, mid = mac.left or "", mac.right or "", ""
    if star:
        left, right, mid = f"\\left{left}", f"\\right{right}", "\\middle"
    elif size:
        left, right, mid = f"{size.strip()}l{left}", f"{size.strip()}r{right}", size.strip()
    sep = " " if re.search(r"\\[a-zA-Z]+$", left) else ""
    return left + sep + re.sub(r"\\delimsize(?![a-zA-Z])\s*", lambda _: mid, body) + right


def _delimited_args(mac: Macro, s: str, i: int) -> tuple[list[str], int]:
    i = skip_space(s, i)  # TeX drops the spaces after a control word
    if mac.prefix:
        m = _literal(mac.prefix).match(s, i)
        if m is None:
            raise Unbalanced(f"\\{mac.name} is not followed by {mac.prefix!r}")
        i = m.end()
    args: list[str] = []
    for delim in mac.delimiters:
        if delim:
            a, i = _until(s, i, _literal(delim), mac.name)
        else:
            a, i = read_arg(s, i)
        args.append(a)
    return args, i


def _literal(text: str) -> re.Pattern[str]:
    """A delimiter as a pattern: white space matches any run of it, and a control word must end there."""
    words = text.split()
    if not words:
        return re.compile(r"\s+")
    pat = r"\s*" + r"\s+".join(re.escape(w) for w in words)
    if re.search(r"\\[a-zA-Z]+$", words[-1]):
        pat += r"(?![a-zA-Z])"
    return re.compile(pat)


def _until(s: str, i: int, delim: re.Pattern[str], name: str) -> tuple[str, int]:
    """The text from i up to delim at brace depth 0 (one pair of braces around all of it dropped)."""
    depth, j, stop = 0, i, min(len(s), i + _DELIMITED_LIMIT)
    while j < stop:
        if depth == 0 and (m := delim.match(s, j)):
            return _unbrace(s[i:j]), m.end()
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "}" and depth == 0:
            break
        depth += (c == "{") - (c == "}")
        j += 1
    raise Unbalanced(f"\\{name}'s argument never ends with its delimiter")


def _unbrace(a: str) -> str:
    if a.startswith("{"):
        try:
            inner, end = read_group(a, 0)
        except Unbalanced:
            return a
        if end == len(a):
            return inner
    return a
