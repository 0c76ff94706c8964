"""User macros: collect simple \\newcommand/\\renewcommand/\\def/\\DeclareMathOperator/... definitions and
expand them in the text, with their arguments read as TeX would (tools/ingest/latex/macro_args.py).

Definitions that need a TeX engine (\\csname, \\expandafter, conditionals, @-internals, \\def parameters
delimited by more than literal text) are left alone and named in `skipped`. Expansion is bounded (passes and
growth), so a recursive definition cannot hang or blow up the conversion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tools.ingest.latex.macro_args import ENDS_WITH_WORD, Macro, apply, arg_count, def_parameters
from tools.ingest.latex.scan import Unbalanced, read_arg, read_group, skip_space

_DEF = re.compile(
    r"\\(newcommand|renewcommand|providecommand|DeclareRobustCommand|newcommandx|renewcommandx|providecommandx"
    r"|def|gdef|edef|xdef|let|DeclareMathOperator|DeclarePairedDelimiterX|DeclarePairedDelimiter"
    r"|newenvironment|renewenvironment|NewDocumentCommand|RenewDocumentCommand)(?![a-zA-Z@])(\*?)"
)
_CS = re.compile(r"\\(?:([a-zA-Z]+)|.)", re.S)
_COMPLEX = re.compile(
    r"\\(?:csname|expandafter|if[a-zA-Z]*|futurelet|afterassignment|makeatletter|def|gdef|edef"
    r"|newcommand|renewcommand|let|noexpand|@[a-zA-Z@]*)(?![a-zA-Z])|@"
    r"|\\[a-zA-Z]+_[a-zA-Z_]*:[a-zA-Z]*"  # an expl3 function ('\\tl_if_in:VnTF'): only TeX runs those
)
_XSPACE_BEFORE_WORD = re.compile(r"\\xspace(?=[A-Za-z0-9])")
_SPACE_FACTOR = re.compile(r"\\@(?![a-zA-Z@])")
_COUNTER_FORMAT = re.compile(r"\\(?:arabic|alph|Alph|roman|Roman|fnsymbol|the[a-zA-Z]+)(?![a-zA-Z])")
# Commands the converter interprets itself: a redefinition of these would hide the structure.
PROTECTED = {
    "begin",
    "end",
    "section",
    "subsection",
    "subsubsection",
    "paragraph",
    "subparagraph",
    "chapter",
    "part",
    "label",
    "ref",
    "eqref",
    "cref",
    "Cref",
    "autoref",
    "caption",
    "item",
    "footnote",
    "title",
    "author",
    "maketitle",
    "appendix",
    "tag",
    "nonumber",
    "IEEEnonumber",
    "notag",
    "includegraphics",
    "input",
    "include",
    "documentclass",
    "usepackage",
    "newtheorem",
    "bibliography",
    "bibitem",
    "url",
    "href",
    "verb",
}
PROTECTED_ENVS = {
    "document",
    "equation",
    "align",
    "gather",
    "multline",
    "flalign",
    "alignat",
    "eqnarray",
    "IEEEeqnarray",
    "subequations",
    "algorithm",
    "algorithm2e",
    "algorithmic",
    "figure",
    "table",
    "tabular",
    "itemize",
    "enumerate",
    "description",
    "abstract",
    "thebibliography",
    "restatable",
    "split",
    "cases",
}
# control symbols the converter reads itself (a line break, braces, escaped specials): never redefined here
_STRUCTURAL_SYMBOLS = set("\\{}%$&#_^~ []()")
MAX_PASSES = 40
_INTERNAL = {
    "def",
    "gdef",
    "edef",
    "xdef",
    "let",
    "renewcommand",
    "renewcommandx",
    "renewenvironment",
    "RenewDocumentCommand",
    "newenvironment",
}


@dataclass
class MacroTable:
    macros: dict[str, Macro] = field(default_factory=dict)
    envs: dict[str, Macro] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    formats: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    def define(self, mac: Macro, how: str) -> None:
        mac.body = _SPACE_FACTOR.sub("", mac.body)  # "OPTIMIST\@\xspace": \@ only sets the space after a dot
        structural = mac.name in PROTECTED or mac.name in _STRUCTURAL_SYMBOLS or not mac.name
        if structural or _COMPLEX.search(mac.body + (mac.end or "")) or "@" in mac.name:
            self.skipped.append(mac.name)
            return
        if mac.name.startswith("the") and _COUNTER_FORMAT.search(mac.body):
            self.formats.add(mac.name)  # a counter format (\theequation...): numbering reads it
            return
        if how == "providecommand" and mac.name in self.macros:
            return
        self.macros[mac.name] = mac

    def collect(self, text: str, package: bool = False) -> str:
        """Read every definition in text (in order); return the text without them. From a package (.sty)
        only \\newcommand-like definitions count: its \\def and \\renew... are internals."""
        out, pos = [], 0
        for m in _DEF.finditer(text):
            if m.start() < pos:
                continue
            if package and m.group(1) in _INTERNAL:
                continue
            try:
                end = self._parse(text, m)
            except (Unbalanced, IndexError):
                self.warnings.append(f"could not read a \\{m.group(1)} definition near offset {m.start()}")
                continue
            if _is_format(text, m, self.formats):
                continue  # left in the text for numbering
            out.append(text[pos : m.start()])
            pos = end
        out.append(text[pos:])
        return "".join(out)

    def _parse(self, s: str, m: re.Match[str]) -> int:
        how, star, i = m.group(1), m.group(2), m.end()
        if how in ("newenvironment", "renewenvironment"):
            return self._parse_env(s, i)
        name, i = read_arg(s, i)
        name = name.strip().lstrip("\\")
        if how in ("def", "gdef", "edef", "xdef"):
            return self._parse_def(s, i, name, how)
        if how == "let":
            return self._parse_let(s, i, name, how)
        if how == "DeclareMathOperator":
            text, i = read_arg(s, i)
            self.define(Macro(name, 0, f"\\operatorname{star}{{{text}}}"), how)
        elif how.startswith("DeclarePairedDelimiter"):
            return self._parse_delimiter(s, i, name, how)
        elif how in ("NewDocumentCommand", "RenewDocumentCommand"):
            spec, i = read_arg(s, i)
            body, i = read_arg(s, i)
            if re.fullmatch(r"\s*(m\s*)*", spec):
                self.define(Macro(name, spec.count("m"), body), how)
            else:
                self.skipped.append(name)
        else:
            mac, i = arg_count(s, i, name)
            mac.body, i = read_arg(s, i)
            self.define(mac, how.removesuffix("x"))
        return i

    def _parse_env(self, s: str, i: int) -> int:
        name, i = read_arg(s, i)
        mac, i = arg_count(s, i, name.strip())
        begin, i = read_arg(s, i)
        end, i = read_arg(s, i)
        name = name.strip()
        if name in PROTECTED_ENVS or _COMPLEX.search(begin + end):
            self.skipped.append(name)
        else:
            mac.body, mac.end = begin, end
            self.envs[name] = mac
        return i

    def _parse_def(self, s: str, i: int, name: str, how: str) -> int:
        j = s.find("{", i)
        params = s[i:j]
        body, i = read_group(s, j)
        parsed = def_parameters(params)
        if parsed is None:
            self.skipped.append(name)  # parameters only TeX's own matcher reads
            return i
        n, prefix, delimiters = parsed
        self.define(Macro(name, n, body, prefix=prefix, delimiters=delimiters), how)
        return i

    def _parse_let(self, s: str, i: int, name: str, how: str) -> int:
        j = skip_space(s, i)
        if j < len(s) and s[j] == "=":
            j += 1
        target, i = read_arg(s, j)
        if target.startswith("\\") and target[1:] != name:
            self.define(Macro(name, 0, target), how)
        return i

    def _parse_delimiter(self, s: str, i: int, name: str, how: str) -> int:
        n = 1
        if how.endswith("X"):
            counted, i = arg_count(s, i)
            n = counted.nargs
        left, i = read_arg(s, i)
        right, i = read_arg(s, i)
        body = "#1"
        if how.endswith("X"):
            body, i = read_arg(s, i)
        self.define(Macro(name, n, body, left=left, right=right), how)
        return i

    def expand(self, text: str) -> str:
        """Expand the known macros until none is left (bounded); an \\xspace a macro left before a letter or
        a digit prints as the space it stands for ("\\algoname2" with "OPTIMIST\\xspace" is "OPTIMIST 2")."""
        return _XSPACE_BEFORE_WORD.sub(" ", self._expand_all(text))

    def _expand_all(self, text: str) -> str:
        if not self.macros and not self.envs:
            return text
        limit = 2 * len(text) + 200_000
        for _ in range(MAX_PASSES):
            new = self._pass(text)
            if new == text:
                return text
            text = new
            if len(text) > limit:
                self.warnings.append(
                    "macro expansion stopped: the text grew too much (a recursive definition?)"
                )
                return text
        self.warnings.append(f"macro expansion stopped after {MAX_PASSES} passes (a recursive definition?)")
        return text

    def _pass(self, text: str) -> str:
        out, pos = [], 0
        for m in _CS.finditer(text):
            if m.start() < pos:
                continue
            name = m.group(1) or _control_symbol(m.group(), self.macros)
            if name is None:
                continue
            try:
                if name in ("begin", "end") and self.envs:
                    got = self._env(text, m.end(), name == "begin")
                else:
                    mac = self.macros.get(name)
                    got = apply(mac, text, m.end()) if mac else None
            except (Unbalanced, IndexError):
                got = None
            if got is None:
                continue
            rep, end = got
            before = text[pos : m.start()]
            if not rep and before.endswith("$") and text.startswith("$", end):
                rep = "{}"  # `$\empty$` stays an empty formula, not a `$$` display
            # keep control words apart from letters: \sim\pdata -> \sim p_{...}, not \simp_{...}
            if rep[:1].isalpha() and ENDS_WITH_WORD.search(text, max(0, m.start() - 40), m.start()):
                rep = " " + rep
            if end < len(text) and text[end].isalpha() and ENDS_WITH_WORD.search(rep):
                rep += " "
            out.append(before)
            out.append(rep)
            pos = end
        if not out:
            return text
        out.append(text[pos:])
        return "".join(out)

    def _env(self, s: str, i: int, begin: bool) -> tuple[str, int] | None:
        j = skip_space(s, i)
        if j >= len(s) or s[j] != "{":
            return None
        name, j = read_group(s, j)
        env = self.envs.get(name.strip())
        if env is None:
            return None
        if not begin:
            return env.end or "", j
        return apply(env, s, j)


def _control_symbol(cs: str, macros: dict[str, Macro]) -> str | None:
    """The name of a control symbol the paper defines (`\\renewcommand{\\*}[1]{\\mathbf{#1}}`), else None."""
    name = cs[1:]
    return name if name in macros else None


def _is_format(text: str, m: re.Match[str], formats: set[str]) -> bool:
    name = re.match(r"\s*\{?\s*\\([a-zA-Z]+)", text[m.end() : m.end() + 80])
    return bool(name and name.group(1) in formats)
