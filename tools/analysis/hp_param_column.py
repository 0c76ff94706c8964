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
from tools.analysis.hp_table_cells import key_of, pipe_table_end, row_cells
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
    table, or i when line i heads no such table. A table whose header row a PDF lost (its first row is
    data) is read when the lists themselves say so: two rows or more list two settings, one of them known."""
    if (end := pipe_table_end(lines, i)) is None:
        return i
    body = [ln for ln in lines[i:end] if ln is not lines[i + 1]]
    col = _param_column(lines[i])
    rows = body[1:] if col is not None else body
    col = col if col is not None else _listed_column(rows, symbols)
    if col is None:
        return i
    read = [(ln, cells, _pieces(cells[col])) for ln in rows if col < len(cells := row_cells(ln.text))]
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


def _param_column(header_line: _Line) -> int | None:
    """The index of the column a pipe table's header names 'Parameters' (not its first column: '| Parameter
    | Value |' is a settings table of its own), or None."""
    header = [c.strip("* ") for c in row_cells(header_line.text)]
    found = [k for k, c in enumerate(header) if k and _PARAM_HEAD.fullmatch(c)]
    return found[0] if len(header) >= 3 and len(found) == 1 else None


# a layer's geometry ('Kernel 3 × 3, Stride 2, Pad 1'): a table of layers, which hp_settings_table reads
_LAYER_KEYS = {"stride", "kernel_size", "padding", "base_channels"}


def _listed_column(rows: list[_Line], symbols: dict[str, str]) -> int | None:
    """The column (not the first) where two rows or more list two settings or more, one a known one that is
    no layer's geometry."""
    cells = [row_cells(ln.text) for ln in rows]
    for col in range(1, max(map(len, cells), default=0)):
        lists = [_pieces(c[col]) for c in cells if col < len(c)]
        keys = [{_key(n, symbols) for n, _ in p} for p in lists if len(p) >= 2]
        if any(k & _LAYER_KEYS for k in keys):
            return None
        if sum(bool(k & SYNONYMS.keys()) for k in keys) >= _MIN_ROWS:
            return col
    return None


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
