"""Equation oracles: from an equation's exact LaTeX to a test that checks the project's implementation.

`oracle_spec(latex)` rewrites the equation for sympy's LaTeX parser (tools/trace/oracle_latex/) and checks the
result by evaluating it with templates/oracle/paper_oracle.py - the very module copied into the project's
tests - on random inputs (numpy here, torch in the project). Only a spec that parses, keeps every variable,
depends on its inputs and gives finite numbers makes an oracle.

`make_equation_test(project_path, item_id)` writes tests/test_oracle_<id>.py (plus tests/paper_oracle.py): an
oracle test when the spec works; else it writes nothing and says why. `oracle_files` does the same for
init_uv_project.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import logging
import re
from pathlib import Path
from types import ModuleType
from typing import Annotated, Any

from pydantic import BaseModel, Field

from tools.analysis.checklist_tables import CHECKLIST_NAME
from tools.errors import BadArgument, Conflict
from tools.models import ToolResult
from tools.templating import jinja_environment

log = logging.getLogger("paper_to_code.oracles")

TEMPLATES = Path(__file__).parent / "templates" / "oracle"

# ---------------------------------------------------------------- the spec


class OracleSpec(BaseModel):
    ok: bool = Field(description="True when a working oracle was built")
    reason: str | None = Field(default=None, description="why no oracle could be built")
    latex: str
    spec: dict[str, Any] | None = Field(default=None, description="what paper_oracle.py evaluates")


def load_runtime() -> ModuleType:
    """templates/oracle/paper_oracle.py as a module (the same file the generated tests import)."""
    import sys

    name = "paper_to_code_oracle_runtime"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, TEMPLATES / "paper_oracle.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


SHAPE_MISMATCH = (
    "the factors of a matrix product do not fit: the oracle reads every vector as a column, so a vector "
    "before a matrix (a row vector, `x W`) or a product of two vectors has no shape it can check"
)


def oracle_spec(
    latex: str, functions: dict[str, str] | None = None, callables: set[str] | frozenset[str] = frozenset()
) -> OracleSpec:
    """Build and check an oracle for one equation: parse with sympy, evaluate on random inputs (numpy).
    `functions`: the paper's inline definitions (paper_functions), so that `f(x)` calls them; `callables`:
    the functions it uses and never defines (paper_callables), passed to both as random smooth maps."""
    from tools.trace.oracle_latex import Unsupported, build_spec

    try:
        spec = build_spec(latex, functions, callables)
    except Unsupported as exc:
        return OracleSpec(ok=False, reason=str(exc), latex=latex)
    except RecursionError:
        return OracleSpec(ok=False, reason="the formula is nested too deeply", latex=latex)
    except (IndexError, KeyError, ValueError, TypeError, AttributeError) as exc:  # a defect of the reader
        log.exception("oracle reader failed on %r", latex)
        return OracleSpec(
            ok=False,
            reason=f"the oracle's LaTeX reader failed on this line ({type(exc).__name__}: a bug, please "
            "report it with the equation); write this test by hand",
            latex=latex,
        )
    try:
        runtime = load_runtime()
        _declare_integers(runtime, spec, latex)
        reason = _checked_links(runtime, spec)
        if reason:  # cases, signs, |x| or max(x, 0) need signed inputs to tell right from wrong
            reason = _wider(runtime, spec, reason)
    except ImportError as exc:
        return OracleSpec(ok=False, reason=f"sympy's LaTeX parser is unavailable ({exc})", latex=latex)
    except AssertionError as exc:  # runtime.ChainMismatch
        return OracleSpec(
            ok=False, reason=f"the links of the chain a = b = c disagree ({exc})", latex=latex, spec=spec
        )
    except Exception as exc:  # sympy's parser raises many kinds; each means "no oracle", with the reason
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        reason = SHAPE_MISMATCH if "mismatch in its core dimension" in first else None
        reason = reason or f"sympy could not evaluate it: {_named(first, spec)}"
        return OracleSpec(ok=False, reason=reason, latex=latex, spec=spec)
    if reason:
        return OracleSpec(ok=False, reason=reason, latex=latex, spec=spec)
    if not spec["inputs"]:
        return OracleSpec(
            ok=False, reason="the right-hand side has no inputs: a constant", latex=latex, spec=spec
        )
    if not spec["outputs"]:  # every definition read as a helper function: nothing the test would compare
        return OracleSpec(
            ok=False, reason="the line defines a function and computes no value with it", latex=latex
        )
    return OracleSpec(ok=True, latex=latex, spec=spec)


# what else to try when the first inputs miss a branch: signed inputs, then more draws of them (a max of one
# scalar shows each branch on two draws only by luck)
_WIDER = ({"range": [-0.9, 0.9]}, {"range": [-0.9, 0.9], "seeds": 8}, {"seeds": 8})


def _wider(runtime: ModuleType, spec: dict[str, Any], reason: str) -> str | None:
    """The first reason again, or None once inputs drawn more widely make an oracle (recorded in spec)."""
    for change in _WIDER if reason.startswith("condition") or "sign" in reason else _WIDER[:1]:
        if not _check(runtime, spec | change):
            spec.update(change)
            return None
    return reason


def _checked_links(runtime: ModuleType, spec: dict[str, Any]) -> str | None:
    """_check; when the links of a chain disagree and the line takes given values (`Λ(θ, θ')` on one side,
    the sum it stands for on the other), the links are independent inputs, not a misreading: they are left
    unchecked, and the first side is the oracle."""
    try:
        return _check(runtime, spec)
    except AssertionError:
        linked = [d for d in spec["definitions"] if d.get("links")]
        if not spec.get("given") or not linked:
            raise
        note = "a link written with given values (not comparable)"
        for d in linked:
            d["unchecked"] = d.get("unchecked", []) + [note] * len(d.pop("links"))
        return _check(runtime, spec)


def _declare_integers(runtime: ModuleType, spec: dict[str, Any], latex: str) -> None:
    """Inputs in the power of a matrix that the line shows to be whole numbers are spec["integers"]: a
    letter also written as the power of a bracket (`(A^\\top)^{i-r-1}`, then `A^i` too), or a sum's
    length. A letter only ever on a symbol (`A^j`) may be a name written on top (`W^h`, an iterate
    `W^k`): left a real input, and the power refused."""
    from tools.trace.oracle_latex import bracket_powers

    arrays = {v[0] for v in spec.get("indexed", {}).values()}
    for key in ("vectors", "matrices", "column_vectors", "sampled"):
        arrays |= set(spec.get(key, []))
    arrays |= set(spec.get("callables", {}).values())
    whole = bracket_powers(latex) | set(spec.get("lengths", []))
    found = {n for n in runtime.matrix_exponents(spec) & whole if re.fullmatch(r"[A-Za-z]", n)} - arrays
    if found:
        spec["integers"] = sorted(found)


def _named(message: str, spec: dict[str, Any]) -> str:
    """The runtime's message with the oracle's placeholders (`zzj`) written as the paper's names (`j`)."""
    symbols = spec.get("symbols", {})
    return re.sub(r"\bzz[A-Za-z]+\b", lambda m: symbols.get(m.group(0), m.group(0)), message)


def _shown(cond: str, spec: dict[str, Any]) -> str:
    """A recorded condition (`\\stepgt({\\zzx}-(1))`) in the paper's letters: `0 < (x-(1))`."""
    signs = {"gt": "0 < (", "ge": "0 <= (", "eq": "0 == (", "ne": "0 != ("}
    text = re.sub(r"\\step(gt|ge|eq|ne)\(", lambda m: signs[m.group(1)], cond)
    text = re.sub(r"\\(zz[A-Za-z]+)", lambda m: spec.get("symbols", {}).get(m.group(1), m.group(1)), text)
    return re.sub(r"\s+", " ", text.replace("{", "").replace("}", "").replace("\\cdot", "and")).strip()


def _check(runtime: ModuleType, spec: dict[str, Any]) -> str | None:
    """Why the spec makes no oracle on its random inputs (None: it does): non-finite values, or a case
    of a piecewise definition, or an argument of a min or max, that no input reaches (a wrong branch would
    go unnoticed)."""
    import numpy as np

    low, high = spec.get("range", (0.1, 0.9))
    samples = [runtime.random_inputs(spec, seed=seed, backend="numpy") for seed in runtime.seeds(spec)]
    evaluated = []
    for inputs in samples:
        values = runtime.evaluate(spec, inputs, backend="numpy")
        evaluated.append(values)
        if not all(np.all(np.isfinite(v)) for v in values):
            return f"evaluates to non-finite numbers on inputs in [{low}, {high}]"
    helpers = [d for d in spec["definitions"] if d.get("params")]
    for k, cond in enumerate(spec.get("conditions", []), start=1):
        probe = spec | {"definitions": [*helpers, {"target": "zzcond", "rhs": cond}], "outputs": ["zzcond"]}
        seen = {bool(b) for inputs in samples for b in np.ravel(runtime.evaluate(probe, inputs, "numpy")[0])}
        if seen != {True, False}:
            return (
                f"condition {k} (of a case, an indicator, a clip or a min/max: {_shown(cond, spec)}) is "
                f"{'always' if True in seen else 'never'} true on the random inputs in [{low}, {high}]: a "
                "wrong branch would go unnoticed"
            )
    weak = wrong_answers_missed(runtime, spec, samples, evaluated)
    if weak:
        return f"the oracle cannot tell {weak} from the right answer on its random inputs"
    return None


def wrong_answers(expr: Any) -> list[tuple[str, Any]]:
    """Deliberately wrong versions of an output's expression: each term's sign flipped and each term
    dropped (for a sum of terms), else the whole sign flipped and each non-constant factor dropped."""
    import sympy

    out: list[tuple[str, Any]] = []
    if isinstance(expr, sympy.Add):
        for k, term in enumerate(expr.args, start=1):
            out.append((f"term {k} with its sign flipped", expr - 2 * term))
            if not term.is_number:
                out.append((f"term {k} dropped", expr - term))
        return out
    out.append(("the sign flipped", -expr))
    if isinstance(expr, sympy.Mul):
        factors = [f for f in expr.args if not f.is_number]
        for k, factor in enumerate(factors if len(factors) > 1 else [], start=1):
            out.append((f"factor {k} dropped", expr / factor))
    return out


def wrong_answers_missed(
    runtime: ModuleType,
    spec: dict[str, Any],
    samples: list[dict[str, Any]],
    evaluated: list[tuple[Any, ...]] | None = None,
) -> str | None:
    """The first wrong answer (a sign flip, a dropped term) the oracle would accept on any one of these
    inputs, named; None when each input rejects every one (the oracle is proved both ways). A spec drawn on
    more seeds (a branch of a scalar max shows on some draws only) needs each wrong answer rejected on some
    draw: the test fails on that seed. `evaluated`: the oracle's outputs on each sample when already
    computed (else evaluated here)."""

    evaluated = evaluated or [runtime.evaluate(spec, inputs, "numpy") for inputs in samples]
    accepted = all if len(runtime.seeds(spec)) > 2 else any
    for target, expr in runtime.expressions(spec).items():
        right = [values[spec["outputs"].index(target)] for values in evaluated]
        for what, wrong in wrong_answers(expr):
            values = [runtime.value_of(spec, wrong, inputs, "numpy") for inputs in samples]
            if accepted(_same(v, r) for v, r in zip(values, right, strict=True)):
                return f"{target} with {what}"
    return None


def _same(value: Any, right: Any) -> bool:
    """A wrong answer that gives the right numbers (broadcast as an implementation would return it)."""
    import numpy as np

    try:
        return bool(np.allclose(np.broadcast_to(value, np.shape(right)), right, rtol=1e-6, atol=1e-8))
    except ValueError:  # another shape: told apart
        return False


# ---------------------------------------------------------------- rendering the test


def _str(value: str) -> str:
    """A double-quoted string literal, as ruff format writes it."""
    r = repr(value)
    if r.startswith("'") and '"' not in value:
        return '"' + r[1:-1].replace("\\'", "'") + '"'
    return r


LINE = 100  # the generated project's ruff line-length


def _string(value: str, lead: int, indent: int) -> str:
    """A string literal whose line starts with `lead` characters: on that line when it fits, else in
    parentheses, split after spaces into chunks that fit (what ruff format leaves as it is)."""
    lit = _str(value)
    if lead + len(lit) + 1 <= LINE:
        return lit
    inner = indent + 4
    if inner + len(lit) <= LINE:
        return "(\n" + " " * inner + lit + "\n" + " " * indent + ")"
    room = LINE - inner - 2
    chunks = [""]
    for piece in re.split(r"(?<= )", value):  # break after spaces (the rewriter puts one after each name)
        while len(_str(piece)) > room:  # a piece too long for any line: cut it
            cut = room // 2
            chunks.append(piece[:cut])
            piece = piece[cut:]
        if chunks[-1] and len(_str(chunks[-1] + piece)) > room:
            chunks.append("")
        chunks[-1] += piece
    body = "\n".join(f"{' ' * inner}{_str(c)}" for c in chunks if c)
    return "(\n" + body + "\n" + " " * indent + ")"


def _literal(value: Any, indent: int = 0, lead: int = 0) -> str:
    """A Python literal for the SPEC as ruff format writes it (trailing commas keep it expanded), under
    100 columns (long strings split in parentheses). `lead`: characters before it on its line."""
    pad = " " * (indent + 4)
    if isinstance(value, dict):
        if not value:
            return "{}"
        rows = [
            f"{pad}{_str(k)}: {_literal(v, indent + 4, indent + 6 + len(_str(k)))}," for k, v in value.items()
        ]
        return "{\n" + "\n".join(rows) + "\n" + " " * indent + "}"
    if isinstance(value, list):
        flat = "[" + ", ".join(_literal(v) for v in value) + "]"
        if lead + len(flat) + 1 <= LINE and not any(isinstance(v, dict) for v in value):
            return flat
        items = "\n".join(f"{pad}{_literal(v, indent + 4, indent + 4)}," for v in value)
        return "[\n" + items + "\n" + " " * indent + "]"
    if isinstance(value, str):
        return _string(value, lead, indent)
    return repr(value)


def _wrap_latex(latex: str) -> str:
    import textwrap

    text = " ".join(latex.split()).replace('"""', "'''")
    return "\n    ".join(textwrap.wrap(text, width=88)) or "(empty)"


class Reading(BaseModel):
    """How an oracle reads its equation, and the guesses that reading rests on."""

    exprs: dict[str, str] = Field(default_factory=dict, description="each output in the inputs")
    doubts: list[str] = Field(default_factory=list, description="guesses the notation leaves open")


def explain(latex: str, spec: dict[str, Any]) -> Reading:
    """The oracle's reading of `latex`: each output as a sympy expression in the inputs' names, for a reader
    to hold against the paper, and the guesses it rests on (a superscript read as a power, a letter before a
    bracket read as a product; tools/trace/oracle_doubts.py)."""
    import sympy

    from tools.trace.oracle_doubts import doubts

    try:
        exprs = load_runtime().expressions(spec)
    except Exception:  # noqa: BLE001 - a spec the checks passed parses; the reading is only an aid
        return Reading()
    named = spec.get("callables", {})  # the oracle's placeholders of callables, by the paper's names
    text = {name: sympy.sstr(expr) for name, expr in exprs.items()}
    shown = {n: re.sub(r"\b(zf\w+)\(", lambda m: f"{named.get(m[1], m[1])}(", t) for n, t in text.items()}
    return Reading(exprs=shown, doubts=doubts(latex, exprs))


def _reading_doc(read: Reading) -> str:
    import textwrap

    rows = [f"{name} = {expr}" for name, expr in read.exprs.items()]
    lines = [line for row in rows for line in textwrap.wrap(row, width=88, subsequent_indent="    ")]
    return "\n    ".join(lines)


def _doubts_doc(read: Reading) -> str:
    import textwrap

    lines = [textwrap.fill(d, width=88, initial_indent="- ", subsequent_indent="  ") for d in read.doubts]
    return "\n".join(lines)


def test_module_name(item_id: str) -> str:
    return "test_oracle_" + re.sub(r"[^a-z0-9]+", "_", item_id.lower()).strip("_")


def render_test(
    item_id: str, label: str | None, latex: str, package: str, result: OracleSpec, read: Reading | None = None
) -> str:
    """The oracle test module of a working oracle (`result.ok`); `read`: its `explain`, when already made."""
    env = jinja_environment(TEMPLATES)
    slug = re.sub(r"[^a-z0-9]+", "_", item_id.lower()).strip("_")
    spec = {"id": item_id, **(result.spec or {})}
    read = read or explain(latex, result.spec or {})
    inputs = spec["inputs"]
    one_line = ", ".join(inputs)
    args = one_line if len(one_line) < 70 else "\n    " + ",\n    ".join(inputs) + ",\n"
    context: dict[str, Any] = {
        "item_id": item_id,
        "label": label,
        "package": package,
        "latex_doc": _wrap_latex(latex),
        "reading_doc": _reading_doc(read),
        "doubts_doc": _doubts_doc(read),
        "spec_py": _literal(spec),
        "args": args,
        "outputs": spec["outputs"],
        "kwargs": "\n".join(f"        {n}={n}," for n in inputs),
        "test_name": f"test_{slug}_matches_oracle",
    }
    text = env.get_template("oracle_test.py.j2").render(context)
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n") + "\n"


def runtime_source() -> str:
    return (TEMPLATES / "paper_oracle.py").read_text(encoding="utf-8")


# ---------------------------------------------------------------- where the LaTeX comes from


def _label_of(item_id: str) -> str | None:
    m = re.fullmatch(r"EQ-(.+)", item_id)
    return m.group(1) if m and not re.fullmatch(r"(p\d+-\d+|u\d+)", m.group(1)) else None


# a row of an aligned block that goes on from the row before: `& = ...`, `& \times ...`, `&\le ...`
_RELATION = r"=|\\leq?\b|\\geq?\b|\\approx|\\propto"
_CONTINUES = re.compile(rf"\s*(&\s*(\+|-|<|>|\\times|\\cdot|{_RELATION})|{_RELATION})")
MAX_ROWS = 12  # rows of one aligned block joined at most


def statements(eqs: list[Any]) -> dict[int, str]:
    """Equation line -> the LaTeX that states it, for display rows sorted by line: a continuation row of an
    aligned block (`& = ...`, its left-hand side in an earlier row) joined with the rows back to the one
    that opens it (`a & = b`), as the chain `a = b = ...` (each link is then checked)."""
    out: dict[int, str] = {}
    for k, eq in enumerate(eqs):
        out[eq.line] = eq.body
        if not _CONTINUES.match(eq.body):
            continue
        j = k
        while j > 0 and eqs[j - 1].line >= eqs[j].line - 2 and k - j < MAX_ROWS:
            j -= 1
            if not _CONTINUES.match(eqs[j].body):  # the opening row
                rows = [re.sub(r"[\s,.;]*(\\\\)?[\s,.;]*$", "", e.body) for e in eqs[j : k + 1]]
                out[eq.line] = " ".join(rows)
                break
    return out


def equation_map(markdown_text: str) -> dict[str, str] | None:
    """Checklist ID -> exact LaTeX of every equation in a LaTeX-route paper.md (None on the PDF route); a
    continuation row of an aligned block comes with the rows it goes on from (see statements)."""
    from tools.analysis.checklist import equation_ids
    from tools.analysis.equations import find_all

    found = find_all(markdown_text, {"numbered", "display"})
    if not found["_latex"]:
        return None
    eqs = sorted(found["numbered"] + found["display"], key=lambda e: e.line)
    stated = statements(eqs)
    return {eq_id: stated[eq.line] for eq_id, eq in equation_ids(eqs, "latex") if eq.body.strip()}


def find_latex(item_id: str, markdown_text: str | None) -> tuple[str | None, str | None]:
    """The exact LaTeX of a checklist equation (numbered EQ-12 or unnumbered EQ-u3) in a LaTeX-route
    paper.md, or None and the reason it is not there."""
    if not markdown_text:
        return None, "no paper.md found for this project: pass markdown_path=... or latex=..."
    bodies = equation_map(markdown_text)
    if bodies is None:
        return None, (
            "the paper.md comes from the PDF route, whose equations are extracted text, not exact LaTeX: "
            "pass latex=... or convert the paper from its LaTeX source"
        )
    if item_id not in bodies:
        return None, f"no equation {item_id} in paper.md (not among the checklist IDs of its equations)"
    return bodies[item_id], None


def equation_latex(item_id: str, markdown_text: str | None) -> str | None:
    """The exact LaTeX of a checklist equation in a LaTeX-route paper.md (None when absent or PDF text)."""
    return find_latex(item_id, markdown_text)[0]


def paper_functions(markdown_text: str | None) -> dict[str, str]:
    """Functions the paper defines (`f(x) = ...` in a display or in the prose's inline math): name ->
    defining LaTeX, for names defined once; and functions it names without a formula ("the networks $s$
    and $t$", `f: X \\to Y`, function_evidence.py): name -> "" (the oracle takes their values as inputs)."""
    return dict(_paper_functions(markdown_text)) if markdown_text else {}


@functools.lru_cache(maxsize=4)  # paper_callables reads them too
def _paper_functions(markdown_text: str) -> dict[str, str]:
    from tools.analysis.equations import find_all
    from tools.trace.function_evidence import inline_math, named_functions
    from tools.trace.oracle_latex import defined_functions

    found = find_all(markdown_text, {"numbered", "display"})
    if not found["_latex"]:
        return {}
    displayed = [eq.body for eq in found["numbered"] + found["display"]]
    seen: dict[str, list[str]] = {}
    inline = [f for f in inline_math(markdown_text) if re.search(r"\)\s*(=|:=|\\coloneqq|\\equiv)", f)]
    for body in [*displayed, *inline]:
        for name in defined_functions(body):
            seen.setdefault(name, []).append(body)
    defined = {name: bodies[0] for name, bodies in seen.items() if len(set(bodies)) == 1}
    # one the prose names a function and the paper defines in two ways (`D(x) = ...`, `D^*(x) = ...`) is one
    named = named_functions(markdown_text, displayed) - set(defined)
    return defined | {name: "" for name in sorted(named)}


def paper_callables(markdown_text: str | None) -> set[str]:
    """One-argument functions the paper uses and never defines: lower-case names (`s`, `q_k`, `\\sigma`)
    written with one argument in parentheses at least twice across its equations and never otherwise, in
    displays or in the prose's formulas (a name also written alone, `\\alpha(1 - \\alpha)`, may be a
    factor: not a function). A name applied to an application (`D(G(z))`) and the name inside are functions
    whatever their case. Model outputs (`\\epsilon_\\theta(x, t)`) keep their reading: given as values."""
    if not markdown_text:
        return set()
    from tools.analysis.equations import find_all
    from tools.trace.function_evidence import used_inline
    from tools.trace.oracle_latex import name_uses, nested_calls
    from tools.trace.oracle_latex.vocabulary import MODEL_SUBSCRIPTS

    found = find_all(markdown_text, {"numbered", "display"})
    if not found["_latex"]:
        return set()
    called: dict[str, int] = {}
    defined = {name for name, body in paper_functions(markdown_text).items() if body}
    otherwise, nested = set(defined), set()
    for body in [eq.body for eq in found["numbered"] + found["display"]] + used_inline(markdown_text):
        for name, arguments in name_uses(body):
            if arguments == 1:
                called[name] = called.get(name, 0) + 1
            else:
                otherwise.add(name)
        nested.update(name for pair in nested_calls(body) for name in pair)  # D(G(z)): two functions
    model = {n for n in [*called, *nested] if set(n.split("_")[1:]) & MODEL_SUBSCRIPTS}
    usual = {n for n, k in called.items() if k >= 2 and n[:1].islower()} - otherwise
    return (usual | nested) - defined - model


def oracle_files(items: list[Any], markdown_text: str | None, package: str) -> dict[str, str]:
    """For init_uv_project: tests/test_oracle_<id>.py for each checklist equation that gets a working oracle,
    and tests/paper_oracle.py when any does (equations without one keep their xfail stub)."""
    files: dict[str, str] = {}
    bodies = equation_map(markdown_text) if markdown_text else None
    if not bodies:
        return files
    functions = paper_functions(markdown_text)
    callables = paper_callables(markdown_text)
    for item in items:
        item_id = str(getattr(item, "id", None) or (item.get("id") if isinstance(item, dict) else "") or "")
        latex = bodies.get(item_id) if item_id.startswith("EQ-") else None
        if not latex:
            continue
        result = oracle_spec(latex, functions, callables)
        if result.ok:
            files[f"tests/{test_module_name(item_id)}.py"] = render_test(
                item_id, _label_of(item_id), latex, package, result
            )
    if files:
        files["tests/paper_oracle.py"] = runtime_source()
    return files


def oracle_files_for(
    items: list[Any], checklist: Path | None, paper_markdown: Path | None, package: str
) -> dict[str, str]:
    """oracle_files with the paper's Markdown found for init_uv_project: the one given, else the paper.md
    beside the checklist (where make_checklist writes it by default)."""
    candidates = [paper_markdown] + ([checklist.with_name("paper.md")] if checklist else [])
    for md in candidates:
        if md is not None and md.is_file():
            return oracle_files(items, md.read_text(encoding="utf-8", errors="replace"), package)
    return {}


# ---------------------------------------------------------------- the tool


class EquationTestResult(ToolResult):
    path: str | None = Field(description="the test file (relative to the project); None when refused")
    item_id: str
    oracle: bool = Field(description="True: an oracle test; False: refused, nothing written (see reason)")
    reason: str | None = Field(default=None, description="why there is no oracle")
    latex: str | None = Field(default=None, description="the equation's LaTeX the oracle was built from")
    latex_source: str = Field(description="where the LaTeX came from: argument, markdown, checklist or none")
    inputs: list[str] = Field(default_factory=list, description="the implementation's expected arguments")
    outputs: list[str] = Field(default_factory=list, description="what it must return, in order")
    given: dict[str, str] = Field(
        default_factory=dict,
        description="inputs holding the value of a function the paper gives no formula for: what each is",
    )
    reading: dict[str, str] = Field(
        default_factory=dict,
        description="how the oracle read the equation: each output as an expression in the inputs (check it "
        "against the paper before trusting a failure)",
    )
    doubts: list[str] = Field(
        default_factory=list,
        description="where the reading guesses (a superscript read as a power, a letter before a bracket "
        "read as a product): check these places in the paper first",
    )
    files_written: list[str] = Field(default_factory=list)

    def summary_text(self) -> str:
        if self.oracle:
            head = f"{self.item_id}: oracle test {self.path}"
            return (
                f"{head}\n  implement a function with `Implements: {self.item_id}` taking "
                f"({', '.join(self.inputs)}) and returning {', '.join(self.outputs)}"
                + "".join(f"\n  {name}: {what}" for name, what in self.given.items())
                + "".join(f"\n  read as: {name} = {expr}" for name, expr in self.reading.items())
                + "".join(f"\n  check: {d}" for d in self.doubts)
            )
        return f"{self.item_id}: no oracle ({self.reason}); nothing written: test it another way"


def _project_package(project: Path) -> str:

    answers = project / ".paper-to-code.json"
    if answers.is_file():
        try:
            package = json.loads(answers.read_text(encoding="utf-8"))["answers"]["package"]
            if isinstance(package, str) and package.isidentifier():
                return package
        except (ValueError, KeyError, TypeError, OSError):
            pass
    src = project / "src"
    found = sorted(p.parent.name for p in src.glob("*/__init__.py")) if src.is_dir() else []
    if len(found) == 1:
        return found[0]
    raise BadArgument(
        f"cannot tell the import package of {project}: expected one src/<package>/__init__.py (found "
        f"{len(found)}); generate the project with init_uv_project"
    )


def _markdown_text(project: Path, markdown_path: str | None) -> str | None:
    from tools.workspace import resolve

    candidates: list[str] = []
    if markdown_path:
        candidates.append(markdown_path)
    answers = project / ".paper-to-code.json"
    if answers.is_file():
        try:
            md = json.loads(answers.read_text(encoding="utf-8"))["answers"].get("paper_markdown")
            candidates += [md] if md else []
        except (ValueError, KeyError, TypeError, OSError):
            pass
    checklist = project / CHECKLIST_NAME
    if checklist.is_file():
        m = re.search(r"source:\s*(\S+?)\s*-->", checklist.read_text(encoding="utf-8")[:3000])
        candidates += [m.group(1)] if m else []
    for i, c in enumerate(candidates):
        try:
            path = resolve(c, kind="file", what="markdown_path")
            return path.read_text(encoding="utf-8")
        except Exception:
            if i == 0 and markdown_path:
                raise
    return None


def make_equation_test(
    project_path: Annotated[str, Field(description="the project generated by init_uv_project")],
    item_id: Annotated[str, Field(description="the checklist ID of a numbered equation, e.g. EQ-12")],
    latex: Annotated[
        str | None,
        Field(
            description="the equation's exact LaTeX; default: looked up by label in the LaTeX-route paper.md"
        ),
    ] = None,
    markdown_path: Annotated[
        str | None,
        Field(
            description="the paper.md to look the equation up in; default: the one the project was made from"
        ),
    ] = None,
    overwrite: Annotated[
        bool, Field(description="replace an existing test file that differs (no backup is kept)")
    ] = False,
) -> EquationTestResult:
    """Write tests/test_oracle_<id>.py: a test that evaluates the equation independently (sympy's LaTeX parser
    + lambdify on small random tensors) and compares it with the function whose docstring says
    `Implements: <id>` using torch.testing.assert_close. Equations that are not plain algebra (distributions,
    expectations, KL terms, conditionals) are refused with the reason, and nothing is written."""
    from tools.workspace import resolve

    project = resolve(project_path, kind="dir", what="project_path")
    item_id = item_id.strip()
    if not re.fullmatch(r"EQ-[A-Za-z0-9][A-Za-z0-9._-]*", item_id):
        raise BadArgument(
            f"item_id {item_id!r} is not an equation ID: pass one like EQ-12 from the checklist"
        )
    package = _project_package(project)
    source = "argument"
    markdown = _markdown_text(project, markdown_path)
    reason = None
    if not latex:
        latex, reason = find_latex(item_id, markdown)
        source = "markdown" if latex else "none"
    if latex:
        result = oracle_spec(latex, paper_functions(markdown), paper_callables(markdown))
    else:
        result = OracleSpec(ok=False, latex="", reason=f"no exact LaTeX for this equation: {reason}")
    rel = f"tests/{test_module_name(item_id)}.py"
    written: list[str] = []
    spec = result.spec or {}
    read = explain(latex or "", spec) if result.ok else Reading()
    if result.ok:  # a refusal writes nothing: no xfail stub left behind for an item once implemented
        text = render_test(item_id, _label_of(item_id), latex or "", package, result, read)
        written = _write_test(project, rel, text, with_runtime=True, overwrite=overwrite)
    return EquationTestResult(
        path=rel if result.ok else None,
        item_id=item_id,
        oracle=result.ok,
        reason=result.reason,
        latex=latex or None,
        latex_source=source,
        inputs=spec.get("inputs", []) if result.ok else [],
        outputs=spec.get("outputs", []) if result.ok else [],
        given=spec.get("given", {}) if result.ok else {},
        reading=read.exprs,
        doubts=read.doubts,
        files_written=written,
    )


def _write_test(project: Path, rel: str, text: str, *, with_runtime: bool, overwrite: bool) -> list[str]:
    """Write the test file (one that differs only with overwrite; no backup) and, for an oracle test,
    tests/paper_oracle.py. Returns the files written."""
    from tools.workspace import atomic_write

    target = project / rel
    written = []
    old = target.read_text(encoding="utf-8") if target.exists() else None
    if old is not None and old != text and not overwrite:
        raise Conflict(
            f"{rel} exists and differs (edited?): pass overwrite=True to replace it (no backup is kept)"
        )
    if old != text:
        atomic_write(target, text)
        written.append(rel)
    runtime = project / "tests" / "paper_oracle.py"
    if with_runtime and (
        not runtime.exists() or overwrite and runtime.read_text(encoding="utf-8") != runtime_source()
    ):
        atomic_write(runtime, runtime_source())
        written.append("tests/paper_oracle.py")
    return written
