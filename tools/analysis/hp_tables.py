"""Hyperparameters read from tables: settings tables (one setting per row), flat `name: value` lists,
flattened rows and ablation tables whose columns are settings."""

from __future__ import annotations

import re

from tools.analysis.components import CITATION
from tools.analysis.findings import MarkdownLine as _Line
from tools.analysis.hp_assigned import symbol_key
from tools.analysis.hp_collector import Collector
from tools.analysis.hp_confidence import no_sentence
from tools.analysis.hp_normalize import SCALAR, VALUE_RE
from tools.analysis.hp_paragraphs import SENTENCE_END
from tools.analysis.hp_patterns import ALL_NAMES, MODIFIERS, NAME, OPT_NAMES_LIST, SYM, SYM_ASSIGN, phrase_re
from tools.analysis.hp_prose import prose_matches
from tools.analysis.hp_vocabulary import (
    CHOICES,
    GREEK,
    OPTIMIZERS,
    RESULT_WORDS,
    SYNONYMS,
    WORD_VALUED,
    canonical_key,
)

LEGEND = "a figure's legend over its plot, not a table of settings"
_SIZE_COLUMN = "a model's size in a table of models compared, not a setting stated for this paper's run"

# ------------------------------------------------------------------------------------------ extraction

_CELL_VALUE = re.compile(rf"^(?:{SCALAR}|[A-Za-z][\w-]*)$")
_NUMERIC_CELL = re.compile(rf"^(?:{SCALAR}|[±-])$")
_ROW_NAME = re.compile(
    rf"^\|?\s*(?P<name>{phrase_re(ALL_NAMES)})\s*(?:\([^)]*\))?\s*[:|]?\s*(?P<rest>.+?)\s*\|?$", re.I
)
_ROW_VALUE = re.compile(
    rf"{SCALAR}|\b(?:{'|'.join(OPTIMIZERS)}|{'|'.join(c for v in CHOICES.values() for c in v)})\b", re.I
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
        m = _ROW_VALUE.match(text, pos)
        if not m or m.end() == pos:
            return False
        pos = _ROW_SEP.match(text, m.end()).end()
    return bool(text)


def _cells(text: str) -> list[str]:
    if text.startswith("|"):
        return [c.strip() for c in text.strip("|").split("|")]
    return text.split()


def _is_data_row(text: str) -> bool:
    cells = _cells(text)
    if not 2 <= len(cells) <= 16 or text.rstrip().endswith(".") and not re.search(r"\d\.$", text):
        return False
    numeric = sum(bool(_NUMERIC_CELL.match(c)) for c in cells)
    # a pipe row's label: 'Tiny (T)', 'Ours + PG' (one holding assignments is a condition, read elsewhere)
    label = text.startswith("|") and len(cells[0]) <= 30 and "=" not in cells[0]
    values = cells[1:] if label else cells
    settled = all(_CELL_VALUE.match(c) or c in "±-" for c in values)
    return numeric >= 1 and numeric * 2 >= len(cells) and settled


_HEADER_NAME = re.compile(rf"(?:{phrase_re(ALL_NAMES)})(?![\w])", re.I)
_HEADER_ASSIGN = re.compile(rf"{SYM}\s*=\s*(?:{SCALAR})")
_HEADER_WORD = re.compile(r"\([^)]*\)|\S+")


def _header_cells(text: str, symbols: dict[str, str]) -> list[tuple[str, str | None]]:
    """Header cells with the key each names (None for results and other columns)."""
    if text.startswith("|"):
        return [(c, _key_of(c, symbols)) for c in _cells(text)]
    cells: list[tuple[str, str | None]] = []
    pos = 0
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        m = _HEADER_ASSIGN.match(text, pos) or _HEADER_NAME.match(text, pos)
        if m:
            cells.append((m.group(0), _key_of(m.group(0), symbols)))
            pos = m.end()
            continue
        m = _HEADER_WORD.match(text, pos)
        assert m is not None
        if m.group(0).startswith("(") and cells:
            cells[-1] = (cells[-1][0] + " " + m.group(0), cells[-1][1])
        else:
            cells.append((m.group(0), _key_of(m.group(0), symbols)))
        pos = m.end()
    return cells


def _key_of(cell: str, symbols: dict[str, str]) -> str | None:
    cell = cell.strip()
    if cell in symbols:
        return symbols[cell]
    if RESULT_WORDS.search(cell) or "=" in cell:
        return None
    key = canonical_key(cell)
    return key if key in SYNONYMS else None


def read_tables(lines: list[_Line], symbols: dict[str, str], out: Collector) -> set[int]:
    """Hyperparameters from table rows; returns the line numbers that belong to tables (not prose)."""
    used: set[int] = set()
    i = 0
    last_settings = -10  # where the last settings table ended: a headless one right after it is one too
    while i < len(lines):
        line = lines[i]
        if (end := _settings_table(lines, i, symbols, out, follows=last_settings >= i - 3)) > i or (
            end := _flat_settings(lines, i, out)
        ) > i:
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
            and not re.match(r"^\|?\s*:?-{3,}", lines[j].text)
        ):
            j += 1
        head = i - 2 if i >= 2 and re.match(r"^\|?\s*:?-{3,}", lines[i - 1].text) else i - 1  # Markdown |---|
        if j - i >= 2 and head >= 0:
            _column_table(lines[head], lines[i:j], symbols, out, _legend(lines, head))
            used.update(ln.no for ln in lines[head:j])
            i = j
            continue
        _flattened_table(line, symbols, out, _legend(lines, i))
        i += 1
    return used


def _legend(lines: list[_Line], k: int) -> bool:
    """Is line k a figure's inner text? Its opening words and the line before it make no sentence (a plot's
    legend and tick labels come in runs of such lines, the last one maybe run into prose; a text table's
    header follows its caption or prose)."""
    opening = " ".join(lines[k].text.split()[:4])
    return k > 0 and "|" not in lines[k].text and no_sentence(opening) and no_sentence(lines[k - 1].text)


# a table of settings: its first header cell, or its caption, says so
_SETTINGS_HEAD = re.compile(
    r"^(?:hyper-?\s?parameters?|parameters?|settings?|names?|configurations?|config|options?)$", re.I
)
_RESULTS_NEAR = re.compile(r"\b(?:performance|comparison|compared|results)\b", re.I)
_METHOD_HEAD = re.compile(r"^(?:methods?|models?|approach(?:es)?|systems?|baselines?)$", re.I)
_SETTINGS_CAPTION = re.compile(r"hyper-?\s?parameters?|training\s+(?:details|settings|configuration)", re.I)
_TRAILING_SYMBOL = re.compile(rf"\s+(?:\(\s*{SYM}\s*\)|{SYM})\s*$")
_RULE_ROW = re.compile(r"^\|?\s*:?-{3,}")


def _settings_table(  # noqa: PLR0913
    lines: list[_Line], i: int, symbols: dict[str, str], out: Collector, follows: bool = False
) -> int:
    """A pipe table of settings ('| Hyperparameter | Atari | MuJoCo |' or one captioned 'Hyperparameters'):
    every row names a setting, so each value cell is one, with its column's heading as the context, even
    when the name is not in the synonym table ('Entropy coefficient', 'Discount γ'). Returns where the table
    ends (i when line i does not open one)."""
    if not (lines[i].text.startswith("|") and i + 1 < len(lines) and _RULE_ROW.match(lines[i + 1].text)):
        return i
    if i and lines[i - 1].text.startswith("|"):
        return i
    end = i + 2
    while end < len(lines) and lines[end].text.startswith("|"):
        end += 1
    header = _cells(lines[i].text)
    # a caption right under another table is that table's ('Table 3: Hyperparameters' over a results table)
    above = [ln for k, ln in enumerate(lines[max(0, i - 3) : i], start=max(0, i - 3)) if not _owned(lines, k)]
    near = " ".join(ln.text for ln in above + lines[end : end + 3] if _CAPTION_LINE.match(ln.text))
    if i and _SHORT_HEAD.match(lines[i - 1].text):  # a heading the PDF route printed as a plain line
        near += " " + lines[i - 1].text
    section = lines[i].section or ""
    # a two-column table with no header row: its first row is a setting too ('| Learning rate | 0.1 |')
    headless = len(header) == 2 and bool(_setting_value(header[1]))
    # a results table under a 'Training details' heading: 'Table 4: The average accuracy ...', or one whose
    # rows are methods ('| Method | CFBench |', 'Performance comparison ...')
    methods = _METHOD_HEAD.match(header[0].strip("* "))
    results = RESULT_WORDS.search(near) or _RESULTS_NEAR.search(near) or methods
    results = results and not _SETTINGS_CAPTION.search(near)
    if not (
        _SETTINGS_HEAD.match(header[0])
        or _SETTINGS_CAPTION.search(f"{lines[i].text} {near}")
        or _SETTINGS_CAPTION.search(section)
        and not RESULT_WORDS.search(section)
        and not results
        or follows
        and headless  # the right one of two settings tables side by side
    ):
        return i
    if not headless and _transposed(header, lines[i + 2 : end], symbols, out):
        return end
    for line in ([lines[i]] if headless else []) + lines[i + 2 : end]:
        cells = _cells(line.text)
        name = _TRAILING_SYMBOL.sub("", cells[0]).strip(" :*")
        symbol = re.fullmatch(SYM, name.strip("$ "))  # a row named by its symbol: 'b', 'λ'
        if not (re.search(r"[A-Za-z]{2}", name) or symbol) or len(cells) < 2:
            continue
        for k, cell in enumerate(cells[1:], start=1):
            head = header[k] if k < len(header) and len(cells) > 2 and not headless else None
            key, qualifier = (symbol_key(symbol[0]), None) if symbol else _row_key(name)
            ctx = " ".join(x for x in (head, qualifier) if x) or None
            if value := _setting_value(cell) or _word_value(cell, key):
                out.add(line, name, key, value[0], "table", line.text, value[1], context=ctx)
            where = " ".join(filter(None, (name, head)))
            for sym, v in _assignments(cell):  # 'Optimizer momentum | β1=0.9, β2=0.96'
                out.add(line, sym, symbol_key(sym), v, "table", line.text, context=where)
    return end


_WORDS_VALUE = re.compile(r"[A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*){0,2}")


def _word_value(cell: str, key: str) -> tuple[str, None] | None:
    """A few words as the value of a setting that takes words ('Learning rate schedule | cosine decay')."""
    cell = CITATION.sub("", cell).strip()
    return (cell, None) if key in WORD_VALUED and _WORDS_VALUE.fullmatch(cell) else None


_ONE_ASSIGNMENT = rf"(?:{SYM})\s*=\s*(?:{SCALAR})"
_ASSIGNMENT = re.compile(rf"(?P<sym>{SYM})\s*=\s*(?P<value>{SCALAR})")
_ASSIGNMENTS = re.compile(rf"{_ONE_ASSIGNMENT}(?:\s*[,;]\s*(?:and\s+)?{_ONE_ASSIGNMENT})*")


def _assignments(cell: str) -> list[tuple[str, str]]:
    """A cell made of assignments only ('β1=0.9, β2=0.96'): each symbol with its value."""
    cell = cell.strip()
    if not _ASSIGNMENTS.fullmatch(cell):
        return []
    return [(m["sym"], m["value"]) for m in _ASSIGNMENT.finditer(cell)]


def _owned(lines: list[_Line], k: int) -> bool:
    """Line k is a caption set right under a pipe table (blank lines between): it is that table's."""
    j = k - 1
    while j >= 0 and not lines[j].text.strip():
        j -= 1
    return j >= 0 and lines[j].text.startswith("|") and bool(_CAPTION_LINE.match(lines[k].text))


def _transposed(header: list[str], rows: list[_Line], symbols: dict[str, str], out: Collector) -> bool:
    """A settings table with one column per setting and one row per experiment ('| Task | lr | batch size |'
    over '| MNIST | 10^-3 | 64 |', '| Technique | Learning Rate |'): each value is its column's setting, its
    row's first cell the context. False (nothing read) when the header names no setting or a row opens with
    one."""
    keys = [_key_of(h, symbols) for h in header]
    if _SETTINGS_HEAD.match(header[0]) or not any(keys[1:]) or _data_table(header):
        return False
    if any(_row_key(_cells(r.text)[0])[0] in SYNONYMS for r in rows):
        return False
    for line in rows:
        cells = _cells(line.text)
        for k, cell in enumerate(cells[1:], start=1):
            if k < len(keys) and keys[k] and (value := _setting_value(cell)):
                ctx, why = cells[0] or None, keys[k] == "num_parameters" and _SIZE_COLUMN
                name, unit = header[k], value[1]
                out.add(line, name, keys[k], value[0], "table", line.text, unit, context=ctx, flagged=why)
    return True


# a settings table a PDF dump wrote as lines of 'name value' pairs under its heading:
# 'HYPERPARAMETERS' / 'Learning rate α 0.00025 Minibatch size 32 Dropout rate 0.05' / 'EVALUATION'
_SETTINGS_HEADING = re.compile(
    r"^(?:#+\s*)?(?:table\s+[A-Z]?\d+[.:]?\s*)?(?:hyper-?\s?parameters?|(?:training\s+)?settings|"
    r"training\s+(?:details|configuration))\s*:?$",
    re.I,
)
_SUBHEADING = re.compile(r"^[A-Z][A-Z &-]{2,30}$")
_PAIR = re.compile(
    r"(?P<name>(?:[A-Za-zα-ωϵϑϕ][\w-]*\s+){0,5}?[A-Za-zα-ωϵϑϕ][\w-]*)\s+"
    rf"(?P<value>\d{{1,3}}(?:,\s\d{{3}})+(?![\d.])|{SCALAR}|{'|'.join(OPT_NAMES_LIST)})"
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
    """Lines of 'name value' pairs under a settings heading (a table the PDF dump flattened): one setting
    per pair. Returns where the block ends (i when line i does not open one)."""
    if not _SETTINGS_HEADING.match(lines[i].text.strip()):
        return i
    end, found = i + 1, []
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
        name = _TRAILING_SYMBOL.sub("", p["name"]).strip()
        key, qualifier = _row_key(name)
        out.add(line, name, key, p["value"], "table", line.text, p["unit"], context=qualifier)
    return end


_PREPOSITIONS = ("for", "in", "on", "of", "with", "per", "at", "during")
_ENDPOINTS = {"initial", "final", "start", "end", "min", "max", "minimum", "maximum", "first", "last"}


def _row_key(name: str) -> tuple[str, str | None]:
    """A settings-table row's key, and the words that qualify it: a leading Greek letter is spelled ('ϵ decay
    horizon' -> epsilon_decay_horizon); a known name followed by a qualifier ('Dropout rate convolutions')
    keeps the known key, the qualifier as context (not a modifier or an end point: 'Learning rate decay',
    'ϵ final' are settings of their own)."""
    name = re.sub(r"^([α-ωΑ-Ωϵϑϕϱς])(?=\s+[A-Za-z])", lambda m: GREEK[m.group(1)], name.strip())
    key = canonical_key(name)
    words = name.split()
    if key in SYNONYMS or len(words) < 2:
        return key, None
    for k in range(len(words) - 1, 0, -1):
        head, rest = canonical_key(" ".join(words[:k])), words[k:]
        # one word is a head only before a preposition: 'Repetition penalty' is no count of repetitions
        first = rest[0].lower()
        if head in SYNONYMS and first not in MODIFIERS | _ENDPOINTS and (k >= 2 or first in _PREPOSITIONS):
            return head, " ".join(rest)
    if m := re.match(rf"(.+?)\s+((?:{'|'.join(_PREPOSITIONS)})\s.+)$", name):
        return canonical_key(m[1]), m[2]  # 'Diversity penalty for Div beam'
    return key, None


# a caption or heading near a table ('Table 3: Hyperparameters', '### Settings'), not a paragraph of prose
_CAPTION_LINE = re.compile(r"^(?:\*\*)?(?:Table|TABLE|Figure|Fig\.)\s|^#")
_SHORT_HEAD = re.compile(r"^[A-Za-z][\w -]{0,40}$")
_CELL_UNIT = re.compile(rf"(?P<value>{SCALAR})\s+(?P<unit>[A-Za-z]{{3,12}})")


def _setting_value(cell: str) -> tuple[str, str | None] | None:
    """A settings-table cell's value and unit ('0.99', 'Adam', '1M frames'), None for any other cell."""
    cell = CITATION.sub("", cell).strip()  # 'AdaFactor (Shazeer & Stern, 2018)'
    if cell and (VALUE_RE.fullmatch(cell) or _ROW_VALUE.fullmatch(cell)):
        return cell, None
    m = _CELL_UNIT.fullmatch(cell)
    return (m.group("value"), m.group("unit")) if m else None


def _pipe_header(lines: list[_Line], i: int) -> list[str]:
    """The header cells of the Markdown table that line i belongs to ([] for a row outside a pipe table)."""
    j = i
    while j > 0 and lines[j - 1].text.startswith("|"):
        j -= 1
    return _cells(lines[j].text) if j < i and lines[j].text.startswith("|") else []


def _setting_row(line: _Line, row: re.Match[str], header: list[str], out: Collector) -> None:
    """'| Learning rate | 1e-4 | 3e-4 |': one finding per column, the column's heading as its context."""
    key = canonical_key(row.group("name"))
    cells = _cells(line.text)
    if line.text.startswith("|") and len(header) == len(cells) > 2:
        for head, cell in zip(header[1:], cells[1:], strict=True):
            if _ROW_VALUE.fullmatch(cell.strip()):
                out.add(line, row.group("name"), key, cell, "table", line.text, context=head or None)
        return
    rest = row.group("rest")
    for v in _ROW_VALUE.finditer(rest):
        if not _FORMULA_PIECE.match(rest, v.end()) and not rest[: v.start()][-1:].isalpha():
            out.add(line, row.group("name"), key, v.group(0), "table", line.text)


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
            if len(rows) >= 2 and _columns_agree([r.text.split() for r in rows]):
                header = _Line(line.no, " ".join(text for text, _ in cells[-width:]), line.page, line.section)
                _column_table(header, rows, symbols, out, legend)
                return


def _cell_type(cell: str) -> str:
    if re.fullmatch(r"[\d,]+", cell):
        return "int"
    if re.fullmatch(r"\d*\.\d+", cell):
        return "decimal"
    return "other" if _NUMERIC_CELL.match(cell) else "word"


def _columns_agree(rows: list[list[str]]) -> bool:
    """Cutting a run of cells into rows of the right width puts one kind of cell in each column."""
    return all(len({_cell_type(r[k]) for r in rows if r[k] not in "±-"}) <= 1 for k in range(len(rows[0])))


def _holds_values(k: int, key: str | None, rows: list[_Line]) -> bool:
    """A numeric setting's column holds numbers: one of mostly words ('cart', 'drugs', '2016' under
    'feature') lists things, not values of a setting."""
    if key in WORD_VALUED:
        return True
    cells = [c[k] for r in rows if k < len(c := _cells(r.text)) and c[k] not in "±-"]
    return sum(bool(_NUMERIC_CELL.match(c)) for c in cells) * 2 > len(cells)


# columns of a table that describes datasets: '| | #labels | #features | #test | #train |'
_DATA_COLUMN = re.compile(
    r"^#?\s*(?:train|training|test|valid|validation|dev|instances|samples|examples|docs|documents|classes|"
    r"labels|nodes|edges|graphs|users|items|images|sentences|tokens)(?:\s+(?:set|size|samples|examples))?$",
    re.I,
)


def _data_table(header: list[str]) -> bool:
    """Two or more columns count the data (a table of dataset statistics, not of settings)."""
    return sum(bool(_DATA_COLUMN.match(h.strip("* "))) for h in header) >= 2


def _column_table(  # noqa: PLR0913
    header: _Line, rows: list[_Line], symbols: dict[str, str], out: Collector, legend: bool = False
) -> None:
    """Settings in a table's header cells and columns; `legend`: the header is a figure's legend, whose
    values are at most candidates ('Sinkhorn n = 1000' over a plot's ticks)."""
    cells = _header_cells(header.text, symbols)
    width = len(_cells(rows[0].text))
    for text, _key in cells:  # settings named in the header itself: "m = 4", "(filter size 2)"
        m = SYM_ASSIGN.search(text)
        if m and m.group("sym") in symbols:
            sym, value = m.group("sym"), m.group("value")
            out.add(header, sym, symbols[sym], value, "table", header.text, flagged=legend and LEGEND)
    # a paragraph of prose right above a run of rows (a figure's tick labels) is read as prose
    where = "prose" if len(header.text.split()) >= 12 and SENTENCE_END.search(header.text) else "table"
    prose_matches(header.text, lambda _o: header, symbols, out, where, legend)
    if _data_table([c for c, _ in cells]):
        return
    if len(cells) == width and all(len(_cells(r.text)) == width for r in rows):
        columns = [(k, text) for k, (text, key) in enumerate(cells) if key]
    elif cells and cells[0][1]:
        columns = [(0, cells[0][0])]
    else:
        return
    columns = [(k, text) for k, text in columns if _holds_values(k, _key_of(cells[k][0], symbols), rows)]
    for r in rows:
        values = _cells(r.text)
        for k, text in columns:
            key = _key_of(cells[k][0], symbols)
            if key and k < len(values) and values[k] not in "±-":
                label = values[0] if k and not _NUMERIC_CELL.match(values[0]) else None
                quote = f"{header.text} / {r.text}"
                why = (legend and LEGEND) or (key == "num_parameters" and _SIZE_COLUMN)
                out.add(r, text, key, values[k], "table", quote, context=label, flagged=why)
