"""The converter's output: paragraphs gather in a buffer and become blocks; a span of the body can be
captured as blocks or as one line of text."""

from __future__ import annotations

from tools.ingest.latex.macros import MacroTable
from tools.ingest.latex.numbering import Numbering
from tools.ingest.latex.scan import squash


class Writer:
    def __init__(self, body: str, numbering: Numbering, macros: MacroTable) -> None:
        self.s = body
        self.n = numbering
        self.macros = macros
        self.out: list[str] = []
        self.buf: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.cell_depth = 0
        self.env_depth = 0  # environments open around the current position
        self.warnings: list[str] = []

    def walk(self, a: int, b: int) -> None:
        """Convert s[a:b] into the output (the renderer's tokenizer)."""
        raise NotImplementedError

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
        sub = type(self)(tex, Numbering(labels=self.n.labels), self.macros)
        return sub.inline(0, len(tex))

    def lead(self, head: str, blocks: list[str]) -> None:
        """Put head before the first paragraph (alone when the statement opens with math or a list)."""
        self.flush()
        if blocks and not blocks[0].startswith(("$$", "- ", "1. ", "|", "**", "```", ">")):
            self.out.append(f"{head} {blocks[0]}")
            self.out.extend(blocks[1:])
        else:
            self.out.append(head)
            self.out.extend(blocks)
