"""Traceability benchmark: check_coverage speed on a synthetic project, and the share of a corpus's numbered
equations that get a working equation oracle.

    uv run python bench/coverage.py [--json] [--corpus DIR] [--runs 5] [--files 50] [--items 200]

Figures:
  check_s: median seconds of check_coverage(update=True) on a project of --files Python/YAML files (code with
      `Implements:` docstrings and `# paper:` comments, tests with @pytest.mark.paper, a config with HP IDs)
      and a checklist of --items items (target < 1 s). First run (writes the status cells) reported apart.
  parse_s, check_over_parse: the anchor measured in the same run: reading and ast-parsing the same files once;
      check_coverage's time as a multiple of it.
  oracle_share: numbered equations (LaTeX route on each paper's source/) for which oracle_spec builds a
      working oracle, over the groundtruth's n_numbered_equations; per paper, and why others were refused.
  oracle_s: seconds to build all of them (sympy import and parser warm-up included in oracle_first_s).
"""

from __future__ import annotations

import argparse
import ast
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT / "tests" / "fixtures" / "corpus"


def _checklist_rows(eqs: list[str], algs: list[str], hps: list[str]) -> list[str]:
    """IMPLEMENTATION_CHECKLIST.md lines: one table each for algorithms, equations and hyperparameters."""
    rows = [
        "# Implementation checklist: synthetic",
        "",
        "## Core Algorithms",
        "",
        "| ID | caption | steps | where in the paper | detail | status | notes |",
        "|---|---|---|---|---|---|---|",
    ]
    rows += [f"| **{a}** | step {a} | 3 steps | 2 Method | SPECIFIED | [ ] TODO |  |" for a in algs]
    rows += [
        "",
        "## Key Equations",
        "",
        "| ID | equation | where in the paper | detail | status | notes |",
        "|---|---|---|---|---|---|",
    ]
    rows += [f"| **{e}** | `y_{{{e[3:]}}} = a x + b` | p. 3 | SPECIFIED | [ ] TODO |  |" for e in eqs]
    rows += [
        "",
        "## Hyperparameters",
        "",
        "| ID | parameter | value | where in the paper | detail | status | notes |",
        "|---|---|---|---|---|---|---|",
    ]
    rows += [f"| **{h}** | param {h[9:]} | {h[9:]}e-3 | table 1 | SPECIFIED | [ ] TODO |  |" for h in hps]
    return rows


def _write_sources(project: Path, n_files: int, ids: list[str], hps: list[str]) -> None:
    """Code modules citing `ids` (Implements: docstrings, # paper: comments), tests marked with them, and a
    config whose comments name the HP IDs."""
    n_code = max(1, int(n_files * 0.7))
    n_tests = max(1, n_files - n_code - 1)
    for f in range(n_code):
        body = ['"""Synthetic module."""', ""]
        for k, item in enumerate(ids[f::n_code]):
            body += [
                "",
                f"def fn_{k}(x):",
                f'    """Computes {item}.',
                "",
                f"    Implements: {item}",
                '    """',
                "    y = x + 1  # paper: " + item + " step 2",
                "    return y * 2",
                "",
            ]
        (project / "src" / "pkg" / f"mod_{f}.py").write_text("\n".join(body) + "\n")
    for f in range(n_tests):
        body = ["import pytest", ""]
        for k, item in enumerate(ids[f::n_tests]):
            body += ["", f'@pytest.mark.paper("{item}")', f"def test_{k}():", "    assert True", ""]
        (project / "tests" / f"test_{f}.py").write_text("\n".join(body) + "\n")
    config = ["train:"] + [f"  p{i}: {i}e-3  # {h}" for i, h in enumerate(hps, start=1)]
    (project / "configs" / "small.yaml").write_text("\n".join(config) + "\n")


def synthetic_project(root: Path, n_files: int, n_items: int) -> Path:
    """A project with n_files files and a checklist of n_items items (70% EQ, 10% ALG, 20% HP)."""
    n_hp = n_items // 5
    n_alg = n_items // 10
    n_eq = n_items - n_hp - n_alg
    eqs = [f"EQ-{i}" for i in range(1, n_eq + 1)]
    algs = [f"ALG-{i}" for i in range(1, n_alg + 1)]
    hps = [f"HP-param-{i}" for i in range(1, n_hp + 1)]
    project = root / "synthetic"
    (project / "src" / "pkg").mkdir(parents=True)
    (project / "tests").mkdir()
    (project / "configs").mkdir()
    (project / "IMPLEMENTATION_CHECKLIST.md").write_text("\n".join(_checklist_rows(eqs, algs, hps)) + "\n")
    _write_sources(project, n_files, eqs + algs, hps)
    return project


def bench_check(n_files: int, n_items: int, runs: int) -> dict:
    from tools import workspace
    from tools.trace.coverage import check_coverage

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        workspace.set_roots([root])
        project = synthetic_project(root, n_files, n_items)
        files = [p for p in project.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml")]
        t0 = time.perf_counter()
        first = check_coverage(str(project))
        first_s = time.perf_counter() - t0
        times, parse_times = [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            result = check_coverage(str(project))
            times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            for p in files:
                if p.suffix == ".py":
                    ast.parse(p.read_text())
                else:
                    p.read_text()
            parse_times.append(time.perf_counter() - t0)
    check_s, parse_s = statistics.median(times), statistics.median(parse_times)
    return {
        "files": len(files),
        "items": len(result.items) + result.items_left_out,
        "problems": len(result.problems),
        "first_run_s": round(first_s, 4),
        "first_run_updated": first.updated,
        "check_s": round(check_s, 4),
        "parse_s": round(parse_s, 4),
        "check_over_parse": round(check_s / parse_s, 2) if parse_s else None,
        "target_s": 1.0,
        "meets_target": check_s < 1.0,
    }


def _proved_both_ways(spec: dict) -> bool:
    """The oracle accepts its own values on fresh seeds and rejects every sign flip and dropped term on at
    least one of them, as the generated test (parametrised over its seeds) does: a wrong branch of a piecewise
    line may only show on inputs that reach it (checked again here, apart from oracle_spec's own check)."""
    import numpy as np

    from tools.trace.oracles import load_runtime, wrong_answers

    runtime = load_runtime()
    caught: dict[tuple[int, int], bool] = {}
    for seed in [7 + k for k in runtime.seeds(spec)]:
        inputs = runtime.random_inputs(spec, seed=seed, backend="numpy")
        expected = runtime.evaluate(spec, inputs, backend="numpy")
        runtime.assert_matches(spec, expected, expected, backend="numpy")
        for k, expr in enumerate(runtime.expressions(spec).values()):
            for w, (_, wrong) in enumerate(wrong_answers(expr)):
                value = runtime.value_of(spec, wrong, inputs, "numpy")
                value = np.broadcast_to(value, np.shape(expected[k]))  # as an implementation would return it
                actual = tuple(value if j == k else e for j, e in enumerate(expected))
                try:
                    runtime.assert_matches(spec, actual, expected, backend="numpy")
                    caught.setdefault((k, w), False)
                except AssertionError:
                    caught[(k, w)] = True
    return all(caught.values())


def _paper_equations(
    folder: Path, truth: dict
) -> tuple[list[str], list[bool], dict[str, str], set[str], str]:
    """A paper's numbered equations (LaTeX route on source/, else the groundtruth's possibly shortened
    LaTeX; a continuation row `& = ...` with the rows it goes on from, as init_uv_project gives it), whether
    each is inside a proof, the paper's inline functions and undefined ones, and the route."""
    from tools.analysis.equations import find_all
    from tools.ingest.latex.document import convert_source
    from tools.trace.oracles import paper_callables, paper_functions, statements

    if not (folder / "source").is_dir():
        bodies = [e["tex"] for e in truth.get("equations", []) if e.get("tex")]
        return bodies, [False] * len(bodies), {}, set(), "groundtruth"
    markdown = convert_source(folder / "source").markdown
    found = find_all(markdown, {"numbered", "display"})
    stated = statements(sorted(found["numbered"] + found["display"], key=lambda e: e.line))
    numbered = [e for e in found["numbered"] if e.latex]
    return (
        [stated[e.line] for e in numbered],
        [e.in_proof for e in numbered],
        paper_functions(markdown),
        paper_callables(markdown),
        "latex",
    )


def bench_oracles(corpus: Path) -> dict:
    from tools.trace.oracles import oracle_spec

    papers, reasons = {}, Counter()
    total = found_total = working = no_equal = scoped = scoped_working = scoped_no_equal = proved = 0
    first_s = None
    t_all = time.perf_counter()
    for folder in sorted(p for p in corpus.iterdir() if (p / "groundtruth.json").is_file()):
        truth = json.loads((folder / "groundtruth.json").read_text())
        n = int(truth.get("n_numbered_equations", len(truth.get("equations", []))))
        bodies, in_proof, functions, callables, route = _paper_equations(folder, truth)
        ok = []
        for i, body in enumerate(bodies):
            t0 = time.perf_counter()
            result = oracle_spec(body, functions, callables)
            if first_s is None and result.spec is not None:  # the first that reached sympy
                first_s = time.perf_counter() - t0
            lacks_equal = (result.reason or "").startswith("no `=`")
            scoped += not in_proof[i]
            if result.ok:
                ok.append(i)
                scoped_working += not in_proof[i]
                proved += _proved_both_ways(result.spec)
            else:
                reasons[(result.reason or "").split(":")[0][:70]] += 1
                no_equal += lacks_equal
                scoped_no_equal += lacks_equal and not in_proof[i]
        papers[folder.name] = {
            "numbered": n,
            "found": len(bodies),
            "oracles": len(ok),
            "in_proofs": sum(in_proof),
            "route": route,
            "share": round(len(ok) / n, 3) if n else None,
        }
        total += n
        found_total += len(bodies)
        working += len(ok)
    return {
        "oracle_share": round(working / total, 3) if total else None,
        "oracle_counts": f"{working}/{total}",
        "without_equals": no_equal,
        "oracle_share_of_equalities": (  # over the equations read (the route may number more than print)
            round(working / (found_total - no_equal), 3) if found_total > no_equal else None
        ),
        "proved_both_ways": proved,
        "in_scope": scoped,
        "in_scope_share": round(scoped_working / scoped, 3) if scoped else None,
        "in_scope_counts": f"{scoped_working}/{scoped}",
        "in_scope_share_of_equalities": (
            round(scoped_working / (scoped - scoped_no_equal), 3) if scoped > scoped_no_equal else None
        ),
        "oracle_s": round(time.perf_counter() - t_all, 3),
        "oracle_first_s": round(first_s or 0.0, 3),
        "papers": papers,
        "refused_because": dict(reasons.most_common()),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--files", type=int, default=50)
    ap.add_argument("--items", type=int, default=200)
    args = ap.parse_args()
    out = {
        "check_coverage": bench_check(args.files, args.items, args.runs),
        "oracles": bench_oracles(args.corpus),
    }
    if args.json:
        print(json.dumps(out, indent=2))
        return
    c, o = out["check_coverage"], out["oracles"]
    print(
        f"check_coverage: {c['check_s']:.3f} s median over {args.runs} runs ({c['files']} files, "
        f"{c['items']} items; target < 1 s: {'met' if c['meets_target'] else 'MISSED'}); "
        f"first run {c['first_run_s']:.3f} s"
    )
    print(f"  anchor: reading + ast.parse of the same files {c['parse_s']:.3f} s -> {c['check_over_parse']}x")
    print(
        f"equation oracles: {o['oracle_counts']} numbered equations ({o['oracle_share']:.0%}) in "
        f"{o['oracle_s']:.1f} s (first, with sympy import/warm-up: {o['oracle_first_s']:.1f} s)"
    )
    print(
        f"  {o['without_equals']} have no `=` (inequalities, bounds, expressions): share of the others "
        f"{o['oracle_share_of_equalities']}"
    )
    print(
        f"  proved both ways (a right implementation passes; each sign flip and dropped term fails): "
        f"{o['proved_both_ways']}/{o['oracle_counts'].split('/')[0]}"
    )
    print(
        f"  outside proofs (checklist scope not DERIVATION): {o['in_scope_counts']} ({o['in_scope_share']}); "
        f"of those with `=`: {o['in_scope_share_of_equalities']}"
    )
    for name, p in o["papers"].items():
        print(
            f"  {name}: {p['oracles']}/{p['numbered']} ({p['route']} route, {p['found']} found, "
            f"{p['in_proofs']} in proofs)"
        )
    for reason, n in o["refused_because"].items():
        print(f"  refused x{n}: {reason}")


if __name__ == "__main__":
    main()
