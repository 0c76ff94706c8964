"""The distribution a paper initialises from: "weights were initialised from a zero-mean Gaussian with
standard deviation 0.01", "sampling values from a Gaussian distribution with 0 mean and 0.01 standard
deviation", "each component was initialized with zero mean and unit variance". Each moment is a setting of
its own: init_mean, init_std, init_variance."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tools.analysis.hp_normalize import SCALAR
from tools.analysis.hp_phrased import Spanned

# a sentence that initialises: the moments it names are the initial distribution's ("data is sampled from a
# Gaussian with zero mean" describes data, not a setting of the model)
_INITIALISES = re.compile(
    r"\binitiali[sz](?:ed|es|e|ing|ation)\b|"
    r"\b(?:weights?|parameters?|biases|embeddings?)\b[^.;]{0,60}?\b(?:drawn|sampled|sampling)\b",
    re.I,
)
_V = rf"(?:{SCALAR})(?!\w|\.\d)"
# "zero-mean", "0 mean", "mean 45", "a mean at 0.5", "mean of 0" (not "Algorithm 1 Mean field ...")
_MEAN = re.compile(
    rf"(?<![\w-])(?P<v>zero|{_V})[\s-]mean\b(?![\s-]field)|\bmean\s+(?:of\s+|at\s+|equal\s+to\s+)?(?P<w>{_V}|zero)",
    re.I,
)
# "standard deviation 0.01", "0.01 standard deviation", "std of 0.1", "σ = 0.01"
_STD = re.compile(
    rf"\b(?:standard\s+deviations?|std\.?|s\.d\.)\s+(?:of\s+|equal\s+to\s+|σ\s*=\s*)?(?P<w>{_V})|"
    rf"(?<![\w-])(?P<v>{_V})\s+standard\s+deviations?\b",
    re.I,
)
# "unit variance", "variance 0.1", "a variance of 1"
_VARIANCE = re.compile(
    rf"(?<![\w-])(?P<v>unit|{_V})\s+variances?\b|\bvariances?\s+(?:of\s+|equal\s+to\s+)?(?P<w>{_V})", re.I
)
_WORDS = {"zero": "0", "unit": "1"}
# a moment of something other than the initial weights: "the mean of the returns", "mean squared error"
_NOT_INIT = re.compile(r"^\s*(?:squared|absolute|of\s+the\s+(?:returns?|rewards?|errors?|loss))\b", re.I)


# "initialized from a uniform distribution in the range of [-0.001, 0.001]", "initialised uniformly in
# [-0.1, 0.1]": the interval is the scheme
_UNIFORM = re.compile(
    r"\buniform(?:ly)?\s+(?:distribution\s+)?(?:in|over|on|within|from|between)\s+(?:the\s+)?"
    rf"(?:(?:range|interval)\s+)?(?:of\s+)?(?P<v>\[\s*[-−]?{_V}\s*,\s*[-−]?{_V}\s*\])",
    re.I,
)


def initial_moments(sentence: str) -> Iterator[Spanned]:
    """The mean, standard deviation and variance a sentence initialises with, or the interval of a uniform
    initialisation (nothing when it initialises nothing: 'the mean of 0.3 over runs' is a result)."""
    if not _INITIALISES.search(sentence):
        return
    for m in _UNIFORM.finditer(sentence):
        low, high = (x.strip().replace("−", "-") for x in m["v"].strip("[] ").split(","))
        yield Spanned("initialization", "initialization", f"uniform({low}, {high})", m.span("v"))
    if not re.search(r"\b(?:gaussian|normal|mean|variance)\b", sentence, re.I):
        return
    for rx, key, name in (
        (_MEAN, "init_mean", "initial mean"),
        (_STD, "init_std", "initial standard deviation"),
        (_VARIANCE, "init_variance", "initial variance"),
    ):
        for m in rx.finditer(sentence):
            group = "v" if m["v"] else "w"
            if _NOT_INIT.match(sentence, m.end()):
                continue
            yield Spanned(key, name, _WORDS.get(m[group].lower(), m[group]), m.span(group))
