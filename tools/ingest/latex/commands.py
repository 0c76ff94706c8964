"""Commands in running text: sectioning and captions, references and citations, footnotes and links, text
styling, algorithm comments, symbols and accents; the rest are dropped with their arguments."""

from __future__ import annotations

import re

from tools.dispatch import dispatch_table
from tools.ingest.latex.blocks import Blocks
from tools.ingest.latex.names import CITES, COMMENTS, DROP, HEADING, REF_NAMES, REFS, RUN_IN, WRAP
from tools.ingest.latex.scan import read_arg, read_args, read_group, read_optional, skip_space, squash
from tools.ingest.latex.text import ACCENTS, SYMBOLS, accent, clean_math, unit_text

_SPACING = re.compile(r"\s*-?[\d.]*\s*\\?[a-zA-Z]+(?:\s*plus\s*[\d.]*\s*[a-z]+)?")


_HANDLERS = dispatch_table(
    (HEADING, "cmd_heading"),
    (RUN_IN, "cmd_run_in"),
    (("caption", "captionof"), "cmd_caption"),
    (REFS, "cmd_ref"),
    (CITES, "cmd_cite"),
    (("footnote", "footnotetext"), "cmd_footnote"),
    (WRAP, "cmd_wrap"),
    (COMMENTS, "cmd_comment"),
    (("Call", "FuncSty", "ProcNameSty"), "cmd_call"),
    (("textcolor",), "cmd_textcolor"),
    (("url",), "cmd_url"),
    (("href",), "cmd_href"),
    (("verb",), "cmd_verb"),
    (("ensuremath",), "cmd_ensuremath"),
    (("SI", "qty", "si", "unit"), "cmd_quantity"),
    (("item",), "cmd_item"),
    (SYMBOLS, "cmd_symbol"),
    (ACCENTS, "cmd_accent"),
    (DROP, "cmd_drop"),
)


class Commands(Blocks):
    def command(self, cs: str, star: bool, at: int, i: int) -> int:
        """Convert \\cs (its name ends at i); returns where the text after its arguments starts."""
        thm = self.n.theorems.get(at)
        if thm is not None:  # a restatable re-print
            self.theorem(thm)
            return i
        handler = _HANDLERS.get(cs)
        if handler is None:
            return i  # unknown command: its name is dropped, its arguments read as text
        return getattr(self, handler)(cs, star, at, i)

    # sectioning and captions
    def cmd_heading(self, cs: str, star: bool, at: int, i: int) -> int:
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

    def cmd_run_in(self, cs: str, star: bool, at: int, i: int) -> int:
        s = self.s
        _, j = read_optional(s, i)
        j = skip_space(s, j)
        if j < len(s) and s[j] == "{":
            title, end = read_group(s, j)
            self.flush()
            self.buf.append(f"**{squash(self.inline(j + 1, end - 1)).rstrip('.')}.** ")
            return end
        return j

    def cmd_caption(self, cs: str, star: bool, at: int, i: int) -> int:
        s = self.s
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

    # references, citations, notes and links
    def cmd_ref(self, cs: str, star: bool, at: int, i: int) -> int:
        key, end = read_arg(self.s, i)
        self.buf.append(self.reference(cs, key))
        return end

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

    def cmd_cite(self, cs: str, star: bool, at: int, i: int) -> int:
        pre, j = read_optional(self.s, i)
        post, j = read_optional(self.s, j)
        key, end = read_arg(self.s, j)
        keys = "; ".join(k.strip() for k in key.split(",") if k.strip())
        if post is None:  # one optional argument is the note after: \cite[p.~3]{k}
            pre, post = None, pre
        before = f"{self.inline_text(pre)} " if pre else ""
        after = f", {self.inline_text(post)}" if post else ""
        self.buf.append(f"[{before}{keys}{after}]")
        return end

    def cmd_footnote(self, cs: str, star: bool, at: int, i: int) -> int:
        _, j = read_optional(self.s, i)
        j = skip_space(self.s, j)
        _, end = read_group(self.s, j)
        self.buf.append(f" (footnote: {self.inline(j + 1, end - 1)})")
        return end

    def cmd_url(self, cs: str, star: bool, at: int, i: int) -> int:
        url, end = read_arg(self.s, i)
        self.buf.append(f"<{url.strip()}>")
        return end

    def cmd_href(self, cs: str, star: bool, at: int, i: int) -> int:
        url, j = read_arg(self.s, i)
        j = skip_space(self.s, j)
        _, end = read_group(self.s, j)
        self.buf.append(f"[{self.inline(j + 1, end - 1)}]({url.strip()})")
        return end

    # text styling
    def cmd_wrap(self, cs: str, star: bool, at: int, i: int) -> int:
        s = self.s
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
            if left == "`":  # Markdown reads no escapes in a code span: `start_level`, not `start\_level`
                inner = re.sub(r"\\([_$*])", r"\1", inner)
            self.buf.append(f"{left}{inner}{right}" if inner else "")
            return end
        return j

    def cmd_textcolor(self, cs: str, star: bool, at: int, i: int) -> int:
        _, j = read_arg(self.s, i)
        return j

    def cmd_verb(self, cs: str, star: bool, at: int, i: int) -> int:
        s = self.s
        if i < len(s):
            close = s.find(s[i], i + 1)
            if close > 0:
                self.buf.append(f"`{s[i + 1 : close]}`")
                return close + 1
        return i

    def cmd_ensuremath(self, cs: str, star: bool, at: int, i: int) -> int:
        j = skip_space(self.s, i)
        if j < len(self.s) and self.s[j] == "{":
            inner, end = read_group(self.s, j)
            self.buf.append(f"${clean_math(inner)}$")
            return end
        return i

    def cmd_item(self, cs: str, star: bool, at: int, i: int) -> int:
        _, j = read_optional(self.s, i)
        self.buf.append(" ")
        return j

    def cmd_quantity(self, cs: str, star: bool, at: int, i: int) -> int:
        """siunitx: \\SI{25}{\\milli\\second} and \\qty{...}{...} print '25 ms', \\si{\\hertz} prints 'Hz'."""
        _, j = read_optional(self.s, skip_space(self.s, i))  # options: \\SI[round-precision=2]{...}{...}
        args, end = read_args(self.s, j, "m" if cs in ("si", "unit") else "mm")
        if any(a is None for a in args):
            return i
        unit = unit_text(args[-1])
        value = f"{self.inline_text(args[0])}{'' if unit == '%' else ' '}" if len(args) == 2 else ""
        self.buf.append(f"{value}{unit}")
        return end

    def cmd_symbol(self, cs: str, star: bool, at: int, i: int) -> int:
        self.buf.append(SYMBOLS[cs])
        return i

    def cmd_accent(self, cs: str, star: bool, at: int, i: int) -> int:
        arg, end = read_arg(self.s, i)
        self.buf.append(accent(cs, arg.strip() or " "))
        return end

    def cmd_drop(self, cs: str, star: bool, at: int, i: int) -> int:
        _, end = read_args(self.s, i, DROP[cs])
        if cs in ("vskip", "hskip"):
            dim = _SPACING.match(self.s, end)
            end = dim.end() if dim else end
        return end

    # algorithm pseudocode
    def cmd_comment(self, cs: str, star: bool, at: int, i: int) -> int:
        s = self.s
        j = skip_space(s, i + (1 if s.startswith("*", i) else 0))
        _, j = read_optional(s, j)  # algorithm2e's placement: \tcp*[h]{...}
        j = skip_space(s, j)
        if j < len(s) and s[j] == "{":
            _, end = read_group(s, j)
            self.buf.append(f" ▷ {self.inline(j + 1, end - 1)}")
            return end
        return i

    def cmd_call(self, cs: str, star: bool, at: int, i: int) -> int:
        name, j = read_arg(self.s, i)
        args, end = read_args(self.s, j, "m") if cs == "Call" else ([None], j)
        arg = f"({self.inline_text(args[0])})" if args and args[0] is not None else ""
        self.buf.append(f"{self.inline_text(name)}{arg}")
        return end
