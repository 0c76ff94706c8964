"""pdf_to_markdown on review copies and preprints whose margins number every line (lineno, review rulers):
the numbers are dropped, and nothing else (table columns, algorithm steps, equation labels) is."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tools.ingest.paper import pdf_to_markdown

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "margin"


def markdown(tmp_root: Path, name: str) -> str:
    shutil.copyfile(FIXTURES / f"{name}.pdf", tmp_root / f"{name}.pdf")
    r = pdf_to_markdown(f"{name}.pdf")
    return Path(r.markdown_path).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["lineno2col", "lineno2gutter", "ruler2col"])
def test_numbered_two_column_copies_read_as_the_plain_copy(tmp_root, name):
    """Numbers in the outer margins (lineno switch), left of each column (the right column's in the gutter)
    and a zero-padded ruler not aligned with the text lines, down both page margins: the Markdown is the
    same as that of the copy printed without them."""
    plain = markdown(tmp_root, "plain2col")
    assert "The baseline uses the best constant step" in plain
    assert markdown(tmp_root, name) == plain


def test_one_column_copy_numbered_at_both_ends_of_each_line_reads_as_the_plain_copy(tmp_root):
    """A number glued to each end of every line (rulers down both margins, as review templates print them):
    the text block's edge is found with both cut off, so both bands lie outside it and are dropped."""
    plain = markdown(tmp_root, "plain1col")
    assert "# Damped Steps for Stable Training" in plain.split("\n")
    assert markdown(tmp_root, "ruler1col") == plain


def test_one_column_lineno_copy_reads_clean(tmp_root):
    md = markdown(tmp_root, "lineno1col")
    lines = md.split("\n")
    for heading in ("# Damped Steps for Stable Training", "## 1 Introduction", "## 2 Damped steps",
                    "### 2.1 Experimental setup", "## 3 Results", "## 4 Conclusion"):
        assert heading in lines
    assert any(s.startswith("**Definition 1** (Stable step). A step size a is stable") for s in lines)
    assert any(s.startswith("**Theorem 1**. If L is smooth") for s in lines)
    assert "**Algorithm 1** Damped gradient descent" in lines
    steps = [s for s in lines if re.match(r"\d+: ", s)]
    assert [s.split(":")[0] for s in steps] == [str(k) for k in range(1, 11)]
    assert any(s.startswith("xt+1 = xt") and s.endswith("(1)") for s in lines)
    assert "textbooks usually discuss. In this note" in md
    assert "1 71 64 0.12 2 73 66 0.15" in md and "10 88 79 0.44" in md
    long = [s for s in lines if len(s) > 200 and not s.startswith("Table")]
    prose = [re.sub(r"(Table|Equation) \d+", "", s) for s in long]
    assert len(prose) >= 4 and not any(re.search(r"\b\d+\b", s) for s in prose)  # the prose has no numbers
    assert not any(re.match(r"\d+ [A-Za-z]", s) for s in lines)


def test_a_table_counting_rows_on_from_page_to_page_is_kept(tmp_root):
    """Three pages, each with a table flush with the text block's left edge whose first column counts on
    from the last page's: increasing down the page and across pages like line numbers, but inside the
    text block, so every row keeps its number."""
    md = markdown(tmp_root, "tables1col")
    rows = re.findall(r"(\d+) (\d+) (\d+) 0\.(\d+)", md)
    assert [int(r[0]) for r in rows] == list(range(1, 37))
    assert all(int(a) + int(b) == 130 for _, a, b, _ in rows)
