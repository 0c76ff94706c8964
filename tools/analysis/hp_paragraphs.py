"""Markdown read for the hyperparameter scan: lines with page and section, plain text out of TeX markup,
paragraphs, and the sentence around a match."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tools.analysis.findings import MarkdownLine as _Line
from tools.analysis.hp_vocabulary import GREEK

_PAGE = re.compile(r"^<!--\s*page\s+(\d+)\s*-->\s*$")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_NUM_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*|[A-H](?:\.\d+)*)\.?\s+[A-Z][A-Za-z0-9 ,:&'’()×-]{2,70}$")
_REFERENCES = re.compile(r"^(?:#+\s*)?(?:\d+\.?\s*)?(references|bibliography)\s*$", re.I)
# what ends the references: an appendix heading ('## Appendix C. Experimental Details', 'A.1 Setup')
_APPENDIX = re.compile(
    r"^(?:#+\s*)?(?:(?i:appendix|appendices|supplementary\s+materials?)\b|[A-H](?:\.\d+)?\.?\s+[A-Z])"
)
_APPENDIX_WORD = re.compile(r"^(?i:appendix|appendices|supplementary\s+materials?)\b")
OTHERS_WORK = re.compile(r"related work|prior work|previous work|background|literature", re.I)
_SECTION_NUMBER = re.compile(r"^(?:[A-Z]|\d+)(?=[.\s])")
# the usual top-level section names, on a line of their own: 'Data', 'Model analysis', 'Experimental setup'
_PLAIN_HEADING = re.compile(
    r"^(?:Data|Datasets?|Methods?|Methodology|Approach|Models?|Experiments?|Experimental|Setup|Implementation|"
    r"Training|Results|Evaluation|Discussion|Conclusions?|Proposed|Our)(?: [a-z]{2,}){0,3}$"
)


def others_sections(lines: list[_Line]) -> set[str]:
    """The sections about others' work: those whose heading says so ('2 Related works') and the numbered
    subsections under them ('2.1 Simply using an ordinal metric')."""
    found: set[str] = set()
    top = None  # the number of the last top-level heading about others' work
    for section in dict.fromkeys(ln.section for ln in lines if ln.section):
        number = _SECTION_NUMBER.match(section)
        if OTHERS_WORK.search(section):
            found.add(section)
            top = number[0] if number else None
        elif number and top and re.match(rf"{re.escape(top)}\.\d", section):
            found.add(section)
        elif number:
            top = None
    return found
ALG_INPUT = re.compile(
    r"^\s*(?:\d+:\s*)?(?:require|input|inputs|ensure|parameters|hyperparameters)\s*:", re.I
)
_INPUT_LINE = re.compile(  # its capital marks the box's line, wherever the paragraph joined it
    r"(?:^|(?<=\s))(?:\d+[:.]\s*)?(?:Require|REQUIRE|Inputs?|INPUTS?|(?:Hyper)?[Pp]arameters)\s*:"
    r".*?(?=\s+(?:\d{1,2}|#)[:.]\s|$)",
    re.M,
)


def input_assignments(text: str) -> str:
    """An algorithm's input line assigns its constants with ← ('Input: α ← 0.0001, γ ← 0.01'): read as `=`
    there (one character for one, so offsets hold); in the steps ← is an update, never a setting."""
    return _INPUT_LINE.sub(lambda m: m[0].replace("←", "="), text) if "←" in text else text


@dataclass
class Para:
    text: str
    starts: list[tuple[int, _Line]]  # offset of each source line in text

    def line_at(self, offset: int) -> _Line:
        found = self.starts[0][1]
        for start, line in self.starts:
            if start > offset:
                break
            found = line
        return found


def markdown_lines(markdown: str) -> Iterator[_Line]:
    """Body lines with page and section; the references list is skipped (its titles name optimizers)."""
    page: int | None = None
    section: str | None = None
    in_refs = in_algorithm = in_code = False
    item = ""  # the PDF list item the line before opened, if any
    for no, raw in enumerate(markdown.split("\n"), start=1):
        text = raw.strip()
        if text.startswith("```") or in_code:  # a code listing: each line a statement of its own
            in_code = in_code != text.startswith("```")
            yield _Line(no, "", page, section)
            if in_code and not text.startswith("```") and not in_refs:
                yield _Line(no, code_statement(text), page, section)
            continue
        in_algorithm = bool(text) and (in_algorithm or text.startswith("**Algorithm"))
        if in_algorithm:  # a step's number is no value of the line before it ('... depth' + '5. for i')
            text = _STEP_NUMBER.sub(lambda m: "#" * len(m[1]) + m[2], text)
        text = (text[:-1] + "-" if text.endswith("\x02") else text).replace("\x02", "")  # pdfium soft hyphens
        m = _PAGE.match(text)
        if m:
            page = int(m.group(1))
            continue
        if _REFERENCES.match(text):
            in_refs = True
            continue
        heading = _MD_HEADING.match(text)
        # a plain 'Appendices' line the converter did not mark as a heading still ends the references
        short = len(text) < 80 and not text.endswith(".")
        # an unnumbered heading set as a plain line ('Data', 'Model analysis') ends a section on others' work
        plain = bool(section and OTHERS_WORK.search(section) and _PLAIN_HEADING.match(text))
        if heading or plain or short and (_NUM_HEADING.match(text) or in_refs and _APPENDIX_WORD.match(text)):
            numbered = heading and re.match(r"\d+(?:\.\d+)*\.?\s+[A-Z]", heading.group(1))
            if in_refs and not (_APPENDIX.match(text) or numbered):
                continue  # a numbered heading ends them too: sections set after the bibliography
            in_refs = False
            section = (heading.group(1) if heading else text).strip()
            yield _Line(no, "", page, section)  # a heading ends the paragraph
            continue
        if not in_refs:
            bullet, after = bool(_PDF_ITEM.match(text)), _after_item(item, text)
            if bullet or after:  # a PDF's bullet ('• CIFAR10') opens an item; a sentence after it ends it
                yield _Line(no, "", page, section)
            item = text if bullet else "" if after or not text or not item else text  # the item's last line
            # displays are maths, but for the settings a search space lists in words
            yield _Line(no, _display_settings(text) if text.startswith("$$") else _plain(text), page, section)


# '#define LEARNING_RATE 0.01f': a C constant, read as 'LEARNING_RATE = 0.01'
_KEYWORD_LINE = re.compile(r"^(\w+\s*=\s*[^,()#\s]+)\s*[,)]*\s*(?:#.*)?$")
_DEFINE = re.compile(r"^#\s*define\s+(\w+)\s+(.+)$")
_FLOAT_SUFFIX = re.compile(r"(?<=\d)[fFlL]\b")


def code_statement(text: str) -> str:
    """A listing's line as the scanners read an assignment: a C constant as `NAME = value`, without the
    float suffix of a C literal ('0.01f'); a keyword argument on a line of its own ('max_depth=20,' in a
    constructor's call) without its comma, closing bracket and comment."""
    text = _DEFINE.sub(r"\1 = \2", text)
    text = _KEYWORD_LINE.sub(r"\1", text)
    return _FLOAT_SUFFIX.sub("", text)


BULLETS = "•◦▪‣●○∙–"  # the marks a PDF prints before a list item
_PDF_ITEM = re.compile(rf"[{BULLETS}]\s")


def _after_item(item: str, text: str) -> bool:
    """Does the line start a sentence after a PDF list item that reads complete ('• Weight decay: 0.01' over
    'LoRA parameters are as follows:'), rather than carry the item on?"""
    return bool(item) and bool(re.match(r"[A-Z][a-z]", text)) and bool(re.search(r"[\d.%)]$", item))


_STEP_NUMBER = re.compile(r"^(\d{1,3})([.:]\s)")


# \sigma is σ, not the final ς that shares its name in GREEK (likewise θ/ϑ, ρ/ϱ); \var... are the variants
_TEX_GREEK = {f"\\{name}": ch for ch, name in reversed(GREEK.items())}
_TEX_SYMBOLS = {
    **_TEX_GREEK,
    "\\varsigma": "ς",
    "\\vartheta": "ϑ",
    "\\varrho": "ϱ",
    "\\phi": "ϕ",
    "\\varphi": "φ",
    "\\epsilon": "ϵ",
    "\\varepsilon": "ε",
    "\\times": "×",
    "\\cdot": "·",
    "\\approx": "≈",
    "\\in": "∈",
    # relations print: '$\\sim 100$ epochs' is approximate, '$p \\leq 0.3$' a bound, '$3.9 \\pm 0.6$' a result
    "\\pm": "±",
    "\\mp": "∓",
    "\\sim": "∼",
    "\\leq": "≤",
    "\\le": "≤",
    "\\geq": "≥",
    "\\ge": "≥",
    "\\neq": "≠",
    "\\propto": "∝",
    "\\gets": "←",  # an algorithm's assignment, as the PDF prints it
    "\\leftarrow": "←",
    "\\ell": "ℓ",
    "\\dots": "...",  # '$\\{5, \\dots, 50\\}$' is a grid with its ends
    "\\ldots": "...",
    "\\cdots": "...",
    # named functions print as their names: 'a "$\\tanh$" activation', '$\\log$-uniform'
    **{f"\\{name}": name for name in ("tanh", "sinh", "cosh", "sin", "cos", "log", "exp", "max", "min")},
}
_LOST_EQUALS = re.compile(r"(?<=\w) “ (?=[\d.])")
_TEX_WORD = re.compile(
    r"\\(?:text|mathrm|mathit|mathbf|textrm|textit|textbf|emph|operatorname|rm|bf|it|sf)(?![A-Za-z])\s*"
)  # '{\\rm itr}', an old font switch, prints as 'itr'


# '\frac{1}{2}' prints as a fraction: 1/2 (stripping the command would leave '12')
_FRAC = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")


_SQRT = re.compile(r"\\sqrt\s*\{([^{}]*)\}")


def _fraction(m: re.Match[str]) -> str:
    parts = (m[1].strip(), m[2].strip())
    return "/".join(p if re.fullmatch(r"[\w.√]+", p) else f"({p})" for p in parts)


def _root(m: re.Match[str]) -> str:
    return "√" + (m[1] if m[1].isalnum() else f"({m[1]})")


def _fractions(inner: str) -> str:
    """Fractions and roots as printed, innermost first: '\\frac{1}{\\sqrt{16}}' -> 1/√16 (not '116')."""
    while True:
        out = _FRAC.sub(_fraction, _SQRT.sub(_root, inner))
        if out == inner:
            return out
        inner = out


# a display's row naming a setting in words and giving its value or set: '\textrm{Dropout} \sim \{0.1, 0.2\}'
_WORDED_ROW = re.compile(
    r"\\text(?:rm|normal|sf)?\{(?P<name>[A-Za-z][A-Za-z -]{2,40})\}\s*(?P<rel>=|\\in|\\sim)\s*"
    r"(?P<value>\\\{[^{}]{1,80}\\\}|-?\d[\d.]*(?:[eE]-?\d+)?)(?=\s*(?:\\\\|\\quad|,|;|\\end|\$|\(|$))"
)


# a symbol given a number in a display: '\\alpha_\\text{GAN} = 0.5', '\\lambda_{1} &= 10^{-3}'
_SYMBOL_ROW = re.compile(
    r"(?P<sym>\\[A-Za-z]+|[A-Za-z])(?:_\{?(?:\\text(?:rm)?\{)?(?P<sub>[A-Za-z0-9]{1,8})\}?\}?)?\s*&?=\s*"
    r"(?P<value>-?\d[\d.]*(?:\s*\\times\s*10\^\{?-?\d+\}?|[eE]-?\d+)?|10\^\{?-?\d+\}?)"
    r"(?=\s*(?:,|;|\\\\|\\quad|\\qquad|\\[;,]|\\end|\$|\.|$))"
)
_ROW_GLUE = re.compile(
    r"^(?:\s|,|;|\.|&|\\[;,: ]|\\q?quad|\\begin\{\w+\*?\}|\\end\{\w+\*?\}|\$)*(?:\(\w[\w.]*\)\s*)?$"
)


def _display_settings(text: str) -> str:
    """The rows of a display that name settings in words ('Learning rate ∼ {0.001, 0.01}') or that list
    symbols with their numbers and nothing else ('α_PIX = 1.0, α_GAN = 0.5'), one sentence each; '' for a
    display of other maths."""
    rows = [f"{m['name']} {'=' if m['rel'] == '=' else '∈'} {m['value']}" for m in _WORDED_ROW.finditer(text)]
    for row in re.split(r"\\\\(?:\[[^\]]*\])?", text):
        found = list(_SYMBOL_ROW.finditer(row))
        if len(found) >= 2 and _ROW_GLUE.match(_SYMBOL_ROW.sub("", row)):
            rows += [_plain(f"${m[0].replace('&', '')}$") for m in found]
    return ". ".join(r.replace("\\{", "{").replace("\\}", "}") for r in rows) + ("." if rows else "")


def _plain(text: str) -> str:
    """Inline LaTeX maths and Markdown emphasis as the plain text a PDF would show: `$10^{-4}$` -> 10^-4,
    `$\\lambda = 0.001$` -> λ = 0.001, `$L_{\\text{simple}}$` -> L_simple, `**1,024**` -> 1,024, `*size*`
    -> size."""
    if "$" in text:

        def math(m: re.Match[str]) -> str:
            inner = _fractions(_TEX_WORD.sub("", m.group(1)))
            inner = re.sub(r"\\[!,;:> ]", " ", inner)  # thin spaces: '$m\!=\!128$' prints as 'm=128'
            inner = re.sub(r"\^\s*\{?\s*\\circ\s*\}?", "°", inner)  # '$15^\circ$' prints as '15°'
            inner = re.sub(r"\\[A-Za-z]+", lambda c: _TEX_SYMBOLS.get(c.group(0), ""), inner)
            inner = inner.replace("\\{", "\x01").replace("\\}", "\x02")  # a set's braces print: "{0.1, 0.2}"
            inner = inner.replace("{", "").replace("}", "").replace("\\", "")
            inner = inner.replace("\x01", "{").replace("\x02", "}")
            # 'batch size $|B| = 32$': a set's size after the word size names its symbol
            if re.search(r"\bsize\s*$", m.string[max(0, m.start() - 12) : m.start()]):
                inner = re.sub(r"^\s*\|\s*([A-Za-z])\s*\|(?=\s*=)", r"\1", inner)
            inner = re.sub(r"(?<=\d)\s+(?=[KMB]\b)", "", inner)  # '$5.5 \\mathrm{M}$' prints as '5.5M'
            return re.sub(r"\s*=\s*", " = ", inner)  # '$\\gamma=0.95$' prints as 'γ = 0.95'

        text = re.sub(r"(?<!\\)\$([^$]{1,200})\$", math, text)
    # a math font with no Unicode map prints '=' as a lone '“' ('d “ 40'); an opening quote has no space after
    text = _LOST_EQUALS.sub(" = ", text)
    text = re.sub(r"(?<=\d)\s*(?:percent|per\s+cent)\b", "%", text)  # '80 percent' is 80%
    # an address's words say nothing ('.../three-trees-in-grey-weather' is no count of trees)
    text = _URL.sub(lambda m: re.sub(r"[-_]", ".", m[0]), text)
    text = text.replace("**", "").replace("`", "").replace("\\_", "_")  # 'seq\\_len': Markdown's escaped _
    text = _ITALIC.sub(r"\1", text)  # 'a *kernel size* of 3': an emphasised name is the name
    return _ITALIC_LINE.sub(r"*\1", text)  # a line set in italics keeps its opening mark: a caption's cue


# a few words in italics inside a sentence (a line set all in italics is a caption, and stays one)
_ITALIC = re.compile(r"(?<=[\w,;:(]\s)\*(?=[^\s*])([^*\n]{1,40}?)(?<=[^\s*])\*(?![\w*])")
_ITALIC_LINE = re.compile(r"^\s*\*(?=[^\s*])([^*\n]+?)\*(?=\s*$)", re.M)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s>)]+")


def paragraphs(lines: list[_Line]) -> Iterator[Para]:
    buf: list[tuple[int, _Line]] = []
    text = ""
    for line in [*lines, _Line(0, "", None, None)]:
        if not line.text:
            if buf:
                yield Para(text, buf)
            buf, text = [], ""
            continue
        if text.endswith("-") and line.text[:1].islower():
            text = text[:-1]  # hyphenation left by a plain text dump
        elif text:
            text += " "
        buf.append((len(text), line))
        text += line.text


# no sentence ends at an abbreviation's point: "Smith et al. (2019) use ...", "e.g. Adam", "Fig. 3"
_NOT_AT = r"(?<!\bal)(?<!\be\.g)(?<!\bi\.e)(?<!\bFig)(?<!\bfig)(?<!\bEq)(?<!\beq)(?<!\bvs)(?<!\bcf)(?<!\bSec)"
# nor at the point after a caption's label that opens the paragraph: "Figure 5. Traversing ... for 90 epochs"
_NOT_AT += r"(?<!^Figure\s\d)(?<!^Figure\s\d\d)(?<!^Table\s\d)(?<!^Table\s\d\d)"
SENTENCE_START = re.compile(rf"{_NOT_AT}[.!?]\s+(?=[A-Z(])")
SENTENCE_END = re.compile(rf"{_NOT_AT}[.!?](?=\s+[A-Z(]|\s*$)")
_SENTENCE_REACH = 1000  # looked at around a match; the quote is cut to 200 characters anyway


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of a paragraph, in order."""
    ends = [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    return list(zip([0, *ends], ends, strict=False))


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end] (at most 200 characters of it), found within a fixed reach so a
    paragraph of one endless line costs the same per match."""
    lo = max(0, start - _SENTENCE_REACH)
    left = max((m.end() for m in SENTENCE_START.finditer(text, lo, start)), default=lo)
    hi = min(len(text), end + _SENTENCE_REACH)
    right_m = SENTENCE_END.search(text, end, hi)
    right = right_m.end() if right_m else hi
    quote = text[left:right].strip()
    if len(quote) > 200:
        s = max(0, start - left - 90)
        quote = quote[s : s + 200].strip()
    return quote


# ------------------------------------------------------------------------------------------ patterns
