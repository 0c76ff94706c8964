"""Hyperparameters read from tables: settings tables (one setting per row), flat `name: value` lists,
flattened rows and ablation tables whose columns are settings."""

from __future__ import annotations

import itertools
import re

from tools.analysis.findings import MarkdownLine as _Line
from tools.analysis.hp_assign_grid import read_assign_grid
from tools.analysis.hp_assigned import symbol_key
from tools.analysis.hp_collector import Collector
from tools.analysis.hp_confidence import RUN_LENGTHS, above_ceiling, no_sentence
from tools.analysis.hp_normalize import SCALAR, normalize_value
from tools.analysis.hp_paragraphs import SENTENCE_END
from tools.analysis.hp_param_column import read_param_column
from tools.analysis.hp_patterns import ALL_NAMES, NAME, OPT_NAMES_LIST, SYM, SYM_ASSIGN, phrase_re
from tools.analysis.hp_prose import prose_matches
from tools.analysis.hp_settings_table import (
    AFTER_OUTCOME,
    first_outcome,
    measured_by,
    read_settings_table,
    tables_sent_to,
)
from tools.analysis.hp_table_cells import (
    CAPTION_LINE,
    METHOD_HEAD,
    ROW_VALUE,
    RULE_ROW,
    SIZE_COLUMN,
    TRAILING_SYMBOL,
    data_table,
    key_of,
    plain_cell,
    row_cells,
    row_key,
    spread_cell,
)
from tools.analysis.hp_vocabulary import (
    CHOICES,
    OPTIMIZERS,
    RESULT_WORDS,
    WORD_VALUED,
    canonical_key,
)

LEGEND = "a figure's legend over its plot, not a table of settings"
CHECKPOINTS = "the steps or epochs a table of results was read at (a learning curve), not the run's length"
RESULTS_COLUMN = "a column of a table captioned as results: the setting's variants or a sweep, not one value"
AXIS = "a symbol's values down the side of a table of methods measured at each: an axis, not a setting"
# ------------------------------------------------------------------------------------------ extraction

_CELL_VALUE = re.compile(rf"^(?:{SCALAR}|[A-Za-z][\w-]*(?: [A-Za-z][\w-]*){{0,2}})$")  # 'G-EMB', 'all models'
# a number with its scale or unit ('1.68 M', '0.8 d', '(0.9 + 4.5) d'): a measured size or time, no setting
_UNIT_CELL = re.compile(rf"^(?:{SCALAR}|\(\s*{SCALAR}\s*\+\s*{SCALAR}\s*\))\s?[A-Za-z]{{1,3}}$")
_BLANK_CELLS = frozenset(("", "±", "-", "–", "—", "n/a", "N/A", "NA", "na"))  # no value in this cell
_MARK_CELLS = frozenset("✓✔✗✘×√○●◦•")  # an ablation's switches ('| 5 | 1e-4 | ✓ | × |'): on or off, no number
_NO_VALUE = _BLANK_CELLS | _MARK_CELLS
_NUMERIC_CELL = re.compile(rf"^(?:{SCALAR}|[±-])$")
_ROW_NAME = re.compile(
    rf"^\|?\s*(?P<name>{phrase_re(ALL_NAMES)})(?![\w])\s*(?:\([^)]*\))?\s*[:|]?\s*(?P<rest>.+?)\s*\|?$", re.I
)
_ROW_SEP = re.compile(r"\s*\|?\s*")


def only_row_values(text: str) -> bool:
    """True when `text` is a run of row values separated by spaces or `|`.

    A left-to-right scan: the equivalent single regex (values and separators repeated under one `+`)
    backtracks exponentially on long rows that end in a non-value.
    """
    text = text.strip()
    pos = 0
    while pos < len(text):
        m = ROW_VALUE.match(text, pos)
        if not m or m.end() == pos:
            return False
        pos = _ROW_SEP.match(text, m.end()).end()
    return bool(text)


# words of a sentence, never a table's cell: "a hidden size of 768 and 12 attention heads" holds no rows
_PROSE_WORDS = frozenset(
    ("a", "an", "and", "are", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or", "than")
    + ("the", "to", "was", "were", "we", "which", "with")
)


def _is_data_row(text: str) -> bool:
    cells = row_cells(text)
    if not 2 <= len(cells) <= 16 or text.rstrip().endswith(".") and not re.search(r"\d\.$", text):
        return False
    numeric = sum(_numeric(c) for c in cells)
    # a pipe row's label: 'Tiny (T)', 'Ours + PG' (one holding assignments is a condition, read elsewhere)
    label = text.startswith("|") and len(cells[0]) <= 30 and "=" not in cells[0]
    values = cells[1:] if label else cells
    settled = all(_word_or_value(c) or _numeric(c) or c in _NO_VALUE for c in values)
    # a blank cell is a multirow cell's shadow: it holds no word against the row's numbers
    return numeric >= 1 and numeric * 2 >= sum(map(bool, cells)) and settled


def _numeric(cell: str) -> bool:
    """A number, bare or as a table prints a result: in bold, with its spread, with marks of significance."""
    if _NUMERIC_CELL.match(cell):
        return True
    plain = plain_cell(cell)
    return bool(plain) and bool(_NUMERIC_CELL.match(plain) or spread_cell(plain))


def _measured(cell: str) -> bool:
    """A cell that prints a measurement (a spread, bold or marked as best), never a setting's value."""
    return not _NUMERIC_CELL.match(cell) and _numeric(cell)


def _word_or_value(cell: str) -> bool:
    """A cell of a data row: a number or a few words that are no sentence's ('all models', not 'of the')."""
    if _UNIT_CELL.match(cell):
        return True
    return bool(_CELL_VALUE.match(cell)) and not any(w in _PROSE_WORDS for w in cell.lower().split())


_HEADER_NAME = re.compile(rf"(?:{phrase_re(ALL_NAMES)})(?![\w])", re.I)
_HEADER_ASSIGN = re.compile(rf"{SYM}\s*=\s*(?:{SCALAR})")
_HEADER_WORD = re.compile(r"\([^)]*\)|\S+")


def _header_cells(text: str, symbols: dict[str, str]) -> list[tuple[str, str | None]]:
    """Header cells with the key each names (None for results and other columns)."""
    if text.startswith("|"):
        return [(c, key_of(c, symbols)) for c in row_cells(text)]
    cells: list[tuple[str, str | None]] = []
    pos = 0
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        m = _HEADER_ASSIGN.match(text, pos) or _HEADER_NAME.match(text, pos)
        if m:
            cells.append((m.group(0), key_of(m.group(0), symbols)))
            pos = m.end()
            continue
        m = _HEADER_WORD.match(text, pos)
        assert m is not None
        if m.group(0).startswith("(") and cells:
            cells[-1] = (cells[-1][0] + " " + m.group(0), cells[-1][1])
        else:
            cells.append((m.group(0), key_of(m.group(0), symbols)))
        pos = m.end()
    return cells


def read_tables(lines: list[_Line], symbols: dict[str, str], out: Collector) -> set[int]:
    """Hyperparameters from table rows; returns the line numbers that belong to tables (not prose)."""
    used: set[int] = set()
    i = 0
    last_settings = -10  # where the last settings table ended: a headless one right after it is one too
    sent_to = frozenset(tables_sent_to(lines))
    while i < len(lines):
        line = lines[i]
        # right after a settings table, unless a caption between them heads a table of its own ('Table 2:
        # confusion matrix ...'); the lines between are looked at only then (at most three)
        follows = last_settings >= i - 3 and not any(
            CAPTION_LINE.match(ln.text) for ln in lines[last_settings:i]
        )
        if (
            (end := read_assign_grid(lines, i, symbols, out, follows or _settings_caption(lines, i))) > i
            or (end := read_param_column(lines, i, symbols, out)) > i
            or (end := read_settings_table(lines, i, symbols, out, follows, sent_to)) > i
            or (end := _flat_settings(lines, i, out)) > i
        ):
            used.update(ln.no for ln in lines[i:end])
            i = last_settings = end
            continue
        row = _ROW_NAME.match(line.text)
        if row and only_row_values(row.group("rest")) and len(line.text) < 120:
            _setting_row(line, row, _pipe_header(lines, i), out)
            used.add(line.no)
            i += 1
            continue
        j = i
        while (
            j < len(lines)
            and lines[j].text
            and _is_data_row(lines[j].text)
            and not RULE_ROW.match(lines[j].text)
        ):
            j += 1
        head, group = _head_of(lines, i)
        if j - i >= 2 and head >= 0:
            legend = _doubted(lines, head)
            own = not legend and _settings_caption(lines, head)
            compares = legend or _results_caption(lines, j, below=True)
            _column_table(lines[head], lines[i:j], symbols, out, legend, group, own, compares)
            used.update(ln.no for ln in lines[head:j])
            i = j
            continue
        if (end := _word_rows(lines, i, symbols, out)) > i:
            used.update(ln.no for ln in lines[i:end])
            i = end
            continue
        _flattened_table(line, symbols, out, _legend(lines, i))
        i += 1
    return used


# the settings a table of words may give, and the words each takes
_KNOWN_WORDS = {"optimizer": {o.lower() for o in OPTIMIZERS}, "activation": set(CHOICES["activation"])}


def _known_words(k: int, key: str, rows: list[_Line]) -> bool:
    """Every filled cell of column k is a word the setting takes ('adam', 'rmsprop'; not 'diverge')."""
    cells = [c[k].strip("*` ").lower() for r in rows if k < len(c := row_cells(r.text)) and c[k].strip()]
    return bool(cells) and all(c in _KNOWN_WORDS[key] for c in cells)


def _word_rows(lines: list[_Line], i: int, symbols: dict[str, str], out: Collector) -> int:
    """Rows of words under a header naming an optimizer or an activation, each cell a known one ('| Model |
    Optimizer |' over '| VAE | Adam |'): read as a column table; the index after them, or i when none."""
    j = i
    while j < len(lines) and lines[j].text.startswith("|") and 2 <= len(row_cells(lines[j].text)) <= 16:
        j += 1
    head, group = _head_of(lines, i)
    if j - i < 2 or head < 0 or not lines[head].text.startswith("|") or RULE_ROW.match(lines[i].text):
        return i
    keys = [key for _, key in _header_cells(lines[head].text, symbols)]
    if not any(key in _KNOWN_WORDS and _known_words(k, key, lines[i:j]) for k, key in enumerate(keys)):
        return i
    legend = _doubted(lines, head)
    _column_table(lines[head], lines[i:j], symbols, out, legend, group, False, legend)
    return j


def _doubted(lines: list[_Line], head: int) -> str | bool:
    """Why the values of the table headed at `head` are at most candidates: a figure's legend, or a caption
    calling it results; False when neither."""
    return _legend(lines, head) and LEGEND or _results_caption(lines, head) and RESULTS_COLUMN


def _head_of(lines: list[_Line], i: int) -> tuple[int, str | None]:
    """The header line of the rows from i, and the group they fall under: a pipe table's rows may follow a
    group row (`| **MLP** | | |`, a LaTeX \\multicolumn heading) under the header above the rule row."""
    if i >= 2 and RULE_ROW.match(lines[i - 1].text):
        return i - 2, None
    if i >= 3 and RULE_ROW.match(lines[i - 2].text) and _names_corner(lines[i - 3].text, lines[i - 1].text):
        return i - 3, None  # '| | | max_depth |' over the rule, then '| Context | Embedding | |': one header
    k = i - 1  # rows of sub-headings under a blank corner ('| | | dev | | test |'): the header is above them
    while k > 1 and _subheading_row(lines[k].text):
        k -= 1
    if k < i - 1 and RULE_ROW.match(lines[k].text) and lines[k - 1].text.startswith("|"):
        return k - 1, None
    above = row_cells(lines[i - 1].text) if i and lines[i - 1].text.startswith("|") else []
    if not (above and above[0] and all(c in _BLANK_CELLS for c in above[1:])):
        return i - 1, None
    k = i - 1
    while k > 1 and lines[k].text.startswith("|") and not RULE_ROW.match(lines[k].text):
        k -= 1
    found = RULE_ROW.match(lines[k].text) and lines[k - 1].text.startswith("|")
    return (k - 1, above[0].strip("* ")) if found else (i - 1, None)


def _names_corner(head: str, row: str) -> bool:
    """Does `row`, the first under the rule, name the header's blank corner and nothing else ('| | | gamma |'
    over '| Context | Embedding | |'): the second half of a two-row header?"""
    if not (head.startswith("|") and row.startswith("|")):
        return False
    top, below = row_cells(head), row_cells(row)
    blank = [not c.strip() for c in top]
    return len(top) == len(below) and any(blank) and not all(blank) and all(
        b == bool(c.strip()) for b, c in zip(blank, below, strict=True)
    )


def _subheading_row(text: str) -> bool:
    """A header's second row (a metric's splits under a LaTeX \\multicolumn: '| | | clean | other |'): a
    pipe row with a blank first cell and words but no number and no setting's name."""
    cells = row_cells(text) if text.startswith("|") and not RULE_ROW.match(text) else []
    if not cells or cells[0].strip() or any(_numeric(c) for c in cells) or not any(cells):
        return False
    return not any(key_of(c, {}) for c in cells if c.strip())  # '| | Layers | Heads |' is the header itself


def _legend(lines: list[_Line], k: int) -> bool:
    """Is line k a figure's inner text? Its opening words and the line before it make no sentence (a plot's
    legend and tick labels come in runs of such lines, the last one maybe run into prose; a text table's
    header follows its caption or prose)."""
    opening = " ".join(lines[k].text.split()[:4])
    return k > 0 and "|" not in lines[k].text and no_sentence(opening) and no_sentence(lines[k - 1].text)


# a settings table a PDF dump wrote as lines of 'name value' pairs under its heading:
# 'HYPERPARAMETERS' / 'Learning rate α 0.00025 Minibatch size 32 Dropout rate 0.05' / 'EVALUATION'
_SETTINGS_HEADING = re.compile(
    r"^(?:#+\s*)?(?:table\s+[A-Z]?\d+[.:]?\s*)?(?:hyper-?\s?parameters?|(?:training\s+)?settings|"
    r"training\s+(?:details|configuration))\s*:?$",
    re.I,
)
_SUBHEADING = re.compile(r"^[A-Z][A-Z &-]{2,30}$")
# the header row of such a table, on a line of its own: 'Hyperparameter Value', 'Parameter Setting'
_FLAT_HEADER = re.compile(
    r"^(?:Hyper-?\s?parameters?|Parameters?|Names?|Settings?|Descriptions?)\s+(?:Values?|Settings?)$", re.I
)
# a caption run into the header of a name/value table: 'Table 3: Discrete OT hyper-parameters. Name Value'
_CAPTION_HEAD = re.compile(
    r"^(?:Table|TABLE)\s.{0,200}?\b(?:Name|(?:Hyper-?\s?)?[Pp]arameters?|Settings?)\s+Values?\s+"
)
_PAIR = re.compile(
    r"(?P<name>(?:[A-Za-zα-ωϵϑϕℓ][\w-]*\s+){0,5}?[A-Za-zα-ωϵϑϕℓ][\w-]*)(?:\s+\([^()]{1,30}\))?\s+"
    rf"(?P<value>\d{{1,3}}(?:,\s\d{{3}})+(?![\d.])|\[[\d.,\s]{{1,40}}\]|{SCALAR}|{'|'.join(OPT_NAMES_LIST)})\.?"
    r"(?:\s+(?P<unit>frames|steps|iterations|epochs|episodes|updates|tokens))?(?:\s+|$)"
)


def _pairs(text: str) -> list[re.Match[str]] | None:
    """The 'name value' pairs a line is made of, or None when some of it is not a pair."""
    out, pos = [], 0
    while pos < len(text):
        m = _PAIR.match(text, pos)
        if not m or RESULT_WORDS.search(m["name"]) or not re.search(r"[A-Za-z]{2}", m["name"]):
            return None
        out.append(m)
        pos = m.end()
    return out or None


def _flat_settings(lines: list[_Line], i: int, out: Collector) -> int:
    """Lines of 'name value' pairs under a settings heading or after a 'Name Value' header (a table the PDF
    dump flattened): one setting per pair. Returns where the block ends (i when line i does not open one)."""
    head = _CAPTION_HEAD.match(lines[i].text)
    opening = lines[i].text.strip()
    if not (_SETTINGS_HEADING.match(opening) or _FLAT_HEADER.match(opening) or head):
        return i
    end, found = i + 1, []
    if head:  # the first rows share the caption's line
        found = [(lines[i], p) for p in _pairs(lines[i].text[head.end() :].strip()) or []]
    while end < len(lines):
        text = lines[end].text.strip()
        pairs = None if _SUBHEADING.match(text) else _pairs(text)
        if not pairs and not _SUBHEADING.match(text):
            break
        found += [(lines[end], p) for p in pairs or []]
        end += 1
    if not found:
        return i
    for line, p in found:
        name = TRAILING_SYMBOL.sub("", p["name"]).strip()
        key, qualifier = row_key(name)
        out.add(line, name, key, p["value"], "table", line.text, p["unit"], context=qualifier)
    return end


def _pipe_header(lines: list[_Line], i: int) -> list[str]:
    """The header cells of the Markdown table that line i belongs to ([] for a row outside a pipe table)."""
    j = i
    while j > 0 and lines[j - 1].text.startswith("|"):
        j -= 1
    return row_cells(lines[j].text) if j < i and lines[j].text.startswith("|") else []


def _setting_row(line: _Line, row: re.Match[str], header: list[str], out: Collector) -> None:
    """'| Learning rate | 1e-4 | 3e-4 |': one finding per column, the column's heading as its context."""
    name = row.group("name")
    key = canonical_key(name)
    cells = row_cells(line.text)
    if line.text.startswith("|") and (own := _RUN_NAME.fullmatch(cells[0][len(name) :])):
        # '| Weight decay 0.05 | 19.32 | 56.2 |': a run of a results table named by its setting; the setting's
        # value is in the name, the other cells are what the run measured
        out.add(line, name, key, own["v"], "table", line.text, context=cells[0].strip())
        return
    if line.text.startswith("|") and len(header) == len(cells) > 2:
        pairs = zip(header[1:], cells[1:], strict=True)
        values = [(head, cell) for head, cell in pairs if ROW_VALUE.fullmatch(cell.strip())]
        # one value the setting cannot take ('| Dropout | 18.91 | 60.5 |'): the row holds a run's results;
        # under a 'Model' heading the row is a model compared ('| FFN | 12.83 | 0.10 |')
        results = any(above_ceiling(key, normalize_value(cell)) for _, cell in values) and _RESULTS_ROW
        results = results or METHOD_HEAD.match(header[0].strip("* ")) and _MODEL_ROW
        for head, cell in values:
            out.add(line, name, key, cell, "table", line.text, context=head or None, flagged=results)
        return
    rest = row.group("rest")
    for v in ROW_VALUE.finditer(rest):
        if not _FORMULA_PIECE.match(rest, v.end()) and not rest[: v.start()][-1:].isalpha():
            out.add(line, name, key, v.group(0), "table", line.text)


_RESULTS_ROW = "a row whose values the setting cannot all take: a run's results, not its settings"
_MODEL_ROW = "a row of a table of models compared: what the model measured, not a setting"
_RUN_NAME = re.compile(rf"\s*[:=]?\s*(?P<v>{SCALAR})\s*")
# a number inside a formula, not a value: "η_t = 1t^a" (a fraction flattened), "a ≥ 1 - b/2"
_FORMULA_PIECE = re.compile(r"[A-Za-z^_(]|\s*[-−+*/^]\s*[A-Za-zα-ω(]")


_MAX_FLAT_ROWS = 200  # rows read from one run of cells: bounds the work on an endless line


def _flattened_table(line: _Line, symbols: dict[str, str], out: Collector, legend: bool = False) -> None:
    """A table whose rows a text dump ran into one line, after its header (and maybe its caption):
    'Iters T Schedule Objective NLL FID 200K 1K linear Lsimple 3.99 32.5 200K 4K ...'. Rows are cut as wide as
    the last header cells, when the first of those cells names a setting and at least two rows look like
    table rows."""
    tokens = line.text.split()
    numeric = [bool(_NUMERIC_CELL.match(t)) for t in tokens]
    if sum(numeric) < 6 or not re.search(NAME, line.text, re.I):
        return
    for start in range(1, len(tokens) - 3):
        if not numeric[start] or tokens[start - 1] in ("=", ":"):
            continue
        if numeric[start - 1] and tokens[start - 2 : start - 1] != ["="]:
            continue  # rows start where numbers follow words ("... FID 200K") or an "m = 128" header cell
        cells = _header_cells(" ".join(tokens[max(0, start - 24) : start]), symbols)  # a header is short
        for width in range(2, min(9, len(cells)) + 1):
            if not cells[-width][1]:
                continue
            rows = []
            for k in range(start, min(len(tokens) - width + 1, start + width * _MAX_FLAT_ROWS), width):
                chunk = " ".join(tokens[k : k + width])
                if not _is_data_row(chunk):
                    break
                rows.append(_Line(line.no, chunk, line.page, line.section))
            if len(rows) >= 2 and _columns_agree([r.text.split() for r in rows]) and not _ticks(rows):
                header = _Line(line.no, " ".join(text for text, _ in cells[-width:]), line.page, line.section)
                _column_table(header, rows, symbols, out, legend and LEGEND)
                return


def _ticks(rows: list[_Line]) -> bool:
    """Cells that step evenly through whole numbers ('4 5 6 7 8 9'): a plot axis's ticks, not table rows."""
    cells = [c for r in rows for c in r.text.split()]
    if len(cells) < 4 or not all(re.fullmatch(r"\d+", c) for c in cells):
        return False
    return len({int(b) - int(a) for a, b in itertools.pairwise(cells)}) == 1


def _cell_type(cell: str) -> str:
    if re.fullmatch(r"[\d,]+", cell):
        return "int"
    if re.fullmatch(r"\d*\.\d+", cell):
        return "decimal"
    return "other" if _NUMERIC_CELL.match(cell) else "word"


def _columns_agree(rows: list[list[str]]) -> bool:
    """Cutting a run of cells into rows of the right width puts one kind of cell in each column."""
    kinds = [{_cell_type(r[k]) for r in rows if r[k] not in _BLANK_CELLS} for k in range(len(rows[0]))]
    return all(len(kind) <= 1 for kind in kinds)


def _holds_values(k: int, key: str | None, rows: list[_Line]) -> bool:
    """A numeric setting's column holds numbers: one of mostly words ('cart', 'drugs', '2016' under
    'feature') lists things, not values of a setting."""
    if key in WORD_VALUED:
        return True
    cells = [c[k] for r in rows if k < len(c := row_cells(r.text)) and c[k] not in _BLANK_CELLS]
    return sum(bool(_NUMERIC_CELL.match(c)) for c in cells) * 2 > len(cells)


def _numbers_rows(k: int, key: str | None, rows: list[_Line]) -> bool:
    """'| Trial | Points |' over rows 1, 2, 3, ...: the column numbers the runs, it sets no count of them."""
    cells = [c[k].strip() for r in rows if k < len(c := row_cells(r.text))]
    return key == "num_runs" and len(cells) >= 3 and cells == [str(n) for n in range(1, len(cells) + 1)]


def _row_label(leading: list[str], group: str | None) -> str | None:
    """A row's context: its group and its first filled cell before the value's column when that is no
    number ('MLP Synthetic'; a row that opens with '200K' has no label)."""
    first = next((c for c in leading if c not in _BLANK_CELLS), "")
    words = [c for c in (group, first) if c and not _NUMERIC_CELL.match(c)]
    return " ".join(words) or None


def _top(lines: list[_Line], k: int) -> int:
    """The first header row of the table whose header is line k ('|  | Random MDP |' over '| Algorithm |'):
    its caption is above that one."""
    while k and lines[k - 1].text.startswith("|"):
        k -= 1
    return k


def _results_caption(lines: list[_Line], k: int, below: bool = False) -> bool:
    """Is the table whose header is line k captioned as results ('Table 4: The average accuracy ...')? With
    `below`, k is the line after its rows and the caption the nearest one under them."""
    k = k if below else _top(lines, k)
    near = lines[k : k + 2] if below else lines[max(0, k - 2) : k][::-1]
    captions = [ln.text for ln in near if CAPTION_LINE.match(ln.text)]
    return bool(captions) and bool(RESULT_WORDS.search(captions[0]))


# a caption that calls its table settings: 'EBM hyperparameter choices', 'Parameter settings per dataset'
# (a misspelt 'hyperparemeter' too)
_SETTINGS_CAPTION = re.compile(
    r"\b(?:hyper-?\s?p[a-z]{5,8}rs?|p[ae]r[ae]m[ae]?ters?\s+(?:choices|settings|values|used)|"
    r"(?:training|experimental|model)\s+(?:settings|configurations?))\b",
    re.I,
)
# a column heading naming a setting in the paper's own words: a symbol, or words ending in a setting's noun
_OWN_HEADING = re.compile(
    rf"^(?:(?P<sym>{SYM})|(?i:(?:[A-Za-z][\w-]*\s+){{0,2}}(?:steps|iterations|epochs|size|rate|length|width|"
    r"depth|layers|units|dimension|coefficient|weight|factor|threshold|temperature|decay|samples)))$"
)
_DATA_SIZE = re.compile(r"(?i)\b(?:sample|data(?:set)?|train(?:ing)?|test|population)\s+size\b")


def _settings_caption(lines: list[_Line], k: int) -> bool:
    """Is the table whose header is line k captioned as settings ('Table 3: Hyperparameters per dataset')?"""
    k = _top(lines, k)
    above = [ln.text for ln in lines[max(0, k - 2) : k] if CAPTION_LINE.match(ln.text)]
    return bool(above) and bool(_SETTINGS_CAPTION.search(above[-1])) and not RESULT_WORDS.search(above[-1])


def _own_heading(text: str) -> str | None:
    """The key of a settings table's column the vocabulary has no name for: 'λ' -> lambda, 'SGLD Steps'."""
    m = _OWN_HEADING.match(text.strip())
    if not m or _DATA_SIZE.search(text):
        return None
    return symbol_key(m["sym"]) if m["sym"] else canonical_key(text.strip())


def _row_label_settings(row: _Line, symbols: dict[str, str], out: Collector, legend: bool) -> None:
    """The settings a row's label names for its run ('5-way, 1-shot'); a size there ('(36k parameters)')
    is a compared model's, as in a size column."""
    first = row_cells(row.text)[0]
    if not re.search(r"\d", first) or _numeric(first):
        return
    found = Collector()
    prose_matches(first, lambda _o: row, symbols, found, "table", legend)
    for h in found.items:
        why = h.doubt or (h.key == "num_parameters" and SIZE_COLUMN) or False
        out.add(row, h.name, h.key, h.value, "table", h.quote, h.unit, context=h.context, flagged=why)


# a method's name as a column's heading: 'A2C', 'DP', 'Ours', 'Random Search'
_METHOD_HEAD = re.compile(r"[A-Z][\w+-]*(?:\s+[A-Z][\w+-]*)?")


def _methods_across(heads: list[str], keys: list[str | None]) -> bool:
    """'| n | A2C | DP |': a bare symbol heads the first column and methods' names the others, none a
    setting: each row gives what the methods measured at that value of the symbol."""
    rest = [h.strip("*$ ") for h in heads[1:] if h.strip()]
    return (
        bool(re.fullmatch(SYM, heads[0].strip("*$ ")))
        and len(rest) >= 2
        and not any(keys[1:])
        and all(_METHOD_HEAD.fullmatch(h) for h in rest)
    )


# a library's argument as a column's heading: 'min_samples_split', 'n_estimators'
_ARGUMENT = re.compile(r"[a-z]+(?:_[a-z0-9]+)+")


def _column_table(  # noqa: PLR0913
    header: _Line,
    rows: list[_Line],
    symbols: dict[str, str],
    out: Collector,
    legend: bool | str = False,
    group: str | None = None,
    own: bool = False,
    compares: bool | str = False,
) -> None:
    """Settings in a table's header cells and columns; `legend`: why its values are at most candidates: the
    header is a figure's legend ('Sinkhorn n = 1000' over a plot's ticks) or the caption says the table
    holds results (a column named by a setting then lists its variants or a sweep); `group`: the group row
    the rows fall under, part of each value's context; `own`: the caption calls the table settings, so a
    column headed by a symbol or a setting's noun the vocabulary lacks ('SGLD steps', 'λ') is one too;
    `compares`: a caption above or below says the table holds results, so words in its first column name the
    methods it compares ('| Optimizer | MNIST |' over 'Adam', 'Ours')."""
    cells = [
        (text, key or (own and k and _own_heading(text)) or None)
        for k, (text, key) in enumerate(_header_cells(header.text, symbols))
    ]
    heads = [c for c, _ in cells]
    if sum(bool(key) for _, key in cells) >= 2 and first_outcome(heads) == len(heads):
        # '| max_depth | min_samples_split |': a library's argument beside known settings, in a table that
        # reports no outcome (where an unknown name may be measured)
        cells = [(text, key or _ARGUMENT.fullmatch(text) and text or None) for text, key in cells]
    width = len(row_cells(rows[0].text))
    for text, _key in cells:  # settings named in the header itself: "m = 4", "(filter size 2)"
        m = SYM_ASSIGN.search(text)
        if m and m.group("sym") in symbols:
            sym, value = m.group("sym"), m.group("value")
            why = legend == LEGEND and LEGEND
            out.add(header, sym, symbols[sym], value, "table", header.text, flagged=why)
    # a paragraph of prose right above a run of rows (a figure's tick labels) is read as prose
    where = "prose" if len(header.text.split()) >= 12 and SENTENCE_END.search(header.text) else "table"
    prose_matches(header.text, lambda _o: header, symbols, out, where, legend == LEGEND)
    for r in rows:
        _row_label_settings(r, symbols, out, legend == LEGEND)
    if data_table(heads):
        return
    if len(cells) == width and all(len(row_cells(r.text)) == width for r in rows):
        columns = [(k, text) for k, (text, key) in enumerate(cells) if key]
    elif cells and cells[0][1]:
        columns = [(0, cells[0][0])]
    else:
        return
    columns = [(k, text) for k, text in columns if _holds_values(k, cells[k][1], rows)]
    columns = [(k, text) for k, text in columns if not _numbers_rows(k, cells[k][1], rows)]
    # '| Step | Cell Acc. | Puzzle Acc. |', no other setting: the steps a learning curve was read at
    keys = [k for _, k in cells]
    measured = sum(map(bool, keys)) == 1 and measured_by(heads, keys)
    axis = _methods_across(heads, keys)
    outcome = first_outcome(heads)
    for r in rows:
        values = row_cells(r.text)
        for k, text in columns:
            key = cells[k][1]
            if key and k < len(values) and values[k] not in _NO_VALUE and not _measured(values[k]):
                label = _row_label(values[:k], group)
                quote = f"{header.text} / {r.text}"
                # a results table's first column may list the values of the setting it sweeps, not the
                # methods it compares
                compared = compares and not _NUMERIC_CELL.match(values[k]) and RESULTS_COLUMN
                why = legend if legend == LEGEND or k else compared
                why = why or (key == "num_parameters" and SIZE_COLUMN)
                why = why or (key in RUN_LENGTHS and measured and CHECKPOINTS)
                why = why or (k > outcome and AFTER_OUTCOME) or (k == 0 and axis and AXIS)
                out.add(r, text, key, values[k], "table", quote, context=label, flagged=why)
