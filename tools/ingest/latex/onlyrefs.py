"""mathtools' showonlyrefs: only the displays whose label is referenced print a number.

LaTeX numbers such a display when \\eqref, \\refeq or \\noeqref names its label (anywhere in the document,
through the .aux file); \\tag always prints. The option is set by \\usepackage[showonlyrefs]{mathtools} or
\\mathtoolsset{showonlyrefs} (`=true`; `=false` turns it off again), the last setting in the preamble winning.
"""

from __future__ import annotations

import re

_SETTING = re.compile(
    r"\\usepackage\s*\[([^\]]*)\]\s*\{[^{}]*\bmathtools\b[^{}]*\}"
    r"|\\mathtoolsset\s*\{([^{}]*)\}"
)
_OPTION = re.compile(r"(?:^|,)\s*showonlyrefs\s*(?:=\s*(true|false)\s*)?(?=,|$)")
_MARKING_REF = re.compile(r"\\(?:eqref|refeq|noeqref)\s*\{([^{}]*)\}")


def shows_only_refs(preamble: str) -> bool:
    """Whether the preamble turns mathtools' showonlyrefs on (its last setting)."""
    on = False
    for m in _SETTING.finditer(preamble):
        opt = _OPTION.search(m.group(1) if m.group(1) is not None else m.group(2))
        if opt:
            on = opt.group(1) != "false"
    return on


def referenced_labels(text: str) -> set[str]:
    """The labels \\eqref, \\refeq and \\noeqref name (\\noeqref takes a comma list)."""
    return {key.strip() for m in _MARKING_REF.finditer(text) for key in m.group(1).split(",") if key.strip()}
