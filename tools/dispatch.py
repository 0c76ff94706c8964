"""Name -> handler tables built from groups, for the LaTeX readers that dispatch on a command's name."""

from __future__ import annotations

from collections.abc import Iterable


def dispatch_table(*groups: tuple[Iterable[str], str]) -> dict[str, str]:
    """Each name -> the handler of its group; a name in two groups goes to the first."""
    out: dict[str, str] = {}
    for names, handler in groups:
        for name in names:
            out.setdefault(name, handler)
    return out
