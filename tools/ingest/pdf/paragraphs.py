"""Prose lines -> paragraphs: lines reflowed, words broken at a line end joined (the hyphen kept when the
document's own words say it is a real one), sentences cut by a page or column break joined across floats."""

from __future__ import annotations

import re
from itertools import islice

from tools.ingest.pdf.lines import Box, Line, line_box, union
from tools.ingest.pdf.runs import Run

_LAST_WORD = re.compile(r"([A-Za-z][\w-]*)$")
_BULLET = re.compile(r"^[•◦▪‣∙–]\s")
_ITEM = re.compile(r"^(?:[•◦▪‣∙–]|\d{1,2}\.|\(?[a-z0-9]{1,4}\))\s")
_FLOAT = re.compile(r"^(?:\*\*)?(?:Figure|Fig\.|Table|Algorithm)\s*[A-Z]?\d+")
_NUMBER_TOKEN = re.compile(r"\S*\d\S*")
_LOWER_WORD = re.compile(r"(?<!\S)[a-z]{2,}[,.;:]?(?!\S)")
_FUNCTION_WORD = re.compile(r"(?i)\b(?:the|of|and|to|in|is|are|for|with|that|as|by|on|be|we|it|this|which)\b")
_FOOTNOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s?(?:[A-Z]|https?://|www\.)")
# a caption line ending in a word that cannot end one ('... a classification model with') goes on below
_OPEN_END = re.compile(
    r"(?i)(?:\b(?:the|of|and|or|to|in|for|with|on|by|a|an|via|from|using|over|at|as|its|our)|,)$"
)
_SUBCAPTION = re.compile(r"^\([a-z]\) [A-Z]")  # '(a) State occupancies ...' under a subfigure


class Vocab:
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
        self.tails: dict[str, set[str]] = {}
        for w in self.hyphenated:
            a, _, b = w.partition("-")
            self.tails.setdefault(a, set()).add(b)

    def _compound(self, low: str, nxt: str) -> bool:
        """The paper writes this compound with a hyphen elsewhere, maybe in another form ('log-likelihood' for
        'log-' + 'likelihoods')."""
        if f"{low}-{nxt}" in self.hyphenated:
            return True
        return any(len(t) >= 5 and nxt.startswith(t) for t in self.tails.get(low, ()))

    def join(self, head: str, tail: str, soft: bool) -> str:
        m1 = _LAST_WORD.search(head[-120:])  # only the last word counts; the whole paragraph is quadratic
        m2 = re.match(r"([a-z]+)", tail)
        if head[-1:].isdigit() and m2:
            return f"{head}-{tail}"  # TeX breaks no word after a digit: '2-' + 'action' is a compound
        if not m1 or not m2:
            return head + tail
        frag, nxt = m1.group(1), m2.group(1)
        if "-" in frag or tail[len(nxt) : len(nxt) + 1] == "-":  # 'state-of-the-' + 'art', 'end-' + 'to-end'
            return f"{head}-{tail}"
        if len(frag) < 2 or len(nxt) < 3 and not tail[len(nxt) : len(nxt) + 1].isalpha():
            return f"{head}-{tail}"  # TeX leaves two letters before a break and three after: 'X-' + 'ray'
        low = frag.lower()
        joined = low + nxt
        if joined not in self.words and self._compound(low, nxt):
            return f"{head}-{tail}"
        if joined not in self.words and min(len(low), len(nxt)) >= 3 and {low, nxt} <= self.words:
            return f"{head}-{tail}"  # 'high-' + 'resolution': two words the paper uses on their own
        return head + tail


Geo = tuple[Box, list[str]]  # where an item is on its page, and its flags
Item = tuple[str, str, Geo | None]


def reflow(lines: list[Line], xl: float, xr: float, vocab: Vocab) -> list[Item]:
    """Prose lines -> paragraphs (one Markdown line each); other kinds stay one line each. Returns
    (kind, text, (box, flags)) items; a paragraph whose last line ended in a soft hyphen keeps a trailing
    '-'."""
    out: list[str] = []
    kinds: list[str] = []
    geos: list[Geo] = []
    open_para = False
    prev: Line | None = None
    first: Line | None = None  # the current paragraph's first line
    width = max(xr - xl, 50.0)
    for ln in lines:
        text = ln.text
        if ln.kind not in ("text", "para", "caption"):  # an algorithm caption may wrap: it reflows
            _close(out, prev)
            out.append(text)
            kinds.append(ln.kind)
            geos.append((line_box(ln), list(ln.flags)))
            open_para = False
            prev = ln
            continue
        if (
            not open_para
            or prev is None
            or ln.kind == "caption"
            # a caption's wrapped line goes on with a broken word, in lower case or after a word that cannot
            # end it ('Require: ...' is a step)
            or (prev.kind == "caption" and not _caption_goes_on(prev, text, out[-1]))
            or _starts_paragraph(ln, prev, first, xr, width)
        ):
            _close(out, prev)
            out.append(text)
            kinds.append("caption" if ln.kind == "caption" else "text")
            geos.append((line_box(ln), list(ln.flags)))
            first = ln
        else:
            geos[-1] = (union(geos[-1][0], line_box(ln)), geos[-1][1] + ln.flags)
            last = out[-1]
            if prev.hyphen or (last.endswith("-") and text[:1].islower()):
                out[-1] = vocab.join(last.rstrip("-"), text, prev.hyphen)
            else:
                out[-1] = f"{last} {text}"
        open_para = True
        prev = ln
    _close(out, prev)
    return list(zip(kinds, out, geos, strict=True))


def _caption_goes_on(prev: Line, text: str, caption: str) -> bool:
    return prev.hyphen or text[:1].islower() or _OPEN_END.search(caption) is not None


def _starts_paragraph(ln: Line, prev: Line, first: Line | None, xr: float, width: float) -> bool:
    """A prose line that opens a new paragraph after the prose line `prev`: a bullet, a wide gap, another font
    size, an indent (not a list item's wrapped line), or a short previous line."""
    # a list item's or a caption's wrapped lines hang under its text
    hanging = first is not None and bool(_ITEM.match(first.text) or _FLOAT.match(first.text))
    return (
        ln.kind == "para"
        or _BULLET.match(ln.text) is not None
        or prev.y - ln.y > 1.9 * ln.size
        or abs(prev.size - ln.size) > 0.6
        or (ln.x0 > prev.x0 + 0.6 * ln.size and ln.x0 - prev.x0 < 0.2 * width and not hanging)
        or (prev.x1 < max(ln.x1, xr) - 0.1 * width and not prev.hyphen and ln.x1 > prev.x1 + 0.05 * width)
    )


def _close(out: list[str], prev: Line | None) -> None:
    """The paragraph ends: put back the hyphen of a word broken at its last line end."""
    if out and prev is not None and prev.hyphen and prev.kind in ("text", "para", "caption"):
        out[-1] = out[-1].rstrip("-") + "-"


def continue_across_floats(items: list[Item], vocab: Vocab) -> list[Item]:
    """Join a sentence cut by a page or column break when only floats (captions, table rows, figure text)
    and page markers lie between its halves: '... extend to sequence' [page, Table 3, rows] 'lengths ...'."""
    out: list[Item] = []
    open_at: int | None = None
    broke = False  # a page break since the open sentence
    for kind, text, geo in items:
        goes_on = kind == "text" and not _FLOAT.match(text) and _goes_on(text)  # never into a caption
        if goes_on and open_at is not None and len(out) - open_at > 1 and (
            text[:1].islower() or out[open_at][1].endswith("-")
        ):
            last = out[open_at][1]
            joined = vocab.join(last[:-1], text, True) if last.endswith("-") else f"{last} {text}"
            out[open_at] = ("text", joined, out[open_at][2])  # where it starts
            continue
        out.append((kind, text, geo))
        i = len(out) - 1
        broke = broke or kind == "page"
        if kind == "text" and open_at is not None and (
            _FOOTNOTE.match(text) or broke and (_SUBCAPTION.match(text) or _labels(text))
        ):
            continue  # a footnote, or past a page break a figure's labels, before the sentence goes on
        if kind == "text" and not _FLOAT.match(text):
            if text.rstrip().endswith((".", "!", "?", ":", ";")) or _plot_text(text):
                open_at = None
            elif not _numeric(text) and re.search(r"[^\W\d_]", text):  # no page number: words
                open_at, broke = i, False
        elif kind in ("heading", "display", "label", "step", "para") or (len(out) - (open_at or 0) > 40):
            open_at = None
    return out


def _goes_on(text: str) -> bool:
    """A piece that may finish a cut sentence: it reads as prose (function words, or eight lower-case words),
    or is short and ends it."""
    ends = text.rstrip().endswith((".", "!", "?"))
    prose = _at_least(2, _FUNCTION_WORD, text) or _at_least(8, _LOWER_WORD, text)
    return prose or (len(text) < 80 and ends)


def _labels(text: str) -> bool:
    """A figure's labels, not prose: fewer than four lower-case words and no sentence end ('Lobster Random
    Tree', '20 UCT 20 GBOP', 'simple regret')."""
    if _ITEM.match(text):
        return False
    return not _at_least(4, _LOWER_WORD, text) and not text.rstrip().endswith((".", "!", "?", ":"))


def _plot_text(text: str) -> bool:
    """A figure's labels without a function word ('Sinkhorn n = 1000', '1D GMM'): no sentence that a text
    after a float goes on."""
    return _labels(text) and _FUNCTION_WORD.search(text) is None


def _at_least(n: int, pattern: re.Pattern, text: str) -> bool:
    """Whether the pattern matches n times in the text: the scan stops at the n-th match (a paragraph can be
    long)."""
    return sum(1 for _ in islice(pattern.finditer(text), n)) == n


def _numeric(text: str) -> bool:
    tokens = len(text.split())
    return tokens >= 4 and len(_NUMBER_TOKEN.findall(text)) >= 0.3 * tokens
