"""A table cell wrapped onto a second line in a PDF joins its row (a written PDF: no corpus paper has one)."""

from __future__ import annotations

from pathlib import Path

from pdf_writer import page_stream, pdf_document

from tools.ingest.paper import pdf_to_markdown

_COLUMNS = (72.0, 200.0, 360.0)


def _table(rows: list[tuple[float, tuple[str, str, str]]]) -> list[tuple[float, float, float, str]]:
    """Runs for a three-column table: each row's y and its cells ('' for an empty one)."""
    runs = [(72.0, 700.0, 10.0, "Table 1. Hyperparameters used in all experiments")]
    for y, cells in rows:
        runs += [(x, y, 9.0, text) for x, text in zip(_COLUMNS, cells, strict=True) if text]
    return runs


def _markdown(tmp_root: Path, rows: list[tuple[float, tuple[str, str, str]]]) -> str:
    (tmp_root / "t.pdf").write_bytes(pdf_document([page_stream(_table(rows))]))
    return Path(pdf_to_markdown("t.pdf").markdown_path).read_text(encoding="utf-8")


def test_a_wrapped_cell_joins_its_row(tmp_root: Path):
    md = _markdown(
        tmp_root,
        [
            (680.0, ("Property", "Value", "Remark")),
            (666.0, ("Networks", "ResNet-18, ResNet-34, and", "none")),
            (655.0, ("", "VGG-16", "")),
            (641.0, ("Batch size", "128", "none")),
            (627.0, ("Learning rate", "0.1", "Halved at epochs")),
            (616.0, ("", "", "60, 120 and 160")),
            (602.0, ("Momentum", "0.9", "Nesterov")),
        ],
    )
    assert "| Networks | ResNet-18, ResNet-34, and VGG-16 | none |" in md
    assert "| Learning rate | 0.1 | Halved at epochs 60, 120 and 160 |" in md
    assert "| Momentum | 0.9 | Nesterov |" in md


def test_a_lone_number_under_a_column_is_not_the_rest_of_a_cell(tmp_root: Path):
    """'0.99' alone under the values is a value of its own (a row whose name the page lost), never joined to
    the '0.9' above it."""
    md = _markdown(
        tmp_root,
        [
            (680.0, ("Optimizer", "Parameter", "Value")),
            (666.0, ("Adam", "Learning rate", "0.001")),
            (652.0, ("SGD", "Epochs", "20")),
            (638.0, ("SGD", "Momentum", "0.9")),
            (627.0, ("", "", "0.99")),
        ],
    )
    assert "| SGD | Momentum | 0.9 |" in md
    assert "0.9 0.99" not in md


def test_a_row_run_together_over_several_columns_is_no_heading_of_each(tmp_root: Path):
    """A first line whose numbers ran together over four columns is not a heading spanning them: its text
    is never copied into each column's heading."""
    runs = [(72.0, 700.0, 10.0, "Table 2. Runs on the retina data.")]
    runs += [(72.0, 680.0, 9.0, "10 logit 0.001 0.537"), (300.0, 680.0, 9.0, "0.1")]
    rows = (("10", "probit", "0.001", "0.541", "0.2"), ("15", "logit", "0.01", "0.543", "0.3"))
    for y, cells in zip((666.0, 652.0), rows, strict=True):
        runs += [(x, y, 9.0, t) for x, t in zip((72.0, 100.0, 140.0, 240.0, 300.0), cells, strict=True)]
    (tmp_root / "r.pdf").write_bytes(pdf_document([page_stream(runs)]))
    md = Path(pdf_to_markdown("r.pdf").markdown_path).read_text(encoding="utf-8")
    assert md.count("10 logit 0.001 0.537") == 1


def test_a_group_label_left_of_the_table_joins_its_row(tmp_root: Path):
    """'Encoder' set left of the names, centred on its rows (\\multirow): the table goes on past it, the label
    joined to the name it stands beside."""
    runs = [(72.0, 700.0, 10.0, "Table 1. Hyperparameters of all models")]
    rows = [
        (680.0, ("Hyperparameter", "Model A", "Model B", "Model C")),
        (666.0, ("Learning rate", "0.001", "0.001", "0.002")),
        (652.0, ("layers", "4", "4", "6")),
        (638.0, ("hidden size", "64", "64", "128")),
        (624.0, ("dropout", "0.1", "0.2", "0.2")),
        (610.0, ("attention", "luong", "bahdanau", "bahdanau")),
    ]
    for y, cells in rows:
        runs += [(x, y, 9.0, t) for x, t in zip((130.0, 260.0, 360.0, 460.0), cells, strict=True)]
    runs.append((72.0, 638.0, 9.0, "Encoder"))
    (tmp_root / "t.pdf").write_bytes(pdf_document([page_stream(runs)]))
    md = Path(pdf_to_markdown("t.pdf").markdown_path).read_text(encoding="utf-8")
    assert "| Encoder hidden size | 64 | 64 | 128 |" in md
    assert "| dropout | 0.1 | 0.2 | 0.2 |" in md and "| attention | luong | bahdanau | bahdanau |" in md
