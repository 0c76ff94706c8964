"""LaTeX counters: values, reset-within chains, aliases, and \\the<counter> formats as LaTeX prints them."""

from __future__ import annotations

import re

_FORMAT_TOKEN = re.compile(
    r"\\(arabic|alph|Alph|roman|Roman|fnsymbol)\s*\{([^}]*)\}|\\the([a-zA-Z]+)|\\[a-zA-Z@]+"
    r"|[{}]|([^\\{}]+)"
)
_FNSYMBOLS = ["*", "†", "‡", "§", "¶", "‖", "**", "††", "‡‡"]


def roman(n: int) -> str:
    out = []
    for v, s in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (LaTeX stops at z; later letters keep papers readable)."""
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(ord("a") + r) + s
    return s


def styled(style: str, n: int) -> str:
    if style == "arabic":
        return str(n)
    if style in ("alph", "Alph"):
        s = letters(n)
        return s.upper() if style == "Alph" else s
    if style in ("roman", "Roman"):
        s = roman(n)
        return s.upper() if style == "Roman" else s
    return _FNSYMBOLS[n - 1] if 0 < n <= len(_FNSYMBOLS) else str(n)


class Counters:
    def __init__(self) -> None:
        self.value: dict[str, int] = {}
        self.within: dict[str, str] = {}
        self.fmt: dict[str, str] = {}
        self.alias: dict[str, str] = {}

    def real(self, name: str) -> str:
        seen = set()
        while name in self.alias and name not in seen:
            seen.add(name)
            name = self.alias[name]
        return name

    def new(self, name: str, within: str | None = None) -> None:
        self.value.setdefault(name, 0)
        if within:
            self.within[name] = within

    def set_within(self, name: str, parent: str | None, keep_format: bool = False) -> None:
        name = self.real(name)
        self.new(name)
        if parent:
            self.within[name] = parent
        else:
            self.within.pop(name, None)
        if not keep_format:
            self.fmt.pop(name, None)
        if keep_format and parent:
            self.fmt.setdefault(name, f"\\arabic{{{name}}}")

    def step(self, name: str) -> None:
        name = self.real(name)
        self.value[name] = self.value.get(name, 0) + 1
        self._reset_children(name)

    def set(self, name: str, n: int) -> None:
        self.value[self.real(name)] = n

    def add(self, name: str, n: int) -> None:
        name = self.real(name)
        self.value[name] = self.value.get(name, 0) + n

    def _reset_children(self, name: str, depth: int = 0) -> None:
        for child, parent in self.within.items():
            if self.real(parent) == name and depth < 10:
                self.value[child] = 0
                self._reset_children(child, depth + 1)

    def the(self, name: str, depth: int = 0) -> str:
        """What \\the<name> prints."""
        real = self.real(name)
        fmt = self.fmt.get(name) or self.fmt.get(real)
        if fmt is not None and depth < 8:
            return self.render(fmt, depth + 1)
        n = str(self.value.get(real, 0))
        parent = self.within.get(real)
        if parent and depth < 8:
            return f"{self.the(parent, depth + 1)}.{n}"
        return n

    def render(self, fmt: str, depth: int = 0) -> str:
        out = []
        for m in _FORMAT_TOKEN.finditer(fmt):
            if m.group(1):
                out.append(styled(m.group(1), self.value.get(self.real(m.group(2).strip()), 0)))
            elif m.group(3):
                out.append(self.the(m.group(3), depth + 1))
            elif m.group(4):
                out.append(m.group(4))
        return "".join(out).strip()
