"""Short text helpers shared by the tools: one-line summaries, Markdown table cells, page/section notes."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any


def one_line(text: object, limit: int) -> str:
    """Whitespace collapsed to single spaces; over `limit`, cut and ended with '…' (no space before it)."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def one_line_exact(text: str, limit: int) -> str:
    """Like one_line, but cut at exactly limit - 1 characters, even when a space then comes before '…'."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def table_cell(text: object, limit: int = 160) -> str:
    """one_line with its pipes escaped, for a Markdown table cell."""
    return one_line(str(text), limit).replace("|", "\\|")


def docstring_line(text: Any, limit: int = 160) -> str:
    """One printable line that is safe inside a Python docstring (no '\"\"\"'); over `limit`, cut and ended
    with '...'. None becomes ''."""
    line = " ".join(str(text or "").replace('"""', "'''").split())
    line = "".join(ch for ch in line if ch.isprintable())
    return line if len(line) <= limit else line[: limit - 3].rstrip() + "..."


def docstring_cell(text: Any) -> str:
    """docstring_line (up to 400 characters) with its pipes escaped, for a Markdown table cell."""
    return docstring_line(text, 400).replace("|", "\\|")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def where_cell(page: int | None, section: str | None) -> str:
    """'p. 3 · Method' (a checklist's 'where in the paper' cell); '—' when neither is known."""
    parts = [f"p. {page}"] if page else []
    if section:
        parts.append(one_line(section, 60))
    return " · ".join(parts) or "—"


def where_suffix(page: Any, section: Any) -> str:
    """' (page 3, Method)' to follow an item's ID in generated code; '' when neither is known."""
    if page and section:
        return f" (page {page}, {docstring_line(section, 40)})"
    if page or section:
        return f" (page {page})" if page else f" ({docstring_line(section, 40)})"
    return ""


def operator_heavy(tokens: list[str], operators: Collection[str]) -> bool:
    """Six tokens or more, a quarter of them operators: maths written in words ('[GC8 + BN + ReLU] + Pool
    + ...'), which prose never is."""
    return len(tokens) >= 6 and sum(t in operators for t in tokens) >= 0.25 * len(tokens)
