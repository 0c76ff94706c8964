"""Headings (numbered, named or large bold lines) and the bold heads of algorithm captions and theorems."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tools.analysis.equations import THM_KINDS, THM_NUM
from tools.ingest.pdf.lines import Line
from tools.ingest.pdf.mathtext import MATH
from tools.ingest.pdf.runs import PdfPage

_NUMBERED_HEAD = re.compile(r"^(?:(?:Appendix\s+)?[A-Z]|\d{1,2})(?:\.\d{1,2}){0,3}\.?\s+[A-Z(]")
_NAMED_HEADS = {
    "abstract",
    "references",
    "acknowledgements",
    "acknowledgments",
    "appendix",
    "introduction",
    "conclusion",
    "conclusions",
    "related work",
    "bibliography",
    "supplementary material",
}
_ALG_HEAD = re.compile(r"^(Algorithm\s+[A-Z]?\d+(?:\.\d+)?)[.:]?\s*(.*)$")
_THM_HEAD = re.compile(
    rf"^((?:{THM_KINDS.title()}|Example)(?:\s+(?:{THM_NUM}))?)(\s*\([^)]{{1,80}}\))?([.:]?)(?=\s|$)(.*)$"
)


@dataclass
class Heading:
    level: int
    text: str
    page: int
    line: int = 0


def heading_level(ln: Line, page: PdfPage, body: float, xl: float) -> int | None:
    """The Markdown level of a heading line, or None for any other line."""
    text = ln.text.strip()
    if len(text) > 90 or len(text) < 2 or text.endswith((".", ",", ";")) and not _NUMBERED_HEAD.match(text):
        return None
    if not re.search(r"[A-Za-z]{2}", text) or MATH.search(text):
        return None
    bigger = ln.size >= body * 1.12
    numbered = _NUMBERED_HEAD.match(text)
    named = text.lower().rstrip(":") in _NAMED_HEADS
    if not (bigger or numbered or named):
        return None
    if not named and ln.x0 - xl > ln.size:  # numbered and large headings start at the column's margin
        return None
    if numbered and re.match(r"\d+\.0\b", text):  # '1.0 Circular ...': a plot's tick label
        return None
    caps = numbered and text.split(None, 1)[-1].isupper()  # '2.2 BACKPROPAGATION' in small capitals
    bold = page.bold(ln.runs[0].ci0)
    if not (bigger or caps or bold) or (not numbered and not named and not bold):
        return None  # an unnumbered heading must be bold too: large plain text is a figure's label
    if numbered:
        return _numbered_level(text)
    return 2


def _numbered_level(text: str) -> int | None:
    """'3' -> 2, '3.1' -> 3, deeper -> 4; a bare number or letter before more than 12 words is no heading."""
    num = text.split()[0].rstrip(".")
    if num.lower() == "appendix":
        return 2
    if re.fullmatch(r"\d{1,2}|[A-Z]", num) and len(text.split()) > 12:
        return None
    return min(2 + num.count("."), 4)


def decorate(ln: Line, page: PdfPage) -> str:
    """Bold the head of algorithm captions and theorem-like statements, as the LaTeX route writes them."""
    m = _ALG_HEAD.match(ln.text)
    if m and page.bold(ln.runs[0].ci0):
        ln.kind = "caption"
        return f"**{m.group(1)}** {m.group(2)}".rstrip()
    m = _THM_HEAD.match(ln.text)
    if m and _styled_head(m, ln, page):
        title = (m.group(2) or "").strip()
        return f"**{m.group(1)}**{' ' + title if title else ''}. {m.group(4).strip()}".rstrip()
    return ln.text


def _styled_head(m: re.Match, ln: Line, page: PdfPage) -> bool:
    """A theorem-like head as amsthm and most classes set it: the kind word bold or italic (its first and last
    letters), then a period (a bold numbered head may go without). 'Theorem 2.1 needs ...' is prose."""
    run = ln.runs[0]
    word = m.group(1).split()[0]
    if len(run.text) < len(word):
        return False
    cis = [page.char(run.ts + k) for k in (0, len(word) - 1)]
    bold = all(page.bold(c) for c in cis)
    if not bold and not all(page.italic(c) for c in cis):
        return False
    if not bold:  # an italic head is followed by upright text: not a line of an italic theorem body
        k = m.end(3) + len(m.group(4)) - len(m.group(4).lstrip())
        if k < len(run.text) and page.italic(page.char(run.ts + k)):
            return False
    return bool(m.group(3)) or (bold and " " in m.group(1))
