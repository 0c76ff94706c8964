"""Scores both extraction routes share (bench/extraction.py, bench/extraction_latex.py): words as the
benchmarks compare them; algorithm captions, theorem-like statements and hyperparameters found vs ground
truth."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tools.ingest.pdf.engine import LIGATURES


def words(text: str) -> list[str]:
    """Lower-case words and numbers, ligatures folded, curly apostrophes straightened."""
    text = text.translate(LIGATURES).lower()
    text = text.replace("’", "'").replace("‘", "'")
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text)


def _norm(text: str) -> str:
    return " ".join(words(text))


def alg_recall(gt: dict, algorithms: list) -> float | None:
    want = gt.get("algorithms", [])
    if not want:
        return None
    caps = [_norm(a.caption) for a in algorithms]
    hit = 0
    for a in want:
        key = " ".join(words(a.get("caption", ""))[:4])
        hit += any(key and key in c for c in caps)
    return hit / len(want)


def latex_plain(text: str) -> str:
    """Written LaTeX reduced the way the corpus ground truth reduces its source (groundtruth.py `plain`):
    control words, braces, `$` and `~` dropped. For the LaTeX route, whose text keeps its maths as LaTeX."""
    text = re.sub(r"\\(?:label|cite[tp]?|ref|eqref|cref|Cref)\*?\{[^}]*\}", "", text)
    return re.sub(r"\\[a-zA-Z]+\*?|[{}$~\\]", " ", text)


# a statement that opens with an environment: groundtruth.py's `plain` leaves its name (and a list's [(i)])
_GT_OPENING_ENV = re.compile(
    r"^\s*(?:itemize|enumerate|description|equation|align|gather|multline|eqnarray|flalign)\*?\s*(?:\[[^]]*\])?\s*"
)
_WINDOW = 3  # found words searched per ground-truth word, from the statement's start


def _opening_words(first_words: str) -> list[str]:
    """A ground-truth statement's first 4 words, without its [title] and an opening environment's name."""
    text = re.sub(r"^\s*\[[^]]*\]", "", first_words)
    return words(_GT_OPENING_ENV.sub("", text))[:4]


def _opens_with(found: list[str], first: list[str]) -> bool:
    """first as a run of found's words, or in order among found's first words (the ground truth drops
    references, citations and macros it does not know, so a statement's own words can sit between)."""
    if " ".join(first) in " ".join(found):
        return True
    rest = iter(found[: _WINDOW * len(first)])
    return all(w in rest for w in first)


def thm_recall(gt: dict, theorems: list, as_written=lambda text: text) -> float | None:
    """Share of ground-truth statements found: same kind, and the first 4 words of the statement at the
    start of a found one's text (`as_written` maps that text first)."""
    want = gt.get("theorems", [])
    if not want:
        return None
    found = [(f.kind, words(as_written(f.text))) for f in theorems]
    hit = 0
    for t in want:
        name = (t.get("name") or t.get("env") or "").lower()
        first = _opening_words(t.get("first_words", ""))
        hit += any(kind == name and (not first or _opens_with(text, first)) for kind, text in found)
    return hit / len(want)


def hp_scores(paper: Path, found: list) -> dict:
    from tools.analysis.hyperparams import names_match, values_match

    path = paper / "hyperparameters.json"
    if not path.exists():
        return {"hp_recall": None, "hp_precision": None, "_hp": (0, 0, 0, 0)}
    items = json.loads(path.read_text())["items"]

    def match(f, it) -> bool:
        return values_match(f.value_normalized, it["value_normalized"]) and (
            names_match(f.key, it["name"]) or names_match(f.name, it["name"])
        )

    recalled = sum(any(match(f, it) for f in found) for it in items)
    precise = sum(any(match(f, it) for it in items) for f in found)
    return {
        "hp_recall": recalled / len(items) if items else None,
        "hp_precision": precise / len(found) if found else None,
        "_hp": (recalled, len(items), precise, len(found)),
    }
