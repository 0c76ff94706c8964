"""Limits set under an operator word of a display (min, max, arg min, sup, inf, lim): a script-size piece
below the word, centred on it, is its subscript, written LaTeX-style right after the word (`min_{θ∈Θ}`), not
read as a row of its own after the main row. A stacked limit (\\substack) gives one piece a row, joined by
', '. A script-size piece centred over a relation (`\\overset{def}{=}`) is its superscript, `=^{def}`. The
word's place inside its run comes from the page's character boxes, so only a run whose text still maps onto
the page's text is looked at."""

from __future__ import annotations

import re

from tools.ingest.pdf.runs import Run, runs_text

_WORD_OP = re.compile(r"(?<![A-Za-z])(?:arg\s?(?:min|max)|lim ?(?:sup|inf)|min|max|sup|inf|lim)(?![A-Za-z])")
_RELATION = re.compile(r"[=≤≥≈∼≃≡≜]")  # a relation a word may be set over ('=' under 'def')
SCRIPT = 0.9  # a limit is set smaller than its operator
CENTRED = 0.3  # its centre within this share of its width (or the word's, the wider) of the word's centre


def word_limits(rows: list[list[Run]], page: object, body: float) -> int:
    """Move the limits under operator words of main-size runs, and the words over their relations, into the
    runs' text; returns how many."""
    text = getattr(page, "text", None)
    if not isinstance(text, str):
        return 0
    moved = 0
    for row in rows:
        for run in row:
            if run.size < 0.85 * body or not _maps(run, page, text):
                continue
            for start, end, down in _spots(run.text):
                if _in_script(page, run.ts + start, body) or _two_words(page, run, start, end):
                    continue
                x0, x1 = _span(page, run.ts + start, run.ts + end - 1)
                pieces = _stacked(rows, row, x0, x1, run, down)
                if pieces:
                    lim = ", ".join(runs_text(p) for _, p in pieces)
                    run.text = f"{run.text[:end]}{'_' if down else '^'}{{{lim}}}{run.text[end:]}"
                    for other, p in pieces:
                        other[:] = [r for r in other if all(r is not q for q in p)]
                    moved += 1
    return moved


def _spots(text: str) -> list[tuple[int, int, bool]]:
    """Operator words (limits below) and relations (a word above), last first: (start, end, below)."""
    spots = [(m.start(), m.end(), True) for m in _WORD_OP.finditer(text)]
    spots += [(m.start(), m.end(), False) for m in _RELATION.finditer(text)]
    return sorted(spots, reverse=True)


def _maps(run: Run, page: object, text: str) -> bool:
    """The run's text is the page's at its place and ends at its last character (no mark joined, no
    text moved in)."""
    end = run.ts + len(run.text)
    return text[run.ts : end] == run.text and page.char(end - 1) == run.ci1  # type: ignore[attr-defined]


def _in_script(page: object, at: int, body: float) -> bool:
    """The glyph is set in a script itself ('g=1' under a brace, in a run that opens at body size)."""
    return page.size(page.char(at)) < 0.85 * body  # type: ignore[attr-defined]


def _two_words(page: object, run: Run, start: int, end: int) -> bool:
    """'lim sup' set as two operators, each with its own limits (a wide gap), not as \\limsup (a thin
    space): which limit is whose is not certain, so neither is moved."""
    gap = run.text.find(" ", start, end)
    if gap < 0:
        return False
    return (
        _span(page, run.ts + gap + 1, run.ts + gap + 1)[0]
        - _span(page, run.ts + gap - 1, run.ts + gap - 1)[1]
        > 0.35 * run.size
    )


def _span(page: object, first: int, last: int) -> tuple[float, float]:
    left = page.box(page.char(first))[0]  # type: ignore[attr-defined]
    right = page.box(page.char(last))[2]  # type: ignore[attr-defined]
    return left, right


Found = list[tuple[list[Run], list[Run]]]  # (the row, the piece of it) of each limit row


def _stacked(rows: list[list[Run]], row: list[Run], x0: float, x1: float, op: Run, down: bool) -> Found:
    """The script-size pieces centred under [x0, x1], row after row downwards, each 0.4 to 1.8 sizes below
    the one above (the word's baseline first); with `down` False the one such piece over it."""
    out: Found = []
    y, sign = op.y, (1 if down else -1)
    near = [o for o in rows if o is not row and o and sign * (op.y - o[0].y) > 0]
    for other in sorted(near, key=lambda o: sign * -o[0].y):
        piece = _centred(other, x0, x1, op.size)
        if piece is None or not 0.4 * op.size < sign * (y - piece[0].y) < 1.8 * op.size:
            if out or sign * (op.y - other[0].y) > 1.8 * op.size:
                break
            continue
        out.append((other, piece))
        if not down:
            break
        y = piece[0].y
    return out


def _centred(row: list[Run], x0: float, x1: float, size: float) -> list[Run] | None:
    """The piece of script-size runs (cut where runs stand apart) centred on [x0, x1]."""
    piece: list[Run] = []
    for r in sorted(row, key=lambda r: r.x0):
        if piece and r.x0 - piece[-1].x1 > 0.5 * size:
            if _is_centred(piece, x0, x1, size):
                return piece
            piece = []
        piece.append(r)
    return piece if piece and _is_centred(piece, x0, x1, size) else None


def _is_centred(piece: list[Run], x0: float, x1: float, size: float) -> bool:
    if any(r.size >= SCRIPT * size for r in piece):
        return False
    p0, p1 = piece[0].x0, max(r.x1 for r in piece)
    tol = CENTRED * max(p1 - p0, x1 - x0) + 1
    centre = (p0 + p1) / 2  # and over the word itself: not between two operators whose limits run together
    return abs(centre - (x0 + x1) / 2) <= tol and x0 <= centre <= x1
