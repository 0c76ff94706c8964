"""LaTeX body -> Markdown per the contract in tools/findings.py: headings with section numbers,
paragraphs on one line, inline math `$...$`, display math `$$ <exact LaTeX> $$ (label)`, `**Algorithm N**
caption` + numbered steps, `**Theorem N** (title). text`, tables as Markdown tables, figure captions,
references resolved to the numbers LaTeX prints.

A regex tokenizer walks the macro-expanded body once; numbers come from latex.numbering by offset.
Commands are converted in latex.commands, environments in latex.environments, whole blocks in latex.blocks.
"""

from __future__ import annotations

import re

from tools.ingest.latex.commands import Commands
from tools.ingest.latex.environments import Environments
from tools.ingest.latex.scan import Unbalanced, read_arg, read_args, read_group
from tools.ingest.latex.text import ACCENTS, ESCAPES, accent, clean_math

_TOKEN = re.compile(
    r"(?P<par>\n[ \t]*\n\s*)"
    r"|\\begin\s*\{(?P<begin>[^{}]*)\}|\\end\s*\{(?P<end>[^{}]*)\}"
    r"|(?P<dmath>\\\[|\$\$)|(?P<imath>\\\(|\$)"
    r"|\\(?P<cs>[a-zA-Z@]+)(?P<star>\*?)"
    r"|\\(?P<esc>.)"
    r"|(?P<ch>[{}~]|---?|``|''|\n)",
    re.S,
)
_MATH_REF = re.compile(r"\\(ref|eqref|cref|Cref|autoref|Autoref|labelcref)\*?\s*\{([^{}]*)\}")
_CHARS = {"~": " ", "--": "–", "---": "—", "``": "“", "''": "”", "\n": " "}
_LETTER_ACCENTS = ("c", "d", "b", "H", "k", "r", "u", "v")  # \c, \v, ... are read as commands


class Renderer(Commands, Environments):
    def walk(self, a: int, b: int) -> None:
        s, pos = self.s, a
        while pos < b:
            m = _TOKEN.search(s, pos, b)
            if m is None:
                self.buf.append(s[pos:b])
                return
            if m.start() > pos:
                self.buf.append(s[pos : m.start()])
            try:
                pos = self.token(m, b)
            except (Unbalanced, IndexError) as e:
                self.warnings.append(f"near offset {m.start()}: {e}; kept the text as is")
                self.buf.append(m.group())
                pos = m.end()

    def token(self, m: re.Match[str], b: int) -> int:
        kind = m.lastgroup
        if kind == "par":
            self.flush()
            return m.end()
        if kind == "ch":
            return self._char(m)
        if kind == "esc":
            return self._escape(m)
        if kind == "imath":
            close = "\\)" if m.group() == "\\(" else "$"
            j = _find_close(self.s, m.end(), close, b)
            self.buf.append(self._inline_math(clean_math(self.s[m.end() : j])))
            return j + len(close)
        if kind == "dmath" or kind == "begin":
            return self._display_or_env(m, b)
        if kind == "end":
            return m.end()
        return self.command(m.group("cs"), bool(m.group("star")), m.start(), m.end())

    def _inline_math(self, tex: str) -> str:
        """Inline maths as `$...$`; a reference inside it reads as in prose: '$\\eqref{eq:a}$' -> '(3)'."""
        text = _MATH_REF.sub(lambda r: self.reference(r.group(1), r.group(2)), tex)
        if text != tex and not _MATH_REF.sub("", tex).strip():
            return text
        return f"${text}$"

    def _char(self, m: re.Match[str]) -> int:
        c = m.group()
        if c == "{":
            _, end = read_group(self.s, m.start())
            self.walk(m.end(), end - 1)
            return end
        if c == "}":
            return m.end()
        self.buf.append(_CHARS[c])
        return m.end()

    def _escape(self, m: re.Match[str]) -> int:
        c = m.group("esc")
        if c in ACCENTS and c not in _LETTER_ACCENTS:
            arg, end = read_arg(self.s, m.end())
            self.buf.append(accent(c, arg.strip() or " "))
            return end
        self.buf.append(ESCAPES.get(c, c))
        if c == "\\":  # a line break's star and [spacing] are not text
            _, end = read_args(self.s, m.end(), "so")
            return end
        return m.end()

    def _display_or_env(self, m: re.Match[str], b: int) -> int:
        """A display numbering found (an equation environment or \\[...\\]), other display math, or an
        environment."""
        disp = self.n.displays.get(m.start())
        if disp is not None:
            self.display(disp.rows)
            return disp.end
        if m.lastgroup == "dmath":
            close = "\\]" if m.group() == "\\[" else "$$"
            j = _find_close(self.s, m.end(), close, b)
            self.display_rows([(clean_math(self.s[m.end() : j]), None)])
            return j + len(close)
        return self.environment(m.group("begin").strip(), m.start(), m.end())


def _find_close(s: str, i: int, close: str, b: int) -> int:
    j = i
    while True:
        j = s.find(close, j, b if b > j else len(s))
        if j < 0:
            raise Unbalanced(f"math opened with {'$' if close == '$' else close} is never closed")
        if s[j - 1] == "\\" and (j < 2 or s[j - 2] != "\\"):
            j += 1
            continue
        return j
