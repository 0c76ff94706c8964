"""Markdown, page by page: a page marker, the title on page 1, then each column block's lines (displays
joined, headings marked, table rows as cells, glyph junk of plots dropped) reflowed into paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tools.ingest.pdf.cells import Cutter
from tools.ingest.pdf.columns import columns
from tools.ingest.pdf.displays import mark_displays
from tools.ingest.pdf.flags import flag_lines
from tools.ingest.pdf.glyphs import BAD, JUNK, LIGATURES, MAPLESS, clean
from tools.ingest.pdf.headings import Heading, centred_headings, decorate, heading_level, mark_steps
from tools.ingest.pdf.lines import Box, Line, group_lines, margins
from tools.ingest.pdf.pair_tables import pair_tables
from tools.ingest.pdf.paragraphs import Geo, Vocab, reflow
from tools.ingest.pdf.runs import PdfPage, Run


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a Markdown line came from: its page and box in PDF points, origin at the page's top-left corner
    and y growing downward (as pdftoppm and image crops count), and what its text may have lost."""

    page: int
    bbox: tuple[float, float, float, float]  # x0, y0 (top), x1, y1 (bottom)
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Placement:
    page: int
    height: float

    def place(self, geo: Geo | None) -> Placed | None:
        if geo is None:
            return None
        (x0, bottom, x1, top), flags = geo
        box: Box = (x0, self.height - top, x1, self.height - bottom)
        return Placed(self.page, tuple(round(max(v, 0.0), 1) for v in box), tuple(dict.fromkeys(flags)))


@dataclass
class MarkdownPages:
    """The Markdown items (kind, text) of the pages added so far, with the facts gathered on the way."""

    body: float  # the document's body font size
    vocab: Vocab
    items: list[tuple[str, str, Placed | None]] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    title: str | None = None
    mapless: list[int] = field(default_factory=list)  # pages with glyphs that have no Unicode map
    empty: list[int] = field(default_factory=list)  # pages without text
    failed: dict[int, str] = field(default_factory=dict)  # pages given as plain lines -> the stage's error

    def add_page(self, no: int, page: PdfPage, runs: list[Run], width: float, height: float = 0.0) -> None:
        self.items.append(("page", f"<!-- page {no} -->", None))
        if not runs:
            self.empty.append(no)
            return
        suspicious = len(MAPLESS.findall(page.text))
        coded = bool(BAD.search(page.text))  # any glyph without a Unicode map on this page at all?
        if no == 1:
            runs = self._title(runs, no)
        height = height or page.page.get_height()  # type: ignore[attr-defined]
        for block in columns(runs, width):
            suspicious += self._block(block, page, Placement(no, height), coded)
        if suspicious >= 3:
            self.mapless.append(no)

    def add_plain_page(self, no: int, runs: list[Run], error: str) -> None:
        """The page's marker and its lines' text, top to bottom, with no layout read (no columns, displays or
        tables): what is left when a layout stage fails on the page."""
        self.failed[no] = error
        self.items.append(("page", f"<!-- page {no} -->", None))
        for ln in group_lines(runs):
            self.items.append(("para", clean(" ".join(r.text for r in ln.runs)), None))

    def _title(self, runs: list[Run], no: int) -> list[Run]:
        """The largest text at the top of the first page is the title: a level-1 heading, out of the runs."""
        top = max(runs, key=lambda r: (r.size, r.y))
        if top.size < self.body * 1.25:
            return runs
        tl = sorted((r for r in runs if abs(r.size - top.size) < 0.5 and top.y - r.y < 4 * top.size),
                    key=lambda r: (-r.y, r.x0))
        title = " ".join(r.text for r in tl).translate(LIGATURES)
        self.title = title
        ids = {id(r) for r in tl}
        self.items.append(("heading", f"# {title}", None))
        self.headings.append(Heading(1, title, no))
        return [r for r in runs if id(r) not in ids]

    def _block(self, block: list[Run], page: PdfPage, at: Placement, coded: bool) -> int:
        """One column block's items; returns how many glyphs without a Unicode map it kept."""
        no = at.page
        cut = Cutter(page)  # each line's cells, shared by the table passes around the display pass
        lines = pair_tables(mark_displays(group_lines(block), page, cut), page, cut)
        mark_steps(lines, page)
        flag_lines(lines, page, self.body)
        xl, xr = margins([ln for ln in lines if ln.kind == "text"] or lines)
        bad = 0
        for ln in lines:
            if coded:
                bad += _strip_junk(ln)
                if ln.kind == "drop":
                    continue
            self._markup(ln, page, no, xl, xr)
        for kind, text, geo in reflow([ln for ln in lines if ln.kind != "drop"], xl, xr, self.vocab):
            if kind != "heading" and text.startswith("#"):  # a bracket's glyph code, not a heading's mark
                text = "\\" + text
            self.items.append((kind, text, at.place(geo)))
        return bad

    def _markup(self, ln: Line, page: PdfPage, no: int, xl: float, xr: float) -> None:  # noqa: PLR0913
        """Clean a line's text and mark it up: table cells, a heading, or a bold caption or theorem head."""
        ln.text = clean(ln.text)
        if ln.kind == "table":
            ln.text = "| " + " | ".join(clean(r.text) for r in ln.runs) + " |"
        if ln.kind != "text":
            return
        level = heading_level(ln, page, self.body, xl, xr, centred_headings(self.headings))
        if level:
            ln.kind = "heading"
            self.headings.append(Heading(level, ln.text, no))
            ln.text = "#" * level + " " + ln.text
            return
        new = decorate(ln, page)
        if new != ln.text:
            ln.text, ln.kind = new, ("caption" if ln.kind == "caption" else "para")


def _strip_junk(ln: Line) -> int:
    """Drop glyph runs of plots in fonts without Unicode, and the line itself when little else is left (its
    kind becomes 'drop'). Returns how many such glyphs a kept line still holds."""
    ln.text = JUNK.sub("", ln.text).strip()
    bad = len(BAD.findall(ln.text))
    wordless = not re.search(r"[^\W\d_]", ln.text)  # digits and codes only: tick labels
    if not ln.text or bad > 0.3 * len(ln.text) or (bad and wordless):
        ln.kind = "drop"
        return 0
    return bad
