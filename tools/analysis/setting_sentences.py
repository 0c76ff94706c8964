"""Sentences of the paper's own setup that state a value no hyperparameter finding took: where to read for the
settings a paper names in its own words (the scanner only names what its vocabulary knows)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tools.analysis.findings import Hyperparameter, SettingSentence
from tools.analysis.hp_paragraphs import Para, markdown_lines, paragraphs, sentence_spans
from tools.analysis.hp_setup import OWN_CUE, RESULTS_CUE, THEORY_CUE, setup_section
from tools.workspace import first_heading

# pointers and citations, never settings: "Table 3", "Eq. (2)", "[12, 14]", "(Smith et al., 2019)", "2019"
_NOT_VALUES = re.compile(
    r"\b(?:Tables?|Tab\.|Figures?|Figs?\.|Sections?|Secs?\.|§|Appendix|Appendices|Eqs?\.|Equations?|"
    r"Algorithms?|Alg\.|Theorems?|Lemmas?|Propositions?|Corollary|Definitions?|Lines?|Chapters?|Steps?|"
    r"Rows?|Columns?|Footnotes?)\s*\(?[A-Z]?\d[\d.]*\)?(?:\s*(?:,|and|or|-|–)\s*\(?[A-Z]?\d[\d.]*\)?)*|"
    r"\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]|\b(?:19|20)\d\d[a-z]?\b|\(\d{1,3}\)"
)
_NUMBER = r"\.?\d(?:[\d,.]*\d)?"
# a value as printed: a number (a leading point, a size 3 × 3, a unit suffix) or a count in words
_VALUE = re.compile(
    rf"(?<![\w.^_-]){_NUMBER}(?:\s*[×x]\s*{_NUMBER})*(?:\s*[%kKMB](?!\w))?|"
    r"\b(?i:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand|half|twice|single)\b"
)
_MAX_CHARS = 240
_MAX_VALUES = 12  # more is a flattened table or a run of maths, not a sentence of settings
_TRIVIAL = {"", "0", "1"}  # indices and bounds of maths run into the text


@dataclass
class _Taken:
    """The values findings took: on each Markdown line, and by the name the paper gave each one."""

    by_line: dict[int, set[str]] = field(default_factory=dict)
    by_name: list[tuple[str, set[str]]] = field(default_factory=list)

    def add(self, hp: Hyperparameter) -> None:
        values = set(_VALUE.findall(hp.value))
        self.by_line.setdefault(hp.line, set()).update(values)
        self.by_name.append((hp.name.lower(), values))

    def took(self, value: str, lines: set[int], sentence: str) -> bool:
        """A finding on these lines took the value, or one took it elsewhere under a name this sentence uses
        (a setting the paper repeats: "drop probability .25" in each model's paragraph)."""
        if any(value in self.by_line.get(no, ()) for no in lines):
            return True
        low = sentence.lower()
        return any(value in values and len(name) > 3 and name in low for name, values in self.by_name)


def setting_sentences(markdown: str, found: list[Hyperparameter]) -> list[SettingSentence]:
    """Each sentence of the paper's own setup (in a setup section, or saying what the authors did) stating a
    value no finding in `found` took, outside theory and results sentences, in document order."""
    taken = _Taken()
    for hp in found:
        taken.add(hp)
    lines = list(markdown_lines(markdown))
    title = _title(markdown, lines)
    out: list[SettingSentence] = []
    for para in paragraphs(lines):
        if para.text.startswith("|") or para.starts[0][1].section == title:
            continue  # a table (the table readers read it) or the title block (authors, affiliations)
        for start, end in sentence_spans(para.text):
            if hit := _unread(para, start, end, taken):
                out.append(hit)
    return out


def _title(markdown: str, lines: list) -> str | None:
    """The first section when it is the paper's title (a level-1 heading): its block holds authors and
    affiliations, whose footnote marks read as numbers."""
    first = next((ln.section for ln in lines if ln.section), None)
    heading = first_heading(markdown)
    return first if heading and first == heading.strip() else None


def _own_setup(sentence: str, section: str | None) -> bool:
    """A sentence of the paper's own runs: in a setup section or saying what the authors did, and neither
    theory nor a result. (hp_setup.decide also takes any caption for a choice; here a caption is a figure's
    description, so its own cues are used without it.)"""
    if THEORY_CUE.search(sentence) or RESULTS_CUE.search(sentence):
        return False
    return setup_section(section) or bool(OWN_CUE.search(sentence))


def _unread(para: Para, start: int, end: int, taken: _Taken) -> SettingSentence | None:
    sentence = para.text[start:end]
    first = para.line_at(start)
    if not _own_setup(sentence, first.section):
        return None
    lines = {line.no for off, line in para.starts if start <= off < end} | {first.no}
    values = [v.strip() for v in _VALUE.findall(_NOT_VALUES.sub(" ", sentence))]
    values = [v for v in values if v not in _TRIVIAL and not taken.took(v, lines, sentence)]
    if not values or len(values) > _MAX_VALUES:
        return None
    text = sentence.strip()
    if len(text) > _MAX_CHARS:
        at = max(0, text.find(values[0]) - 80)
        text = "…" + text[at : at + _MAX_CHARS].strip() + "…"
    return SettingSentence(line=first.no, page=first.page, section=first.section, text=text, values=values)
