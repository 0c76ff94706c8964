"""PDF text with layout, built on pypdfium2: text runs with coordinates -> lines -> columns -> Markdown.

pdfium already splits a page's text into runs that share one baseline (its generated line breaks and its
soft-hyphen markers); we take each run's text in one bulk call and only look up the boxes of a run's first and
last characters, so a page costs a few hundred calls, not one per character. From the runs we rebuild lines
(grouping by baseline), split two-column pages at the gutter (left column, then right, band by band between
full-width lines), find display equations (indented lines next to each other; a label "(12)" flush right with
a wide gap before it) and join each into one line ending with its label, reflow prose into paragraphs with
hyphenation repaired, and mark headings, algorithm captions and theorem heads.

A display's pieces on other baselines are read in a linear order: a script-size piece centred above or below a
big operator (∑ ∏ ∫ ∮ ⋃ ⋂) is its limit, written LaTeX-style `∑_{t=1}^{T}`; a body-size piece above a main row
and one below it, centred on each other, are a fraction (pdfium gives no bar to see), written `(num)/(den)` in
the main row at its x position; what is left follows row by row, top to bottom.
"""

from __future__ import annotations

import ctypes
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from tools.analysis.equations import LABEL_BODY, STEP_WORDS, TAG_BODY, THM_KINDS, THM_NUM

MAX_PAGES = 2000  # documented cap: larger PDFs are refused before any work

LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_SPLIT = re.compile(r"[^\r\n\x02\ufffe]+")
_LABEL = re.compile(rf"\(({LABEL_BODY}|{TAG_BODY})\)$")
_TAG = re.compile(TAG_BODY)
_OPEN_OP = re.compile(r"^[+−\-=·×≤≥<>]")
_REF_WORD = re.compile(r"(?i)(?:eqs?\.|equations?|eqn\.?|and|or|in|see|of|by|from|to|with|\(see|cf\.|,)$")
_REL = re.compile(r"[=≤≥≈∝≡≜∈∼←→↦]|:=")
_MATH = re.compile(r"[=≤≥<>∑∏∫∈∼≈∝←→↦∀∃‖∇∂≜≡±·√∥⊙⊗∗]|:=")
_STEP = re.compile(rf"^(?:\d{{1,3}}:|{STEP_WORDS})", re.I)
_NUMBERED_HEAD = re.compile(r"^(?:(?:Appendix\s+)?[A-Z]|\d{1,2})(?:\.\d{1,2}){0,3}\.?\s+[A-Z(]")
_NAMED_HEADS = {
    "abstract", "references", "acknowledgements", "acknowledgments", "appendix", "introduction",
    "conclusion", "conclusions", "related work", "bibliography", "supplementary material",
}
_ALG_HEAD = re.compile(r"^(Algorithm\s+[A-Z]?\d+(?:\.\d+)?)[.:]?\s*(.*)$")
_THM_HEAD = re.compile(
    rf"^((?:{THM_KINDS.title()}|Example)(?:\s+(?:{THM_NUM}))?)(\s*\([^)]{{1,80}}\))?([.:]?)(?=\s|$)(.*)$"
)
_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ue000-\uf8ff]")
# glyph codes without a Unicode map, as every converter prints them: B(x) as 'Bpxq', minus '´', sum 'ÿ'
_MAPLESS = re.compile(r"[A-Za-z0-9]p[^\s()]{1,30}q(?![A-Za-z])|´\s?[A-Za-z0-9(]|ÿ")


# TeX's math extension font (cmex10) has no Unicode map in most pdflatex PDFs: pdfium reports its glyph codes,
# so a display product prints as 'Y' and a radical as 'p'. The code -> symbol table of the font's layout:
_CMEX = dict(enumerate(
    "()[]⌊⌋⌈⌉{}⟨⟩|‖/\\" "()()[]⌊⌋⌈⌉{}⟨⟩/\\" "()[]⌊⌋⌈⌉{}⟨⟩/\\/\\" "()⌈⌉⌊⌋||{}{}{}||"
    "()||⟨⟩⊔⊔∮∮⊙⊙⊕⊕⊗⊗" "∑∏∫⋃⋂⨄∧∨∑∏∫⋃⋂⨄∧∨" "∐∐^^^~~~[]⌊⌋⌈⌉{}" "√√√√√√√‖↑↓⌜⌝⌞⌟⇑⇓"
))


_BIG = set("√∑∏∫∮⋃⋂()[]{}⟨⟩|‖⌊⌋⌈⌉")
_BIG_CMEX = _BIG | {"/", "\\"}  # a big slash is known as such only from its font
_CMEX_CAND = re.compile(
    r"[\x00-\x1f]|(?<![A-Za-z])[PQRSXYZ](?=\S{0,3}(?:\s|$)|[a-z]{2,6}\()|(?<![A-Za-z])[p-v](?![A-Za-z])|^[./]"
)


@dataclass(slots=True)
class Run:
    """A piece of text pdfium printed on one baseline."""

    text: str
    x0: float
    x1: float
    y: float  # baseline (PDF units, origin bottom-left)
    size: float
    ci0: int
    ci1: int
    ts: int  # index of the first character in the page's bulk text
    hyphen: bool = False  # a soft hyphen ended the run (pdfium's end-of-line hyphen marker)


@dataclass(slots=True)
class Line:
    runs: list[Run]
    x0: float
    x1: float
    y: float
    size: float
    text: str
    hyphen: bool = False
    kind: str = "text"  # text | display | label | table | step | heading | caption
    label: str | None = None


@dataclass
class Heading:
    level: int
    text: str
    page: int
    line: int = 0


@dataclass
class Converted:
    markdown: str
    pages: int
    title: str | None
    headings: list[Heading]
    warnings: list[str]
    mapless_pages: list[int] = field(default_factory=list)
    empty_pages: list[int] = field(default_factory=list)


class _Page:
    """Raw access to one page's text: bulk text, character boxes and font facts."""

    def __init__(self, textpage: object) -> None:
        import pypdfium2.raw as raw

        self.r = raw
        self._keep = textpage  # pypdfium2 closes the text page when its object is collected
        self.tp = textpage.raw  # type: ignore[attr-defined]
        n = raw.FPDFText_CountChars(self.tp)
        self.n = max(n, 0)
        if self.n:
            buf = ctypes.create_string_buffer((self.n + 1) * 2)
            got = raw.FPDFText_GetText(self.tp, 0, self.n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
            self.text = buf.raw[: max(got - 1, 0) * 2].decode("utf-16-le", errors="replace")
        else:
            self.text = ""
        self._rect = raw.FS_RECTF()
        self._fonts: dict[int | None, str] = {}
        self._x = ctypes.c_double()
        self._y = ctypes.c_double()

    def char(self, text_index: int) -> int:
        ci = self.r.FPDFText_GetCharIndexFromTextIndex(self.tp, text_index)
        return ci if ci >= 0 else min(text_index, self.n - 1)

    def box(self, ci: int) -> tuple[float, float, float, float]:
        """left, bottom, right, top of the character's loose box (font ascent to descent)."""
        r = self._rect
        self.r.FPDFText_GetLooseCharBox(self.tp, ci, r)
        return r.left, r.bottom, r.right, r.top

    def origin(self, ci: int) -> tuple[float, float]:
        self.r.FPDFText_GetCharOrigin(self.tp, ci, self._x, self._y)
        return self._x.value, self._y.value

    def size(self, ci: int) -> float:
        return self.r.FPDFText_GetFontSize(self.tp, ci)

    def font(self, ci: int) -> str:
        """The base font name (lower case) of a character, cached per PDF font."""
        obj = self.r.FPDFText_GetTextObject(self.tp, ci)
        handle = self.r.FPDFTextObj_GetFont(obj) if obj else None
        key = ctypes.cast(handle, ctypes.c_void_p).value if handle else None
        name = self._fonts.get(key)
        if name is None:
            buf = ctypes.create_string_buffer(128)
            if handle:
                self.r.FPDFFont_GetBaseFontName(handle, buf, 128)
            else:
                self.r.FPDFText_GetFontInfo(self.tp, ci, buf, 128, ctypes.c_int())
            name = self._fonts[key] = buf.value.decode("latin-1", errors="replace").lower()
        return name

    def cmex(self, ts: int, text: str) -> str:
        """Big delimiters, sums, products and radicals of the cmex font as their symbols. Only characters that
        can be such a code are looked at: all of a short piece, else control codes, a P Q R S X Y Z starting a
        short token (sums, products, integrals: 'Xpt') and a lone p..v (radicals)."""
        if len(text) <= 4:
            ks = [k for k, ch in enumerate(text) if ord(ch) < 128 and not ch.isspace()]
        else:
            ks = [m.start() for m in _CMEX_CAND.finditer(text)]
        if not ks:
            return text
        chars = list(text)
        for k in ks:
            if "cmex" in self.font(self.char(ts + k)):
                chars[k] = _CMEX.get(ord(chars[k]), chars[k])
        return "".join(chars)

    def bold(self, ci: int) -> bool:
        if self.r.FPDFText_GetFontWeight(self.tp, ci) >= 600:
            return True
        name = self.font(ci)
        return any(k in name for k in ("bold", "cmbx", "medi", "semibold", "black", "heavy", "bx"))

    def italic(self, ci: int) -> bool:
        flags = ctypes.c_int()
        self.r.FPDFText_GetFontInfo(self.tp, ci, None, 0, flags)
        name = self.font(ci)
        return bool(flags.value & 0x40) or any(k in name for k in ("ital", "obli", "cmti", "cmsl", "cmbxti"))

    def runs(self) -> list[Run]:
        out: list[Run] = []
        text = self.text
        for m in _SPLIT.finditer(text):
            seg = m.group()
            stripped = seg.strip()
            if not stripped:
                continue
            ts = m.start() + (len(seg) - len(seg.lstrip()))
            te = ts + len(stripped)
            ci0, ci1 = self.char(ts), self.char(te - 1)
            left, bottom, _, top = self.box(ci0)
            _, _, right, _ = self.box(ci1)
            _, y = self.origin(ci0)
            size = self.size(ci0)
            if size < 3 or size > 100:  # scaled text matrix: fall back on the box height
                size = max(top - bottom, 1.0)
            hyphen = m.end() < len(text) and text[m.end()] in "\x02\ufffe"
            mapped = self.cmex(ts, stripped)
            if mapped[0] != stripped[0] and mapped[0] in _BIG_CMEX or (
                mapped[0] in _BIG and top - bottom > 1.35 * size
            ):
                y = (top + bottom) / 2 - 0.25 * size  # a cmex glyph hangs from its origin: use its middle
            stripped = mapped
            out.append(Run(stripped, left, max(right, left), y, size, ci0, ci1, ts, hyphen))
        return out


# ---------------------------------------------------------------------------------------------- lines


def _group_lines(runs: list[Run]) -> list[Line]:
    """Runs on one baseline (sub/superscripts included) -> lines, top to bottom, runs left to right."""
    runs = sorted(runs, key=lambda r: -r.y)
    groups: list[list[Run]] = []
    anchor_y = anchor_size = 0.0
    for r in runs:
        if groups and anchor_y - r.y <= 0.45 * max(anchor_size, r.size):
            groups[-1].append(r)
            if r.size > anchor_size + 0.5:
                anchor_y, anchor_size = r.y, r.size
        else:
            groups.append([r])
            anchor_y, anchor_size = r.y, r.size
    lines = []
    for g in groups:
        g.sort(key=lambda r: r.x0)
        main = max(g, key=lambda r: (r.size, len(r.text)))
        parts = [g[0].text]
        for a, b in zip(g, g[1:], strict=False):
            if b.x0 - a.x1 > 0.15 * max(a.size, b.size):
                parts.append(" ")
            parts.append(b.text)
        lines.append(
            Line(g, g[0].x0, max(r.x1 for r in g), main.y, main.size, "".join(parts), g[-1].hyphen)
        )
    return lines


def _columns(runs: list[Run], width: float) -> list[list[Run]]:
    """Blocks in reading order. Full-width runs cut the page into bands; on a two-column page each band is
    read left column then right; on a one-column page only bands holding side-by-side boxes (two algorithm
    boxes, say) are split, the rest stays one block."""
    mid = width / 2
    left = [r for r in runs if r.x1 <= mid + 4]
    right = [r for r in runs if r.x0 >= mid - 4 and r.x1 > mid + 4]
    total = sum(len(r.text) for r in runs) or 1
    two_col = (
        sum(len(r.text) for r in left) >= 0.2 * total and sum(len(r.text) for r in right) >= 0.2 * total
    )
    ids = {id(r) for r in left} | {id(r) for r in right}
    span = sorted((r for r in runs if id(r) not in ids), key=lambda r: -r.y)
    cuts = [s.y for s in span]
    bands: list[tuple[list[Run], list[Run], list[Run]]] = [([], [], []) for _ in range(len(cuts) + 1)]

    def band(y: float) -> int:
        i = 0
        while i < len(cuts) and y < cuts[i] - 0.1:
            i += 1
        return i

    for r in left:
        bands[band(r.y)][1].append(r)
    for r in right:
        bands[band(r.y)][2].append(r)
    for i, s in enumerate(span):
        bands[i + 1][0].append(s)  # the spanning run opens the band below it
    blocks: list[list[Run]] = []
    pending: list[Run] = []
    for spn, lft, rgt in bands:
        if lft and rgt and (two_col or _side_by_side(lft, rgt)):
            pending.extend(spn)
            if pending:
                blocks.append(pending)
                pending = []
            blocks += [lft, rgt]
        else:
            pending += spn + lft + rgt
    if pending:
        blocks.append(pending)
    return blocks


def _side_by_side(lft: list[Run], rgt: list[Run]) -> bool:
    """Two boxes of text lines next to each other (not a two-column table of short cells)."""
    def rows(rs: list[Run]) -> int:
        return len({round(r.y) for r in rs})

    return (
        rows(lft) >= 4
        and rows(rgt) >= 4
        and statistics.median(len(r.text) for r in lft) >= 12
        and statistics.median(len(r.text) for r in rgt) >= 12
    )


# ------------------------------------------------------------------------------------- displays


def _label_of(line: Line, page: _Page, xl: float, xr: float) -> str | None:
    """The equation label ending `line`, when it sits flush right with a wide gap before it. A \\tag word
    (E) (KL) must also follow maths, or stand alone in the right half of the column."""
    m = _LABEL.search(line.text)
    if not m or line.x1 < xr - max(6.0, 0.6 * line.size):
        return None
    before = line.text[: m.start()].rstrip()
    word = _TAG.fullmatch(m.group(1)) is not None
    if not before:
        return m.group(1) if not word or line.x0 > (xl + xr) / 2 else None
    mathy = _REL.search(before) or _OPEN_OP.match(before) or (_mathy(before) and _MATH.search(before))
    if word and not mathy:
        return None
    last = line.runs[-1]
    lab_len = len(m.group())
    if len(last.text) > lab_len and last.text.endswith(m.group()):
        # the label shares pdfium's run with the body: measure the gap with character boxes
        k = last.ts + len(last.text) - lab_len
        lx0 = page.box(page.char(k))[0]
        prev = last.text[: len(last.text) - lab_len].rstrip()
        if not prev:
            return None
        px1 = page.box(page.char(last.ts + len(prev) - 1))[2]
        gap = lx0 - px1
    elif last.text == m.group() and len(line.runs) > 1:
        gap = last.x0 - line.runs[-2].x1
    else:
        return None
    if gap < (0.4 if _MATH.search(before) and _few_words(before) else 0.8) * line.size:
        return None  # amsmath may set a label 0.5em after a full display line; prose needs a wider gap
    if _REF_WORD.search(before) and not (_MATH.search(before[-30:]) or _few_words(before)):
        return None
    return m.group(1)


_NEAR = ("label", "display", "indented")


def _fraction_rows(lines: list[Line], body: float) -> None:
    """A fraction's numerators or limits, spaced out like a table row, next to a display line."""
    for k, ln in enumerate(lines):
        around = [o for o in lines[max(k - 2, 0) : k + 3] if o is not ln]
        if ln.kind == "table" and all(len(r.text) <= 8 for r in ln.runs) and any(
            o.kind in _NEAR and abs(o.y - ln.y) < 1.2 * body for o in around
        ):
            ln.kind = "indented"


def _is_table_row(line: Line) -> bool:
    gaps = sum(1 for a, b in zip(line.runs, line.runs[1:], strict=False) if b.x0 - a.x1 > 1.5 * line.size)
    return gaps >= 2 and not _MATH.search(line.text)


def _mark_displays(lines: list[Line], page: _Page) -> list[Line]:
    """Find display equations in one column block and join each into one line (label last)."""
    if not lines:
        return lines
    span = max(x.x1 for x in lines) - min(x.x0 for x in lines)
    long_ = [ln for ln in lines if ln.x1 - ln.x0 > 0.5 * span]
    ref = long_ or lines
    xl = Counter(round(ln.x0) for ln in ref).most_common(1)[0][0]
    xr = statistics.median(sorted(ln.x1 for ln in ref)[len(ref) // 2 :])
    width = max(xr - xl, 50.0)
    body = statistics.median(ln.size for ln in lines)
    for ln in lines:
        ln.label = _label_of(ln, page, xl, xr)
        if ln.label:
            ln.kind = "label"
        elif _STEP.match(ln.text) and (ln.text[:1].isdigit() or ln.x1 < xr - 0.05 * width):
            ln.kind = "step"  # keyword-led steps are short lines; justified prose starting 'require' is not
        elif _is_table_row(ln):
            ln.kind = "table"
        elif (
            ln.x0 >= xl + 0.06 * width
            and ln.x1 <= xr - 0.04 * width
            and ln.size <= body * 1.15
            and (_MATH.search(ln.text) or _mathy(ln.text))
        ):
            ln.kind = "display"
        elif ln.x0 >= xl + 0.06 * width and ln.size <= body * 1.15:
            ln.kind = "indented"
    near = _NEAR
    _fraction_rows(lines, body)
    # a row above a display that is no display by itself: multline's first row at the margin (the next opens
    # with '+'), or a row too wide for the indent rule (its label had to drop to a line of its own)
    dropped = False  # a label alone on its line lies below, in this run of display lines
    for k in range(len(lines) - 1, 0, -1):
        a, ln = lines[k - 1], lines[k]
        dropped = ln.kind in near and (dropped or ln.text == f"({ln.label})")
        if (
            ln.kind in near
            and a.kind == "text"
            and (_OPEN_OP.match(ln.text) or a.x0 >= xl + 0.06 * width or dropped)
            and a.y - ln.y < 2.2 * body
            and _REL.search(a.text)
            and _few_words(a.text)
        ):
            a.kind = "display"
    _fraction_rows(lines, body)
    for k in range(1, len(lines) - 1):  # a wide main line between a fraction's numerator and denominator
        a, ln, b = lines[k - 1], lines[k], lines[k + 1]
        if (
            ln.kind == "text"
            and a.kind in near
            and b.kind in near
            and a.y - ln.y < body
            and ln.y - b.y < body
            and _MATH.search(ln.text)
        ):
            ln.kind = "indented"
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if lines[i].kind not in ("label", "display", "indented"):
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while (
            j < len(lines)
            and lines[j].kind in ("label", "display", "indented")
            and lines[j - 1].y - lines[j].y <= 2.2 * body
        ):
            j += 1
        block = lines[i:j]
        if any(ln.label for ln in block):
            out.extend(_join_block(block, body))
        else:  # no label: only strictly display-like neighbours form an unnumbered display
            k = 0
            while k < len(block):
                if block[k].kind != "display":
                    block[k].kind = "text"
                    out.append(block[k])
                    k += 1
                    continue
                m = k + 1
                while m < len(block) and block[m].kind == "display":
                    m += 1
                out.extend(_join_block(block[k:m], body))
                k = m
        i = j
    return out


_MATH_WORDS = {"log", "exp", "max", "min", "sin", "cos", "tanh", "sup", "inf", "lim", "det", "arg", "argmax",
               "argmin", "softmax", "var", "cov", "diag", "where", "and", "for", "all", "with"}


def _few_words(text: str) -> bool:
    """At most two ordinary words: a display row, not prose with inline maths."""
    return sum(w.lower() not in _MATH_WORDS for w in re.findall(r"[A-Za-z]{3,}", text)) <= 2


def _mathy(text: str) -> bool:
    """Short text with few ordinary words (fraction pieces, sums' limits, 'x0 +')."""
    words = re.findall(r"[A-Za-z]{3,}", text)
    return len(text) <= 60 and len(words) <= 2


def _join_block(block: list[Line], body: float) -> list[Line]:
    """One output line per label in a vertical block of display lines. Between two labels A (above) and B,
    lines close to A's baseline are A's (fraction parts); a label alone on its line was pushed below its
    equation, so the rest is B's; otherwise the rest is cut at the widest vertical gap."""
    labels = [k for k, ln in enumerate(block) if ln.label]
    if not labels:
        mains = [k for k, ln in enumerate(block) if _REL.search(ln.text)]
        if len(block) > 40 or not mains:
            for ln in block:
                ln.kind = "text"
            return block
        # rows of an unnumbered align: each piece (fraction part, limit) joins the nearest row with a relation
        rows: dict[int, list[Line]] = {k: [] for k in mains}
        for ln in block:
            rows[min(mains, key=lambda k: abs(block[k].y - ln.y))].append(ln)
        return [_merge(rows[k], None, body) for k in mains]
    cuts = [0]
    for a, b in zip(labels, labels[1:], strict=False):
        k = a + 1
        while k < b and block[a].y - block[k].y <= 0.9 * body:
            k += 1
        if k < b and not _LABEL.sub("", block[b].text).strip():
            cuts.append(k)
            continue
        # never cut just above a small line: a lower limit ('t=1') belongs to the operator above it
        gaps = [(block[m - 1].y - block[m].y, m) for m in range(k, b + 1) if block[m].size >= 0.85 * body]
        cuts.append(max(gaps)[1] if gaps else b)
    cuts.append(len(block))
    out = []
    for (s, e), lab in zip(zip(cuts, cuts[1:], strict=False), labels, strict=False):
        out.append(_merge(block[s:e], block[lab].label, body))
    return out


def _runs_text(runs: list[Run]) -> str:
    """Runs of one baseline, left to right, a space where the gap is wider than a thin space."""
    parts = [runs[0].text]
    for a, b in zip(runs, runs[1:], strict=False):
        if b.x0 - a.x1 > 0.15 * max(a.size, b.size):
            parts.append(" ")
        parts.append(b.text)
    return "".join(parts)


_OPS = set("∑∏∫∮⋃⋂")


def _limits(rows: list[list[Run]]) -> None:
    """A small piece right above or below a big operator (a run's first or last glyph), centred on its glyph,
    is its limit: '∑' with 't=1' below and 'T' above reads '∑_{t=1}^{T}'."""
    for row in rows:
        for op in row:
            t = op.text
            at = 0 if t[:1] in _OPS else len(t) - 1 if t[-1:] in _OPS else -1
            if at < 0:
                continue
            w = op.x1 - op.x0 if len(t) == 1 else 1.45 * op.size
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
            if not (lo or hi):
                continue
            lim = t[at] + (f"_{{{lo[1].text}}}" if lo else "") + (f"^{{{hi[1].text}}}" if hi else "")
            op.text = t[:at] + lim + (" " + t[at + 1 :].lstrip() if at + 1 < len(t) else "")
            for got in (lo, hi):
                if got:
                    got[0].remove(got[1])


def _segments(row: list[Run]) -> list[list[Run]]:
    """A row cut where runs stand apart (side-by-side numerators of two fractions)."""
    segs = [[row[0]]]
    for a, b in zip(row, row[1:], strict=False):
        if b.x0 - a.x1 > 1.2 * max(a.size, b.size):
            segs.append([b])
        else:
            segs[-1].append(b)
    return segs


def _fractions(rows: list[list[Run]], body: float) -> None:
    """A piece above a main row and a piece below it, centred on each other, are a fraction: they become
    '(numerator)/(denominator)' in the main row at the fraction's place. Tightest pairs first."""
    big = [[s for s in _segments(row) if max(r.size for r in s) >= 0.8 * body] if row else [] for row in rows]
    mains = [k for k, row in enumerate(rows) if row and max(r.size for r in row) >= 0.85 * body]
    pairs = []
    for ka, sas in enumerate(big):
        for sa in sas:  # script-size pieces (exponents, limits) are no display numerators
            ca, wa, ya = (sa[0].x0 + sa[-1].x1) / 2, sa[-1].x1 - sa[0].x0, sa[0].y
            for kb in range(ka + 1, len(rows)):
                for sb in big[kb]:
                    cb, wb, yb = (sb[0].x0 + sb[-1].x1) / 2, sb[-1].x1 - sb[0].x0, sb[0].y
                    if abs(ca - cb) > 0.2 * max(wa, wb) + 1.5 or ya - yb >= 2.6 * body:
                        continue
                    mid = [k for k in mains if ka < k < kb and yb < rows[k][0].y < ya]
                    if mid:
                        km = min(mid, key=lambda k: abs(rows[k][0].y - (ya + yb) / 2))
                        pairs.append((ya - yb, ka, sa, kb, sb, km))
    used: set[int] = set()
    hosts: set[int] = set()  # rows that took a fraction in: main rows, no numerators
    for _, ka, sa, kb, sb, km in sorted(pairs, key=lambda p: p[0]):
        if any(id(r) in used for r in sa + sb + rows[km]) or {ka, kb} & hosts:
            continue
        used.update(id(r) for r in sa + sb)
        hosts.add(km)
        main = rows[km]
        text = f"({_runs_text(sa)})/({_runs_text(sb)})"
        x0, x1 = min(sa[0].x0, sb[0].x0), max(sa[-1].x1, sb[-1].x1)
        main.append(Run(text, x0, x1, main[0].y, max(r.size for r in main), sa[0].ci0, sa[0].ci1, sa[0].ts))
        main.sort(key=lambda r: r.x0)
        rows[ka] = [r for r in rows[ka] if id(r) not in used]
        rows[kb] = [r for r in rows[kb] if id(r) not in used]


def _merge(block: list[Line], label: str | None, body: float = 0.0) -> Line:
    """Join a display's lines into one reading: limits go to their operators, fractions into the main row
    as '(num)/(den)', the remaining rows top to bottom, the label last."""
    rows = []
    for ln in block:
        runs = [Run(r.text, r.x0, r.x1, r.y, r.size, r.ci0, r.ci1, r.ts) for r in ln.runs]
        if ln.label and runs:
            runs[-1].text = _LABEL.sub("", runs[-1].text).rstrip()
            runs = [r for r in runs if r.text]
        rows.append(runs)
    if len(rows) > 1:
        _limits(rows)
        _fractions(rows, body or statistics.median(ln.size for ln in block))
    text = " ".join(t for t in (_runs_text(row) for row in rows if row) if t)
    if label:
        text = f"{text} ({label})" if text else f"({label})"
    first = block[0]
    return Line(
        [r for ln in block for r in ln.runs], min(ln.x0 for ln in block), max(ln.x1 for ln in block),
        first.y, first.size, text, False, "display", label,
    )


# ------------------------------------------------------------------------------------- document


def _body_size(pages_runs: list[list[Run]]) -> float:
    c: Counter[float] = Counter()
    for runs in pages_runs:
        for r in runs:
            c[round(r.size, 1)] += len(r.text)
    return c.most_common(1)[0][0] if c else 10.0


def _heading_level(ln: Line, page: _Page, body: float, xl: float) -> int | None:
    text = ln.text.strip()
    if len(text) > 90 or len(text) < 2 or text.endswith((".", ",", ";")) and not _NUMBERED_HEAD.match(text):
        return None
    if not re.search(r"[A-Za-z]{2}", text) or _MATH.search(text):
        return None
    bigger = ln.size >= body * 1.12
    numbered = _NUMBERED_HEAD.match(text)
    named = text.lower().rstrip(":") in _NAMED_HEADS
    if not (bigger or numbered or named):
        return None
    if not named and ln.x0 - xl > ln.size:  # numbered and large headings start at the column's margin
        return None
    if numbered and re.match(r"\d+\.0\b", text):  # '1.0 Circular ...': a plot's tick label
        return None
    caps = numbered and text.split(None, 1)[-1].isupper()  # '2.2 BACKPROPAGATION' in small capitals
    bold = page.bold(ln.runs[0].ci0)
    if not (bigger or caps or bold) or (not numbered and not named and not bold):
        return None  # an unnumbered heading must be bold too: large plain text is a figure's label
    if numbered:
        num = text.split()[0].rstrip(".")
        if num.lower() == "appendix":
            return 2
        if re.fullmatch(r"\d{1,2}|[A-Z]", num) and len(text.split()) > 12:
            return None
        return min(2 + num.count("."), 4)
    return 2


def _decorate(ln: Line, page: _Page) -> str:
    """Bold the head of algorithm captions and theorem-like statements, as the LaTeX route writes them."""
    m = _ALG_HEAD.match(ln.text)
    if m and page.bold(ln.runs[0].ci0):
        ln.kind = "caption"
        return f"**{m.group(1)}** {m.group(2)}".rstrip()
    m = _THM_HEAD.match(ln.text)
    if m and _styled_head(m, ln, page):
        title = (m.group(2) or "").strip()
        return f"**{m.group(1)}**{' ' + title if title else ''}. {m.group(4).strip()}".rstrip()
    return ln.text


def _styled_head(m: re.Match, ln: Line, page: _Page) -> bool:
    """A theorem-like head as amsthm and most classes set it: the kind word bold or italic (its first and last
    letters), then a period (a bold numbered head may go without). 'Theorem 2.1 needs ...' is prose."""
    run = ln.runs[0]
    word = m.group(1).split()[0]
    if len(run.text) < len(word):
        return False
    cis = [page.char(run.ts + k) for k in (0, len(word) - 1)]
    bold = all(page.bold(c) for c in cis)
    if not bold and not all(page.italic(c) for c in cis):
        return False
    if not bold:  # an italic head is followed by upright text: not a line of an italic theorem body
        k = m.end(3) + len(m.group(4)) - len(m.group(4).lstrip())
        if k < len(run.text) and page.italic(page.char(run.ts + k)):
            return False
    return bool(m.group(3)) or (bold and " " in m.group(1))


class _Vocab:
    """Words of the whole document, to decide if an end-of-line hyphen is a real one."""

    def __init__(self, pages_runs: list[list[Run]]) -> None:
        texts = []
        for runs in pages_runs:
            after_hyphen = False
            for r in runs:  # leave out the halves of words broken at a line end
                t = r.text.lower()
                if after_hyphen:
                    t = t.partition(" ")[2]
                if r.hyphen:
                    t = t.rpartition(" ")[0]
                texts.append(t)
                after_hyphen = r.hyphen
        blob = " ".join(texts)
        self.hyphenated = set(re.findall(r"[a-z]+-[a-z]+", blob))
        self.words = set(re.findall(r"[a-z]+", blob))

    def join(self, head: str, tail: str, soft: bool) -> str:
        m1 = _LAST_WORD.search(head[-120:])  # only the last word counts; the whole paragraph is quadratic
        m2 = re.match(r"([a-z]+)", tail)
        if not m1 or not m2:
            return head + tail
        frag, nxt = m1.group(1), m2.group(1)
        if "-" in frag:  # 'state-of-the-' + 'art': the hyphen is part of a compound
            return f"{head}-{tail}"
        low = frag.lower()
        joined = low + nxt
        if f"{low}-{nxt}" in self.hyphenated and joined not in self.words:
            return f"{head}-{tail}"
        if joined not in self.words and min(len(low), len(nxt)) >= 3 and {low, nxt} <= self.words:
            return f"{head}-{tail}"  # 'high-' + 'resolution': two words the paper uses on their own
        return head + tail


_LAST_WORD = re.compile(r"([A-Za-z][\w-]*)$")


def _reflow(lines: list[Line], xl: float, xr: float, vocab: _Vocab) -> list[tuple[str, str]]:
    """Prose lines -> paragraphs (one Markdown line each); other kinds stay one line each. Returns
    (kind, text) items; a paragraph whose last line ended in a soft hyphen keeps a trailing '-'."""
    out: list[str] = []
    kinds: list[str] = []
    open_para = False
    prev: Line | None = None
    first: Line | None = None  # the current paragraph's first line
    width = max(xr - xl, 50.0)
    for ln in lines:
        text = ln.text
        if ln.kind not in ("text", "para"):
            _close(out, prev)
            out.append(text)
            kinds.append(ln.kind)
            open_para = False
            prev = ln
            continue
        hanging = first is not None and _ITEM.match(first.text) is not None  # a list item's wrapped lines
        start_new = (
            ln.kind == "para"
            or not open_para
            or prev is None
            or _BULLET.match(text) is not None
            or prev.y - ln.y > 1.9 * ln.size
            or abs(prev.size - ln.size) > 0.6
            or (ln.x0 > prev.x0 + 0.6 * ln.size and ln.x0 - prev.x0 < 0.2 * width and not hanging)
            or (prev.x1 < max(ln.x1, xr) - 0.1 * width and not prev.hyphen and ln.x1 > prev.x1 + 0.05 * width)
        )
        if start_new:
            _close(out, prev)
            out.append(text)
            kinds.append("text")
            first = ln
        else:
            last = out[-1]
            if prev.hyphen or (last.endswith("-") and text[:1].islower()):
                out[-1] = vocab.join(last.rstrip("-"), text, prev.hyphen)
            else:
                out[-1] = f"{last} {text}"
        open_para = True
        prev = ln
    _close(out, prev)
    return list(zip(kinds, out, strict=True))


def _close(out: list[str], prev: Line | None) -> None:
    """The paragraph ends: put back the hyphen of a word broken at its last line end."""
    if out and prev is not None and prev.hyphen and prev.kind in ("text", "para"):
        out[-1] = out[-1].rstrip("-") + "-"


_BULLET = re.compile(r"^[•◦▪‣∙–]\s")
_ITEM = re.compile(r"^(?:[•◦▪‣∙–]|\d{1,2}\.|\(?[a-z0-9]{1,4}\))\s")
_FLOAT = re.compile(r"^(?:\*\*)?(?:Figure|Fig\.|Table|Algorithm)\s*[A-Z]?\d+")


def _continue_across_floats(items: list[tuple[str, str]], vocab: _Vocab) -> list[tuple[str, str]]:
    """Join a sentence cut by a page or column break when only floats (captions, table rows, figure text)
    and page markers lie between its halves: '... extend to sequence' [page, Table 3, rows] 'lengths ...'."""
    out: list[tuple[str, str]] = []
    open_at: int | None = None
    for kind, text in items:
        if kind == "text" and open_at is not None and len(out) - open_at > 1 and (
            text[:1].islower() or out[open_at][1].endswith("-")
        ):
            last = out[open_at][1]
            joined = vocab.join(last[:-1], text, True) if last.endswith("-") else f"{last} {text}"
            out[open_at] = ("text", joined)
            continue
        out.append((kind, text))
        i = len(out) - 1
        if kind == "text" and not _FLOAT.match(text):
            if text.rstrip().endswith((".", "!", "?", ":", ";")):
                open_at = None
            elif not _numeric(text):
                open_at = i
        elif kind in ("heading", "display", "label", "step", "para") or (len(out) - (open_at or 0) > 40):
            open_at = None
    return out


def _numeric(text: str) -> bool:
    tokens = len(text.split())
    return tokens >= 4 and len(_NUMBER_TOKEN.findall(text)) >= 0.3 * tokens


_NUMBER_TOKEN = re.compile(r"\S*\d\S*")


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


def convert_document(doc: object, progress: object = None) -> Converted:
    """The Markdown of a whole pdfium document."""
    n = len(doc)  # type: ignore[arg-type]
    pages: list[_Page] = []
    pages_runs: list[list[Run]] = []
    widths: list[float] = []
    heights: list[float] = []
    for i in range(n):
        pg = doc[i]  # type: ignore[index]
        widths.append(pg.get_width())
        heights.append(pg.get_height())
        p = _Page(pg.get_textpage())
        p.page = pg
        pages.append(p)
        pages_runs.append(p.runs())
        if progress and i % 25 == 0:
            progress(i, n)  # type: ignore[operator]
    body = _body_size(pages_runs)
    furniture = _page_furniture(pages_runs, heights)
    pages_runs = [[r for r in runs if id(r) not in furniture] for runs in pages_runs]
    vocab = _Vocab(pages_runs)
    items: list[tuple[str, str]] = []
    headings: list[Heading] = []
    title: str | None = None
    mapless: list[int] = []
    empty: list[int] = []
    for i, (p, runs) in enumerate(zip(pages, pages_runs, strict=True)):
        no = i + 1
        items.append(("page", f"<!-- page {no} -->"))
        if not runs:
            empty.append(no)
            continue
        suspicious = len(_MAPLESS.findall(p.text))
        coded = bool(_BAD.search(p.text))  # any glyph without a Unicode map on this page at all?
        if no == 1:
            top = max(runs, key=lambda r: (r.size, r.y))
            if top.size >= body * 1.25:
                tl = sorted((r for r in runs if abs(r.size - top.size) < 0.5 and top.y - r.y < 4 * top.size),
                            key=lambda r: (-r.y, r.x0))
                title = " ".join(r.text for r in tl).translate(LIGATURES)
                ids = {id(r) for r in tl}
                runs = [r for r in runs if id(r) not in ids]
                items.append(("heading", f"# {title}"))
                headings.append(Heading(1, title, no))
        for block in _columns(runs, widths[i]):
            lines = _mark_displays(_group_lines(block), p)
            ref = [ln for ln in lines if ln.kind == "text"] or lines
            xl = Counter(round(ln.x0) for ln in ref).most_common(1)[0][0]
            xr = statistics.median(sorted(ln.x1 for ln in ref)[len(ref) // 2 :])
            for ln in lines:
                if coded:
                    ln.text = _JUNK.sub("", ln.text).strip()  # glyph runs of plots in fonts without Unicode
                    bad = len(_BAD.findall(ln.text))
                    wordless = not re.search(r"[^\W\d_]", ln.text)  # digits and codes only: tick labels
                    if not ln.text or bad > 0.3 * len(ln.text) or (bad and wordless):
                        ln.kind = "drop"
                        continue
                    suspicious += bad
                ln.text = _clean(ln.text)
                if ln.kind == "table":
                    ln.text = "| " + " | ".join(_clean(r.text) for r in ln.runs) + " |"
                if ln.kind == "text":
                    level = _heading_level(ln, p, body, xl)
                    if level:
                        ln.kind = "heading"
                        headings.append(Heading(level, ln.text, no))
                        ln.text = "#" * level + " " + ln.text
                    else:
                        new = _decorate(ln, p)
                        if new != ln.text:
                            ln.text, ln.kind = new, ("caption" if ln.kind == "caption" else "para")
            items.extend(_reflow([ln for ln in lines if ln.kind != "drop"], xl, xr, vocab))
        if suspicious >= 3:
            mapless.append(no)
    text = "\n".join(t for _, t in _continue_across_floats(items, vocab)) + "\n"
    lineno = {}
    for k, s in enumerate(text.split("\n"), start=1):
        if s.startswith("#"):
            lineno.setdefault(s, k)
    for h in headings:
        h.line = lineno.get("#" * h.level + " " + h.text, 0)
    return Converted(text, n, title, headings, [], mapless, empty)


_ODD = re.compile("[\ufb00-\ufb06\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\u00a0]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ue000-\uf8ff][\x00-\x1f\ufffd\ue000-\uf8ff\\s0-9]*"
                   "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ue000-\uf8ff]{2,}")


def _clean(text: str) -> str:
    """Ligatures folded, pdfium's hyphen marks as '-', glyphs without a Unicode map as U+FFFD."""
    if not _ODD.search(text):  # str.translate with a dict is slow: only when needed
        return text
    text = text.translate(LIGATURES).replace("\x02", "-").replace("\ufffe", "-").replace("\u00a0", " ")
    return _CONTROL.sub("\ufffd", text)
