"""PDF pages of the LaTeX route's numbered items, found by their printed labels in the paper's PDF text.

An equation "(12)" is a line ending in that label (not after 'Eq.', 'see', ...); an algorithm a line opening
with "Algorithm 3"; a theorem-like item a line opening with its printed name and number ("Theorem 2.1").
Equations and statements are taken in document order, each on the first candidate page at or after the one
before it; algorithms (floats) in their own order. An item with no candidate there gets no page.
Keys: "(12)", "Algorithm 3", "theorem 2.1" (the name in lower case).

Boxes: the PDF route's own findings on the same PDF (its engine and scanners) give each item the box a
PDF-route finding of that label has on that page: the whole display, the algorithm's caption and steps, the
statement's head line. They go into the paper's paper.boxes.json, keyed by the LaTeX Markdown's lines.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tools.ingest.boxes import Where
from tools.ingest.latex.numbering import Numbering

MAX_PAGES = 300
_REF_END = re.compile(r"(?i)(?:\beqs?\.?|\beqn\.?|\bequations?|\bin|\bsee|\band|\bor|\bof|\bby|\bto)\s*$")


def numbered_items(n: Numbering) -> list[tuple[int, str, str]]:
    """(order, kind, label) of every numbered row, algorithm and numbered theorem-like item in `n`."""
    items = [(off, "equation", r.label) for off, d in n.displays.items() for r in d.rows if r.label]
    items += [(off, "algorithm", num) for off, (kind, num) in n.captions.items() if kind == "algorithm"]
    items += [(off, t.name.lower(), t.number) for off, t in n.theorems.items() if t.number and not t.restated]
    return sorted(items)


def item_key(kind: str, label: str) -> str:
    if kind == "equation":
        return f"({label})"
    if kind == "algorithm":
        return f"Algorithm {label}"
    return f"{kind.lower()} {label}"


def label_pages(pdf: Path, items: list[tuple[int, str, str]]) -> dict[str, int]:
    """Key -> 1-based PDF page for the items found in `pdf`; {} when the PDF cannot be read."""
    lines = _page_lines(pdf)
    if not lines:
        return {}
    out: dict[str, int] = {}
    last = {"text": 1, "float": 1}
    for _, kind, label in items:
        chain = "float" if kind == "algorithm" else "text"
        key = item_key(kind, label)
        if key in out:
            continue
        page = _first_page(lines, _matcher(kind, label), last[chain])
        if page is not None:
            out[key] = page
            last[chain] = page
    return out


def label_boxes(pdf: Path, markdown: str, pages: dict[str, int]) -> dict[int, Where]:
    """LaTeX Markdown line -> page and box of its numbered item in `pdf`, on the page `pages` gives it (or
    the first PDF-route finding of that label when the text search found none); {} when unreadable."""
    from tools.analysis.equations import find_all

    on_pdf = _pdf_findings(pdf)
    out: dict[int, Where] = {}
    for key, item in _keyed(find_all(markdown, set(_KINDS))):
        places = on_pdf.get(key, [])
        want = pages.get(key)
        place = next((p for p in places if p.page == want), None) if want else (places or [None])[0]
        if place is not None and item.line not in out:
            out[item.line] = place
    return out


_KINDS = ("numbered", "algorithm", "theorem")


def _keyed(found: dict) -> list[tuple[str, Any]]:
    """(key, finding) of each numbered equation, numbered algorithm and numbered statement."""
    out: list[tuple[str, Any]] = [(item_key("equation", e.label), e) for e in found["numbered"] if e.label]
    out += [(item_key("algorithm", a.number), a) for a in found["algorithms"] if a.number]
    out += [(item_key(t.kind, t.number), t) for t in found["theorems"] if t.number]
    return out


def _pdf_findings(pdf: Path) -> dict[str, list[Where]]:
    """Key -> the places of the PDF route's findings with that label, in document order."""
    import pypdfium2 as pdfium

    from tools.analysis.equations import find_all
    from tools.ingest.pdf.engine import convert_document

    try:
        doc = pdfium.PdfDocument(pdf)
    except (pdfium.PdfiumError, OSError):
        return {}
    try:
        if len(doc) > MAX_PAGES:
            return {}
        conv = convert_document(doc)
    except pdfium.PdfiumError:
        return {}
    finally:
        doc.close()
    out: dict[str, list[Where]] = {}
    for key, item in _keyed(find_all(conv.markdown, set(_KINDS), conv.boxes)):
        if item.page and item.bbox:
            out.setdefault(key, []).append(Where(item.page, tuple(item.bbox)))
    return out


def _matcher(kind: str, label: str) -> re.Pattern[str]:
    if kind == "equation":
        return re.compile(rf"(?:^|(?P<before>.*\S)\s*)\({re.escape(label)}\)$")
    name = "Algorithm" if kind == "algorithm" else kind
    return re.compile(rf"^{re.escape(name)}\s+{re.escape(label)}(?![\w.]\w)(?:[\s.:(]|$)", re.I)


def _first_page(lines: list[list[str]], rx: re.Pattern[str], start: int) -> int | None:
    for page in range(start, len(lines) + 1):
        for line in lines[page - 1]:
            m = rx.search(line)
            if m and not _REF_END.search(m.groupdict().get("before") or ""):
                return page
    return None


def _page_lines(pdf: Path) -> list[list[str]]:
    """Each page's text lines (stripped), or [] when the file is not a readable PDF."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(pdf)
    except (pdfium.PdfiumError, OSError):
        return []
    try:
        out = []
        for i in range(min(len(doc), MAX_PAGES)):
            page = doc[i]
            text = page.get_textpage().get_text_range()
            page.close()
            out.append([ln.strip() for ln in re.split(r"\r\n|\r|\n", text) if ln.strip()])
        return out
    finally:
        doc.close()
