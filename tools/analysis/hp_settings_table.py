"""Pipe tables of settings: one setting per row ('| Learning rate | 3e-4 |', a column per experiment) or one
per column ('| Task | lr | batch size |', a row per experiment)."""

from __future__ import annotations

import re

from tools.analysis.components import CITATION
from tools.analysis.findings import MarkdownLine as _Line
from tools.analysis.hp_assigned import symbol_key
from tools.analysis.hp_collector import Collector
from tools.analysis.hp_normalize import SCALAR
from tools.analysis.hp_patterns import ALL_NAMES, NAME_ANY, SYM, phrase_re
from tools.analysis.hp_table_cells import (
    CAPTION_LINE,
    METHOD_HEAD,
    RULE_ROW,
    SETTINGS_HEAD,
    SIZE_COLUMN,
    TRAILING_SYMBOL,
    data_table,
    head_qualifier,
    key_of,
    row_cells,
    row_key,
    setting_value,
    spread_cell,
)
from tools.analysis.hp_vocabulary import GREEK, RESULT_WORDS, SYNONYMS, WORD_VALUED, canonical_key, own_key

_RESULTS_NEAR = re.compile(
    r"\b(?:performance|comparison|compared|results|ablations?|outperform(?:s|ed)?)\b", re.I
)
_SETTINGS_CAPTION = re.compile(
    r"hyper-?\s?parameters?|training\s+(?:details|settings|configuration)|implementation\s+details"
    # 'Table of parameters for all training experiments', 'Training parameters'
    r"|\b(?:training|experiment(?:al)?)\s+parameters\b"
    # 'Parameters for the logistic regression experiments': up to three words say which experiments
    r"|\bparameters\s+(?:for|of|used\s+(?:in|for))\s+(?:all\s+|the\s+|our\s+|each\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:training|experiments?|runs?)\b",
    re.I,
)
# weaker: a caption that may also head an ablation's results ('Results under different parameter settings')
_SETUP_CAPTION = re.compile(r"\b(?:parameter|experiment(?:al)?)\s+(?:settings|configurations?)\b", re.I)
# a table of a network's layers ('Table 6: Network architecture.'): its columns, not its rows, name settings
# 'Network architecture.', 'Architecture of FullyCon', 'The architecture used for MNIST'
_ARCHITECTURE_CAPTION = re.compile(
    r"\barchitectures?\s*(?:details\s*)?[.:]?\s*$|^(?:\*\*)?(?:Table|TABLE)\s*[\w.-]*[.:]?(?:\*\*)?[.:]?\s*"
    r"(?:the\s+)?(?:network\s+|model\s+)?architectures?\s+(?:of|for|used)\b",
    re.I,
)
_SHORT_HEAD = re.compile(r"^[A-Za-z][\w -]{0,40}$")
_LEAD = re.compile(r"(?:\**(?:Table|TABLE|Figure|Fig\.)\s*[\w.-]*[.:]\**\s*)?.*?(?:[.!?](?=\s+[A-Z])|$)")
_SWEPT = re.compile(
    r"\b(?:different|various|varying|several)\s+(?:settings|values|choices|configurations)\s+of\s+(?:the\s+)?"
    r"hyper-?\s?parameters?|\bhyper-?\s?parameters?\s+(?:sensitivity|analysis|study|sweep)",
    re.I,
)


# a sentence that sends the reader to a table for the settings: 'The details are provided in Table 1.',
# 'hyperparameters are listed in Table 5', 'Table 3 lists the hyperparameters'
_SENDS_TO_TABLE = re.compile(
    r"\b(?:hyper-?\s?parameters?|settings|details|configurations?)\b[^.;]{0,60}?\b(?:in|see)\s+(?:the\s+)?"
    r"Tab(?:le|\.)\s*(?P<a>[A-Z]?\d+)\b"
    r"|\bTab(?:le|\.)\s*(?P<b>[A-Z]?\d+)\s+(?:lists|gives|shows|summari[sz]es|contains|details)\s+"
    r"(?:the\s+|all\s+|our\s+)?(?:hyper-?\s?parameters?|settings|training\s+details|configurations?)\b",
    re.I,
)
_TABLE_NUMBER = re.compile(r"^(?:\*\*)?(?:Table|TABLE)\s+(?P<n>[A-Z]?\d+)\b")


def tables_sent_to(lines: list[_Line]) -> set[str]:
    """The numbers of the tables a sentence outside any table sends the reader to for the settings (not for
    results): such a table lists settings wherever it floated, whatever its caption says."""
    found = set()
    for ln in lines:
        if ln.text.startswith("|"):
            continue
        for m in _SENDS_TO_TABLE.finditer(ln.text):
            sentence = ln.text[max(0, ln.text.rfind(".", 0, m.start()) + 1) : m.end()]
            if not (RESULT_WORDS.search(sentence) or _RESULTS_NEAR.search(sentence)):
                found.add(m["a"] or m["b"])
    return found


def read_settings_table(  # noqa: PLR0913
    lines: list[_Line],
    i: int,
    symbols: dict[str, str],
    out: Collector,
    follows: bool = False,
    sent_to: frozenset[str] = frozenset(),
) -> int:
    """A pipe table of settings ('| Hyperparameter | Atari | MuJoCo |' or one captioned 'Hyperparameters'):
    every row names a setting, so each value cell is one, with its column's heading as the context, even
    when the name is not in the synonym table ('Entropy coefficient', 'Discount γ'). Returns where the table
    ends (i when line i does not open one)."""
    if not (lines[i].text.startswith("|") and i + 1 < len(lines) and RULE_ROW.match(lines[i + 1].text)):
        return i
    if i and lines[i - 1].text.startswith("|"):
        return i
    end = i + 2
    while end < len(lines) and lines[end].text.startswith("|"):
        end += 1
    header = row_cells(lines[i].text)
    if (spans := _spanning_groups(header, lines[i + 2 : end])) and _transposed(
        row_cells(lines[i + 2].text), lines[i + 3 : end], symbols, out, settings=True, spans=spans
    ):
        return end  # '| | Our method | | VAE pre-training | |' over '| Environment | Epochs | Batch Size |'
    rows = [row_cells(ln.text) for ln in lines[i + 2 : end]]
    layout = _Layout(header, rows)
    if _lost_header(layout):
        return end
    if not _of_settings(lines, i, end, layout, follows, sent_to):
        if _of_layers(lines, i, header[0]) and _transposed(header, lines[i + 2 : end], symbols, out):
            return end  # '| Layer | Kernel size | Stride |': one row per layer
        return end if _one_setting_grid(lines, i, end, out) else i
    across = not (layout.headless or layout.grouped)  # one column per setting, one row per run
    if across and _transposed(header, lines[i + 2 : end], symbols, out, settings=True):
        return end
    if not layout.known and _run_codes([r[layout.name] for r in rows if len(r) > layout.name]):
        return end  # '| 01DERS5-5 | Decow | 5 |': rows named by runs' (or data sets') codes, not settings
    group = None
    owners = pair_groups(header)  # '| EWC | | AGEM | |': a method over each pair of columns
    for line in ([lines[i]] if layout.headless else []) + lines[i + 2 : end]:
        cells = row_cells(line.text)
        group = (cells[0].strip() or group) if layout.grouped and cells else None
        for k in layout.pairs:  # '| Discount | 0.99 | Epochs | 10 |': each pair is a row of its own
            _read_row(line, cells[k : k + 2], _PAIR, out, header[k].strip("* ") if owners else None, symbols)
        if not layout.pairs:
            _read_row(line, cells, layout, out, group, symbols)
    return end


def _lost_header(layout: _Layout) -> bool:
    """'| BERT Base | 2e-5 | 16 | 3 |' as the header: a data row the page put first, its real header lost;
    with rows that name no known setting, no column says which setting its values are."""
    cells = [h.strip("* ") for h in layout.header[1:]]
    numbers = sum(bool(re.fullmatch(SCALAR, c)) for c in cells)
    return len(cells) >= 3 and numbers * 2 > len(cells) and not layout.known


_RUN_CODE = re.compile(r"(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*")


def _run_codes(names: list[str]) -> bool:
    """Rows named mostly (two in three, three at least) by codes mixing letters and digits ('01DERS5-5',
    'FB14k'): runs or data sets, not settings."""
    plain = [p for n in names if (p := n.strip("*` "))]
    codes = sum(bool(_RUN_CODE.fullmatch(n)) for n in plain)
    return codes >= 3 and codes * 3 >= len(plain) * 2


_LAYERS_HEAD = re.compile(r"^(?:layers?|blocks?|stages?)$", re.I)
# the first column of a table with one row per layer: 'Layer', 'Layer type', 'Operation'
_LAYER_COLUMN = re.compile(r"^(?:layers?|layer\s+(?:types?|names?)|blocks?|operations?|modules?)$", re.I)
# conv1, pool2, fc, FC-1, res3 (not any short word: '| Layers | Dim | WER |' heads a sweep of depths)
_LAYER_ID = re.compile(
    r"[A-Za-z]{2,12}[-_]?\d{1,2}|(?i:conv|pool|fc|dense|linear|input|output|embed(?:ding)?|flatten|softmax)"
)
# the settings-table heads that say so outright; the others ('Parameter', 'Name', 'Setting') head results too
_SPECIFIC_HEAD = re.compile(r"^(?:hyper-?\s?parameters?|options?)$", re.I)
_NAME_HEAD = re.compile(r"^(?:descriptions?|(?:hyper-?\s?)?parameters?|settings?|names?)$", re.I)
_VALUE_HEAD = re.compile(r"^(?:values?|default(?:\s+values?)?|choices?|settings?\s+used)$", re.I)
# '| Classifier (Param) | Range | Best Value |': the first column names each model's settings; beside a
# column of the values chosen, a range column holds what a search covered (alone, what a setting may take)
_PARAM_ASIDE = re.compile(r"\((?:hyper-?\s?)?param(?:eter)?s?\)", re.I)
_RANGE_HEAD = re.compile(r"^(?:(?:search\s+)?(?:range|space|grid)|search|tried|candidates?)s?$", re.I)
_CHOSEN_HEAD = re.compile(r"^(?:best|optimal|chosen|selected|final|tuned)(?:\s+values?)?$", re.I)
SEARCHED_RANGE = "the range a search covered, not the value chosen"
# a column of prose about each row ('| Momentum | 0.9 | Nesterov momentum |'): sentences, not values
_REMARK_HEAD = re.compile(
    r"^(?:[\w-]+\s+)?(?:remarks?|notes?|comments?|details|explanations?|justifications?|reasons?|"
    r"rationale|sources?)$",
    re.I,
)


class _Layout:
    """Which column names the setting and which hold its values. The name column is the first unless a
    later one is headed so ('| | Description | Symbol | Value |': the first column groups rows); a column
    headed 'Value' holds the values, else every column after the name (one per experiment). `headless`: the
    header row is a setting itself ('| Learning rate | N/A | 0.01 |': a table whose heading the page lost)."""

    def __init__(self, header: list[str], rows: list[list[str]]) -> None:
        heads = [h.strip("* ") for h in header]
        self.header = header
        later = [k for k, h in enumerate(heads) if k and _NAME_HEAD.match(h)]
        values = [k for k, h in enumerate(heads) if _VALUE_HEAD.match(h)]
        # '| | Description | Hopper | Walker2d |' over '| N | epoch | 125 | 300 |': the first column gives
        # each row's symbol, the described one its name, every later one an experiment's values
        self.symbol = 0 if later and not values and _symbols([r[0] for r in rows if r]) else None
        described = bool(later and values and values[0] > later[0]) or self.symbol is not None
        self.name = later[0] if described else 0
        self.gloss: int | None = None  # a column that describes each row's name
        if described and _identifiers([r[0] for r in rows if r]):
            self.name, self.gloss = 0, later[0]  # '| hsv_h | Altering the hue | 0.015 |': the code name
        self.values = values if described else []
        # a remark column after the values; 'Description' counts as one after a 'Value' column
        after = values[0] if values else len(heads)
        self.remarks = [
            k
            for k, h in enumerate(heads)
            if k > self.name + 1 and (_REMARK_HEAD.match(h) or (k > after and _NAME_HEAD.match(h)))
            # '| Algorithm | Baseline details |': no value column, each row's setup said in a sentence
            or k == self.name + 1 == len(heads) - 1 and _REMARK_HEAD.match(h) and not values
        ]
        # '| nStage | 200 | Iterations |' under '| Parameter | Value | Description |': code names, described
        described_after = [k for k in self.remarks if _NAME_HEAD.match(heads[k]) and k == after + 1]
        if self.gloss is None and values and described_after and _identifiers([r[0] for r in rows if r]):
            self.gloss = described_after[0]
            self.remarks.remove(self.gloss)
        # '| Optimizer | Parameter | MNIST |' over '| BayesBiNN | MC steps | 1 |', '| | Initial LR | 1e-4 |'
        # (the first column groups the rows, the second names their settings)
        blank = sum(not r[0].strip() for r in rows if r)
        self.grouped = later[:1] == [1] and not described and blank * 2 >= len(rows) > 0
        self.name = 1 if self.grouped else self.name
        named = SETTINGS_HEAD.match(heads[0]) or _PARAM_ASIDE.search(heads[0])
        self.named = bool(named or described or self.grouped)
        chosen = any(_CHOSEN_HEAD.match(h) for h in heads)
        self.searched = {k for k, h in enumerate(heads) if chosen and _RANGE_HEAD.match(h)}  # search ranges
        # 'Parameter' also heads a statistical model's estimates ('| Parameter | MCMC | MFVB |'), 'Name' or
        # 'Configuration' the runs a results table compares: without a 'Value' column, a results caption wins
        generic = SETTINGS_HEAD.match(heads[0]) and not _SPECIFIC_HEAD.match(heads[0])
        self.generic = bool(generic) and not values
        # '| Discount factor | 0.995 | KL coefficient | 1.0 |': name/value pairs set side by side
        self.pairs = list(range(0, len(header), 2)) if _side_by_side([header, *rows]) else []
        named_row = len(header) <= 3 and re.search(r"[A-Za-z]{2}", header[0]) is not None
        first_value = header[1] if self.pairs else header[-1]
        self.headless = (named_row or bool(self.pairs)) and bool(setting_value(first_value))
        # '| | CIFAR-10 | ImageNet |' over 'Batch size', 'Weight decay' rows: most rows name a known setting
        known = [r for r in rows if r and row_key(_row_name(r[0]))[0] in SYNONYMS]
        self.known = len(known)
        self.rows_named = len(known) >= 3 and len(known) * 3 >= len(rows) * 2
        # '| Layer | conv1 | pool1 | conv2 |' over '# Filters', 'Stride' rows: a column per layer of a network
        ids = sum(bool(_LAYER_ID.fullmatch(h)) for h in heads[1:])
        self.layers = bool(_LAYERS_HEAD.match(heads[0])) and ids >= 2
        # '| ERK | 0.1 | 0.3, 100 | 92.4 ± 0.06 |': a mean with its spread in every row is a result beside the
        # settings, so the rows are runs, not settings by name
        self.measured = bool(rows) and all(any(spread_cell(c) for c in r) for r in rows)

    def columns(self, width: int) -> list[int]:
        return self.values or [k for k in range(self.name + 1, width) if k not in (*self.remarks, self.gloss)]


# a row's symbol cell: 'N', '$\\gamma$', 'λ_2', '$\\epsilon_{min}$'
_LATEX_SYMBOL = re.compile(r"\\[A-Za-z]+(?:_\{?\w{1,4}\}?)?")


def _symbols(cells: list[str]) -> bool:
    """Are most of a column's cells (at least three) a symbol each?"""
    marks = [c.strip("$* ") for c in cells if c.strip("$* ")]
    hits = [c for c in marks if re.fullmatch(SYM, c) or _LATEX_SYMBOL.fullmatch(c)]
    return len(hits) >= 3 and len(hits) * 3 >= len(marks) * 2


def _unescape(cell: str) -> str:
    """A cell without Markdown's escapes ('hsv\\_h' -> 'hsv_h')."""
    return re.sub(r"\\([_*#-])", r"\1", cell)


# a setting's name as code: 'hsv_h', 'lr0', '--batch-size', 'weight_decay'
_IDENTIFIER = re.compile(r"(?:--?)?[a-z][a-zA-Z0-9]*(?:[_.-][a-z0-9]+)*")


def _identifiers(cells: list[str]) -> bool:
    """Most first cells are code names, at least one of them plainly code ('hsv_h', 'lr0', 'nStage'): the
    table names each setting as a program's option and describes it in another column."""
    names = [_unescape(c.strip("` ")) for c in cells]
    code = [c for c in names if _IDENTIFIER.fullmatch(c)]
    return len(code) * 3 >= len(cells) * 2 and any(re.search(r"[_\d]|^-|[a-z][A-Z]", c) for c in code)


def _side_by_side(table: list[list[str]]) -> bool:
    """Are the table's columns name/value pairs? Even and at least four wide, and in most rows each named
    cell is followed by a value (a last pair may be empty)."""
    width = len(table[0])
    if width < 4 or width % 2:
        return False

    def named(cells: list[str]) -> list[int]:
        return [k for k in range(0, width, 2) if k < len(cells) and cells[k]]

    groups = pair_groups(table[0])  # '| EWC | | AGEM | |': whose pairs lie below, a row may hold only one

    def pairs(cells: list[str]) -> bool:
        return (len(named(cells)) >= 2 or groups and bool(named(cells))) and all(
            (re.search(r"[A-Za-z]{2}", cells[k]) or re.fullmatch(SYM, cells[k].strip("$ ")))
            and k + 1 < len(cells)
            and setting_value(cells[k + 1])
            for k in named(cells)
        )

    rows = table[1:] if groups else table
    return any(len(named(r)) >= 2 for r in rows) and sum(map(pairs, rows)) * 2 > len(rows)


def pair_groups(header: list[str]) -> bool:
    """Does a header name a group over each pair of columns ('| EWC | | AGEM | |': the methods whose settings
    are listed below as name/value pairs)?"""
    return len(header) >= 4 and all(header[0::2]) and not any(c.strip() for c in header[1::2])


_PAIR = _Layout(["", ""], [])  # one name/value pair


def _of_settings(  # noqa: PLR0913
    lines: list[_Line], i: int, end: int, layout: _Layout, follows: bool, sent_to: frozenset[str]
) -> bool:
    """Does the table at lines[i:end] list settings? Its header or caption says so, or its section's heading
    and nothing says it holds results; or it has no header and follows a settings table."""
    above, below = _beside(lines, i, end)
    near, lead = _captions(above + below)
    if i and _SHORT_HEAD.match(lines[i - 1].text):  # a heading the PDF route printed as a plain line
        near, lead = near + " " + lines[i - 1].text, lead + " " + lines[i - 1].text
    # a caption without its 'Table N' (a PDF lost it): a short line right above that opens with its subject
    # ('Hyper-parameters for SFT and GRPO.'; not a sentence: 'We tuned the hyperparameters on one task.')
    for ln in lines[max(0, i - 2) : i]:
        if len(ln.text) <= 80 and _SETTINGS_CAPTION.match(ln.text):
            near, lead = near + " " + ln.text, lead + " " + ln.text
    section = lines[i].section or ""
    # a results table under a 'Training details' heading: 'Table 4: The average accuracy ...', or one whose
    # rows are methods ('| Method | CFBench |', 'Performance comparison ...')
    if layout.measured:
        return False
    if data_table(layout.header):
        return False  # '| Dataset | Nodes | Edges | Classes |': the data's statistics, one row per dataset
    methods = METHOD_HEAD.match(layout.header[0].strip("* "))
    results = (
        RESULT_WORDS.search(near)
        or _RESULTS_NEAR.search(near)
        or methods
        or _metric_columns(layout.header)
        or (layout.generic and _a_metric_column(layout.header))
    )
    # 'Results of the model under different settings of hyper-parameters': a sweep's results, no settings
    swept = bool(results and _SWEPT.search(near))
    known = layout.known > 0 or any(key_of(h, {}) for h in layout.header[1:])  # columns named by settings
    # a caption about results ('Training duration in seconds. ... including hyperparameter optimization') over
    # columns that name no setting: its later words on settings are incidental
    # ('Benchmarking results on recommended hyperparameter values' over datasets: scores too)
    told = _SETTINGS_CAPTION.search(near) and not (
        (RESULT_WORDS.search(lead) or _RESULTS_NEAR.search(lead)) and not known
    )
    # the text sends the reader to this table for the settings ('The details are provided in Table 1.'), and
    # it is a list of names and values or a row or column names a setting ('| | MIA | MMLU | Final |' over
    # 'Old System' holds scores, whatever the text says)
    numbers = {m["n"] for ln in above + below if (m := _TABLE_NUMBER.match(ln.text))}
    listed = known or len(layout.header) <= 3
    about_data = RESULT_WORDS.search(lead) or _DATA_CAPTION.search(lead)  # results or the data's counts
    told = told or bool(numbers & sent_to) and not about_data and listed
    results = results and (swept or not told)
    return bool(
        layout.named
        and not (layout.generic and results)
        or (told or _SETTINGS_CAPTION.search(lines[i].text))
        and not swept
        or _SETTINGS_CAPTION.search(section)
        and not RESULT_WORDS.search(section)
        and not results
        and known  # not the section's data
        or _SETUP_CAPTION.search(near)
        and not results
        or follows
        and (layout.headless or not layout.header[0].strip())  # beside or after a settings table, or its rest
        or (layout.rows_named or layout.layers)
        and not results
        and not RESULT_WORDS.search(" ".join(layout.header))
    )


def _beside(lines: list[_Line], i: int, end: int) -> tuple[list[_Line], list[_Line]]:
    """The lines just above and below the table at lines[i:end] that may be its caption: not a caption set
    right under another table (that table's), nor one below that heads the next table."""
    above = [ln for k, ln in enumerate(lines[max(0, i - 3) : i], start=max(0, i - 3)) if not _owned(lines, k)]
    below = [ln for k, ln in enumerate(lines[end : end + 3], start=end) if not _heads_table(lines, k)]
    return above, below


def _captions(near_lines: list[_Line]) -> tuple[str, str]:
    """The captions among the lines beside a table, whole and cut to their first sentences (what a caption is
    about is in its first sentence)."""
    captions = [ln.text for ln in near_lines if CAPTION_LINE.match(ln.text)]
    return " ".join(captions), " ".join(_LEAD.match(t)[0] for t in captions)


_HEADER_NAME_RE = phrase_re(ALL_NAMES)
# a caption whose subject is one setting: 'Table 3: Adjusted batch sizes for ...', 'Learning rates per task'
_SUBJECT = re.compile(
    r"^(?:\**(?:Table|TABLE)\s*[\w.-]*[.:]?\**[.:]?\s*)(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?)(?P<name>"
    + _HEADER_NAME_RE
    + r")(?![\w])",
    re.I,
)


# a caption about the data: 'Distribution of sentiment labels', 'Dataset statistics', 'Class counts'
_DATA_CAPTION = re.compile(
    r"\b(?:distribution|statistics|counts?|breakdown)\s+of\b|\b(?:data\s*set|dataset|data)\s+statistics\b|"
    r"\b(?:class|label)\s+(?:distribution|counts?|balance|frequenc(?:y|ies))\b",
    re.I,
)
# the data as the caption's head noun right after the setting's word ('tree species image dataset'; not
# 'learning rates for the two largest corpora')
_OF_DATA = re.compile(
    r"^(?:\s+(?!(?:for|of|on|in|per|at|with|across|the|and|by)\b)[\w-]+){0,3}?\s+"
    r"(?:data\s*sets?|datasets?|data|corpus|corpora|images|samples|examples)\b",
    re.I,
)


def _one_setting_grid(lines: list[_Line], i: int, end: int, out: Collector) -> bool:
    """A table of numbers only, captioned by one setting ('Adjusted batch sizes for the longest datasets'
    over '| K=5 | 4 | 10 |'): each cell is that setting, its row's and column's headings the context."""
    above, below = _beside(lines, i, end)
    lead = _captions(above + below)[1]
    subject = _SUBJECT.match(lead.strip())
    if not subject or RESULT_WORDS.search(lead) or _RESULTS_NEAR.search(lead) or _SWEPT.search(lead):
        return False
    if _OF_DATA.match(lead.strip()[subject.end("name") :]):
        return False  # 'Final tree species image dataset': the data counted, the setting's word a coincidence
    keys = {canonical_key(m[0]) for m in NAME_ANY.finditer(lead)}
    header, rows = row_cells(lines[i].text), [row_cells(ln.text) for ln in lines[i + 2 : end]]
    if any(_METRIC_HEAD.match(w) for h in header[1:] for w in _HEAD_MARKS.sub("", h).split()):
        return False  # '| Regime | Mean Acc. | Mean MCC |': the columns measure; the cells are results
    # 'Parameters for the experiments' over rows that each name a setting ('Temperature K | 100'): a settings
    # table, not one setting's grid
    named = sum(row_key(_row_name(r[0]))[0] in SYNONYMS or len(r[0].split()) > 3 for r in rows if r)
    if SETTINGS_HEAD.match(subject["name"]) or named * 2 >= len(rows):
        return False
    cells = [c for r in rows for c in r[1:] if c.strip() not in ("", "-", "–")]
    if len(keys) != 1 or not cells or not all(setting_value(c) for c in cells):
        return False
    key = keys.pop()
    for line, row in zip(lines[i + 2 : end], rows, strict=True):
        for k, cell in enumerate(row[1:], start=1):
            if value := setting_value(cell):
                head = header[k] if k < len(header) else ""
                ctx = " ".join(x for x in (row[0].strip("$ "), head.strip("* ")) if x) or None
                out.add(line, subject["name"], key, value[0], "table", line.text, value[1], context=ctx)
    return True


# what a header cell prints around its name: maths and bold marks, 'better' arrows ('Acc. ↑')
_HEAD_MARKS = re.compile(r"[$*\\]|\s*[↑↓]")
# a column of a metric: 'AP', 'AP$_{50}$', 'mIoU', 'Acc.', 'F1', 'NDCG@10', 'Top-1', 'BLEU', 'R@5', 'MedR'
_METRIC_HEAD = re.compile(
    r"^(?:m?AP|AR|m?IoU|acc(?:uracy)?|top-?\d|EM|CER|WER|PPL|NDCG|MRR|Hits|F1|BLEU|ROUGE(?:-\w+)?|FID|AUC|"
    r"MedR|MnR|(?:R|P|Recall|Prec)(?=\s*@))"
    r"(?:\s*@\s*\d+|_?\{?\w*\}?)?\.?$",
    re.I,
)


def _metric_columns(header: list[str]) -> bool:
    """Do most of the columns after the first name a metric (a results table, whatever its first column)?"""
    heads = [re.sub(r"\(.*?\)", "", _HEAD_MARKS.sub("", h)).strip() for h in header[1:]]
    heads = [h for h in heads if h]
    return bool(heads) and sum(
        bool(_METRIC_HEAD.match(h) or RESULT_WORDS.fullmatch(h)) for h in heads
    ) * 2 > len(heads)


def _a_metric_column(header: list[str]) -> bool:
    """Does a column after the first name a metric or a measurement ('| Name | Acc. | Time (seconds) |',
    '| Name | Avg. Top-5 Accuracy | Total |')? Under a generic first head ('Name', 'Configuration') with no
    'Value' column, its rows are the runs or models compared, not settings."""
    heads = [_HEAD_MARKS.sub("", h).strip() for h in header[1:]]
    return any(_METRIC_HEAD.match(re.sub(r"\(.*?\)", "", h).strip()) or RESULT_WORDS.search(h) for h in heads)


def _of_layers(lines: list[_Line], i: int, first_head: str) -> bool:
    """Does the table at line i list a network's layers, with no results named near it? It is captioned as
    an architecture ('Architecture of the encoder') or its first column names layers ('| Layer | Units |')."""
    near = [ln.text for ln in lines[max(0, i - 3) : i] if CAPTION_LINE.match(ln.text)]
    if any(RESULT_WORDS.search(t) for t in near):
        return False
    layered = _LAYER_COLUMN.match(first_head.strip("* ")) and not _counts_layers(lines, i)
    return bool(layered) or any(_ARCHITECTURE_CAPTION.search(t) for t in near)


def _counts_layers(lines: list[_Line], i: int) -> bool:
    """Does the first column under the header at line i hold counts ('| Layers | Dim | WER |' over 6, 6, 5:
    a sweep of depths), not one index per layer (1, 2, 3)?"""
    firsts = []
    for ln in lines[i + 2 :]:
        if not ln.text.startswith("|"):
            break
        firsts.append(row_cells(ln.text)[0].strip())
    numbers = [int(c) for c in firsts if c.isdigit()]
    if not numbers or len(numbers) < len([c for c in firsts if c]):
        return False  # 'conv1', 'Input': the layers themselves
    return numbers != list(range(numbers[0], numbers[0] + len(numbers))) or len(numbers) < len(firsts)


# the name a setting has in the paper's code, in brackets after its words: '(seq\\_fit\\_len)', '(batch_size)'
_CODE_NAME = re.compile(r"\(\s*([a-z][a-z0-9]*(?:\\?_[a-z0-9]+)+)\s*\)\s*$")


def _row_name(cell: str) -> str:
    """A row's name without the symbol after it ('Discount γ'), unless the name is one generic word the
    symbol tells apart ('Lora α' and 'Lora r' are two settings: lora_alpha, lora_r)."""
    full = cell.strip(" :*")
    if code := _CODE_NAME.search(full):  # 'Size b of training (mini)batch (batch_size)': the code's own name
        return code[1].replace("\\_", "_")
    name = TRAILING_SYMBOL.sub("", full).strip(" :*")
    if name == full or " " in name or canonical_key(name) in SYNONYMS:
        return name
    return re.sub(r"[α-ωΑ-Ω]", lambda g: GREEK[g[0]], full)


# a row that counts the data, not a setting: 'Dataset size', 'Training set size', '# Classes'
_DATA_ROW = re.compile(
    r"^(?:#\s*|number\s+of\s+)?"
    r"(?:(?:data\s*set|data|train(?:ing)?|test|validation)(?:\s+set)?\s+size|classes)$",
    re.I,
)


def _read_row(  # noqa: PLR0913
    line: _Line,
    cells: list[str],
    layout: _Layout,
    out: Collector,
    group: str | None = None,
    symbols: dict[str, str] | None = None,
) -> None:
    """One row of a settings table: its value cells, each with its column's heading (and the group the row
    falls under) as the context when the table has several value columns; a row named by a symbol the paper
    defines ('learning rate α') is that setting."""
    if len(cells) <= layout.name + 1:
        return
    columns = [k for k in layout.columns(len(cells)) if k < len(cells)]
    if split := _slashed(cells[layout.name], [cells[k] for k in columns]):
        for name, values in split:  # '| ε start / end | 1.0 / 0.01 |': two settings, not one quotient
            part = list(cells)
            part[layout.name] = name
            for k, value in zip(columns, values, strict=True):
                part[k] = value
            _read_row(line, part, layout, out, group, symbols)
        return
    name = _row_name(cells[layout.name])
    symbol = re.fullmatch(SYM, name.strip("$ "))  # a row named by its symbol: 'b', 'λ'
    if not (re.search(r"[A-Za-z]{2}", name) or symbol) or _DATA_ROW.match(name):
        return
    defined = symbol and (symbols or {}).get(symbol[0])  # the paper's own meaning of the symbol
    key, qualifier = (defined or symbol_key(symbol[0]), None) if symbol else row_key(name)
    if layout.gloss is not None and layout.gloss < len(cells):
        name, key, qualifier = *_code_row(name, cells[layout.gloss]), None
    if layout.symbol is not None and (mark := cells[layout.symbol].strip("* ")):
        name = f"{name} {mark}"  # 'ensemble size B': the name a reader knows it by, and its symbol
    worded = _worded_row(name, [cells[k] for k in columns])  # '| attention | luong | bahdanau |'
    for k in columns:
        head = (
            layout.header[k] if k < len(layout.header) and len(columns) > 1 and not layout.headless else None
        )
        ctx = " ".join(x for x in (group, head, qualifier) if x) or None
        if key in ("num_layers", "hidden_size") and (shape := _LAYERS_BY_WIDTH.fullmatch(cells[k].strip())):
            out.add(line, name, "num_layers", shape["n"], "table", line.text, context=ctx)
            out.add(line, name, "hidden_size", shape["width"], "table", line.text, context=ctx)
        elif value := setting_value(cells[k]) or _word_value(cells[k], key, k == columns[-1], worded):
            searched = head is not None and k in layout.searched and SEARCHED_RANGE
            out.add(line, name, key, value[0], "table", line.text, value[1], context=ctx, flagged=searched)
        elif options := _options(name, key, cells[k]):
            out.add(line, name, options[1], options[0], "table", line.text, context=ctx)
        where = " ".join(filter(None, (name, head)))
        for sym, v in _assignments(cells[k]):  # 'Optimizer momentum | β1=0.9, β2=0.96'
            out.add(line, sym, symbol_key(sym), v, "table", line.text, context=where)
    for k in layout.remarks:  # 'Initial learning rate | 0.1 | Reduced by a factor of 0.5 at 60, 120 epoch'
        if k < len(cells) and len(remark := cells[k].strip()) > 12 and " " in remark:
            value = " ".join(cells[c].strip() for c in columns)
            out.notes.append((line, f"{name} {value}, {remark[0].lower()}{remark[1:]}."))


# words that qualify a setting named once for two ('ε start / end', 'actor / critic learning rate')
_SHARED_QUALIFIERS = {
    *("start", "end", "initial", "final", "min", "max", "minimum", "maximum"),
    *("lower", "upper", "low", "high"),
    *("actor", "critic", "generator", "discriminator", "encoder", "decoder"),
}


def _slashed(name: str, values: list[str]) -> list[tuple[str, list[str]]] | None:
    """A row naming two settings with one slash ('ε start / end' over '1.0 / 0.01', 'β1 / β2' over
    '0.9 / 0.999'): each setting's name (a shared word carried over) and its values; None for any other."""
    names = [p.strip() for p in name.split("/")]
    parts = [[p.strip() for p in v.split("/")] for v in values]
    if len(names) < 2 or not all(names) or not any(len(p) == len(names) for p in parts):
        return None
    for k, cell in enumerate(parts):  # a remark beside ('after [Mnih2015]') goes with each setting
        if len(cell) != len(names) and setting_value(values[k]):
            return None
        parts[k] = cell if len(cell) == len(names) else [values[k]] * len(names)
    if not all(setting_value(v) for p, v0 in zip(parts, values, strict=True) if "/" in v0 for v in p):
        return None
    first, last = names[0].split(), names[-1].split()
    if len(first) > 1 and all(n.lower() in _SHARED_QUALIFIERS for n in names[1:]):
        names = [names[0], *(f"{' '.join(first[:-1])} {n}" for n in names[1:])]  # 'ε start / end'
    elif len(last) > 1 and all(n.lower() in _SHARED_QUALIFIERS for n in names[:-1]):
        names = [*(f"{n} {' '.join(last[1:])}" for n in names[:-1]), names[-1]]  # 'actor / critic lr'
    return [(n, [p[k] for p in parts]) for k, n in enumerate(names)]


def _code_row(name: str, gloss: str) -> tuple[str, str]:
    """A row named in code ('lr0', described 'Initial learning rate'): its name with the description, and the
    known key of the code name or else of its description, else the code name itself (the option a config
    sets: 'hsv_h')."""
    code = _unescape(name.strip("` ")).lstrip("-")
    shown = f"{code} ({gloss.strip()})" if gloss.strip() else code  # 'nStage (Iterations)': what it means
    for key in (canonical_key(code), row_key(gloss)[0]):
        if key in SYNONYMS:
            return shown, key
    return shown, re.sub(r"\W+", "_", code).strip("_")


# a network given as layers × units: 'Hidden layers | 2 × 64'
_LAYERS_BY_WIDTH = re.compile(r"(?P<n>[1-9])\s*[×x]\s*(?P<width>\d{2,5})")
_WORDS_VALUE = re.compile(r"[A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*){0,2}")


_LIBRARY_PATH = re.compile(r"`?(?:[A-Za-z_]\w*\.)+(?P<last>[A-Za-z_]\w*)`?")


# a code any setting may take in a settings table: 'bf16', 'stage 2', 'True'
_CODE_VALUE = re.compile(
    r"[A-Za-z]{1,6}\d{1,3}|[A-Za-z]{3,10} \d{1,2}|True|False|Yes|No|true|false|[Ee]nabled|[Dd]isabled"
)


def _word_value(cell: str, key: str, last: bool = True, worded: bool = False) -> tuple[str, None] | None:
    """A few words as the value of a setting that takes words ('Learning rate schedule | cosine decay'), a
    code in the row's last cell ('Mixed precision | bf16'; a code before another value is a symbol: 'cf1'),
    or one word in a row of words (`worded`: '| attention | luong | bahdanau |')."""
    cell = CITATION.sub("", cell).strip()
    if key in WORD_VALUED and _WORDS_VALUE.fullmatch(cell) or last and _CODE_VALUE.fullmatch(cell):
        return cell, None
    if key in WORD_VALUED and (qualified := _LIBRARY_PATH.fullmatch(cell)):
        return qualified["last"], None  # 'tf.nn.relu', 'torch.optim.AdamW': the library's name for the choice
    return (cell.strip("*$ "), None) if worded else None  # _worded_row checked every cell is one word


# the options a row named in code lists: '| max_depth | 2, 5, 25, None |', '| kernel | rbf, linear |'
_OPTIONS = re.compile(r"[\w.-]{1,20}(?:\s*,\s*[\w.-]{1,20})+")


def _options(name: str, key: str, cell: str) -> tuple[str, str] | None:
    """A list of words or numbers as the value of a row named like a library's argument ('max_depth'), and
    its key: the argument's own name when the known key takes a number and the list has words ('gamma |
    auto, scale' is SVC's gamma, no discount factor)."""
    if not (_IDENTIFIER.fullmatch(name := name.strip("` ")) and _OPTIONS.fullmatch(cell := cell.strip())):
        return None
    words = re.search(r"(?i)\b(?!none\b)[a-z]", cell)
    return cell, name if words and key in SYNONYMS and key not in WORD_VALUED else key


# a row naming what the runs are on, not a setting: '| Dataset | MNIST | CIFAR-10 |'
_DATA_ROW_NAME = re.compile(r"^(?:datasets?|data|tasks?|benchmarks?|languages?|metrics?|domains?)$", re.I)
_ONE_WORD = re.compile(r"[A-Za-z][A-Za-z-]{2,20}")


def _worded_row(name: str, values: list[str]) -> bool:
    """Is every value of a settings row one word ('| RNN type | LSTM | GRU |', '| attention | luong |'), so
    each is a choice of that setting, not a symbol set before a number?"""
    plain = [CITATION.sub("", v).strip("*$ ") for v in values]
    return bool(plain) and all(_ONE_WORD.fullmatch(v) for v in plain) and not _DATA_ROW_NAME.match(name)


_ONE_ASSIGNMENT = rf"(?:{SYM})\s*=\s*(?:{SCALAR})"
_ASSIGNMENT = re.compile(rf"(?P<sym>{SYM})\s*=\s*(?P<value>{SCALAR})")
_ASSIGNMENTS = re.compile(rf"{_ONE_ASSIGNMENT}(?:\s*[,;]\s*(?:and\s+)?{_ONE_ASSIGNMENT})*")


def _assignments(cell: str) -> list[tuple[str, str]]:
    """A cell made of assignments only ('β1=0.9, β2=0.96'): each symbol with its value."""
    cell = cell.strip()
    if not _ASSIGNMENTS.fullmatch(cell):
        return []
    return [(m["sym"], m["value"]) for m in _ASSIGNMENT.finditer(cell)]


# a column of what a run measured: 'Cell Acc.', 'Puzzle Acc.', 'q halt Corr.', 'Val PPL', 'Error (%)'
_MEASURED_HEAD = re.compile(r"\b(?:acc|corr|ppl|err)\b\.?|%", re.I)


def measured_by(header: list[str], keys: list[str | None]) -> bool:
    """Do most columns no setting names hold measurements ('| Step | Cell Acc. | Puzzle Acc. |': the steps are
    the checkpoints a result was read at, not settings)?"""
    rest = [h for h, k in zip(header[1:], keys[1:], strict=False) if not k and h.strip()]
    measured = [
        h for h in rest if RESULT_WORDS.search(h) or _MEASURED_HEAD.search(h) or _METRIC_HEAD.match(h)
    ]
    return bool(rest) and len(measured) * 2 > len(rest)


def _spanning_groups(header: list[str], rows: list[_Line]) -> list[str] | None:
    """A header row of groups, each spanning the empty cells after it ('| | Our method | | | VAE | |'), over a
    first row that names settings ('| Environment | Epochs | Batch Size | ...'): each column's group, carried
    right; None for any other table."""
    if len(rows) < 2 or header[0].strip() or sum(not c.strip() for c in header[1:]) < 2:
        return None
    names = row_cells(rows[0].text)
    body = [row_cells(r.text) for r in rows[1:]]
    if any(_BOLD_NUMBER.fullmatch(c.strip()) for cells in body for c in cells):
        return None  # '| Chicago / 2 | -0.19 | **0.178** |': each row's best in bold, a results table
    settings = sum(_names_setting(c, k, body) for k, c in enumerate(names) if k)
    if any(setting_value(c) for c in names) or settings < 2:
        return None
    groups, current = [], ""
    for cell in header:
        current = cell.strip("* ") or current
        groups.append(current)
    return groups


_BOLD_NUMBER = re.compile(r"\*\*[-−+]?\d[\d.,]*\*\*")


def _names_setting(name: str, k: int, body: list[list[str]]) -> bool:
    """Does a column heading name a setting? A setting that takes words over numbers ('loss' over 0.229,
    0.078) is the measured value of that name, not a choice."""
    key = key_of(name, {})
    numbers = [c for cells in body if k < len(cells) and (c := cells[k].strip("* "))]
    measured = key in WORD_VALUED and numbers and all(re.fullmatch(r"[-−+]?\d[\d.,]*", c) for c in numbers)
    return bool(key) and not measured


def _owned(lines: list[_Line], k: int) -> bool:
    """Line k is a caption set right under a pipe table (blank lines between): it is that table's."""
    j = k - 1
    while j >= 0 and not lines[j].text.strip():
        j -= 1
    under = j >= 0 and lines[j].text.startswith("|") and bool(CAPTION_LINE.match(lines[k].text))
    return under and not _heads_table(lines, k)  # one between two tables heads the next (captions above)


_SETTING_NOUN = re.compile(
    r"\b(?:steps|rate|penalty|coefficient|weight|strength|temperature|iterations|epochs|decay|factor|threshold)$",
    re.I,
)


def _setting_head(head: str) -> str | None:
    """The key of a settings table's column headed by a symbol or a setting's noun (not a known name)."""
    head = head.strip("* ")
    if RESULT_WORDS.search(head):
        return None  # 'F1', 'AUC': what a run measured, however short its name
    if re.fullmatch(SYM, head):
        return symbol_key(head)
    return canonical_key(head) if _SETTING_NOUN.search(head) else None


def _heads_table(lines: list[_Line], k: int) -> bool:
    """Is line k followed by a pipe table (blank lines between)?"""
    j = k + 1
    while j < len(lines) and not lines[j].text.strip():
        j += 1
    return j < len(lines) and lines[j].text.startswith("|")


_CONFIG_HEAD = re.compile(r"^(?:config|configuration)s?$", re.I)
# a column of what a run came to: a metric, or a yes/no outcome ('Converged?', 'Solved?', 'Successful?')
_OUTCOME_HEAD = re.compile(r"^[A-Za-z][\w -]*(?:ed|ful)\s*\?$")
AFTER_OUTCOME = "a column right of a results column ('Converged?', 'accuracy'): what a run came to"


def first_outcome(header: list[str]) -> int:
    """The index of a sweep table's first results column (len(header) when none): the columns after it
    report runs ('| lr | γ | Converged? | # of steps |': the steps a run took), by the convention of settings
    on the left."""
    heads = [_HEAD_MARKS.sub("", h).strip() for h in header]
    hits = (k for k, h in enumerate(heads) if k and (RESULT_WORDS.search(h) or _OUTCOME_HEAD.match(h)))
    return next(hits, len(header))


def _first_column_setting(header: list[str], keys: list[str | None], rows: int) -> str | None:
    """The key of the first column when it holds a setting's values too, not each row's label: its heading
    is a known setting, or a plain word heading a one-row table whose other headings name settings
    ('| regularization | Activation | batch |' over '| Dropout | ReLU | 128 |')."""
    head = header[0].strip("* ")
    if SETTINGS_HEAD.match(head) or _CONFIG_HEAD.match(head):
        return None
    if keys[0]:
        return keys[0]
    alone = rows == 1 and sum(map(bool, keys[1:])) >= 2 and re.fullmatch(r"[A-Za-z][A-Za-z -]{2,30}", head)
    labels_runs = _DATA_ROW_NAME.match(head) or METHOD_HEAD.match(head) or _RUN_HEAD.match(head)
    return own_key(head) if alone and not labels_runs else None


# a first heading that names the run each row is ('Environment', 'Experiment'; 'Model' is a METHOD_HEAD)
_RUN_HEAD = re.compile(r"^(?:env(?:ironment)?s?|games?|experiments?|runs?|variants?)$", re.I)


def _transposed(  # noqa: PLR0913
    header: list[str],
    rows: list[_Line],
    symbols: dict[str, str],
    out: Collector,
    settings: bool = False,
    spans: list[str] | None = None,
) -> bool:
    """A settings table with one column per setting and one row per experiment ('| Task | lr | batch size |'
    over '| MNIST | 10^-3 | 64 |', '| Technique | Learning Rate |'): each value is its column's setting, its
    row's first label cell (after the group row above it) the context. False (nothing read) when the header
    names no setting or a row opens with one. In a table captioned as settings, a column headed by a symbol
    or a setting's noun ('SGLD steps', 'λ_2', 'Ridge penalty') is read though its name is not a known one."""
    keys = [key_of(h, symbols) or (settings and _setting_head(h)) or None for h in header]
    # '| Config | lr | n_est |' over '| Deeper | 0.05 | 100 |': configurations in rows, settings in columns
    config_rows = _CONFIG_HEAD.match(header[0].strip("* ")) and sum(map(bool, keys[1:])) >= 2
    if SETTINGS_HEAD.match(header[0]) and not config_rows or not any(keys[1:]) or data_table(header):
        return False
    if sum(map(bool, keys[1:])) <= 1 and measured_by(header, keys):
        return False  # one setting beside measurements: the checkpoints a result was read at
    first = _first_column_setting(header, keys, len(rows))  # '| Activation | batch |' over '| ReLU | 128 |'
    named = sum(row_key(row_cells(r.text)[0])[0] in SYNONYMS for r in rows)
    if named * 2 > len(rows) and not first:  # rows that open with settings ('Walker' is no such row)
        return False
    keys[0] = first or None
    group = None  # a group row ('| **MLP** | | |', a LaTeX \multicolumn) names the runs under it
    outcome = first_outcome(header)
    for line in rows:
        cells = row_cells(line.text)
        if cells[0].strip() and not any(c.strip() for c in cells[1:]):
            group = cells[0].strip("* ")
            continue
        labels = [c for k, c in enumerate(cells) if c.strip() and not (k and k < len(keys) and keys[k])]
        labels = labels if len(rows) > 1 or not first else []  # one row of settings: no run to name
        ctx = " ".join(x for x in (group, labels[0] if labels else None) if x) or None
        for k, cell in enumerate(cells[0:] if first else cells[1:], start=0 if first else 1):
            value = k < len(keys) and keys[k] and (setting_value(cell) or _word_value(cell, keys[k], False))
            if value:
                why = keys[k] == "num_parameters" and SIZE_COLUMN
                why = why or (k > outcome and AFTER_OUTCOME)
                if config_rows and not key_of(header[k], symbols):  # '| Config | lr | ρ |': ρ may be measured
                    why = why or "a column of a configuration table under a name the scanner does not know"
                name, unit = header[k], value[1]
                span = spans[k] if spans and k < len(spans) else None
                where = " ".join(x for x in (span, head_qualifier(header[k]), ctx) if x) or None
                out.add(line, name, keys[k], value[0], "table", line.text, unit, context=where, flagged=why)
    return True
