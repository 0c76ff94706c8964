"""Settings given as a program's command-line options in the text: 'python train.py --lr 3e-4 --batch_size
64', '--epochs=100'. An option names its setting: its key is the known one ('--lr' is learning_rate), else
the option's own name ('--max_grad_norm')."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tools.analysis.hp_normalize import SCALAR
from tools.analysis.hp_phrased import Named
from tools.analysis.hp_vocabulary import CHOICES, OPTIMIZERS, own_key

# a word an option takes without '=' ('--optimizer adamw'); after '=' any word is the value
_WORDS = re.compile(
    "|".join([*OPTIMIZERS, *(c for v in CHOICES.values() for c in v), "true", "false"]), re.I
)
# '--lr 3e-4', '--optimizer=adamw', '–epochs 100' (a PDF joins the two hyphens into a dash)
_OPTION = re.compile(
    r"(?<![\w-])(?:--|–)(?P<name>[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*)"
    rf"(?P<sep>\s*=\s*|\s+)(?P<value>{SCALAR}|[A-Za-z][\w.-]*\w)(?!\w|\.\w)"
)


def options(text: str) -> Iterator[Named]:
    """Each option the text sets with a value, under its setting's key."""
    for m in _OPTION.finditer(text):
        word = not m["value"][0].isdigit() and m["value"][0] not in ".-"
        if word and "=" not in m["sep"] and not _WORDS.fullmatch(m["value"]):
            continue  # '--fp16 training': a switch, and the sentence goes on
        yield Named(m, m["name"], own_key(m["name"]))
