"""What the analysis phase finds in a paper: the models shared by grep_equations, make_checklist and the
LaTeX route. Every finding carries the Markdown line (1-based) and the PDF page it came from.

Markdown contract (both routes write it, grep_equations reads it):
- `<!-- page N -->` on its own line before each page's text (PDF route; the LaTeX route's Markdown has no
  pages: its numbered items take page and box from paper.boxes.json, matched in the paper's PDF when known).
- PDF route: a display equation is one line; a numbered one ends with its label, e.g. `L = E[...] (12)`.
- LaTeX route: display math is one line `$$ <exact LaTeX> $$` followed, when numbered, by ` (12)`; algorithms
  are `**Algorithm 1** <caption>` followed by a numbered list of steps; theorem-like statements start with
  `**Theorem 3.1** (optional title). text`; sections are Markdown headings.
- Proofs (LaTeX route): `**Proof.**` (or `**Proof of Theorem 2.**`) opens the proof's first paragraph and a
  line holding only PROOF_END closes it. On the PDF route a proof runs from a paragraph opening with
  `Proof.` / `Proof of ...` to a line ending with an end mark (∎ □ ■), the next heading or theorem-like head.
  Equations inside a proof are steps of a derivation (`Equation.in_proof`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

Route = Literal["pdf", "latex"]
Kind = Literal[
    "numbered", "display", "algorithm", "theorem", "architecture", "hyperparameter", "table",
    "setting_sentence",
]
ALL_KINDS: tuple[Kind, ...] = (
    "numbered", "display", "algorithm", "theorem", "architecture", "hyperparameter", "table",
    "setting_sentence",
)
PROOF_END = "∎"  # the LaTeX route's end-of-proof line


class Located(BaseModel):
    line: int = Field(description="1-based line in the Markdown file")
    page: int | None = Field(
        default=None, description="PDF page (1-based); None on the LaTeX route without the paper's PDF"
    )
    section: str | None = Field(default=None, description="heading of the enclosing section, when known")
    bbox: list[float] | None = Field(
        default=None,
        description="where it is on its page (PDF route; numbered items on the LaTeX route with a PDF): "
        "[x0, y0, x1, y1] in PDF points, origin at the "
        "page's top-left corner, y downward (y0 the top edge); render_page(paper, page, bbox) shows it",
    )
    check: list[str] = Field(
        default_factory=list,
        description="what the text likely lost (a bar or accent over a letter, a stacked fraction, glyphs "
        "without a Unicode map, a script on its own baseline): look at the crop before implementing it",
    )

    def render_hint(self) -> str | None:
        """'render: page 5, bbox [x0, y0, x1, y1]', the render_page call that shows this finding."""
        if self.page is None or self.bbox is None:
            return None
        return f"render: page {self.page}, bbox [{', '.join(f'{v:g}' for v in self.bbox)}]"


class Equation(Located):
    label: str | None = Field(description="printed label without parentheses ('12', 'A.3'); None: unnumbered")
    body: str = Field(description="the equation text joined into one line (exact LaTeX on the LaTeX route)")
    latex: bool = Field(default=False, description="True when body is exact LaTeX from the source")
    name: str | None = Field(
        default=None, description="the quantity the words right before it name ('variational bound')"
    )
    in_proof: bool = Field(
        default=False, description="inside a proof: a step of a derivation (checklist scope DERIVATION)"
    )


class Algorithm(Located):
    number: str | None = Field(description="'1', '2', 'A.1'")
    caption: str
    steps: list[str] = Field(default_factory=list)


class Theorem(Located):
    kind: str = Field(description="theorem, lemma, definition, proposition, corollary, assumption, ...")
    number: str | None = Field(description="'3', '2.1', 'C.1'")
    title: str | None = None
    text: str = Field(description="the statement's first sentences")


class Table(Located):
    number: str | None = Field(description="'1', 'A.2'")
    caption: str
    rows: list[str] = Field(
        default_factory=list,
        description="the table's text as the Markdown holds it (a PDF flattens a table's cells into one "
        "line): read the crop for its cells",
    )
    body_lines: list[int] = Field(default_factory=list, exclude=True)  # the Markdown lines of `rows`


class ArchitectureSentence(Located):
    text: str
    keywords: list[str]


class SettingSentence(Located):
    """A sentence of the paper's own setup stating a value that no hyperparameter finding took: a setting the
    paper may name in its own words, for a reader to judge."""

    text: str = Field(description="the sentence (at most ~240 characters around its values)")
    values: list[str] = Field(description="the values it states that no hyperparameter finding took")


class Hyperparameter(Located):
    name: str = Field(description="the name as the paper writes it ('learning rate')")
    key: str = Field(description="canonical snake_case key ('learning_rate'); the ID is HP-learning-rate")
    value: str = Field(description="the value as printed ('3e-4', '200K', 'Adam')")
    value_normalized: float | str | list[float | str] | None = None
    unit: str | None = None
    where: Literal["prose", "table", "algorithm"] = "prose"
    quote: str = Field(description="the sentence or table row it was stated in (at most ~200 characters)")
    confidence: Literal["stated", "candidate"] = Field(
        default="stated",
        description="'candidate': the scanner is unsure this is a setting of the paper's own method (a bare "
        "number near a keyword, an axis tick, a loop bound, a value about cited work); confirm before use",
    )
    context: str | None = Field(
        default=None, description="the experiment, dataset, model size or table column the value belongs to"
    )
    doubt: str | None = Field(
        default=None, description="for a candidate: why the scanner is unsure ('sentence about cited work')"
    )


@dataclass
class MarkdownLine:
    """One line of a paper's Markdown with the page and section it sits in (what the scanners iterate)."""

    no: int
    text: str
    page: int | None
    section: str | None
