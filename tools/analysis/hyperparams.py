"""Hyperparameters stated in a paper's Markdown: prose ("a batch size of 128", "200K training iterations"),
hyperparameter tables (one setting per row, or settings as columns of an ablation table) and algorithm inputs
("Require: learning rate α ..." and later "α = 0.001").

Public helpers reused by the benchmark for matching against hand-labelled items:
`canonical_key(name)` maps a written name or a snake_case label to one key (lr, step size -> learning_rate);
`normalize_value(text)` turns `3 × 10^-4`, `3e-4`, `0.0003`, `200K`, `{0.1, 0.2}`, `Adam` into a float, a list
or a lower-case string; `values_match(a, b)` compares two normalised values.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tools.analysis.findings import Hyperparameter
from tools.analysis.findings import MarkdownLine as _Line
from tools.analysis.hp_confidence import doubt
from tools.analysis.hp_greek import conventional_key

# canonical key -> names as papers write them (lower case; plurals and hyphen/space variants are matched too)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "learning_rate": (
        "learning rate",
        "lr",
        "step size",
        "stepsize",
        "base learning rate",
        "initial learning rate",
        "peak learning rate",
        "max learning rate",
    ),
    "batch_size": (
        "batch size",
        "minibatch size",
        "mini batch size",
        "batchsize",
        "global batch size",
        "minibatches of size",
        "batches of size",
        "mini batches of size",
        "mini batches are of size",
        "minibatches are of size",
    ),
    "training_steps": (
        "training steps",
        "training iterations",
        "iterations",
        "iters",
        "steps",
        "gradient steps",
        "updates",
        "training updates",
        "optimization steps",
        "minibatches",
    ),
    "epochs": ("epochs", "training epochs", "num epochs"),
    "weight_decay": (
        "weight decay",
        "l2 penalty",
        "l2 regularization",
        "l2 weight decay",
        "regularization weight",
        "regularization term",
    ),
    "dropout": ("dropout", "dropout rate", "dropout probability", "pdrop", "p drop"),
    "warmup_steps": ("warmup", "warmup steps", "warm up steps", "warmup iterations", "linear warmup"),
    "warmup_epochs": ("warmup epochs", "warm up epochs"),
    "optimizer": ("optimizer", "optimiser"),
    "hidden_size": (
        "hidden size",
        "hidden units",
        "neurons",
        "hidden neurons",
        "hidden dimension",
        "hidden dim",
        "hidden state size",
        "hidden layer size",
        "layer size",
        "units",
        "width",
        "model dimension",
        "d model",
        "dmodel",
    ),
    "ffn_dim": ("feed forward dimension", "ffn dimension", "inner dimension", "dff", "d ff"),
    "num_layers": (
        "layers",
        "number of layers",
        "depth",
        "hidden layers",
        "num hidden layers",
        "stacked layers",
    ),
    "num_heads": ("heads", "attention heads", "number of heads"),
    "embedding_dim": ("embedding dimension", "embedding size", "embedding dim", "embedding dimensionality"),
    "gradient_clipping": (
        "gradient clipping",
        "gradient norm clipping",
        "clip norm",
        "max grad norm",
        "gradient clip",
        "gradient norm",
    ),
    "momentum": ("momentum",),
    "beta1": ("beta1", "β1"),
    "beta2": ("beta2", "β2"),
    "epsilon": ("epsilon", "adam epsilon"),
    "ema_rate": ("ema rate", "ema decay", "ema", "exponential moving average", "ema rates"),
    "diffusion_steps": ("diffusion steps", "timesteps", "noise steps", "diffusion timesteps"),
    "sampling_steps": ("sampling steps", "denoising steps", "inference steps"),
    "noise_schedule": ("noise schedule", "variance schedule", "beta schedule", "schedule"),
    "lr_schedule": ("learning rate schedule", "lr schedule"),
    "lr_decay": ("learning rate decay", "lr decay", "learning rate decay factor"),
    "sequence_length": ("sequence length", "context length", "max sequence length", "sequence lengths"),
    "kernel_size": (
        "kernel size",
        "filter size",
        "filter width",
        "kernel width",
        "convolution size",
        "kernel of size",
        "filters of size",
    ),
    "num_features": ("features", "feature dimension", "number of features"),
    "input_dim": ("input size", "input dimension", "input dim"),
    "base_channels": ("channels", "base channels", "channel width", "filters"),
    "num_res_blocks": ("residual blocks", "resblocks", "res blocks"),
    "num_parameters": ("parameters", "params", "number of parameters"),
    "num_runs": ("runs", "random seeds", "seeds", "repetitions"),
    "objective": ("objective", "loss", "training objective", "loss function"),
    "activation": (
        "activation",
        "activation function",
        "nonlinearity",
        "activations",
        "activation functions",
    ),
    "normalization": ("normalization", "normalisation"),
    "label_smoothing": ("label smoothing",),
    "temperature": ("temperature",),
    "discount_factor": ("discount factor", "discount", "gamma"),
    "num_experts": ("experts",),
    "latent_dim": ("latent dimension", "latent size", "latent dim", "code size"),
    "state_dim": ("state dimension", "state space dimension", "state size", "state dim"),
    "exploration": ("exploration", "exploration parameter", "exploration rate", "exploration constant"),
    "width_factor": ("width factor", "widening factor", "width multiplier"),
    "lr_milestones": ("milestones", "lr milestones", "learning rate milestones"),
    "vocab_size": ("vocabulary size", "vocab size"),
    "image_size": ("image size", "resolution", "image resolution"),
    "init_scale": ("initialization scale", "initialisation scale", "init scale", "initialization std"),
}

# keys whose value may come before the name ("200K training iterations", "four attention heads")
COUNT_KEYS = {
    "training_steps",
    "epochs",
    "warmup_steps",
    "hidden_size",
    "num_layers",
    "num_heads",
    "diffusion_steps",
    "sampling_steps",
    "num_features",
    "base_channels",
    "num_res_blocks",
    "num_parameters",
    "num_runs",
    "num_experts",
}
STANDARD_KEYS = (
    "optimizer",
    "learning_rate",
    "batch_size",
    "training_steps",
    "epochs",
    "weight_decay",
    "lr_schedule",
    "warmup_steps",
)
"""Settings every training run needs: make_checklist lists them as unstated when the paper gives no value."""

_OPTIMIZERS = (
    "adamw",
    "adam",
    "sgd",
    "rmsprop",
    "adagrad",
    "adadelta",
    "adafactor",
    "lamb",
    "lars",
    "adamax",
    "nadam",
    "lbfgs",
    "l-bfgs",
)
_CHOICES = {
    "noise_schedule": ("linear", "cosine", "quadratic", "sigmoid", "constant", "exponential"),
    "activation": (
        "relu",
        "tanh",
        "gelu",
        "silu",
        "swish",
        "elu",
        "leaky relu",
        "leakyrelu",
        "rectifier",
        "sigmoid",
        "softplus",
        "mish",
    ),
    "normalization": (
        "batch normalization",
        "layer normalization",
        "group normalization",
        "instance normalization",
        "weight normalization",
        "batchnorm",
        "layernorm",
        "groupnorm",
        "batch norm",
        "layer norm",
    ),
}
_RESULT_WORDS = re.compile(
    r"\b(accuracy|fid|bleu|nll|perplexity|bits|error|score|auc|likelihood|precision|recall|"
    r"rouge|f1|psnr|ssim|(?-i:IS)|top-1|top-5|speedup|throughput|seconds|hours|gpus?|tpus?)\b",
    re.I,
)
_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "sixteen": 16,
    "twenty": 20,
    "thirty": 30,
    "fifty": 50,
}
_SCALE = {"k": 1e3, "m": 1e6, "b": 1e9, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_GREEK_NAMES = (
    "alpha beta gamma delta epsilon epsilon zeta eta theta theta iota kappa lambda mu nu xi omicron pi rho "
    "rho sigma sigma tau upsilon phi phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega"
)
_GREEK = dict(zip("αβγδεϵζηθϑικλμνξοπρϱσςτυφϕχψωΓΔΘΛΞΠΣΦΨΩ", _GREEK_NAMES.split(" "), strict=True))

_WORD_VALUED = {"optimizer", "activation", "normalization", "noise_schedule", "lr_schedule", "objective"}
_COUNT_ONLY = {"num_parameters", "num_features", "num_runs"}  # "120M parameters", never "parameters 120M"

# ------------------------------------------------------------------------------------------ names


def _norm_name(name: str) -> str:
    text = name.lower().replace("_", " ").replace("-", " ")
    text = re.sub(r"[^\w\sβ]", " ", text)
    text = re.sub(r"^(the|a|an)\s+", "", text.strip())
    text = re.sub(r"^(number of|num|n|total)\s+", "", text)
    text = re.sub(r"\b(?:dim|dimensionality)\b", "dimension", text)  # 'state_dim' is 'state dimension'
    return re.sub(r"\s+", " ", text).strip()


def _singular(text: str) -> str:
    return text[:-1] if text.endswith("s") and not text.endswith("ss") else text


_INDEX: dict[str, str] = {}
for _key, _names in SYNONYMS.items():
    for _n in (*_names, _key):
        _INDEX.setdefault(_norm_name(_n), _key)
        _INDEX.setdefault(_singular(_norm_name(_n)), _key)


def canonical_key(name: str) -> str:
    """The canonical snake_case key of a hyperparameter name ('lr', 'Step size', 'minibatch_size' ...)."""
    n = _norm_name(name)
    for cand in (n, _singular(n), re.sub(r"^(max|maximum|initial|base|total)\s+", "", n)):
        if cand in _INDEX:
            return _INDEX[cand]
    head = _head_noun(n)
    if head != n and _singular(head) in _INDEX:
        return _INDEX[_singular(head)]
    return re.sub(r"\s+", "_", n) or "unnamed"


def _head_noun(n: str) -> str:
    """A name without what only qualifies it: 'iterations per game' -> 'iterations', 'mcmc iterations k' ->
    'mcmc iterations' (a symbol after the name), 'temperature parameter' -> 'temperature'."""
    n = re.sub(r"\s+per\s+[a-z]+$", "", n)
    n = re.sub(r"(?<=[a-z]{3})\s+[a-z]$", "", n)
    return re.sub(r"(?<=[a-z]{3})\s+(?:parameter|coefficient)$", "", n)


# ------------------------------------------------------------------------------------------ values

_MINUS = "[-−–]"
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_SCI = (
    rf"(?:(?:{_NUM})\s*[×x·*]\s*)?10\s*(?:\^\s*\{{?\s*{_MINUS}?\s*\d+\s*\}}?|[−´]\s*\d+|\*\*\s*{_MINUS}?\d+)"
    rf"|(?:{_NUM})\s*[×x·*]\s*10\s*{_MINUS}\s*\d+"
    rf"|\d(?:\.\d+)?\s*×\s*10[1-9](?![\d.,]\d|\d)"  # a superscript set on the line: '2×105' is 2 × 10^5
)
_ENOT = rf"(?:{_NUM})[eE]{_MINUS}?\d+"
_SUFFIXED = rf"(?:{_NUM})(?-i:[KMB]|k)(?![a-zA-Z])|(?:{_NUM})\s(?:thousand|million|billion)\b"
_FRACTION = rf"(?:{_NUM})\s*/\s*(?:{_NUM})"
_SCALAR = rf"(?:{_SCI}|{_ENOT}|{_FRACTION}|{_SUFFIXED}|(?:{_NUM})\s?%|{_NUM})"
_WORDNUM = "|".join(_WORD_NUMBERS)
_GRID = rf"\{{\s*(?:{_SCALAR})(?:\s*,\s*(?:{_SCALAR}))+\s*\}}"  # grid {0.1, 0.2}
_RANGE = rf"\[\s*(?:{_SCALAR})(?:\s*,\s*(?:{_SCALAR}))+\s*\]"  # range [1e-5, 1e-3]
_LIST = rf"(?:{_SCALAR})(?:(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)(?:{_SCALAR}))+(?!\d|\.\d)"  # 64, 96, 128, or 192
_ONE = rf"(?:{_SCALAR})(?![\d.,]\d)"
VALUE_RE = re.compile(f"{_GRID}|{_RANGE}|{_LIST}|{_ONE}")


def _scalar(text: str) -> float | None:
    if re.search(r"\d,\s+\d", text):
        return None  # '100, 150' is a list: a thousands separator has no space after it
    # '´': the minus of a maths font without a Unicode map ('10´3' is 10^-3)
    t = text.strip().replace("−", "-").replace("–", "-").replace("´", "-").replace(" ", "")
    if not t:
        return None
    if m := re.fullmatch(r"(\d(?:\.\d+)?)×10([1-9])", t):  # '2×105': the exponent lost its superscript
        return _clean(float(m.group(1)) * 10.0 ** int(m.group(2)))
    m = re.fullmatch(r"(?:([\d.,]+)[×x·*])?10(?:\^\{?(-?\d+)\}?|(-\d+)|\*\*(-?\d+))", t)
    if m:
        base = float(m.group(1).replace(",", "")) if m.group(1) else 1.0
        exp = int(next(g for g in m.groups()[1:] if g is not None))
        return _clean(base * 10.0**exp)
    if "/" in t:
        a, _, b = t.partition("/")
        num, den = _scalar(a), _scalar(b)
        return _clean(num / den) if num is not None and den else None
    if t.endswith("%"):
        v = _scalar(t[:-1])
        return _clean(v / 100) if v is not None else None
    m = re.fullmatch(r"([\d.,]+)(k|m|b|thousand|million|billion)", t.lower())
    if m:
        base = _scalar(m.group(1))
        return _clean(base * _SCALE[m.group(2)]) if base is not None else None
    if "," in t and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        return None  # '1,2,3' is a list, not 123
    t = t.replace(",", "")
    try:
        return _clean(float(t))
    except ValueError:
        return None


def _clean(v: float) -> float:
    if math.isfinite(v) and v == round(v) and abs(v) < 1e15:
        return float(int(round(v)))
    return float(f"{v:.12g}")


def normalize_value(text: str) -> float | str | list[float | str]:
    """A printed value as a number (K/M expanded, 10^-4 forms, percentages as fractions), a list for sets and
    grids ('{0.1, 0.2}', '64, 96, or 128', '0.1 and 0.3'), or the lower-cased string."""
    t = str(text).strip().strip(";:").rstrip(".").strip()
    low = t.lower()
    if low in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[low])
    if re.fullmatch(r"\d{1,3}(?:,\s\d{3})+", t) and re.search(r",\s0", t):
        t = t.replace(" ", "")  # '1, 000, 000': no list has an item '000'
    v = _scalar(t)
    if v is not None:
        return v
    inner = t[1:-1] if t[:1] in "{[(" and t[-1:] in "}])" else t
    parts = [
        p.strip()
        # a comma before three digits and no space is a thousands separator: '1,024, 8,192, and 1,048,576'
        for p in re.split(r"\s*,(?!\d{3}(?!\d))\s*(?:and\s+|or\s+)?|\s+(?:and|or|vs\.?|versus)\s+", inner)
        if p.strip()
    ]
    if len(parts) > 1:
        return [normalize_value(p) for p in parts]  # type: ignore[misc]
    return re.sub(r"\s+", " ", low)


def _flat(v: object) -> str:
    return re.sub(r"[^0-9a-z.]", "", str(v).lower())


def _scalar_eq(a: object, b: object) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-12)
    if isinstance(a, str) and isinstance(b, str):
        return _flat(a) == _flat(b)
    return False


def values_match(a: object, b: object) -> bool:
    """Same value after normalisation: numbers equal, strings equal ignoring case, spaces and `_`; lists equal
    as multisets; a scalar matches a list that holds it (one value of a sweep stated as a list)."""
    a = normalize_value(a) if isinstance(a, str) else a
    b = normalize_value(b) if isinstance(b, str) else b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(any(_scalar_eq(x, y) for y in b) for x in a)
    if isinstance(a, list):
        return any(_scalar_eq(x, b) for x in a)
    if isinstance(b, list):
        return any(_scalar_eq(a, y) for y in b)
    return _scalar_eq(a, b)


def names_match(a: str, b: str) -> bool:
    return canonical_key(a) == canonical_key(b)


# ------------------------------------------------------------------------------------------ document

_PAGE = re.compile(r"^<!--\s*page\s+(\d+)\s*-->\s*$")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_NUM_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*|[A-H](?:\.\d+)*)\.?\s+[A-Z][A-Za-z0-9 ,:&'’()×-]{2,70}$")
_REFERENCES = re.compile(r"^(?:#+\s*)?(?:\d+\.?\s*)?(references|bibliography)\s*$", re.I)
_APPENDIX = re.compile(r"^(?:#+\s*)?(?:appendix\b|[A-H](?:\.\d+)?\.?\s+[A-Z])")
_OTHERS_WORK = re.compile(r"related work|prior work|previous work|background|literature", re.I)
_ALG_INPUT = re.compile(
    r"^\s*(?:\d+:\s*)?(?:require|input|inputs|ensure|parameters|hyperparameters)\s*:", re.I
)




@dataclass
class _Para:
    text: str
    starts: list[tuple[int, _Line]]  # offset of each source line in text

    def line_at(self, offset: int) -> _Line:
        found = self.starts[0][1]
        for start, line in self.starts:
            if start > offset:
                break
            found = line
        return found


def _lines(markdown: str) -> Iterator[_Line]:
    """Body lines with page and section; the references list is skipped (its titles name optimizers)."""
    page: int | None = None
    section: str | None = None
    in_refs = False
    for no, raw in enumerate(markdown.split("\n"), start=1):
        text = raw.strip()
        text = (text[:-1] + "-" if text.endswith("\x02") else text).replace("\x02", "")  # pdfium soft hyphens
        m = _PAGE.match(text)
        if m:
            page = int(m.group(1))
            continue
        if _REFERENCES.match(text):
            in_refs = True
            continue
        heading = _MD_HEADING.match(text)
        if heading or (_NUM_HEADING.match(text) and len(text) < 80 and not text.endswith(".")):
            if in_refs and not _APPENDIX.match(text):
                continue
            in_refs = False
            section = (heading.group(1) if heading else text).strip()
            yield _Line(no, "", page, section)  # a heading ends the paragraph
            continue
        if not in_refs:
            yield _Line(
                no, "" if text.startswith("$$") else _plain(text), page, section
            )  # displays are maths


_TEX_SYMBOLS = {
    **{f"\\{name}": ch for ch, name in _GREEK.items() if name != "epsilon"},
    "\\epsilon": "ϵ",
    "\\varepsilon": "ε",
    "\\times": "×",
    "\\cdot": "·",
    "\\approx": "≈",
    "\\in": "∈",
}
_LOST_EQUALS = re.compile(r"(?<=\w) “ (?=[\d.])")
_TEX_WORD = re.compile(r"\\(?:text|mathrm|mathit|mathbf|textrm|textit|textbf|emph|operatorname)\s*")


def _plain(text: str) -> str:
    """Inline LaTeX maths and Markdown emphasis as the plain text a PDF would show: `$10^{-4}$` -> 10^-4,
    `$\\lambda = 0.001$` -> λ = 0.001, `$L_{\\text{simple}}$` -> L_simple, `**1,024**` -> 1,024."""
    if "$" in text:

        def math(m: re.Match[str]) -> str:
            inner = _TEX_WORD.sub("", m.group(1))
            inner = re.sub(r"\\[A-Za-z]+", lambda c: _TEX_SYMBOLS.get(c.group(0), ""), inner)
            inner = inner.replace("{", "").replace("}", "").replace("\\", "")
            return re.sub(r"\s*=\s*", " = ", inner)  # '$\\gamma=0.95$' prints as 'γ = 0.95'

        text = re.sub(r"(?<!\\)\$([^$]{1,200})\$", math, text)
    # a math font with no Unicode map prints '=' as a lone '“' ('d “ 40'); an opening quote has no space after
    text = _LOST_EQUALS.sub(" = ", text)
    return text.replace("**", "").replace("`", "")


def _paragraphs(lines: list[_Line]) -> Iterator[_Para]:
    buf: list[tuple[int, _Line]] = []
    text = ""
    for line in [*lines, _Line(0, "", None, None)]:
        if not line.text:
            if buf:
                yield _Para(text, buf)
            buf, text = [], ""
            continue
        if text.endswith("-") and line.text[:1].islower():
            text = text[:-1]  # hyphenation left by a plain text dump
        elif text:
            text += " "
        buf.append((len(text), line))
        text += line.text


_SENTENCE_START = re.compile(r"[.!?]\s+(?=[A-Z(])")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z(]|\s*$)")
_SENTENCE_REACH = 1000  # looked at around a match; the quote is cut to 200 characters anyway


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end] (at most 200 characters of it), found within a fixed reach so a
    paragraph of one endless line costs the same per match."""
    lo = max(0, start - _SENTENCE_REACH)
    left = max((m.end() for m in _SENTENCE_START.finditer(text, lo, start)), default=lo)
    hi = min(len(text), end + _SENTENCE_REACH)
    right_m = _SENTENCE_END.search(text, end, hi)
    right = right_m.end() if right_m else hi
    quote = text[left:right].strip()
    if len(quote) > 200:
        s = max(0, start - left - 90)
        quote = quote[s : s + 200].strip()
    return quote


# ------------------------------------------------------------------------------------------ patterns


def _phrase_re(phrases: list[str]) -> str:
    out = []
    for p in sorted(set(phrases), key=len, reverse=True):
        stem, plural = p, "(?:e?s)?"
        if re.search(r"(ch|sh|x)es$", p):
            stem, plural = p[:-2], "(?:es)?"
        elif p.endswith("s") and not p.endswith("ss"):
            stem, plural = p[:-1], "s?"
        out.append(r"[\s_-]+".join(re.escape(w) for w in stem.split()) + plural)
    return "|".join(out)


_ALL_NAMES = [n for names in SYNONYMS.values() for n in names if n not in ("β1", "β2")]
_COUNT_NAMES = [n for k in COUNT_KEYS for n in SYNONYMS[k]]
_NAME = rf"(?<![\w-])(?P<name>{_phrase_re(_ALL_NAMES)})(?![\w])"
_COUNT = rf"(?P<name>{_phrase_re(_COUNT_NAMES)})(?![\w])"
_VALUE = rf"(?<![\w.−-])(?P<value>{VALUE_RE.pattern}|(?:{_WORDNUM})\b)"
_NUMVALUE = rf"(?<![\w.−-])(?P<value>{VALUE_RE.pattern})"
# after a name, a list never runs into the next count: "learning rate 1e-4, and 2×10^5 gradient steps"
_LIST_OF_NAME = (
    rf"{_LIST}(?!\s*[×·*^]|\s*(?:[A-Za-z][\w]*\s+)?(?:{_phrase_re(_COUNT_NAMES)})(?![\w]))"
)
_NAMED_VALUE = rf"(?<![\w.−-])(?P<value>{_GRID}|{_RANGE}|{_LIST_OF_NAME}|{_ONE})"
_NOUN_AFTER = re.compile(rf"[\s-]+(?:[A-Za-z][\w]*\s+)?{_COUNT.replace('(?P<name>', '(?P<noun>')}", re.I)
_UNIT = re.compile(r"\s*(steps|iterations|updates|epochs|tokens|examples|images|samples|sequences)\b", re.I)
_FILLER = r"(?:values?|rates?|probability|ratio|factor|coefficient)"
# a count noun takes its number before it ("4 layers"); "layer 5" is an index, not a setting
_COUNT_NOUN = re.compile(
    r"(layer|step|unit|head|channel|iteration|epoch|block|parameter|feature|run|expert|"
    r"minibatch|update|filter|iter|seed|timestep)(e?s)?$",
    re.I,
)
_NOT_A_COUNT = re.compile(r"^(hot|shot|stage|way|sided|fold|time|times|dimensional|tailed)\b", re.I)
_GAP = r"(?:[^\W\d_][\w-]*\s+){0,6}?"
_SEP = (
    r"(?:of|=|:|is|was|are|were|to|at|as|equal\s+to|set\s+to|fixed\s+to|starts?\s+(?:from|at)|starting\s+(?:from|at)|"
    r"initiali[sz]ed\s+(?:to|at)|"
    # a search grid or range: "selected from {1e-3, 1e-4}", "tuned over [1e-5, 1e-3]", "in the range [0.1, 1]"
    r"(?:selected|chosen|picked|searched|tuned|swept|varied|grid[\s-]searched)\s+(?:from|over|in|among|within)"
    r"(?:\s+the\s+(?:set|range|grid))?|in\s+the\s+(?:set|range|grid)(?:\s+of)?|∈)"
)
_NAME_VALUE = re.compile(
    rf"{_NAME}\s*(?:\((?P<paren>[^()]{{0,40}})\)\s*)?(?:(?P<gap>{_GAP}){_SEP}\s*|=\s*|:\s*|(?P<bare>\s+(?:{_FILLER}\s+)?))(?:up\s+to\s+)?"
    rf"{_NAMED_VALUE}",
    re.I,
)
# "4 residual layers", "five S2AvgUnpool (decoding) layers"
_VALUE_NAME = re.compile(
    rf"{_VALUE}[\s-]+(?P<gap>(?:[A-Za-z][\w]*[\s-]+(?:\([a-z]{{3,20}}\)\s+)?){{0,2}}?){_COUNT}", re.I
)
_SYM = r"(?-i:[α-ωΑ-Ωϵϑϕϱς](?:_?\{?[0-9a-z]{1,2}\}?)?|[b-zA-HJ-Z](?:_\{?[0-9a-z]{1,3}\}?|\d{1,2})?)(?![\w])"
_SYM_ASSIGN = re.compile(
    # a value run into letters ("0.5dt") is part of a formula
    rf"(?<![\w\\])(?P<sym>{_SYM})\s*(?:=|\bequal\s+to\b|\bset\s+to\b)\s*{_NUMVALUE}(?![A-Za-z(])"
)
_OPT_NAMES = (
    r"(AdamW|Adam|ADAM|SGD|RMSProp|RMSprop|Adagrad|AdaGrad|Adadelta|Adafactor|LAMB|LARS|Adamax|NAdam|"
    r"L-BFGS|LBFGS|stochastic gradient descent)"
)
_OPT_NAMES_LIST = ("AdamW", "Adam", "SGD", "RMSProp", "RMSprop", "Adagrad")
_OPTIMIZER = re.compile(
    rf"\b(?:(?i:use|uses|used|using|with|via|by|employ|employed|adopt|adopted|chose|choose)\s+"
    rf"(?:(?i:the|an?)\s+)?{_OPT_NAMES}\b|\b{_OPT_NAMES}\s+(?i:optimi[sz]ers?|algorithm)\b)"
)
_SCHEDULE = re.compile(
    r"\b(linear|cosine|quadratic|sigmoid|exponential)\s+(?:(?P<lr>learning[\s-]rate|lr)\s+"
    r"(?:schedule|decay)|(?:noise\s+|variance\s+|beta\s+)?schedule)\b",
    re.I,
)
_CHOICE_ACT = "|".join(_CHOICES["activation"])
_CITED = r"(?:\([^()]{1,60}\)\s+|\[[^\]]{1,60}\]\s+)"  # '(Xu et al., 2015) ', '[He et al., 2016] '
_ACTIVATION = re.compile(
    rf"\b(?P<value>(?:{_CHOICE_ACT})(?:\s+(?:vs\.?|versus|and|or)\s+(?:{_CHOICE_ACT}))*)\s+{_CITED}?"
    r"(?:activation|nonlinearit|non-linearit)"
    rf"|\b(?:use|uses|used|using)\s+(?P<named>{_CHOICE_ACT})\s+{_CITED}?for\s+(?:our|the|all|each|every)\s+"
    r"(?:[a-z-]+\s+){0,2}(?:activations?|nonlinearit|non-linearit)"
    r"|\b(?:with|uses?|using)\s+(?P<relu>rectified\s+linear\s+units?|rectifiers?)\b",
    re.I,
)
_NORMALIZATION = re.compile(
    rf"\b(?:use[sd]?|using|appl(?:y|ied|ies)|with)\s+(?:(?:\w+\s+|{_CITED})){{0,5}}?"
    r"(?P<value>(?:batch|layer|group|instance|weight)[\s-]?norm(?:ali[sz]ation)?)\b",
    re.I,
)
# evaluation and graph settings written as one token: '10-fold cross-validation', 'an 8-NN graph'
_FOLDS = re.compile(
    rf"\b(?P<value>\d+|{_WORDNUM})[-\s]fold\s+(?:stratified\s+)?cross[-\s]?validation"
    r"|\b(?P<over>\d+)\s+cross[-\s]?validation\s+folds\b",
    re.I,
)
# how often an experiment is repeated: 'repeated for 20 times', 'a deviation computed over 5 trials'
_REPEATS = re.compile(
    rf"\brepeated\s+(?:for\s+)?(?P<value>\d+|{_WORDNUM})\s+times\b"
    rf"|\b(?:averaged?|mean|deviation|interval|computed|errors?)\s+(?:\w+\s+){{0,2}}?over\s+"
    rf"(?P<over>\d+|{_WORDNUM})\s+(?:independent\s+|random\s+|different\s+)?(?:trials|simulations|runs)\b",
    re.I,
)
_KNN = re.compile(r"(?<![\w-])(?P<value>\d+)-NN\s+graphs?\b")
_OBJECTIVE = re.compile(r"\b(?P<value>L_?\{?[a-z]{3,}\}?)\s+(?:objective|loss)\b")
# settings a paper states in a fixed turn of phrase, with no name from the synonym table; (pattern, key, name)
_N = rf"(?P<value>{_NUM})"
_DRAWN_BY = (
    r"\b(?:produced?|generated?|draw|drew|drawn|computed\s+(?:using|with|on|from)|trained\s+(?:with|on|for))\s+"
    r"(?:only\s+)?"
)
_PHRASES = (
    # "the 10,000 most common words": the vocabulary
    (rf"(?<![\w.,])(?:the\s+)?{_N}\s+most\s+(?:common|frequent)\s+(?:words|tokens|terms)\b", "vocab_size",
     "vocabulary size"),
    # "padded to a fixed length of 1024 tokens", "sequences of length k = 30"
    (rf"\blength\s+of\s+{_N}\s+(?:tokens|characters|words|time\s?steps)\b", "sequence_length",
     "sequence length"),
    # (a PDF joins a subscript to its symbol, "k_g" -> "kg", and a footnote mark to a full stop, "60.3 As")
    (rf"\bsequences\s+of\s+length\s+(?:(?:{_SYM}|[a-zA-Z][a-z0-9]{{1,2}})\s*=\s*)?(?P<value>\d+(?:,\d{{3}})*)"
     r"(?!\w|,\d|\.\d(?!\s+[A-Z][a-z]))",
     "sequence_length",
     "sequence length"),
    # "Gaussian noise with (the) standard deviation 0.5"
    (rf"\bnoise\s+(?:with\s+)?(?:a\s+|the\s+)?(?:standard\s+deviation|std)\s+(?:of\s+)?(?:σ\s*=\s*)?"
     rf"(?P<value>{_SCALAR})", "noise_std", "noise standard deviation"),
    # "optimized using 50 trials" (a hyperparameter search)
    (rf"\b(?:optimi[sz]ed|tuned|searched)\s+(?:\w+\s+){{0,4}}?(?:using|with|over|for)\s+{_N}\s+trials\b",
     "search_trials", "search trials"),
    # "we produce 50K samples", "trained with 153.6M examples": samples drawn or seen, not a dataset's size
    (rf"{_DRAWN_BY}(?P<value>{_SCALAR})\s+(?:training\s+|generated\s+)?samples\b", "samples", "samples"),
    (rf"{_DRAWN_BY}(?P<value>{_SCALAR})\s+(?:training\s+)?examples\b", "examples", "examples"),
    # "trained for 50M frames", "for 50M and 100M frames", "evaluated for 100 episodes": a run's length
    (rf"\bfor\s+(?:up\s+to\s+|another\s+)?(?P<value>{_SCALAR}(?:\s*(?:,|and|or)\s*{_SCALAR})*)\s+"
     rf"(?:(?:environment|game|training)\s+)?frames\b", "training_frames", "frames"),
    (rf"\bfor\s+(?:up\s+to\s+|another\s+)?(?P<value>{_SCALAR}(?:\s*(?:,|and|or)\s*{_SCALAR})*)\s+"
     rf"(?:(?:training|evaluation|test)\s+)?episodes\b", "episodes", "episodes"),
    # "a moving average of all model parameters with the rate of 0.999"
    (r"\bmoving\s+average\b[^.;]{0,60}?\b(?:rate|decay)\s+(?:of\s+)?(?P<value>0?\.\d+)\b", "ema_rate",
     "moving average rate"),
    # "20 instances per batch", "K = 5 sequences per minibatch"
    (rf"(?<![\w.,])(?:{_SYM}\s*=\s*)?{_N}\s+(?:[a-z]+\s+)?(?:instances|examples|samples|images|sequences|"
     r"graphs|molecules|episodes|trajectories)\s+(?:per|in\s+(?:a|each))\s+(?:mini-?)?batch\b", "batch_size",
     "batch size"),
    # "importance sampling using 500 samples"
    (rf"\bimportance\s+sampling\s+(?:with|using)\s+{_N}\s+samples\b", "importance_samples",
     "importance samples"),
    # an architecture table's layer: "FC 32 Tanh", "Linear 256 ReLU" (an output layer has no activation)
    (rf"\b(?:FC|Linear|Dense)\s+{_N}\s+(?:ReLU|Tanh|Sigmoid|ELU|LeakyReLU|GELU|SELU|Softplus|Swish)\b",
     "hidden_size", "fully connected layer width"),
    # "we use the size of 224 × 224": the input images
    (rf"\b(?:use|using|with|at)\s+(?:an?\s+|the\s+)?(?:input\s+|image\s+|crop\s+)?(?:size|resolution)\s+of\s+"
     rf"{_N}\s*[×x]\s*\d+\b", "image_size", "image size"),
    # "milestones at [5000, 10000]": the steps where a step schedule decays the learning rate
    (r"\bmilestones\s+(?:at\s+|of\s+|=\s*|:\s*)?(?P<value>\[\s*\d[\d,\s]*\])", "lr_milestones",
     "learning rate milestones"),
)
_PHRASE_RES = tuple((re.compile(rx, re.I), key, name) for rx, key, name in _PHRASES)
# "evaluated at every 500,000 frames", "checkpoints taken every 10 epochs": an interval, named by its purpose
_INTERVAL = re.compile(
    r"\b(?P<what>evaluat\w*|checkpoint\w*|sav(?:e|ed|ing)|logg?(?:ed|ing)?|target\s+(?:network\s+)?updates?)\b"
    rf"[^.;]{{0,80}}?\b(?:at\s+)?every\s+(?P<value>\d{{1,3}}(?:,\s?\d{{3}})+|{_SCALAR})\s+"
    r"(?P<unit>frames|steps|iterations|epochs|updates|episodes)\b",
    re.I,
)
_INTERVAL_OF = {
    "evaluat": "evaluation",
    "checkpo": "checkpoint",
    "sav": "checkpoint",
    "log": "log",
    "target": "target_update",
}
# "we set it to 0.6": the setting named earlier in the sentence
_SET_IT = re.compile(rf"\b(?:set|fix|fixed|chose|choose)\s+(?:it|them)\s+(?:to|at)\s+{_NUMVALUE}", re.I)
# "performs four steps of downsampling": a count of a process's steps
_STEPS_OF = re.compile(
    rf"(?<![\w.,])(?P<value>{_NUM}|(?:{_WORDNUM})\b)\s+(?P<unit>steps|stages|levels|rounds)\s+of\s+"
    r"(?P<what>[a-z]{3,}ing)\b",
    re.I,
)
# a learning-rate decay stated by its factor: "a decaying factor of γ = 0.1", "divided by 10 at epochs 100
# and 150" (the epochs are the schedule's milestones)
_DECAY_FACTOR = re.compile(
    rf"\b(?:decay(?:ing)?|multiplicative|reduction)\s+(?:factor|rate)\s+(?:of\s+)?(?:γ\s*=\s*)?"
    rf"(?P<value>{_SCALAR})(?!\w|\.\d)",
    re.I,
)
_STEP_DECAY = re.compile(
    rf"\b(?:(?P<div>divided)|multiplied|reduced|decreased|decayed|dropped|lowered)\s+by\s+(?:a\s+factor\s+of\s+)?"
    rf"(?P<value>{_SCALAR})\s+(?:at|after)\s+(?:the\s+)?(?P<unit>epochs?|iterations?|steps?)\s+"
    rf"(?P<ms>(?:{_NUM})(?:\s*(?:,\s*(?:and\s+)?|and\s+)(?:{_NUM}))*)",
    re.I,
)
_CONTRAST = re.compile(
    rf"\s*,?\s*(?:while|whereas)\s+(?:for|on)\s+(?P<ctx>[\w-]+)\s+(?:we\s+)?(?:use|used|it\s+is)\s+{_NUMVALUE}"
    r"(?![\w-])",
    re.I,
)
# "the cosine learning rate schedule [cite], starting at 0.1 for CIFAR-10 and 3.2 for ImageNet"
_SCHEDULE_START = re.compile(
    r"\b(?:learning[\s-]rate|lr)\s+(?:[\w-]+\s+){0,2}?schedule(?:\s*(?:\([^()]{1,60}\)|\[[^\]]{1,60}\]))?,?\s+"
    rf"(?:starting|which\s+starts|that\s+starts)\s+(?:at|from)\s+(?P<value>{_SCALAR})(?!\w|\.\d)"
    r"(?:\s+(?:for|on)\s+(?P<ctx>[\w-]+))?"
    rf"(?:,?\s+and\s+(?P<value2>{_SCALAR})\s+(?:for|on)\s+(?P<ctx2>[\w-]+))?",
    re.I,
)
_ABOUT_LR = re.compile(r"learning[\s-]rate|\blr\b|lr_scheduler|scheduler", re.I)
# the size of a model part: "2 linear layers each of size 128", "Filters are of size 5 × 5"
_PART_SIZE = re.compile(
    r"\b(?P<noun>layer|filter|kernel|window|beam|patch)s?\s+(?:are\s+|is\s+)?(?:each\s+)?of\s+"
    rf"(?:size|width)\s+(?P<value>(?:{_NUM})(?:\s*[×x]\s*(?:{_NUM}))?)(?!\w|,\d|\.\d)",
    re.I,
)
_SET_SIZE = re.compile(
    rf"\b(?:set|fix|fixed)\s+(?:the\s+)?(?:[a-z]+\s+)?(?P<noun>[a-z]+)\s+to\s+(?:a\s+)?(?:size|dimension)\s+"
    rf"(?:of\s+)?(?P<value>{_NUM})(?![\w,]|\.\d)",
    re.I,
)
_PART_KEY = {"layer": "hidden_size", "filter": "kernel_size", "kernel": "kernel_size",
             "window": "window_size", "beam": "beam_size", "patch": "patch_size"}
_INIT_NAMES = r"(?:Kaiming|Xavier|Glorot|LeCun|He|(?i:orthogonal))"
_INITIALIZATION = re.compile(
    rf"\binitiali[sz](?:e[sd]?|ing)\s+(?:[\w'’]+\s+){{0,4}}?(?:via|with|using|by)\s+(?:the\s+)?"
    rf"(?P<value>{_INIT_NAMES})\b(?!\s+et\b)"
    rf"|\b(?P<named>{_INIT_NAMES})\s+(?:\(?normal\)?\s+|\(?uniform\)?\s+)?initiali[sz]ation\b"
)
_SEARCH = re.compile(
    r"\b(?:used?|using|with|by|via|performed?|ran)\s+(?:a\s+)?(random search|grid search|"
    r"bayesian optimi[sz]ation)\b",
    re.I,
)
_COMPOUND = re.compile(
    rf"(?<![\w-])(?P<noun>[A-Za-z][a-z-]{{2,20}})\s+(?:had\s+|has\s+|have\s+|with\s+)?(?P<attr>length|size|depth|width|"
    rf"dimension|dimensionality|radius|parameter)s?\s*(?:\((?:up\s+to\s+)?|of\s+|=\s*|:\s*|was\s+|is\s+(?:set\s+to\s+)?)?"
    rf"(?:{_SYM}\s*=\s*)?{_NUMVALUE}"
)
# words before "size", "length" ... that do not name a setting (dataset sizes are not hyperparameters)
_NOT_A_SETTING = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "with",
    "our",
    "their",
    "this",
    "that",
    "its",
    "which",
    "each",
    "any",
    "same",
    "larger",
    "smaller",
    "small",
    "large",
    "full",
    "total",
    "fixed",
    "maximum",
    "minimum",
    "average",
    "mean",
    "effective",
    "dataset",
    "data",
    "set",
    "corpu",
    "file",
    "memory",
    "sample",
    "population",
    "training",
    "test",
    "validation",
    "step",
    "bin",
    "font",
    "page",
    "image",
    "paper",
    "table",
    "figure",
}
# a noun that names the symbol right after it: "a budget n = 5460", "support of K = 25"
# "with a probability of p = 0.25": the sentence names what this symbol is here, whatever it meant elsewhere
_OTHER_NOUN = re.compile(
    r"\b(?:a|an|the|with)\s+(?P<noun>[a-z][a-z-]+(?:\s+(?!of\b)[a-z][a-z-]+)?)\s+(?:of\s+)?$", re.I
)
# "C = 2 · max": the value is a factor of an expression, not the setting
_FACTOR_AFTER = re.compile(r"\s*[·×*⋅]\s*(?!\d)")
_GENERIC_NOUNS = {"value", "values", "setting", "settings", "parameter", "parameters", "hyperparameter",
                  "hyperparameters", "choice", "choices", "default", "defaults", "configuration", "constant"}


def _names_other(noun: str, key: str) -> bool:
    """Does the noun phrase before a symbol name another quantity than key ('a probability of', not 'the
    default values')?"""
    return noun.split()[-1].lower() not in _GENERIC_NOUNS and canonical_key(noun) != key


# "sequences for n equal to ...": the things the symbol is a property of here, whatever it meant elsewhere
_THINGS_FOR = re.compile(r"\b(?P<noun>[a-z]{4,}s)\s+for\s+$")
# an assignment that labels a row of scores: "D=5, T=20 | 265.1 | 261.2" (a results table's condition)
_SCORES_AFTER = re.compile(
    rf"(?:\s*,\s*{_SYM}\s*=\s*(?:{_NUM}))*\s*\|?\s*(?:\*{{0,2}}\d*\.\d+\*{{0,2}}\s*(?:\||(?=\s)|$)\s*){{2,}}"
)
# "the three layers": a count with a definite article refers back to layers described before
_BACK_REFERENCE = re.compile(r"\b(?:the|these|those|both|all)\s+$", re.I)
_GATE = re.compile(r"\bgat(?:e|es|ing)\b", re.I)
_NAMING_NOUN = re.compile(r"(?<![\w-])(?P<noun>budget|support|horizon|planning horizon)\s+(?:of\s+)?$", re.I)
_NAMED_SYM = re.compile(
    rf"(?<![\w-])(?P<noun>budget|support|horizon|planning horizon)\s+(?:of\s+)?"
    # "a budget of K · L": the budget is the product's
    rf"(?P<sym>{_SYM})(?![\w(])(?!\s*[=·×*⋅])",
    re.I,
)
_SETTING_VERB = re.compile(
    r"\b(set|sets|use|used|using|fix|fixed|choose|chose|gives|give|with|where)\s+"
    r"(?:\w+\s+){0,2}$",
    re.I,
)
# a symbol right after a name ("sequence length T", "learning rate (α)") or right before it ("T diffusion
# steps", "α, the learning rate"); tried around each name found, not at every position of the text
_SYM_AFTER = re.compile(rf"\s+(?:\(\s*)?(?P<sym>{_SYM})(?![\w(])(?!\s*=)")
_SYM_BEFORE = re.compile(rf"(?<![\w\\'’])(?P<sym>{_SYM})(?P<sep>\s*[,:]\s*(?:the\s+)?|\s+)$")
# a symbol defined by the name after it: "where γ ∈ (0, 1) is a discount factor", "let τ denote the
# temperature"
_SYM_IS = re.compile(
    rf"(?<![\w\\'’])(?P<sym>{_SYM})(?:\s*∈\s*[(\[][^()\[\]]{{0,20}}[)\]])?\s+(?:is|denotes?|represents?|be)\s+"
    r"(?:the|a|an|our)\s+(?:[\w-]+\s+){0,2}?$"
)
# a symbol defined as a count: "the number of rollouts K", "where K is the number of rollouts"
_WHAT = r"(?P<what>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)"
_COUNT_DEFS = (
    re.compile(rf"\bnumber\s+of\s+{_WHAT}\s+\(?\s*(?P<sym>{_SYM})(?![\w(])(?!\s*=)"),
    re.compile(rf"(?<![\w\\'’])(?P<sym>{_SYM})\s+(?:is|denotes?|represents?|be)\s+the\s+number\s+of\s+{_WHAT}"),
)
# a symbol defined as an attribute of a named thing: "the maximal size B of the support" -> support size
_ATTR_OF = re.compile(
    rf"\b(?P<attr>size|length|depth|width|dimension|radius|number)\s+\(?(?P<sym>{_SYM})\)?\s+of\s+"
    r"(?:the\s+|each\s+|a\s+)?(?P<noun>[a-z][a-z-]{2,}(?:\s+[a-z][a-z-]{2,})?)\b(?!\s*\()"
)
_NOT_WHAT = {"per", "in", "of", "the", "used", "we", "that", "for", "to", "and", "is", "at", "on", "with"}
# a clause that makes an assignment an example: "if M = 100", "e.g. K = 5", "suppose n = 3"
_CONDITIONAL = re.compile(
    r"(?:\b(?:if|when|whenever|suppose|assume|consider|e\.g\.|for\s+example|for\s+instance)\b[^.;]*)$", re.I
)
_EXAMPLE = re.compile(r"\b(?:in\s+(?:our|the|this)\s+example|illustrat\w*|toy)\b", re.I)
_NAME_ANY = re.compile(rf"(?<![\w-])(?:{_phrase_re(_ALL_NAMES)})(?![\w])", re.I)


_TYPED_LAYERS = re.compile(
    rf"(?<![\w.])(?:\d+|{_WORDNUM})\s+(?:[A-Za-z][\w-]*\s+(?:[a-z][\w-]*\s+)?)?layers\b", re.I
)
_GAP_FILLER = {"of", "value", "values", "the", "a", "an", "is", "was", "set", "to", "with", "we", "use"}
# nouns that turn the setting before them into another one: "learning rate scaling", "dropout schedule"
_MODIFIERS = {"scaling", "scale", "multiplier", "decay", "schedule", "warmup", "ratio", "annealing", "factor"}
# "the first 2000 iterations", "the last 100 diffusion steps": a part of a run, not its length
_PART_OF_RUN = re.compile(
    rf"\b(?:first|last|final|initial|remaining)\s+(?:and\s+last\s+)?(?:{_SYM}\s*=\s*)?$"
    rf"|\b(?:up\s+to|until|till|continues?\s+to)\s+{_SYM}\s*=\s*$",  # "gains continue to k = 400"
    re.I,
)
# a range of an index: "from t = 0 up to t = 300", "between times t = 301 and t = 700" (phases of a run)
_INDEX_RANGE = re.compile(
    rf"\b(?:from|between)\s+(?:(?:times?|steps?|iterations?|rounds?)\s+)?(?P<sym>{_SYM})\s*=\s*(?P<a>{_NUM})"
    rf"\s*,?\s*(?:up\s+to|to|till|until|through|and|[-–])\s+(?:(?P=sym)\s*=\s*)?(?P<b>{_NUM})",
    re.I,
)
# a value that opens a range is a loop bound: "for iteration i = 1 to T", "t = 1, ..., N"
_RANGE_START = re.compile(
    r"\s*(?:to\s+(?-i:[A-Za-z])\b|,\s*(?:\.\.\.|…|\\ldots|·\s*·\s*·|\.\s\.\s\.)|,?\s*do\b)", re.I
)


_PRODUCT_BEFORE = re.compile(r"[·×*⋅]\s*$")
# a clause describing data: "instances, each containing T = 10 time steps" (not "..., with K = 5 sweeps"),
# "on test sets where T = 100"
_DESCRIBES_DATA = re.compile(
    r"\bcontain(?:s|ing|ed)?\b(?![^;]*\bwith\b)[^;]*$|\binstances?\s+with\b[^;]*$|"
    r"\b(?:test|evaluation)\s+(?:sets?|data|instances?)\s+(?:where|with)\b[^;]*$"
)
# what a sentence says an assigned symbol is: "K = 5 sweeps", "20 instances per batch", "exploration ε = 0.4",
# "γ = 0.4 for exploration"
_NOUN_AFTER_SYM = re.compile(
    r"\s+(?P<noun>(?:[a-z]+\s+)?[a-z]{3,}s)(?=\s*(?:[,;)]|\.(?!\d)|and\b|$))"
)
# a noun opening a clause: "..., targeting δ = 0.9 and exploration ε = 0.4" (not "by taking α", "of length k")
_NOUN_BEFORE_SYM = re.compile(r"(?:^|[,;(]\s*|\band\s+)(?P<noun>[a-z]{5,})\s+$")
_FOR_NOUN = re.compile(r"\s+for\s+(?P<noun>[a-z]{4,}(?:tion|ing))\b")
_NOT_A_NOUN = re.compile(
    r"^(?:with|where|whereas|while|which|using|their|these|those|there|since|after|before|about|under|until|"
    r"although|though|unless|because|hence|thus|therefore|otherwise|however|"
    r"training|testing|evaluation|validation|inference|comparison|setting|following|remaining)$|ly$|ed$"
)


def _symbol_named_here(text: str, m: re.Match[str], symbols: dict[str, str]) -> tuple[str, bool] | None:
    """The noun the sentence gives an assigned symbol, and whether it may be taken as stated: a plural noun
    right after the value that the paper counts elsewhere ("K = 5 sweeps" and "the number of sweeps"), a noun
    opening the clause ("targeting δ = 0.9") or a purpose after the value ("γ = 0.4 for exploration")."""
    after = _NOUN_AFTER_SYM.match(text, m.end("value"))
    if after and not _UNIT.match(after[0]) and not _RESULT_WORDS.search(after["noun"]):
        words = after["noun"].split()
        plain = words[0] not in _GAP_FILLER and not _NOT_A_NOUN.search(words[0])
        if f"#{_singular(words[-1])}" in symbols:  # "K = 5 tracks the teacher": a verb, never counted
            return (after["noun"] if plain else words[-1]), True
    before = _NOUN_BEFORE_SYM.search(text[max(0, m.start() - 30) : m.start()])
    if before and not _NOT_A_NOUN.search(before["noun"]) and before["noun"] not in _GENERIC_NOUNS:
        return before["noun"], True
    purpose = _FOR_NOUN.match(text, m.end("value"))
    if purpose and not _NOT_A_NOUN.search(purpose["noun"]):
        return purpose["noun"], True
    return None


def _rejected(text: str, start: int, end: int, value: float | str | list) -> bool:
    """Values that are not settings: years of citations, results (3.5 ± 0.2), bounds ('fewer than 50'),
    'one hundred', zero."""
    before, after = text[max(0, start - 12) : start].lower(), text[end : end + 12].lower()
    if _RANGE_START.match(text, end):
        return True
    if (
        value == 0
        or re.match(r"\s*±", after)
        or re.search(r"\b(than|least|most|around|about|roughly|every|each)\s*$", before)
    ):
        return True
    if re.search(
        r"\b(algorithm|table|figure|fig\.|section|sec\.|eq\.|equation|appendix|theorem|lemma|step|line)\s*$",
        text[max(0, start - 14) : start],
        re.I,
    ):
        return True  # "Algorithm 1 Power iteration" names a box, not one iteration
    if re.search(r"±\s*$", before) or re.match(r"\s*(hundred|thousand|million|billion)\b", after):
        return True
    if re.match(r"\s*(or|and)\s+(more|fewer|less|greater|higher|lower)\b", after):
        return True
    if re.match(r"\s*/|\s+(successive|consecutive|adjacent|subsequent)\b", after):
        return True  # "R = 1/ −K": a fraction of symbols; "between two successive layers"
    if isinstance(value, float) and 1950 <= value <= 2039:
        return after[:1] in (")", ";") or before.rstrip()[-1:] in (",", "(")
    return False


def _symbol_map(paras: list[_Para]) -> dict[str, str]:
    """Symbols the paper defines as a numeric setting: 'sequence length T', 'T diffusion steps', 'α, the
    learning rate'. Each reading votes (a two-word name counts more than a bare 'steps'); most votes win."""
    votes: dict[str, dict[str, int]] = {}
    for para in paras:
        text = para.text
        for m in _NAME_ANY.finditer(text):
            key = canonical_key(m.group(0))
            if key in _WORD_VALUED:
                continue
            weight = 3 if re.search(r"[\s_-]", m.group(0).strip()) else 1
            after = _SYM_AFTER.match(text, m.end())
            before = _SYM_BEFORE.search(text[max(0, m.start() - 16) : m.start()])
            if before and key not in COUNT_KEYS and "," not in before.group("sep"):
                before = None  # "T diffusion steps" yes, "T learning rate" no; "α, the learning rate" yes
            if after and key in COUNT_KEYS and _singular(m.group(0).lower()) == m.group(0).lower().strip():
                after = None  # "at iteration n", "layer l": an index, not a count
            defined = _SYM_IS.search(text[max(0, m.start() - 60) : m.start()])
            for found in (after, before, defined):
                if found:
                    votes.setdefault(found.group("sym"), {}).setdefault(key, 0)
                    votes[found.group("sym")][key] += weight
        for before_sym, rx in enumerate(_COUNT_DEFS):
            for m in rx.finditer(text):
                words = m["what"].split()
                stop = next((k for k, w in enumerate(words) if w in _NOT_WHAT), len(words))
                if stop == 0 or (before_sym == 0 and stop < len(words)):
                    continue  # "the number of k-combinations of M": M is not the count
                key = canonical_key("number of " + " ".join(words[:stop]))
                votes.setdefault(m["sym"], {}).setdefault(key, 0)
                votes[m["sym"]][key] += 3
        for m in _NAMED_SYM.finditer(text):  # "a budget n": weighs as much as one definition
            votes.setdefault(m["sym"], {}).setdefault(canonical_key(m["noun"]), 0)
            votes[m["sym"]][canonical_key(m["noun"])] += 3
        for m in _ATTR_OF.finditer(text):
            words = [w for w in m["noun"].split() if w not in _NOT_WHAT]
            attr, noun = m["attr"], _singular(" ".join(words[:1] if m["attr"] != "number" else words))
            key = canonical_key(f"number of {noun}" if attr == "number" else f"{noun} {attr}")
            votes.setdefault(m["sym"], {}).setdefault(key, 0)
            votes[m["sym"]][key] += 3
    counted = {f"#{_singular(m[1].lower())}": "count" for p in paras for m in _NUMBER_OF.finditer(p.text)}
    return {sym: max(keys, key=lambda k: keys[k]) for sym, keys in votes.items()} | counted


_NUMBER_OF = re.compile(r"\bnumbers?\s+of\s+([A-Za-z]{3,})")


# ------------------------------------------------------------------------------------------ extraction

_CELL_VALUE = re.compile(rf"^(?:{_SCALAR}|[A-Za-z][\w-]*)$")
_NUMERIC_CELL = re.compile(rf"^(?:{_SCALAR}|[±-])$")
_ROW_NAME = re.compile(
    rf"^\|?\s*(?P<name>{_phrase_re(_ALL_NAMES)})\s*(?:\([^)]*\))?\s*[:|]?\s*(?P<rest>.+?)\s*\|?$", re.I
)
_ROW_VALUE = re.compile(
    rf"{_SCALAR}|\b(?:{'|'.join(_OPTIMIZERS)}|{'|'.join(c for v in _CHOICES.values() for c in v)})\b", re.I
)
_ROW_SEP = re.compile(r"\s*\|?\s*")


def _only_row_values(text: str) -> bool:
    """True when `text` is a run of row values separated by spaces or `|`.

    A left-to-right scan: the equivalent single regex (values and separators repeated under one `+`)
    backtracks exponentially on long rows that end in a non-value.
    """
    text = text.strip()
    pos = 0
    while pos < len(text):
        m = _ROW_VALUE.match(text, pos)
        if not m or m.end() == pos:
            return False
        pos = _ROW_SEP.match(text, m.end()).end()
    return bool(text)


class _Collector:
    def __init__(self) -> None:
        self.items: list[Hyperparameter] = []
        self._seen: dict[tuple[str, str, str], int] = {}

    def add(  # noqa: PLR0913
        self,
        line: _Line,
        name: str,
        key: str,
        value: str,
        where: str,
        quote: str,
        unit: str | None = None,
        *,
        context: str | None = None,
        flagged: bool = False,
    ) -> None:
        value = re.sub(r"\s+", " ", value.strip().strip(",;"))
        norm = normalize_value(value)
        if key == "optimizer":
            norm = "sgd" if norm == "stochastic gradient descent" else norm
        if key.endswith("activation") and isinstance(norm, str) and norm.startswith("rectifi"):
            norm = "relu"  # "rectifier", "rectified linear units"
        if not value:
            return
        unsure = doubt(quote, key, value, norm, flagged=flagged, prose=where != "table")
        ident = (key, _flat(norm), context or "")
        if ident in self._seen:
            old = self.items[self._seen[ident]]
            if old.confidence == "candidate" and not unsure:  # stated plainly later: keep the plain one
                self.items[self._seen[ident]] = old.model_copy(
                    update={"confidence": "stated", "quote": quote[:200], "line": line.no, "page": line.page}
                )
            return
        self._seen[ident] = len(self.items)
        self.items.append(
            Hyperparameter(
                line=line.no,
                page=line.page,
                section=line.section,
                name=name.strip(),
                key=key,
                value=value,
                value_normalized=norm,
                unit=unit,
                where=where,
                quote=quote[:200],
                confidence="candidate" if unsure else "stated",
                context=context,
            )
        )  # type: ignore[arg-type]


def _cells(text: str) -> list[str]:
    if text.startswith("|"):
        return [c.strip() for c in text.strip("|").split("|")]
    return text.split()


def _is_data_row(text: str) -> bool:
    cells = _cells(text)
    if not 2 <= len(cells) <= 16 or text.rstrip().endswith(".") and not re.search(r"\d\.$", text):
        return False
    numeric = sum(bool(_NUMERIC_CELL.match(c)) for c in cells)
    return (
        numeric >= 1 and numeric * 2 >= len(cells) and all(_CELL_VALUE.match(c) or c in "±-" for c in cells)
    )


_HEADER_NAME = re.compile(rf"(?:{_phrase_re(_ALL_NAMES)})(?![\w])", re.I)
_HEADER_ASSIGN = re.compile(rf"{_SYM}\s*=\s*(?:{_SCALAR})")
_HEADER_WORD = re.compile(r"\([^)]*\)|\S+")


def _header_cells(text: str, symbols: dict[str, str]) -> list[tuple[str, str | None]]:
    """Header cells with the key each names (None for results and other columns)."""
    if text.startswith("|"):
        return [(c, _key_of(c, symbols)) for c in _cells(text)]
    cells: list[tuple[str, str | None]] = []
    pos = 0
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        m = _HEADER_ASSIGN.match(text, pos) or _HEADER_NAME.match(text, pos)
        if m:
            cells.append((m.group(0), _key_of(m.group(0), symbols)))
            pos = m.end()
            continue
        m = _HEADER_WORD.match(text, pos)
        assert m is not None
        if m.group(0).startswith("(") and cells:
            cells[-1] = (cells[-1][0] + " " + m.group(0), cells[-1][1])
        else:
            cells.append((m.group(0), _key_of(m.group(0), symbols)))
        pos = m.end()
    return cells


def _key_of(cell: str, symbols: dict[str, str]) -> str | None:
    cell = cell.strip()
    if cell in symbols:
        return symbols[cell]
    if _RESULT_WORDS.search(cell) or "=" in cell:
        return None
    key = canonical_key(cell)
    return key if key in SYNONYMS else None


def _tables(lines: list[_Line], symbols: dict[str, str], out: _Collector) -> set[int]:
    """Hyperparameters from table rows; returns the line numbers that belong to tables (not prose)."""
    used: set[int] = set()
    i = 0
    last_settings = -10  # where the last settings table ended: a headless one right after it is one too
    while i < len(lines):
        line = lines[i]
        if (end := _settings_table(lines, i, out, follows=last_settings >= i - 3)) > i or (
            end := _flat_settings(lines, i, out)
        ) > i:
            used.update(ln.no for ln in lines[i:end])
            i = last_settings = end
            continue
        row = _ROW_NAME.match(line.text)
        if row and _only_row_values(row.group("rest")) and len(line.text) < 120:
            _setting_row(line, row, _pipe_header(lines, i), out)
            used.add(line.no)
            i += 1
            continue
        j = i
        while (
            j < len(lines)
            and lines[j].text
            and _is_data_row(lines[j].text)
            and not re.match(r"^\|?\s*:?-{3,}", lines[j].text)
        ):
            j += 1
        head = i - 2 if i >= 2 and re.match(r"^\|?\s*:?-{3,}", lines[i - 1].text) else i - 1  # Markdown |---|
        if j - i >= 2 and head >= 0:
            _column_table(lines[head], lines[i:j], symbols, out)
            used.update(ln.no for ln in lines[head:j])
            i = j
            continue
        _flattened_table(line, symbols, out)
        i += 1
    return used


# a table of settings: its first header cell, or its caption, says so
_SETTINGS_HEAD = re.compile(
    r"^(?:hyper-?\s?parameters?|parameters?|settings?|names?|configurations?|config|options?)$", re.I
)
_SETTINGS_CAPTION = re.compile(r"hyper-?\s?parameters?|training\s+(?:details|settings|configuration)", re.I)
_TRAILING_SYMBOL = re.compile(rf"\s+(?:\(\s*{_SYM}\s*\)|{_SYM})\s*$")
_RULE_ROW = re.compile(r"^\|?\s*:?-{3,}")


def _settings_table(lines: list[_Line], i: int, out: _Collector, follows: bool = False) -> int:
    """A pipe table of settings ('| Hyperparameter | Atari | MuJoCo |' or one captioned 'Hyperparameters'):
    every row names a setting, so each value cell is one, with its column's heading as the context, even
    when the name is not in the synonym table ('Entropy coefficient', 'Discount γ'). Returns where the table
    ends (i when line i does not open one)."""
    if not (lines[i].text.startswith("|") and i + 1 < len(lines) and _RULE_ROW.match(lines[i + 1].text)):
        return i
    if i and lines[i - 1].text.startswith("|"):
        return i
    end = i + 2
    while end < len(lines) and lines[end].text.startswith("|"):
        end += 1
    header = _cells(lines[i].text)
    around = lines[max(0, i - 3) : i] + lines[end : end + 3]
    near = " ".join(ln.text for ln in around if _CAPTION_LINE.match(ln.text))
    if i and _SHORT_HEAD.match(lines[i - 1].text):  # a heading the PDF route printed as a plain line
        near += " " + lines[i - 1].text
    section = lines[i].section or ""
    # a two-column table with no header row: its first row is a setting too ('| Learning rate | 0.1 |')
    headless = len(header) == 2 and bool(_setting_value(header[1]))
    if not (
        _SETTINGS_HEAD.match(header[0])
        or _SETTINGS_CAPTION.search(f"{lines[i].text} {near}")
        or _SETTINGS_CAPTION.search(section) and not _RESULT_WORDS.search(section)
        or follows and headless  # the right one of two settings tables side by side
    ):
        return i
    for line in ([lines[i]] if headless else []) + lines[i + 2 : end]:
        cells = _cells(line.text)
        name = _TRAILING_SYMBOL.sub("", cells[0]).strip(" :*")
        if not re.search(r"[A-Za-z]{2}", name) or len(cells) < 2:
            continue
        for k, cell in enumerate(cells[1:], start=1):
            head = header[k] if k < len(header) and len(cells) > 2 and not headless else None
            if value := _setting_value(cell):
                key, qualifier = _row_key(name)
                ctx = " ".join(x for x in (head, qualifier) if x) or None
                out.add(line, name, key, value[0], "table", line.text, value[1], context=ctx)
    return end


# a settings table a PDF dump wrote as lines of 'name value' pairs under its heading:
# 'HYPERPARAMETERS' / 'Learning rate α 0.00025 Minibatch size 32 Dropout rate 0.05' / 'EVALUATION'
_SETTINGS_HEADING = re.compile(
    r"^(?:#+\s*)?(?:table\s+[A-Z]?\d+[.:]?\s*)?(?:hyper-?\s?parameters?|(?:training\s+)?settings|"
    r"training\s+(?:details|configuration))\s*:?$",
    re.I,
)
_SUBHEADING = re.compile(r"^[A-Z][A-Z &-]{2,30}$")
_PAIR = re.compile(
    r"(?P<name>(?:[A-Za-zα-ωϵϑϕ][\w-]*\s+){0,5}?[A-Za-zα-ωϵϑϕ][\w-]*)\s+"
    rf"(?P<value>\d{{1,3}}(?:,\s\d{{3}})+(?![\d.])|{_SCALAR}|{'|'.join(_OPT_NAMES_LIST)})"
    r"(?:\s+(?P<unit>frames|steps|iterations|epochs|episodes|updates|tokens))?(?:\s+|$)"
)


def _pairs(text: str) -> list[re.Match[str]] | None:
    """The 'name value' pairs a line is made of, or None when some of it is not a pair."""
    out, pos = [], 0
    while pos < len(text):
        m = _PAIR.match(text, pos)
        if not m or _RESULT_WORDS.search(m["name"]) or not re.search(r"[A-Za-z]{2}", m["name"]):
            return None
        out.append(m)
        pos = m.end()
    return out or None


def _flat_settings(lines: list[_Line], i: int, out: _Collector) -> int:
    """Lines of 'name value' pairs under a settings heading (a table the PDF dump flattened): one setting
    per pair. Returns where the block ends (i when line i does not open one)."""
    if not _SETTINGS_HEADING.match(lines[i].text.strip()):
        return i
    end, found = i + 1, []
    while end < len(lines):
        text = lines[end].text.strip()
        pairs = None if _SUBHEADING.match(text) else _pairs(text)
        if not pairs and not _SUBHEADING.match(text):
            break
        found += [(lines[end], p) for p in pairs or []]
        end += 1
    if not found:
        return i
    for line, p in found:
        name = _TRAILING_SYMBOL.sub("", p["name"]).strip()
        key, qualifier = _row_key(name)
        out.add(line, name, key, p["value"], "table", line.text, p["unit"], context=qualifier)
    return end


_ENDPOINTS = {"initial", "final", "start", "end", "min", "max", "minimum", "maximum", "first", "last"}


def _row_key(name: str) -> tuple[str, str | None]:
    """A settings-table row's key, and the words that qualify it: a leading Greek letter is spelled ('ϵ decay
    horizon' -> epsilon_decay_horizon); a known name followed by a qualifier ('Dropout rate convolutions')
    keeps the known key, the qualifier as context (not a modifier or an end point: 'Learning rate decay',
    'ϵ final' are settings of their own)."""
    name = re.sub(r"^([α-ωΑ-Ωϵϑϕϱς])(?=\s+[A-Za-z])", lambda m: _GREEK[m.group(1)], name.strip())
    key = canonical_key(name)
    words = name.split()
    if key in SYNONYMS or len(words) < 2:
        return key, None
    for k in range(len(words) - 1, 0, -1):
        head, rest = canonical_key(" ".join(words[:k])), words[k:]
        if head in SYNONYMS and rest[0].lower() not in _MODIFIERS | _ENDPOINTS:
            return head, " ".join(rest)
    return key, None


# a caption or heading near a table ('Table 3: Hyperparameters', '### Settings'), not a paragraph of prose
_CAPTION_LINE = re.compile(r"^(?:\*\*)?(?:Table|TABLE|Figure|Fig\.)\s|^#")
_SHORT_HEAD = re.compile(r"^[A-Za-z][\w -]{0,40}$")
_CELL_UNIT = re.compile(rf"(?P<value>{_SCALAR})\s+(?P<unit>[A-Za-z]{{3,12}})")


def _setting_value(cell: str) -> tuple[str, str | None] | None:
    """A settings-table cell's value and unit ('0.99', 'Adam', '1M frames'), None for any other cell."""
    cell = cell.strip()
    if cell and (VALUE_RE.fullmatch(cell) or _ROW_VALUE.fullmatch(cell)):
        return cell, None
    m = _CELL_UNIT.fullmatch(cell)
    return (m.group("value"), m.group("unit")) if m else None


def _pipe_header(lines: list[_Line], i: int) -> list[str]:
    """The header cells of the Markdown table that line i belongs to ([] for a row outside a pipe table)."""
    j = i
    while j > 0 and lines[j - 1].text.startswith("|"):
        j -= 1
    return _cells(lines[j].text) if j < i and lines[j].text.startswith("|") else []


def _setting_row(line: _Line, row: re.Match[str], header: list[str], out: _Collector) -> None:
    """'| Learning rate | 1e-4 | 3e-4 |': one finding per column, the column's heading as its context."""
    key = canonical_key(row.group("name"))
    cells = _cells(line.text)
    if line.text.startswith("|") and len(header) == len(cells) > 2:
        for head, cell in zip(header[1:], cells[1:], strict=True):
            if _ROW_VALUE.fullmatch(cell.strip()):
                out.add(line, row.group("name"), key, cell, "table", line.text, context=head or None)
        return
    for v in _ROW_VALUE.finditer(row.group("rest")):
        out.add(line, row.group("name"), key, v.group(0), "table", line.text)


_MAX_FLAT_ROWS = 200  # rows read from one run of cells: bounds the work on an endless line


def _flattened_table(line: _Line, symbols: dict[str, str], out: _Collector) -> None:
    """A table whose rows a text dump ran into one line, after its header (and maybe its caption):
    'Iters T Schedule Objective NLL FID 200K 1K linear Lsimple 3.99 32.5 200K 4K ...'. Rows are cut as wide as
    the last header cells, when the first of those cells names a setting and at least two rows look like
    table rows."""
    tokens = line.text.split()
    numeric = [bool(_NUMERIC_CELL.match(t)) for t in tokens]
    if sum(numeric) < 6 or not re.search(_NAME, line.text, re.I):
        return
    for start in range(1, len(tokens) - 3):
        if not numeric[start] or tokens[start - 1] in ("=", ":"):
            continue
        if numeric[start - 1] and tokens[start - 2 : start - 1] != ["="]:
            continue  # rows start where numbers follow words ("... FID 200K") or an "m = 128" header cell
        cells = _header_cells(" ".join(tokens[max(0, start - 24) : start]), symbols)  # a header is short
        for width in range(2, min(9, len(cells)) + 1):
            if not cells[-width][1]:
                continue
            rows = []
            for k in range(start, min(len(tokens) - width + 1, start + width * _MAX_FLAT_ROWS), width):
                chunk = " ".join(tokens[k : k + width])
                if not _is_data_row(chunk):
                    break
                rows.append(_Line(line.no, chunk, line.page, line.section))
            if len(rows) >= 2 and _columns_agree([r.text.split() for r in rows]):
                header = _Line(line.no, " ".join(text for text, _ in cells[-width:]), line.page, line.section)
                _column_table(header, rows, symbols, out)
                return


def _cell_type(cell: str) -> str:
    if re.fullmatch(r"[\d,]+", cell):
        return "int"
    if re.fullmatch(r"\d*\.\d+", cell):
        return "decimal"
    return "other" if _NUMERIC_CELL.match(cell) else "word"


def _columns_agree(rows: list[list[str]]) -> bool:
    """Cutting a run of cells into rows of the right width puts one kind of cell in each column."""
    return all(len({_cell_type(r[k]) for r in rows if r[k] not in "±-"}) <= 1 for k in range(len(rows[0])))


def _column_table(header: _Line, rows: list[_Line], symbols: dict[str, str], out: _Collector) -> None:
    cells = _header_cells(header.text, symbols)
    width = len(_cells(rows[0].text))
    for text, _key in cells:  # settings named in the header itself: "m = 4", "(filter size 2)"
        m = _SYM_ASSIGN.search(text)
        if m and m.group("sym") in symbols:
            out.add(header, m.group("sym"), symbols[m.group("sym")], m.group("value"), "table", header.text)
    # a paragraph of prose right above a run of rows (a figure's tick labels) is read as prose
    where = "prose" if len(header.text.split()) >= 12 and _SENTENCE_END.search(header.text) else "table"
    _prose_matches(header.text, lambda _o: header, symbols, out, where)
    if len(cells) == width and all(len(_cells(r.text)) == width for r in rows):
        columns = [(k, text) for k, (text, key) in enumerate(cells) if key]
    elif cells and cells[0][1]:
        columns = [(0, cells[0][0])]
    else:
        return
    for r in rows:
        values = _cells(r.text)
        for k, text in columns:
            key = _key_of(cells[k][0], symbols)
            if key and k < len(values) and values[k] not in "±-":
                label = values[0] if k and not _NUMERIC_CELL.match(values[0]) else None
                out.add(r, text, key, values[k], "table", f"{header.text} / {r.text}", context=label)


def _scan(rx: re.Pattern[str], text: str, good) -> Iterator[re.Match[str]]:  # noqa: ANN001
    """Matches of rx that pass `good`; a refused match does not hide a shorter one inside it."""
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        if good(m):
            yield m
            pos = m.end()
        else:
            pos = m.start() + 1


def _bad_value_name(m: re.Match[str], text: str) -> bool:
    """'4 layers' yes; 'one-hot unit', '4 Toxicity features' (a heading), '50 steps of' no."""
    gap = m.group("gap") or ""
    if re.search(r"\b(of|the|and|in|for|to|with|from|at|by|on|than|per|each|every)\b", gap, re.I):
        return True
    if _RESULT_WORDS.search(gap) or _NOT_A_COUNT.match(gap):
        return True
    if gap[:1].isupper() and re.search(r"(^|[.!?:]\s*)$", text[: m.start()]):
        return True
    return bool(re.match(r"\s*of\b", text[m.end() :]) and "step" in m.group("name").lower())


# "the batch sizes for CIFAR-10 and for ImageNet are 128 and 4096": one value per thing named, in order
_PAIRED_GAP = re.compile(r"(?:for|on|in|of)\s+[\w-]+\s+and\s+(?:(?:for|on|in|of)\s+)?[\w-]+", re.I)


def _bad_name_value(m: re.Match[str]) -> bool:
    """A gap that names something else or negates, a count noun before its number ('layer 5')."""
    gap = (m.group("gap") or "") + " " + (m.group("paren") or "")
    if canonical_key(m.group("name")) in _COUNT_ONLY | _WORD_VALUED or _RESULT_WORDS.search(gap):
        return True
    if m.group("bare") is not None and _COUNT_NOUN.search(m.group("name")):
        return True
    paired = _PAIRED_GAP.fullmatch(gap.strip()) and re.search(r"\band\b|,", m.group("value"))
    if not paired and re.search(r"\b(than|not|by|from|and|or|but|while|which|that)\b", gap, re.I):
        return True
    names = (canonical_key(g.group("name")) for g in re.finditer(_NAME, m.group("gap") or "", re.I))
    return any(k not in _COUNT_ONLY for k in names)


class _ProseScan:
    """The settings one paragraph (or table header) states; a value claimed once is not read again."""

    def __init__(self, text: str, line_at, symbols: dict[str, str], out: _Collector, where: str) -> None:
        self.text, self.line_at, self.symbols, self.out, self.where = text, line_at, symbols, out, where
        self.taken: set[int] = set()  # offsets of the values claimed so far
        self.local: dict[str, str] = {}  # symbols a name gave here: "width factor k = 2 ... and k = 10"

    def free(self, a: int, b: int) -> bool:
        return self.taken.isdisjoint(range(a, b))

    def emit(  # noqa: PLR0913
        self, m: re.Match[str], name: str, key: str, value: str, span: tuple[int, int], flagged: bool = False
    ) -> None:
        self.taken.update(range(*span))
        unit = _UNIT.match(self.text, span[1])
        if unit and key == "warmup_steps" and unit[1].lower() == "epochs":
            key = "warmup_epochs"  # "a warmup of 10 epochs"
        self.out.add(
            self.line_at(m.start()),
            name,
            key,
            value,
            self.where,
            _sentence_around(self.text, m.start(), m.end()),
            unit[1].lower() if unit else None,
            flagged=flagged or bool(_PART_OF_RUN.search(self.text[max(0, span[0] - 30) : span[0]])),
        )

    def good_value_name(self, m: re.Match[str]) -> bool:
        value = normalize_value(m["value"])
        whole = all(
            isinstance(v, float) and v >= 1 and v == int(v)
            for v in (value if isinstance(value, list) else [value])
        )
        return (
            whole
            and not _bad_value_name(m, self.text)
            and not _rejected(self.text, *m.span("value"), value)
        )

    def good_name_value(self, m: re.Match[str]) -> bool:
        last = (m["gap"] or "").split()[-1:]  # "Sequence Length m = 4": the 4 is m's, not the length's
        if last and self.symbols.get(last[0], canonical_key(m["name"])) != canonical_key(m["name"]):
            return False
        gap = (m["gap"] or "").split()
        other = [w for w in gap[:-1] if w.lower() not in _GAP_FILLER]
        if other and re.fullmatch(_SYM, gap[-1]) and re.match(r"\s*[=∈]", self.text[m.end("gap") :]):
            return False  # "iterations with the observation size K = 100", "update player i ∈ {1, 2}"
        noun = _NOUN_AFTER.match(self.text, m.end("value"))
        if noun and not _UNIT.match(noun[0]) and canonical_key(noun["noun"]) != canonical_key(m["name"]):
            return False  # "the first layer consists of 32 neurons", "layers of 200 units"
        return (
            self.free(*m.span("value"))
            and not _bad_name_value(m)
            and not _rejected(self.text, *m.span("value"), normalize_value(m["value"]))
        )

    def run(self) -> None:
        self.index_ranges()
        self.phrases()  # first: "filters of size 5 × 5" is the whole "5 × 5", not the name's first number
        self.intervals()
        self.schedules()
        self.set_it()
        self.named()
        self.compounds()
        self.symbol_values()
        self.keywords()

    def index_ranges(self) -> None:
        """'from t = 0 up to t = 300': a phase of a run, no setting; its bounds are claimed."""
        for m in _INDEX_RANGE.finditer(self.text):
            self.taken.update(range(*m.span("a")))
            self.taken.update(range(*m.span("b")))

    def named(self) -> None:
        """'learning rate of 3e-4', '4 layers'."""
        text = self.text
        # "a warmup of 10K steps": a name with an explicit "of/=/to" claims its value before "10K steps" does
        explicit = _scan(_NAME_VALUE, text, lambda m: m["bare"] is None and self.good_name_value(m))
        value_first = _scan(
            _VALUE_NAME, text, lambda m: self.free(*m.span("value")) and self.good_value_name(m)
        )
        for scan in (explicit, value_first, _scan(_NAME_VALUE, text, self.good_name_value)):
            for m in scan:
                name = m["name"]
                first = (m.groupdict().get("gap") or "").split()[:1]
                if first and first[0].lower() in _MODIFIERS:
                    name = f"{name} {first[0]}"  # "a learning rate scaling of 1" is not a learning rate
                last = (m.groupdict().get("gap") or "").split()[-1:]
                if m.re is _NAME_VALUE and last and re.fullmatch(_SYM, last[0]):
                    self.local[last[0]] = canonical_key(name)
                part = self.part_count(m) or bool(
                    m.re is _VALUE_NAME and _BACK_REFERENCE.search(text[max(0, m.start() - 8) : m.start()])
                )
                self.emit(m, name, canonical_key(name), m["value"], m.span("value"), flagged=part)
                self.contrast(m, name)

    def contrast(self, m: re.Match[str], name: str) -> None:
        """'the hidden size is 200 for A, while for B we use 600': the same setting for another case."""
        other = _CONTRAST.match(self.text, m.end("value"))
        if other and self.free(*other.span("value")):
            self.taken.update(range(*other.span("value")))
            line, quote = self.line_at(m.start()), _sentence_around(self.text, m.start(), other.end())
            key = canonical_key(name)
            self.out.add(line, name, key, other["value"], self.where, quote, context=other["ctx"])

    def part_count(self, m: re.Match[str]) -> bool:
        """'three convolutional layers and two fully connected layers': counts of two kinds of layer in one
        sentence are parts of a network, either of which may be taken for its depth."""
        gap = (m.groupdict().get("gap") or "").split()
        if not gap or canonical_key(m["name"]) != "num_layers":
            return False
        sentence = _sentence_around(self.text, m.start(), m.end())
        return len({k.lower() for k in _TYPED_LAYERS.findall(sentence)}) >= 2

    def symbol_values(self) -> None:
        """'β1 = 0.9' after Adam, a symbol the paper defined, or one it sets ('we use λ = 0.1')."""
        text, symbols = self.text, self.symbols | self.local
        for m in _SYM_ASSIGN.finditer(text):
            sym = m.group("sym")
            if not self.free(*m.span("value")) or normalize_value(m.group("value")) in (0.0, 1.0):
                continue
            if (
                _PRODUCT_BEFORE.search(text[max(0, m.start() - 4) : m.start()])
                or _RANGE_START.match(text, m.end("value"))
                or _FACTOR_AFTER.match(text, m.end("value"))
            ):
                continue  # "K · L = 1000" is a product's value, "C = 2 · max" a factor; "for N = 0, 1" a loop
            named = _symbol_named_here(text, m, symbols)
            name, key = (sym, symbols.get(sym))
            if named:
                name, key = f"{named[0]} {sym}", canonical_key(named[0])
            if key and (
                _DESCRIBES_DATA.search(text[max(0, m.start() - 80) : m.start()])
                or _SCORES_AFTER.match(text, m.end("value"))
            ):
                self.emit(m, name, key, m.group("value"), m.span("value"), flagged=True)
                continue  # "instances, each containing T = 10 time steps", "T=20 | 265.1": not a setting
            if named:
                self.emit(m, name, key, m.group("value"), m.span("value"), flagged=not named[1])
                continue
            if _CONDITIONAL.search(text[max(0, m.start() - 40) : m.start()]) or _EXAMPLE.search(
                _sentence_around(text, m.start(), m.end())
            ):
                self.emit(m, sym, symbols.get(sym, sym), m.group("value"), m.span("value"), flagged=True)
                continue  # "if M = 100 and K = 5, then ...": an example, not a setting
            window = text[max(0, m.start() - 200) : m.end() + 100].lower()
            if sym in ("β1", "β_1", "β2", "β_2", "ε", "ϵ") and re.search(r"\badam", window):
                key = {"β": "beta1" if "1" in sym else "beta2"}.get(sym[0], "epsilon")
            elif noun := _NAMING_NOUN.search(text[max(0, m.start() - 30) : m.start()]):
                self.emit(m, noun["noun"], canonical_key(noun["noun"]), m.group("value"), m.span("value"))
                continue
            elif sym in symbols:
                key = symbols[sym]
                other = _OTHER_NOUN.search(text[max(0, m.start() - 40) : m.start()])
                things = _THINGS_FOR.search(text[max(0, m.start() - 30) : m.start()])
                if things and _singular(things["noun"]) not in key:
                    other = things
                if other and _names_other(other["noun"], key):  # "sticky actions with a probability of p"
                    self.emit(m, f"{other['noun']} {sym}", canonical_key(other["noun"]), m.group("value"),
                              m.span("value"), flagged=True)
                    continue
            elif conventional := conventional_key(sym, _sentence_around(text, m.start(), m.end())):
                key = conventional  # "Q-learning with parameters γ = 0.8": the letter's standard meaning
            elif _SETTING_VERB.search(text[max(0, m.start() - 40) : m.start()]):
                plain = sym.replace("_", "").replace("{", "").replace("}", "")
                key = "".join(_GREEK.get(ch, ch) for ch in plain)
                self.emit(m, sym, key, m.group("value"), m.span("value"), flagged=True)  # name guessed
                continue
            else:
                continue
            self.emit(m, sym, key, m.group("value"), m.span("value"))

    def keywords(self) -> None:
        """Settings named by a word: optimizer, schedules, activation, normalization, objective, search."""
        text = self.text
        for m in _OPTIMIZER.finditer(text):
            value = next(v for v in m.groups() if v)
            self.emit(m, "optimizer", "optimizer", value, m.span())
        for m in _SCHEDULE.finditer(text):
            key = "lr_schedule" if m.group("lr") else "noise_schedule"
            self.emit(m, m.group(0), key, m.group(1), m.span())
        by_word = ((_ACTIVATION, "activation"), (_NORMALIZATION, "normalization"), (_OBJECTIVE, "objective"))
        for rx, word in by_word:
            for m in rx.finditer(text):
                value = m.group("value") or m.groupdict().get("named") or m.groupdict().get("relu") or ""
                gate = word == "activation" and _GATE.search(text[max(0, m.start() - 40) : m.start()])
                self.emit(m, word, word, value, m.span(), flagged=bool(gate))  # a gate's sigmoid is fixed
        for m in _SEARCH.finditer(text):
            self.emit(m, "hyperparameter search", "hyperparameter_search", m.group(1), m.span())
        for m in _FOLDS.finditer(text):
            self.emit(m, "cross-validation folds", "cv_folds", m["value"] or m["over"], m.span())
        for m in _REPEATS.finditer(text):
            self.emit(m, "runs", "num_runs", m["value"] or m["over"], m.span())
        for m in _KNN.finditer(text):
            self.emit(m, "k-NN graph", "knn_graph_k", m["value"], m.span())
        for m in _INITIALIZATION.finditer(text):
            self.emit(m, "initialization", "initialization", m["value"] or m["named"], m.span())

    def phrases(self) -> None:
        """Settings stated in a fixed turn of phrase: '10,000 most common words', 'layers of size 128'."""
        for rx, key, name in _PHRASE_RES:
            for m in rx.finditer(self.text):
                if self.free(*m.span("value")):
                    self.emit(m, name, key, m["value"], m.span("value"))
        for m in _SET_SIZE.finditer(self.text):  # "set the word embedding to size 128"
            key = canonical_key(f"{m['noun']} size")
            if self.free(*m.span("value")):
                guessed = key not in SYNONYMS
                self.emit(m, f"{m['noun']} size", key, m["value"], m.span("value"), flagged=guessed)
        for m in _PART_SIZE.finditer(self.text):
            if self.free(*m.span("value")):
                key = _PART_KEY[m["noun"].lower()]
                self.emit(m, key.replace("_", " "), key, m["value"], m.span("value"))

    def intervals(self) -> None:
        """'evaluated at every 500,000 frames' (evaluation_interval_frames), 'four steps of downsampling'."""
        for m in _INTERVAL.finditer(self.text):
            what = next(v for k, v in _INTERVAL_OF.items() if m["what"].lower().startswith(k))
            unit = m["unit"].lower()
            if self.free(*m.span("value")):
                self.emit(m, f"{what} interval", f"{what}_interval_{unit}", m["value"], m.span("value"))
        for m in _STEPS_OF.finditer(self.text):
            what, unit = m["what"].lower(), m["unit"].lower()
            if self.free(*m.span("value")) and not _rejected(self.text, *m.span("value"), 2.0):
                key = canonical_key(f"{what} {unit}")
                self.emit(m, f"{unit} of {what}", key, m["value"], m.span("value"))

    def set_it(self) -> None:
        """'the exploration parameter matters little; we set it to 0.6': the name earlier in the sentence."""
        text = self.text
        for m in _SET_IT.finditer(text):
            left = max((s.end() for s in _SENTENCE_START.finditer(text, max(0, m.start() - 300), m.start())),
                       default=max(0, m.start() - 300))
            names = [n for n in re.finditer(_NAME, text[left : m.start()], re.I)]
            key = canonical_key(names[-1]["name"]) if names else None
            if key and key not in _WORD_VALUED | _COUNT_ONLY and self.free(*m.span("value")):
                self.emit(m, names[-1]["name"], key, m["value"], m.span("value"))

    def schedules(self) -> None:
        """A learning rate stated by its schedule's start, a decay by its factor and milestones."""
        text = self.text
        if not _ABOUT_LR.search(text):
            return
        for m in _SCHEDULE_START.finditer(text):
            for v, ctx in (("value", "ctx"), ("value2", "ctx2")):
                if m[v] and self.free(*m.span(v)):
                    self.taken.update(range(*m.span(v)))
                    line, quote = self.line_at(m.start()), _sentence_around(text, m.start(), m.end())
                    self.out.add(line, "learning rate", "learning_rate", m[v], self.where, quote,
                                 context=m[ctx])
        for m in _DECAY_FACTOR.finditer(text):
            if self.free(*m.span("value")) and _ABOUT_LR.search(_sentence_around(text, m.start(), m.end())):
                self.emit(m, "learning rate decay factor", "lr_decay", m["value"], m.span("value"))
        for m in _STEP_DECAY.finditer(text):
            if not _ABOUT_LR.search(_sentence_around(text, m.start(), m.end())) or not self.free(*m.span()):
                continue
            factor = normalize_value(m["value"])
            if m["div"] and isinstance(factor, float) and factor > 1:
                factor = _clean(1 / factor)
            unit = m["unit"].lower().rstrip("s") + "s"
            milestones = "[" + ", ".join(re.findall(_NUM, m["ms"])) + "]"
            self.emit(m, "learning rate decay factor", "lr_decay", str(factor), m.span("value"))
            self.emit(m, f"learning rate milestones ({unit})", "lr_milestones", milestones, m.span("ms"))

    def compounds(self) -> None:
        """A setting the synonym table does not know: 'fingerprint depth 6'."""
        for m in _COMPOUND.finditer(self.text):
            noun = _singular(m["noun"].lower())
            if (
                noun in _NOT_A_SETTING
                or _NOT_A_NOUN.search(noun)  # "implemented with parameters γ = 0.8": a verb, not a name
                or not self.free(*m.span("value"))
                or _rejected(self.text, *m.span("value"), normalize_value(m["value"]))
            ):
                continue
            name, key = f"{m['noun']} {m['attr']}", canonical_key(f"{noun} {m['attr']}")
            if noun in _PART_KEY and m["attr"].lower() in ("size", "width"):
                key = _PART_KEY[noun]  # "all hidden layers have size 100"
            self.emit(m, name, key, m["value"], m.span("value"))


def _prose_matches(text: str, line_at, symbols: dict[str, str], out: _Collector, where: str) -> None:
    _ProseScan(text, line_at, symbols, out, where).run()


def find_hyperparameters(markdown: str) -> list[Hyperparameter]:
    """Every hyperparameter the paper states with a value, once per (key, value), in document order."""
    lines = list(_lines(markdown))
    out = _Collector()
    prose_paras = list(_paragraphs(lines))
    symbols = _symbol_map(prose_paras)
    table_lines = _tables(lines, symbols, out)
    body = [ln if ln.no not in table_lines else _Line(ln.no, "", ln.page, ln.section) for ln in lines]
    for para in _paragraphs(body):
        if _OTHERS_WORK.search(para.starts[0][1].section or ""):
            continue
        where = "algorithm" if _ALG_INPUT.match(para.text) else "prose"
        _prose_matches(para.text, para.line_at, symbols, out, where)
    out.items.sort(key=lambda h: h.line)
    return out.items
