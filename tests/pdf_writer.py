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


def pdf_document(streams: list[bytes], pages: int | None = None) -> bytes:
    """A letter-size PDF: page k draws streams[k], or every page the one stream when `pages` is given."""
    count = pages or len(streams)
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for n, stream in enumerate(streams):
        data = zlib.compress(stream, 9)
        objs[4 + n] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    first = 4 + len(streams)
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
    for p in range(count):
        objs[first + p] = page + b"/Contents %d 0 R >>" % (4 + min(p, len(streams) - 1))
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
