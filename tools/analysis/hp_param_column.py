"""A table's column of settings lists: '| Model | Parameters | RMSE |' over '| DeepRec | η = 1e-3, batch 128,
300 epochs | 0.98 |'. Each cell is cut at its commas; a piece is 'name = value' ('λ = 0.1', 'n_est=100'),
'name value' ('rank 3', 'batch 128') or 'value name' ('300 epochs', '20 iter'); other pieces ('best', 'PCC')
are left. The row's model, the nearest filled cell before the column (carried down the blanks a multirow
cell leaves), is each finding's context. A name the vocabulary lacks keeps its own words, as a candidate."""

from __future__ import annotations

import re

from tools.analysis.findings import MarkdownLine as _Line
from tools.analysis.hp_assigned import symbol_key
from tools.analysis.hp_collector import Collector
from tools.analysis.hp_normalize import SCALAR
from tools.analysis.hp_table_cells import RULE_ROW, key_of, row_cells
from tools.analysis.hp_vocabulary import SYNONYMS, own_key

# the heading of a column of settings lists
_PARAM_HEAD = re.compile(r"(?:hyper-?\s?)?param(?:eter)?s|settings|config(?:uration)?s?", re.I)
_NAME = r"[^\W\d][\w.]{0,20}(?:\s[a-z][\w.]{0,12})?"
_PIECES = (
    re.compile(rf"(?P<name>{_NAME})\s*[=:]\s*(?P<value>{SCALAR})"),
    re.compile(rf"(?P<name>{_NAME})\s+(?P<value>{SCALAR})"),
    re.compile(rf"(?P<value>{SCALAR})\s+(?P<name>{_NAME})"),
)
_UNKNOWN = "a name from a table's settings list the scanner does not know: confirm which setting it is"
_MIN_ROWS = 2  # rows whose cell reads as settings before the column counts as one of settings


def read_param_column(lines: list[_Line], i: int, symbols: dict[str, str], out: Collector) -> int:
    """The settings in the lists of a 'Parameters' column of the table headed at line i; the index after the
    table, or i when line i heads no such table."""
    col = _param_column(lines, i)
    if col is None:
        return i
    end = i + 2
    while end < len(lines) and lines[end].text.startswith("|") and not RULE_ROW.match(lines[end].text):
        end += 1
    rows = [(ln, row_cells(ln.text)) for ln in lines[i + 2 : end]]
    read = [(ln, cells, _pieces(cells[col])) for ln, cells in rows if col < len(cells)]
    if sum(bool(pieces) for _, _, pieces in read) < _MIN_ROWS:
        return i
    carried: list[str] = []
    for line, cells, pieces in read:
        carried = [c or (carried[k] if k < len(carried) else "") for k, c in enumerate(cells[:col])]
        model = next((c for c in reversed(carried) if c), None)
        for name, value in pieces:
            key = _key(name, symbols)
            flag = False if key in SYNONYMS or name in symbols else _UNKNOWN
            out.add(line, name, key, value, "table", line.text, context=model, flagged=flag, listed=True)
    return end


def _param_column(lines: list[_Line], i: int) -> int | None:
    """The index of the settings-list column of a pipe table whose header is line i (not its first column:
    '| Parameter | Value |' is a settings table of its own), or None."""
    if i + 2 >= len(lines) or not lines[i].text.startswith("|") or not RULE_ROW.match(lines[i + 1].text):
        return None
    header = [c.strip("* ") for c in row_cells(lines[i].text)]
    found = [k for k, c in enumerate(header) if k and _PARAM_HEAD.fullmatch(c)]
    return found[0] if len(header) >= 3 and len(found) == 1 else None


def _pieces(cell: str) -> list[tuple[str, str]]:
    """The (name, value) pairs of a settings list ('rank 3, λ = 0.1, 20 iter')."""
    pairs = []
    for piece in re.split(r",\s*(?![^()]*\))", cell):
        piece = piece.strip().rstrip(".")
        m = next((m for p in _PIECES if (m := p.fullmatch(piece))), None)
        if m and not m["name"].lower().startswith(("and", "or", "the")):
            pairs.append((m["name"].strip(), m["value"]))
    return pairs


def _key(name: str, symbols: dict[str, str]) -> str:
    """A piece's setting: the paper's symbol, a known name ('batch', 'iter'), or its own words."""
    if known := key_of(name, symbols):
        return known
    if len(name) <= 2 and not name.isascii():
        return symbol_key(name)  # 'η', 'λ': eta, lambda
    return own_key(name)
