"""\\begin{...}...\\end{...}: each environment kind has a handler; unknown ones are walked as text."""

from __future__ import annotations

from tools.analysis.findings import PROOF_END
from tools.errors import TooLarge
from tools.ingest.latex import algorithms
from tools.ingest.latex.blocks import Blocks
from tools.ingest.latex.names import ENV_ARGS, LISTS, SKIP_ENVS, TABULARS
from tools.ingest.latex.numbering import FLOATS, VERBATIM
from tools.ingest.latex.scan import Unbalanced, env_end, read_args, read_optional, squash

# environment name without its star -> handler method
MAX_ENV_DEPTH = 30  # real papers nest a handful; deeper is damage (or an attack on the recursion)

_HANDLERS = {
    "algorithm": "env_algorithm",
    "algorithm2e": "env_algorithm",
    "algorithmic": "env_algorithmic",
    "algorithmicx": "env_algorithmic",
    **dict.fromkeys(TABULARS, "env_table"),
    "abstract": "env_abstract",
    **dict.fromkeys(LISTS, "env_list"),
    "quote": "env_quote",
    "quotation": "env_quote",
    "proof": "env_proof",
    "thebibliography": "env_bibliography",
    "appendix": "env_plain",
    "appendices": "env_plain",
}


def _handler(env: str, base: str) -> str:
    if env in VERBATIM:
        return "env_verbatim"
    if base in _HANDLERS:
        return _HANDLERS[base]
    if env in FLOATS or base in ENV_ARGS:
        return "env_box"
    return "env_plain"


class Environments(Blocks):
    def environment(self, env: str, at: int, i: int) -> int:
        if self.env_depth >= MAX_ENV_DEPTH:
            raise TooLarge(
                f"LaTeX environments nested more than {MAX_ENV_DEPTH} deep near offset {at} "
                f"(\\begin{{{env}}}): a damaged or hostile source; check its \\begin/\\end pairs"
            )
        self.env_depth += 1
        try:
            return self._environment(env, at, i)
        finally:
            self.env_depth -= 1

    def _environment(self, env: str, at: int, i: int) -> int:
        thm = self.n.theorems.get(at)
        try:
            c_end, e_end = env_end(self.s, env, i)
        except Unbalanced:
            self.warnings.append(f"\\begin{{{env}}} near offset {at} is never closed; read to the end")
            c_end = e_end = len(self.s)
        if thm is not None:
            self.theorem(thm)
            return e_end
        base = env.rstrip("*")
        if env in SKIP_ENVS or base in SKIP_ENVS:
            return e_end
        getattr(self, _handler(env, base))(env, i, c_end)
        return e_end

    # each handler converts the content s[i:c_end] of \begin{env}
    def env_verbatim(self, env: str, i: int, c_end: int) -> None:
        arg_end = algorithms.code_start(self.s, env, i, c_end)
        self.block("```\n" + self.s[arg_end:c_end].strip("\n") + "\n```")

    def env_algorithm(self, env: str, i: int, c_end: int) -> None:
        self.algorithm(i, c_end)

    def env_algorithmic(self, env: str, i: int, c_end: int) -> None:
        self.flush()
        steps = algorithms.steps(self, i, c_end, env)
        self.block("**Algorithm**\n" + "\n".join(steps) if steps else "")

    def env_table(self, env: str, i: int, c_end: int) -> None:
        self.table(env, i, c_end)

    def env_abstract(self, env: str, i: int, c_end: int) -> None:
        self.block("## Abstract")
        self.headings.append((2, "Abstract"))
        self.walk(i, c_end)
        self.flush()

    def env_list(self, env: str, i: int, c_end: int) -> None:
        self.listing(env.rstrip("*"), i, c_end)

    def env_quote(self, env: str, i: int, c_end: int) -> None:
        for blk in self.capture(i, c_end):
            self.block("> " + blk.replace("\n", "\n> "))

    def env_proof(self, env: str, i: int, c_end: int) -> None:
        title, j = read_optional(self.s, i)
        blocks = self.capture(j, c_end)
        name = squash(self.inline_text(title).replace("**", "")).rstrip(".") if title else "Proof"
        self.lead(f"**{name}.**", blocks)  # the Markdown contract: a bold Proof head, an end mark
        self.block(PROOF_END)

    def env_bibliography(self, env: str, i: int, c_end: int) -> None:
        self.bibliography(i, c_end)

    def env_box(self, env: str, i: int, c_end: int) -> None:
        """A float or a box: its arguments are dropped, its content converted. A figure that holds
        pseudocode is written as an algorithm."""
        if FLOATS.get(env) == "figure" and self.figure_algorithm(i, c_end):
            return
        _, j = read_args(self.s, i, ENV_ARGS.get(env.rstrip("*"), "o"))
        self.walk(j, c_end)
        self.flush()

    def env_plain(self, env: str, i: int, c_end: int) -> None:
        self.walk(i, c_end)
