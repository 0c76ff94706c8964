"""init_uv_project: a complete uv/PyTorch research project from the jinja2 templates in templates/project/.

The generated project is green at birth (its tests pass, ruff is clean, train.py runs on a CPU in seconds) and
already follows the traceability conventions: `Implements:` docstring lines, `@pytest.mark.paper("EQ-12")`
tests, config values annotated with the HP IDs they set.
"""

from __future__ import annotations

import json
import keyword
import re
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field

from tools.analysis.checklist_tables import CHECKLIST_NAME
from tools.errors import BadArgument, BadChecklist, Conflict, PaperToCodeError
from tools.identifiers import ARXIV_IN_TEXT
from tools.models import ToolResult
from tools.progress import report
from tools.project import uvcli
from tools.project.paper_words import item_field as _get
from tools.project.paper_words import optimizer_words, schedule_words
from tools.templating import jinja_environment
from tools.text import docstring_cell, docstring_line, where_suffix
from tools.workspace import (
    atomic_write,
    first_heading,
    make_dirs,
    resolve,
    sidecar_of,
    staged_folder,
    write_tree,
)

GENERATOR = "paper-to-code"
TEMPLATE_VERSION = 1
ANSWERS_FILE = ".paper-to-code.json"
TEMPLATES = Path(__file__).parent / "templates"
# template file name -> generated name (templates avoid dot-files so every packager ships them)
RENAMES = {"gitignore": ".gitignore", "python-version": ".python-version"}
CONFIG_SIZES = ("small", "medium", "large")
_RESERVED = {"torch", "numpy", "yaml", "pytest", "gradio", "tests", "test", "src", "configs", "demo", "docs"}


class InitProjectResult(ToolResult):
    path: str = Field(description="the project folder")
    name: str = Field(description="the project's PEP 508-normalised name")
    package: str = Field(description="the import package under src/")
    kind: str = Field(description="'model' (reference model, demo, notebook) or 'method' (toy problem)")
    files_written: list[str] = Field(description="every file written, relative to the project")
    files_kept: list[str] = Field(
        default_factory=list, description="update=True: files that existed and were left untouched"
    )
    equations: int = Field(description="checklist equations given a stub function and an xfail test")
    locked: bool = Field(description="uv.lock written by `uv lock`")
    synced: bool = Field(description="`uv sync` ran and created .venv")
    torch_source: str = Field(description="'pypi' (portable) or the local wheel folder torch is locked from")
    seconds: float = Field(description="wall time of the whole call")
    warnings: list[str] = Field(default_factory=list)
    next_steps: list[str] = Field(default_factory=list)

    def summary_text(self) -> str:
        n = len(self.files_written)
        head = f"{self.kind} project {self.name} (package {self.package})"
        lines = [f"{head} at {self.path}: {n} files written"]
        lines += [f"  {f}" for f in self.files_written]
        if self.files_kept:
            lines.append(f"kept {len(self.files_kept)} existing files unchanged")
        lines.append(
            f"equations stubbed: {self.equations}; locked: {self.locked}; synced: {self.synced}; "
            f"torch: {self.torch_source}; {self.seconds:.1f} s"
        )
        lines += [f"warning: {w}" for w in self.warnings]
        lines += [f"next: {s}" for s in self.next_steps]
        return "\n".join(lines)


# ---------------------------------------------------------------- names


def project_names(name: str) -> tuple[str, str]:
    """(PEP 508-normalised project name, import package name), or a PaperToCodeError saying why not."""
    raw = name.strip()
    if not re.fullmatch(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?", raw):
        raise BadArgument(
            f"{name!r} is not a valid package name: use letters, digits, '-', '_' or '.', starting and "
            "ending with a letter or digit (e.g. name='ddpm-improved')"
        )
    normalized = re.sub(r"[-_.]+", "-", raw).lower()
    package = normalized.replace("-", "_")
    if not package.isidentifier() or keyword.iskeyword(package):
        raise BadArgument(
            f"{name!r} does not give a Python package name ({package!r} is not an identifier): start it "
            "with a letter, e.g. name='paper-" + normalized + "'"
        )
    if package in _RESERVED or package in sys.stdlib_module_names:
        raise BadArgument(
            f"{name!r} would shadow the module {package!r}: choose another name, "
            f"e.g. name='{normalized}-impl'"
        )
    return normalized, package


# ---------------------------------------------------------------- paper and checklist


@dataclass
class PaperInfo:
    title: str | None = None
    link: str | None = None
    bibtex: str | None = None


def paper_info(markdown_path: Path | None) -> PaperInfo:
    """Title, link and BibTeX from the converted paper's sidecar (paper.json) and its Markdown, when known."""
    if markdown_path is None:
        return PaperInfo()
    text = markdown_path.read_text(encoding="utf-8", errors="replace")
    rec = sidecar_of(markdown_path)
    heading = first_heading(text)
    title = rec.title or (heading.strip() if heading else None)
    title = " ".join(title.split())[:200] if title else None
    link = rec.url if rec.url is not None else rec.link
    arxiv_id = rec.arxiv_id
    if not arxiv_id:
        for candidate in (rec.source or "", text[:5000]):
            m = ARXIV_IN_TEXT.search(candidate)
            if m:
                arxiv_id = m.group(1)
                break
    if arxiv_id and not link:
        link = f"https://arxiv.org/abs/{arxiv_id}"
    bibtex = rec.bibtex
    if not bibtex and arxiv_id and title:
        key = arxiv_id.replace(".", "_")
        bibtex = (
            f"@misc{{arxiv_{key},\n  title = {{{title}}},\n  eprint = {{{arxiv_id}}},\n"
            f"  archivePrefix = {{arXiv}},\n  url = {{https://arxiv.org/abs/{arxiv_id}}}\n}}"
        )
    return PaperInfo(title=title, link=link, bibtex=bibtex)


def read_checklist(path: Path) -> tuple[str, list[Any]]:
    """The checklist's text and its items, through make_checklist's own parser."""
    from tools.analysis.checklist import parse_checklist

    text = path.read_text(encoding="utf-8")
    try:
        items = list(parse_checklist(text))
    except PaperToCodeError:
        raise
    except Exception as e:
        raise BadChecklist(
            f"checklist {path} could not be read ({type(e).__name__}: {e}): regenerate it with make_checklist"
        ) from e
    if not items:
        raise BadChecklist(
            f"checklist {path} has no items with IDs: pass an IMPLEMENTATION_CHECKLIST.md written by "
            "make_checklist"
        )
    return text, items


def checklist_title(text: str | None) -> str | None:
    """The paper's title from the checklist's first line (`# Implementation checklist: <title>`)."""
    m = re.match(r"\s*#\s*Implementation checklist:\s*(.+)", text or "")
    title = " ".join(m.group(1).split())[:200] if m else ""
    return title or None


def has_components(items: list[Any] | None) -> bool:
    """An in-scope architecture component (COMP- row) in the checklist: the paper defines a model."""
    return any(str(_get(i, "id") or "").upper().startswith("COMP-") and in_scope(i) for i in items or [])


def project_kind(kind: str | None, items: list[Any] | None) -> str:
    """"model" or "method": as asked, else from the checklist (no component rows: a method), else a model."""
    if kind is not None:
        if kind not in KINDS:
            raise BadArgument(
                f"kind={kind!r} is not a project kind: pass kind='model' (the paper defines an architecture) "
                "or kind='method' (an estimator, optimiser, sampler or loss), or leave it out to infer it "
                "from the checklist"
            )
        return kind
    if items is None:
        return "model"
    return "model" if has_components(items) else "method"


def _slug(text: str, words: int = 4, limit: int = 40) -> str:
    """'robust b values' -> 'robust_b_values': one-letter symbols stay, articles and 'of'/'and' go."""
    drop = {"the", "of", "and", "a", "an"}
    tokens = [t for t in re.findall(r"[a-z][a-z0-9]*", text.lower()) if t not in drop]
    return "_".join(tokens[:words])[:limit].strip("_")


def in_scope(item: Any) -> bool:
    """Not marked OUT_OF_SCOPE or DERIVATION in the checklist (those get no stub, test or oracle)."""
    return str(_get(item, "scope") or "IN_SCOPE") == "IN_SCOPE"


def equation_entries(items: list[Any]) -> list[dict[str, Any]]:
    """One stub per in-scope checklist equation: function eq_<id>_<name> (the name the paper gives it, when
    the checklist has one) and its test, named test_ + the function's name."""
    out: list[dict[str, Any]] = []
    used: set[str] = set()
    for item in items:
        item_id = str(_get(item, "id") or "")
        if not item_id.upper().startswith("EQ-") or not in_scope(item):
            continue
        base = re.sub(r"[^a-z0-9]+", "_", item_id.lower()).strip("_")
        named = _slug(str(_get(item, "name") or ""))
        base = f"{base}_{named}" if named else base
        title = docstring_line(_get(item, "title"), 100_000)  # the docstring carries the whole equation
        fn = base
        n = 2
        while fn in used:
            fn, n = f"{base}_{n}", n + 1
        used.add(fn)
        test = f"test_{fn}"  # one name for both: the test is found from the stub and back
        where = where_suffix(_get(item, "page"), _get(item, "section"))
        head = f"{item_id}{where}: {title}".rstrip(": ")
        doc = textwrap.fill(
            head, width=92, subsequent_indent="    ", break_long_words=False, break_on_hyphens=False
        )
        entry = {"id": item_id, "fn": fn, "test": test, "doc": doc, "cell": docstring_cell(title)}
        entry |= {"page": _get(item, "page"), "section_cell": docstring_cell(_get(item, "section"))}
        out.append(entry)
    return out


def algorithm_entries(items: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "id": str(_get(i, "id")),
            "cell": docstring_cell(_get(i, "title")),
            "page": _get(i, "page"),
            "section_cell": docstring_cell(_get(i, "section")),
        }
        for i in items
        if str(_get(i, "id") or "").upper().startswith("ALG-")
    ]


# ---------------------------------------------------------------- configs

# our config key -> (section, the checklist HP keys that name it)
HP_KEYS: dict[str, tuple[str, tuple[str, ...]]] = {
    "hidden_dim": ("model", ("hidden_size", "hidden_dim", "hidden_units", "width", "embedding_dim")),
    "num_layers": ("model", ("num_layers", "layers", "depth")),
    "dropout": ("model", ("dropout",)),
    "learning_rate": ("train", ("learning_rate",)),
    "weight_decay": ("train", ("weight_decay",)),
    "batch_size": ("train", ("batch_size",)),
    "steps": ("train", ("training_steps", "steps", "iterations", "train_steps")),
    "lr_schedule": ("train", ("lr_schedule",)),
    "warmup_steps": ("train", ("warmup_steps",)),
    "warmup_epochs": ("train", ("warmup_epochs",)),
    "warmup_ratio": ("train", ("warmup_ratio",)),
    "lr_decay": ("train", ("lr_decay",)),
    "lr_milestones": ("train", ("lr_milestones",)),
    "lr_decay_every": ("train", ("lr_decay_steps", "lr_decay_epochs")),
    "grad_clip": ("train", ("gradient_clipping",)),
    "optimizer": ("train", ("optimizer",)),
    "momentum": ("train", ("momentum",)),
    "seed": ("train", ("seed",)),
}
# values the paper states for a training run of any length: every config takes them, not only `large`
SIZE_FREE = {"lr_schedule", "grad_clip", "lr_decay", "seed", "optimizer", "momentum", "warmup_ratio"}
# the rows a paper that counts its schedule in epochs needs (written only then): steps in an epoch of the
# synthetic data, per config size
STEPS_PER_EPOCH = {"small": 10, "medium": 100, "large": 1000}
KINDS = ("model", "method")
# the first config section per project kind: a model's shape, or the toy problem a method runs on
FIRST_SECTION = {
    "model": {
        "small": {"input_dim": 16, "hidden_dim": 32, "output_dim": 1, "num_layers": 2, "dropout": 0.0},
        "medium": {"input_dim": 16, "hidden_dim": 128, "output_dim": 1, "num_layers": 4, "dropout": 0.1},
        "large": {"input_dim": 16, "hidden_dim": 512, "output_dim": 1, "num_layers": 8, "dropout": 0.1},
    },
    "method": {
        "small": {"dim": 8, "noise": 0.1},
        "medium": {"dim": 32, "noise": 0.1},
        "large": {"dim": 128, "noise": 0.1},
    },
}
_RUN = {"lr_schedule": "constant", "warmup_steps": 0, "lr_decay": 0.1, "lr_milestones": [],
        "lr_decay_every": 0.0, "grad_clip": 1.0, "optimizer": "adamw", "momentum": 0.0,
        "deterministic": False, "num_threads": 0}
DEFAULTS: dict[str, dict[str, dict[str, Any]]] = {
    "small": {
        "model": FIRST_SECTION["model"]["small"],
        "train": {"learning_rate": 1e-3, "weight_decay": 0.0, "batch_size": 32, "steps": 200, "seed": 0,
                  "log_every": 10, **_RUN, "num_threads": 1},  # a small model: 1 thread is fastest
    },
    "medium": {
        "model": FIRST_SECTION["model"]["medium"],
        "train": {"learning_rate": 1e-3, "weight_decay": 0.01, "batch_size": 64, "steps": 2000, "seed": 0,
                  "log_every": 50, **_RUN, "warmup_steps": 100},
    },
    "large": {
        "model": FIRST_SECTION["model"]["large"],
        "train": {"learning_rate": 3e-4, "weight_decay": 0.01, "batch_size": 128, "steps": 20000, "seed": 0,
                  "log_every": 100, **_RUN, "warmup_steps": 1000},
    },
}
# a toy problem learns in a few hundred steps at a larger rate than a network
METHOD_TRAIN = {"small": {"learning_rate": 1e-2}, "medium": {"learning_rate": 1e-2}, "large": {}}
# config keys whose comment, when the paper does not state them, marks the default as an ASSUMPTION
ASSUMED_WHEN_UNSTATED = {"lr_schedule", "warmup_steps", "grad_clip", "lr_decay", "optimizer"}
PURPOSE = {
    "small": "a quick run on a CPU in seconds (smoke tests, CI)",
    "medium": "a longer run on one GPU or a fast CPU",
    "large": "paper scale: the paper's values where it states them",
}


def yaml_number(value: float | int) -> str:
    """A YAML 1.1 number PyYAML reads back as the same type (3e-4 would be a string: write 3.0e-04)."""
    if isinstance(value, bool | int):
        return str(int(value))
    text = repr(float(value))
    if "e" not in text:
        return text
    mantissa, exponent = f"{float(value):e}".split("e")
    mantissa = mantissa.rstrip("0")
    return f"{mantissa}0e{exponent}" if mantissa.endswith(".") else f"{mantissa}e{exponent}"


def hp_values(items: list[Any]) -> dict[str, Any]:
    """HP key -> the paper's numeric value for the in-scope rows; "unstated" when the checklist says the
    paper does not give it;
    "candidate:<values>" when the scanner only found candidates (never the paper's value until confirmed);
    None when it gives no plain number (a list of values, a word); lr_milestones: a list (milestone_values).
    """
    out: dict[str, Any] = {}
    for item in items:
        item_id = str(_get(item, "id") or "")
        if not item_id.upper().startswith("HP-"):
            continue
        if str(_get(item, "scope") or "IN_SCOPE") != "IN_SCOPE":
            continue  # scoped out (another experiment's value, say): never written as the paper's
        key = item_id[3:].lower().replace("-", "_")
        if str(_get(item, "specified") or "").upper() == "UNSPECIFIED":
            out[key] = "unstated"
            continue
        if _get(item, "candidate"):
            shown = [str(_get(v, "value")) for v in _get(item, "values") or []]
            out[key] = "candidate:" + (", ".join(shown[:3]) or "?")
            continue
        value = _get(item, "value_normalized")
        if value is None:
            value = _get(item, "value")
        number: float | None = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            try:
                number = float(value.replace(",", ""))
            except ValueError:
                number = None
        out[key] = number
        if number is not None and (which := _which_value(_get(item, "values") or [])):
            out[f"{key}@context"] = which
    _add_words(out, items)
    out.update(milestone_values(items))
    if isinstance(out.get("lr_decay_epochs"), float) and not isinstance(out.get("lr_milestones"), list):
        out["milestone_unit"] = "epochs"  # "halved every 10 epochs": the period counts epochs
    return out


def _add_words(out: dict[str, Any], items: list[Any]) -> None:
    """The settings the paper states in words (schedule, optimiser) where no number was read for them, with
    the others the paper names for one."""
    words = schedule_words(items) | optimizer_words(items)
    for key in ("lr_schedule", "optimizer"):
        if key in words and out.get(key) is None:
            out[key] = "word:" + words[key]
            if others := words.get(f"{key}@others"):
                out[f"{key}@context"] = f"the paper also names {others}"
    for key in ("lr_schedule", "optimizer"):
        if (unknown := words.get(f"{key}@unknown")) and out.get(key) is None:
            out[key] = "unbuilt:" + unknown


def _which_value(values: list[Any]) -> str | None:
    """For a setting the paper states for one context or with several values: which one the config takes
    ('for MLP Synthetic; the paper also states 64 for MLP Real-World'); None for one plain value."""
    stated = [v for v in values if not _get(v, "candidate")]
    if not stated:
        return None
    first = stated[0]
    others = []
    for v in stated[1:]:
        shown = f"{_get(v, 'value')}" + (f" for {_get(v, 'context')}" if _get(v, "context") else "")
        if _get(v, "value_normalized") != _get(first, "value_normalized") and shown not in others:
            others.append(shown)
    own = f"for {_get(first, 'context')}" if _get(first, "context") else ""
    more = " ..." if len(others) > 3 else ""
    also = f"the paper also states {', '.join(others[:3])}{more}" if others else ""
    return "; ".join(p for p in (own, also) if p) or None


_UNIT_WORDS = re.compile(r"(?i)\b(?:epochs?|steps?|iterations?|iters?|updates?|at)\b")


def milestone_values(items: list[Any]) -> dict[str, Any]:
    """HP-lr-milestones (where a step schedule multiplies the rate by HP-lr-decay): "lr_milestones" -> the
    numbers (None when the row holds no plain list of numbers), "milestone_unit" -> "epochs" when the row
    counts epochs, else "steps"."""
    from tools.analysis.hyperparams import normalize_value

    for item in items:
        if str(_get(item, "id") or "").lower() != "hp-lr-milestones" or _get(item, "candidate"):
            continue
        value = str(_get(item, "value") or "").strip().strip("[]")  # '[30, 60]' as the scanner prints a list
        if str(_get(item, "specified") or "").upper() == "UNSPECIFIED" or value in ("", "unstated"):
            return {"lr_milestones": "unstated"}
        text = f"{value} {_get(item, 'title') or ''} {_get(item, 'notes') or ''}".lower()
        parts = re.split(r",(?!\d{3}(?!\d))|;|\band\b|\bor\b", _UNIT_WORDS.sub(" ", value))
        numbers = [normalize_value(p) for p in parts if p.strip()]
        if not all(isinstance(n, float) for n in numbers):
            return {"lr_milestones": None}
        return {"lr_milestones": sorted(numbers), "milestone_unit": "epochs" if "epoch" in text else "steps"}
    return {}


def yaml_scalar(value: Any) -> str:
    """A config value as YAML: true/false, a bare word, a number that reads back as its type, or a flow
    list of numbers."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(yaml_number(int(v) if float(v).is_integer() else v) for v in value) + "]"
    return value if isinstance(value, str) else yaml_number(value)


def _paper_value(  # noqa: PLR0913
    key: str, default: Any, size: str, stated: Any, hp_id: str, which: str | None = None
) -> tuple[Any, str]:
    """A config value and its comment, given what the checklist says the paper states for it (`which`: the
    context the value is for and the paper's other values, _which_value)."""
    aside = "" if not which else (" " if which.startswith("for ") else "; ") + which
    own = f"{hp_id} (the paper's value{aside})"
    if stated == "unstated":
        return default, f"{hp_id} ASSUMPTION: not stated in the paper"
    if isinstance(stated, str) and stated.startswith("candidate:"):
        return default, f"{hp_id} ASSUMPTION: default; candidate to confirm in the paper: {stated[10:]}"
    if isinstance(stated, str) and stated.startswith("word:"):
        return stated[5:], own
    if isinstance(stated, str) and stated.startswith("unbuilt:"):
        where = "make_optimizer" if key == "optimizer" else "lr_factor in core/training.py"
        why = f"the paper's {stated[8:]} is not built into this project: add it to {where}"
        return default, f"{hp_id} ASSUMPTION: {default} stands in; {why}"
    if isinstance(stated, list):  # milestones: where a run of the paper's length decays
        if size == "large":
            return stated, own
        shown = ", ".join(f"{v:g}" for v in stated)
        why = f"{size}-run value (1/2 and 3/4 of the run), not the paper's ({shown})"
        return default, f"{hp_id} ASSUMPTION: {why}"
    if not isinstance(stated, float):
        return default, f"{hp_id} ASSUMPTION: the paper gives no single number for it"
    if size == "large" or key in SIZE_FREE:
        return (int(stated) if isinstance(default, int) else stated), own
    if stated != default:
        return default, f"{hp_id} ASSUMPTION: {size}-run value, not the paper's ({stated:g})"
    return default, hp_id


def _row(key: str, default: Any, size: str, paper: dict[str, Any] | None) -> dict[str, str]:
    value, comment = default, ""
    if key in HP_KEYS:
        names = HP_KEYS[key][1]
        hp_key = next((k for k in names if paper is not None and k in paper), names[0])
        hp_id = "HP-" + hp_key.replace("_", "-")
        if paper is None:  # no checklist: name the conventional ID
            comment = hp_id
        elif hp_key in paper:
            which = paper.get(f"{hp_key}@context")
            value, comment = _paper_value(key, default, size, paper[hp_key], hp_id, which)
        elif key in ASSUMED_WHEN_UNSTATED:  # no ID: check_coverage would report one the checklist lacks
            comment = f"ASSUMPTION: default; the checklist has no {hp_key.replace('_', ' ')} row"
    return {"key": key, "value": yaml_scalar(value), "comment": comment}


def stated_schedule_rows(size: str, paper: dict[str, Any] | None) -> list[dict[str, str]]:
    """The schedule rows written only when the paper states them: for a warmup or milestones in epochs, the
    warmup in epochs, the milestones' unit and how many steps make an epoch of the synthetic data (none for a
    paper in steps); a warmup given as a share of the run."""
    paper = paper or {}
    rows = []
    if isinstance(paper.get("warmup_epochs"), float):
        rows.append(_row("warmup_epochs", 0.0, size, paper))
    if paper.get("milestone_unit") == "epochs":
        why = "the paper counts milestones in epochs"
        rows.append({"key": "milestone_unit", "value": "epochs", "comment": why})
    if rows or _epochs_only(paper):
        why = "ASSUMPTION: steps in an epoch of the synthetic data; the paper's: dataset size / batch size"
        rows.append({"key": "steps_per_epoch", "value": str(STEPS_PER_EPOCH[size]), "comment": why})
    if isinstance(paper.get("warmup_ratio"), float):
        rows.append(_row("warmup_ratio", 0.0, size, paper))
    return rows


def _set_row(rows: list[dict[str, str]], key: str, value: str, comment: str) -> None:
    for row in rows:
        if row["key"] == key:
            row["value"], row["comment"] = value, comment


def _epochs_only(paper: dict[str, Any]) -> bool:
    """The paper states how many epochs to train, not how many steps."""
    return isinstance(paper.get("epochs"), float) and not isinstance(paper.get("training_steps"), float)


def _epoch_schedule(rows: list[dict[str, str]], paper: dict[str, Any] | None, size: str) -> None:
    """Milestones stated and no schedule named: the rate decays at them, a step schedule. A warmup the paper
    counts in epochs replaces the default warmup in steps; a length in epochs sets `large`'s steps."""
    paper = paper or {}
    if _epochs_only(paper):
        epochs = paper["epochs"]
        if size == "large":
            steps = str(round(epochs * STEPS_PER_EPOCH[size]))
            why = f"HP-epochs ASSUMPTION: the paper's {epochs:g} epochs of steps_per_epoch steps"
            _set_row(rows, "steps", steps, why)
        else:
            why = f"HP-epochs ASSUMPTION: {size}-run value, not the paper's ({epochs:g} epochs)"
            _set_row(rows, "steps", next(r["value"] for r in rows if r["key"] == "steps"), why)
    stated = paper.get("lr_schedule")
    unnamed = stated is None or stated == "unstated" or str(stated).startswith("candidate:")
    periodic = any(isinstance(paper.get(k), float) for k in HP_KEYS["lr_decay_every"][1])
    if (isinstance(paper.get("lr_milestones"), list) or periodic) and unnamed:
        where = "at milestones (lr_milestones)" if not periodic else "at a fixed period (lr_decay_every)"
        why = f"ASSUMPTION: step, as the paper decays the rate {where}"
        _set_row(rows, "lr_schedule", "step", ("HP-lr-schedule " if "lr_schedule" in paper else "") + why)
    if isinstance(paper.get("warmup_epochs"), float) and not isinstance(paper.get("warmup_steps"), float):
        why = "ASSUMPTION: none in steps; the paper counts its warmup in epochs"
        _set_row(rows, "warmup_steps", "0", why)


def config_rows(
    size: str, paper: dict[str, Any] | None, kind: str = "model"
) -> dict[str, Any]:
    """One config's rows: key, YAML value, comment naming the HP ID (and ASSUMPTION when not the paper's).
    The first section is the model's shape (kind "model") or the toy problem (kind "method")."""
    first = "model" if kind == "model" else "problem"
    cfg: dict[str, Any] = {"name": size, "purpose": PURPOSE[size], "first": first, first: [], "train": []}
    for key, default in FIRST_SECTION[kind][size].items():
        cfg[first].append(_row(key, default, size, paper))
    train = DEFAULTS[size]["train"] | (METHOD_TRAIN[size] if kind == "method" else {})
    for key, default in train.items():
        cfg["train"].append(_row(key, default, size, paper))
        if key == "lr_milestones":
            cfg["train"] += stated_schedule_rows(size, paper)
    _epoch_schedule(cfg["train"], paper, size)
    return cfg


# ---------------------------------------------------------------- rendering


def notebook_json(percent_script: str) -> str:
    """A `# %%` percent-format script -> a valid nbformat 4.5 notebook (deterministic cell ids)."""
    cells = []
    for n, chunk in enumerate(re.split(r"^# %%", percent_script, flags=re.MULTILINE)[1:]):
        header, _, body = chunk.partition("\n")
        if "[markdown]" in header:
            source = "\n".join(re.sub(r"^# ?", "", line) for line in body.strip("\n").splitlines())
            cell: dict[str, Any] = {"cell_type": "markdown", "metadata": {}}
        else:
            source = body.strip("\n")
            cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": []}
        lines = source.splitlines(keepends=True)
        cells.append({"id": f"cell-{n}", **cell, "source": lines})
    notebook = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(lines).strip("\n") + "\n"


# templates only one kind of project has: a model project's reference model, demo and notebook; a method
# project's toy problem and the placeholder for the paper's method
KIND_ONLY = {
    "model": ("src/__package__/models/", "demo/", "notebooks/", "tests/test_model.py"),
    "method": ("src/__package__/method.py", "src/__package__/toy.py", "tests/test_method.py"),
}


def _other_kind(name: str, kind: str) -> bool:
    return any(name.startswith(KIND_ONLY[k]) for k in KIND_ONLY if k != kind)


def render_files(context: dict[str, Any]) -> dict[str, str]:
    """Every file of the project (relative path -> text), rendered in memory."""
    env = jinja_environment(TEMPLATES)
    files: dict[str, str] = {}
    for name in sorted(env.list_templates(filter_func=lambda n: n.endswith(".j2"))):
        rel = name[: -len(".j2")]
        if _other_kind(rel, context["kind"]):
            continue
        parts = [RENAMES.get(p, p).replace("__package__", context["package"]) for p in rel.split("/")]
        rel = "/".join(parts)
        if rel == "tests/test_paper_equations.py" and not context["equations"]:
            continue
        template = env.get_template(name)
        if "__config__" in rel:
            for size in CONFIG_SIZES:
                cfg = config_rows(size, context["hp"], context["kind"])
                files[rel.replace("__config__", size)] = _tidy(template.render(context, cfg=cfg))
        elif rel == "notebooks/quickstart.py":
            files["notebooks/quickstart.ipynb"] = notebook_json(template.render(context))
        else:
            files[rel] = _tidy(template.render(context))
    return files


_EQ_TEMPLATES = ("src/__package__/core/equations.py.j2", "tests/test_paper_equations.py.j2")


def added_equation_files(context: dict[str, Any], entries: list[dict[str, Any]], n: int) -> dict[str, str]:
    """Stubs and xfail tests for checklist equations added since the project was generated, in a module of
    their own (core/equations_added[_n].py, tests/test_paper_equations_added[_n].py)."""
    env = jinja_environment(TEMPLATES)
    module = "equations_added" + (f"_{n}" if n > 1 else "")
    ctx = context | {"equations": entries, "eq_module": module, "added": True}
    out = {}
    for name in _EQ_TEMPLATES:
        rel = name[: -len(".j2")].replace("__package__", context["package"]).replace("equations", module)
        out[rel] = _tidy(env.get_template(name).render(ctx))
    return out


_ID_CHARS = r"[A-Za-z0-9_-]|\.[A-Za-z0-9]"


def mentioned_ids(target: Path, ids: list[str]) -> set[str]:
    """The IDs that some Python file under src/ or tests/ already names (a stub, an Implements: line, a
    paper marker), wherever the user moved or renamed its function."""
    texts = []
    for folder in ("src", "tests"):
        for path in sorted((target / folder).rglob("*.py")) if (target / folder).is_dir() else []:
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    text = "\n".join(texts)
    return {i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?!{_ID_CHARS})", text)}


def gone_ids(target: Path, known: set[str]) -> list[str]:
    """Equation IDs the project's stubs still name (`TODO(EQ-5)`) that the checklist no longer has: renamed
    or removed since the scaffold."""
    found: set[str] = set()
    for path in sorted((target / "src").rglob("*.py")) if (target / "src").is_dir() else []:
        found |= set(re.findall(r"TODO\((EQ-[^)\s]+)\)", path.read_text(encoding="utf-8", errors="replace")))
    return sorted(found - known)


def _update_equations(
    target: Path, context: dict[str, Any], files: dict[str, str], known: set[str] | None
) -> list[str]:
    """update=True on a project that has its equations module: stubs and tests only for the in-scope IDs no
    file names yet, in new files (existing files are never touched). Returns notes for the reply."""
    package = context["package"]
    eq_rel = f"src/{package}/core/equations.py"
    if not (target / eq_rel).exists():
        return []
    files.pop(eq_rel, None)
    files.pop("tests/test_paper_equations.py", None)
    notes = []
    gone = gone_ids(target, known) if known is not None else []
    if gone:
        notes.append(
            f"stubs still name {', '.join(gone[:8])}, no longer in the checklist (renamed or removed): "
            "delete those stubs and their xfail tests, or move their code to the new ID"
        )
    have = mentioned_ids(target, [e["id"] for e in context["equations"]])
    missing = [e for e in context["equations"] if e["id"] not in have]
    if not missing:
        return notes
    n = 1
    while (target / f"src/{package}/core/equations_added{f'_{n}' if n > 1 else ''}.py").exists():
        n += 1
    files.update(added_equation_files(context, missing, n))
    ids = ", ".join(e["id"] for e in missing[:8]) + (" ..." if len(missing) > 8 else "")
    return [f"{len(missing)} checklist equations had no stub yet ({ids}): written to new files", *notes]


def uv_build_requirement() -> str:
    """`uv_build>=X.Y.Z,<X.(Y+1)` for the uv in use (what `uv init` writes), so uv builds it in-process."""
    run = uvcli.run_uv(["--version"], Path.cwd(), timeout=30, check=True)
    m = re.search(r"(\d+)\.(\d+)\.(\d+)", run.stdout)
    if not m:
        return "uv_build>=0.8,<1"
    major, minor, patch = (int(g) for g in m.groups())
    return f"uv_build>={major}.{minor}.{patch},<{major}.{minor + 1}"


def torch_index() -> Path | None:
    """The local wheel folder torch is locked from (server/CLI setting PAPER_TO_CODE_TORCH_INDEX), if set."""
    from tools.config import get_settings

    value = get_settings().torch_index
    if not value:
        return None
    folder = Path(value).expanduser().resolve()
    if not folder.is_dir() or not any(folder.glob("torch-*.whl")):
        raise BadArgument(
            f"torch index {value} (PAPER_TO_CODE_TORCH_INDEX) is not a folder holding torch-*.whl files: "
            "fix the setting or unset it to use PyPI's torch"
        )
    return folder


def index_environments(folder: Path) -> list[str]:
    """uv `environments` for a local torch folder: Linux x86_64 and the CPython versions its wheels are for
    (without the Python bound, uv also resolves for newer Pythons and finds no wheel)."""
    tags = sorted({m.group(1) for w in folder.glob("torch-*.whl") if (m := re.search(r"-cp3(\d+)-", w.name))})
    base = "sys_platform == 'linux' and platform_machine == 'x86_64'"
    return [f"{base} and python_version == '3.{t}'" for t in tags] or [base]


def _generator_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("paper-to-code")
    except PackageNotFoundError:
        return "0+unknown"


@dataclass
class Answers:
    name: str
    package: str
    python: str
    checklist_path: str | None = None
    paper_markdown: str | None = None
    torch_index: str | None = None
    kind: str = "model"
    extra: dict[str, Any] = field(default_factory=dict)


def build_context(
    answers: Answers, checklist_items: list[Any] | None, paper: PaperInfo
) -> dict[str, Any]:
    equations = equation_entries(checklist_items or [])
    hp = hp_values(checklist_items) if checklist_items is not None else None
    title = paper.title or answers.name
    minor = answers.python.split(".")[1]
    about = f'A PyTorch implementation of "{paper.title}".' if paper.title else "A PyTorch research project."
    about = docstring_line(about, 300).replace("\\", "")
    # one line when `"""about"""` fits in 100 columns; else two or more lines, which ruff format keeps
    package_doc = about if len(about) <= 94 else textwrap.fill(about, width=88) + "\n"
    return {
        "name": answers.name,
        "package": answers.package,
        "title": title,
        "description": docstring_line(f"PyTorch implementation of {title}", 200),
        "package_doc": package_doc,
        "demo_title": docstring_line(title, 70),
        "paper": paper,
        "python": answers.python,
        "py_target": f"py3{minor}",
        "uv_build_requirement": uv_build_requirement(),
        "torch_index": answers.torch_index,
        "environments": index_environments(Path(answers.torch_index)) if answers.torch_index else [],
        "equations": equations,
        "algorithms": algorithm_entries(checklist_items or []),
        "checklist": checklist_items is not None,
        "kind": answers.kind,
        "hp": hp,
        "has_hp": bool(hp and any(isinstance(v, float) for v in hp.values())),
    }


def answers_json(answers: Answers, files: list[str]) -> str:
    record = {
        "generator": GENERATOR,
        "generator_version": _generator_version(),
        "template_version": TEMPLATE_VERSION,
        "answers": {
            "name": answers.name,
            "package": answers.package,
            "python": answers.python,
            "checklist_path": answers.checklist_path,
            "paper_markdown": answers.paper_markdown,
            "torch_index": answers.torch_index,
            "kind": answers.kind,
        },
        "files": sorted(files),
    }
    return json.dumps(record, indent=2) + "\n"


# ---------------------------------------------------------------- the tool


@dataclass
class _Outcome:
    """What create_project did: files written and kept, warnings, and whether uv locked and synced."""

    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    locked: bool = False
    synced: bool = False


def _check_request(target: Path, python: str, update: bool) -> str:
    """The Python version (stripped) once the request is sound: a version like 3.11, a usable folder."""
    if not re.fullmatch(r"3\.\d{1,2}", python.strip()):
        raise BadArgument(f"python={python!r} is not a version like '3.11': pass e.g. python='3.11'")
    if target.exists() and not target.is_dir():
        raise Conflict(f"{target} is a file: pass a folder path for the new project")
    if target.is_dir() and any(target.iterdir()) and not update:
        raise Conflict(
            f"{target} exists and is not empty: pass an empty or new folder, or update=True to add only the "
            "missing files"
        )
    return python.strip()


def _checklist_hints(checklist: Path | None, paper_markdown: Path | None) -> list[str]:
    """A hint when no checklist was passed but make_checklist wrote one beside the paper."""
    beside = paper_markdown.with_name(CHECKLIST_NAME) if paper_markdown else None
    if checklist is None and beside is not None and beside.is_file():
        return [f"{beside} exists: pass it as checklist_path for one stub and xfail test per equation"]
    return []


@dataclass
class _Sources:
    """What a project is generated from: the checklist (path, text, items) and the paper (path, info)."""

    checklist: Path | None
    paper_markdown: Path | None
    checklist_text: str | None = None
    items: list[Any] | None = None
    paper: PaperInfo = field(default_factory=PaperInfo)


def _read_sources(checklist: Path | None, paper_markdown: Path | None) -> _Sources:
    sources = _Sources(checklist, paper_markdown)
    if checklist is not None:
        sources.checklist_text, sources.items = read_checklist(checklist)
    sources.paper = paper_info(paper_markdown)
    if sources.paper.title is None:  # no paper given: the checklist knows its title
        sources.paper.title = checklist_title(sources.checklist_text)
    return sources


def _project_files(answers: Answers, sources: _Sources) -> tuple[dict[str, Any], dict[str, str]]:
    """The render context and every file to write: templates, equation oracles, the checklist, the answers."""
    report(1, 5, "rendering templates")
    context = build_context(answers, sources.items, sources.paper)
    files = render_files(context)
    if sources.items:  # equation oracles for checklist equations that are plain algebra
        from tools.trace.oracles import oracle_files_for

        items = [i for i in sources.items if in_scope(i)]
        oracles = oracle_files_for(items, sources.checklist, sources.paper_markdown, answers.package)
        files.update(oracles)
    if sources.checklist_text is not None:
        files[CHECKLIST_NAME] = sources.checklist_text
    files[ANSWERS_FILE] = answers_json(answers, [*files, "uv.lock", "requirements.txt"])
    return context, files


def _write_files(target: Path, files: dict[str, str], outcome: _Outcome) -> None:
    """Write the files the folder lacks; existing ones are kept as they are."""
    report(2, 5, "writing files")
    if not target.is_dir() or not any(target.iterdir()):  # a new project: all of it or nothing
        with staged_folder(target) as fd:
            write_tree(fd, dict(files), target)
        outcome.written += list(files)
        return
    make_dirs(target)
    for rel, text in files.items():
        path = target / rel
        if path.exists():
            outcome.kept.append(rel)
            continue
        atomic_write(path, text)
        outcome.written.append(rel)


def _lock(target: Path, outcome: _Outcome) -> None:
    report(3, 5, "uv lock")
    run = uvcli.run_uv(["lock"], target, timeout=300)
    if run.ok:
        outcome.locked = True
        outcome.written.append("uv.lock")
    else:
        outcome.warnings.append(
            f"`uv lock` failed (exit {run.returncode}); fix the cause, then run `uv lock` in {target}:\n"
            f"{run.error_tail(8)}"
        )


def _export_requirements(target: Path, outcome: _Outcome) -> None:
    report(4, 5, "exporting requirements.txt")
    from tools.project.requirements import export_files

    try:
        export_files(target)
        outcome.written.append("requirements.txt")
    except PaperToCodeError as e:
        outcome.warnings.append(f"requirements.txt not written: {e}")


def _sync(target: Path, outcome: _Outcome) -> None:
    report(5, 5, "uv sync")
    run = uvcli.run_uv(["sync"], target, timeout=900)
    outcome.synced = run.ok
    if not outcome.synced:
        outcome.warnings.append(f"`uv sync` failed (exit {run.returncode}): {run.error_tail(6)}")


def _uv_steps(target: Path, outcome: _Outcome, lock_existed: bool, lock: bool, sync: bool) -> None:
    """`uv lock` unless the folder had a lock, requirements.txt from a new lock, `uv sync` on request."""
    if lock and not lock_existed:
        _lock(target, outcome)
    elif lock_existed:
        outcome.kept.append("uv.lock")
    if outcome.locked and not (target / "requirements.txt").exists():
        _export_requirements(target, outcome)
    if sync:
        _sync(target, outcome)


def _next_steps(target: Path, package: str, equations: int, needs_lock: bool) -> list[str]:
    steps = [f"cd {target}"]
    if needs_lock:
        steps.append("uv lock")
    steps += ["uv run pytest", "uv run python train.py --config small"]
    steps.append("uv run python eval.py --config small")
    if equations:
        steps.append(f"implement the stubs in src/{package}/core/equations.py, one checklist ID at a time")
    return steps


def create_project(
    target: Path,
    name: str | None = None,
    checklist: Path | None = None,
    paper_markdown: Path | None = None,
    python: str = "3.11",
    sync: bool = False,
    update: bool = False,
    lock: bool = True,
    kind: str | None = None,
) -> InitProjectResult:
    """Scaffold (and lock) a project at an already-resolved folder: init_uv_project without the root checks.

    bench/project.py calls this directly to time scaffold + `uv lock`.
    """
    start = time.monotonic()
    python = _check_request(target, python, update)
    project_name, package = project_names(name or target.name)
    sources = _read_sources(checklist, paper_markdown)
    kind = project_kind(kind, sources.items)
    hints = _checklist_hints(checklist, paper_markdown)
    index = torch_index()
    answers = Answers(
        name=project_name,
        package=package,
        python=python,
        checklist_path=str(checklist) if checklist else None,
        paper_markdown=str(paper_markdown) if paper_markdown else None,
        torch_index=str(index) if index else None,
        kind=kind,
    )
    outcome = _Outcome(warnings=hints)
    context, files = _project_files(answers, sources)
    if update:
        known = {str(_get(i, "id")) for i in sources.items} if sources.items is not None else None
        outcome.warnings += _update_equations(target, context, files, known)
    lock_existed = (target / "uv.lock").exists()
    _write_files(target, files, outcome)
    _uv_steps(target, outcome, lock_existed, lock, sync)
    equations = len(context["equations"])
    return InitProjectResult(
        path=str(target),
        name=project_name,
        kind=kind,
        package=package,
        files_written=outcome.written,
        files_kept=outcome.kept,
        equations=equations,
        locked=outcome.locked,
        synced=outcome.synced,
        torch_source=answers.torch_index or "pypi",
        seconds=round(time.monotonic() - start, 3),
        warnings=outcome.warnings,
        next_steps=_next_steps(target, package, equations, not outcome.locked and not lock_existed),
    )


def init_uv_project(
    path: Annotated[
        str, Field(description="folder for the new project (new or empty; inside the allowed roots)")
    ],
    name: Annotated[
        str | None, Field(description="project name (default: the folder's name); PEP 508-normalised")
    ] = None,
    checklist_path: Annotated[
        str | None,
        Field(description="IMPLEMENTATION_CHECKLIST.md from make_checklist: one xfail test per equation ID"),
    ] = None,
    paper_markdown: Annotated[
        str | None, Field(description="the converted paper.md (title, link and BibTeX for the README)")
    ] = None,
    python: Annotated[str, Field(description="minimum Python version, written to .python-version")] = "3.11",
    sync: Annotated[bool, Field(description="run `uv sync` after locking (downloads torch: slow)")] = False,
    update: Annotated[
        bool, Field(description="add only the missing files to an existing project; never overwrite")
    ] = False,
    kind: Annotated[
        Literal["model", "method"] | None,
        Field(
            description="'model' (the paper defines an architecture: reference model, demo, notebook) or "
            "'method' (an estimator, optimiser, sampler or loss: run on a toy problem); default: 'method' "
            "when the checklist has no COMP- (architecture component) rows, else 'model'"
        ),
    ] = None,
) -> InitProjectResult:
    """Create a complete uv/PyTorch research project (src layout, configs, train.py, eval.py, tests, docs;
    a model project adds a reference model, demo and notebook, a method project a toy problem to run the
    method on) that passes its own tests at birth, lock it with `uv lock` and export requirements.txt.

    With a checklist, every equation ID gets a stub function and an xfail test marked
    `@pytest.mark.paper("EQ-n")`. Refuses an existing non-empty folder unless update=True.
    """
    target = resolve(path, must_exist=False, kind="dir", what="project folder")
    checklist = resolve(checklist_path, kind="file", what="checklist") if checklist_path else None
    markdown = resolve(paper_markdown, kind="file", what="paper markdown") if paper_markdown else None
    return create_project(target, name, checklist, markdown, python, sync, update, kind=kind)


__all__ = ["InitProjectResult", "create_project", "init_uv_project", "project_names"]
