"""A plain PDF written byte by byte: text runs in Helvetica at given places, for tests and benchmarks that
need a real PDF of a layout no corpus paper has (no TeX on the machines)."""

from __future__ import annotations

import zlib

Run = tuple[float, float, float, str]  # x, y (points from the page's bottom left), font size, text


def _escaped(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def page_stream(runs: list[Run]) -> bytes:
    """A content stream drawing each run."""
    ops = [b"BT"]
    ops += [b"/F1 %.1f Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj" % (s, x, y, _escaped(t)) for x, y, s, t in runs]
    return b"\n".join([*ops, b"ET"])


def _to_unicode(codes: dict[str, str]) -> bytes:
    """A ToUnicode CMap that reads each one-byte code in `codes` as its character (others as the font's)."""
    pairs = b"".join(b"<%02X> <%04X>\n" % (ord(k), ord(v)) for k, v in codes.items())
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CMapName /Test-UCS def /CMapType 2 def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n%d beginbfchar\n%sendbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end" % (len(codes), pairs)
    )
    return b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"


def pdf_document(
    streams: list[bytes], pages: int | None = None, to_unicode: dict[str, str] | None = None
) -> bytes:
    """A letter-size PDF: page k draws streams[k], or every page the one stream when `pages` is given;
    `to_unicode` maps some byte codes of the text to other characters, as a font's own map may."""
    count = pages or len(streams)
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
    mapped = b" /Encoding /WinAnsiEncoding /ToUnicode 4 0 R"
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: font + (mapped if to_unicode else b"") + b" >>"}
    if to_unicode:
        objs[4] = _to_unicode(to_unicode)
    base = 5 if to_unicode else 4
    for n, stream in enumerate(streams):
        data = zlib.compress(stream, 9)
        head = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data)
        objs[base + n] = head + data + b"\nendstream"
    first = base + len(streams)
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
    for p in range(count):
        objs[first + p] = page + b"/Contents %d 0 R >>" % (base + min(p, len(streams) - 1))
    kids = b" ".join(b"%d 0 R" % (first + p) for p in range(count))
    objs[2] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count
    out, offsets = bytearray(b"%PDF-1.7\n"), {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objs[n] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in sorted(objs))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)
