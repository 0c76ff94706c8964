"""Where findings are on their pages (bbox, check flags) and render_page: real PDFs converted, real PNGs read
back, errors for bad pages and boxes, the image through the MCP SDK's client, the page resource."""

from __future__ import annotations

import base64
import json
import shutil
import struct
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from mcp import MCPError

from tools.analysis.checklist import make_checklist
from tools.analysis.equations import grep_equations
from tools.errors import BadArgument, NotFound
from tools.ingest.boxes import BOXES_NAME, PDF_NAME
from tools.ingest.paper import pdf_to_markdown
from tools.ingest.render import DEFAULT_DPI, MARGIN, render_page

BENCH = Path(__file__).resolve().parent.parent / "bench" / "papers"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG, after checking its signature, chunks' CRCs and that its pixels inflate."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, idat, size = 8, b"", (0, 0)
    while at < len(data):
        n, tag = struct.unpack(">I4s", data[at : at + 8])
        body = data[at + 8 : at + 8 + n]
        assert struct.unpack(">I", data[at + 8 + n : at + 12 + n])[0] == zlib.crc32(tag + body)
        if tag == b"IHDR":
            size = struct.unpack(">II", body[:8])
        idat += body if tag == b"IDAT" else b""
        at += 12 + n
    w, h = size
    assert len(zlib.decompress(idat)) == h * (w + 1)  # one filter byte and w gray bytes a row
    return size


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [(doc[i].get_width(), doc[i].get_height()) for i in range(len(doc))]
    finally:
        doc.close()


@pytest.fixture
def converted(paper_pdf: Path):
    return pdf_to_markdown(source=paper_pdf.name)


def test_findings_carry_boxes_inside_their_pages(converted, paper_pdf):
    sizes = page_sizes(paper_pdf)
    g = grep_equations(converted.markdown_path)
    found = [*g.numbered, *g.display, *g.algorithms, *g.theorems, *g.hyperparameters]
    assert len(g.numbered) >= 15 and g.hyperparameters
    assert all(f.bbox is not None for f in found)
    for f in found:
        w, h = sizes[f.page - 1]
        x0, y0, x1, y1 = f.bbox
        assert 0 <= x0 < x1 <= w + 1 and 0 <= y0 < y1 <= h + 1, (f, w, h)
    # top-left origin: the first numbered equation's box lies between the prose lines around it
    md = Path(converted.markdown_path)
    boxes = json.loads((md.with_name(BOXES_NAME)).read_text())
    assert "top-left" in boxes["origin"]
    e = g.numbered[0]
    before = [v for k, v in boxes["lines"].items() if int(k) < e.line and v[0] == e.page]
    if before:  # the prose right above it on its page ends higher up (smaller y)
        assert before[-1][1][1] < e.bbox[1]
    assert (md.parent / PDF_NAME).read_bytes() == paper_pdf.read_bytes()


def test_rows_name_their_crop_and_the_crop_renders(converted):
    g = grep_equations(converted.markdown_path, kinds=["numbered"])
    e = g.numbered[3]
    hint = f"render: page {e.page}, bbox ["
    assert hint in g.summary_text()
    r = render_page(converted.paper_id, e.page, e.bbox)
    data = Path(r.path).read_bytes()
    assert data == r.png and r.size_bytes == len(data) <= 300_000
    want_w = round((e.bbox[2] - e.bbox[0] + 2 * MARGIN) * DEFAULT_DPI / 72)
    want_h = round((e.bbox[3] - e.bbox[1] + 2 * MARGIN) * DEFAULT_DPI / 72)
    assert png_size(data) == (r.width, r.height)
    assert abs(r.width - want_w) <= 2 and abs(r.height - want_h) <= 2
    assert Path(r.path).parent.parent == Path(converted.markdown_path).parent
    ink = zlib.decompress(b"".join(_idat(data)))
    assert min(ink) < 128  # the crop holds dark glyphs, not white paper
    c = make_checklist(converted.markdown_path)
    eq_items = [i for i in c.items if i.kind == "equation"]
    assert eq_items and all("render: page " in i.notes for i in eq_items)


def _idat(data: bytes) -> list[bytes]:
    out, at = [], 8
    while at < len(data):
        n, tag = struct.unpack(">I4s", data[at : at + 8])
        if tag == b"IDAT":
            out.append(data[at + 8 : at + 8 + n])
        at += 12 + n
    return out


def test_whole_page_and_paper_md_path(converted, paper_pdf):
    w, h = page_sizes(paper_pdf)[0]
    r = render_page(converted.markdown_path, 1, dpi=72)
    assert r.bbox is None and r.pages == 17
    assert png_size(Path(r.path).read_bytes()) == (r.width, r.height)
    assert abs(r.width - w) <= 1 and abs(r.height - h) <= 1


@pytest.mark.parametrize("bbox_args", [["100", "100", "300", "200"], ["[100,100,300,200]"]])
def test_cli_takes_a_box_as_four_numbers_or_a_list(converted, bbox_args):
    """`render-page PAPER 1 --bbox 100 100 300 200` (as the box is printed) and the JSON list form, with
    --root given twice before the command: both crops are the same box."""
    from tests.cli_run import run_cli

    root = Path(converted.markdown_path).parents[3]
    paper = Path(converted.markdown_path).parent.name
    done = run_cli(root, "--root", "/tmp", "--json", "render-page", paper, "1", "--bbox", *bbox_args)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["bbox"][0] < 100 < 300 < result["bbox"][2] and Path(result["path"]).is_file()


@pytest.mark.parametrize(
    ("page", "bbox", "dpi", "says"),
    [
        (0, None, DEFAULT_DPI, "pages 1 to 17"),
        (18, None, DEFAULT_DPI, "pages 1 to 17"),
        (1, [100, 100, 100, 200], DEFAULT_DPI, "empty or inverted"),
        (1, [100, 300, 200, 200], DEFAULT_DPI, "empty or inverted"),
        (1, [1000, 1000, 1200, 1100], DEFAULT_DPI, "outside the page"),
        (1, [1, 2, 3], DEFAULT_DPI, "3 numbers"),
        (1, None, 5000, "dpi 5000"),
    ],
)
def test_bad_pages_boxes_and_dpi_are_refused(converted, page, bbox, dpi, says):
    with pytest.raises(BadArgument, match=says):
        render_page(converted.paper_id, page, bbox, dpi)
    assert not (Path(converted.markdown_path).parent / "renders").exists()


def test_paper_without_pdf_or_unknown_id(tmp_root):
    with pytest.raises(NotFound, match="not been converted"):
        render_page("0123456789abcdef", 1)
    d = tmp_root / "latexpaper"
    d.mkdir()
    (d / "paper.md").write_text("# T\n\n$$ x = 1 $$ (1)\n", encoding="utf-8")
    (d / "paper.json").write_text(json.dumps({"route": "latex", "source": str(d / "main.tex")}))
    with pytest.raises(NotFound, match="no PDF is known"):
        render_page(str(d / "paper.md"), 1)


def test_hand_made_algorithm_paper_has_algorithm_boxes(tmp_root):
    pdf = tmp_root / "algo.pdf"
    shutil.copyfile(BENCH / "hand6algo" / "paper.pdf", pdf)
    r = pdf_to_markdown(source=pdf.name)
    g = grep_equations(r.markdown_path, kinds=["algorithm"])
    assert g.algorithms
    for a in g.algorithms:
        assert a.bbox and a.page
        if a.steps:  # the box spans the caption and the steps: taller than one line
            assert a.bbox[3] - a.bbox[1] > 20
    a = g.algorithms[0]
    crop = render_page(r.paper_id, a.page, a.bbox)
    assert png_size(crop.png) == (crop.width, crop.height)


def test_flags_name_known_losses(converted):
    from tools.ingest.pdf import flags

    known = {flags.ACCENT, flags.STROKE, flags.FRACTION, flags.MAPLESS_GLYPHS, flags.SCRIPT, flags.PIECES,
             flags.ROOT}
    g = grep_equations(converted.markdown_path, kinds=["numbered", "display"])
    checks = [c for e in [*g.numbered, *g.display] for c in e.check]
    assert set(checks) <= known
    flagged = [e for e in g.numbered if e.check]
    assert flagged and len(flagged) < len(g.numbered)  # some, not all
    assert "check: " in g.summary_text()


# ---------------------------------------------------------------- MCP


@pytest.mark.anyio
async def test_render_page_over_mcp_sends_the_image(client, paper_pdf):
    r = await client.call_tool("pdf_to_markdown", {"source": paper_pdf.name, "limit": 100})
    paper_id = r.structured_content["paper_id"]
    g = await client.call_tool("grep_equations", {"markdown_path": r.structured_content["markdown_path"],
                                                  "kinds": ["numbered"]})
    e = g.structured_content["numbered"][0]
    out = await client.call_tool("render_page", {"paper": paper_id, "page": e["page"], "bbox": e["bbox"]})
    assert not out.is_error, out.content
    images = [c for c in out.content if c.type == "image"]
    assert len(images) == 1 and images[0].mime_type == "image/png"
    data = base64.b64decode(images[0].data)
    s = out.structured_content
    assert "png" not in s and png_size(data) == (s["width"], s["height"])
    assert Path(s["path"]).read_bytes() == data

    bad = await client.call_tool("render_page", {"paper": paper_id, "page": 99})
    assert bad.is_error and "pages 1 to 17" in bad.content[0].text

    page = await client.read_resource(f"paper://{paper_id}/page/2")
    blob = page.contents[0]
    assert blob.mime_type == "image/png" and png_size(base64.b64decode(blob.blob))[0] > 500
    with pytest.raises(MCPError, match="pages 1 to 17"):
        await client.read_resource(f"paper://{paper_id}/page/40")


def test_a_maths_font_read_as_text_is_flagged() -> None:
    from tools.ingest.pdf.flags import MAPLESS_GLYPHS, flag_lines
    from tools.ingest.pdf.lines import Line
    from tools.ingest.pdf.runs import Run

    class NoRules:
        def rules(self) -> list:
            return []

    def display(text: str) -> Line:
        return Line([Run(text, 100, 300, 500, 10, 0, len(text), 0)], 100, 300, 500, 10, text, kind="display")

    coded, plain, quoted = display("st`1 “ Ast ` Bxt, yt “ Cst"), display("s_{t+1} = As_t + Bx_t"), \
        display("a “quoted” word = b")
    flag_lines([coded, plain, quoted], NoRules(), 10)
    assert coded.flags == [MAPLESS_GLYPHS]
    assert plain.flags == [] and quoted.flags == []
