"""Hyperparameters stated in a paper's Markdown: prose ("a batch size of 128", "200K training iterations"),
hyperparameter tables (one setting per row, or settings as columns of an ablation table) and algorithm inputs
("Require: learning rate α ..." and later "α = 0.001").

Public helpers reused by the benchmark for matching against hand-labelled items:
`canonical_key(name)` maps a written name or a snake_case label to one key (lr, step size -> learning_rate);
`normalize_value(text)` turns `3 × 10^-4`, `3e-4`, `0.0003`, `200K`, `{0.1, 0.2}`, `Adam` into a float, a list
or a lower-case string; `values_match(a, b)` compares two normalised values.
"""

from __future__ import annotations

import re

from tools.analysis.findings import Hyperparameter
from tools.analysis.findings import MarkdownLine as _Line
from tools.analysis.hp_collector import Collector
from tools.analysis.hp_colon_list import item_setting, settings_list_items
from tools.analysis.hp_compared import demote_compared
from tools.analysis.hp_footnotes import demote_glued_marks
from tools.analysis.hp_list_context import list_titles, titled_value
from tools.analysis.hp_normalize import VALUE_RE, names_match, normalize_value, values_match
from tools.analysis.hp_own_words import own_word_candidates
from tools.analysis.hp_paragraphs import (
    ALG_INPUT,
    input_assignments,
    markdown_lines,
    others_sections,
    paragraphs,
)
from tools.analysis.hp_prose import prose_matches
from tools.analysis.hp_symbols import symbol_map
from tools.analysis.hp_tables import read_tables
from tools.analysis.hp_vocabulary import COUNT_KEYS, STANDARD_KEYS, SYNONYMS, canonical_key

# a figure's or table's caption: "**Figure 2** ...", "Table 3: ...", an italic caption line "*... (30 runs).*"
_CAPTION = re.compile(r"^(?:\*\*)?(?:Figure|Fig\.|Table)\s+\d+|^\*[^*]")

__all__ = [
    "COUNT_KEYS",
    "STANDARD_KEYS",
    "SYNONYMS",
    "VALUE_RE",
    "canonical_key",
    "find_hyperparameters",
    "names_match",
    "normalize_value",
    "values_match",
]


def find_hyperparameters(markdown: str) -> list[Hyperparameter]:
    """Every hyperparameter the paper states with a value, once per (key, value), in document order."""
    lines = list(markdown_lines(markdown))
    out = Collector()
    prose_paras = list(paragraphs(lines))
    symbols = symbol_map(prose_paras)
    table_lines = read_tables(lines, symbols, out)
    body = [ln if ln.no not in table_lines else _Line(ln.no, "", ln.page, ln.section) for ln in lines]
    body_paras = list(paragraphs(body))
    others = others_sections(lines)
    titles = list_titles(markdown)
    listed = settings_list_items(body)
    for para in body_paras:
        if para.starts[0][1].section in others and not _CAPTION.match(para.text):
            continue  # a figure's caption describes the experiments wherever the figure floated
        where = "algorithm" if ALG_INPUT.match(para.text) else "prose"
        first = para.starts[0][1].no
        out.list_context = titles.get(first)  # '- CIFAR10 ResNet' over '- lr 0.1'
        before = len(out.items)
        prose_matches(input_assignments(para.text), para.line_at, symbols, out, where)
        if len(out.items) == before and (part := titled_value(out.list_context, para.text)):
            name, context, value = part  # '- Generator: 1e-3' under '- Learning rate'
            out.add(para.line_at(0), name, canonical_key(name), value, "prose", para.text, context=context)
        elif len(out.items) == before and first in listed and (item := item_setting(para.text)):
            name, key, value = item  # '- Max New Tokens: 256' among '- Batch Size: 4', '- Epochs: 15'
            out.add(para.line_at(0), name, key, value, "prose", para.text)
    out.list_context = None
    for line, text in out.notes:  # a remark cell read as a sentence: its evidence is the row as printed
        before = len(out.items)
        prose_matches(text, lambda _offset, line=line: line, symbols, out, "prose")
        out.items[before:] = [h.model_copy(update={"quote": line.text[:200]}) for h in out.items[before:]]
    out.items.sort(key=lambda h: h.line)
    found = demote_glued_marks(demote_compared(out.items, [p.text for p in prose_paras]), lines)
    return sorted(found + own_word_candidates(body_paras, found), key=lambda h: h.line)
