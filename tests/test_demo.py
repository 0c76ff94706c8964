"""`paper-to-code demo`: the analysis phase on the bundled sample paper, in process and through the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from server.demo import DEFAULT_DIR, SAMPLE, demo
from tools.analysis.checklist import parse_checklist

DATA = Path(__file__).resolve().parent.parent / "tools" / "data"
CLI = Path(sys.executable).with_name("paper-to-code")


def test_bundled_paper_has_its_attribution():
    assert (DATA / SAMPLE).read_bytes()[:5] == b"%PDF-"
    attribution = (DATA / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "Duvenaud" in attribution and "MIT" in attribution and "d26dae3a" in attribution


def test_demo_runs_the_analysis_phase(tmp_root):
    r = demo()
    folder = tmp_root / DEFAULT_DIR
    assert Path(r.folder) == folder and (folder / SAMPLE).is_file() and (folder / "ATTRIBUTION.md").is_file()
    assert Path(r.markdown_path).is_relative_to(folder) and Path(r.checklist_path).is_file()
    assert r.pages == 9 and "Molecular Fingerprints" in (r.title or "")
    assert r.counts["numbered"] >= 1 and r.counts["algorithms"] >= 1 and r.counts["hyperparameters"] >= 3
    assert r.equations and r.algorithms and r.hyperparameters
    items = {i.id: i for i in parse_checklist(Path(r.checklist_path).read_text(encoding="utf-8"))}
    assert items["HP-batch-size"].value_normalized == 100 and items["HP-optimizer"].value_normalized == "adam"
    assert "HP-learning-rate" in r.unstated and items["HP-learning-rate"].value == "unstated"
    text = r.summary_text()
    assert r.checklist_path in text and r.markdown_path in text and "Algorithm" in text


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLI), "--root", str(root), *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_demo_cli(tmp_path):
    p = _cli(tmp_path, "demo")
    assert p.returncode == 0, p.stderr
    checklist = tmp_path / DEFAULT_DIR / "analysis" / "IMPLEMENTATION_CHECKLIST.md"
    assert str(checklist) in p.stdout and checklist.is_file()
    again = _cli(tmp_path, "demo", "--json")  # a second run reuses the conversion and merges the checklist
    assert again.returncode == 0 and '"checklist_path"' in again.stdout
    bad = _cli(tmp_path, "demo", "--workdir", "../elsewhere")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "'..'" in bad.stderr
