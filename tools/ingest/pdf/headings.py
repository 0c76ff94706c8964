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
    "abstract", "references", "acknowledgements", "acknowledgments", "appendix", "introduction",
    "conclusion", "conclusions", "related work", "bibliography", "supplementary material",
}
_ALG_HEAD = re.compile(r"^(Algorithm\s+[A-Z]?\d+(?:\.\d+)?)[.:]?\s*(.*)$")
# a float's caption ('Figure 4: ...', 'Table 2.', 'Algorithm 1 ...') is never a heading
_CAPTION = re.compile(r"^(?:Figure|Fig\.|Table|Algorithm|Listing)\s*[A-Z]?\d+(?:\.\d+)?(?:[.:]|\s|$)")
_STEP_NO = re.compile(r"^(\d{1,3})[:.]?\s+\S")
_THM_HEAD = re.compile(
    rf"^((?:{THM_KINDS.title()}|Example)(?:\s+(?:{THM_NUM}))?)(\s*\([^)]{{1,80}}\))?([.:]?)(?=\s|$)(.*)$"
)


@dataclass
class Heading:
    level: int
    text: str
    page: int
    line: int = 0


# an unnumbered heading set centred (AAAI's sections): a few capitalised words, no names' marks or commas
_CENTRED_WORDS = re.compile(
    r"[A-Z][A-Za-z-]*(?:\s+(?:[A-Z][A-Za-z-]*|and|of|for|the|in|on|with|to|an?)){0,5}"
)


def centred_headings(headings: list[Heading]) -> str:
    """Which centred bold lines may be headings: none before a named heading (Abstract, Introduction) is read
    (the title block's centred bold lines are names); once one is, numbered ones, and unnumbered ones too
    while no heading read is numbered (in a numbered paper such a line is a figure's label or a title's
    second line). Returns "", "numbered" or "all"."""
    if not any(h.text.lower().rstrip(":") in _NAMED_HEADS for h in headings):
        return ""
    return "numbered" if any(_NUMBERED_HEAD.match(h.text) for h in headings) else "all"


def heading_level(  # noqa: PLR0913
    ln: Line, page: PdfPage, body: float, xl: float, xr: float | None = None, centred_ok: str = ""
) -> int | None:
    """The Markdown level of a heading line, or None for any other line. `xr`: the column's right margin;
    `centred_ok` (centred_headings): which bold, larger lines centred in their column are headings too."""
    text = ln.text.strip()
    if len(text) > 90 or len(text) < 2 or text.endswith((".", ",", ";")) and not _NUMBERED_HEAD.match(text):
        return None
    bigger = ln.size >= body * 1.12
    numbered = _NUMBERED_HEAD.match(text)
    named = text.lower().rstrip(":") in _NAMED_HEADS
    if not (bigger or numbered or named):  # first: it rules out most lines, and cheaply
        return None
    if not re.search(r"[A-Za-z]{2}", text) or MATH.search(text) or _CAPTION.match(text):
        return None
    centred = (
        centred_ok
        and xr is not None
        and abs((ln.x0 - xl) - (xr - ln.x1)) < 1.5 * ln.size
        and bool(numbered or centred_ok == "all" and _CENTRED_WORDS.fullmatch(text))
        and not (text.isupper() and " " in text)  # a title's line in capitals
        and not text.endswith(".")  # a figure's numbered step, '2. Run convolutional network.'
        and not text.startswith("0")  # a plot's value, '0.81 Active'
    )
    if not named and ln.x0 - xl > ln.size and not centred:  # numbered, large headings start at the margin
        return None
    if numbered and re.match(r"\d+\.0\b", text):  # '1.0 Circular ...': a plot's tick label
        return None
    if _spread(ln, page):
        return None
    caps = numbered and text.split(None, 1)[-1].isupper()  # '2.2 BACKPROPAGATION' in small capitals
    bold = page.bold(ln.runs[0].ci0)
    if not (bigger or caps or bold) or (not numbered and not named and not bold):
        return None  # an unnumbered heading must be bold too: large plain text is a figure's label
    if numbered and not (bigger or caps or _bold_title(ln, page)):
        return None  # a bold number before plain text: an algorithm's line number or a list's label
    if numbered:
        return _numbered_level(text)
    return 2


def _spread(ln: Line, page: PdfPage) -> bool:
    """Words far apart on one baseline ('20' ... 'UCT'): a plot's tick and legend labels, not a heading."""
    wide = 3 * ln.size
    if any(b.x0 - a.x1 > wide for a, b in zip(ln.runs, ln.runs[1:], strict=False)):
        return True
    for r in ln.runs:  # pdfium may print far-apart words as one run with a space between
        for k in (m.start() for m in re.finditer(" ", r.text[:90])):
            if 0 < k < len(r.text) - 1:
                left, right = page.box(page.char(r.ts + k - 1)), page.box(page.char(r.ts + k + 1))
                if right[0] - left[2] > wide:
                    return True
    return False


def _bold_title(ln: Line, page: PdfPage) -> bool:
    """The first letter after a heading's number is bold too."""
    first = ln.runs[0]
    m = re.match(r"\S+\s+(?=\S)", first.text)
    if m:
        return page.bold(page.char(first.ts + m.end()))
    return len(ln.runs) < 2 or page.bold(ln.runs[1].ci0)


def mark_steps(lines: list[Line], page: PdfPage) -> None:
    """Numbered lines under an algorithm's bold caption, each one or two numbers on from the last and close
    below the line before, are its steps ('3 Sample B data points' in algorithm2e's bold line numbers), never
    headings: their kind becomes 'step'."""
    _captions_under_steps(lines, page)
    last: int | None = None
    prev: Line | None = None
    for ln in lines:
        m = _STEP_NO.match(ln.text)
        if _ALG_HEAD.match(ln.text) and page.bold(ln.runs[0].ci0):
            last = 0
        elif m and last is not None and prev is not None and last < int(m.group(1)) <= last + 2 \
                and prev.y - ln.y < 2 * max(ln.size, prev.size):
            last = int(m.group(1))
            if ln.kind in ("text", "indented"):
                ln.kind = "step"
        prev = ln


def _captions_under_steps(lines: list[Line], page: PdfPage) -> None:
    """A bold algorithm caption set under its box (algorithm2e's `Algorithm 1: ...` below steps numbered from
    1, each close under the one before) moves above its steps, where the caption of a box opens it."""
    for i, ln in enumerate(lines):
        if not (_ALG_HEAD.match(ln.text) and page.bold(ln.runs[0].ci0)) or i == 0:
            continue
        if i + 1 < len(lines) and _STEP_NO.match(lines[i + 1].text):
            continue  # its steps follow it
        start = _first_step_above(lines, i)
        if start is not None:
            lines[start : i + 1] = [ln, *lines[start:i]]


def _first_step_above(lines: list[Line], i: int) -> int | None:
    """The index of step 1 of the numbered lines that end right above lines[i], counting down; None if
    they do not reach 1."""
    below = lines[i]
    number: int | None = None
    for k in range(i - 1, -1, -1):
        m = _STEP_NO.match(lines[k].text)
        n = int(m.group(1)) if m else None
        if n is None or lines[k].y - below.y > 2 * max(lines[k].size, below.size):
            return None
        if number is not None and not number - 2 <= n < number:
            return None
        if n == 1:
            return k
        number, below = n, lines[k]
    return None


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
