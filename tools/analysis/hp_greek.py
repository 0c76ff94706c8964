"""Greek letters with a standard meaning in ML papers, taken only when the sentence around the assignment
speaks of that meaning: 'Q-learning ... parameters γ = 0.8, η = 0.05' (discount factor, learning rate),
'the Gibbs softmax ... τ = 5' (temperature). A bare 'γ = 0.8' in a sentence about something else is
not read."""

from __future__ import annotations

import re

# letter -> (key, words in the sentence that support the reading)
_CONVENTIONS: dict[str, tuple[str, re.Pattern[str]]] = {
    "γ": (
        "discount_factor",
        re.compile(
            r"discount|q-learning|reinforcement|\bmdp\b|\btd\b|bellman|future\s+(?:returns?|rewards?)", re.I
        ),
    ),
    "η": (
        "learning_rate",
        re.compile(r"learning\s+rate|step\s*size|q-learning|\bsgd\b|gradient\s+descent", re.I),
    ),
    "τ": ("temperature", re.compile(r"temperature|softmax|boltzmann|gibbs", re.I)),
    "ε": ("exploration", re.compile(r"greed(?:y|ily)|explor", re.I)),
    "ϵ": ("exploration", re.compile(r"greed(?:y|ily)|explor", re.I)),
    # an L2 penalty's λ is the weight decay; "the SIGReg regularization λ" weighs some other term
    "λ": (
        "weight_decay",
        re.compile(r"weight\s+decay|\b(?:l2|ℓ2|l_2|ℓ_2)\b[\s-]*(?:regulari[sz]|penalty|norm)", re.I),
    ),
}


def conventional_key(sym: str, sentence: str) -> str | None:
    """The setting a Greek letter conventionally names, when the sentence supports that reading."""
    reading = _CONVENTIONS.get(sym)
    if reading is None or not reading[1].search(sentence):
        return None
    return reading[0]
