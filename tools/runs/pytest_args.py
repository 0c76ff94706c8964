"""pytest_args as an allow-list: selection and reporting options only, and test paths inside the project.

No accepted option names a file or loads code: options such as --basetemp, --junitxml, --debug, -o cache_dir=
or --rootdir could write, truncate or delete files outside the project, and -p loads plugins.
"""

from __future__ import annotations

import re
from pathlib import Path

from tools.errors import BadArgument, OutsideRoots, TooLarge

MAX_ARGS = 200
SHELL_TOKENS = {";", "&&", "||", "|", "&", ">", ">>", "<", "2>&1", "&>"}
TB_STYLES = ("auto", "long", "short", "line", "native", "no")
# option -> check of its value (options that take one); the value may follow, come after '=' or be attached
VALUED: dict[str, re.Pattern[str] | None] = {
    "-k": None,
    "-m": None,
    "--maxfail": re.compile(r"\d+"),
    "--durations": re.compile(r"\d+"),
    "--durations-min": re.compile(r"\d+(?:\.\d+)?"),
    "--tb": re.compile("|".join(TB_STYLES)),
    "-r": re.compile(r"[fEsxXpPaAwN]+"),
}
FLAGS = {
    "-x",
    "--exitfirst",
    "-q",
    "-qq",
    "--quiet",
    "-v",
    "-vv",
    "-vvv",
    "--verbose",
    "-l",
    "--showlocals",
    "--lf",
    "--last-failed",
    "--ff",
    "--failed-first",
    "--nf",
    "--new-first",
    "--sw",
    "--stepwise",
    "--sw-skip",
    "--stepwise-skip",
    "--co",
    "--collect-only",
    "--no-header",
    "--no-summary",
    "--strict-markers",
    "--runxfail",
    "-s",
}
SHORT_FLAGS = set("xqvls")  # may be combined: -xvs
ALLOWED_TEXT = (
    "allowed: -k VALUE, -m VALUE, --maxfail N, --durations N, --durations-min S, --tb STYLE, -r CHARS, "
    + ", ".join(sorted(FLAGS))
    + ", and test paths or node ids inside the project"
)


def check_pytest_args(args: list[str], project: Path) -> list[str]:
    """`args` unchanged when every item is allowed; otherwise the first refusal, saying what is allowed."""
    if len(args) > MAX_ARGS:
        raise TooLarge(f"pytest_args has more than {MAX_ARGS} items: select tests with -k or a path instead")
    i = 0
    while i < len(args):
        _plain(args, i)
        i += _option(args, i) if args[i].startswith("-") else _path(args[i], project)
    return list(args)


def _plain(args: list[str], i: int) -> None:
    a = args[i]
    if not isinstance(a, str) or "\x00" in a or "\n" in a or len(a) > 2000:
        raise BadArgument(f"pytest_args[{i}] is not a plain one-line string: pass each argument alone")
    if a in SHELL_TOKENS or a.startswith(("$(", "`")):
        raise BadArgument(
            f"pytest_args[{i}] = {a!r} is shell syntax: the arguments go to pytest directly, no shell; "
            "pass only pytest options and test paths"
        )
    if a.startswith("@"):
        raise BadArgument(f"pytest_args[{i}] = {a!r} reads arguments from a file: pass them directly")


def _option(args: list[str], i: int) -> int:
    """How many items the option at `i` takes (1 or 2); refuses what is not allowed."""
    a = args[i]
    if a in FLAGS or (re.fullmatch(r"-[a-z]{2,}", a) and set(a[1:]) <= SHORT_FLAGS):
        return 1
    name, eq, value = a.partition("=")
    if name in VALUED and eq:
        return _value(name, value, 1)
    if a in VALUED:
        if i + 1 >= len(args):
            raise BadArgument(f"pytest_args: {a} needs a value ({ALLOWED_TEXT})")
        return _value(a, args[i + 1], 2)
    if a[:2] in VALUED and len(a) > 2 and not a.startswith("--"):
        return _value(a[:2], a[2:], 1)
    raise BadArgument(f"pytest_args: {a!r} is not an allowed pytest option; {ALLOWED_TEXT}")


def _value(name: str, value: str, taken: int) -> int:
    check = VALUED[name]
    if check is not None and not check.fullmatch(value):
        raise BadArgument(f"pytest_args: {name} {value!r} is not a valid value for {name}; {ALLOWED_TEXT}")
    return taken


def _path(arg: str, project: Path) -> int:
    """A test path or node id (path::name[params]) that stays inside the project once links are resolved."""
    path = arg.split("::", 1)[0]
    full = (project / path).resolve()
    if not full.is_relative_to(project.resolve()):
        raise OutsideRoots(f"pytest_args: {arg!r} is outside the project: pass test paths inside {project}")
    return 1
