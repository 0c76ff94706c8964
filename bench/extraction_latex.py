"""`bench/extraction.py --route latex`: each paper's source/ folder through the LaTeX route, then
grep_equations, scored against its groundtruth.json (corpus format: tests/fixtures/corpus/README.md).

    uv run python bench/extraction.py --route latex [--corpus DIR] [--json] [--runs 3]

Figures per paper and in total (pooled over papers):
  seconds: source folder -> Markdown in memory (inputs, macros, numbering, rendering); median of --runs.
  eq_label_recall / eq_label_precision: numbered-equation labels found vs groundtruth equation_labels.
  eq_body_exact: share of labelled ground-truth equations whose body, as grep_equations reports it under that
      label, equals the source LaTeX after whitespace is collapsed. The source side goes through the same
      written form as the converter (the paper's own macros expanded; \\label, \\tag, \\nonumber, \\xspace
      dropped; \\ensuremath unwrapped); ground truth cut at 160 characters is compared as a prefix.
  alg_caption_recall, thm_recall, hp_recall, hp_precision: as on the PDF route (bench/extraction.py);
      thm_number_recall when the ground truth records theorem numbers (tests/fixtures/latex/papers does).
"""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from pathlib import Path

from bench.scoring import alg_recall, hp_scores, latex_plain, thm_recall

KEYS = (
    "seconds",
    "eq_label_recall",
    "eq_label_precision",
    "eq_body_exact",
    "alg_caption_recall",
    "thm_recall",
    "thm_number_recall",
    "hp_recall",
    "hp_precision",
    "hp_shown_recall",
    "hp_candidates",
    "hp_read_recall",
    "setting_sentences",
    "setting_sentences_useful",
)
GT_TEX_LIMIT = 160


def bench_paper(paper: Path, runs: int) -> dict:
    from tools.analysis.equations import find_all
    from tools.ingest.latex.document import body_matches, convert_source

    gt = json.loads((paper / "groundtruth.json").read_text())
    times, conv = [], None
    for _ in range(max(1, runs)):
        t = time.perf_counter()
        conv = convert_source(paper / "source")
        times.append(time.perf_counter() - t)
    assert conv is not None
    wanted = {"numbered", "algorithm", "theorem", "hyperparameter", "setting_sentence"}
    found = find_all(conv.markdown, wanted)
    numbered = found["numbered"]
    want = Counter(gt.get("equation_labels", []))
    got = Counter(e.label for e in numbered)
    hit = sum((want & got).values())
    bodies: dict[str, list[str]] = {}
    for e in numbered:
        bodies.setdefault(e.label, []).append(e.body)
    eqs = gt.get("equations", [])
    exact = sum(
        any(body_matches(b, e["tex"], conv.macros, GT_TEX_LIMIT) for b in bodies.get(e["label"], []))
        for e in eqs
    )
    thms = gt.get("theorems", [])
    numbered_thms = [t for t in thms if "number" in t]
    thm_nums = Counter((t.kind, t.number) for t in found["theorems"])
    thm_hit = sum(((Counter((t["name"].lower(), t["number"]) for t in numbered_thms)) & thm_nums).values())
    return {
        "name": paper.name,
        "seconds": statistics.median(times),
        "eq_label_recall": hit / sum(want.values()) if want else None,
        "eq_label_precision": hit / sum(got.values()) if got else (None if not want else 0.0),
        "eq_body_exact": exact / len(eqs) if eqs else None,
        "alg_caption_recall": alg_recall(gt, found["algorithms"], latex_plain),
        "thm_recall": thm_recall(gt, found["theorems"], latex_plain),
        "thm_number_recall": thm_hit / len(numbered_thms) if numbered_thms else None,
        **hp_scores(paper, found["hyperparameters"], found["setting_sentences"]),
        "_n": (
            hit,
            sum(want.values()),
            sum(got.values()),
            exact,
            len(eqs),
            len(gt.get("algorithms", [])),
            len(thms),
            thm_hit,
            len(numbered_thms),
        ),
    }


def run_latex(corpus: Path, runs: int) -> dict:
    papers = sorted(
        p for p in corpus.iterdir() if (p / "source").is_dir() and (p / "groundtruth.json").is_file()
    )
    if not papers:
        raise SystemExit(f"{corpus}: no <name>/source/ + groundtruth.json folders")
    rows = [bench_paper(p, runs) for p in papers]
    n = [sum(r["_n"][k] for r in rows) for k in range(9)]

    def ratio(a: float, b: float) -> float | None:
        return a / b if b else None

    def weighted(key: str, k: int) -> float | None:
        ws = [(r[key], r["_n"][k]) for r in rows if r[key] is not None and r["_n"][k]]
        return ratio(sum(v * w for v, w in ws), sum(w for _, w in ws))

    total = {
        "seconds": statistics.mean(r["seconds"] for r in rows),
        "eq_label_recall": ratio(n[0], n[1]),
        "eq_label_precision": ratio(n[0], n[2]),
        "eq_body_exact": ratio(n[3], n[4]),
        "alg_caption_recall": weighted("alg_caption_recall", 5),
        "thm_recall": weighted("thm_recall", 6),
        "thm_number_recall": ratio(n[7], n[8]),
        "hp_recall": ratio(sum(r["_hp"][0] for r in rows), sum(r["_hp"][1] for r in rows)),
        "hp_precision": ratio(sum(r["_hp"][2] for r in rows), sum(r["_hp"][3] for r in rows)),
        "hp_shown_recall": ratio(sum(r["_hp"][4] for r in rows), sum(r["_hp"][1] for r in rows)),
        "hp_candidates": sum(r["hp_candidates"] for r in rows),
        "hp_read_recall": ratio(sum(r["_hp"][5] for r in rows), sum(r["_hp"][1] for r in rows)),
        "setting_sentences": sum(r["_hp"][7] for r in rows),
        "setting_sentences_useful": ratio(sum(r["_hp"][6] for r in rows), sum(r["_hp"][7] for r in rows)),
    }
    public = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    return {"route": "latex", "papers": public, "total": total}


def print_table(result: dict) -> None:
    def fmt(v: object) -> str:
        return "n/a" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)

    print("paper".ljust(10) + "".join(k[:14].rjust(15) for k in KEYS))
    for r in result["papers"]:
        print(r["name"][:10].ljust(10) + "".join(fmt(r.get(k)).rjust(15) for k in KEYS))
    print("TOTAL".ljust(10) + "".join(fmt(result["total"][k]).rjust(15) for k in KEYS))
    print("(seconds in TOTAL: mean per paper)")
