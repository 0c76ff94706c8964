"""Numbers as LaTeX prints them: equations (per row of align-like environments, \\tag, \\nonumber,
subequations, \\numberwithin, appendix letters), sections, theorem-like environments (\\newtheorem with shared
counters and numbering within sections, thmtools \\declaretheorem, restatable), algorithms, figures, tables,
and every \\label's printed value.

One pass over the preamble (declarations) and the body (events), keyed by offsets in the body so the
converter can look each thing up where it meets it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tools.ingest.latex.counters import Counters
from tools.ingest.latex.onlyrefs import referenced_labels, shows_only_refs
from tools.ingest.latex.scan import (
    CHAPTER_CLASSES,
    Unbalanced,
    env_end,
    read_arg,
    read_group,
    read_optional,
    skip_space,
    split_commas,
    split_top,
    squash,
)
from tools.ingest.latex.text import clean_math

SINGLE = {"equation", "multline", "dmath", "displaymath"}
MULTI = {"align", "gather", "flalign", "alignat", "eqnarray", "xalignat", "xxalignat", "IEEEeqnarray"}
CASES = {"numcases", "subnumcases"}  # the cases package: a shared left-hand side, a number per row
UNNUMBERED = {"displaymath"}
FLOATS = {
    "figure": "figure",
    "figure*": "figure",
    "table": "table",
    "table*": "table",
    "wrapfigure": "figure",
    "wraptable": "table",
    "algorithm": "algorithm",
    "algorithm*": "algorithm",
    "algorithm2e": "algorithm",
    "sidewaysfigure": "figure",
    "sidewaystable": "table",
}
VERBATIM = {"verbatim", "verbatim*", "lstlisting", "minted", "Verbatim", "alltt", "spverbatim", "comment"}
SUBFLOATS = {"subfigure", "subtable", "minipage"}
SECTION_LEVEL = {
    "part": -1,
    "chapter": 0,
    "section": 1,
    "subsection": 2,
    "subsubsection": 3,
    "paragraph": 4,
    "subparagraph": 5,
}
STD_THEOREMS = {
    "theorem": "Theorem",
    "lemma": "Lemma",
    "proposition": "Proposition",
    "corollary": "Corollary",
    "definition": "Definition",
}

# theorem-like environments a document class declares itself (its .cls is rarely in a paper's source):
# Springer's llncs gives each its own counter (without `envcountsame`) and leaves the claim unnumbered
_LLNCS = ("case conjecture corollary definition example exercise lemma note problem property proposition "
          "question remark solution theorem")
CLASS_THEOREMS = {"llncs": {**dict.fromkeys(_LLNCS.split(), True), "claim": False}}

_EVENT = re.compile(
    r"\\(begin|end)\s*\{([^{}]*)\}"
    r"|\\(part|chapter|section|subsection|subsubsection|paragraph|subparagraph)(?![a-zA-Z@])\s*(\*?)"
    r"|\\(appendix|label|caption|captionof|setcounter|addtocounter|stepcounter|refstepcounter|numberwithin"
    r"|counterwithin|counterwithout|newtheorem|declaretheorem|newcounter|newaliascnt|renewcommand|def"
    r"|newcommand|providecommand|DeclareRobustCommand|gdef|edef|xdef"
    r"|documentclass|usepackage|tag|nonumber|notag|theoremstyle|AtAppendix)(?![a-zA-Z@])(\*?)"
    r"|\\(\[|\])|\$\$|\\([a-zA-Z]+)(\*?)"
    r"|\\\\"  # a line break, read whole: its `\\[2pt]` opens no display
)
_TAG = re.compile(r"\\tag(\*?)\s*\{")
_DOLLAR = re.compile(r"(?<!\\)(?:\\\\)*\$")
_CS = re.compile(r"\\(?:[a-zA-Z@]+|.)")  # a control sequence: \name or \ and one character
_LABEL = re.compile(r"\\label\s*\{([^{}]*)\}")
_NONUMBER = re.compile(r"\\(?:nonumber|notag|IEEEnonumber)(?![a-zA-Z])")
_ROW_COUNTER = re.compile(r"\\(refstepcounter|stepcounter|addtocounter|setcounter)(?![a-zA-Z@])\s*")
_THE_EQUATION = re.compile(r"\\theequation(?![a-zA-Z@])")
_PRINTED_EQUATION = re.compile(r"\(\s*\\theequation\s*\)")
_THE_DEF = re.compile(r"\s*\{?\s*\\the([a-zA-Z]+)\s*\}?\s*")


@dataclass
class Row:
    tex: str
    label: str | None
    texlabel: str | None = None
    intertext: str | None = None  # \intertext{...} text LaTeX prints before this row


@dataclass
class Display:
    env: str
    end: int  # body offset just after the display
    rows: list[Row]


@dataclass
class Thm:
    env: str
    name: str
    number: str | None
    title: str | None
    content: tuple[int, int]  # body offsets of the statement's text
    restated: bool = False


@dataclass
class Ref:
    kind: str
    number: str


# classes whose \appendix numbers by its letter: the separator after the letter, what it numbers so, and
# whether the count restarts in each appendix ('A.1' in elsarticle.cls, 'A1' in REVTeX's equations; AASTeX
# prints 'A1 ... A11, B12' from one count)
_APPENDIX_STYLES = {
    "elsarticle": (".", ("equation", "figure", "table"), True),
    "revtex": ("", ("equation",), True),
    "aastex": ("", ("equation",), False),
}


def appendix_style(doc_class: str) -> tuple[str, tuple[str, ...], bool] | None:
    """How a document class numbers in its appendix (revtex4-1, aastex631 are their family's), else None."""
    family = next((f for f in ("revtex", "aastex") if doc_class.startswith(f)), doc_class)
    return _APPENDIX_STYLES.get(family)


@dataclass
class Numbering:
    displays: dict[int, Display] = field(default_factory=dict)
    sections: dict[int, str | None] = field(default_factory=dict)
    theorems: dict[int, Thm] = field(default_factory=dict)
    captions: dict[int, tuple[str, str]] = field(default_factory=dict)  # \caption offset -> (kind, number)
    labels: dict[str, Ref] = field(default_factory=dict)
    theorem_names: dict[str, str] = field(default_factory=dict)  # env -> printed name
    appendix_at: int | None = None
    warnings: list[str] = field(default_factory=list)


class _Numberer:
    def __init__(self, doc_class: str, expand: Callable[[str], str] = str) -> None:
        self.c = Counters()
        self.n = Numbering()
        self.expand = expand  # the paper's macros, for names given as macros
        self.chapters = doc_class in CHAPTER_CLASSES
        self.doc_class = doc_class
        c = self.c
        if self.chapters:
            c.new("chapter")
        c.new("section", "chapter" if self.chapters else None)
        c.new("subsection", "section")
        c.new("subsubsection", "subsection")
        c.new("paragraph", "subsubsection")
        c.new("subparagraph", "paragraph")
        for name in ("equation", "figure", "table"):
            c.new(name, "chapter" if self.chapters else None)
        c.new("algorithm")
        self.secnumdepth = 2 if self.chapters else 3
        self.thm_counter: dict[str, str | None] = {}  # env -> counter (None: unnumbered)
        self.current: Ref | None = None
        self.floats: list[tuple[str, Ref | None, list[str]]] = []  # (kind, its caption's ref, pending labels)
        self.subeq: list[tuple[int, str | None]] = []
        self.at_appendix: list[str] = []  # what \AtAppendix{...} runs when the appendix starts
        self.restatable: dict[str, Thm] = {}
        self.only_refs: set[str] | None = None  # showonlyrefs: the labels that get a number
        for env, counted in CLASS_THEOREMS.get(doc_class, {}).items():  # declared by the class itself
            self.thm_counter[env] = env if counted else None
            self.n.theorem_names[env] = env.capitalize()

    # declarations (preamble, sometimes body)
    def newtheorem(self, s: str, i: int, star: bool) -> int:
        env, i = read_arg(s, i)
        shared, i = read_optional(s, i)
        name, i = read_arg(s, i)
        within = None
        if not shared:
            within, i = read_optional(s, i)
        env = env.strip()
        self.n.theorem_names[env] = _plain(self.expand(name))  # `\\protect\\lemmaname` (LyX): its text
        if star:
            self.thm_counter[env] = None
        elif shared:
            self.thm_counter[env] = self.c.real(shared.strip())
        else:
            self.c.new(env, within.strip() if within else None)
            self.thm_counter[env] = env
        return i

    def declaretheorem(self, s: str, i: int) -> int:
        opts, i = read_optional(s, i)
        env, i = read_arg(s, i)
        more, i = read_optional(s, i)  # newer thmtools: \declaretheorem{name}[options]
        opts = f"{opts or ''},{more or ''}"
        env = env.strip()
        kv = dict(
            (k.strip(), v.strip().strip("{}")) for k, _, v in (o.partition("=") for o in _split_opts(opts))
        )
        self.n.theorem_names[env] = kv.get("name") or kv.get("title") or env.capitalize()
        sibling = kv.get("sibling") or kv.get("sharenumber") or kv.get("numberlike") or kv.get("sharecounter")
        if kv.get("numbered", "yes") == "no":
            self.thm_counter[env] = None
        elif sibling:
            self.thm_counter[env] = self.c.real(sibling)
        else:
            self.c.new(env, kv.get("numberwithin") or kv.get("within") or kv.get("parent"))
            self.thm_counter[env] = env
        return i

    def renew_format(self, s: str, i: int) -> int:
        m = _THE_DEF.match(s, i)
        if not m:
            return i
        name, j = m.group(1), m.end()
        j = skip_space(s, j)
        if j < len(s) and s[j] == "{":
            fmt, j = read_group(s, j)
            self.c.fmt[name] = fmt
            return j
        return i

    def counter_cmd(self, cmd: str, star: bool, s: str, i: int) -> int:
        a, i = read_arg(s, i)
        a = a.strip()
        if cmd in ("stepcounter", "refstepcounter"):
            self.c.step(a)
            return i
        b, i = read_arg(s, i)
        b = b.strip()
        if cmd in ("numberwithin", "counterwithin"):
            self.c.set_within(a, b, keep_format=star)
            if not star:
                self.c.fmt.pop(a, None)
        elif cmd == "counterwithout":
            self.c.set_within(a, None)
        elif cmd == "newaliascnt":
            self.c.alias[a] = b
        elif cmd in ("setcounter", "addtocounter"):
            try:
                v = int(b)
            except ValueError:
                return i
            if a == "secnumdepth":
                self.secnumdepth = v
            elif cmd == "setcounter":
                self.c.set(a, v)
            else:
                self.c.add(a, v)
        return i

    def usepackage(self, s: str, i: int) -> int:
        opts, i = read_optional(s, i)
        opts = opts or ""
        names, i = read_arg(s, i)
        pk = {p.strip() for p in names.split(",")}
        o = {p.strip() for p in opts.split(",")}
        if "algorithm" in pk and ("section" in o or "chapter" in o):
            self.c.set_within("algorithm", "section" if "section" in o else "chapter")
        if "algorithm2e" in pk and ("algosection" in o or "algochapter" in o):
            self.c.set_within("algorithm", "section" if "algosection" in o else "chapter")
        return i

    # events
    def label(self, key: str) -> None:
        key = key.strip()
        if self.floats and self.floats[-1][1] is None:
            self.floats[-1][2].append(key)  # a label before its float's caption
        elif self.current is not None:
            self.n.labels.setdefault(key, self.current)

    def section(self, level_name: str, star: bool, at: int) -> None:
        level = SECTION_LEVEL[level_name]
        if star or level > self.secnumdepth:
            self.n.sections[at] = None
            return
        self.c.step(level_name)
        number = self.c.the(level_name)
        self.n.sections[at] = number
        self.current = Ref(level_name, number)

    def appendix(self, at: int) -> None:
        top = "chapter" if self.chapters else "section"
        self.c.set(top, 0)
        self.c.fmt[top] = f"\\Alph{{{top}}}"
        if style := appendix_style(self.doc_class):  # (A.1) or (A1)
            sep, names, each = style
            self.c.set("equation", 0)
            if each:
                self.c.set_within("equation", top)
            for name in names:
                self.c.fmt[name] = f"\\Alph{{{top}}}{sep}\\arabic{{{name}}}"
        if self.n.appendix_at is None:
            self.n.appendix_at = at
        for hook in self.at_appendix:
            _walk(self, hook, record=False)

    def caption(self, at: int, kind: str | None) -> None:
        if kind is None:
            if not self.floats:
                return
            kind = self.floats[-1][0]
            if kind == "sub":
                return
        self.c.step(kind)
        ref = Ref(kind, self.c.the(kind))
        self.n.captions[at] = (kind, ref.number)
        self.current = ref
        if self.floats and self.floats[-1][0] == kind and self.floats[-1][1] is None:
            k, _, pending = self.floats[-1]
            for key in pending:
                self.n.labels.setdefault(key, ref)
            self.floats[-1] = (k, ref, [])

    def display(self, env: str, content: str, start: int, end: int) -> None:
        base = env.rstrip("*")
        numbered = not env.endswith("*") and base not in UNNUMBERED
        if base in MULTI:
            if base in ("alignat", "xalignat", "xxalignat", "IEEEeqnarray"):  # its column argument: {rCl}
                content = re.sub(r"^\s*\{[^{}]*\}", "", content, count=1)
            rows = _intertext_rows(split_top(content, "\\\\"))
        else:
            rows = [content]
        out = []
        for raw in rows:
            raw, inter = _intertext(raw)
            keys = _LABEL.findall(raw)
            label = self.row_label(raw, numbered and self.shown(base, keys), single=base not in MULTI)
            if label is not None:
                self.current = Ref("equation", label)
            for key in keys:
                self.label(key)
            out.append(Row(clean_math(raw), label, keys[0].strip() if keys else None, inter))
        if base in MULTI and len(out) > 1 and not out[-1].tex and out[-1].label is None:
            out.pop()
        self.n.displays[start] = Display(env, end, out)

    def shown(self, base: str, keys: list[str]) -> bool:
        """Whether a numbered row prints its number: under showonlyrefs only when one of its labels is
        referenced (amsmath's environments; eqnarray numbers every row)."""
        if self.only_refs is None or base in ("eqnarray", "IEEEeqnarray"):
            return True
        return any(k.strip() in self.only_refs for k in keys)

    def row_label(self, raw: str, numbered: bool, single: bool) -> str | None:
        """The number a display row prints. LaTeX steps an equation's counter as it opens and an align row's
        as it ends, so counter commands inside the row (`\\addtocounter{equation}{-1}`) count after the one
        and before the other; a row numbered by hand (`\\refstepcounter{equation} (\\theequation)`,
        `\\tag{\\theequation}`) prints the counter as it stands."""
        tag = _TAG.search(raw)
        auto = numbered and not tag and not _NONUMBER.search(raw)
        if auto and single:
            self.c.step("equation")
        self.row_counters(raw)
        if auto and not single:
            self.c.step("equation")
        if tag:
            try:
                text = read_group(raw, tag.end() - 1)[0]
            except Unbalanced:
                return None
            text = self.c.render(text) if _THE_EQUATION.search(text) else text
            return squash(_unstyled(text))
        if auto or _PRINTED_EQUATION.search(raw):
            return self.c.the("equation")
        return None

    def row_counters(self, raw: str) -> None:
        """\\stepcounter, \\refstepcounter, \\addtocounter, \\setcounter written inside a display row."""
        for m in _ROW_COUNTER.finditer(raw):
            try:
                self.counter_cmd(m.group(1), False, raw, m.end())
            except Unbalanced:
                continue
            if m.group(1) == "refstepcounter":
                name = self.c.real(read_arg(raw, m.end())[0].strip())
                if name == self.c.real("equation"):
                    self.current = Ref("equation", self.c.the("equation"))

    def theorem(
        self,
        env: str,
        at: int,
        title: str | None,
        content: tuple[int, int],
        restatable_name: str | None = None,
    ) -> None:
        counter = self.thm_counter.get(env, env if env in STD_THEOREMS else None)
        number = None
        if counter:
            self.c.new(counter)
            self.c.step(counter)
            number = self.c.the(counter)
            self.current = Ref(env, number)
        name = self.n.theorem_names.get(env) or STD_THEOREMS.get(env, env.capitalize())
        thm = Thm(env, name, number, squash(title) if title else None, content)
        self.n.theorems[at] = thm
        if restatable_name:
            self.restatable[restatable_name] = thm


def _title(s: str, i: int) -> tuple[str | None, int]:
    """An optional [title] right after \\begin{env} (an unclosed one is ignored)."""
    try:
        return read_optional(s, i)
    except Unbalanced:
        return None, i


_INTERTEXT = re.compile(r"\\(?:inter|short)text\s*\{")


_STYLED = re.compile(
    r"\\(?:textbf|textit|textrm|textsf|texttt|textsc|textnormal|emph|text|mathrm|mathbf|mathit|mathsf"
    r"|boldsymbol|bm)\s*\{([^{}]*)\}"
)


def _unstyled(text: str) -> str:
    """A tag's text without the font commands around its words: '\\textbf{PeakSeg}' prints 'PeakSeg'."""
    while (plain := _STYLED.sub(r"\1", text)) != text:
        text = plain
    return text


def _intertext_rows(rows: list[str]) -> list[str]:
    """Rows with an \\intertext after some maths split there: amsmath ends the row before the text."""
    out = []
    for raw in rows:
        while (m := _INTERTEXT.search(raw, 1)) and raw[: m.start()].strip():
            out.append(raw[: m.start()])
            raw = raw[m.start() :]
        out.append(raw)
    return out


def _intertext(raw: str) -> tuple[str, str | None]:
    """A row without its leading \\intertext{...}, and that text."""
    m = _INTERTEXT.search(raw)
    if not m:
        return raw, None
    try:
        text, end = read_group(raw, m.end() - 1)
    except Unbalanced:
        return raw, None
    return raw[: m.start()] + raw[end:], text


def _split_opts(opts: str) -> list[str]:
    return [o for o in split_commas(opts) if o.strip()]


def _plain(s: str) -> str:
    return squash(re.sub(r"\\[a-zA-Z@]+\*?|[{}]", " ", s))


def document_class(preamble: str) -> str:
    m = re.search(r"\\documentclass\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}", preamble)
    return m.group(1).strip() if m else "article"


def number(
    preamble: str, body: str, expand: Callable[[str], str] = str, base: str | None = None
) -> Numbering:
    """Number everything in body; preamble supplies the declarations, `expand` the paper's macros, `base`
    the standard class a shipped class file loads (classes.class_facts)."""
    nb = _Numberer(base or document_class(preamble), expand)
    if shows_only_refs(preamble):
        nb.only_refs = referenced_labels(preamble + body)
    _walk(nb, preamble, record=False)
    _walk(nb, body, record=True)
    if nb.restatable:
        nb.n.theorem_names.update({k: v.name for k, v in nb.restatable.items()})
    return nb.n


_FORMAT_DEF = re.compile(r"\\(?:renewcommand|def)(?![a-zA-Z@])\*?(?=\s*\{?\s*\\the[a-zA-Z]+)")


def unconditional_formats(package: str) -> str:
    """A package's text with each counter format it redefines inside braces left out: such a redefinition
    sits in a branch of an option (`\\ifthenelse{\\boolean{ct@floatperchapter}}{...}{\\renewcommand
    {\\theequation}{\\arabic{equation}}}`) this reader cannot evaluate, so the class's own numbering stays."""
    out, pos, depth = [], 0, 0
    for m in re.finditer(r"\\[{}]|[{}]|" + _FORMAT_DEF.pattern, package):
        token = m.group(0)
        if token in ("{", "}"):
            depth += 1 if token == "{" else -1
        elif token.startswith(("\\renewcommand", "\\def")) and depth > 0:
            out.append(package[pos : m.start()] + "\\relax")  # the definition's groups are read as text
            pos = m.end()
    return "".join(out) + package[pos:]


def _walk(nb: _Numberer, s: str, record: bool) -> None:
    pos = 0
    theorem_envs = lambda: nb.thm_counter.keys() | STD_THEOREMS.keys()  # noqa: E731
    for m in _EVENT.finditer(s):
        if m.start() < pos:
            continue
        at = m.start()
        try:
            pos = _event(nb, s, m, at, record, theorem_envs)
        except (Unbalanced, IndexError) as e:
            nb.n.warnings.append(f"near offset {at}: {e}")
            pos = m.end()


def _event(nb: _Numberer, s: str, m: re.Match[str], at: int, record: bool, theorem_envs) -> int:
    if m.group(1):
        if m.group(1) == "end":
            _end_env(nb, m.group(2).strip())
            return m.end()
        return _begin_env(nb, s, m, at, theorem_envs) if record else m.end()
    if m.group(3):
        if record:
            nb.section(m.group(3), bool(m.group(4)), at)
        return m.end()
    if m.group(5):
        return _command(nb, s, m, at, record)
    if m.group(7) == "[" or (m.group(0) == "$$" and not _closes_inline(s, at)):
        return _display_math(nb, s, m, at) if record else m.end()
    name = m.group(8)
    if name and record and name in nb.restatable:
        thm = nb.restatable[name]
        nb.n.theorems[at] = Thm(thm.env, thm.name, thm.number, thm.title, thm.content, restated=True)
    return m.end()


def _end_env(nb: _Numberer, env: str) -> None:
    """\\end of a float (its pending labels resolve) or of subequations (the counter comes back)."""
    if env in FLOATS or env in SUBFLOATS:
        if nb.floats:
            kind, ref, pending = nb.floats.pop()
            for key in pending:
                if ref or nb.current:
                    nb.n.labels.setdefault(key, ref or nb.current)  # type: ignore[arg-type]
    elif env == "subequations" and nb.subeq:
        value, fmt = nb.subeq.pop()
        nb.c.set("equation", value)
        if fmt is None:
            nb.c.fmt.pop("equation", None)
        else:
            nb.c.fmt["equation"] = fmt


def _begin_env(nb: _Numberer, s: str, m: re.Match[str], at: int, theorem_envs) -> int:
    env = m.group(2).strip()
    base = env.rstrip("*")
    if env in VERBATIM:  # code listings may show LaTeX: nothing inside counts
        return env_end(s, env, m.end())[1]
    if base in SINGLE or base in MULTI:
        c_end, e_end = env_end(s, env, m.end())
        nb.display(env, s[m.end() : c_end], at, e_end)
        return e_end
    if base in CASES:
        return _numbered_cases(nb, s, env, m.end(), at)
    if env in FLOATS:
        nb.floats.append((FLOATS[env], None, []))
    elif env in SUBFLOATS:
        nb.floats.append(("sub", None, []))
    elif env == "subequations":
        _begin_subequations(nb)
    elif env in ("appendix", "appendices"):
        nb.appendix(at)
    elif base == "restatable":
        c_end, _ = env_end(s, env, m.end())
        title, j = _title(s, m.end())
        inner, j = read_arg(s, j)
        name, j = read_arg(s, j)
        nb.theorem(inner.strip(), at, title, (j, c_end), restatable_name=name.strip())
    elif env in theorem_envs():
        c_end, _ = env_end(s, env, m.end())
        title, j = _title(s, m.end())
        nb.theorem(env, at, title, (j, c_end))
    return m.end()


def _numbered_cases(nb: _Numberer, s: str, env: str, i: int, at: int) -> int:
    """The cases package: `\\begin{numcases}{f(x) =} a & if c \\\\ b & else \\end{numcases}` numbers each
    row as an equation of its own (`f(x) = a & if c`); subnumcases letters them under one number (6a, 6b),
    which a \\label in the left-hand side names."""
    c_end, e_end = env_end(s, env, i)
    lhs, j = read_arg(s, i)
    keys, lhs = _LABEL.findall(lhs), _LABEL.sub("", lhs)
    lettered = env.rstrip("*") == "subnumcases"
    if lettered:
        _begin_subequations(nb)
        for key in keys:
            nb.label(key)
    rows = [_case_row(lhs, r) for r in split_top(s[j:c_end], "\\\\") if r.strip()]
    nb.display("align", " \\\\ ".join(rows), at, e_end)
    if lettered:
        _end_env(nb, "subequations")
    return e_end


def _case_row(lhs: str, row: str) -> str:
    """`x^2 & if $x > 0$` under `f(x) =` -> `f(x) = x^2 \\quad \\text{if $x > 0$}` (its labels kept)."""
    value, _, cond = row.partition("&")
    keys = "".join(f"\\label{{{k}}}" for k in _LABEL.findall(row))
    value, cond = _LABEL.sub("", value).strip(), _LABEL.sub("", cond).strip()
    return f"{lhs.strip()} {value}" + (f" \\quad \\text{{{cond}}}" if cond else "") + keys


def _begin_subequations(nb: _Numberer) -> None:
    """The equations inside number as the parent's number with a letter: (3a), (3b)."""
    nb.c.step("equation")
    parent = nb.c.the("equation")
    nb.current = Ref("equation", parent)
    nb.subeq.append((nb.c.value.get(nb.c.real("equation"), 0), nb.c.fmt.get("equation")))
    nb.c.set("equation", 0)
    nb.c.fmt["equation"] = parent.replace("\\", "") + "\\alph{equation}"


_COUNTER_CMDS = {
    "setcounter",
    "addtocounter",
    "stepcounter",
    "refstepcounter",
    "numberwithin",
    "counterwithin",
    "counterwithout",
    "newcounter",
    "newaliascnt",
}


def _appendix_cmd(nb: _Numberer, cmd: str, s: str, i: int, at: int | None) -> int:
    r"""\appendix (where recorded), or the appendix package's hook '\AtAppendix{\counterwithin{lemma}{...}}',
    kept to run when the appendix starts."""
    if cmd == "AtAppendix":
        hook, i = read_arg(s, i)
        nb.at_appendix.append(hook)
    elif at is not None:
        nb.appendix(at)
    return i


def _command(nb: _Numberer, s: str, m: re.Match[str], at: int, record: bool) -> int:
    cmd, star, i = m.group(5), bool(m.group(6)), m.end()
    if cmd in ("appendix", "AtAppendix"):
        return _appendix_cmd(nb, cmd, s, i, at if record else None)
    if cmd == "label":
        key, i = read_arg(s, i)
        if record:
            nb.label(key)
        return i
    if cmd in ("caption", "captionof"):
        kind = None
        if cmd == "captionof":
            kind_arg, i = read_arg(s, i)
            kind = {"figure": "figure", "table": "table", "algorithm": "algorithm"}.get(kind_arg.strip())
        if record:
            nb.caption(at, kind)
        return i
    if cmd == "newcounter":
        name, i = read_arg(s, i)
        parent, i = read_optional(s, i)
        nb.c.new(name.strip(), parent.strip() if parent else None)
        return i
    if cmd in _COUNTER_CMDS:
        return nb.counter_cmd(cmd, star, s, i)
    if cmd == "newtheorem":
        return nb.newtheorem(s, i, star)
    if cmd == "declaretheorem":
        return nb.declaretheorem(s, i)
    if cmd in ("renewcommand", "def") and _THE_DEF.match(s, i):
        return nb.renew_format(s, i)
    if cmd in ("newcommand", "providecommand", "DeclareRobustCommand", "renewcommand"):
        return _past_definition(s, i)  # its body runs where the macro is used, not where it is defined
    if cmd in ("def", "gdef", "edef", "xdef"):
        return _past_def(s, i)  # a package's \def\@IEEEeqnarray{...\stepcounter{equation}...}: the same
    if cmd == "usepackage":
        return nb.usepackage(s, i)
    return i


def _past_definition(s: str, i: int) -> int:
    """The offset after `\\newcommand{\\name}[n][default]{body}` (i just after the command)."""
    j = skip_space(s, i)
    if j < len(s) and s[j] == "{":
        _, j = read_group(s, j)
    elif j < len(s) and s[j] == "\\":
        j = _CS.match(s, j).end()  # type: ignore[union-attr]
    for _ in range(2):
        _, j = read_optional(s, j)
    j = skip_space(s, j)
    return read_group(s, j)[1] if j < len(s) and s[j] == "{" else j


def _past_def(s: str, i: int) -> int:
    """The offset after `\\def\\name<parameter text>{body}` (i just after \\def), or i when unreadable."""
    m = _CS.match(s, skip_space(s, i))
    j = s.find("{", m.end()) if m else -1
    if j < 0 or "\n\n" in s[m.end() : j]:  # type: ignore[union-attr]
        return i
    return read_group(s, j)[1]


def _closes_inline(s: str, at: int) -> bool:
    """Is the `$$` at `at` the end of one inline formula and the start of the next (`$a$$b$`, as LyX writes)?
    It is when its paragraph has an odd number of unescaped `$` before it."""
    start = s.rfind("\n\n", 0, at) + 1
    return len(_DOLLAR.findall(s, start, at)) % 2 == 1


def _display_math(nb: _Numberer, s: str, m: re.Match[str], at: int) -> int:
    """\\[ ... \\] or $$ ... $$: one unnumbered display."""
    close = "\\]" if m.group(7) else "$$"
    j = s.find(close, m.end())
    if j < 0:
        nb.n.warnings.append(f"display math opened near offset {at} is never closed")
        return m.end()
    nb.display("displaymath*", s[m.end() : j], at, j + len(close))
    return j + len(close)
