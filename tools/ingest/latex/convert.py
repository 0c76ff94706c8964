"""LaTeX body -> Markdown per the contract in tools/findings.py: headings with section numbers,
paragraphs on one line, inline math `$...$`, display math `$$ <exact LaTeX> $$ (label)`, `**Algorithm N**
caption` + numbered steps, `**Theorem N** (title). text`, tables as Markdown tables, figure captions,
references resolved to the numbers LaTeX prints.

A regex tokenizer walks the macro-expanded body once; numbers come from latex.numbering by offset.
"""

from __future__ import annotations

import re

from tools.ingest.latex import algorithms
from tools.ingest.latex.macros import MacroTable
from tools.ingest.latex.numbering import FLOATS, VERBATIM, Numbering
from tools.ingest.latex.scan import (
    Unbalanced,
    env_end,
    read_arg,
    read_args,
    read_group,
    read_optional,
    skip_space,
    split_spans,
    squash,
)
from tools.ingest.latex.text import ACCENTS, ESCAPES, SYMBOLS, accent, clean_math

_TOKEN = re.compile(
    r"(?P<par>\n[ \t]*\n\s*)"
    r"|\\begin\s*\{(?P<begin>[^{}]*)\}|\\end\s*\{(?P<end>[^{}]*)\}"
    r"|(?P<dmath>\\\[|\$\$)|(?P<imath>\\\(|\$)"
    r"|\\(?P<cs>[a-zA-Z@]+)(?P<star>\*?)"
    r"|\\(?P<esc>.)"
    r"|(?P<ch>[{}~]|---?|``|''|\n)",
    re.S,
)
HEADING = {"part": 1, "chapter": 2, "section": 2, "subsection": 3, "subsubsection": 4}
RUN_IN = {"paragraph", "subparagraph"}
# macro -> argument spec consumed and dropped (m: mandatory, o: optional, s: star)
DROP = {
    "label": "m",
    "vspace": "sm",
    "hspace": "sm",
    "includegraphics": "om",
    "bibliographystyle": "m",
    "setlength": "mm",
    "addtolength": "mm",
    "definecolor": "mmm",
    "color": "om",
    "hypersetup": "m",
    "newtheorem": "smom",
    "theoremstyle": "m",
    "setcounter": "mm",
    "addtocounter": "mm",
    "pagestyle": "m",
    "thispagestyle": "m",
    "pagenumbering": "m",
    "numberwithin": "mm",
    "declaretheorem": "om",
    "usepackage": "om",
    "algrenewcommand": "mm",
    "algnewcommand": "mm",
    "algblock": "mm",
    "algrenewtext": "mom",
    "SetKwInOut": "mm",
    "SetKwInput": "mm",
    "SetKwFunction": "mm",
    "SetKw": "mm",
    "thanks": "m",
    "icmlsetsymbol": "mm",
    "icmlauthor": "mm",
    "icmlaffiliation": "mm",
    "icmlcorrespondingauthor": "mm",
    "icmlkeywords": "m",
    "printAffiliationsAndNotice": "m",
    "icmltitlerunning": "m",
    "bibliography": "m",
    "author": "om",
    "title": "om",
    "icmltitle": "m",
    "date": "m",
    "affiliation": "m",
    "email": "m",
    "address": "m",
    "vskip": "",
    "hskip": "",
    "newpage": "",
    "clearpage": "",
    "maketitle": "",
    "centering": "",
    "noindent": "",
    "raggedright": "",
    "raggedleft": "",
    "small": "",
    "footnotesize": "",
    "scriptsize": "",
    "tiny": "",
    "normalsize": "",
    "large": "",
    "Large": "",
    "LARGE": "",
    "huge": "",
    "Huge": "",
    "bf": "",
    "it": "",
    "rm": "",
    "sf": "",
    "tt": "",
    "sc": "",
    "em": "",
    "bfseries": "",
    "itshape": "",
    "rmfamily": "",
    "sffamily": "",
    "ttfamily": "",
    "scshape": "",
    "upshape": "",
    "mdseries": "",
    "normalfont": "",
    "xspace": "",
    "protect": "",
    "relax": "",
    "hfill": "",
    "vfill": "",
    "smallskip": "",
    "medskip": "",
    "bigskip": "",
    "hline": "",
    "toprule": "",
    "midrule": "",
    "bottomrule": "",
    "cline": "m",
    "cmidrule": "om",
    "addlinespace": "o",
    "nobreak": "",
    "allowbreak": "",
    "break": "",
    "pagebreak": "o",
    "nopagebreak": "o",
    "ignorespaces": "",
    "unskip": "",
    "selectfont": "",
    "fontsize": "mm",
    "tableofcontents": "",
    "listoffigures": "",
    "nocite": "m",
    "let": "",
    "newline": "",
    "appendix": "",
    "iclrfinalcopy": "",
    "nipsfinalcopy": "",
    "else": "",
    "fi": "",
    "DontPrintSemicolon": "",
    "SetAlgoLined": "",
    "LinesNumbered": "",
    "SetAlgoNoLine": "",
    "resizebox": "mm",
    "scalebox": "m",
    "renewcommand": "mm",
    "newcommand": "mm",
    "makeatletter": "",
    "makeatother": "",
    "belowcaptionskip": "",
    "abovecaptionskip": "",
    "footnotemark": "o",
    "phantom": "m",
    "vphantom": "m",
    "hphantom": "m",
    "index": "m",
    "addcontentsline": "mmm",
    "balance": "",
    "twocolumn": "o",
    "onecolumn": "",
    "linewidth": "",
    "textwidth": "",
    "columnwidth": "",
    "and": "",
    "And": "",
    "AND": "",
    "texorpdfstring": "m",
    "multirow": "omomo",
    "phantomsection": "",
    "hypertarget": "m",
    "hyperref": "o",
    "captionsetup": "om",
    "graphicspath": "m",
    "sisetup": "m",
    "DeclareGraphicsExtensions": "m",
    "noalign": "",
    "rowcolor": "om",
    "cellcolor": "om",
    "arraystretch": "",
    "tabcolsep": "",
    "setlist": "om",
    "renewenvironment": "mmm",
    "newenvironment": "mmm",
    "crefname": "mmm",
    "Crefname": "mmm",
    "qedhere": "",
    "qed": "",
    "leavevmode": "",
}
WRAP = {
    "textbf": ("**", "**"),
    "emph": ("*", "*"),
    "textit": ("*", "*"),
    "textsl": ("*", "*"),
    "texttt": ("`", "`"),
    "underline": ("", ""),
    "textsc": ("", ""),
    "textrm": ("", ""),
    "textsf": ("", ""),
    "textnormal": ("", ""),
    "textup": ("", ""),
    "mbox": ("", ""),
    "makebox": ("", ""),
    "text": ("", ""),
    "hbox": ("", ""),
    "fbox": ("", ""),
    "textmd": ("", ""),
    "uline": ("", ""),
    "textsuperscript": ("^", ""),
    "textsubscript": ("_", ""),
    "centerline": ("", ""),
    "framebox": ("", ""),
    "parbox": ("", ""),
}
SKIP_ENVS = {
    "tikzpicture",
    "pgfpicture",
    "picture",
    "comment",
    "titlepage",
    "thebibliography_",
    "filecontents",
    "filecontents*",
}
_RULES = re.compile(
    r"(?:\s*\\(?:hline|toprule|midrule|bottomrule|hhline\{[^}]*\}|cline\s*\{[^}]*\}"
    r"|cmidrule(?:\s*\([^)]*\))?\s*\{[^}]*\}|addlinespace(?:\s*\[[^\]]*\])?)(?![a-zA-Z]))+"
)
# environment -> its arguments (read and dropped before the content is converted)
_ENV_ARGS = {
    "subfigure": "om",
    "subtable": "om",
    "minipage": "ooom",
    "wrapfigure": "omom",
    "wraptable": "omom",
    "center": "",
    "flushleft": "",
    "flushright": "",
    "adjustbox": "m",
    "multicols": "m",
    "multicols*": "m",
    "spacing": "m",
    "tcolorbox": "o",
    "mdframed": "o",
    "framed": "",
    "small": "",
    "footnotesize": "",
    "scriptsize": "",
    "landscape": "",
    "sidewaystable": "o",
    "sidewaysfigure": "o",
    "threeparttable": "o",
    "tablenotes": "o",
    "savenotes": "",
    "samepage": "",
    "widetext": "",
    "strip": "",
}
REF_NAMES = {
    "equation": ("Eq.", "Equation"),
    "section": ("Section", "Section"),
    "subsection": ("Section", "Section"),
    "subsubsection": ("Section", "Section"),
    "chapter": ("Chapter", "Chapter"),
    "figure": ("Fig.", "Figure"),
    "table": ("Table", "Table"),
    "algorithm": ("Algorithm", "Algorithm"),
    "paragraph": ("Section", "Section"),
}


class Renderer:
    def __init__(self, body: str, numbering: Numbering, macros: MacroTable) -> None:
        self.s = body
        self.n = numbering
        self.macros = macros
        self.out: list[str] = []
        self.buf: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.cell_depth = 0
        self.warnings: list[str] = []

    # output plumbing
    def flush(self) -> None:
        text = squash("".join(self.buf))
        self.buf = []
        if text:
            self.out.append(text)

    def block(self, text: str) -> None:
        self.flush()
        if text.strip():
            self.out.append(text)

    def capture(self, a: int, b: int) -> list[str]:
        saved = self.out, self.buf
        self.out, self.buf = [], []
        self.walk(a, b)
        self.flush()
        blocks = self.out
        self.out, self.buf = saved
        return blocks

    def inline(self, a: int, b: int) -> str:
        return squash(" ".join(self.capture(a, b)))

    def inline_text(self, tex: str) -> str:
        """Render a string that is not part of the body (titles from the preamble)."""
        sub = Renderer(tex, Numbering(labels=self.n.labels), self.macros)
        return sub.inline(0, len(tex))

    # walking
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

    def token(self, m: re.Match[str], b: int) -> int:  # noqa: C901
        s, kind = self.s, m.lastgroup
        if kind == "par":
            self.flush()
            return m.end()
        if kind == "ch":
            c = m.group()
            if c == "{":
                _, end = read_group(s, m.start())
                self.walk(m.end(), end - 1)
                return end
            if c == "}":
                return m.end()
            self.buf.append({"~": " ", "--": "–", "---": "—", "``": "“", "''": "”", "\n": " "}[c])
            return m.end()
        if kind == "esc":
            c = m.group("esc")
            if c in ACCENTS and c not in ("c", "d", "b", "H", "k", "r", "u", "v"):
                arg, end = read_arg(s, m.end())
                self.buf.append(accent(c, arg.strip() or " "))
                return end
            self.buf.append(ESCAPES.get(c, c))
            if c == "\\":  # a line break's star and [spacing] are not text
                _, end = read_args(s, m.end(), "so")
                return end
            return m.end()
        if kind == "imath":
            close = "\\)" if m.group() == "\\(" else "$"
            j = _find_close(s, m.end(), close, b)
            self.buf.append(f"${clean_math(s[m.end() : j])}$")
            return j + len(close)
        if kind == "dmath" or kind == "begin":
            disp = self.n.displays.get(m.start())
            if disp is not None:
                self.display(disp.rows)
                return disp.end
            if kind == "dmath":
                close = "\\]" if m.group() == "\\[" else "$$"
                j = _find_close(s, m.end(), close, b)
                self.display_rows([(clean_math(s[m.end() : j]), None)])
                return j + len(close)
            return self.environment(m.group("begin").strip(), m.start(), m.end())
        if kind == "end":
            return m.end()
        return self.command(m.group("cs"), bool(m.group("star")), m.start(), m.end())

    # blocks
    def display(self, rows) -> None:
        for r in rows:
            if r.intertext:  # prose LaTeX prints between two rows
                self.block(self.inline_text(r.intertext))
            self.display_rows([(r.tex, r.label)])

    def display_rows(self, rows: list[tuple[str, str | None]]) -> None:
        self.flush()
        for tex, label in rows:
            if not tex and label is None:
                continue
            self.out.append(f"$$ {tex} $$" + (f" ({label})" if label is not None else ""))

    def environment(self, env: str, at: int, i: int) -> int:  # noqa: C901
        s = self.s
        thm = self.n.theorems.get(at)
        try:
            c_end, e_end = env_end(s, env, i)
        except Unbalanced:
            self.warnings.append(f"\\begin{{{env}}} near offset {at} is never closed; read to the end")
            c_end = e_end = len(s)
        if thm is not None:
            self.theorem(thm)
            return e_end
        base = env.rstrip("*")
        if env in SKIP_ENVS or base in SKIP_ENVS:
            return e_end
        if env in VERBATIM:
            arg_end = i
            if env == "minted":
                _, arg_end = read_arg(s, i)
            self.block("```\n" + s[arg_end:c_end].strip("\n") + "\n```")
            return e_end
        if base in ("algorithm", "algorithm2e"):
            self.algorithm(at, i, c_end)
            return e_end
        if base in ("algorithmic", "algorithmicx"):
            self.flush()
            steps = algorithms.steps(self, i, c_end, env)
            self.block("**Algorithm**\n" + "\n".join(steps) if steps else "")
            return e_end
        if base in ("tabular", "tabularx", "tabulary", "longtable", "array", "tabu"):
            self.table(env, i, c_end)
            return e_end
        if base == "abstract":
            self.block("## Abstract")
            self.headings.append((2, "Abstract"))
            self.walk(i, c_end)
            self.flush()
            return e_end
        if base in ("itemize", "enumerate", "description", "compactitem", "compactenum", "inparaenum"):
            self.listing(base, i, c_end)
            return e_end
        if base in ("quote", "quotation"):
            for blk in self.capture(i, c_end):
                self.block("> " + blk.replace("\n", "\n> "))
            return e_end
        if base == "proof":
            title, j = read_optional(s, i)
            blocks = self.capture(j, c_end)
            head = f"*{squash(self.inline_text(title)) if title else 'Proof'}.*"
            self._lead(head, blocks)
            return e_end
        if base == "thebibliography":
            self.bibliography(i, c_end)
            return e_end
        if base in ("appendix", "appendices"):
            self.walk(i, c_end)
            return e_end
        if env in FLOATS or base in _ENV_ARGS:
            _, j = read_args(s, i, _ENV_ARGS.get(base, "o"))
            self.walk(j, c_end)
            self.flush()
            return e_end
        self.walk(i, c_end)
        return e_end

    def _lead(self, head: str, blocks: list[str]) -> None:
        """Put head before the first paragraph (alone when the statement opens with math or a list)."""
        self.flush()
        if blocks and not blocks[0].startswith(("$$", "- ", "1. ", "|", "**", "```", ">")):
            self.out.append(f"{head} {blocks[0]}")
            self.out.extend(blocks[1:])
        else:
            self.out.append(head)
            self.out.extend(blocks)

    def theorem(self, thm) -> None:
        blocks = self.capture(*thm.content)
        head = f"**{thm.name}{' ' + thm.number if thm.number else ''}**"
        if thm.title:
            head += f" ({self.inline_text(thm.title)})"
        self._lead(head + ".", blocks)

    def algorithm(self, at: int, i: int, c_end: int) -> None:
        s = self.s
        caption, number = "", None
        for pos, (kind, num) in self.n.captions.items():
            if i <= pos < c_end and kind == "algorithm":
                number = num
                m = re.compile(r"\\caption(?:of)?\s*").match(s, pos)
                j = m.end() if m else pos + 8
                _, j = read_optional(s, j)
                j = skip_space(s, j)
                cap, _ = read_group(s, j)
                caption = self.inline(j + 1, j + 1 + len(cap))
                break
        inner = re.compile(r"\\begin\s*\{(algorithmic|algorithmicx)\}").search(s, i, c_end)
        if inner:
            ie, _ = env_end(s, inner.group(1), inner.end())
            steps = algorithms.steps(self, inner.end(), ie, inner.group(1))
        else:
            _, j = read_optional(s, i)  # algorithm2e's placement [t]
            steps = algorithms.steps(self, j, c_end, "algorithm2e")
        head = f"**Algorithm{' ' + number if number else ''}** {caption}".rstrip()
        self.block(head + ("\n" + "\n".join(steps) if steps else ""))

    def table(self, env: str, i: int, c_end: int) -> None:
        s = self.s
        j = i
        base = env.rstrip("*")
        if base in ("tabularx", "tabulary", "tabu") or env == "tabular*":
            _, j = read_arg(s, j)
        _, j = read_optional(s, j)
        _, j = read_arg(s, j)  # column spec
        rows: list[list[str]] = []
        for a, b in split_spans(s, "\\\\", j, c_end):
            rule = _RULES.match(s, a, b)
            a = rule.end() if rule else a
            cells = []
            for ca, cb in split_spans(s, "&", a, b):
                text, span = self.cell(ca, cb)
                cells.append(text.replace("|", "\\|"))
                cells.extend([""] * (span - 1))
            if any(c.strip() for c in cells):
                rows.append(cells)
        if not rows:
            return
        if self.cell_depth:  # a tabular inside a table cell (a line break in a cell): its text, inline
            self.buf.append(" ".join(c for r in rows for c in r if c))
            return
        width = max(len(r) for r in rows)
        lines = []
        for k, r in enumerate(rows):
            lines.append("| " + " | ".join(r + [""] * (width - len(r))) + " |")
            if k == 0:
                lines.append("|" + "---|" * width)
        self.block("\n".join(lines))

    def cell(self, a: int, b: int) -> tuple[str, int]:
        self.cell_depth += 1
        try:
            return self._cell(a, b)
        finally:
            self.cell_depth -= 1

    def _cell(self, a: int, b: int) -> tuple[str, int]:
        m = re.compile(r"\s*\\multicolumn\s*").match(self.s, a, b)
        if m:
            n, j = read_arg(self.s, m.end())
            _, j = read_arg(self.s, j)
            j = skip_space(self.s, j)
            if j < b and self.s[j] == "{":
                _, end = read_group(self.s, j)
                text = self.inline(j + 1, end - 1) + " " + self.inline(end, b)
                return squash(text), int(n) if n.strip().isdigit() else 1
        return self.inline(a, b), 1

    def listing(self, base: str, i: int, c_end: int) -> None:
        s = self.s
        items = [
            m
            for m in re.compile(r"\\item(?![a-zA-Z])").finditer(s, i, c_end)
            if self._top_level(i, m.start())
        ]
        self.flush()
        for k, m in enumerate(items):
            stop = items[k + 1].start() if k + 1 < len(items) else c_end
            label, j = read_optional(s, m.end())
            blocks = self.capture(j, stop)
            marker = f"{k + 1}." if base in ("enumerate", "compactenum", "inparaenum") else "-"
            first = blocks[0] if blocks else ""
            if label is not None:
                first = f"**{self.inline_text(label)}** {first}".strip()
            self.out.append(f"{marker} {first}")
            self.out.extend("   " + blk.replace("\n", "\n   ") for blk in blocks[1:])

    def _top_level(self, a: int, b: int) -> bool:
        """No list environment is open between a and b."""
        seg = self.s[a:b]
        opened = len(
            re.findall(r"\\begin\s*\{(?:itemize|enumerate|description|compactitem|compactenum)\}", seg)
        )
        closed = len(
            re.findall(r"\\end\s*\{(?:itemize|enumerate|description|compactitem|compactenum)\}", seg)
        )
        return opened == closed

    def bibliography(self, i: int, c_end: int) -> None:
        _, j = read_arg(self.s, i)
        self.block("## References")
        self.headings.append((2, "References"))
        items = list(re.compile(r"\\bibitem(?![a-zA-Z])").finditer(self.s, j, c_end))
        for k, m in enumerate(items):
            stop = items[k + 1].start() if k + 1 < len(items) else c_end
            _, p = read_optional(self.s, m.end())
            key, p = read_arg(self.s, p)
            self.out.append(f"- [{key.strip()}] {self.inline(p, stop)}")

    # commands
    def command(self, cs: str, star: bool, at: int, i: int) -> int:  # noqa: C901
        s = self.s
        thm = self.n.theorems.get(at)
        if thm is not None:  # a restatable re-print
            self.theorem(thm)
            return i
        if cs in HEADING:
            return self.heading(cs, star, at, i)
        if cs in RUN_IN:
            _, j = read_optional(s, i)
            j = skip_space(s, j)
            if j < len(s) and s[j] == "{":
                title, end = read_group(s, j)
                self.flush()
                self.buf.append(f"**{squash(self.inline(j + 1, end - 1)).rstrip('.')}.** ")
                return end
            return j
        if cs in ("caption", "captionof"):
            j = i
            if cs == "captionof":
                _, j = read_arg(s, j)
            _, j = read_optional(s, j)
            j = skip_space(s, j)
            cap, end = read_group(s, j)
            text = self.inline(j + 1, end - 1)
            num = self.n.captions.get(at)
            if num is not None:
                self.block(f"**{num[0].capitalize()} {num[1]}** {text}")
            else:
                self.block(f"*{text}*")
            return end
        if cs in (
            "ref",
            "eqref",
            "cref",
            "Cref",
            "autoref",
            "Autoref",
            "cpageref",
            "pageref",
            "nameref",
            "crefrange",
            "Crefrange",
            "vref",
            "labelcref",
        ):
            key, end = read_arg(s, i)
            self.buf.append(self.reference(cs, key))
            return end
        if cs in (
            "cite",
            "citep",
            "citet",
            "citealp",
            "citealt",
            "citeauthor",
            "citeyear",
            "parencite",
            "textcite",
            "autocite",
            "citeyearpar",
            "Citet",
            "Citep",
            "citenum",
        ):
            pre, j = read_optional(s, i)
            post, j = read_optional(s, j)
            key, end = read_arg(s, j)
            keys = "; ".join(k.strip() for k in key.split(",") if k.strip())
            if post is None:  # one optional argument is the note after: \cite[p.~3]{k}
                pre, post = None, pre
            before = f"{self.inline_text(pre)} " if pre else ""
            after = f", {self.inline_text(post)}" if post else ""
            self.buf.append(f"[{before}{keys}{after}]")
            return end
        if cs in ("footnote", "footnotetext"):
            _, j = read_optional(s, i)
            j = skip_space(s, j)
            _, end = read_group(s, j)
            self.buf.append(f" (footnote: {self.inline(j + 1, end - 1)})")
            return end
        if cs in WRAP:
            j = i
            if cs in ("makebox", "framebox", "parbox"):
                _, j = read_optional(s, j)
                _, j = read_optional(s, j)
                if cs == "parbox":
                    _, j = read_arg(s, j)
            j = skip_space(s, j)
            if j < len(s) and s[j] == "{":
                _, end = read_group(s, j)
                inner = self.inline(j + 1, end - 1)
                left, right = WRAP[cs]
                self.buf.append(f"{left}{inner}{right}" if inner else "")
                return end
            return j
        if cs in ("Comment", "COMMENT", "tcp", "tcc", "tcp*", "tcc*", "CommentSty"):
            j = skip_space(s, i + (1 if s.startswith("*", i) else 0))
            if j < len(s) and s[j] == "{":
                _, end = read_group(s, j)
                self.buf.append(f" ▷ {self.inline(j + 1, end - 1)}")
                return end
            return i
        if cs in ("Call", "FuncSty", "ProcNameSty"):
            name, j = read_arg(s, i)
            args, end = read_args(s, j, "m") if cs == "Call" else ([None], j)
            arg = f"({self.inline_text(args[0])})" if args and args[0] is not None else ""
            self.buf.append(f"{self.inline_text(name)}{arg}")
            return end
        if cs == "textcolor":
            _, j = read_arg(s, i)
            return j
        if cs == "url":
            url, end = read_arg(s, i)
            self.buf.append(f"<{url.strip()}>")
            return end
        if cs == "href":
            url, j = read_arg(s, i)
            j = skip_space(s, j)
            _, end = read_group(s, j)
            self.buf.append(f"[{self.inline(j + 1, end - 1)}]({url.strip()})")
            return end
        if cs == "verb":
            if i < len(s):
                close = s.find(s[i], i + 1)
                if close > 0:
                    self.buf.append(f"`{s[i + 1 : close]}`")
                    return close + 1
            return i
        if cs == "ensuremath":
            j = skip_space(s, i)
            if j < len(s) and s[j] == "{":
                inner, end = read_group(s, j)
                self.buf.append(f"${clean_math(inner)}$")
                return end
            return i
        if cs == "item":
            _, j = read_optional(s, i)
            self.buf.append(" ")
            return j
        if cs in SYMBOLS:
            self.buf.append(SYMBOLS[cs])
            return i
        if cs in ACCENTS:
            arg, end = read_arg(s, i)
            self.buf.append(accent(cs, arg.strip() or " "))
            return end
        if cs in DROP:
            _, end = read_args(s, i, DROP[cs])
            if cs in ("vskip", "hskip"):
                dim = re.compile(r"\s*-?[\d.]*\s*\\?[a-zA-Z]+(?:\s*plus\s*[\d.]*\s*[a-z]+)?").match(s, end)
                end = dim.end() if dim else end
            return end
        return i  # unknown command: its name is dropped, its arguments read as text

    def heading(self, cs: str, star: bool, at: int, i: int) -> int:
        s = self.s
        _, j = read_optional(s, i)
        j = skip_space(s, j)
        if j >= len(s) or s[j] != "{":
            return j
        _, end = read_group(s, j)
        title = self.inline(j + 1, end - 1)
        number = self.n.sections.get(at)
        level = HEADING[cs] + (1 if cs != "chapter" and cs != "part" and self._has_chapters() else 0)
        text = f"{number} {title}" if number else title
        self.block("#" * level + " " + text)
        self.headings.append((level, text))
        return end

    def _has_chapters(self) -> bool:
        return "\\chapter" in self.s

    def reference(self, cs: str, keys: str) -> str:
        out = []
        for key in (k.strip() for k in keys.split(",")):
            ref = self.n.labels.get(key)
            if ref is None:
                out.append(f"[{key}]")
                continue
            if cs == "eqref":
                out.append(f"({ref.number})")
            elif cs in ("cref", "Cref", "autoref", "Autoref", "vref", "labelcref"):
                short, full = REF_NAMES.get(
                    ref.kind, (self.n.theorem_names.get(ref.kind, ref.kind.capitalize()),) * 2
                )
                name = full if cs in ("Cref", "Autoref") or cs == "autoref" else short
                num = f"({ref.number})" if ref.kind == "equation" else ref.number
                out.append(f"{name} {num}" if cs != "labelcref" else num)
            else:
                out.append(ref.number)
        return ", ".join(out)


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
