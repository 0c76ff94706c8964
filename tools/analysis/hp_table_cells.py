"""What the table readers share: a row's cells, the setting a header or row names, a value cell, and the
kinds of table (settings, dataset statistics) a header or caption marks."""

from __future__ import annotations

import re

from tools.analysis.components import CITATION
from tools.analysis.findings import MarkdownLine
from tools.analysis.hp_assigned import symbol_key
from tools.analysis.hp_normalize import SCALAR, VALUE_RE
from tools.analysis.hp_patterns import MODIFIERS, SYM
from tools.analysis.hp_phrased import phrase_key
from tools.analysis.hp_vocabulary import (
    CHOICES,
    GREEK,
    OPTIMIZERS,
    RESULT_WORDS,
    SYNONYMS,
    WORD_VALUED,
    canonical_key,
    loop_key,
    own_key,
)

SIZE_COLUMN = "a model's size in a table of models compared, not a setting stated for this paper's run"
ROW_VALUE = re.compile(
    rf"{SCALAR}|\b(?:{'|'.join(OPTIMIZERS)}|{'|'.join(c for v in CHOICES.values() for c in v)})\b", re.I
)
# a table of settings: its first header cell, or its caption, says so
SETTINGS_HEAD = re.compile(
    # a word may say which settings: 'Configuration parameter', 'Training setting'
    r"^(?:(?:configuration|training|model|network|algorithm|experiment(?:al)?|optimi[sz]ation|simulation)\s+)?"
    r"(?:hyper-?\s?parameters?|parameters?|settings?|names?|configurations?|config|options?)$",
    re.I,
)
# the heading of a column of methods or models compared ('Method', 'Imputation Method'): its rows are runs,
# their cells what the runs measured
METHOD_HEAD = re.compile(r"^(?:[\w-]+\s+)?(?:methods?|models?|approach(?:es)?|systems?|baselines?)$", re.I)
RULE_ROW = re.compile(r"^\|?\s*:?-{3,}")  # a Markdown table's |---| line
TRAILING_SYMBOL = re.compile(rf"\s+(?:\(\s*{SYM}\s*\)|{SYM})\s*$")


def pipe_table_end(lines: list[MarkdownLine], i: int) -> int | None:
    """The index after the pipe table whose header is line i (its rows run to a blank line or another rule
    row), or None when line i heads no pipe table."""
    if i + 2 >= len(lines) or not lines[i].text.startswith("|") or not RULE_ROW.match(lines[i + 1].text):
        return None
    end = i + 2
    while end < len(lines) and lines[end].text.startswith("|") and not RULE_ROW.match(lines[end].text):
        end += 1
    return end


def row_cells(text: str) -> list[str]:
    if text.startswith("|"):
        return [c.strip() for c in text.strip("|").split("|")]
    return text.split()


def key_of(cell: str, symbols: dict[str, str]) -> str | None:
    cell = cell.strip()
    if cell in symbols:
        return symbols[cell]
    if RESULT_WORDS.search(cell) or "=" in cell:
        return None
    key = canonical_key(cell)
    if key in SYNONYMS:
        return key
    if short := _SHORT_HEADS.get(cell.lower().rstrip(".")):
        return short
    # a heading cut short: 'number iterations', '# epochs', 'No. of filters'
    if (m := _NUMBER_NO_OF.fullmatch(cell)) and not cell.lower().startswith("number of"):
        return key_of(f"number of {m[1]}", symbols)
    group, _, rest = cell.partition(" ")
    # a two-row header run into one cell: 'Network | Hidden Layers' -> 'Network Hidden Layers'; a word before
    # a known setting of two words or more: 'Starter Learning Rate', 'Critic Batch Size'
    if head_qualifier(cell):
        return canonical_key(rest)
    return key_of(rest, symbols) if group.lower() in _GROUP_HEADS and rest else None


def head_qualifier(cell: str) -> str | None:
    """The word a heading puts before a known setting of two words or more ('VAE' in 'VAE Batch Size',
    'Critic' in 'Critic Learning Rate'): part of its values' context; None for any other heading."""
    group, _, rest = cell.strip().partition(" ")
    if len(rest.split()) < 2 or not group.isalpha() or canonical_key(cell) in SYNONYMS:
        return None
    return group if canonical_key(rest) in SYNONYMS else None


# a column heading cut to one word ('Batch' over 500 and 64): only in a table's header, where no noun follows
_SHORT_HEADS = {
    "batch": "batch_size", "bs": "batch_size", "mini-batch": "batch_size", "minibatch": "batch_size",
    "seq. len": "sequence_length", "seq len": "sequence_length", "seq. length": "sequence_length",
    "kernel": "kernel_size", "hidden": "hidden_size",
    # a transformer's settings in GPT-2's symbols: context, embedding width, iterations
    "n_ctx": "sequence_length", "n_embd": "hidden_size", "n_itr": "training_steps",
}
_NUMBER_NO_OF = re.compile(r"(?i)(?:number|num\.?|no\.|#)\s+(?:of\s+)?([a-z][a-z -]+)")
# a part of the model named before a known setting in a row's name
_PART_HEADS = {
    "transformer", "encoder", "decoder", "generator", "discriminator", "actor", "critic", "policy", "teacher",
    "student", "backbone", "predictor", "projector",
}
_GROUP_HEADS = {"training", "network", "architecture", "model", "optimizer", "optimiser", "optimization"}
# a unit in brackets after a row's name
_UNIT_ASIDE = re.compile(
    r"(?:k?g|m|cm|mm|km|s|ms|min|h|Hz|kHz|rad|rad/s|deg|°|%|N|W|V|A|J|m/s|kg·m2|kg m\^?2)"
)
# a name that only says 'the value': 'P value for top-p', 'Threshold for early stopping'
_GENERIC_HEAD = re.compile(r"(?i)(?:[a-zα-ω]\s+)?(?:value|parameter|setting|threshold|coefficient)")
_PREPOSITIONS = ("for", "in", "on", "of", "with", "per", "at", "during")
_ENDPOINTS = {"initial", "final", "start", "end", "min", "max", "minimum", "maximum", "first", "last"}


# a row named 'model: setting' ('SVM(Linear): C', 'Adaboost: No. of estimators')
_TREE_MODEL = re.compile(r"forest|tree|boost|XGB|GBM|GBDT", re.I)
_OWNED = re.compile(r"(?P<model>[A-Z][\w()$^{}\- ]{0,40}?):\s+(?P<param>\S.{0,40})")


def _owned_key(name: str) -> tuple[str, str] | None:
    """A row named 'model: setting' ('SVM(RBF): C', 'Random Forest: depth'): the setting's key, the model as
    its context; a symbol or a spelled Greek letter ('gamma') is the model's own, not a convention's."""
    owner = _OWNED.fullmatch(name)
    if not owner or canonical_key(owner["model"]) in SYNONYMS:  # not 'Learning rate: 0.1 decayed'
        return None
    param = re.sub(r"^No\.\s+of\b", "number of", owner["param"].strip())
    plain = param.strip("$ ").lstrip("\\")
    symbol = re.fullmatch(SYM, plain) or plain.lower() in GREEK.values()
    key, qualifier = (symbol_key(plain), None) if symbol else row_key(param)
    if key == "num_layers" and _TREE_MODEL.search(owner["model"]):
        key = "max_depth"  # 'Random Forest: depth' is each tree's depth
    return key, " ".join(filter(None, (owner["model"], qualifier)))


def row_key(name: str) -> tuple[str, str | None]:
    """A settings-table row's key, and the words that qualify it: a leading Greek letter is spelled ('ϵ decay
    horizon' -> epsilon_decay_horizon); a known name followed by a qualifier ('Dropout rate convolutions')
    keeps the known key, the qualifier as context (not a modifier or an end point: 'Learning rate decay',
    'ϵ final' are settings of their own)."""
    return _owned_key(name) or _plain_row_key(name)


def _aside_key(name: str) -> tuple[str, str | None] | None:
    """The key of a name with words in brackets after it, when the brackets decide it; None otherwise."""
    aside = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)
    if not aside:
        return None
    main, words = aside[1], aside[2]
    if re.fullmatch(SYM, main) and words.lower() in _ENDPOINTS:
        return f"{symbol_key(main)}_{words.lower()}", None  # 'γ (min)': gamma_min, no minutes
    if _UNIT_ASIDE.fullmatch(words.strip()):
        return row_key(main)  # 'Mass (kg)', 'Max. motor speed (rad/s)': the unit names no setting
    if re.fullmatch(SYM, main) and ((named := row_key(words))[0] in SYNONYMS or len(words.split()) >= 2):
        # 'd_h (Hidden Size)', 'p_d (Dropout Rate)': the words aside name the symbol's setting, in their own
        # words when the vocabulary lacks them ('B (Games per Batch)': games_per_batch)
        return named if named[0] in SYNONYMS else (own_key(words), None)
    if len(main.split()) >= 2 and words.lower() not in MODIFIERS | _ENDPOINTS:
        key, qualifier = row_key(main)  # 'Inner batch size (to estimate L)': the words aside qualify
        return key, " ".join(filter(None, (qualifier, words)))
    return None


def _plain_row_key(name: str) -> tuple[str, str | None]:
    name = re.sub(r"^([α-ωΑ-Ωϵϑϕϱς])(?=\s+[A-Za-z])", lambda m: GREEK[m.group(1)], name.strip())
    name = re.sub(r"(?i)^the\s+(?=\w)", "", name)  # 'The number of experiments': the article names nothing
    if aside := _aside_key(name):
        return aside
    if canonical_key(name) == "batch_size":
        return "batch_size", None  # 'number of samples per minibatch': what a batch holds
    if count := re.fullmatch(r"(?i)number\s+of\s+(.+?)(?:\s+((?:in|per|for|at|during|on)\s.+))?", name):
        per = re.fullmatch(r"(?i)per\s+(.+)", count[2] or "")
        if per and (loop := loop_key(count[1], per[1])):
            return loop, None  # 'Number of epochs per update': an inner loop's count
        return phrase_key(f"number of {count[1]}"), count[2]  # 'number of PLTs in ensemble': num_plts
    key = canonical_key(name)
    words = name.split()
    if key in SYNONYMS or len(words) < 2:
        return key, None
    if words[0].lower() in _PART_HEADS and (rest := canonical_key(" ".join(words[1:]))) in SYNONYMS:
        return rest, words[0]  # 'Transformer Hidden Dimension': the part's own hidden size
    # a method's name in capitals ('AUSTEREMH(C)'), or capitals inside before words ('AustereMH(c) minibatch
    # size'; 'MHSubLhd γ' is the method's own symbol)
    capitals = r"[A-Z][A-Z0-9-]+" if len(words) == 2 else r"[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*"
    if re.fullmatch(rf"{capitals}(?:\([A-Za-z0-9]+\))?", words[0]):
        inner, qualifier = row_key(" ".join(words[1:]))  # 'AustereMH(c) minibatch size m': a method's own
        if inner in SYNONYMS:
            return inner, " ".join(filter(None, (words[0], qualifier)))
    if headed := _known_head(words):
        return headed
    if words[0].lower() in OPTIMIZERS and canonical_key(" ".join(words[1:])) in SYNONYMS:
        return canonical_key(" ".join(words[1:])), words[0]  # 'Adam learning rate': the optimizer's own
    if m := re.match(rf"(.+?)\s+((?:{'|'.join(_PREPOSITIONS)})\s.+)$", name):
        known = canonical_key(m[2].split(maxsplit=1)[1])
        if m[2].lower().startswith("for ") and known in SYNONYMS and _GENERIC_HEAD.fullmatch(m[1]):
            return known, None  # 'P value for top-p': the value of the setting it is for
        return canonical_key(m[1]), m[2]  # 'Diversity penalty for Div beam'
    return key, None


def _known_head(words: list[str]) -> tuple[str, str] | None:
    """A known setting opening the row's name, and the words after it ('Dropout rate convolutions'); the
    setting those words name when it takes words ('Hidden Units Activation': the units' activation)."""
    for k in range(len(words) - 1, 0, -1):
        head, rest = canonical_key(" ".join(words[:k])), words[k:]
        # one word is a head only before a preposition: 'Repetition penalty' is no count of repetitions
        first = rest[0].lower()
        if head.startswith("num_") and first.endswith("s"):
            continue  # 'Num expert samples' counts samples, not experts
        if head in SYNONYMS and (own := canonical_key(" ".join(rest))) in WORD_VALUED:
            return own, " ".join(words[:k])
        if head in SYNONYMS and first not in MODIFIERS | _ENDPOINTS and (k >= 2 or first in _PREPOSITIONS):
            return head, " ".join(rest)
    return None


# a caption or heading near a table ('Table 3: Hyperparameters', '### Settings'), not a paragraph of prose
# a caption's first line, not a sentence that speaks of the table ('Table 1 reports the results ...')
CAPTION_LINE = re.compile(
    r"^(?:\*\*)?(?:Table|TABLE|Figure|Fig\.)\s(?![A-Z]?[\dIVX.]+\s+(?:reports?|shows?|lists?|gives?|presents?|"
    r"summari[sz]es|compares?|contains?|displays?|provides?|details?|illustrates?|plots?|depicts?)\b)|^#"
)
_UNSIGNED = re.compile(r"(?<![\w.])[-−–]\s?(?=\.?\d)")  # a sign is part of a cell's number
_CELL_UNIT = re.compile(rf"(?P<value>{SCALAR})\s+(?P<unit>[A-Za-z]{{3,12}})")


_SIZE_CELL = re.compile(r"\d{1,4}\s*[×x]\s*\d{1,4}")
# a matrix built from numbers: 'diag([100, 100])', 'eye(2)'
_MATRIX_CELL = re.compile(r"(?:diag|eye|ones|zeros)\(\s*\[?[-−\d.,\s]+\]?\s*\)")


def setting_value(cell: str) -> tuple[str, str | None] | None:
    """A settings-table cell's value and unit ('0.99', 'Adam', '1M frames'), None for any other cell."""
    cell = re.sub(r"(?<=\d)\.$", "", cell.strip())  # '1.': a whole number printed with its point
    unsigned = _UNSIGNED.sub("", cell)
    if VALUE_RE.fullmatch(unsigned) or _SIZE_CELL.fullmatch(cell) or _MATRIX_CELL.fullmatch(cell):
        return cell, None  # '[1, 1, 1, 1]', '−2.5' (no citation), '3 × 3' (a kernel's size), 'diag([1, 1])'
    cell = CITATION.sub("", cell).strip()  # 'AdaFactor (Shazeer & Stern, 2018)'
    if cell and (VALUE_RE.fullmatch(cell) or ROW_VALUE.fullmatch(cell)):
        return cell, None
    m = _CELL_UNIT.fullmatch(cell)
    return (m.group("value"), m.group("unit")) if m else None


# columns of a table that describes datasets: '| | #labels | #features | #test | #train |'
_COUNTED = r"(?:#|no\.?\s+of|number\s+of|num\.?|count\s+of)"
_DATA_NOUNS = (
    r"(?:train|training|test|testing|valid|validation|dev|instances|samples|examples|docs|documents|classes|"
    r"labels|nodes|edges|graphs|users|items|images|sentences|tokens)"
)
DATA_COLUMN = re.compile(rf"^(?:{_COUNTED}\s*)?{_DATA_NOUNS}(?:\s+(?:set|size|samples|examples))?$", re.I)
# a column that says it counts the data: 'no of samples', 'Number of images', '# examples'
_COUNTED_DATA = re.compile(rf"^{_COUNTED}\s*{_DATA_NOUNS}$", re.I)


def data_table(header: list[str]) -> bool:
    """Two or more columns count the data, or one says it does ('no of samples'): a table of dataset
    statistics, not of settings."""
    heads = [h.strip("* ") for h in header]
    return sum(bool(DATA_COLUMN.match(h)) for h in heads) >= 2 or any(_COUNTED_DATA.match(h) for h in heads)


# a result's cell: a mean with its spread ('0.74 ± 0.21', '(± 5.8)'), a best one in bold with its marks
# '91.7 ± 0.18', or a spread set as a script: '0.414_{0.057}' (the deviation below the mean), '71.2^{±1.3}'
_SPREAD_CELL = re.compile(
    rf"^\(?(?:{SCALAR})?\s*(?:±\s*(?:{SCALAR})|_\{{?\s*±?\s*(?:{SCALAR})\s*\}}?|\^\{{?\s*±\s*(?:{SCALAR})\s*\}}?)\)?%?$"
)
CELL_MARKUP = re.compile(r"\*+|\$|\\boldsymbol\{|\\mathbf\{|\}|†|‡")


def plain_cell(cell: str) -> str:
    """A cell without the marks a table sets a result in (bold, `\\pm`, daggers)."""
    return CELL_MARKUP.sub("", cell.replace("\\pm", "±")).strip()


def spread_cell(cell: str) -> bool:
    """A mean with its spread ('91.7 ± 0.18', in bold or with marks too): a result, never a setting."""
    return bool(_SPREAD_CELL.match(plain_cell(cell)))
