"""Where a project says which paper items it implements, tests and configures (the traceability anchors).

- Code: a docstring line `Implements: EQ-12, ALG-1 step 4` (module, class or function) or a comment
  `# paper: EQ-12, ALG-1 step 4`; read with `ast` and `tokenize`, never by regex over the whole file.
- Tests: `@pytest.mark.paper("EQ-12", ...)` on test functions and classes, and module-level
  `pytestmark = pytest.mark.paper(...)` (or a list holding it).
- Configs: a YAML value whose trailing comment names HP IDs (`lr: 3.0e-4  # HP-learning-rate`); the word
  `ASSUMPTION` in that comment (or in a comment line right above) marks a deliberate difference from the
  paper.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from tools.analysis.checklist_tables import ID_PATTERN

ID_RE = re.compile(r"\b" + ID_PATTERN)  # a checklist ID in free text
_IMPLEMENTS = re.compile(r"^\s*Implements\s*:\s*(.+)$", re.IGNORECASE)
_PAPER_COMMENT = re.compile(r"^#+\s*paper\s*:\s*(.+)$", re.IGNORECASE)
SKIP_DIRS = {
    ".venv",
    "venv",
    ".git",
    "__pycache__",
    "node_modules",
    "outputs",
    "checkpoints",
    "wandb",
    ".tox",
    ".ruff_cache",
    ".pytest_cache",
    ".mypy_cache",
    "build",
    "dist",
    ".paper-to-code",
    ".ipynb_checkpoints",
}


class Anchor(BaseModel):
    item_id: str = Field(description="the checklist ID named (EQ-12, ALG-1, HP-learning-rate)")
    kind: Literal["code", "test", "config"]
    file: str = Field(description="path relative to the project")
    line: int = Field(description="1-based line of the anchor")
    symbol: str | None = Field(
        default=None,
        description="code: qualified name (Model.forward, <module>); test: node id "
        "(tests/test_x.py::test_y); "
        "config: dotted key (train.learning_rate)",
    )
    detail: str | None = Field(default=None, description="text after the ID ('step 4')")
    value: str | None = Field(default=None, description="config: the value as written")
    assumption: bool = Field(default=False, description="config: the comment says ASSUMPTION")
    xfail: bool = Field(default=False, description="test: statically marked xfail (a stub, pending)")
    awaits_code: bool = Field(
        default=False,
        description="test: xfails by itself until code says `Implements:` its ID (an equation oracle test)",
    )


def parse_id_list(text: str) -> list[tuple[str, str | None]]:
    """`EQ-12, ALG-1 step 4` -> [("EQ-12", None), ("ALG-1", "step 4")]: comma/semicolon separated IDs, each
    optionally followed by free text."""
    out: list[tuple[str, str | None]] = []
    for part in re.split(r"[,;]", text):
        m = ID_RE.match(part.strip())
        if m:
            rest = part.strip()[m.end() :].strip(" .:-") or None
            out.append((m.group(0), rest))
    return out


def is_test_file(rel: Path) -> bool:
    name = rel.name
    return (
        "tests" in rel.parts[:-1]
        or name.startswith("test_")
        or name.endswith("_test.py")
        or name == "conftest.py"
    )


def iter_files(project: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Project files with these suffixes, skipping virtual envs, caches, outputs and hidden folders."""
    stack = [project]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir():
                if entry.name not in SKIP_DIRS and not entry.name.startswith(".") and not entry.is_symlink():
                    stack.append(entry)
            elif entry.suffix in suffixes and entry.is_file():
                yield entry


# ---------------------------------------------------------------- Python: code anchors and test markers


def _scopes(tree: ast.Module) -> list[tuple[int, int, str, ast.AST]]:
    """(first line, last line, qualified name, node) of every class and function, outermost first."""
    out: list[tuple[int, int, str, ast.AST]] = []

    def walk(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}{child.name}"
                first = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                out.append((first, child.end_lineno or child.lineno, name, child))
                walk(child, f"{name}.")
            else:
                walk(child, prefix)

    walk(tree, "")
    return out


def _enclosing(scopes: list[tuple[int, int, str, ast.AST]], line: int) -> str:
    best = "<module>"
    for first, last, name, _ in scopes:
        if first <= line <= last:
            best = name  # later entries are nested deeper
    return best


def _docstring_anchors(node: ast.AST, symbol: str, rel: str) -> list[Anchor]:
    body = getattr(node, "body", None)
    if not body or not isinstance(body[0], ast.Expr):
        return []
    const = body[0].value
    if not (isinstance(const, ast.Constant) and isinstance(const.value, str)):
        return []
    out = []
    for offset, text in enumerate(const.value.splitlines()):
        m = _IMPLEMENTS.match(text)
        if m:
            out += _code_anchors(m.group(1), rel, const.lineno + offset, symbol)
    return out


def _code_anchors(id_list: str, rel: str, line: int, symbol: str) -> list[Anchor]:
    return [
        Anchor(item_id=item_id, kind="code", file=rel, line=line, symbol=symbol, detail=detail)
        for item_id, detail in parse_id_list(id_list)
    ]


def _paper_marker_ids(node: ast.AST) -> list[str]:
    """IDs of `pytest.mark.paper("EQ-12", ...)` / `mark.paper(...)` calls in an expression (list or one)."""
    ids: list[str] = []
    for call in ast.walk(node):
        if not isinstance(call, ast.Call):
            continue
        f = call.func
        if (
            isinstance(f, ast.Attribute)
            and f.attr == "paper"
            and (
                (isinstance(f.value, ast.Attribute) and f.value.attr == "mark")
                or (isinstance(f.value, ast.Name) and f.value.id == "mark")
            )
        ):
            for arg in call.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    ids += [i for i, _ in parse_id_list(arg.value)] or [arg.value.strip()]
    return ids


def _is_xfail(decorators: list[ast.expr]) -> bool:
    """A `pytest.mark.xfail` / `mark.xfail(...)` decorator."""
    for d in decorators:
        f = d.func if isinstance(d, ast.Call) else d
        if isinstance(f, ast.Attribute) and f.attr == "xfail":
            return True
    return False


def _calls_anchored(tree: ast.Module) -> bool:
    """The module calls paper_oracle.call_anchored, which xfails while no code implements the ID."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            if (f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)) == "call_anchored":
                return True
    return False


def _test_anchors(tree: ast.Module, rel: str) -> list[Anchor]:
    out: list[Anchor] = []
    awaits = _calls_anchored(tree)
    module_ids: list[str] = []
    module_line = 1
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "pytestmark" for t in stmt.targets
        ):
            module_ids += _paper_marker_ids(stmt.value)
            module_line = stmt.lineno

    def tests_in(node: ast.AST, prefix: str, inherited: list[tuple[str, int]], xfail: bool) -> None:
        for child in getattr(node, "body", []):
            if isinstance(child, ast.ClassDef) and child.name.startswith("Test"):
                here = [(i, d.lineno) for d in child.decorator_list for i in _paper_marker_ids(d)]
                stub = xfail or _is_xfail(child.decorator_list)
                tests_in(child, f"{prefix}{child.name}::", inherited + here, stub)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) and child.name.startswith("test"):
                here = [(i, d.lineno) for d in child.decorator_list for i in _paper_marker_ids(d)]
                stub = xfail or _is_xfail(child.decorator_list)
                for item_id, line in inherited + here:
                    symbol = f"{rel}::{prefix}{child.name}"
                    out.append(
                        Anchor(
                            item_id=item_id,
                            kind="test",
                            file=rel,
                            line=line,
                            symbol=symbol,
                            xfail=stub,
                            awaits_code=awaits,
                        )
                    )

    tests_in(tree, "", [(i, module_line) for i in module_ids], False)
    return out


def scan_python(path: Path, rel: str, *, test_file: bool) -> tuple[list[Anchor], str | None]:
    """Anchors of one Python file, and an error text when it cannot be parsed."""
    try:
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source, filename=rel)
    except (SyntaxError, UnicodeDecodeError, ValueError) as exc:
        return [], f"{rel}: cannot parse ({type(exc).__name__}: {exc}); its anchors are not counted"
    if test_file:
        return _test_anchors(tree, rel), None
    scopes = _scopes(tree)
    out = _docstring_anchors(tree, "<module>", rel)
    for _, _, name, node in scopes:
        out += _docstring_anchors(node, name, rel)
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT:
                m = _PAPER_COMMENT.match(tok.string)
                if m:
                    out += _code_anchors(m.group(1), rel, tok.start[0], _enclosing(scopes, tok.start[0]))
    except (tokenize.TokenError, IndentationError):
        pass  # ast accepted it; a tokenizer hiccup only loses comment anchors
    return out, None


# ---------------------------------------------------------------- YAML configs


def _comment_of(line: str) -> str | None:
    """The trailing `# ...` of a YAML line, ignoring `#` inside quotes."""
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[i + 1 :].strip()
    return None


def scan_yaml(path: Path, rel: str) -> tuple[list[Anchor], str | None]:
    """HP anchors of one YAML file: each scalar whose line comment names IDs, with its dotted key path."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], f"{rel}: cannot read ({exc})"
    lines = text.splitlines()
    if not any("#" in ln and ID_RE.search(ln) for ln in lines):
        return [], None
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        return [], f"{rel}: not valid YAML ({str(exc).splitlines()[0]}); its HP anchors are not counted"
    by_line: dict[int, tuple[str, str]] = {}

    def walk(node: yaml.Node | None, path_: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                k = f"{path_}.{key.value}" if path_ else str(key.value)
                if isinstance(value, yaml.ScalarNode):
                    by_line[value.start_mark.line + 1] = (k, value.value)
                elif isinstance(value, yaml.SequenceNode) and value.flow_style:
                    by_line[value.start_mark.line + 1] = (
                        k,
                        "[" + ", ".join(str(getattr(v, "value", "")) for v in value.value) + "]",
                    )
                else:
                    walk(value, k)
        elif isinstance(node, yaml.SequenceNode):
            for i, value in enumerate(node.value):
                walk(value, f"{path_}[{i}]")

    walk(root, "")
    out = []
    for number, (key, value) in sorted(by_line.items()):
        comment = _comment_of(lines[number - 1]) or ""
        above = lines[number - 2].strip() if number >= 2 else ""
        # an aside in brackets names what a value is for ('(the paper's value for CIFAR-10)'), no item
        ids = [m.group(0) for m in ID_RE.finditer(re.sub(r"\([^()]*\)", "", comment))]
        assumption = "ASSUMPTION" in comment or (above.startswith("#") and "ASSUMPTION" in above)
        out += [
            Anchor(
                item_id=i,
                kind="config",
                file=rel,
                line=number,
                symbol=key,
                value=value,
                assumption=assumption,
            )
            for i in ids
        ]
    return out, None


# ---------------------------------------------------------------- the whole project


class ScanResult(BaseModel):
    anchors: list[Anchor] = Field(default_factory=list)
    files_scanned: int = 0
    errors: list[str] = Field(default_factory=list, description="files that could not be parsed")


def scan_project(project: Path) -> ScanResult:
    """Every anchor in the project's Python files and YAML configs."""
    result = ScanResult()
    for path in iter_files(project, (".py", ".yaml", ".yml")):
        rel = path.relative_to(project)
        rel_text = rel.as_posix()
        if path.suffix == ".py":
            anchors, error = scan_python(path, rel_text, test_file=is_test_file(rel))
        else:
            anchors, error = scan_yaml(path, rel_text)
        result.files_scanned += 1
        result.anchors += anchors
        if error:
            result.errors.append(error)
    return result
