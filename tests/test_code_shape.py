"""The code keeps its shape: no import loop, no private name taken from another module, no long function
without a stated reason (ruff's C90/PLR rules cover complexity, branches and statements)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("tools", "server", "bench")
MAX_LINES = 60  # lines of body, after the signature and docstring
LONG_MARK = "# long:"  # a function may run longer when its def line says why


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            rel = path.relative_to(ROOT)
            if "templates" in rel.parts or "papers" in rel.parts or "data" in rel.parts:
                continue
            parts = list(rel.with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _imports(tree: ast.AST, name: str, modules: dict[str, Path]) -> set[str]:
    """Modules of this repository that `name` imports, anywhere in its body (function-level ones too)."""
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name in modules}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                out.add(sub if sub in modules else node.module)
    return {m for m in out if m in modules and m != name}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if m not in state and (found := visit(m)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state and (found := visit(n)):
            return found
    return None


def _body_start(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """First line of the body after the docstring: long signatures and docstrings are not code."""
    body = node.body
    if len(body) > 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    return body[0].lineno


@pytest.fixture(scope="module")
def trees() -> dict[str, tuple[Path, ast.AST]]:
    return {name: (path, ast.parse(path.read_text())) for name, path in _modules().items()}


def test_no_import_loop(trees):
    modules = {n: p for n, (p, _) in trees.items()}
    graph = {n: _imports(t, n, modules) for n, (_, t) in trees.items()}
    # a package's __init__ is where its modules meet, not a step in a loop
    graph = {n: {m for m in deps if not n.startswith(m + ".")} for n, deps in graph.items()}
    assert _cycle(graph) is None, f"import loop: {' -> '.join(_cycle(graph) or [])}"


def test_no_private_name_from_another_module(trees):
    modules = {n: p for n, (p, _) in trees.items()}
    bad = []
    for name, (path, tree) in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in modules and node.module != name:
                bad += [f"{path.relative_to(ROOT)}: {node.module}.{a.name}" for a in node.names
                        if a.name.startswith("_") and not a.name.startswith("__")]
    assert not bad, "private names imported from another module:\n" + "\n".join(bad)


def test_no_long_function_without_a_reason(trees):
    long = []
    for _, (path, tree) in trees.items():
        lines = path.read_text().splitlines()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = (node.end_lineno or node.lineno) - _body_start(node) + 1
                if n > MAX_LINES and LONG_MARK not in lines[node.lineno - 1]:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({n} lines)")
    assert not long, f"functions over {MAX_LINES} lines without '{LONG_MARK} <reason>':\n" + "\n".join(long)
