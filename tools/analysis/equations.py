"""grep_equations: structured findings in a paper's Markdown (either route; see tools/findings.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field

from tools.analysis.components import own_components
from tools.analysis.equation_names import equation_name, label_name
from tools.analysis.findings import (
    ALL_KINDS,
    PROOF_END,
    Algorithm,
    ArchitectureSentence,
    Equation,
    Hyperparameter,
    Kind,
    Located,
    MarkdownLine,
    SettingSentence,
    Table,
    Theorem,
)
from tools.errors import BadArgument
from tools.models import ToolResult
from tools.text import operator_heavy, plural

# printed equation labels: (12) (3a) (A.2) (2.13) (2.2.1) (12') and \tag symbols (⋆) (†); 4 digits: a year
LABEL_BODY = (
    r"\d{1,3}[a-z′']?|[A-Z]\.?\d{1,3}[a-z]?|(?:[A-Z]|\d{1,2})\.\d{1,2}\.\d{1,3}[a-z]?|\d{1,2}\.\d{1,3}[a-z]?"
    r"|[*⋆†‡∗♠♣♦♥§¶]{1,3}"
)
# \tag{} words such as (E) (KL) (IW): labels only on a display line (the PDF engine: flush right, after maths)
TAG_BODY = r"[A-Za-z]{1,6}['′*]?"
# a \tag of a reference and a word or two, '(3.4 revisited)': a label only on a display line, as a tag word is
TAG_REF_BODY = r"(?:\d{1,2}\.\d{1,3}|[A-Z]\.?\d{1,3}|\d{1,3})[a-z]? [a-z]{3,12}(?: [a-z]{2,12})?"
# maths signs of fonts without a Unicode map, as pdfium prints them: '=' as '“', '≥' 'ě', '≤' 'ď', B(x) as
# 'Bpxq', minus '´', sum 'ÿ'
UNMAPPED_MATH = re.compile(r"(?:^|\s)[“ěď](?=\s|$)|[A-Za-z0-9]p[^\s()]{1,30}q(?![A-Za-z])|´\s?[A-Za-z0-9(]|ÿ")

MAX_ITEMS = 300  # per kind in one reply
MAX_REPLY_CHARS = 80000  # about 20k tokens

_PAGE = re.compile(r"^<!--\s*page\s+(\d+)\s*-->\s*$")
_HEAD = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")
_LABEL_END = re.compile(rf"(?:^|\s)\(({LABEL_BODY}|{TAG_BODY}|{TAG_REF_BODY})\)\s*$")
_TAG_ONLY = re.compile(rf"{TAG_BODY}|{TAG_REF_BODY}")
_REF_BEFORE = re.compile(
    r"(?i)(?:\beqs?\.?|\bequations?|\beqn\.?|\bin|\bsee|\band|\bor|\bof|\bsections?|\bsec\.|\bfig(?:ure)?s?\.?|"
    r"\btables?|\bappendix|\btheorem|\blemma|\bsteps?|\blines?|\balgorithms?|\bet al\.|\bas per|"
    # '(39), (41)' lists labels; '(δ)/(2), (41)' ends in a fraction, '+ o(1), (C.11)' in an application
    rf"(?<![/\w])\((?:{LABEL_BODY})\)\s*,)\s*$"
)
_MATH = re.compile(r"[=≤≥<>∑∏∫∈∼≈∝←→↦∀∃‖∇∂≜≡±√∥⊙⊗∗∞⩽⩾≲≳≪≫≺≻⪯⪰]|:=|\\[a-zA-Z]+|[α-ωΑ-Ω]")
# the LaTeX route's display, '$$ body $$ (label)'; a \tag may hold a reference, '(by equation (6))'
_LATEX_DISPLAY = re.compile(r"^\s*\$\$(.*)\$\$\s*(?:\(((?:[^()]|\([^()]{1,12}\)){1,40})\))?\s*$")
# a \tag that justifies a step, '(by equation (6))', '(because $b \le 1$)': no label anything can cite
_ANNOTATION_TAG = re.compile(r"(?:by|because|since|using|from|via|as|see|cf\.|where|for|with|if|thus)\s")
_ALG = re.compile(r"^\s*(?:\*\*)?Algorithm\s+([A-Z]?\d+(?:\.\d+)?)(?:\*\*)?[.:]?\s*(.*)$")
# the bold head of an algorithm box the paper does not number but names (no \caption, a bold title in it), or
# in a PDF's text 'Algorithm: Posterior sampling' over its steps; a bare algorithmic block's head names none
_ALG_UNNUMBERED = re.compile(r"^\s*(?:\*\*Algorithm\*\*[.:]?|Algorithm:)()\s*(\S.*)$")
# shared with the PDF engine: words that open an algorithm step, theorem-like kinds and their numbers
STEP_WORDS = (r"(?:for|while|if|else|end|return|repeat|until|input|output|require|ensure|procedure|function|"
              r"initiali[sz]e|do|loop|(?:data|result)(?=\s*:))\b")  # algorithm2e's 'Data:', 'Result:'
THM_KINDS = (  # not 'observation' or 'hypothesis': empirical papers head their findings and questions so
    "theorem|lemma|definition|proposition|corollary|assumption|remark|claim|conjecture|condition|fact|"
    "property|axiom|"
    # the same in a thesis or paper written in French, German, Spanish or Italian
    "théorème|lemme|définition|corollaire|remarque|propriété|satz|korollar|bemerkung|teorema|lema|"
    "definición|corolario|proposición|definizione|corollario|osservazione"
)
THM_NUM = r"[A-Z]?\d+(?:\.\d+)*|[A-Z](?:\.\d+)+|[IVX]{1,5}\.\d+(?:\.\d+)*"  # IEEE: Theorem II.1
_STEP = re.compile(rf"^\s*(?:\d{{1,3}}[:.)](?:\s|$)|[-*]\s|{STEP_WORDS})", re.I)  # '10:' an empty step
_STEP_MARK = re.compile(r"←|[⊲▷]\s\S|\s//\s\S")  # an assignment or a right-set comment: a pseudo-code line
# a numbered line under an algorithm's head: '3. Sample ...', algorithm2e's '3 Sample ...'
_NUMBERED_STEP = re.compile(r"^\d{1,3}\.?\s+\S")
_THM_KINDS = THM_KINDS
_THM_NUM = THM_NUM + "|[A-Z]"
_TITLE = r"(?:[^()]|\([^()]{0,60}\)){1,120}"  # a statement's title, one bracket deep: 'Bound (Smith, 2010)'
# a statement declared with \newtheorem under a question's name (Research Question 4.1): bold, or titled
_QUESTION = r"(?:research\s+)?question"
# 'Example', 'Problem' only with a bold head, and 'Note', 'Exercise', 'Solution' only with a number too: as
# plain words they open too much prose
_BOLD_ONLY = rf"example|problem|(?:note|exercise|solution)(?=\s+(?:{THM_NUM})\b)"
_THM_BOLD = re.compile(
    rf"^\s*\*\*({_THM_KINDS}|{_BOLD_ONLY}|{_QUESTION})(?:\s+({_THM_NUM}))?\.?\*\*\s*"
    # a title, or one after a stop that closes the line: '**Proposition 5**. (Feature map (Smith, 2010))'
    rf"(?:(?:\.\s*(?=\({_TITLE}\)\s*$))?\(({_TITLE})\))?[.:]?\s*"
    r"(?:[—–]\s*)?(.*)$",  # a head closed by a dash: 'Corollary 1 — The method ...'
    re.I,
)
# a head with a title may have no stop ('Problem 1 (Decoding problem) Assume that ...', revtex's style);
# 'Example' and 'Problem' only so, titled: as plain words they open too much prose
_THM_PLAIN = re.compile(
    rf"^\s*({_THM_KINDS}|(?-i:Example|Problem|(?:Research\s+)?Question)(?=\s+(?:{THM_NUM})\s*\())\s+({_THM_NUM})"
    r"(?:\s*\(([^)]{1,120})\))?(?:[.:]|(?<=\))(?=\s+(?-i:[A-Z])))\s+(.*)$",
    re.I,
)
# a head that opens a sentence inside a line ('... in [12]. Lemma 2. Under ...', 'Lemma 3 (Abel). Let'):
# capitalised, numbered, after a sentence's end; 'by Lemma 2', 'Lemma 2 shows', ', Lemma B.7.' are references
_THM_MID = re.compile(
    rf"(?<=[.!?])\s+((?-i:{'|'.join(k.capitalize() for k in _THM_KINDS.split('|'))}))\s+((?-i:{THM_NUM}))"
    r"(?:\s*\(([^)]{1,120})\))?\.\s+(?=[A-Z(])(.*)$"
)
_ARCH = re.compile(
    r"(?i)\b(layers?|blocks?|modules?|attention|self-attention|encoders?|decoders?|convolution(?:al|s)?|conv|"
    r"residual|skip connections?|embeddings?|transformers?|mlps?|feed-?forward|multi-head|heads|"
    r"layer ?norm(?:alization)?|batch ?norm(?:alization)?|group ?norm(?:alization)?|relu|gelu|swish|silu|"
    r"softmax|tanh|sigmoid|unet|u-net|resnet|lstm|gru|rnn|pooling|downsampl\w*|upsampl\w*|hidden units|"
    r"channels|bottleneck|activation)\b"
)
_BACK_MATTER = re.compile(r"(?i)^(?:\d+\.?\s*)?(references|bibliography|acknowledge?ments?)\b")


class GrepEquationsResult(ToolResult):
    """What a paper states: equations, algorithms, theorem-like statements, architecture, hyperparameters."""

    markdown_path: str
    route: str = Field(description="'latex' when display maths is exact LaTeX ($$...$$), else 'pdf'")
    counts: dict[str, int] = Field(description="findings per kind (before any cap)")
    truncated: dict[str, int] = Field(default_factory=dict, description="kind -> items left out of the reply")
    numbered: list[Equation] = Field(default_factory=list)
    display: list[Equation] = Field(default_factory=list)
    algorithms: list[Algorithm] = Field(default_factory=list)
    theorems: list[Theorem] = Field(default_factory=list)
    architecture: list[ArchitectureSentence] = Field(default_factory=list)
    hyperparameters: list[Hyperparameter] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    setting_sentences: list[SettingSentence] = Field(
        default_factory=list,
        description="sentences of the paper's own setup stating values no hyperparameter finding took: read "
        "each for a setting the paper names in its own words",
    )

    def summary_text(self) -> str:
        out = [f"{self.markdown_path} ({self.route} route): "
               + ", ".join(f"{k} {v}" for k, v in self.counts.items())]
        for e in self.numbered[:60]:
            out.append(f"  ({e.label}){_page(e.page)} line {e.line}: {e.body[:100]}{_seen(e)}")
        for a in self.algorithms:
            steps = f"({len(a.steps)} steps){_seen(a)}"
            out.append(f"  Algorithm {a.number}{_page(a.page)}: {a.caption[:80]} {steps}")
        for t in self.theorems:
            out.append(f"  {t.kind.title()} {t.number or ''}{_page(t.page)}: {t.text[:80]}")
        for tb in self.tables:
            out.append(f"  Table {tb.number or ''}{_page(tb.page)}: {tb.caption[:80]}{_seen(tb)}")
        for h in self.hyperparameters[:60]:
            seen = _seen(h) if h.where == "table" else ""  # a value read from a table: its row's crop
            unsure = f", candidate: {h.doubt}" if h.confidence == "candidate" and h.doubt else ""
            out.append(f"  {h.key} = {h.value} ({h.where}, line {h.line}{unsure}){seen}")
        if self.setting_sentences:
            n = plural(len(self.setting_sentences), "setup sentence")
            out.append(f"  {n} stating values no hyperparameter finding took: read them (setting_sentences)")
        if self.truncated:
            out.append(f"  truncated: {self.truncated}")
        return "\n".join(out)




def _page(page: int | None) -> str:
    """' p5', or nothing where the page is unknown (LaTeX route without the PDF)."""
    return f" p{page}" if page is not None else ""


def _seen(item: Located) -> str:
    """' [render: page 5, bbox [...]; check: stacked fraction]': the crop that shows the finding."""
    hint = item.render_hint()
    if not hint:
        return ""
    return f" [{hint}" + (f"; check: {', '.join(item.check)}]" if item.check else "]")


def _lines(text: str) -> Iterator[MarkdownLine]:
    page: int | None = None
    section: str | None = None
    for no, raw in enumerate(text.split("\n"), start=1):
        m = _PAGE.match(raw)
        if m:
            page = int(m.group(1))
            continue
        h = _HEAD.match(raw)
        if h:
            section = h.group(2)
        yield MarkdownLine(no, raw, page, section)


def grep_equations(
    markdown_path: Annotated[str, Field(description="paper.md written by pdf_to_markdown (or any Markdown)")],
    kinds: Annotated[
        list[Kind] | None,
        Field(description="kinds to return: numbered, display, algorithm, theorem, architecture, "
                          "hyperparameter, table, setting_sentence; default all"),
    ] = None,
) -> GrepEquationsResult:
    """Find numbered equations (label + body), unnumbered displays, algorithm blocks, theorem-like statements,
    architecture sentences, hyperparameters, tables and the setup sentences stating values no hyperparameter
    finding took (settings the paper names in its own words: read them) in a paper's Markdown, each with its
    line, page and section, and where the PDF is known its box (PDF points, origin top-left) for render_page
    and what its text may have lost (`check`). Citations, years and references such as 'Eq. (3)' in prose
    are not equations."""
    from tools.workspace import resolve

    path = resolve(markdown_path, must_exist=True, kind="file", what="markdown_path")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        raise BadArgument(
            f"{markdown_path!r} is not UTF-8 text (bad byte at offset {e.start}): convert it to UTF-8 or "
            "re-create it with pdf_to_markdown"
        ) from e
    from tools.ingest.boxes import read_boxes

    wanted = set(kinds or ALL_KINDS)
    found = find_all(text, wanted, read_boxes(path))
    route = "latex" if found.pop("_latex") else "pdf"
    if route == "latex":
        fill_pages(found, path)
    counts = {k: len(found[_FIELD[k]]) for k in ALL_KINDS if k in wanted}
    truncated: dict[str, int] = {}
    for k in counts:
        items = found[_FIELD[k]]
        if len(items) > MAX_ITEMS:
            truncated[k] = len(items) - MAX_ITEMS
            del items[MAX_ITEMS:]
    result = GrepEquationsResult(markdown_path=str(path), route=route, counts=counts, **found)
    while len(result.model_dump_json()) > MAX_REPLY_CHARS:  # keep the reply under ~20k tokens
        k = max(counts, key=lambda x: len(getattr(result, _FIELD[x])))
        items = getattr(result, _FIELD[k])
        if k == "hyperparameter":  # a cut keeps the stated values; candidates are the checklist's to list
            items = sorted(items, key=lambda h: h.confidence == "candidate")
        keep = len(items) // 2
        truncated[k] = counts[k] - keep
        setattr(result, _FIELD[k], items[:keep])
    result.truncated = truncated
    return result


def fill_pages(found: dict, markdown_path: Path) -> None:
    """LaTeX route: each numbered equation, algorithm and theorem-like item gets the page its printed label
    has in the paper's PDF (paper.json label_pages, when the PDF was known at conversion); a numbered
    equation the prose names nothing gets the name its \\label key gives (paper.json labels)."""
    from tools.workspace import sidecar_of

    record = sidecar_of(markdown_path)
    pages = record.label_pages or {}
    keys = {}  # printed equation number -> its \label key
    for key, ref in (record.labels or {}).items():
        if isinstance(ref, dict) and ref.get("kind") == "equation" and ref.get("number"):
            keys.setdefault(str(ref["number"]), key)
    for e in found.get("numbered", []):
        e.page = e.page or pages.get(f"({e.label})")
        if not e.name and e.label in keys:
            e.name = label_name(keys[e.label])
    for a in found.get("algorithms", []):
        a.page = a.page or pages.get(f"Algorithm {a.number}")
    for t in found.get("theorems", []):
        t.page = t.page or (pages.get(f"{t.kind.lower()} {t.number}") if t.number else None)


_FIELD = {
    "numbered": "numbered", "display": "display", "algorithm": "algorithms", "theorem": "theorems",
    "architecture": "architecture", "hyperparameter": "hyperparameters", "table": "tables",
    "setting_sentence": "setting_sentences",
}


def find_all(text: str, wanted: set[str], places: dict[int, Any] | None = None) -> dict:
    """All findings of the wanted kinds, keyed by result field; '_latex' says if the text is LaTeX-route.
    `places` (Markdown line -> an object with page, bbox and flags: the PDF route's paper.boxes.json) gives
    each finding its box and check flags."""
    lines = list(_lines(text))
    latex = any(_LATEX_DISPLAY.match(ln.text) for ln in lines)
    out: dict = {_FIELD[k]: [] for k in wanted}
    if wanted & {"numbered", "display"}:
        num, disp = _equations(lines, latex)
        if "numbered" in wanted:
            out["numbered"] = num
        if "display" in wanted:
            out["display"] = disp
    if "algorithm" in wanted:
        out["algorithms"] = _algorithms(lines, latex)
    if "theorem" in wanted:
        out["theorems"] = _theorems(lines)
    if "architecture" in wanted:
        out["architecture"] = _architecture(lines)
    if "table" in wanted:
        out["tables"] = _tables(lines)
    if wanted & {"hyperparameter", "setting_sentence"}:  # the sentences are those no finding took
        from tools.analysis.hyperparams import find_hyperparameters
        from tools.analysis.setting_sentences import setting_sentences

        hps = find_hyperparameters(text)
        if "hyperparameter" in wanted:
            out["hyperparameters"] = hps
        if "setting_sentence" in wanted:
            out["setting_sentences"] = setting_sentences(text, hps)
    out["_latex"] = latex
    if places:
        for key, items in out.items():
            if key != "_latex":
                for item in items:
                    _place(item, places)
    return out


def _place(item: Located, places: dict[int, Any]) -> None:
    """The finding's box: its line's, or for an algorithm or a table the union of its caption's and body's
    lines on the same page."""
    first = places.get(item.line)
    if first is None:
        return
    box, flags = list(first.bbox), list(first.flags)
    if isinstance(item, Algorithm):
        more_lines: list[int] = list(range(item.line + 1, item.line + len(item.steps) + 1))
    else:
        more_lines = item.body_lines if isinstance(item, Table) else []
    for no in more_lines:
        more = places.get(no)
        if more is None or more.page != first.page:
            break
        box = [min(box[0], more.bbox[0]), min(box[1], more.bbox[1]),
               max(box[2], more.bbox[2]), max(box[3], more.bbox[3])]
        flags += [f for f in more.flags if f not in flags]
    item.page = item.page or first.page
    item.bbox = box
    item.check = [] if isinstance(item, Table) else flags  # a table's cells are read from its crop anyway


# ------------------------------------------------------------------------------------------ equations


def _skip(ln: MarkdownLine) -> bool:
    t = ln.text.lstrip()
    # not '|x| ≤ 1 (3)': a display may open with a bar; nor a display the PDF dump set as a row of cells
    table_row = t.startswith("| ") and t.endswith(" |") and not labelled_row(t)
    # a heading is '# Title': a lone '#' opening a line is a bracket's glyph ('#) , [( θ ... (14)')
    heads = bool(_HEAD.match(t)) or t.startswith(("<!--", "**Algorithm", "![")) or bool(_ALG.match(t))
    return not t or table_row or heads or bool(_SUBCAPTIONS.match(t))


def labelled_row(t: str) -> str | None:
    """A display the PDF dump set as a table row, its label in the last cell: '| q | = | a c − b d | (A6) |'
    -> 'q = a c − b d (A6)'; None for a table's row (no relation among its cells)."""
    if not (t.startswith("| ") and t.endswith(" |")):
        return None
    cells = [c.strip() for c in t.strip("|").split("|") if c.strip() and set(c.strip()) != {"-"}]
    text = " ".join(cells)
    if len(cells) < 2 or not _LABEL_END.fullmatch(" " + cells[-1]) or not _RELATION_CELL.search(text):
        return None
    return text


_RELATION_CELL = re.compile(r"(?:^|\s)[=≤≥<>≈∝≡]+(?:\s|$)")


# a row of sub-figure captions: '(a) P(Y | Z) for Experiment (A) (b) P(Y | Z) for Experiment (B)'
_SUBCAPTIONS = re.compile(r"\(a\)\s+\S.*\s\(b\)\s+\S")


def _prose_like(text: str) -> bool:
    tokens = text.split()
    words = [t for t in tokens if re.fullmatch(r"[a-z][a-z'-]{3,}[.,;:]?", t)]
    return len(tokens) >= 8 and len(words) > 0.55 * len(tokens)


# a proof's head: '**Proof.**', '*Proof of Theorem 2.*', 'Proof.' or 'Proof:' opening a paragraph
_PROOF_HEAD = re.compile(
    r"^\s*(?:\*\*|\*|_)?(?:Proof|PROOF)(?:\s+(?:of|for)\s(?:[^.:]|\.\d){1,80})?\s*[.:](?:\*\*|\*|_)?(?:\s|$)"
)
_PROOF_MARK = re.compile(r"[∎□■◻◼❑]\s*(?:\$\$)?\s*$")


def proof_lines(lines: list[MarkdownLine]) -> set[int]:
    """Line numbers inside a proof: from a Proof head to its end mark (the LaTeX route's PROOF_END line,
    a trailing ∎/□), the next heading or the next theorem-like head."""
    inside: set[int] = set()
    open_ = False
    for ln in lines:
        t = ln.text.strip()
        if open_ and (_HEAD.match(t) or _THM_BOLD.match(t) or _THM_PLAIN.match(t) or _ALG.match(t)):
            open_ = False
        if _PROOF_HEAD.match(t):
            open_ = True
        if open_:
            inside.add(ln.no)
            if t == PROOF_END or _PROOF_MARK.search(t):
                open_ = False
    return inside


def _prose_before(lines: list[MarkdownLine], i: int) -> str | None:
    """The paragraph right before lines[i] when it is prose (not another equation), else None."""
    for ln in reversed(lines[max(0, i - 3) : i]):
        t = ln.text.strip()
        if not t or t.startswith("<!--"):
            continue
        if _LATEX_DISPLAY.match(t) or _LABEL_END.search(t) or _display_like(t) or t.startswith("#"):
            return None
        return t
    return None


def _equations(lines: list[MarkdownLine], latex: bool = False) -> tuple[list[Equation], list[Equation]]:
    """Numbered and unnumbered displays. On the LaTeX route every numbered display is written
    `$$ body $$ (label)`: a '(3)' closing any other line there is a reference LaTeX printed (an algorithm
    step or a sentence ending in \\eqref), never a label."""
    numbered: list[Equation] = []
    display: list[Equation] = []
    in_proof = proof_lines(lines)
    steps = set() if latex else _step_lines(lines)
    for i, ln in enumerate(lines):
        if _skip(ln):
            continue
        before = _prose_before(lines, i)
        name = equation_name(before) if before else None
        loc = {"line": ln.no, "page": ln.page, "section": ln.section, "in_proof": ln.no in in_proof}
        loc["name"] = name
        m = _LATEX_DISPLAY.match(ln.text)
        if m:
            body, label = m.group(1).strip(), m.group(2)
            label = None if label and _ANNOTATION_TAG.match(label) else label
            (numbered if label else display).append(Equation(label=label, body=body, latex=True, **loc))
            continue
        t = _without_glued_script(_bracket_before_label(labelled_row(ln.text.strip()) or ln.text.strip()))
        if not latex and (pair := _SIDE_BY_SIDE.match(t)) and int(pair["m"]) == int(pair["n"]) + 1:
            numbered.append(Equation(label=pair["n"], body=pair["a"].strip(), **loc))
            t = pair["b"]  # 'L1 = λ|w| (4) L2 = λ|w|² (5)': two displays set side by side on one line
        m = None if latex or ln.no in steps else _LABEL_END.search(t)
        if m:
            body = t[: m.start()].strip()
            if (
                body
                and (len(body) <= 600 or _long_display(body))
                and (not _REF_BEFORE.search(body) or _alternative_of_display(body))
                and (
                    _MATH.search(body)
                    or UNMAPPED_MATH.search(body)
                    or _unmapped_display(body, m.group(1))
                    or _operators(body)
                    or _CALL_ONLY.fullmatch(body)
                )
                and not (_prose_like(body) and len(body) > 200)
                and (not _TAG_ONLY.fullmatch(m.group(1)) or _tag_after_display(body, m.group(1)))
                and not _numbers_nothing(m.group(1), body)
                and not _CODE_LINE.search(body)
            ):
                numbered.append(Equation(label=m.group(1), body=body, **loc))
                continue
            if _next_in_line(numbered, m.group(1), body):  # 'cell((0..X, 0..Y)). (3.3)' after (3.2): code
                numbered.append(Equation(label=m.group(1), body=body, **loc))
                continue
            # an empty numbered row (align's final '\\'); a lone word in brackets under a display ('(crit)')
            # is a script the page set apart, no label
            after_last = numbered and numbered[-1].line == _line_before(lines, i)  # past a page mark too
            if not body and after_last and not _TAG_ONLY.fullmatch(m[1]):
                if m.group(1) != numbered[-1].label:
                    numbered.append(Equation(label=m.group(1), body="", **loc))
                continue
            if not body and display and display[-1].line == ln.no - 1 and not _TAG_ONLY.fullmatch(m[1]):
                shown = display.pop()  # a label the PDF set on the line under its display
                numbered.append(shown.model_copy(update={"label": m.group(1)}))
                continue
        if _display_like(t):
            display.append(Equation(label=None, body=t, **loc))
    kept = _without_restated(numbered)
    return (kept if latex else _in_sequence(kept)), display


# a clause that cites the label at its end: 'substituting into (3.9)', 'which gives (4)'
_CITES_BEFORE = re.compile(
    r"(?i)\b(?:into|by|from|using|with|to|via|under|on|at|for|is|are|was|were|gives?|yields?)\s*$"
)


def _next_in_line(numbered: list[Equation], label: str, body: str) -> bool:
    """A short line that is no prose and no citation, closed by the label that follows the last one found
    ((3.3) after (3.2)): a display the page set without maths (a rule of a logic program, a line of code)."""
    last = _label_key(numbered[-1].label) if numbered else None
    key = _label_key(label)
    follows = last is not None and key is not None and key == (*last[:-1], last[-1] + 1)
    plain = 0 < len(body) <= 160 and not _prose_like(body) and not _REF_BEFORE.search(body)
    return follows and plain and not _CITES_BEFORE.search(body)


def _in_sequence(numbered: list[Equation]) -> list[Equation]:
    """Labels as a paper numbers them, rising through the text: of the labels written in numbers ('(4)',
    '(2.3)'), those off the longest rising run are text a figure or a table printed ('Age > 33 (3)' after
    equation (11)), not labels; a label repeated (a display restated) stays on the run."""
    keys = [_label_key(e.label) for e in numbered]
    spots = [i for i, k in enumerate(keys) if k is not None]
    length: list[int] = []  # length[j]: of the longest rising run of spots ending at spots[j]
    before: list[int | None] = []  # the spot before spots[j] on that run
    for j, i in enumerate(spots):
        rising = [h for h in range(j) if keys[spots[h]] <= keys[i]]
        h = max(rising, key=lambda h: length[h], default=None)
        length.append(1 + (length[h] if h is not None else 0))
        before.append(h)
    keep: set[int] = set()
    j = max(range(len(spots)), key=lambda j: length[j], default=None)
    while j is not None:
        keep.add(spots[j])
        j = before[j]
    return [e for i, e in enumerate(numbered) if keys[i] is None or i in keep]


def _label_key(label: str | None) -> tuple[int, ...] | None:
    numeric = label and re.fullmatch(r"\d+(?:\.\d+)*", label)
    return tuple(int(p) for p in label.split(".")) if numeric else None


_SIDE_BY_SIDE = re.compile(
    # (a case block's rows run on before its '=': '1 (x, y) is in object 0 rInside = { 0 else (5) rs = 0 (6)')
    r"^(?:\d\s+)?(?P<a>[^=]{1,60}=[^=]{1,80}?)\s\((?P<n>\d{1,3})\)\s+(?P<b>[^()=]{1,40}=.{1,80}\s\((?P<m>\d{1,3})\))$"
)
# '... (σ² · X) , (A.6)]': the bracket closing a display that spans lines, printed after its label
_LABEL_THEN_BRACKET = re.compile(rf"\s\(({LABEL_BODY})\)\s*(\]+)\s*$")


def _bracket_before_label(t: str) -> str:
    """The line with a closing bracket after its label moved before it, when the body left that bracket
    open; any other line as it is."""
    m = _LABEL_THEN_BRACKET.search(t)
    if m is None or t[: m.start()].count("[") - t[: m.start()].count("]") < len(m[2]):
        return t
    return f"{t[: m.start()]} {m[2]} ({m[1]})"


# a superscript the PDF dump read after the label, glued to it: 'V µ,i = T M µ(·,i) V M µ,i+1 (7)M'
_GLUED_SCRIPT = re.compile(rf"(\s\((?:{LABEL_BODY})\))[A-Za-z]\s*$")


def _without_glued_script(t: str) -> str:
    """The line without a letter glued right after its closing label."""
    return _GLUED_SCRIPT.sub(r"\1", t) if _MATH.search(t) else t


def _line_before(lines: list[MarkdownLine], i: int) -> int | None:
    """The number of the last line above i with text, past blank lines and page marks."""
    for ln in reversed(lines[max(0, i - 4) : i]):
        if ln.text.strip() and not ln.text.lstrip().startswith("<!--"):
            return ln.no
    return None


def _without_restated(numbered: list[Equation]) -> list[Equation]:
    """Each equation once: a later one with the same label and nearly the same symbols is the same
    equation printed again (a lemma restated with its displays in an appendix; a font without a Unicode map
    may print its glyphs in another order there)."""
    seen: dict[str | None, list[set[str]]] = {}
    out = []
    for e in numbered:
        tokens = set(e.body.split())
        if e.body and any(_overlap(tokens, t) >= 0.6 for t in seen.get(e.label, [])):
            continue
        seen.setdefault(e.label, []).append(tokens)
        out.append(e)
    return out


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(len(a | b), 1)


def _long_display(body: str) -> bool:
    """A long body that is all maths: an align of many rows whose one label closes the last row (the PDF
    engine joins the unnumbered rows above it), not a paragraph that ends in a reference."""
    tokens = body.split()
    return len(body) <= 2000 and (len(_ORDINARY_WORD.findall(body)) <= 0.05 * len(tokens) or _operators(body))


# a display that is one function applied, nested: 'L(x, g(f(x)))' (an objective written bare)
_CALL_ONLY = re.compile(r"[A-Za-zα-ωΑ-Ω][\w′'˜^]{0,5}\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)")
# '... > 0.5 or (2a)': a display's condition joined to the next by 'or'/'and' before its label
_JOINED_CONDITION = re.compile(r"(?:[=<>≤≥≠]|\\[a-z]+)[^=<>≤≥≠]{1,30}?[\w.)\]}]\s+(?:or|and)\s*$")


def _alternative_of_display(body: str) -> bool:
    """A short relation ending in 'or'/'and' after maths, no label before it: one of alternatives set as
    displays, not a sentence citing '(3) or (4)'."""
    cited = re.search(r"\)\s+(?:or|and)\s*$", body)
    return bool(_JOINED_CONDITION.search(body)) and not cited and len(body) < 120


def _operators(body: str) -> bool:
    """A display written in words joined by operators ('[GC8 + BN + ReLU]L5 + Pool + ...')."""
    return operator_heavy(body.split(), ("+", "−", "-", "=", "×", "·"))


def _step_lines(lines: list[MarkdownLine]) -> set[int]:
    """The lines of pseudo-code steps under an algorithm's head: a '(3)' closing one is a reference the step
    makes ('Estimate the model (9)'), not a display's label."""
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if not _ALG.match(ln.text):
            continue
        for nxt in lines[i + 1 : i + 80]:
            t = nxt.text.strip()
            if t.startswith("<!--"):
                continue
            if not (_STEP.match(t) or _NUMBERED_STEP.match(t) or _STEP_MARK.search(t)):
                break
            out.add(nxt.no)
    return out


def _tag_after_display(body: str, tag: str) -> bool:
    """A \\tag word closing a display line. Small letters after a name read as an argument, 'logK (x)',
    'f (z)', 'Softmax (cn)', '√ni:j (otj)': they count only after punctuation, a bracket or a digit. A
    group the line already holds, '√n(otj) √n (otj)', is an argument written again (a fraction's row),
    never a tag."""
    if not _display_like(body) or f"({tag})" in body.replace(" ", ""):
        return False
    if len(tag) == 1 and body.endswith(")") and re.search(rf"[(|,]\s*{re.escape(tag)}\s*[|,)]", body):
        return False  # 'p(y|t) = (p ∗ G(0, tI)) (y)': the function applied at y, a variable of the display
    return not (tag.islower() and body[-1:].isalpha())


# a line of program code in a listing: a chained attribute ('np. random . seed') or a method called with no
# arguments ('time . time ()'); '(42)' closing it is a call's argument, not a label
_CODE_LINE = re.compile(r"\b[A-Za-z_]\w+ ?\. ?[A-Za-z_]\w+ ?(?:\. ?[A-Za-z_]\w*|\( ?\))")


# a decimal in brackets with more after it: a table row's '(76.6) Top-5', a deviation's '(0.3) 90.2'
_BRACKETED_VALUE = re.compile(r"(?:^|\s)\(\d{1,3}\.\d{1,3}\)\s+(?:[A-Za-z][a-z]|\d)")


def _numbers_nothing(label: str, body: str) -> bool:
    """Brackets that close a line but number nothing: '(0.4)' (no section 0); the last of a row's bracketed
    decimals ('Top-1 (76.6) Top-5 (93.1)')."""
    return bool(re.match(r"0\.\d", label) or "." in label and _BRACKETED_VALUE.search(body))


def _unmapped_display(body: str, label: str) -> bool:
    """A labelled line whose maths signs did not come through (math fonts without a Unicode map print '='
    as '“'): a line of its own with at most two ordinary words, not a row of numbers."""
    return (
        not _TAG_ONLY.fullmatch(label)
        and len(body) <= 300
        and len(_ORDINARY_WORD.findall(body)) <= 2
        and not _measurements(body)
        and bool(_NOT_WORDS.search(body.removeprefix("#")))  # '#Modified Words (L1)': a count's mark
    )


# a sign no line of plain words holds: a caption '(a) II Goofspiel (6)' ends in a number, not a label
_NOT_WORDS = re.compile(r"[^\w\s.,;:'’()-]")


def _measurements(text: str) -> bool:
    """Three or more numbers making up a good share of the tokens: a table row ('12.3 (0.2)'), not maths."""
    tokens = text.split()
    numbers = sum(bool(re.fullmatch(r"[-+±]?\d[\d.,%]*|\([-+±]?\d[\d.,%]*\)", w)) for w in tokens)
    return numbers >= 3 and numbers >= 0.3 * len(tokens)


_ORDINARY_WORD = re.compile(r"(?<![\w\\])[a-z]{4,}(?!\w)")


def _numbers_row(text: str) -> bool:
    """A table row flattened into text: many of its tokens are plain numbers."""
    tokens = text.split()
    numbers = sum(bool(re.fullmatch(r"[-+±.,%()\d]+", w)) for w in tokens)
    return len(tokens) >= 4 and numbers >= 0.3 * len(tokens)


_DISPLAY_OPS = re.compile(r"[=≤≥≈∝≡≜∈∼←→↦∑∏∫∇∂√]|:=|\\[a-zA-Z]+")
_MATH_WORDS = {"log", "exp", "max", "min", "sin", "cos", "tanh", "sup", "inf", "lim", "det", "arg", "argmax",
               "argmin", "softmax", "where", "and", "for", "all", "with", "s.t.", "subject"}


def _display_like(t: str) -> bool:
    """An unnumbered display on the PDF route: a short line of mostly maths (not a table row, not prose with
    inline maths, not an address)."""
    if len(t) > 300 or len(t) < 3 or t.endswith((".", "?")) and len(t) > 60:
        return False
    if not (_DISPLAY_OPS.search(t) or UNMAPPED_MATH.search(t)):
        return False
    if _STEP.match(t) or "@" in t or "http" in t:
        return False
    if _numbers_row(t):
        return False
    tokens = t.split()
    words = [w for w in tokens if re.fullmatch(r"[A-Za-z][a-z]{2,}[.,;:]?", w)]
    return len([w for w in words if w.lower() not in _MATH_WORDS]) <= 2


# ---------------------------------------------------------------------------------------- algorithms


# 'Algorithm 1 presents the ...', 'Algorithm 2 shows how ...': a sentence about an algorithm, not its caption
_ALG_PROSE = re.compile(r"[a-z]{2,}s\s+(?:the|a|an|our|its|how|that|which|what)\b")


# a float set beside a section heading, its caption read into the heading's line: '### 2.4 Joint training
# Algorithm 4 Simplified joint training' (its steps lie elsewhere on the page)
_ALG_IN_HEADING = re.compile(
    r"^#{1,4}\s.*?\s(?:\*\*)?Algorithm\s+(\d+)(?:\*\*)?[.:]?\s+([A-Z][\w ,:()/-]{3,80})$"
)


def _step_like(t: str) -> bool:
    return bool(_STEP.match(t) or _NUMBERED_STEP.match(t) or _STEP_MARK.search(t))


def _wrapped(t: str, after: list[MarkdownLine]) -> bool:
    """A step's line wrapped onto the next: a short one, or a longer one that another step follows."""
    return len(t) <= 80 or len(t) <= 160 and bool(after) and _step_like(after[0].text.strip())


def _algorithms(lines: list[MarkdownLine], latex: bool = False) -> list[Algorithm]:
    """Algorithm heads and their steps. The LaTeX route writes every algorithm's head in bold: a plain
    'Algorithm 1 ...' there is prose that mentions one."""
    out: list[Algorithm] = []
    for i, ln in enumerate(lines):
        m = _ALG.match(ln.text) or _ALG_UNNUMBERED.match(ln.text)
        if not m and not latex and (beside := _ALG_IN_HEADING.match(ln.text)):
            out.append(Algorithm(number=beside[1], caption=beside[2].strip(), steps=[], line=ln.no,
                                 page=ln.page, section=ln.section))
        if not m:
            continue
        bold = ln.text.lstrip().startswith("**")
        if not bold and latex:
            continue
        caption = m.group(2).strip().lstrip(":.").strip()
        steps: list[str] = []
        following = lines[i + 1 : i + 80]
        for k, nxt in enumerate(following):
            t = nxt.text.strip()
            if not t or t.startswith("<!--"):
                if steps and not t:
                    break
                continue
            if t.startswith(("#", "**")) or _ALG.match(t):
                break
            if re.fullmatch(r"\d{1,4}", t):  # a page number between the box and what follows
                continue
            if _step_like(t):
                steps.append(t)
            elif steps and (t.startswith("$$") or _wrapped(t, following[k + 1 : k + 2])):
                steps[-1] = f"{steps[-1]} {t}"
            elif steps or len(t) > 160:
                break
        if not bold and (_ALG_PROSE.match(caption) or not steps and (len(caption) > 160 or not caption)):
            continue  # prose that starts with 'Algorithm 1 ...', whatever lines follow it
        if (any(a.number == m.group(1) for a in out) and not bold) or (not m.group(1) and not steps):
            continue  # a number seen already in plain text; an unnumbered head with no steps
        out.append(Algorithm(number=m.group(1) or None, caption=caption[:300], steps=steps[:60],
                             line=ln.no, page=ln.page, section=ln.section))
    return out


# -------------------------------------------------------------------------------------------- tables

# a caption: 'Table 3.' 'Table 2:' '**Table 1**' 'TABLE IV' standing alone ('Table 1 shows ...' is prose)
_TABLE = re.compile(
    r"^\s*(?:\*\*)?(?:Table|TABLE)\s+([A-Z]?\d+(?:\.\d+)?|[IVX]{1,6})(?:\*\*)?(?:[.:]\s*(.*)|\s*)$"
)
MAX_TABLE_LINES = 40


def _table_body(t: str) -> bool:
    """A table's line: Markdown cells, or a flattened row or table (a fifth of its tokens are numbers)."""
    tokens = t.split()
    numbers = sum(bool(re.fullmatch(r"[-+±−]?\d[\d.,]*[KMBkx%]?", w)) for w in tokens)
    return t.startswith("|") or _numbers_row(t) or (numbers >= 3 and numbers >= 0.2 * len(tokens))


def _tables(lines: list[MarkdownLine]) -> list[Table]:
    """Table captions with the table's lines next to them: those right after the caption, else right
    before it (a caption set under its table)."""
    out: list[Table] = []
    for i, ln in enumerate(lines):
        m = _TABLE.match(ln.text)
        if not m:
            continue
        body = _adjacent(lines[i + 1 : i + 1 + MAX_TABLE_LINES])
        if not body:
            body = _adjacent(lines[max(0, i - MAX_TABLE_LINES) : i][::-1])[::-1]
        out.append(Table(number=m.group(1), caption=(m.group(2) or "").strip()[:300],
                         rows=[one[:2000] for one in (b.text.strip() for b in body)][:MAX_TABLE_LINES],
                         body_lines=[b.no for b in body], line=ln.no, page=ln.page, section=ln.section))
    return out


def _adjacent(lines: list[MarkdownLine]) -> list[MarkdownLine]:
    """The table-like lines at the head of `lines` (blank lines and page markers before them skipped)."""
    out: list[MarkdownLine] = []
    for ln in lines:
        t = ln.text.strip()
        if not t or t.startswith("<!--"):
            if out:
                break
            continue
        if not _table_body(t):
            break
        out.append(ln)
    return out


# ------------------------------------------------------------------------------------------ theorems


def _theorems(lines: list[MarkdownLine]) -> list[Theorem]:
    out: list[Theorem] = []
    for i, ln in enumerate(lines):
        heads = _heads(ln.text)
        for k, (m, own) in enumerate(heads):
            text = own.strip() or _opening_paragraph(lines[i + 1 : i + 4])
            if text and not text.endswith((".", "?", "!")) and k == len(heads) - 1:
                rest = _list_after(lines[i + 1 : i + 16]) or _display_after(lines[i + 1 : i + 8], text)
                text = f"{text} {rest}".strip()
            out.append(Theorem(kind=m.group(1).lower(), number=m.group(2), title=m.group(3),
                               text=_first_sentences(text), line=ln.no, page=ln.page, section=ln.section))
    return out


def _heads(text: str) -> list[tuple[re.Match, str]]:
    """The theorem-like heads a line opens with or holds after a sentence's end, each with its own text (up
    to the next head: two statements the PDF engine read as one paragraph)."""
    out = []
    m = _THM_BOLD.match(text) or _THM_PLAIN.match(text) or _THM_MID.search(text)
    while m:
        nxt = _THM_MID.search(text, m.start(4))
        out.append((m, text[m.start(4) : nxt.start() if nxt else len(text)]))
        m = nxt
    return out


def _opening_paragraph(following: list[MarkdownLine]) -> str:
    """The text of a statement whose head stands alone: its first paragraph, list item or display (not a
    heading, a table or another statement)."""
    for ln in following:
        t = ln.text.strip()
        if not t:
            continue
        if t.startswith("$$"):
            return t  # the statement is a formula
        if t.startswith(("#", "|", "```")) or _THM_BOLD.match(t) or _THM_PLAIN.match(t):
            return ""
        return re.sub(r"^(?:[-*]|\d+\.)\s+", "", t)
    return ""


_ITEM = re.compile(r"^\s*(?:[-*]|\d{1,2}\.|\(?[a-z0-9]{1,4}\))\s+")


def _list_after(following: list[MarkdownLine]) -> str:
    """The list items right after a statement's opening that does not end a sentence ('We assume that',
    'Under two conditions:'): the rest of the statement."""
    items: list[str] = []
    for ln in following:
        t = ln.text.strip()
        if not t or t.startswith("<!--") or t.startswith("$$") and items:
            continue
        m = _ITEM.match(ln.text)
        if not m:
            break
        items.append(ln.text[m.end() :].strip())
    return " ".join(items)


def _display_after(following: list[MarkdownLine], opening: str) -> str:
    """The displays right after a statement's opening that runs on ('The LAX estimator,', 'we have'), and
    the words closing the sentence after them ('is unbiased.'): the rest of the statement. A display the
    opening already holds (a statement that opens with it) is not repeated."""
    parts: list[str] = []
    pieces: list[str] = []  # a display's limits or scripts on lines of their own ('T T'): kept before maths
    for ln in following:
        t = ln.text.strip()
        if not t or t.startswith("<!--"):
            continue
        m = _LATEX_DISPLAY.match(t)
        label = _LABEL_END.search(t)
        if len(t) > 12 and t in opening or m and m.group(1).strip() in opening:
            continue
        if m or label and _MATH.search(t) or _display_like(t):
            parts += [*pieces, m.group(1).strip() if m else t[: label.start()].strip() if label else t]
            pieces = []
            continue
        if len(t) <= 12 and not re.search(r"[A-Za-z]{3}", t) and len(pieces) < 2:
            pieces.append(t)
            continue
        if parts and t[:1].islower() and not _THM_PLAIN.match(t):
            parts.append(_first_sentences(t, 120))
        break
    return " ".join(parts)


def _first_sentences(text: str, limit: int = 300) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(". ", 0, limit)
    return text[: cut + 1] if cut > 40 else text[:limit]


# -------------------------------------------------------------------------------------- architecture


def _sentences(text: str) -> Iterator[str]:
    for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", text):
        s = s.strip()
        if s:
            yield s


def _architecture(lines: list[MarkdownLine]) -> list[ArchitectureSentence]:
    out: list[ArchitectureSentence] = []
    for ln in lines:
        if _skip(ln) or (ln.section and _BACK_MATTER.match(ln.section)):
            continue
        for s in _sentences(ln.text.strip()):
            keys = own_components(s, _ARCH)
            if not keys or len(s) < 25 or not re.search(r"[a-z]{3,}\s+[a-z]{3,}", s) or _numbers_row(s):
                continue
            out.append(ArchitectureSentence(text=s[:400], keywords=keys, line=ln.no, page=ln.page,
                                            section=ln.section))
    return out

