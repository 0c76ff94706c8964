"""PDF text with layout, built on pypdfium2: text runs with coordinates -> lines -> columns -> Markdown.

The stages, one module each: `runs` reads a page's text runs and font facts from pdfium; `columns` puts them
in reading order (left column, then right, band by band between full-width lines); `lines` groups runs by
baseline; `displays` finds display equations (indented lines next to each other; a label "(12)" flush right
with a wide gap before it, see `labels`) and `display_join` joins each into one line ending with its label;
`headings` marks headings, algorithm captions and theorem heads; `paragraphs` reflows prose with hyphenation
repaired; `page_markdown` writes each page. This module runs them over a whole document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from tools.ingest.pdf.glyphs import LIGATURES
from tools.ingest.pdf.headings import Heading
from tools.ingest.pdf.page_markdown import MarkdownPages
from tools.ingest.pdf.paragraphs import Vocab, continue_across_floats
from tools.ingest.pdf.runs import PdfPage, Run

__all__ = ["LIGATURES", "MAX_PAGES", "Converted", "Heading", "convert_document"]

MAX_PAGES = 2000  # documented cap: larger PDFs are refused before any work


@dataclass
class Converted:
    markdown: str
    pages: int
    title: str | None
    headings: list[Heading]
    mapless_pages: list[int] = field(default_factory=list)
    empty_pages: list[int] = field(default_factory=list)


def convert_document(doc: object, progress: object = None) -> Converted:
    """The Markdown of a whole pdfium document."""
    pages, pages_runs, widths, heights = _read_pages(doc, progress)
    body = _body_size(pages_runs)
    furniture = _page_furniture(pages_runs, heights)
    pages_runs = [[r for r in runs if id(r) not in furniture] for runs in pages_runs]
    md = MarkdownPages(body, Vocab(pages_runs))
    for i, (p, runs) in enumerate(zip(pages, pages_runs, strict=True)):
        md.add_page(i + 1, p, runs, widths[i])
    text = "\n".join(t for _, t in continue_across_floats(md.items, md.vocab)) + "\n"
    _number_headings(md.headings, text)
    return Converted(text, len(pages), md.title, md.headings, md.mapless, md.empty)


def _read_pages(
    doc: object, progress: object
) -> tuple[list[PdfPage], list[list[Run]], list[float], list[float]]:
    """Each page's text access and runs, width and height."""
    n = len(doc)  # type: ignore[arg-type]
    pages: list[PdfPage] = []
    pages_runs: list[list[Run]] = []
    widths: list[float] = []
    heights: list[float] = []
    for i in range(n):
        pg = doc[i]  # type: ignore[index]
        widths.append(pg.get_width())
        heights.append(pg.get_height())
        p = PdfPage(pg.get_textpage(), pg)
        pages.append(p)
        pages_runs.append(p.runs())
        if progress and i % 25 == 0:
            progress(i, n)  # type: ignore[operator]
    return pages, pages_runs, widths, heights


def _number_headings(headings: list[Heading], text: str) -> None:
    """Each heading's line number in the final Markdown (its first occurrence), 0 when not found."""
    lineno: dict[str, int] = {}
    for k, s in enumerate(text.split("\n"), start=1):
        if s.startswith("#"):
            lineno.setdefault(s, k)
    for h in headings:
        h.line = lineno.get("#" * h.level + " " + h.text, 0)


def _body_size(pages_runs: list[list[Run]]) -> float:
    c: Counter[float] = Counter()
    for runs in pages_runs:
        for r in runs:
            c[round(r.size, 1)] += len(r.text)
    return c.most_common(1)[0][0] if c else 10.0


def _page_furniture(pages_runs: list[list[Run]], heights: list[float]) -> set[int]:
    """Running heads and feet (the same text, digits aside, near the top or bottom of many pages) and bare
    page numbers: they would cut sentences that continue across pages."""
    def key(r: Run) -> str:
        return re.sub(r"\d+", "#", r.text.lower())

    def edge(r: Run, h: float) -> bool:
        return r.y > 0.9 * h or r.y < 0.1 * h

    seen: Counter[str] = Counter()
    for runs, h in zip(pages_runs, heights, strict=True):
        seen.update({key(r) for r in runs if edge(r, h)})
    need = max(3, 0.4 * len(pages_runs))
    out = set()
    for runs, h in zip(pages_runs, heights, strict=True):
        for r in runs:
            if edge(r, h) and (seen[key(r)] >= need or re.fullmatch(r"\d{1,4}", r.text)):
                out.add(id(r))
    return out
