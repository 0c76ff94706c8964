"""PDF text with layout, built on pypdfium2: text runs with coordinates -> lines -> columns -> Markdown.

The stages, one module each: `runs` reads a page's text runs and font facts from pdfium; `columns` puts them
in reading order (left column, then right, band by band between full-width lines); `lines` groups runs by
baseline; `displays` finds display equations (indented lines next to each other; a label "(12)" flush right
with a wide gap before it, see `labels`) and `display_join` joins each into one line ending with its label;
`headings` marks headings, algorithm captions and theorem heads; `pair_tables` reads rows of name/value pairs
as pipe tables; `paragraphs` reflows prose with hyphenation repaired; `page_markdown` writes each page;
`furniture` finds running heads and page numbers over the whole document. This module runs them over a whole
document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from tools.ingest.pdf.furniture import page_furniture
from tools.ingest.pdf.glyphs import LIGATURES
from tools.ingest.pdf.headings import Heading
from tools.ingest.pdf.margin_numbers import MarginNumbers
from tools.ingest.pdf.page_markdown import MarkdownPages, Placed
from tools.ingest.pdf.paragraphs import Vocab, continue_across_floats
from tools.ingest.pdf.runs import PdfPage, Run

__all__ = ["LIGATURES", "MAX_PAGES", "Converted", "Heading", "Placed", "convert_document"]

MAX_PAGES = 2000  # documented cap: larger PDFs are refused before any work
MAX_PAGE_CHARS = 40_000  # a dense two-column page holds ~8k; more is a plot's labels or an attack
MAX_PAGE_TEXT_OBJECTS = 20_000  # checked first, before pdfium builds the page's text (the costly step)
PROGRESS_EVERY = 10  # pages between progress reports (each pass reports)
KEEP_OPEN_PAGES = 200  # up to this many pages stay open between the passes (a paper, not a book)


@dataclass
class Converted:
    markdown: str
    pages: int
    title: str | None
    headings: list[Heading]
    mapless_pages: list[int] = field(default_factory=list)
    empty_pages: list[int] = field(default_factory=list)
    crowded_pages: list[int] = field(default_factory=list)  # skipped: over MAX_PAGE_CHARS characters
    boxes: dict[int, Placed] = field(default_factory=dict)  # Markdown line (1-based) -> page, box, flags
    failed_pages: dict[int, str] = field(default_factory=dict)  # page -> error: its text given line by line


def convert_document(doc: object, progress: object = None) -> Converted:
    """The Markdown of a whole pdfium document. Pages are read twice (runs first, for the facts that span the
    document; then Markdown). A paper of up to KEEP_OPEN_PAGES pages keeps its pages open between the passes
    (loading a page is most of the time); a longer one opens and closes each in turn, so memory holds one
    page's pdfium objects."""
    n = len(doc)  # type: ignore[arg-type]
    with _page_cache(n) as cache:
        return _convert(doc, n, progress, cache)


def _convert(doc: object, n: int, progress: object, cache: dict) -> Converted:
    margin = MarginNumbers()
    pages_runs, widths, heights, crowded = _read_pages(doc, n, progress, cache, margin)
    pages_runs = margin.strip(pages_runs)  # line numbers of review copies, before the page furniture
    body = _body_size(pages_runs)
    furniture = page_furniture(pages_runs, heights)
    pages_runs = [[r for r in runs if id(r) not in furniture] for runs in pages_runs]
    md = MarkdownPages(body, Vocab(pages_runs))
    for i, runs in enumerate(pages_runs):
        if not runs:  # an empty or skipped page: only its marker, nothing to open
            md.add_page(i + 1, None, runs, widths[i])  # type: ignore[arg-type]
            continue
        with _opened(doc, i, cache) as p:
            _add_page(md, i + 1, p, runs, widths[i], heights[i])
        _report(progress, n + i, 2 * n, f"writing page {i + 1} of {n}")
    items = continue_across_floats(md.items, md.vocab)
    text = "\n".join(t for _, t, _ in items) + "\n"
    _number_headings(md.headings, text)
    empty = [k for k in md.empty if k not in crowded]
    return Converted(text, n, md.title, md.headings, md.mapless, empty, crowded, _boxes(items), md.failed)


def _add_page(
    md: MarkdownPages, no: int, page: PdfPage, runs: list[Run], width: float, height: float
) -> None:
    """One page's Markdown; a page the layout stages fail on keeps its text, line by line, and the error is
    recorded, so one odd page never costs the rest of the paper."""
    mark = len(md.items), len(md.headings), len(md.mapless)
    try:
        md.add_page(no, page, runs, width, height)
    except MemoryError:  # the call's memory budget: it must stop the work, not cost one page
        raise
    except Exception as e:  # a defect of one stage on one page's layout
        del md.items[mark[0] :], md.headings[mark[1] :], md.mapless[mark[2] :]
        md.add_plain_page(no, runs, f"{type(e).__name__}: {e}")


def _boxes(items: list) -> dict[int, Placed]:
    """Each placed item's Markdown line number (an item is one line, unless its text holds line breaks)."""
    out: dict[int, Placed] = {}
    line = 1
    for _, text, placed in items:
        if placed is not None:
            out[line] = placed
        line += text.count("\n") + 1
    return out


@contextmanager
def _page_cache(n: int) -> Iterator[dict]:
    """Where pages stay open between the two passes (only for papers of up to KEEP_OPEN_PAGES pages); every
    page and text page in it is closed on leaving."""
    cache: dict[int, tuple[object, object, PdfPage]] = {}
    try:
        yield cache if n <= KEEP_OPEN_PAGES else _NoCache()
    finally:
        for pg, tp, _ in cache.values():
            tp.close()  # type: ignore[attr-defined]
            pg.close()  # type: ignore[attr-defined]


class _NoCache(dict):
    """A cache that keeps nothing: long documents reopen each page."""

    def __setitem__(self, key: object, value: object) -> None:
        return None


def _load(doc: object, i: int, cache: dict, pg: object = None) -> tuple[object, object, PdfPage, bool]:
    """Page i (opened here unless given), its text page and their reader (kept with them, so the bulk text
    and font names are read once), and whether the caller must close them (False when the cache holds
    them)."""
    if i in cache:
        return *cache[i], False
    pg = doc[i] if pg is None else pg  # type: ignore[index]
    tp = pg.get_textpage()  # type: ignore[attr-defined]
    page = PdfPage(tp, pg)
    cache[i] = (pg, tp, page)
    return pg, tp, page, i not in cache


@contextmanager
def _opened(doc: object, i: int, cache: dict, pg: object = None) -> Iterator[PdfPage]:
    """Page i with its text page, closed on leaving unless the cache keeps them."""
    pg, tp, page, owned = _load(doc, i, cache, pg)
    try:
        yield page
    finally:
        if owned:
            tp.close()  # type: ignore[attr-defined]
            pg.close()  # type: ignore[attr-defined]


def _crowded_objects(pg: object) -> bool:
    """Whether the page draws more than MAX_PAGE_TEXT_OBJECTS text objects (cheap: no text page is built;
    the objects are looked at one by one only when there are more than that many in all)."""
    import pypdfium2.raw as raw

    page = pg.raw  # type: ignore[attr-defined]
    n = raw.FPDFPage_CountObjects(page)
    if n <= MAX_PAGE_TEXT_OBJECTS:
        return False
    text = raw.FPDF_PAGEOBJ_TEXT
    return sum(raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page, k)) == text for k in range(n)) > (
        MAX_PAGE_TEXT_OBJECTS
    )


def _page_runs(
    doc: object, i: int, cache: dict, margin: MarginNumbers
) -> tuple[list[Run] | None, float, float]:
    """Page i's runs (None when it is too crowded to read), width and height."""
    pg = doc[i]  # type: ignore[index]
    size = pg.get_width(), pg.get_height()
    if _crowded_objects(pg):
        pg.close()
        return None, *size
    with _opened(doc, i, cache, pg) as p:
        return (None if p.n > MAX_PAGE_CHARS else margin.scan(i, p, p.runs())), *size


def _report(progress: object, done: int, total: int, message: str) -> None:
    if progress and done % PROGRESS_EVERY == 0:
        progress(done, total, message)  # type: ignore[operator]


def _read_pages(
    doc: object, n: int, progress: object, cache: dict, margin: MarginNumbers
) -> tuple[list[list[Run]], list[float], list[float], list[int]]:
    """Each page's runs, width and height; pages with more than MAX_PAGE_TEXT_OBJECTS text objects or
    MAX_PAGE_CHARS characters get no runs (their numbers are returned: such a wall of text runs is a plot's
    labels or an attack, not prose)."""
    pages_runs: list[list[Run]] = []
    widths: list[float] = []
    heights: list[float] = []
    crowded: list[int] = []
    for i in range(n):
        runs, width, height = _page_runs(doc, i, cache, margin)
        widths.append(width)
        heights.append(height)
        if runs is None:
            crowded.append(i + 1)
        pages_runs.append(runs or [])
        _report(progress, i, 2 * n, f"reading page {i + 1} of {n}")
    return pages_runs, widths, heights, crowded


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
