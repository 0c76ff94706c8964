"""render_page: a page of a converted paper, or a region of it, as a PNG in the paper's folder. Boxes are in
PDF points with the origin at the page's top-left corner and y downward, as findings' `bbox` give them."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Annotated

from pydantic import Field

from tools.errors import BadArgument, NotFound, TooLarge
from tools.identifiers import PAPER_ID
from tools.ingest.boxes import PDF_NAME
from tools.models import ToolResult
from tools.workspace import PaperRecord, atomic_write, paper_dir, resolve

DEFAULT_DPI = 150  # accents and bars stay visible; a whole page stays under 300 KB
MIN_DPI, MAX_DPI = 36, 600
MAX_PIXELS = 40_000_000  # a whole A4 page at 600 dpi is ~35 Mpx
MARGIN = 2.0  # points added around a box: a glyph's ink may reach past its font box


class RenderPageResult(ToolResult):
    paper_id: str | None = Field(description="the paper's id (its workspace folder)")
    page: int = Field(description="the page rendered, 1-based")
    pages: int = Field(description="pages in the PDF")
    bbox: list[float] | None = Field(
        description="the region rendered, [x0, y0, x1, y1] in PDF points, origin top-left, y downward (the "
        "requested box plus a small margin, clipped to the page); None: the whole page"
    )
    dpi: int
    path: str = Field(description="the PNG written")
    width: int = Field(description="image width in pixels")
    height: int = Field(description="image height in pixels")
    size_bytes: int = Field(description="size of the PNG")
    png: bytes = Field(default=b"", exclude=True, repr=False, description="the PNG itself (not serialized)")

    def image(self) -> tuple[bytes, str]:
        """The image for clients that show one (MCP image content)."""
        return self.png, "image/png"

    def summary_text(self) -> str:
        where = f"box {self.bbox}" if self.bbox else "whole page"
        return (
            f"{self.path}: page {self.page} of {self.pages}, {where}, {self.width}x{self.height} px, "
            f"{self.size_bytes:,} bytes at {self.dpi} dpi"
        )


def render_page(
    paper: Annotated[str, Field(description="a paper_id from pdf_to_markdown, or the path of its paper.md")],
    page: Annotated[int, Field(description="1-based page number (a finding's `page`)")],
    bbox: Annotated[
        list[float] | None,
        Field(
            description="[x0, y0, x1, y1] in PDF points, origin top-left, y downward (a finding's `bbox`); "
            "default: the whole page"
        ),
    ] = None,
    dpi: Annotated[int, Field(description=f"resolution, {MIN_DPI}-{MAX_DPI}")] = DEFAULT_DPI,
) -> RenderPageResult:
    """Render a page of a converted paper, or the region of a finding (its page and bbox from grep_equations
    or the checklist's 'render:' note), as a PNG written into the paper's folder; MCP clients also get the
    image. Look at it when a finding carries `check` flags: the text may have lost a bar, accent, stroke,
    fraction or script that the page shows."""
    import pypdfium2 as pdfium

    folder, record = _paper(paper)
    pdf = _pdf_of(folder, record)
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise BadArgument(f"dpi {dpi} is out of range: pass {MIN_DPI} to {MAX_DPI} (default {DEFAULT_DPI})")
    try:
        doc = pdfium.PdfDocument(str(pdf))
    except pdfium.PdfiumError as e:
        raise NotFound(f"{pdf} cannot be opened ({e}): convert the paper again with pdf_to_markdown") from e
    try:
        n = len(doc)
        if not 1 <= page <= n:
            raise BadArgument(f"page {page} is out of range: the paper has pages 1 to {n}")
        pg = doc[page - 1]
        try:
            png, size, box = _render(pg, bbox, dpi)
        finally:
            pg.close()
    finally:
        doc.close()
    at = "" if box is None else "-" + "-".join(f"{v:g}" for v in box)
    out = folder / "renders" / f"page-{page}{at}-{dpi}dpi.png"
    atomic_write(out, png)
    return RenderPageResult(
        paper_id=record.paper_id or folder.name,
        page=page,
        pages=n,
        bbox=box,
        dpi=dpi,
        path=str(out),
        width=size[0],
        height=size[1],
        size_bytes=len(png),
        png=png,
    )


def _paper(paper: str) -> tuple[Path, PaperRecord]:
    """The paper's folder and record, from a paper_id or a paper.md path."""
    if PAPER_ID.fullmatch(paper) and not paper.endswith(".md"):
        folder = resolve(paper_dir(paper), must_exist=False, kind="dir", what="paper")
        if not (folder / "paper.json").is_file():
            raise NotFound(
                f"paper {paper!r} has not been converted in this workspace: run pdf_to_markdown(source=...) "
                "and pass the paper_id it returns (or the path of its paper.md)"
            )
    else:
        folder = resolve(paper, must_exist=True, kind="file", what="paper").parent
    record = PaperRecord.read(folder / "paper.json") or PaperRecord()
    return folder, record


def _pdf_of(folder: Path, record: PaperRecord) -> Path:
    """The paper's PDF: kept in its folder, or the record's PDF path or source when that is a PDF."""
    for cand in (folder / PDF_NAME, record.pdf_path, record.source):
        if cand and str(cand).lower().endswith(".pdf") and Path(cand).is_file():
            return Path(cand)
    raise NotFound(
        f"no PDF is known for the paper in {folder} (route {record.route or 'unknown'}): page images need "
        "the PDF; convert the paper from its PDF with pdf_to_markdown(source='paper.pdf')"
    )


def _render(
    pg: object, bbox: list[float] | None, dpi: int
) -> tuple[bytes, tuple[int, int], list[float] | None]:
    """The PNG of the page or the box, its pixel size, and the box rendered (margin added, clipped)."""
    w, h = pg.get_width(), pg.get_height()  # type: ignore[attr-defined]
    box = None
    crop = (0.0, 0.0, 0.0, 0.0)
    if bbox is not None:
        box = _checked_box(bbox, w, h)
        crop = (box[0], h - box[3], w - box[2], box[1])  # left, bottom, right, top cut off
    scale = dpi / 72
    px = (w - crop[0] - crop[2]) * scale * (h - crop[1] - crop[3]) * scale
    if px > MAX_PIXELS:
        raise TooLarge(
            f"{px / 1e6:.0f} Mpx at {dpi} dpi is above {MAX_PIXELS // 10**6} Mpx: lower dpi or pass a bbox"
        )
    bitmap = pg.render(scale=scale, crop=crop, grayscale=True)  # type: ignore[attr-defined]
    try:
        png = _png(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride)
        return png, (bitmap.width, bitmap.height), box
    finally:
        bitmap.close()


def _checked_box(bbox: list[float], w: float, h: float) -> list[float]:
    if len(bbox) != 4:
        raise BadArgument(
            f"bbox has {len(bbox)} numbers: pass [x0, y0, x1, y1] (PDF points, origin top-left, y downward)"
        )
    x0, y0, x1, y1 = bbox
    if not (x0 < x1 and y0 < y1):
        raise BadArgument(
            f"bbox {bbox} is empty or inverted: x0 < x1 and y0 < y1 are needed (origin top-left, y downward)"
        )
    box = [max(x0 - MARGIN, 0.0), max(y0 - MARGIN, 0.0), min(x1 + MARGIN, w), min(y1 + MARGIN, h)]
    if box[0] >= box[2] or box[1] >= box[3]:
        raise BadArgument(f"bbox {bbox} lies outside the page ({w:g} x {h:g} points)")
    return [round(v, 1) for v in box]


def _png(gray: bytes, width: int, height: int, stride: int) -> bytes:
    """An 8-bit grayscale PNG: rows unfiltered (a page's flat white compresses well as it is)."""
    rows = b"".join(b"\x00" + gray[y * stride : y * stride + width] for y in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    head = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(rows, 6)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
