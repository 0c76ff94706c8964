"""A table whose cells each assign a symbol its value: '| wiring | membrane |' over '| S_max = 96 | τ_m =
20ms |'. The columns group the settings (no experiment each), so every cell is one setting, named by its
symbol. A cell is stated when the table is captioned as settings or the paper's prose names the symbol; else
it is a candidate (a symbol the scanner cannot name)."""

from __future__ import annotations

import re

from tools.analysis.findings import MarkdownLine as _Line
from tools.analysis.hp_assigned import symbol_key
from tools.analysis.hp_collector import Collector
from tools.analysis.hp_normalize import SCALAR
from tools.analysis.hp_table_cells import pipe_table_end, row_cells

# 'S_max = 96', 'σ_form-ff = 5', 'A_+ = 0.1', 'τ_- = 64ms', 'N_layer = 28×28', 'f_rew = 10 kHz'; a PDF runs
# the subscript on: 'Smax = 96', 'A+ = 0.1'
_CELL = re.compile(
    r"^(?P<sym>[A-Za-zα-ωΑ-Ω][\w+\-−]{0,14})\s*=\s*"
    rf"(?P<value>[-−]?(?:{SCALAR})(?:\s*[×x]\s*\d+)?)\s*(?P<unit>[A-Za-zμΩ]{{1,8}})?$"
)
_MIN_CELLS = 4
_UNNAMED = "a symbol in a table of symbols, named nowhere in the paper's prose: confirm which setting it is"


def read_assign_grid(lines: list[_Line], i: int, symbols: dict[str, str], out: Collector, own: bool) -> int:
    """The settings of the grid of assignments headed at line i (`own`: captioned as settings); the index
    after the table, or i when line i heads no such table."""
    if (end := pipe_table_end(lines, i)) is None:
        return i
    rows = [lines[i], *lines[i + 2 : end]]
    cells = [(ln, c.strip()) for ln in rows for c in row_cells(ln.text) if c.strip()]
    read = [(ln, m) for ln, c in cells if (m := _CELL.match(c))]
    body = [c for ln, c in cells if ln is not lines[i]]
    if len(read) < _MIN_CELLS or len(read) * 3 < len(body) * 2:
        return i
    for line, m in read:
        sym = m["sym"].replace("−", "-")
        named = symbols.get(sym)
        flag = False if own or named else _UNNAMED
        value = m["value"].replace("−", "-")
        out.add(line, sym, named or _key(sym), value, "table", line.text, m["unit"], flagged=flag)
    return end


def _key(sym: str) -> str:
    """A symbol's key, its subscript's marks spelled: 'τ_+' -> tau_plus, 'σ_form-ff' -> sigma_form_ff."""
    base, _, sub = sym.partition("_")
    if not sub or re.fullmatch(r"\w+", sub):
        return symbol_key(sym)
    sub = {"+": "plus", "-": "minus"}.get(sub, sub)
    return symbol_key(base) + "_" + re.sub(r"\W+", "_", sub).strip("_")
