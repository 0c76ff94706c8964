"""Values as papers print them: the number pattern `VALUE_RE`, `normalize_value` (`3 × 10^-4`, `200K`,
`{0.1, 0.2}`, `Adam` -> float, list or lower-case string), `values_match` and `names_match`."""

from __future__ import annotations

import math
import re
from itertools import pairwise

from tools.analysis.hp_vocabulary import GREEK, SCALE, WORD_NUMBERS, canonical_key, singular

_MINUS = "[-−–]"
# thousands parted by commas, thin spaces, a space before '000' ('100 000', '1 000'), or any space before
# what a count counts ('2 500 epochs': two numbers in a row name no count)
_COUNTED = r"(?=\s+(?:epochs|iterations|steps|updates|episodes|samples|examples|images|tokens|trials|runs)\b)"
NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u2009\u202f]\d{3})+|\d{1,3}(?: 000)+(?![\d.,]\d)|"
    rf"\d{{1,3}}(?: \d{{3}})+{_COUNTED}|\d+)(?:\.\d+)?|\.\d+"
)
_TIMES = "[×x·*∗⋅]"  # the PDF sets LaTeX's `*` as ∗ (U+2217) and `\\cdot` as ⋅ or ·
_SCI = (
    rf"(?<![\d.])\d\.10\s*\^\s*\{{?\s*{_MINUS}?\s*\d+\s*\}}?|"  # '1.10^-3': a dot for the times sign
    rf"(?:(?:{NUM})\s*{_TIMES}\s*)?10\s*(?:\^\s*\{{?\s*{_MINUS}?\s*\d+\s*\}}?|[−´]\s*\d+|\*\*\s*{_MINUS}?\d+)"
    rf"|(?:{NUM})\s*{_TIMES}\s*10\s*{_MINUS}\s*\d+"
    rf"|\d(?:\.\d+)?\s*×\s*10[1-9](?![\d.,]\d|\d)"  # a superscript set on the line: '2×105' is 2 × 10^5
)
# '1e-08', '1e − 08' as a PDF sets it, and '3e^{-4}' as LaTeX writes it
_ENOT = rf"(?:{NUM})[eE](?:\s?{_MINUS}\s?)?\d+|(?:{NUM})[eE]\^\s*\{{?\s*{_MINUS}?\s*\d+\s*\}}?(?!\d|\.\d)"
SUFFIXED = rf"(?:{NUM})(?-i:[KMB]|k)(?![a-zA-Z])|(?:{NUM})[\s-](?:thousand|million|billion)\b"
_FRACTION = rf"(?:{NUM})\s*/\s*(?:{NUM})"
_POWER_OF_TWO = r"2\s*\^\s*\{?\s*\d{1,2}\s*\}?"  # a batch of 2^{10}
SCALAR = rf"(?:{_SCI}|{_POWER_OF_TWO}|{_ENOT}|{_FRACTION}|{SUFFIXED}|(?:{NUM})\s?%|{NUM})"
# the longest first: 'one hundred' before 'one'
WORDNUM = "|".join(w.replace(" ", r"\s+") for w in sorted(WORD_NUMBERS, key=len, reverse=True))
WORDNUM += r"|single(?=[\s-]+(?:[a-z]+[\s-]+){0,2}layer\b)"  # 'a single hidden layer'; never 'a single epoch'
_ELLIPSIS = r"\.\s?\.\s?\.|…|\\ldots|\\dots"
GRID = rf"\{{\s*(?:{SCALAR})(?:\s*,\s*(?:{SCALAR}|{_ELLIPSIS}))+\s*\}}"  # grid {0.1, 0.2}, {2, ..., 128}
# range [1e-5, 1e-3], [0.5 − 1.0]
RANGE = rf"\[\s*(?:{SCALAR})(?:\s*,\s*(?:{SCALAR}))+\s*\]|\[\s*(?:{SCALAR})\s+[-−–]\s+(?:{SCALAR})\s*\]"
# 64, 96, 128, or 192; 10, 20, ..., 100
_SEP = r"(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)"
LIST = rf"(?:{SCALAR})(?:{_SEP}(?:(?:{_ELLIPSIS})\s*,\s*)?(?:{SCALAR}))+(?!\d|\.\d)"
ONE = rf"(?:{SCALAR})(?![\d.,]\d)"
VALUE_RE = re.compile(f"{GRID}|{RANGE}|{LIST}|{ONE}")


_MAX_EXPONENT = 300  # a float holds powers of ten up to about 1e308


def _scalar(text: str) -> float | None:
    if re.search(r"\d,\s+\d", text):
        return None  # '100, 150' is a list: a thousands separator has no space after it
    # '´': the minus of a maths font without a Unicode map ('10´3' is 10^-3)
    t = text.strip().replace("−", "-").replace("–", "-").replace("´", "-").replace(" ", "")
    if not t:
        return None
    if m := re.fullmatch(r"2\^\{?(\d{1,2})\}?", t):
        return float(2 ** int(m.group(1)))
    if m := re.fullmatch(r"(\d)\.10\^\{?(-?\d+)\}?", t):  # '5.10^4': 5 × 10^4
        return clean_float(float(m.group(1)) * 10.0 ** int(m.group(2)))
    if m := re.fullmatch(r"(\d(?:\.\d+)?)×10([1-9])", t):  # '2×105': the exponent lost its superscript
        return clean_float(float(m.group(1)) * 10.0 ** int(m.group(2)))
    m = re.fullmatch(rf"(?:([\d.,]+){_TIMES})?10(?:\^\{{?(-?\d+)\}}?|(-\d+)|\*\*(-?\d+))", t)
    if m:
        base = float(m.group(1).replace(",", "")) if m.group(1) else 1.0
        exp = int(next(g for g in m.groups()[1:] if g is not None))
        return clean_float(base * 10.0**exp) if abs(exp) <= _MAX_EXPONENT else None  # '10^-1000': no setting
    if "/" in t:
        a, _, b = t.partition("/")
        num, den = _scalar(a), _scalar(b)
        return clean_float(num / den) if num is not None and den else None
    if t.endswith("%"):
        v = _scalar(t[:-1])
        return clean_float(v / 100) if v is not None else None
    m = re.fullmatch(r"([\d.,]+)-?(k|m|b|thousand|million|billion)", t.lower())
    if m:
        base = _scalar(m.group(1))
        return clean_float(base * SCALE[m.group(2)]) if base is not None else None
    if "," in t and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        return None  # '1,2,3' is a list, not 123
    t = t.replace(",", "")
    if re.fullmatch(r"[\d.]+[eE]\^\{?-?\d+\}?", t):
        t = re.sub(r"[\^{}]", "", t)  # '3e^{-4}'
    try:
        return clean_float(float(t))
    except ValueError:
        return None


# a duration or a frequency, read in seconds and hertz: '64 ms' -> 0.064, '16 kHz' -> 16000
_SI = {"ms": 1e-3, "millisecond": 1e-3, "s": 1.0, "sec": 1.0, "second": 1.0, "min": 60.0, "minute": 60.0,
       "hz": 1.0, "khz": 1e3, "mhz": 1e6}
PHYSICAL_UNIT = re.compile(
    r"\s?(?P<unit>(?i:ms|milliseconds?|secs?|seconds?|s|min|minutes|kHz|MHz|Hz))(?![\w-])"
)


def _with_unit(t: str) -> float | None:
    """'64 ms', '16 kHz', '10 seconds' in SI units; None for anything else."""
    m = re.fullmatch(rf"(?P<v>{SCALAR})\s*(?P<u>[A-Za-z]+)", t)
    if m is None or not PHYSICAL_UNIT.fullmatch(" " + m["u"]):
        return None
    v = _scalar(m["v"])
    scale = _SI[m["u"].lower().removesuffix("s") if m["u"].lower() not in ("s", "ms") else m["u"].lower()]
    return clean_float(v * scale) if v is not None else None


def clean_float(v: float) -> float:
    if math.isfinite(v) and v == round(v) and abs(v) < 1e15:
        return float(int(round(v)))
    return float(f"{v:.12g}")


def normalize_value(text: str) -> float | str | list[float | str]:
    """A printed value as a number (K/M expanded, 10^-4 forms, percentages as fractions), a list for sets and
    grids ('{0.1, 0.2}', '64, 96, or 128', '0.1 and 0.3'), or the lower-cased string."""
    t = str(text).strip().strip(";:").rstrip(".").strip()
    low = re.sub(r"\s+", " ", t.lower())
    if low in WORD_NUMBERS or low == "single":
        return float(WORD_NUMBERS.get(low, 1))
    if re.fullmatch(r"\d{1,3}(?:,\s\d{3})+", t) and re.search(r",\s0", t):
        t = t.replace(" ", "")  # '1, 000, 000': no list has an item '000'
    v = _scalar(t)
    if v is None:
        v = _with_unit(t)
    if v is not None:
        return v
    if re.fullmatch(r"[A-Za-z][\w.]*\(.*\)", t):
        return re.sub(r"\s+", " ", low)  # 'diag([1, 1])', 'U(0, 1)': one value built by a call, no list
    inner = t[1:-1] if t[:1] in "{[(" and t[-1:] in "}])" else t
    if t[:1] == "[" and re.fullmatch(r"[^,]+\s[-−–]\s[^,]+", inner):
        inner = re.sub(r"\s[-−–]\s", ", ", inner)  # a range '[0.5 − 1.0]'
    # a comma before three digits and no space is a thousands separator: '1,024, 8,192, and 1,048,576'; in a
    # set written without spaces every comma separates ('{128,256,512}')
    tight = t[:1] == "{" and not re.search(r",\s", inner) and not re.search(r",0\d\d(?!\d)", inner)
    comma = r"\s*,\s*" if tight else r"\s*,(?!\d{3}(?!\d))\s*"
    parts = [
        p.strip()
        for p in re.split(rf"{comma}(?:and\s+|or\s+)?|\s+(?:and|or|vs\.?|versus)\s+", inner)
        if p.strip()
    ]
    for k in range(len(parts) - 1, 0, -1):
        if re.fullmatch(r"0\d\d", parts[k]) and re.search(r"\d$", parts[k - 1]):
            parts[k - 1 : k + 1] = [f"{parts[k - 1]},{parts[k]}"]  # '30, 000': a thousands group, no item
    gap = next((k for k, p in enumerate(parts) if re.fullmatch(_ELLIPSIS, p)), None)
    parts = [p for p in parts if not re.fullmatch(_ELLIPSIS, p)]
    if len(parts) > 1:
        values = [normalize_value(p) for p in parts]
        return (gap and _continued(values, gap)) or values  # type: ignore[return-value]
    return re.sub(r"\s+", " ", low)


_MAX_CONTINUED = 100  # values an ellipsis may stand for; beyond, only the printed ones are kept
_SHORT = 10  # whole numbers an ellipsis after one value may stand for


def _continued(values: list, gap: int) -> list[float] | None:
    """The values an ellipsis stands for: '{0.1, 0.2, ..., 0.5}' steps by 0.1, '{10^-3, 10^-2, ..., 10^3}'
    by a factor of 10, '{1, ..., 5}' (a few whole numbers) by 1. None when the printed values fit no single
    step, or fit both a step and a factor ('{2, 4, ..., 128}': ambiguous)."""
    if gap >= len(values) or not all(isinstance(v, float) for v in values):
        return None
    head, tail = values[:gap], values[gap:]
    diffs = {clean_float(b - a) for a, b in pairwise(head)}
    ratios = {clean_float(b / a) for a, b in pairwise(head) if a > 0}
    steps = [(d, "+") for d in diffs if len(diffs) == 1 and d > 0]
    steps += [(r, "*") for r in ratios if len(ratios) == 1 and r > 1]
    if len(head) == 1 and head[0] == int(head[0]) and tail[0] == int(tail[0]) and tail[0] - head[0] < _SHORT:
        steps = [(1.0, "+")]  # '{0, ..., 5}'; a long run of whole numbers ('{5, ..., 50}') is a range
    fits = [run for step in steps if (run := _run(head[0], step, tail[-1])) and _holds(run, values)]
    return fits[0] if len(fits) == 1 else None


def _run(start: float, step: tuple[float, str], end: float) -> list[float] | None:
    run = [start]
    while len(run) <= _MAX_CONTINUED and run[-1] < end * (1 - 1e-9):
        run.append(clean_float(run[-1] * step[0] if step[1] == "*" else start + len(run) * step[0]))
    return run if math.isclose(run[-1], end, rel_tol=1e-6) else None


def _holds(run: list[float], values: list[float]) -> bool:
    return all(any(math.isclose(v, r, rel_tol=1e-6, abs_tol=1e-12) for r in run) for v in values)


def flat_value(v: object) -> str:
    return re.sub(r"[^0-9a-z.]", "", str(v).lower())


_TRUTH = {"true": True, "yes": True, "false": False, "no": False}


def _scalar_eq(a: object, b: object) -> bool:
    if isinstance(b, bool) and isinstance(a, str):
        a, b = b, a
    if isinstance(a, bool) and isinstance(b, str):  # True and 'true' (a value one side kept as printed)
        return _TRUTH.get(flat_value(b)) is a
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-12)
    if isinstance(a, str) and isinstance(b, str):
        return _plain_name(a) == _plain_name(b)
    return False


# names a paper writes out or abbreviates alike ('Mean Squared Error (MSE)' is a config's 'mse')
_ABBREVIATED = {
    "meansquarederror": "mse",
    "meansquareerror": "mse",
    "meanabsoluteerror": "mae",
    "binarycrossentropy": "bce",
    "crossentropy": "ce",
    "negativeloglikelihood": "nll",
    "stochasticgradientdescent": "sgd",
    "rootmeansquarederror": "rmse",
    "rootmeansquareerror": "rmse",
    "exponentialmovingaverage": "ema",
    "connectionisttemporalclassification": "ctc",
}


def _plain_name(value: str) -> str:
    """A named value as compared: a schedule by its own name, a written-out name by its abbreviation."""
    return _short_form(_schedule_word_off(flat_value(value)))


def _short_form(flat: str) -> str:
    """A written-out name as its usual abbreviation, with a trailing 'loss' dropped: 'meansquarederrorloss'
    and 'mse' are one value."""
    base = flat[: -len("loss")] if flat.endswith("loss") and len(flat) > len("loss") else flat
    return _ABBREVIATED.get(base, base)


def _schedule_word_off(flat: str) -> str:
    """'exponentialdecay', 'cosineschedule' -> the schedule's own name: a config's 'exponential_decay' is the
    paper's 'exponential' schedule, and a scheduler's class name is its schedule ('ReduceLROnPlateau' is
    'reduce on plateau', 'CosineAnnealingLR' is 'cosine', 'StepLR' is 'step')."""
    base = re.sub(r"^reduce(?:lr)?on", "", flat)
    base = re.sub(r"(?:annealing|warmrestarts)?(?:lr)?(?:decay|schedule|scheduler|annealing)?$", "", base)
    base = _SCHEDULE_SPELLINGS.get(base, base)
    return base if base in _SCHEDULE_NAMES else flat


_SCHEDULE_NAMES = frozenset(
    ("linear", "cosine", "exponential", "step", "multistep", "polynomial", "constant", "cyclic", "cyclical")
    + ("onecycle", "inversesquareroot", "plateau")
)
_SCHEDULE_SPELLINGS = {"inversesqrt": "inversesquareroot", "rsqrt": "inversesquareroot", "poly": "polynomial"}


def values_match(a: object, b: object) -> bool:
    """Same value after normalisation: numbers equal, strings equal ignoring case, spaces and `_`; lists equal
    as multisets; a scalar matches a list that holds it (one value of a sweep stated as a list); a size
    `448 × 448` equals [448, 448]."""
    a = _dims(normalize_value(a) if isinstance(a, str) else a)
    b = _dims(normalize_value(b) if isinstance(b, str) else b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(any(_scalar_eq(x, y) for y in b) for x in a)
    if isinstance(a, list):
        return any(_scalar_eq(x, b) for x in a)
    if isinstance(b, list):
        return any(_scalar_eq(a, y) for y in b)
    return _scalar_eq(a, b)


_BY = r"\s*(?:[×x*]|\$?\\times\$?)\s*"
_DIMS = re.compile(rf"\s*\d+(?:{_BY}\d+)+\s*")


def _dims(value: object) -> object:
    """'224 × 224', '448x448', '8$\\times$8', '3x3x3' -> one float per side; anything else as it is."""
    if not isinstance(value, str) or not _DIMS.fullmatch(value):
        return value
    return [float(side) for side in re.split(_BY, value.strip())]


def names_match(a: str, b: str) -> bool:
    """Same setting: one canonical key, spelled alike but for plurals and underscores ('epochs_nn' and
    'epoch_nn', 'n_seeds' and 'nseeds'), or one symbol however written ('λ_1', 'lambda_{1}', 'lambda1')."""
    ka, kb = canonical_key(a), canonical_key(b)
    if ka == kb or _loose(ka) == _loose(kb) or _loose(a.lower()) == _loose(b.lower()):
        return True
    return (sa := _symbol_form(ka)) is not None and sa == _symbol_form(kb)


def _loose(key: str) -> str:
    """A key with its words (of four letters or more) in the singular, and without underscores."""
    return "".join(singular(w) if len(w) >= 4 else w for w in key.split("_"))


_SYMBOL_KEY = re.compile(r"([a-z]+)_?\{?([a-z0-9]{1,3})\}?")


def _symbol_form(key: str) -> str | None:
    """A symbol's key with its letter spelled and its subscript run on ('λ_1' -> lambda1), else None."""
    spelled = "".join(GREEK.get(ch, ch) for ch in key.lower())
    m = _SYMBOL_KEY.fullmatch(spelled)
    return m[1] + m[2] if m and (len(m[1]) <= 2 or m[1] in GREEK.values()) else None
