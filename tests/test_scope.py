"""The workflow as agents live it, through the MCP client: scope (proof steps and items set out of scope),
the checklist settled before the scaffold and extended after it, named stubs."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tools import config as settings

pytestmark = pytest.mark.anyio

PAPER = r"""\documentclass{article}
\usepackage{amsmath,amsthm}
\newtheorem{theorem}{Theorem}
\title{A Small Bound Paper}
\begin{document}
\maketitle
\section{Method}
We train by maximising the variational bound:
\begin{equation}\label{eq:elbo}
\mathcal{L}(\theta) = \mathbb{E}_{q}[\log p_\theta(x \mid z)] - \beta\, \mathrm{KL}(q(z \mid x) \,\|\, p(z))
\end{equation}
The step size follows the schedule
\begin{equation}
\eta_t = \eta_0 / \sqrt{t}
\end{equation}
\begin{theorem}
The bound is tight when $q = p$.
\end{theorem}
\begin{proof}[Proof of Theorem 1]
Write the gap as
\begin{equation}
\log p(x) - \mathcal{L} = \mathrm{KL}(q(z \mid x) \,\|\, p(z \mid x)) \ge 0
\end{equation}
and note that
\[ \mathrm{KL}(q \,\|\, q) = 0 . \]
\end{proof}
\section{Experiments}
We use a learning rate of 0.001.
\begin{equation}
a = b + c
\end{equation}
\end{document}
"""


@pytest.fixture
def no_index(monkeypatch):
    monkeypatch.setattr(settings, "_settings", settings._settings.model_copy(update={"torch_index": None}))


async def call(client, tool: str, args: dict) -> dict:
    r = await client.call_tool(tool, args)
    assert not r.is_error, r.content[0].text
    return r.structured_content


def set_status(text: str, item_id: str, cell: str, note: str = "") -> str:
    """The checklist with one row's status and notes cells replaced, as an agent edits it."""
    return re.sub(rf"^(\| \*\*{re.escape(item_id)}\*\* \|.*\|) [^|]* \| [^|]* \|$",
                  lambda m: f"{m.group(1)} {cell} | {note} |", text, flags=re.M)


async def test_scope_from_proofs_and_by_hand_kept_on_rerun_no_stubs_not_counted(client, tmp_root, no_index):
    (tmp_root / "paper.tex").write_text(PAPER)
    md = (await call(client, "pdf_to_markdown", {"source": "paper.tex"}))["markdown_path"]
    assert "**Proof of Theorem 1.**" in Path(md).read_text()
    first = await call(client, "make_checklist", {"markdown_path": md})
    items = {i["id"]: i for i in first["items"]}
    assert {i for i, it in items.items() if it["scope"] == "DERIVATION"} == {"EQ-3", "EQ-u1"}  # the proof's
    assert {items[i]["scope"] for i in ("EQ-1", "EQ-2", "EQ-4")} == {"IN_SCOPE"}
    assert items["EQ-1"]["name"] == "variational bound" and items["EQ-4"]["name"] is None

    # the agent sets one item out of scope and brings a proof step back; a re-run keeps both
    path = Path(first["path"])
    text = set_status(path.read_text(), "EQ-4", "[-] OUT_OF_SCOPE", "toy example, not the method")
    text = set_status(text, "EQ-u1", "[ ] TODO")
    path.write_text(text)
    again = await call(client, "make_checklist", {"markdown_path": md})
    items = {i["id"]: i for i in again["items"]}
    assert again["merged"] and again["added"] == 0 and path.read_text() == text
    assert items["EQ-4"]["scope"] == "OUT_OF_SCOPE"
    assert items["EQ-4"]["notes"] == "toy example, not the method"
    assert items["EQ-u1"]["scope"] == "IN_SCOPE" and items["EQ-3"]["scope"] == "DERIVATION"

    made = await call(client, "init_uv_project", {"path": "proj", "checklist_path": str(path)})
    assert made["equations"] == 3 and made["locked"], made["warnings"]
    proj = tmp_root / "proj"
    equations = (proj / "src/proj/core/equations.py").read_text()
    funcs = [f.name for f in ast.parse(equations).body if isinstance(f, ast.FunctionDef)]
    assert funcs == ["eq_1_variational_bound", "eq_2_schedule", "eq_u1"]
    tests = (proj / "tests/test_paper_equations.py").read_text()
    assert "EQ-3" not in tests and "EQ-4" not in tests

    # EQ-1 implemented and tested: the figure counts in-scope items only
    (proj / "src/proj/core/bound.py").write_text(
        'def variational_bound(a, b):\n    """Implements: EQ-1"""\n    return a - b\n'
    )
    cov = await call(client, "check_coverage", {"project_path": "proj"})
    assert cov["reproduction_counts"] == "0/3"  # EQ-1, EQ-2, EQ-u1: no run yet
    assert cov["scope"] == {"IN_SCOPE": len(cov["items"]) - 2, "DERIVATION": 1, "OUT_OF_SCOPE": 1}
    assert cov["totals"]["equation"]["items"] == 3 and cov["totals"]["equation"]["implemented"] == 1
    after = (proj / "IMPLEMENTATION_CHECKLIST.md").read_text()
    assert "| [-] DERIVATION | inside a proof |" in after and "| [-] OUT_OF_SCOPE | toy example" in after
    assert re.search(r"\*\*EQ-1\*\* .*\| \[x\] IMPLEMENTED \|", after)


async def test_checklist_extended_after_scaffold_gets_stubs_in_new_files(client, tmp_root, no_index):
    (tmp_root / "paper.tex").write_text(PAPER)
    md = (await call(client, "pdf_to_markdown", {"source": "paper.tex"}))["markdown_path"]
    checklist = (await call(client, "make_checklist", {"markdown_path": md}))["path"]
    await call(client, "init_uv_project", {"path": "proj", "checklist_path": checklist})
    proj = tmp_root / "proj"
    core = proj / "src/proj/core"
    (core / "equations.py").write_text((core / "equations.py").read_text() + "\n# my edit\n")
    before = {p: p.read_bytes() for p in proj.rglob("*") if p.is_file() and ".venv" not in p.parts}
    # a missed equation found by hand, and a fragment renamed to its real label, in the project's copy
    ours = proj / "IMPLEMENTATION_CHECKLIST.md"
    text = ours.read_text().replace("**EQ-u1**", "**EQ-5**").replace("**EQ-2**", "**EQ-2a**")
    text = text.replace("| **EQ-4** |", "| **EQ-9** | entropy | `H = -\\sum_i p_i \\log p_i` | 2 Experiments "
                        "| SPECIFIED | [ ] TODO | found by hand |\n| **EQ-4** |")
    ours.write_text(set_status(text, "EQ-5", "[ ] TODO"))
    args = {"path": "proj", "checklist_path": "proj/IMPLEMENTATION_CHECKLIST.md", "update": True}
    r = await call(client, "init_uv_project", args)
    new = {"src/proj/core/equations_added.py", "tests/test_paper_equations_added.py"}
    assert new <= set(r["files_written"])
    assert all(p.read_bytes() == b for p, b in before.items() if p.name != "IMPLEMENTATION_CHECKLIST.md")
    added = (core / "equations_added.py").read_text()
    funcs = [f.name for f in ast.parse(added).body if isinstance(f, ast.FunctionDef)]
    assert funcs == ["eq_2a_schedule", "eq_5", "eq_9_entropy"]
    assert r"H = -\sum_i p_i \log p_i" in added
    # the stub of the renamed ID stays (never overwritten), and the reply says so
    assert any("still name EQ-2, no longer in the checklist" in w for w in r["warnings"]), r["warnings"]


async def test_pdf_route_proof_runs_from_its_head_to_the_end_mark(client, tmp_root):
    (tmp_root / "paper.md").write_text(
        "<!-- page 3 -->\n## 3 Method\n\nThe training objective is given by\n\n"
        "L(θ) = E[ log p(x|z) ] − KL(q ‖ p) (4)\n\n"
        "Theorem 1. The bound is tight when q = p.\n\n"
        "Proof. Write the gap as\n\nlog p(x) − L(θ) = KL(q ‖ p(z|x)) ≥ 0 (5)\n\n"
        "which is zero for q = p. □\n\n"
        "The update rule becomes\n\nθ ← θ − η ∇L(θ) (6)\n\n"
        "<!-- page 9 -->\n## C Proofs\n\nProof of Lemma C.1. We have\n\na = b + c (C.1)\n\n"
        "## D More\n\nx = y + z (D.1)\n"
    )
    found = await call(client, "grep_equations", {"markdown_path": "paper.md", "kinds": ["numbered"]})
    flags = {e["label"]: (e["in_proof"], e["name"]) for e in found["numbered"]}
    assert flags == {"4": (False, "training objective"), "5": (True, None), "6": (False, "update rule"),
                     "C.1": (True, None), "D.1": (False, None)}


LABELLED = r"""\documentclass{article}
\usepackage{amsmath}
\title{Labelled Equations}
\begin{document}
\maketitle
\section{Method}
Given samples we compute
\begin{equation}\label{eq:importance_weight}
w_i = p(x_i) / q(x_i)
\end{equation}
and we turn this output into variances as follows:
\begin{equation}\label{eq:varInterp}
\Sigma = \exp(v \log \beta + (1 - v) \log \tilde\beta)
\end{equation}
Then
\begin{equation}\label{eq:3}
y = w x
\end{equation}
We minimise the objective
\begin{equation}\label{eqn:main-loss}
L = (y - t)^2
\end{equation}
\end{document}
"""


async def test_latex_label_keys_name_equations_the_prose_does_not(client, tmp_root, no_index):
    (tmp_root / "paper.tex").write_text(LABELLED)
    md = (await call(client, "pdf_to_markdown", {"source": "paper.tex"}))["markdown_path"]
    checklist = await call(client, "make_checklist", {"markdown_path": md})
    names = {i["id"]: i["name"] for i in checklist["items"] if i["kind"] == "equation"}
    # the key names what the prose does not; a key of numbers names nothing; the prose's name wins
    assert names == {"EQ-1": "importance weight", "EQ-2": "var interp", "EQ-3": None, "EQ-4": "objective"}
    made = await call(client, "init_uv_project", {"path": "proj", "checklist_path": checklist["path"]})
    assert made["equations"] == 4
    equations = (tmp_root / "proj/src/proj/core/equations.py").read_text()
    funcs = [f.name for f in ast.parse(equations).body if isinstance(f, ast.FunctionDef)]
    assert funcs == ["eq_1_importance_weight", "eq_2_var_interp", "eq_3", "eq_4_objective"]


def test_label_name_keeps_only_words_that_name_the_quantity():
    from tools.analysis.equation_names import label_name

    assert label_name("eq:variational_bound") == "variational bound"
    assert label_name("eq:klDivergence") == "kl divergence"
    assert label_name("sec3:eq:loss0") == "loss0"
    for key in ("eq:1", "eq:a", "eqn:main", "eq:A.3", "e2", "eq:x-y"):
        assert label_name(key) is None, key
