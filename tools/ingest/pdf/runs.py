"""Text runs of a PDF page, read through pdfium: a page's bulk text cut into runs that share one baseline, the
boxes of each run's first and last characters, and font facts (size, bold, italic, TeX's cmex glyphs).

pdfium already splits a page's text into runs (its generated line breaks and its soft-hyphen markers); we take
the text in one bulk call and only look up the boxes of a run's first and last characters, so a page costs a
few hundred calls, not one per character.
"""

from __future__ import annotations

import ctypes
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from tools.ingest.pdf.ligature_codes import has_codes, map_ligatures

_SPLIT = re.compile(r"[^\r\n\x02\ufffe]+")
_PROSE_WORD = re.compile(r"\b[a-z]{3,}\b")


# TeX's math extension font (cmex10) has no Unicode map in most pdflatex PDFs: pdfium reports its glyph codes,
# so a display product prints as 'Y' and a radical as 'p'. The code -> symbol table of the font's layout:
_CMEX = dict(enumerate(
    "()[]⌊⌋⌈⌉{}⟨⟩|‖/\\" "()()[]⌊⌋⌈⌉{}⟨⟩/\\" "()[]⌊⌋⌈⌉{}⟨⟩/\\/\\" "()⌈⌉⌊⌋||{}{}{}||"
    "()||⟨⟩⊔⊔∮∮⊙⊙⊕⊕⊗⊗" "∑∏∫⋃⋂⨄∧∨∑∏∫⋃⋂⨄∧∨" "∐∐^^^~~~[]⌊⌋⌈⌉{}" "√√√√√√√‖↑↓⌜⌝⌞⌟⇑⇓"
))


# fonts of TeX maths (Computer Modern, AMS, txfonts/pxfonts, Libertine, mathabx ...), known by name even when
# their glyphs have no Unicode map
_MATH_FONT = re.compile(
    r"cmmi|cmsy|cmex|cmbsy|cmmib|msbm|msam|math|txsy|txex|txmi|pxsy|pxex|pxmi|eufm|eusm|rsfs|stmary|wasy|esint|"
    r"bbold|dsrom|symbol|lmmi|lmsy"
)
_BIG = set("√∑∏∫∮⋃⋂()[]{}⟨⟩|‖⌊⌋⌈⌉")
_BIG_CMEX = _BIG | {"/", "\\"}
_SCRIPTED_OPS = set("∑∏∫∮⋃⋂∐⨁⨂")  # operators whose limits a sentence sets as scripts after them
_CMEX_CAND = re.compile(
    r"[\x00-\x1f]|(?<![A-Za-z])[PQRSXYZ](?=\S{0,3}(?:\s|$)|[a-z]{2,6}\()|(?<![A-Za-z])[p-v](?![A-Za-z])|^[./]"
)


# a footnote mark: one or two digits right after a word (or its full stop), or opening a footnote's text
_MARK_AFTER = re.compile(
    r"(?<=[A-Za-z]{2})\d{1,2}(?![\w.,]\w)|(?<=[A-Za-z]{2}[.,;:)])\d{1,2}(?=\s|$)"
    r"|(?<=\[\d|\d\])\d{1,2}(?=[\s.,;:]|$)"  # after a numbered citation: '[11]2,'
)
_FOOTNOTE_OPENS = r"[A-Z][a-z]|https?://|www\."  # what a footnote's text opens with: "There", "https://..."
_MARK_BEFORE = re.compile(rf"^\d{{1,2}}(?={_FOOTNOTE_OPENS})")  # "1There", "3https://..."
_DIGIT = re.compile(r"\d")  # every footnote mark holds one: a run without one needs no other look
# a float's caption opening a word inside a run ('5 end Algorithm 1: Training process.')
_CAPTION_IN_RUN = re.compile(r"(?<= )(?:Algorithm|Figure|Table)\s+\d+(?:\.\d+)?:\s")
_POWER = re.compile(r"(?<![\w.^])\d{2,6}(?![\w.])")  # a base run into its exponent: '105', '10243'
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


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


class PdfPage:
    """Raw access to one page's text: bulk text, character boxes and font facts."""

    def __init__(self, textpage: object, page: object = None) -> None:
        import pypdfium2.raw as raw

        self.r = raw
        self._keep = textpage  # pypdfium2 closes the text page when its object is collected
        self.page = page  # the page the text page was read from, kept alive with it
        self.tp = textpage.raw  # type: ignore[attr-defined]
        n = raw.FPDFText_CountChars(self.tp)
        self.n = max(n, 0)
        if self.n:
            buf = ctypes.create_string_buffer((self.n + 1) * 2)
            got = raw.FPDFText_GetText(self.tp, 0, self.n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
            self.text = buf.raw[: max(got - 1, 0) * 2].decode("utf-16-le", errors="replace")
        else:
            self.text = ""
        self._units = max(got - 1, 0) if self.n else 0  # the text's UTF-16 units: fewer than n if any dropped
        self._u16 = _utf16_offsets(self.text)
        # pdfium maps text positions to characters in increasing order, skipping the characters it left out
        # of the text: when none was left out (and every character takes one unit), position k is character
        # k, and `char` needs no call
        n = self.n
        self._same = self._u16 is None and self._units == n > 0 and self._to_char(n - 1) == n - 1
        self._rect = raw.FS_RECTF()
        self._fonts: dict[int | None, str] = {}
        self._object_fonts: dict[int | None, str] = {}  # text object's address -> its font's name
        self._maths: dict[str, bool] = {}  # font name -> a maths font?
        self._tp_address = ctypes.cast(self.tp, ctypes.c_void_p).value
        self._calls = _address_calls()
        self._text_object, self._object_font = self._calls.text_object, self._calls.object_font
        self._x = ctypes.c_double()
        self._y = ctypes.c_double()
        self._rules: list[tuple[float, float, float, float]] | None = None
        if has_codes(self.text):  # a text font without a Unicode map: its ligatures as glyph codes
            self.text = map_ligatures(self.text, self._font_handle, lambda k: self.size(self.char(k)))

    def char(self, text_index: int) -> int:
        """The character index of a position in `text` (pdfium counts UTF-16 units: a maths letter such as
        U+1D451 takes two)."""
        if self._same:
            return text_index if text_index < self.n else self.n - 1
        if self._u16 is not None:
            text_index = self._u16[min(text_index, len(self._u16) - 1)]
        ci = self._to_char(text_index)
        return ci if ci >= 0 else min(text_index, self.n - 1)

    def _font_handle(self, text_index: int) -> int | None:
        obj = self._text_object(self._tp_address, self.char(text_index))
        return self._object_font(obj) if obj else None

    def _to_char(self, text_index: int) -> int:
        return self.r.FPDFText_GetCharIndexFromTextIndex(self.tp, text_index)

    def box(self, ci: int) -> tuple[float, float, float, float]:
        """left, bottom, right, top of the character's loose box (font ascent to descent)."""
        r = self._rect
        self.r.FPDFText_GetLooseCharBox(self.tp, ci, r)
        return r.left, r.bottom, r.right, r.top

    def room(self, before: int, after: int) -> float:
        """The room between the glyphs at two text positions: the left edge of the one at `after` less the
        right edge of the one at `before` (loose boxes)."""
        r, box = self._rect, self.r.FPDFText_GetLooseCharBox
        box(self.tp, self.char(after), r)
        left = r.left
        box(self.tp, self.char(before), r)
        return left - r.right

    def origin(self, ci: int) -> tuple[float, float]:
        self.r.FPDFText_GetCharOrigin(self.tp, ci, self._x, self._y)
        return self._x.value, self._y.value

    def size(self, ci: int) -> float:
        return self.r.FPDFText_GetFontSize(self.tp, ci)

    def font(self, ci: int) -> str:
        """The base font name (lower case) of a character, cached per text object and per PDF font (their
        addresses asked of pdfium as plain ints: no ctypes pointer objects built per character)."""
        obj = self._text_object(self._tp_address, ci)
        name = self._object_fonts.get(obj)
        if name is None:
            handle = self._object_font(obj) if obj else None
            name = self._fonts.get(handle)
            if name is None:
                name = self._fonts[handle] = self._font_name(handle, ci)
            self._object_fonts[obj] = name
        return name

    def _font_name(self, handle: int | None, ci: int) -> str:
        buf = ctypes.create_string_buffer(128)
        if handle:
            self.r.FPDFFont_GetBaseFontName(ctypes.cast(handle, self.r.FPDF_FONT), buf, 128)
        else:
            self.r.FPDFText_GetFontInfo(self.tp, ci, buf, 128, ctypes.c_int())
        return buf.value.decode("latin-1", errors="replace").lower()

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

    def marks(self, ts: int, text: str) -> str:
        """Footnote marks glued to a word ('source1', '1There', 'map.7') as superscript digits ('source¹'),
        when the digits are set smaller than the letter beside them and raised above its baseline. Letters
        of a maths font ('R2', an exponent) are left as they are."""
        if not _DIGIT.search(text):
            return text
        spots = [(m.start(), m.end(), m.start() - 1) for m in _MARK_AFTER.finditer(text)]
        spots += [(m.start(), m.end(), m.end()) for m in _MARK_BEFORE.finditer(text)]
        if not spots:
            return text
        chars = list(text)
        for start, end, beside in spots:
            if self.math_font(self.char(ts + beside)) or not self._raised(ts + beside, ts + start):
                continue
            chars[start:end] = [c.translate(_SUPERSCRIPT) for c in text[start:end]]
        return "".join(chars)

    def exponents(self, ts: int, text: str) -> str:
        """A power whose exponent the text runs into its base ('105' for 10^5): digits set smaller than the
        digit before them and raised above its baseline are written after '^' ('10^5', '2^10')."""
        if len(text) > len(self.text) - ts or not _POWER.search(text):
            return text
        out, last = [], 0
        for m in _POWER.finditer(text):
            k = next((j for j in range(m.start() + 1, m.end()) if self._raised(ts + j - 1, ts + j)), None)
            if k is not None and int(text[m.start() : k]) > 1:  # '1' then a raised '7' is a footnote mark
                out += [text[last:k], "^"]
                last = k
        return "".join(out) + text[last:] if out else text

    def _raised(self, base: int, at: int) -> bool:
        """The glyph at text index `at` is smaller than the one at `base` and raised above its baseline."""
        cb, ci = self.char(base), self.char(at)
        size = self.size(cb)
        return self.size(ci) <= size - 0.5 and self.origin(ci)[1] - self.origin(cb)[1] >= 0.15 * size

    def rules(self) -> list[tuple[float, float, float, float]]:
        """The boxes (left, bottom, right, top) of the page's drawn paths (rules, bars, strokes) smaller than
        a column, read once per page."""
        if self._rules is not None:
            return self._rules
        r, out, calls = self.r, [], self._calls
        if self.page is not None:
            raw_page = self.page.raw  # type: ignore[attr-defined]
            address = ctypes.cast(raw_page, ctypes.c_void_p).value
            box = [ctypes.c_float() for _ in range(4)]
            path = r.FPDF_PAGEOBJ_PATH
            for k in range(min(r.FPDFPage_CountObjects(raw_page), 20_000)):
                obj = calls.page_object(address, k)
                if calls.object_type(obj) != path:
                    continue
                if calls.object_bounds(obj, *box):
                    left, bottom, right, top = (v.value for v in box)
                    if right - left < 200 and top - bottom < 40:
                        out.append((left, bottom, right, top))
        self._rules = out
        return out

    def math_font(self, ci: int) -> bool:
        """Whether the character is set in a maths font (not the text font)."""
        name = self.font(ci)
        maths = self._maths.get(name)
        if maths is None:
            maths = self._maths[name] = bool(_MATH_FONT.search(name))
        return maths

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

    def dropped_delimiters(self) -> list[Run]:
        """cmex's big '(' '[' ']' have glyph codes 0, 2 and 3, which pdfium leaves out of the page's text as
        control codes: each as a run of its own, from its character's box (only looked for when the text is
        shorter than the page's characters)."""
        out: list[Run] = []
        if self._units >= self.n:
            return out
        for ci in self._left_out():
            code = self.r.FPDFText_GetUnicode(self.tp, ci)
            if code < 0x20 and code in _CMEX and "cmex" in self.font(ci):
                left, bottom, right, top = self.box(ci)
                size = self.size(ci)
                ts = max(self.r.FPDFText_GetTextIndexFromCharIndex(self.tp, min(ci + 1, self.n - 1)), 0)
                out.append(Run(_CMEX[code], left, right, (top + bottom) / 2 - 0.25 * size, size, ci, ci, ts))
        return out

    def _left_out(self) -> list[int]:
        """The characters pdfium left out of the text, in order. Text positions map to characters in
        increasing order, so the ones left out are those before the first position's, after the last one's,
        and between two positions whose characters are further apart than the positions: found by halving
        the positions (a few calls per gap, not one per character). Character by character when the text
        holds two-unit characters (its positions are then not its indices on every platform)."""
        size = len(self.text)
        if self._u16 is not None or size == 0 or self._to_char(size) >= 0 or self._to_char(size - 1) < 0:
            return [ci for ci in range(self.n) if self.r.FPDFText_GetTextIndexFromCharIndex(self.tp, ci) < 0]
        first, last = self._to_char(0), self._to_char(size - 1)
        out = list(range(first))
        todo = [(0, first, size - 1, last)]
        while todo:
            a, ca, b, cb = todo.pop()
            if cb - ca == b - a:
                continue
            if b - a == 1:
                out.extend(range(ca + 1, cb))
                continue
            m = (a + b) // 2
            cm = self._to_char(m)
            todo += [(m, cm, b, cb), (a, ca, m, cm)]  # the left half popped first: out stays in order
        return out + list(range(last + 1, self.n))

    def runs(self) -> list[Run]:
        out: list[Run] = self.dropped_delimiters()
        text = self.text
        for m in _SPLIT.finditer(text):
            seg = m.group()
            body = seg.strip()
            if not body:
                continue
            ts = m.start() + (len(seg) - len(seg.lstrip()))
            te = ts + len(body)
            hyphen = m.end() < len(text) and text[m.end()] in "\x02\ufffe"
            pieces = self._baselines(ts, te)
            for k, (a, b) in enumerate(pieces):
                out.append(self._run(a, b, hyphen and k == len(pieces) - 1))
        return self._stacked_scripts(out)

    def _stacked_scripts(self, runs: list[Run]) -> list[Run]:
        """A superscript closing a run and a subscript opening the next, stacked after a sum in a sentence
        ('∑' with 'L' over 'l=1'): the superscript's text moves after the subscript's, as LaTeX writes
        `\\sum_{l=1}^{L}` (pdfium reads the superscript first: '∑Ll=1'). The runs keep their places."""
        for a, b in zip(runs, runs[1:], strict=False):
            if any(self.char(r.ts + len(r.text) - 1) != r.ci1 for r in (a, b)):
                continue  # a mark joined or dropped: the text's indices no longer match the page's
            sup, sub = self._stack(a, b)
            if sup:
                a.text, b.text = a.text[:-sup], b.text[:sub] + a.text[-sup:] + b.text[sub:]
                b.ts -= sup  # from its end back, b's text maps to the page's as before (labels, margins)
        return runs

    def _stack(self, a: Run, b: Run) -> tuple[int, int]:
        """The glyphs of a's superscript after a sum and of b's subscript set under it from one left edge,
        script-size both, the superscript higher; (0, 0) when they are no such pair."""
        op = max((k for k in range(max(len(a.text) - 5, 0), len(a.text) - 1) if a.text[k] in _SCRIPTED_OPS),
                 default=-1)
        if op < 0:
            return 0, 0
        big = self.size(self.char(a.ts + op))
        tops = [self._script_y(a.ts + k, big) for k in range(op + 1, len(a.text))]
        if None in tops:
            return 0, 0
        sub = 0
        while sub < min(len(b.text) - 1, 6):
            y = self._script_y(b.ts + sub, big)
            if y is None or y > min(tops) - 0.3 * big:  # type: ignore[type-var]
                break
            sub += 1
        left = self.box(self.char(a.ts + op + 1))[0]
        if not sub or abs(left - self.box(self.char(b.ts))[0]) > 0.1 * big:
            return 0, 0
        return len(a.text) - op - 1, sub

    def _script_y(self, at: int, big: float) -> float | None:
        """The baseline of a script-size glyph at text index `at`, or None for a space or a body-size one."""
        ci = self.char(at)
        if self.text[at].isspace() or self.size(ci) >= 0.85 * big:
            return None
        return self.origin(ci)[1]

    def _baselines(self, ts: int, te: int) -> list[tuple[int, int]]:
        """The run [ts, te) cut where pdfium went on from a prose line to another baseline without a line
        break (a display's first piece, a figure's label): before the first word more than a line below or
        above the first glyph's baseline, when the last glyph lies there too; before a word that went back
        left onto another baseline (a table's next row, set tight in a small font) or far left on about the
        same one (a label set between a display's rows, printed before them). Rotated text (the glyphs
        stacked, not side by side) and maths stay whole."""
        ci0, ci1 = self.char(ts), self.char(te - 1)
        if ci0 == ci1 or te - ts < 4:
            return [(ts, te)]
        (x0, y0), (x1, y1) = self.origin(ci0), self.origin(ci1)
        size = max(self.size(ci0), 3.0)
        caption = _CAPTION_IN_RUN.search(self.text, ts + 1, te)
        if caption and abs(self.origin(self.char(caption.start()))[1] - y0) > 0.5 * size:
            # a caption set tight under its box: a line of its own
            return [(ts, caption.start() - 1), *self._baselines(caption.start(), te)]
        line, far = 1.2 * size, abs(y1 - y0) > 1.2 * size
        if abs(y1 - y0) <= 0.7 * size and x1 > x0:  # a script ends the run at most
            return [(ts, te)]
        x, y = self.origin(self.char(ts + 1))
        if abs(y - y0) > abs(x - x0):  # the second glyph above or below the first: rotated text
            return [(ts, te)]
        for k in range(ts + 1, te):
            if self.text[k - 1] != " " or k < ts + 2:
                continue
            x, y = self.origin(self.char(k))
            back = self.origin(self.char(k - 2))[0] - x
            if abs(y - y0) > 0.7 * size and back > size or back > 5 * size:
                return [(ts, k - 1), *self._baselines(k, te)]  # back left: the next row, or a label before it
            if far and abs(y - y0) > line:
                if len(_PROSE_WORD.findall(self.text[ts:k])) < 3:
                    break  # within a display (a big delimiter hangs from its origin): keep it whole
                return [(ts, k - 1), *self._baselines(k, te)]
        return [(ts, te)]

    def _run(self, ts: int, te: int, hyphen: bool) -> Run:
        stripped = self.text[ts:te]
        ci0, ci1 = self.char(ts), self.char(te - 1)
        left, bottom, _, top = self.box(ci0)
        _, _, right, _ = self.box(ci1)
        _, y = self.origin(ci0)
        size = self.size(ci0)
        if ci1 != ci0 and 3 <= size < self.size(ci1) - 0.5:
            # a run opening with a superscript ('∗ ← ∞' of 'v∗ ← ∞'): its baseline is the last glyph's
            _, y = self.origin(ci1)
            size = self.size(ci1)
        if size < 3 or size > 100:  # scaled text matrix: fall back on the box height
            size = max(top - bottom, 1.0)
        mapped = self.cmex(ts, stripped)
        if mapped[0] != stripped[0] and mapped[0] in _BIG_CMEX or (
            mapped[0] in _BIG and top - bottom > 1.35 * size
        ):
            y = (top + bottom) / 2 - 0.25 * size  # a cmex glyph hangs from its origin: use its middle
        stripped = self.exponents(ts, self.marks(ts, mapped))
        return Run(stripped, left, max(right, left), y, size, ci0, ci1, ts, hyphen)


@dataclass(frozen=True, slots=True)
class _AddressCalls:
    """pdfium calls that take and return plain addresses (an int, None for none) where pypdfium2's own
    build a ctypes pointer object per call: for the look-ups made once per character or page object."""

    text_object: Callable[[int | None, int], int | None]  # text page, character -> its text object
    object_font: Callable[[int], int | None]  # text object -> its font
    page_object: Callable[[int | None, int], int | None]  # page, k -> its k-th page object
    object_type: Callable[[int | None], int]  # page object -> FPDF_PAGEOBJ_*
    object_bounds: Callable[..., int]  # page object, 4 floats (left, bottom, right, top) -> success


@functools.cache
def _address_calls() -> _AddressCalls:
    import pypdfium2.raw as raw

    void, c_int, c_float = ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_float)

    def call(fn: object, restype: object, *argtypes: object) -> Callable[..., object]:
        return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, void).value)

    return _AddressCalls(
        call(raw.FPDFText_GetTextObject, void, void, c_int),
        call(raw.FPDFTextObj_GetFont, void, void),
        call(raw.FPDFPage_GetObject, void, void, c_int),
        call(raw.FPDFPageObj_GetType, c_int, void),
        call(raw.FPDFPageObj_GetBounds, c_int, void, c_float, c_float, c_float, c_float),
    )


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _utf16_offsets(text: str) -> list[int] | None:
    """Each character's UTF-16 offset, or None when every character takes one unit (the common case). A
    character's offset is its index plus the count of two-unit characters (maths letters) before it."""
    if not text or max(text) < "\U00010000":
        return None
    out: list[int] = []
    start = shift = 0
    for m in _ASTRAL.finditer(text):
        out.extend(range(start + shift, m.start() + shift + 1))
        start, shift = m.start() + 1, shift + 1
    out.extend(range(start + shift, len(text) + shift))
    return out


def _mark_run(mark: Run, word: Run, before: bool) -> bool:
    """A run of one or two digits set smaller than the word beside it and raised above its baseline: a
    footnote mark opening a footnote ('1' + 'It is') or closing a word ('product' + '1')."""
    if not mark.text.isdigit() or len(mark.text) > 2 or mark.size > word.size - 0.5:
        return False
    if mark.y - word.y < 0.15 * word.size:
        return False
    return bool(_WORD_START.match(word.text) if before else _WORD_END.search(word.text))


_WORD_START = re.compile(_FOOTNOTE_OPENS)
_WORD_END = re.compile(r"[A-Za-z]{2}[.,;:)]?$")


def runs_text(runs: list[Run]) -> str:
    """Runs of one baseline, left to right, a space where the gap is wider than a thin space; a footnote
    mark as superscript digits."""
    texts = [r.text for r in runs]
    for k, r in enumerate(runs):
        nxt = runs[k + 1] if k + 1 < len(runs) else None
        glued = nxt is not None and nxt.x0 - r.x1 <= 0.15 * r.size and nxt.text[0].isalnum()
        if (glued and _mark_run(r, nxt, True)) or (k and not glued and _mark_run(r, runs[k - 1], False)):
            texts[k] = r.text.translate(_SUPERSCRIPT)
    parts = [texts[0]]
    for a, b, t in zip(runs, runs[1:], texts[1:], strict=False):
        if b.x0 - a.x1 > 0.15 * max(a.size, b.size):
            parts.append(" ")
        parts.append(t)
    return "".join(parts)
