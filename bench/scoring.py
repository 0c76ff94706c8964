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


def alg_recall(gt: dict, algorithms: list, reduce=None) -> float | None:
    """Share of ground-truth captions whose first 4 words are in a found caption (reduce: applied to each
    found caption first, e.g. latex_plain on the LaTeX route); an algorithm the paper gives no caption is
    found by an unnumbered one (each counts once)."""
    want = gt.get("algorithms", [])
    if not want:
        return None
    caps = [_norm(_uncited(reduce(a.caption) if reduce else a.caption)) for a in algorithms]
    unnumbered = sum(getattr(a, "number", None) is None for a in algorithms)  # no \caption: no words
    hit = 0
    for a in want:
        key = " ".join(words(a.get("caption", ""))[:4])
        if not key and unnumbered:
            unnumbered -= 1
            hit += 1
            continue
        hit += any(key and key in c for c in caps)
    return hit / len(want)


def _uncited(text: str) -> str:
    """A caption without its citations: groundtruth.py drops `\\citep{...}`, the paper prints
    "(Hafner et al., 2018)" or "[hafner2018]"."""
    return re.sub(r"\s*(?:\([^()]*\d{4}[a-z]?\)|\[[^\]]*\])", "", text)


def latex_plain(text: str) -> str:
    """Written LaTeX reduced the way the corpus ground truth reduces its source (groundtruth.py `plain`):
    control words, braces, `$` and `~` dropped. For the LaTeX route, whose text keeps its maths as LaTeX."""
    text = re.sub(r"\\(?:label|cite[tp]?|ref|eqref|cref|Cref)\*?\{[^}]*\}", "", text)
    return re.sub(r"\\[a-zA-Z]+\*?|[{}$~\\]", " ", text)


# a statement that opens with an environment: groundtruth.py's `plain` leaves its name (and a list's [(i)])
_GT_OPENING_ENV = re.compile(
    r"^\s*(?:itemize|enumerate|description|equation|align|gather|multline|eqnarray|flalign)\*?\s*(?:\[[^]]*\])?\s*"
)
# a display or list environment opening inside the statement ('The LAX estimator, align g_ ...', 'Under two
# conditions: enumerate a Lipschitz ...'): its name, which the page never prints (dropping a verb 'enumerate'
# costs nothing: the words are matched in order)
_GT_INNER_ENV = re.compile(r"(?<!\S)(?:align|alignat|multline|eqnarray|flalign|enumerate|itemize)\*?(?!\S)")
# a \label key such as 'ass:lip', 'eq:loss', 'sec:intro-2': word characters either side of a colon
_REF_KEY = re.compile(r"(?<!\S)[A-Za-z][\w.-]*:[\w.:-]*\w(?!\S)")
_WINDOW = 3  # found words searched per ground-truth word, from the statement's start


def _opening_words(first_words: str) -> list[str]:
    """A ground-truth statement's first 4 words, without its [title], an opening environment's name and the
    keys of references groundtruth.py's `plain` keeps (`\\autoref{ass:lip}` as 'ass:lip', where the paper
    prints 'Assumption 1')."""
    text = _GT_OPENING_ENV.sub("", _REF_KEY.sub(" ", re.sub(r"^\s*\[[^]]*\]", "", first_words)))
    return words(_GT_INNER_ENV.sub(" ", text))[:4]


# operator names the ground truth drops with their control word (`\argmin_d` -> `d`) and the PDF prints
# joined to their subscript (`argmind`)
_OPERATOR = re.compile(r"^(?:argmin|argmax|min|max|sup|inf|lim|log|exp)(?=[a-z0-9])")


def _joined_opening(found: list[str], first: list[str]) -> bool:
    """first's words written without spaces inside found's first words written without spaces: the ground
    truth splits `d_p`, `w_0`, `B_n` into two words where the PDF prints one (`dp`, `w0`, `Bn`)."""
    head = found[: _WINDOW * len(first)]
    want = "".join(first)
    return want in "".join(head) or want in "".join(_OPERATOR.sub("", w) for w in head)


def _opens_with(found: list[str], first: list[str]) -> bool:
    """first as a run of found's words, or in order among found's first words (the ground truth drops
    references, citations and macros it does not know, so a statement's own words can sit between), or
    the same letters with sub/superscripts joined to their base (`_joined_opening`)."""
    if " ".join(first) in " ".join(found):
        return True
    rest = iter(found[: _WINDOW * len(first)])
    return all(w in rest for w in first) or _joined_opening(found, first) or _joined_in_order(found, first)


def _joined_in_order(found: list[str], first: list[str]) -> bool:
    """first in order among found's first words, where a found word may join several of first's (`f_t`
    as 'f t' against 'ft') and the last may be cut off (the 4 words end inside '-L diam': 'l', 'ldiam')."""
    i = 0
    for w in found[: _WINDOW * len(first)]:
        for j in range(len(first), i, -1):
            joined = "".join(first[i:j])
            if w == joined or j == len(first) and w.startswith(joined):
                i = j
                break
        if i == len(first):
            return True
    return False


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
        name = re.sub(r"^\\protect\s*\\(\w+?)name$", r"\1", name)  # LyX's '\protect\lemmaname': a lemma
        name = _FONT.sub("", name).strip("{} ")  # a name set in a font: '\bf{Theorem}' is a theorem
        first = _opening_words(t.get("first_words", ""))
        hit += any(kind == name and (not first or _opens_with(text, first)) for kind, text in found)
    return hit / len(want)


_FONT = re.compile(r"^\\(?:bf|textbf|bfseries|it|textit|itshape|em|emph|sc|textsc|normalfont)\b\s*\{?\s*")

LABELS = Path(__file__).resolve().parent / "labels"
"""Hand labels kept in the project: labels/<paper>/hyperparameters.json (a corpus folder's own file wins)."""


def hp_labels(paper: Path) -> list[dict] | None:
    """The hand-labelled hyperparameters of a corpus paper, or None when it has none."""
    for path in (paper / "hyperparameters.json", LABELS / paper.name / "hyperparameters.json"):
        if path.is_file():
            return json.loads(path.read_text())["items"]
    return None


_DECAY_AT = re.compile(r"(?:lr|learning_rate)_decay_(?:epochs|steps|iterations)")


def _label_names(name: str, value: object = "", value_normalized: object = None) -> list[str]:
    """A label's name and its last one or two words: 'encoder_layers' is a kind of layers, 'pretrain_epochs' a
    kind of epochs, 'output_activation' a kind of activation; and the symbols its own value assigns
    ('\\lambda=0.025' is λ, 'n_\\text{critic}=100' is n_critic): a finding named by that symbol names it. A
    list of epochs or steps a rate decays at also names its milestones."""
    words = re.split(r"[_\s]+", name.strip())
    out = []
    for parts in dict.fromkeys((tuple(words), tuple(_without_symbol(words)))):
        out += ["_".join(parts)] + ["_".join(parts[-k:]) for k in (2, 1) if len(parts) > k]
    # 'lr_decay_epochs: 60, 90 and 120' names the epochs the rate decays at: its milestones
    if isinstance(value_normalized, list) and _DECAY_AT.fullmatch(name):
        out.append("lr_milestones")
    return [name] + out + _value_symbols(str(value))


_SYMBOL_WORD = re.compile(
    r"[a-z]|alpha|beta|gamma|delta|epsilon|eps|zeta|eta|theta|kappa|lambda|mu|nu|xi|rho|sigma|tau|phi|psi|omega",
    re.I,
)


def _without_symbol(parts: list[str]) -> list[str]:
    """A label's words without the symbol it ends with: 'cycle_loss_weight_gamma' -> cycle loss weight,
    'ctc_weight_lambda_ctc' -> ctc weight, 'training_horizon_H_T' -> training horizon."""
    n = len(parts)
    while n > 1 and _SYMBOL_WORD.fullmatch(parts[n - 1]):
        n -= 1
    greek, sub = parts[-2:] if n > 2 else ("", "")
    if n == len(parts) and len(greek) > 1 and _SYMBOL_WORD.fullmatch(greek) and len(sub) <= 3:
        n -= 2  # a symbol with its subscript: 'lambda_ctc'
    return parts[:n]


_ASSIGNED = re.compile(r"(\\?[A-Za-z]+(?:_\{?(?:\\text\{|\\mathrm\{)?\\?[A-Za-z0-9]+\}?\}?)?)\s*=")


def _value_symbols(value: str) -> list[str]:
    """'\\beta_1=\\beta_2=0.5' -> ['beta_1', 'beta1', 'beta_2', 'beta2'] (the chain that opens the value)."""
    out, rest = [], value
    while m := _ASSIGNED.match(rest.strip()):
        rest, sym = rest.strip()[m.end() :], m[1]
        plain = re.sub(r"\\(?:text|mathrm)\{|[\\{}]", "", sym)
        out += [plain, plain.replace("_", "")] if "_" in plain else [plain]
    return out


_QUOTE_ASSIGN = re.compile(
    r"(?<![\w\\])([^\W\d_](?:_\{?[^\W_]{1,4}\}?)?)(\^\{?2\}?)?\s*=\s*([-−]?\d[\d.]*(?:\s*[×x·]\s*10\^?\{?[-−]?\d+\}?)?)"
)


def _quote_symbols(quote: object, value_normalized: object) -> list[str]:
    """The symbol the label's own quote assigns its value ('We set σ_1^2 = 10, σ_2^2 = 1' for the label of
    value 10: sigma1_squared), spelled as the tool spells a symbol's key; none when the quote gives that
    value to several symbols."""
    from tools.analysis.hp_assigned import symbol_key
    from tools.analysis.hp_normalize import normalize_value
    from tools.analysis.hyperparams import values_match

    found = []
    for m in _QUOTE_ASSIGN.finditer(str(quote or "")):
        if values_match(normalize_value(m[3].replace("−", "-")), value_normalized):
            found.append(symbol_key(m[1]) + ("_squared" if m[2] else ""))
    return found if len(found) == 1 else []


def _finding_names(f) -> list[str]:
    """A finding's key and name, and the symbol its name ends with ('initial penalty ρ_0' -> rho0)."""
    from tools.analysis.hp_assigned import symbol_key

    last = str(f.name).split()[-1] if " " in str(f.name) else ""
    symbol = re.fullmatch(r"[^\W\d_]{1,2}(?:_?\{?\w{1,3}\}?)?", last)
    return [f.key, f.name, *([symbol_key(last)] if symbol else [])]


def _quoted_in(label: dict, sentence: str) -> bool:
    """The label's quote is in the sentence: most (60%) of its words of three letters or more."""
    quote = set(re.findall(r"[a-z]{3,}", str(label.get("quote") or "").lower()))
    return bool(quote) and len(quote & set(re.findall(r"[a-z]{3,}", sentence.lower()))) >= 0.6 * len(quote)


def hp_scores(paper: Path, found: list, sentences: list | None = None) -> dict:
    """Recall and precision of the stated findings against the hand labels; candidates (values the scanner is
    unsure of) neither count as found nor against precision, and are counted apart (`hp_candidates`).
    `hp_shown_recall` counts a label the agent is shown at all: by a stated finding or by a candidate;
    `hp_read_recall` also one whose quote is in a setting sentence (which the checklist sends the agent to
    read), and `setting_sentences_useful` the share of those sentences that hold a label."""
    from tools.analysis.hyperparams import names_match, values_match

    items = hp_labels(paper)
    sentences = sentences or []
    candidates = [f for f in found if getattr(f, "confidence", "stated") == "candidate"]
    found = [f for f in found if getattr(f, "confidence", "stated") != "candidate"]
    if items is None:
        return {"hp_recall": None, "hp_precision": None, "hp_shown_recall": None, "hp_read_recall": None,
                "hp_candidates": len(candidates), "setting_sentences": len(sentences),
                "setting_sentences_useful": None, "_hp": (0,) * 8}

    def match(f, it) -> bool:
        names = _label_names(it["name"], it.get("value", ""), it.get("value_normalized"))
        names += _quote_symbols(it.get("quote"), it.get("value_normalized"))
        return values_match(f.value_normalized, it["value_normalized"]) and any(
            names_match(n, name) for n in _finding_names(f) for name in names
        )

    recalled = sum(any(match(f, it) for f in found) for it in items)
    precise = sum(any(match(f, it) for it in items) for f in found)
    shown = [any(match(f, it) for f in found + candidates) for it in items]
    read = sum(
        seen or any(_quoted_in(it, t.text) for t in sentences) for seen, it in zip(shown, items, strict=True)
    )
    useful = sum(any(_quoted_in(it, t.text) for it in items) for t in sentences)
    return {
        "hp_recall": recalled / len(items) if items else None,
        "hp_precision": precise / len(found) if found else None,
        "hp_shown_recall": sum(shown) / len(items) if items else None,
        "hp_read_recall": read / len(items) if items else None,
        "hp_candidates": len(candidates),
        "setting_sentences": len(sentences),
        "setting_sentences_useful": useful / len(sentences) if sentences else None,
        "_hp": (recalled, len(items), precise, len(found), sum(shown), read, useful, len(sentences)),
    }
