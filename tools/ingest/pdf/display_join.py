"""One reading of a display's lines. Its pieces on other baselines are read in a linear order: a script-size
piece centred above or below a big operator (∑ ∏ ∫ ∮ ⋃ ⋂) is its limit, written LaTeX-style `∑_{t=1}^{T}`; a
body-size piece above a main row and one below it, centred on each other, are a fraction (pdfium gives no bar
to see), written `(num)/(den)` in the main row at its x position; what is left follows row by row, top to
bottom, the label last."""

from __future__ import annotations

import re
import statistics

from tools.ingest.pdf.labels import LABEL
from tools.ingest.pdf.lines import Line
from tools.ingest.pdf.mathtext import REL
from tools.ingest.pdf.runs import Run, runs_text
from tools.ingest.pdf.word_limits import word_limits

_OPS = set("∑∏∫∮⋃⋂")
_WORDS = re.compile(r"[A-Za-z]{4,}")

Limit = tuple[list[Run], Run]  # the row holding a limit, and the limit's run
Piece = list[Run]  # a part of a row, cut where runs stand apart
# height, numerator row and piece, denominator row and piece, main row
Pair = tuple[float, int, Piece, int, Piece, int]


def join_block(block: list[Line], body: float, page: object = None) -> list[Line]:
    """One output line per label in a vertical block of display lines. Between two labels A (above) and B,
    lines close to A's baseline are A's (fraction parts); a label alone on its line was pushed below its
    equation, so the rest is B's; otherwise the rest is cut at the widest vertical gap."""
    labels = [k for k, ln in enumerate(block) if ln.label]
    if not labels:
        return _join_unnumbered(block, body, page)
    cuts = [0]
    for a, b in zip(labels, labels[1:], strict=False):
        cuts.append(_cut_between(block, a, b, body))
    cuts.append(len(block))
    out = []
    for (s, e), lab in zip(zip(cuts, cuts[1:], strict=False), labels, strict=False):
        out.append(merge(block[s:e], block[lab].label, body, page))
    return out


def _join_unnumbered(block: list[Line], body: float, page: object) -> list[Line]:
    """Rows of an unnumbered align: each piece (fraction part, limit) joins the nearest row with a
    relation."""
    mains = [k for k, ln in enumerate(block) if REL.search(ln.text)]
    if len(block) > 40 or not mains:
        for ln in block:
            ln.kind = "text"
        return block
    rows: dict[int, list[Line]] = {k: [] for k in mains}
    for ln in block:
        rows[min(mains, key=lambda k: abs(block[k].y - ln.y))].append(ln)
    return [merge(rows[k], None, body, page) for k in mains]


def _cut_between(block: list[Line], a: int, b: int, body: float) -> int:
    """Where the display labelled at line a ends and the one labelled at line b starts."""
    k = a + 1
    while k < b and block[a].y - block[k].y <= 0.9 * body:
        k += 1
    if k < b and not LABEL.sub("", block[b].text).strip():
        return k
    # never cut just above a small line: a lower limit ('t=1') belongs to the operator above it
    gaps = [(block[m - 1].y - block[m].y, m) for m in range(k, b + 1) if block[m].size >= 0.85 * body]
    return max(gaps)[1] if gaps else b


def merge(block: list[Line], label: str | None, body: float = 0.0, page: object = None) -> Line:
    """Join a display's lines into one reading: limits go to their operators, fractions into the main row
    as '(num)/(den)', the remaining rows top to bottom, the label last. With the page, limits under an
    operator word (min, arg max, lim) go to it too (`word_limits`)."""
    rows = []
    for ln in block:
        runs = [Run(r.text, r.x0, r.x1, r.y, r.size, r.ci0, r.ci1, r.ts) for r in ln.runs]
        if ln.label and runs:
            runs[-1].text = LABEL.sub("", runs[-1].text).rstrip()
            runs = [r for r in runs if r.text]
        rows.append(runs)
    flags = []
    if len(rows) > 1:
        _limits(rows)
        size = body or max(ln.size for ln in block)
        if page is not None:
            word_limits(rows, page, size)
        _fractions(rows, body or statistics.median(ln.size for ln in block))
        if _scripts(rows, size):
            flags.append("script on its own baseline")
        flags += _loose_rows(rows, size)
    text = " ".join(t for t in (runs_text(row) for row in rows if row) if t)
    if label:
        text = f"{text} ({label})" if text else f"({label})"
    first = block[0]
    return Line(
        [r for ln in block for r in ln.runs], min(ln.x0 for ln in block), max(ln.x1 for ln in block),
        first.y, first.size, text, False, "display", label, flags,
    )


def _scripts(rows: list[list[Run]], body: float) -> int:
    """A row of script-size pieces only, right above or below a main row and within its width, beside its
    glyphs (not over them), is that row's superscripts or subscripts: each joins the main row at its x as
    `^{(j)}` or `_{i}` (a prime as it is).
    Returns how many joined with no glyph right before them (over a hat, between letters: maybe misplaced)."""
    floating = 0
    mains = [row for row in rows if row and max(r.size for r in row) >= 0.85 * body]
    for row in rows:
        if not row or row in mains or max(r.size for r in row) >= 0.8 * body:
            continue
        for r in list(row):
            near = [
                m for m in mains if abs(r.y - m[0].y) <= 0.9 * body and m[0].x0 - body <= r.x0 <= m[-1].x1
            ]
            if not near:
                continue
            main = min(near, key=lambda m: abs(r.y - m[0].y))
            if any(min(r.x1, m.x1) - max(r.x0, m.x0) > 0.5 * (r.x1 - r.x0) for m in main):
                continue  # over or under the row's glyphs (limits not given to an operator): not a script
            mark = "^" if r.y > main[0].y else "_"
            text = r.text if set(r.text) <= set("′″‴'*∗⋆") else f"{mark}{{{r.text}}}"
            floating += not any(-1.5 <= r.x0 - m.x1 <= 0.3 * r.size for m in main)
            main.append(Run(text, r.x0, r.x1, main[0].y, r.size, r.ci0, r.ci1, r.ts))
            main.sort(key=lambda x: x.x0)
            row.remove(r)
    return floating


def _loose_rows(rows: list[list[Run]], body: float) -> list[str]:
    """What reading the rows left after limits and fractions top to bottom may have lost."""
    left = [row for row in rows if row]
    out = []
    if any(max(r.size for r in row) < 0.8 * body for row in left):
        out.append("script on its own baseline")
    widths = [row[-1].x1 - row[0].x0 for row in left]
    if len(left) > 1 and min(widths) < 0.4 * max(widths):  # a fragment, not a whole row of an align
        out.append("pieces from other baselines read in a linear order")
    return out


def _limits(rows: list[list[Run]]) -> None:
    """A small piece right above or below a big operator (a run's first or last glyph), centred on its glyph,
    is its limit: '∑' with 't=1' below and 'T' above reads '∑_{t=1}^{T}'."""
    for row in rows:
        for op in row:
            t = op.text
            at = 0 if t[:1] in _OPS else len(t) - 1 if t[-1:] in _OPS else -1
            if at < 0:
                continue
            lo, hi = _find_limits(rows, row, op, at)
            if not (lo or hi):
                continue
            lim = t[at] + (f"_{{{lo[1].text}}}" if lo else "") + (f"^{{{hi[1].text}}}" if hi else "")
            op.text = t[:at] + lim + (" " + t[at + 1 :].lstrip() if at + 1 < len(t) else "")
            for got in (lo, hi):
                if got:
                    got[0].remove(got[1])


def _find_limits(
    rows: list[list[Run]], row: list[Run], op: Run, at: int
) -> tuple[Limit | None, Limit | None]:
    """The first small runs centred below and above the operator glyph at `at` of run `op`, in other rows."""
    w = op.x1 - op.x0 if len(op.text) == 1 else 1.45 * op.size
    g0 = op.x0 if at == 0 else op.x1 - w
    lo = hi = None
    for other in rows:
        if other is row:
            continue
        for r in other:
            c = (r.x0 + r.x1) / 2
            dy = r.y - op.y
            if r.size < 0.9 * op.size and g0 - 1 <= c <= g0 + w + 1 and 0.4 * op.size < abs(dy) \
                    < 1.8 * op.size and r.x1 - r.x0 < 3.5 * op.size:
                if dy > 0 and hi is None:
                    hi = (other, r)
                elif dy < 0 and lo is None:
                    lo = (other, r)
    return lo, hi


def _segments(row: list[Run]) -> list[Piece]:
    """A row cut where runs stand apart (side-by-side numerators of two fractions)."""
    segs = [[row[0]]]
    for a, b in zip(row, row[1:], strict=False):
        if b.x0 - a.x1 > 1.2 * max(a.size, b.size):
            segs.append([b])
        else:
            segs[-1].append(b)
    return segs


def _fractions(rows: list[list[Run]], body: float) -> int:
    """A piece above a main row and a piece below it, centred on each other, are a fraction: they become
    '(numerator)/(denominator)' in the main row at the fraction's place. Tightest pairs first."""
    used: set[int] = set()
    hosts: set[int] = set()  # rows that took a fraction in: main rows, no numerators
    for _, ka, sa, kb, sb, km in sorted(_fraction_pairs(rows, body), key=lambda p: p[0]):
        if not rows[km] or any(id(r) in used for r in sa + sb + rows[km]) or {ka, kb} & hosts:
            continue
        used.update(id(r) for r in sa + sb)
        hosts.add(km)
        main = rows[km]
        text = f"({runs_text(sa)})/({runs_text(sb)})"
        x0, x1 = min(sa[0].x0, sb[0].x0), max(sa[-1].x1, sb[-1].x1)
        main.append(Run(text, x0, x1, main[0].y, max(r.size for r in main), sa[0].ci0, sa[0].ci1, sa[0].ts))
        main.sort(key=lambda r: r.x0)
        rows[ka] = [r for r in rows[ka] if id(r) not in used]
        rows[kb] = [r for r in rows[kb] if id(r) not in used]
    return len(hosts)


def _fraction_pairs(rows: list[list[Run]], body: float) -> list[Pair]:
    """Every body-size piece over another, centred on it, with a main row between them."""
    big = [[s for s in _segments(row) if max(r.size for r in s) >= 0.8 * body] if row else [] for row in rows]
    mains = [k for k, row in enumerate(rows) if row and max(r.size for r in row) >= 0.85 * body]
    pairs: list[Pair] = []
    for ka, sas in enumerate(big):
        for sa in sas:  # script-size pieces (exponents, limits) are no display numerators
            for kb in range(ka + 1, len(rows)):
                pairs += _pairs_below(rows, mains, body, ka, sa, kb, [s for s in big[kb] if not _wordy(s)])
    return [p for p in pairs if not _wordy(p[2])]


def _wordy(piece: Piece) -> bool:
    """Two words or more: a table's row ('Weight decay 0.045' over 'Batch size 512'), no fraction's part."""
    return len(_WORDS.findall(runs_text(piece))) >= 2


def _pairs_below(
    rows: list[list[Run]], mains: list[int], body: float, ka: int, sa: Piece, kb: int, sbs: list[Piece]
) -> list[Pair]:
    """Numerator `sa` of row ka with each piece of row kb it is centred on, and the main row between them."""
    ca, wa, ya = (sa[0].x0 + sa[-1].x1) / 2, sa[-1].x1 - sa[0].x0, sa[0].y
    out: list[Pair] = []
    rel_a = _relation(sa, body)
    for sb in sbs:
        cb, wb, yb = (sb[0].x0 + sb[-1].x1) / 2, sb[-1].x1 - sb[0].x0, sb[0].y
        if abs(ca - cb) > 0.2 * max(wa, wb) + 1.5 or ya - yb >= 2.6 * body:
            continue
        if rel_a and _relation(sb, body):
            continue  # two rows of an align, each with its relation, not a fraction's parts
        mid = [k for k in mains if ka < k < kb and yb < rows[k][0].y < ya]
        if mid:
            km = min(mid, key=lambda k: abs(rows[k][0].y - (ya + yb) / 2))
            out.append((ya - yb, ka, sa, kb, sb, km))
    return out


def _relation(piece: Piece, body: float) -> bool:
    """A relation sign in the piece's body-size runs (a limit's 't=1' is script-size)."""
    big = [r for r in piece if r.size >= 0.85 * body]
    return bool(big) and bool(REL.search(runs_text(big)))
