"""The priors a probabilistic model is given: "all priors on the weights are set to Gamma(0.1, 0.3)" (one
setting, the distribution written whole), "we place gamma priors over the weights with rate 0.3 and shape
0.1" (each parameter a setting of its own: prior_rate, prior_shape). Only in a sentence that speaks of a
prior; "Bernoulli random variables with parameter 0.5" describes, and sets nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tools.analysis.hp_normalize import SCALAR
from tools.analysis.hp_phrased import Spanned
from tools.analysis.hp_vocabulary import DISTRIBUTIONS

_PRIOR = re.compile(r"\bpriors?\b", re.I)
_DIST = "|".join(sorted(DISTRIBUTIONS, key=len, reverse=True))
_V = rf"(?:{SCALAR})(?!\w|\.\d)"
# "Gamma(0.1, 0.3)", "Dirichlet(0.5)", "N(0, 1)"
_WRITTEN = re.compile(rf"\b(?P<dist>{_DIST}|N)\s*\(\s*{_V}(?:\s*,\s*{_V}){{0,2}}\s*\)", re.I)
# "a gamma prior with rate 0.3 and shape 0.1", "Dirichlet priors of concentration 0.5"
_NAMED = re.compile(rf"\b(?P<dist>{_DIST})\s+priors?\b", re.I)
_PARAMETER = re.compile(
    rf"\b(?P<param>rate|shape|scale|concentration|mean|variance|precision|location|standard\s+deviation)"
    rf"(?:\s+parameters?)?\s+(?:of\s+|=\s*|equal\s+to\s+)?(?P<v>{_V})(?!\s*%)",
    re.I,
)


def prior_settings(sentence: str) -> Iterator[Spanned]:
    """The priors a sentence sets, each distribution written whole, or each parameter of a named one."""
    if not _PRIOR.search(sentence):
        return
    for m in _WRITTEN.finditer(sentence):
        if m["dist"] == "N" or m["dist"].lower() in DISTRIBUTIONS:
            written = re.sub(r"\s*\(\s*", "(", re.sub(r"\s+", " ", m[0]))  # 'N (0, 1)' is N(0, 1)
            yield Spanned("prior", "prior", written, m.span())
    named = _NAMED.search(sentence)
    if named is None:
        return
    dist = named["dist"].lower()
    for m in _PARAMETER.finditer(sentence):
        param = re.sub(r"\s+", "_", m["param"].lower())
        yield Spanned(f"prior_{param}", f"{dist} prior {param.replace('_', ' ')}", m["v"], m.span("v"))
