"""The extraction quality gate (bench/extraction.py --gate): exits 1 naming each total below its floor, 2 on
targets it cannot apply, 0 when every floor holds; run on the project's own corpus through the LaTeX route."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"


def gate(tmp_path: Path, targets: object, route: str = "latex") -> subprocess.CompletedProcess[str]:
    path = tmp_path / "targets.json"
    path.write_text(json.dumps(targets))
    # --no-markitdown: markitdown's own converter is only timed, never gated (it took ~90% of a pdf run)
    cmd = [sys.executable, str(ROOT / "bench" / "extraction.py"), "--corpus", str(CORPUS), "--route", route,
           "--runs", "1", "--json", "--no-markitdown", "--gate", str(path)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_floors_met_and_missed(tmp_path: Path) -> None:
    met = gate(tmp_path, {"latex": {"eq_label_recall": 0.5, "alg_caption_recall": 0.5}})
    assert met.returncode == 0, met.stderr
    totals = json.loads(met.stdout)["total"]
    assert totals["eq_label_recall"] >= 0.5 and totals["alg_caption_recall"] >= 0.5
    missed = gate(tmp_path, {"latex": {"eq_label_recall": 1.5, "alg_caption_recall": 0.5, "thm_recall": 0.5},
                             "pdf": {"eq_label_recall": 0.99}})
    assert missed.returncode == 1
    fails = [ln for ln in missed.stderr.splitlines() if ln.startswith("gate: FAIL")]
    # the corpus has no theorem-like statement: a floor on it cannot be shown to hold; pdf was not run
    assert fails == [
        f"gate: FAIL latex eq_label_recall: {totals['eq_label_recall']:.3f} is below its floor 1.500",
        "gate: FAIL latex thm_recall: no value (nothing in the corpus measures it), floor 0.500",
    ]


def test_right_flagged_is_a_ceiling(tmp_path: Path) -> None:
    """The share of right bodies carrying a flag must stay under its target: a total above it fails."""
    run = gate(tmp_path, {"pdf": {"right_flagged": 1.0}}, route="pdf")
    assert run.returncode == 0, run.stderr
    value = json.loads(run.stdout)["total"]["right_flagged"]
    low = gate(tmp_path, {"pdf": {"right_flagged": value - 0.01}}, route="pdf")
    assert low.returncode == 1 and f"right_flagged: {value:.3f} is above its ceiling" in low.stderr


def test_targets_it_cannot_apply_are_refused(tmp_path: Path) -> None:
    for targets, says in [
        ({"latex": {"speedup": 10}}, "speed figure"),
        ({"latex": {"eq_label_recal": 0.9}}, "reports no figure 'eq_label_recal'"),
        ({"docx": {}}, "unknown route 'docx'"),
        ({"latex": {"thm_recall": "high"}}, "must be a number"),
        ([0.9], "JSON object"),
    ]:
        out = gate(tmp_path, targets)
        assert out.returncode == 2 and says in out.stderr, (targets, out.stderr)
        assert out.stdout == ""  # refused before any paper is converted


def test_a_page_whose_layout_stages_raise_fails_the_gate(tmp_path: Path, monkeypatch, capsys) -> None:
    """A defect that raises inside a layout stage costs that page its tables and displays without a word in
    the figures (the page falls back to plain lines): the gate names it and fails."""
    import importlib.util

    from tools.ingest.pdf.page_markdown import MarkdownPages

    spec = importlib.util.spec_from_file_location("bench_extraction_gate", ROOT / "bench" / "extraction.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    real = MarkdownPages.add_page

    def broken(self, no, *args, **kwargs):
        if no == 2:
            raise ValueError("a stage's defect")
        return real(self, no, *args, **kwargs)

    monkeypatch.setattr(MarkdownPages, "add_page", broken)
    targets = tmp_path / "targets.json"
    targets.write_text(json.dumps({"pdf": {"eq_label_recall": 0.0}}))
    argv = ["--corpus", str(CORPUS), "--route", "pdf", "--runs", "1", "--json", "--no-markitdown"]
    assert bench.main([*argv, "--gate", str(targets)]) == 1
    err = capsys.readouterr().err
    assert "gate: FAIL layout stages raised on" in err and "p. 2: ValueError: a stage's defect" in err
