"""Extraction benchmark: our PDF converter vs markitdown's built-in one, and what grep_equations finds, scored
against each paper's LaTeX-derived ground truth (corpus format: tests/fixtures/corpus/README.md).

    uv run python bench/extraction.py [--corpus DIR] [--json] [--route pdf|latex|both] [--runs 3]
                                      [--no-markitdown] [--gate bench/targets.json]

Figures per paper and in total (pooled over papers):
  pages_per_s, markitdown_pages_per_s, speedup: PDF -> Markdown through `MarkItDown.convert` with our
      converter registered vs `MarkItDown().convert` with builtins only; same run, warm imports, median of
      --runs.
  converter_pages_per_s, converter_speedup (under "converter_only" in --json): the same for the two
      DocumentConverters called directly (no file-type detection by magika, ~20-50 ms per document in both).
  eq_label_recall / eq_label_precision: numbered-equation labels found vs groundtruth equation_labels.
  eq_body_attached: a labelled ground-truth equation counts when the body reported with its label holds >= 60%
      of the characters (multiset overlap) of its LaTeX as plain text (pylatexenc latex2text; `_ ^ { } &`,
      spaces, combining accents removed on both sides) and is at most 3x that length + 20.
  eq_body_attached_mapped: the same, pooled over the papers whose fonts all map to Unicode (no page with
      glyphs the PDF gives no Unicode for).
  text_phrase_recall: share of ~120 six-word phrases, taken evenly from the source's body text outside
      maths, found verbatim in the Markdown (lower case, ligatures folded, hyphenation repaired, punctuation
      dropped).
  alg_caption_recall, thm_recall: algorithm captions (first 4 words) and theorem-like statements (kind + first
      words) found; None when the paper has none.
  wrong_flagged / right_flagged: of the labelled equations reported with a body, the share of wrong bodies
      that carry a `check` flag (target >= 0.9), and of right bodies (<= 0.2); right is `body_intact`,
      stricter than attached: the characters shared in order cover >= 90% of the LaTeX's (bench/README.md).
  hp_recall / hp_precision: extracted hyperparameters vs hyperparameters.json (names and values matched
      with tools.analysis.hyperparams.names_match / values_match: synonyms, 3e-4 == 3 × 10^-4 == 0.0003,
      200K == 200000).
  hp_shown_recall / hp_candidates: labels matched by a stated finding or a candidate (what the agent is shown
      to use or confirm), and how many candidates that took.
  hp_read_recall / setting_sentences / setting_sentences_useful: labels shown, or quoted in a setting sentence
      (setup sentences stating values no finding took, which the checklist lists to read); how many such
      sentences, and the share of them that hold a label.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extraction_gate import BadTargets, failures, load_targets  # noqa: E402
from bench.extraction_latex import KEYS as LATEX_KEYS  # noqa: E402
from bench.extraction_latex import print_table, run_latex  # noqa: E402
from bench.scoring import alg_recall, hp_scores, thm_recall, words  # noqa: E402
from tools.ingest.latex.comments import apply as resolve_conditionals  # noqa: E402
from tools.ingest.latex.scan import Unbalanced, read_group  # noqa: E402
from tools.ingest.pdf.engine import LIGATURES  # noqa: E402

DEFAULT_CORPUS = ROOT / "tests" / "fixtures" / "corpus"
N_PHRASES = 120
TOTAL_KEYS = (
    "pages_per_s", "markitdown_pages_per_s", "speedup", "eq_label_recall", "eq_label_precision",
    "eq_body_attached", "eq_body_attached_mapped", "wrong_flagged", "right_flagged", "text_phrase_recall",
    "alg_caption_recall",
    "thm_recall", "hp_recall", "hp_precision", "hp_shown_recall", "hp_candidates", "hp_read_recall",
    "setting_sentences", "setting_sentences_useful",
)
CONVERTER_KEYS = ("converter_pages_per_s", "converter_speedup")  # reported apart from the quality figures


def _groundtruth_module():
    spec = importlib.util.spec_from_file_location("corpus_groundtruth", DEFAULT_CORPUS / "groundtruth.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


# --------------------------------------------------------------------------------------------- timing


def _median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def convert_ours(pdf: Path, runs: int) -> tuple[str, float, dict, bool]:
    """The Markdown, the median seconds, each line's page, box and flags, and whether some page has glyphs
    without a Unicode map."""
    from tools.ingest.pdf.markitdown_plugin import markitdown_with_paper_pdf

    md = markitdown_with_paper_pdf()
    md.convert(str(pdf))  # warm
    out: dict = {}

    def once() -> None:
        out["res"] = md.convert(str(pdf))

    seconds = _median_time(once, runs)
    facts = getattr(out["res"], "facts", None)
    if facts is None:
        raise SystemExit(f"{pdf}: markitdown fell back to another converter (ours failed on it)")
    for page, error in facts.failed_pages.items():  # a layout stage raised: the page was given line by line
        LAYOUT_FAILURES.append(f"{pdf.parent.name} p. {page}: {error}")
    return out["res"].markdown, seconds, facts.boxes, bool(facts.mapless_pages)


LAYOUT_FAILURES: list[str] = []  # pages whose layout stages raised during this run (the gate fails on any)


def _div(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else a / b


def time_converters_alone(pdf: Path, runs: int, markitdown: bool = True) -> tuple[float, float | None]:
    """Seconds of each DocumentConverter.convert on the PDF bytes, without markitdown's file-type detection
    (magika), which costs tens of milliseconds per document whatever its length; markitdown's own converter
    only when `markitdown`."""
    import io

    from markitdown import StreamInfo
    from markitdown.converters import PdfConverter

    from tools.ingest.pdf.markitdown_plugin import PaperPdfConverter

    data, info = pdf.read_bytes(), StreamInfo(extension=".pdf", mimetype="application/pdf")
    ours, theirs = PaperPdfConverter(), PdfConverter()
    mine = _median_time(lambda: ours.convert(io.BytesIO(data), info), runs)
    if not markitdown:
        return mine, None
    return mine, _median_time(lambda: theirs.convert(io.BytesIO(data), info), runs)


def time_markitdown(pdf: Path, runs: int) -> float:
    from markitdown import MarkItDown

    md = MarkItDown()  # builtins only, no plugins: markitdown's own PdfConverter
    md.convert(str(pdf))
    return _median_time(lambda: md.convert(str(pdf)), runs)


# ------------------------------------------------------------------------------------------ equations


def _chars(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    text = "".join(c for c in text if unicodedata.category(c) not in ("Mn", "Sk", "Zs", "Cc"))
    return re.sub(r"[_^{}&\s]", "", text)


def _latex_plain(tex: str) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    # a label cut short in the ground truth ('\\label{eq:g-phi-') goes too
    tex = re.sub(r"\\(?:label|tag|nonumber|notag)\b\*?(?:\{[^}]*(?:\}|$))?", "", tex)
    try:
        return LatexNodes2Text(math_mode="text").latex_to_text(tex)
    except Exception:
        return tex


GT_TEX_CUT = 160  # groundtruth.json cuts each equation's `tex` to this many characters


def _cut_to(got: str, tex: str, limit: int) -> str:
    """The body as long as the length check allows when the ground truth's LaTeX was cut short (the body then
    rightly goes on past it), else the whole body."""
    return got[:limit] if len(tex) >= GT_TEX_CUT else got


def body_attached(body: str, tex: str) -> bool:
    want = _chars(_latex_plain(tex))
    if not want:
        return False
    got = _cut_to(_chars(body), tex, 3 * len(want) + 20)
    overlap = sum((Counter(want) & Counter(got)).values())
    return overlap >= 0.6 * len(want) and len(got) <= 3 * len(want) + 20


# glyphs a PDF prints for what latex2text writes otherwise: minus, \\circ, \\ast, \\|, \\dots, \\cdot, a prime
_SAME_GLYPH = str.maketrans(
    {"−": "-", "◦": "∘", "∗": "*", "∥": "‖", "…": "...", "⋯": "...", "·": "", "⋅": "", "′": "'"}
)


def body_intact(body: str, tex: str) -> bool:
    """A body that reads as its LaTeX does: the characters both share in order (difflib's matching blocks over
    the strings `body_attached` compares, `\\dfrac`/`\\tfrac` read as `\\frac`) cover >= 90% of the LaTeX's,
    and the body is at most twice as long + 20 (the paper's own macros, which latex2text drops, print in the
    body; text read on past the equation does not fit)."""
    want = _chars(_latex_plain(re.sub(r"\\[dt]frac(?![A-Za-z])", r"\\frac", tex))).translate(_SAME_GLYPH)
    got = _cut_to(_chars(body).translate(_SAME_GLYPH), tex, 2 * len(want) + 20)
    if not want or not got:
        return False
    common = sum(b.size for b in SequenceMatcher(None, want, got, autojunk=False).get_matching_blocks())
    return common >= 0.9 * len(want) and len(got) <= 2 * len(want) + 20


# symbols pylatexenc's latex2text leaves out (it prints '' for them)
_TAG_SYMBOLS = {"ddagger": "‡", "ddag": "‡", "dag": "†", "S": "§", "P": "¶", "clubsuit": "♣",
                "spadesuit": "♠", "diamondsuit": "♦", "heartsuit": "♥", "sharp": "♯", "natural": "♮",
                "flat": "♭"}


def _gt_label(label: str) -> str:
    """A \\tag label as printed, through latex2text: '$\\star$' -> '⋆', '$\\ddagger$' -> '‡'."""
    if "\\" not in label and "$" not in label:
        return label
    label = re.sub(r"\\([A-Za-z]+)", lambda m: _TAG_SYMBOLS.get(m.group(1), m.group()), label)
    return _latex_plain(label).strip()


def score_equations(gt: dict, numbered: list) -> dict:
    want = Counter(_gt_label(x) for x in gt.get("equation_labels", []))
    got = Counter(e.label for e in numbered)
    hit = sum((want & got).values())
    bodies: dict[str, list] = {}
    for e in numbered:
        bodies.setdefault(e.label, []).append(e)
    gt_eqs = [e for e in gt.get("equations", []) if e.get("tex", "").strip()]
    attached = 0
    flags = [0, 0, 0, 0]  # wrong bodies flagged, wrong bodies, right bodies flagged, right bodies
    for e in gt_eqs:
        cands = bodies.get(_gt_label(e["label"]), [])
        right = [c for c in cands if body_attached(c.body, e["tex"])]
        attached += bool(right)
        intact = [c for c in cands if body_intact(c.body, e["tex"])]
        if intact:
            flags[2:] = flags[2] + bool(intact[0].check), flags[3] + 1
        elif cands:
            flags[:2] = flags[0] + any(c.check for c in cands), flags[1] + 1
    return {
        "wrong_flagged": flags[0] / flags[1] if flags[1] else None,
        "right_flagged": flags[2] / flags[3] if flags[3] else None,
        "_flag": tuple(flags),
        "eq_label_recall": hit / sum(want.values()) if want else None,
        "eq_label_precision": hit / sum(got.values()) if got else (None if not want else 0.0),
        "eq_body_attached": attached / len(gt_eqs) if gt_eqs else None,
        "_eq": (hit, sum(want.values()), sum(got.values()), attached, len(gt_eqs)),
    }


# -------------------------------------------------------------------------------------------- phrases

_DROP_ENVS = (
    "equation", "align", "alignat", "gather", "multline", "flalign", "eqnarray", "displaymath", "math",
    "figure", "table", "tabular", "algorithm", "algorithmic", "thebibliography", "wrapfigure", "lstlisting",
    "verbatim", "tikzpicture", "minipage",
)


_DISCARDING = re.compile(
    r"\\(?:re)?newcommand\*?\s*\{?\\([A-Za-z]+)\}?\s*\[1\]\s*\{\s*\}|\\def\\([A-Za-z]+)#1\s*\{\s*\}"
)


def _printed(paper: Path, tex: str) -> str:
    """The source without what the PDF never prints: text a `comment`-package switch leaves out
    (\\excludecomment{arxiv} in the paper, {CCSXML} in its class) and the argument of a macro defined
    to discard it (`\\newcommand{\\cut}[1]{}`)."""
    local = "".join(f.read_text(errors="replace") for f in sorted((paper / "source").rglob("*"))
                    if f.suffix in (".cls", ".sty") and f.is_file())
    tex = resolve_conditionals(tex, declared_before=local)
    names = {a or b for a, b in _DISCARDING.findall(tex)}
    if not names:
        return tex
    call = re.compile(r"\\(?:" + "|".join(sorted(names)) + r")(?![A-Za-z])\s*(?=\{)")
    out, pos = [], 0
    for m in call.finditer(tex):
        if m.start() < pos:
            continue
        try:
            _, end = read_group(tex, m.end())
        except Unbalanced:
            continue
        out.append(tex[pos : m.start()])
        pos = end
    return "".join(out) + tex[pos:]


def source_units(paper: Path, gtmod) -> list[list[str]]:
    """Body text outside maths, split into units (paragraphs, footnotes, list items) no phrase may cross."""
    gt = json.loads((paper / "groundtruth.json").read_text())
    main = paper / gt.get("main_tex", "source/main.tex")
    full = _printed(paper, gtmod.inline_inputs(str(main)))
    gtmod.MACROS.clear()
    gtmod.collect_macros(full)  # the paper's own zero-argument macros (\\relu -> ReLU)
    tex = gtmod.expand(gtmod.body_of(full))
    if "\\begin{abstract}" in tex:  # title and author blocks are macro soup: start at the abstract
        tex = tex[tex.index("\\begin{abstract}") :]
    for env in _DROP_ENVS:
        tex = re.sub(rf"\\begin\{{{env}\*?\}}.*?\\end\{{{env}\*?\}}", "\n\n", tex, flags=re.S)
    tex = re.sub(r"\$\$.*?\$\$|\\\[.*?\\\]|\\\(.*?\\\)", " MATH ", tex, flags=re.S)
    tex = re.sub(r"(?<!\\)\$.*?(?<!\\)\$", " MATH ", tex, flags=re.S)
    tex = re.sub(r"\\(?:footnote|caption|thanks|author|title|affiliation|icmlaffiliation)\s*(?:\[[^]]*\])?",
                 "\n\n\\\\UNIT", tex)
    tex = re.sub(r"\\maketitle\b", "\n\n", tex)  # latex2text prints it as 'no title given ...'
    tex = re.sub(r"\\(?:sub)*section\*?|\\paragraph\*?|\\item\b|\\begin\{[^}]*\}|\\end\{[^}]*\}|\\\\",
                 "\n\n", tex)
    tex = re.sub(r"\\hyperref\[[^]]*\]", "", tex)  # \hyperref[alg:x]{GBOP-D} prints its text
    tex = re.sub(r"\\(?:[A-Za-z]*cite[A-Za-z]*|[A-Za-z]*ref|label|url|href)\*?(?:\[[^]]*\])*\{[^}]*\}",
                 " CITE ", tex)  # any \...cite... or \...ref (\shortcite, \citeauthor, \Secref, \autoref)
    from pylatexenc.latex2text import LatexNodes2Text

    conv = LatexNodes2Text(math_mode="remove", strict_latex_spaces=True)
    units = []
    for para in re.split(r"\n\s*\n", tex):
        try:
            plain = conv.latex_to_text(para)
        except Exception:
            continue
        # a unit ends at each placeholder: phrases never span maths, citations or references
        for piece in re.split(r"MATH|CITE|\\UNIT|UNIT", plain):
            w = words(piece)
            if len(w) >= 6:
                units.append(w)
    return units


def pick_phrases(units: list[list[str]], n: int = N_PHRASES) -> list[str]:
    windows = [" ".join(u[i : i + 6]) for u in units for i in range(0, len(u) - 5, 6)]
    if len(windows) <= n:
        return windows
    step = len(windows) / n
    return [windows[int(k * step)] for k in range(n)]


def markdown_words(markdown: str) -> str:
    text = re.sub(r"<!--.*?-->", " ", markdown)
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    return " " + " ".join(words(text)) + " "


def phrase_recall(phrases: list[str], markdown: str) -> float | None:
    if not phrases:
        return None
    hay = markdown_words(markdown)
    return sum(f" {p} " in hay for p in phrases) / len(phrases)


# ---------------------------------------------------------------------------------------------- main


def bench_paper(paper: Path, runs: int, gtmod, markitdown: bool = True) -> dict:
    """One paper's figures; without `markitdown` its own converter is not timed (speedups None)."""
    import pypdfium2 as pdfium

    from tools.analysis.equations import find_all

    pdf = paper / "paper.pdf"
    gt = json.loads((paper / "groundtruth.json").read_text())
    pages = len(pdfium.PdfDocument(str(pdf)))
    markdown, t_ours, boxes, mapless = convert_ours(pdf, runs)
    t_md = time_markitdown(pdf, runs) if markitdown else None
    t_conv, t_md_conv = time_converters_alone(pdf, runs, markitdown)
    wanted = {"numbered", "display", "algorithm", "theorem", "hyperparameter", "setting_sentence"}
    found = find_all(markdown, wanted, boxes)
    row = {"name": paper.name, "pages": pages, "seconds": t_ours, "markitdown_seconds": t_md,
           "pages_per_s": pages / t_ours, "markitdown_pages_per_s": _div(pages, t_md),
           "speedup": _div(t_md, t_ours), "converter_seconds": t_conv,
           "markitdown_converter_seconds": t_md_conv,
           "converter_pages_per_s": pages / t_conv, "converter_speedup": _div(t_md_conv, t_conv),
           "_mapless": mapless}
    row |= score_equations(gt, found["numbered"])
    row["eq_body_attached_mapped"] = None if mapless else row["eq_body_attached"]
    row["text_phrase_recall"] = phrase_recall(pick_phrases(source_units(paper, gtmod)), markdown)
    row["_phr"] = len(pick_phrases(source_units(paper, gtmod)))
    row["alg_caption_recall"] = alg_recall(gt, found["algorithms"])
    row["thm_recall"] = thm_recall(gt, found["theorems"])
    row["_alg"] = len(gt.get("algorithms", []))
    row["_thm"] = len(gt.get("theorems", []))
    row |= hp_scores(paper, found["hyperparameters"], found["setting_sentences"])
    return row


def _pooled(rows: list[dict]) -> dict:
    def ratio(num: float, den: float) -> float | None:
        return num / den if den else None

    pages = sum(r["pages"] for r in rows)
    timed = all(r["markitdown_seconds"] is not None for r in rows)
    t = sum(r["seconds"] for r in rows)
    tm = sum(r["markitdown_seconds"] for r in rows) if timed else None
    eq = [sum(r["_eq"][k] for r in rows) for k in range(5)]
    mapped = [sum(r["_eq"][k] for r in rows if not r["_mapless"]) for k in (3, 4)]
    hp = [sum(r["_hp"][k] for r in rows) for k in range(8)]
    fl = [sum(r["_flag"][k] for r in rows) for k in range(4)]

    def weighted(key: str, weight: str) -> float | None:
        ws = [(r[key], r[weight]) for r in rows if r[key] is not None and r[weight]]
        return ratio(sum(v * w for v, w in ws), sum(w for _, w in ws))

    tc = sum(r["converter_seconds"] for r in rows)
    tmc = sum(r["markitdown_converter_seconds"] for r in rows) if timed else None
    return {
        "pages_per_s": pages / t, "markitdown_pages_per_s": _div(pages, tm), "speedup": _div(tm, t),
        "converter_pages_per_s": pages / tc, "converter_speedup": _div(tmc, tc),
        "eq_label_recall": ratio(eq[0], eq[1]), "eq_label_precision": ratio(eq[0], eq[2]),
        "eq_body_attached": ratio(eq[3], eq[4]), "eq_body_attached_mapped": ratio(*mapped),
        "wrong_flagged": ratio(fl[0], fl[1]), "right_flagged": ratio(fl[2], fl[3]),
        "text_phrase_recall": weighted("text_phrase_recall", "_phr"),
        "alg_caption_recall": weighted("alg_caption_recall", "_alg"),
        "thm_recall": weighted("thm_recall", "_thm"),
        "hp_recall": ratio(hp[0], hp[1]), "hp_precision": ratio(hp[2], hp[3]),
        "hp_shown_recall": ratio(hp[4], hp[1]), "hp_candidates": sum(r["hp_candidates"] for r in rows),
        "hp_read_recall": ratio(hp[5], hp[1]), "setting_sentences": hp[7],
        "setting_sentences_useful": ratio(hp[6], hp[7]),
    }


def run(corpus: Path, runs: int, route: str, markitdown: bool = True) -> dict:
    if route == "latex":  # the LaTeX route: source/ -> Markdown (bench/extraction_latex.py)
        return run_latex(corpus, runs)
    gtmod = _groundtruth_module()
    papers = sorted(
        p for p in corpus.iterdir() if (p / "paper.pdf").is_file() and (p / "groundtruth.json").is_file()
    )
    if not papers:
        raise SystemExit(f"{corpus}: no <name>/paper.pdf + groundtruth.json folders")
    rows = [bench_paper(p, runs, gtmod, markitdown) for p in papers]
    total = _pooled(rows)
    public = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    return {"papers": public, "total": {k: total[k] for k in TOTAL_KEYS},
            "converter_only": {k: total[k] for k in CONVERTER_KEYS}}


def _fmt(v: object) -> str:
    return "n/a" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def print_pdf_table(result: dict) -> None:
    keys = ["pages", *TOTAL_KEYS, *CONVERTER_KEYS]
    total = result["total"] | result["converter_only"]
    print("paper".ljust(10) + "".join(k[:12].rjust(13) for k in keys))
    for r in result["papers"]:
        print(r["name"][:10].ljust(10) + "".join(_fmt(r.get(k)).rjust(13) for k in keys))
    print("TOTAL".ljust(10) + "".rjust(13) + "".join(_fmt(total[k]).rjust(13) for k in keys[1:]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--route", default="pdf", choices=["pdf", "latex", "both"])
    ap.add_argument("--runs", type=int, default=3, help="timed runs per converter and paper (median)")
    ap.add_argument("--no-markitdown", action="store_true",
                    help="do not time markitdown's own PDF converter (speedups n/a; a faster run)")
    ap.add_argument("--gate", type=Path, metavar="TARGETS",
                    help="JSON floors per route and figure: exit 1 naming each total below its floor")
    a = ap.parse_args(argv)
    routes = ["pdf", "latex"] if a.route == "both" else [a.route]
    floors = {}
    if a.gate is not None:
        known = {"pdf": set(TOTAL_KEYS), "latex": set(LATEX_KEYS)}
        try:
            floors = load_targets(a.gate, known)
        except BadTargets as e:
            print(f"gate: {e}", file=sys.stderr)
            return 2
    results = {r: run(a.corpus, a.runs, r, not a.no_markitdown) for r in routes}
    if a.json:
        print(json.dumps(results if len(routes) > 1 else results[routes[0]], indent=1))
    else:
        for route, result in results.items():
            if len(routes) > 1:
                print(f"\n== {route} route")
            (print_table if route == "latex" else print_pdf_table)(result)
    layout = list(dict.fromkeys(LAYOUT_FAILURES))  # a page converted twice (timed runs) is named once
    for line in layout:
        print(f"layout: stages raised on {line}; the page was given line by line", file=sys.stderr)
    if a.gate is None:
        return 0
    failed = failures({r: res["total"] for r, res in results.items()}, floors)
    failed += [f"layout stages raised on {line}" for line in layout]
    for line in failed:
        print(f"gate: FAIL {line}", file=sys.stderr)
    if not failed:
        checked = sum(len(floors.get(r, {})) for r in routes)
        print(f"gate: all {checked} totals at or above their floors in {a.gate}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
