"""The LaTeX route end to end: corpus and synthetic sources through pdf_to_markdown + grep_equations."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tools.analysis.equations import grep_equations
from tools.errors import NotAPaper, PaperToCodeError
from tools.ingest.latex.document import body_matches, convert_source
from tools.ingest.paper import pdf_to_markdown

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
SYNTHETIC = FIXTURES / "latex" / "papers"
PAPERS = [CORPUS / n for n in ("plrnn", "nfp", "iddpm")] + [
    SYNTHETIC / n for n in ("numbered", "plain", "wild")
]


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
def test_every_numbered_equation_has_its_label_and_exact_body(paper: Path, tmp_root: Path) -> None:
    gt = json.loads((paper / "groundtruth.json").read_text())
    shutil.copytree(paper / "source", tmp_root / "src")
    res = pdf_to_markdown("src")
    found = grep_equations(res.markdown_path, kinds=["numbered", "algorithm"])
    assert found.route == "latex"
    assert [e.label for e in found.numbered] == gt["equation_labels"]
    macros = convert_source(tmp_root / "src").macros
    for e, want in zip(found.numbered, gt["equations"], strict=True):
        assert e.latex and body_matches(e.body, want["tex"], macros, 160), (e.label, e.body, want["tex"])
    captions = [a.caption for a in found.algorithms]
    assert len(captions) == len(gt["algorithms"])
    for a, want in zip(found.algorithms, gt["algorithms"], strict=True):
        assert want["caption"].split()[0] in a.caption and a.steps


@pytest.mark.parametrize(
    "paper", [SYNTHETIC / n for n in ("numbered", "plain", "wild")], ids=lambda p: p.name
)
def test_theorem_numbers_as_latex_prints_them(paper: Path) -> None:
    gt = json.loads((paper / "groundtruth.json").read_text())
    md = convert_source(paper / "source").markdown
    heads = re.findall(r"^\*\*([A-Z][a-z]+)(?: ([A-Z0-9.]+))?\*\*", md, re.M)
    got = [(name, num or None) for name, num in heads if name not in ("Algorithm", "Table", "Figure")]
    want = [(t["name"], t["number"]) for t in gt["theorems"]]
    want += [tuple(t) for t in gt.get("reprinted_theorems", [])]  # restatable: printed again, same number
    assert sorted(got, key=str) == sorted(
        want, key=str
    )  # the order is checked against LaTeX in test_latex_oracle


def test_references_resolve_to_printed_numbers() -> None:
    md = convert_source(SYNTHETIC / "numbered" / "source").markdown
    gt = json.loads((SYNTHETIC / "numbered" / "groundtruth.json").read_text())
    for phrase in gt["references"].values():
        assert phrase in md


def test_dead_code_is_not_converted() -> None:
    md = convert_source(SYNTHETIC / "numbered" / "source").markdown
    assert "hidden" not in md and "commented" not in md and "alsohidden" not in md


def test_hand_expanded_macros() -> None:
    md = convert_source(SYNTHETIC / "numbered" / "source").markdown
    assert r"$$ h &= D_{\mathrm{KL}}\left(p \,\|\, q\right) $$ (1.3)" in md
    assert r"$$ \left\lVert x \right\rVert_2 \le \lvert y\rvert $$ (2.1)" in md
    assert r"\operatorname*{arg\,min}_\theta \mathcal{L}(\theta) $$ (3.1)" in md
    assert "$s_\\theta(x) = \\nabla \\log p(x)$" in md  # optional argument's default


def test_sidecar_and_cache(tmp_root: Path) -> None:
    shutil.copytree(SYNTHETIC / "plain" / "source", tmp_root / "src")
    first = pdf_to_markdown("src/paper.tex")
    side = json.loads(Path(first.sidecar_path).read_text())
    assert side["route"] == "latex" and side["main_file"] == "paper.tex" and side["pages"] is None
    assert side["numbered_equations"] == 3 and side["algorithms"] == 1
    assert not first.cached and pdf_to_markdown("src").cached


def test_two_candidates_pick_the_one_with_begin_document(tmp_root: Path) -> None:
    (tmp_root / "p").mkdir()
    (tmp_root / "p" / "draft.tex").write_text("\\documentclass{article}\n\\usepackage{x}\n")
    (tmp_root / "p" / "paper.tex").write_text(
        "\\documentclass{article}\n\\begin{document}\n\\begin{equation}a=b\\end{equation}\n\\end{document}\n"
    )
    first = pdf_to_markdown("p")
    side = json.loads(Path(first.sidecar_path).read_text())
    assert side["main_file"] == "paper.tex"
    assert any("chose paper.tex" in w and "draft.tex" in w for w in first.warnings)
    (tmp_root / "p" / "main.tex").write_text((tmp_root / "p" / "paper.tex").read_text().replace("a=b", "c=d"))
    res = pdf_to_markdown("p")
    side = json.loads(Path(res.sidecar_path).read_text())
    assert side["main_file"] == "main.tex"
    assert any("several main-file candidates; chose main.tex" in w for w in res.warnings)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("00README.json", '{"sources": [{"filename": "b.tex", "usage": "toplevel"}]}'),
        ("00README.XXX", "b.tex toplevelfile\n"),
    ],
)
def test_arxiv_readme_names_the_main_file(tmp_root: Path, name: str, text: str) -> None:
    (tmp_root / "p").mkdir()
    for stem in ("a", "b"):
        (tmp_root / "p" / f"{stem}.tex").write_text(
            f"\\documentclass{{article}}\\begin{{document}}\\section{{{stem.upper()}}}\\end{{document}}"
        )
    (tmp_root / "p" / name).write_text(text)
    res = pdf_to_markdown("p")
    assert json.loads(Path(res.sidecar_path).read_text())["main_file"] == "b.tex" and not res.warnings


def test_bad_sources_give_errors_or_warnings(tmp_root: Path) -> None:
    (tmp_root / "nomain").mkdir()
    (tmp_root / "nomain" / "section.tex").write_text("\\section{A} text\n")
    with pytest.raises(NotAPaper, match="no LaTeX main file"):
        pdf_to_markdown("nomain")
    (tmp_root / "empty").mkdir()
    with pytest.raises(NotAPaper, match="no .tex file"):
        pdf_to_markdown("empty")
    (tmp_root / "notes.txt").write_text("just text, no LaTeX")
    with pytest.raises(PaperToCodeError):
        pdf_to_markdown("notes.txt")
    (tmp_root / "frag.tex").write_text("\\section{A} only a fragment\n")
    with pytest.raises(NotAPaper, match="no \\\\begin\\{document\\}"):
        pdf_to_markdown("frag.tex")
    (tmp_root / "m").mkdir()
    (tmp_root / "m" / "main.tex").write_text(
        "\\documentclass{article}\\begin{document}\\input{missing}\\section{Intro {unbalanced\n"
        "\\begin{equation} x = 1 \\end{equation}\n\\end{document}"
    )
    res = pdf_to_markdown("m")
    assert any("missing" in w and "not found" in w for w in res.warnings)
    assert any("unbalanced" in w for w in res.warnings)
    (tmp_root / "u").mkdir()
    (tmp_root / "u" / "main.tex").write_text("\\documentclass{article}\\begin{document}\\begin{align} a &= b")
    res = pdf_to_markdown("u")
    assert res.warnings and "no \\end{document}" in " ".join(res.warnings)


def test_speed_under_a_fifth_of_a_second_per_paper() -> None:
    convert_source(CORPUS / "iddpm" / "source")
    seconds = [convert_source(p / "source").seconds for p in PAPERS]
    assert max(seconds) < 0.2, seconds


def test_mangled_sources_never_crash(tmp_path: Path) -> None:
    """Random cuts and stray tokens (unbalanced braces, open environments, recursive macros, half tags) give a
    result with warnings or a PaperToCodeError, quickly; never another exception."""
    import contextlib
    import random
    import time

    sources = [
        (p / "source" / gt).read_text()
        for p, gt in (
            (CORPUS / "iddpm", "main.tex"),
            (SYNTHETIC / "numbered", "main.tex"),
            (SYNTHETIC / "wild", "main.tex"),
        )
    ]
    junk = [
        "{",
        "}",
        "\\begin{align}",
        "\\end{equation}",
        "$",
        "\\\\",
        "&",
        "[",
        "]",
        "\\section",
        "\\label{",
        "\\caption",
        "\\newcommand{\\x}[2]{#1#2\\x}",
        "\\def\\y#1{\\y{#1}}",
        "%",
        "\\iffalse",
        "\\fi",
        "\\begin{theorem}",
        "\\item",
        "\\multicolumn{3}",
        "\\tag{",
        "\\begin{subequations}",
        "\\appendix",
        "\\ref{",
        "\\begin{tabular}{",
        "\\For{",
        "\\State",
        "\\end{algorithmic}",
    ]
    rng = random.Random(7)
    for _ in range(150):
        s = rng.choice(sources)
        for _ in range(rng.randint(1, 12)):
            i = rng.randrange(max(1, len(s)))
            op = rng.random()
            s = (
                s[:i] + s[i + rng.randint(1, 50) :]
                if op < 0.4
                else s[:i] + rng.choice(junk) + s[i:]
                if op < 0.8
                else s[:i]
            )
        (tmp_path / "main.tex").write_text(s)
        start = time.perf_counter()
        with contextlib.suppress(PaperToCodeError):  # an expected, explained refusal
            convert_source(tmp_path / "main.tex")
        assert time.perf_counter() - start < 60  # a generous deadline: it ends, whatever the machine
