"""Blocks the converter writes whole: display math, theorem-like statements, algorithms, tables, lists and
the bibliography."""

from __future__ import annotations

import re

from tools.ingest.latex import algorithms
from tools.ingest.latex.names import RULES
from tools.ingest.latex.scan import (
    env_end,
    read_arg,
    read_group,
    read_optional,
    skip_space,
    split_spans,
    squash,
)
from tools.ingest.latex.writer import Writer

_TAG_REF = re.compile(r"\\(ref|eqref|cref|Cref|autoref|Autoref|labelcref)\*?\s*\{([^{}]*)\}")
_ALGORITHM_FLOAT = re.compile(r"\\begin\s*\{(algorithm2?e?\*?)\}")
_INNER = re.compile(r"\\begin\s*\{(algorithmic|algorithmicx)\}")
# a caption that names itself an algorithm: "Algorithm 2: ...", "Pseudocode. ..."
_OWN_NUMBER = re.compile(
    r"(?:\*\*)?(?:Algorithm|Pseudo-?code|Procedure)\b\s*([A-Z]?\d+(?:\.\d+)*)?\s*[:.]?(?:\*\*)?\s*", re.I
)
_LIST_BEGIN = re.compile(r"\\begin\s*\{(?:itemize|enumerate|description|compactitem|compactenum)\}")
_LIST_END = re.compile(r"\\end\s*\{(?:itemize|enumerate|description|compactitem|compactenum)\}")
_LIST_TOKEN = re.compile(rf"(?P<begin>{_LIST_BEGIN.pattern})|(?P<end>{_LIST_END.pattern})|\\item(?![a-zA-Z])")


def _head(number: str | None, caption: str, steps: list[str]) -> str:
    head = f"**Algorithm{' ' + number if number else ''}** {caption}".rstrip()
    return head + ("\n" + "\n".join(steps) if steps else "")


# the bold title an algorithm box without a caption opens with, and the word Algorithm it may repeat
_BOLD_TITLE = re.compile(r"\s*(?:\\noindent\s*)?\\textbf\s*\{")
_ALGORITHM_WORD = re.compile(r"^\s*(?:\*\*)?Algorithm(?:\s+\d+)?\s*[:.]?\s*(?:\*\*)?", re.I)
_TITLE_BREAK = re.compile(r"\s*(?:\\\\(?:\[[^\]]*\])?)?")  # the `\\` (maybe `\\[2pt]`) ending it
# a one-column tabular whose first row reads 'Algorithm 2: ...': an algorithm box typeset by hand
_HAND_ALGORITHM = re.compile(r"^\s*(?:\*\*)?Algorithm\s+(\d+)\s*:?(?:\*\*)?\s*[:.]?\s*(.*)$")
_LISTED = re.compile(r"\s|\d+\.\s|-\s|\$\$")  # a list item's line, its continuation or a display
_ROW_SPACE = re.compile(r"\s*\[\s*-?[\d.]+\s*(?:pt|em|ex|mm|cm|in|bp|mu)\s*\]")


class Blocks(Writer):
    def display(self, rows) -> None:
        for r in rows:
            if r.intertext:  # prose LaTeX prints between two rows
                self.block(self.inline_text(r.intertext))
            self.display_rows([(r.tex, self.tag_text(r.label))])

    def reference(self, cs: str, keys: str) -> str:
        """What \\ref and its kin print for keys (latex.commands)."""
        raise NotImplementedError

    def tag_text(self, label: str | None) -> str | None:
        """A label as printed: references inside a \\tag (`\\tag{\\ref{x} revisited}`,
        `\\tag{by equation~\\eqref{x}}`) resolved, a tie printed as a space."""
        if label is None:
            return label
        label = re.sub(r"(?<!\\)~", " ", label)
        if "ref" not in label:
            return label
        return squash(_TAG_REF.sub(lambda m: self.reference(m.group(1), m.group(2)), label))

    def display_rows(self, rows: list[tuple[str, str | None]]) -> None:
        self.flush()
        for tex, label in rows:
            if not tex and label is None:
                continue
            self.out.append(f"$$ {tex} $$" + (f" ({label})" if label is not None else ""))

    def theorem(self, thm) -> None:
        blocks = self.capture(*thm.content)
        head = f"**{thm.name}{' ' + thm.number if thm.number else ''}**"
        if thm.title:
            head += f" ({self.inline_text(thm.title)})"
        self.lead(head + ".", blocks)

    def algorithm(self, i: int, c_end: int) -> None:
        number, caption = self._caption(i, c_end, "algorithm")
        if not caption:  # no \caption: a bold title set at the top of the box names it
            caption, i = self._bold_title(i, c_end)
        self.block(_head(number, caption, self._algorithm_steps(i, c_end)))

    def _bold_title(self, i: int, c_end: int) -> tuple[str, int]:
        """`\\noindent\\textbf{Algorithm: PSRL}\\\\` opening an algorithm box without a caption: its title
        (without the word Algorithm) and where the steps start after it; ("", i) when there is none."""
        s = self.s
        _, j = read_optional(s, i)  # the placement [H]
        m = _BOLD_TITLE.match(s, j)
        if not m or m.end() >= c_end:
            return "", i
        text, end = read_group(s, m.end() - 1)
        title = _ALGORITHM_WORD.sub("", self.inline(m.end(), m.end() + len(text))).strip()
        return (title, _TITLE_BREAK.match(s, end).end()) if title else ("", i)  # the pattern always matches

    def figure_algorithm(self, i: int, c_end: int) -> bool:
        """A figure captioned as an algorithm ("Algorithm 2: ...", "Pseudocode of ...") that holds its steps
        (an algorithmic block or a code listing) written as an algorithm: numbered as its caption says,
        else as the figure it prints as. False (nothing written) for any other figure."""
        s = self.s
        number, caption = self._caption(i, c_end, "figure")
        own = _OWN_NUMBER.match(caption)
        if inner := _ALGORITHM_FLOAT.search(s, i, c_end):
            return self._figure_named_algorithm(inner, number, caption)  # else written by its own handler
        if not own or not (_INNER.search(s, i, c_end) or algorithms.code_span(s, i, c_end)):
            return False
        if own and own.group(1):
            number, caption = own.group(1), caption[own.end() :]
        elif number:
            caption = f"(Figure {number}) {caption}"
        self.block(_head(number, caption, self._algorithm_steps(i, c_end)))
        return True

    def _figure_named_algorithm(self, inner: re.Match[str], number: str | None, caption: str) -> bool:
        """An algorithm float with no caption of its own inside a captioned figure (algorithm2e's box in a
        figure captioned 'Einfacher Projektionsalgorithmus'): the figure's caption names it."""
        a_end, _ = env_end(self.s, inner[1], inner.end())
        if not caption or "\\caption" in self.s[inner.end() : a_end]:
            return False
        name = f"(Figure {number}) {caption}" if number else caption
        self.block(_head(None, name, self._algorithm_steps(inner.end(), a_end)))
        return True

    def _caption(self, i: int, c_end: int, want: str) -> tuple[str | None, str]:
        """(number, caption text) of the first caption of kind want in s[i:c_end]."""
        s = self.s
        for pos, (kind, num) in self.n.captions.items():
            if i <= pos < c_end and kind == want:
                m = re.compile(r"\\caption(of)?\s*").match(s, pos)
                j = m.end() if m else pos + 8
                if m and m.group(1):  # \captionof{algorithm}{...}: the caption follows the float's type
                    _, j = read_group(s, skip_space(s, j))
                _, j = read_optional(s, skip_space(s, j))
                j = skip_space(s, j)
                cap, _ = read_group(s, j)
                return num, self.inline(j + 1, j + 1 + len(cap))
        return None, ""

    def _algorithm_steps(self, i: int, c_end: int) -> list[str]:
        s = self.s
        inner = _INNER.search(s, i, c_end)
        code = None if inner else algorithms.code_span(s, i, c_end)
        if inner:
            ie, _ = env_end(s, inner.group(1), inner.end())
            return algorithms.steps(self, inner.end(), ie, inner.group(1))
        if code:  # an algorithm box that holds a code listing
            return algorithms.code_steps(s[code[0] : code[1]])
        _, j = read_optional(s, i)  # algorithm2e's placement [t]
        if _LIST_BEGIN.search(s, j, c_end) and not algorithms.has_2e_statements(s, j, c_end):
            # steps written as a (nested) list: the list as the text has it, its displays on lines of its own
            lines = [line for blk in self.capture(j, c_end) for line in blk.split("\n")]
            lines = [line for line in lines if not line.startswith("**Algorithm")]  # its caption is the head
            return [line if _LISTED.match(line) else f"- {line}" for line in lines]  # '**Inputs**: ...' too
        return algorithms.steps(self, j, c_end, "algorithm2e")

    def table(self, env: str, i: int, c_end: int) -> None:
        rows = self._rows(env, i, c_end)
        if not rows:
            return
        if self.cell_depth:  # a tabular inside a table cell (a line break in a cell): its text, inline
            self.buf.append(" ".join(c for r in rows for c in r if c))
            return
        width = max(len(r) for r in rows)
        head = _HAND_ALGORITHM.match(rows[0][0]) if all(sum(map(bool, r)) <= 1 for r in rows) else None
        if head:  # its rows are its steps
            steps = ("- " + " ".join(c for c in r if c).replace("\\|", "|") for r in rows[1:])
            self.block("\n".join([f"**Algorithm {head[1]}** {head[2]}".rstrip(), *steps]))
            return
        lines = []
        for k, r in enumerate(rows):
            lines.append("| " + " | ".join(r + [""] * (width - len(r))) + " |")
            if k == 0:
                lines.append("|" + "---|" * width)
        self.block("\n".join(lines))

    def _rows(self, env: str, i: int, c_end: int) -> list[list[str]]:
        """The table's non-empty rows, each a list of cell texts (a \\multicolumn pads with empty cells)."""
        s = self.s
        j = i
        base = env.rstrip("*")
        if base in ("tabularx", "tabulary", "tabu") or env == "tabular*":
            _, j = read_arg(s, j)
        _, j = read_optional(s, j)
        _, j = read_arg(s, j)  # column spec
        rows: list[list[str]] = []
        for a, b in split_spans(s, "\\\\", j, c_end):
            space = _ROW_SPACE.match(s, a, b)  # '\\[1pt]': the row break's extra space
            a = space.end() if space else a
            rule = RULES.match(s, a, b)
            a = rule.end() if rule else a
            cells = []
            for ca, cb in split_spans(s, "&", a, b):
                text, span = self.cell(ca, cb)
                cells.append(text.replace("|", "\\|"))
                cells.extend([""] * (span - 1))
            if any(c.strip() for c in cells):
                rows.append(cells)
        return rows

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
        items = self._top_items(i, c_end)
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

    def _top_items(self, a: int, b: int) -> list[re.Match[str]]:
        """The \\item commands in s[a:b] outside nested lists (one pass)."""
        items, depth = [], 0
        for m in _LIST_TOKEN.finditer(self.s, a, b):
            if m.lastgroup == "begin":
                depth += 1
            elif m.lastgroup == "end":
                depth -= 1
            elif depth == 0:
                items.append(m)
        return items

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
