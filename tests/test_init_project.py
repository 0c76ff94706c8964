"""init_uv_project: the files it writes (rendered, parsed, linted, locked with the real uv), the paper's
metadata and checklist in them, refusals that write nothing, update=True, and the MCP and CLI adapters.

No torch is installed here: tests/test_generated_project.py syncs and runs a generated project (slow)."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat
import pytest
import yaml
from cli_run import run_cli

from tools import config as settings
from tools import workspace
from tools.errors import BadArgument, Conflict, NotFound, OutsideRoots, PaperToCodeError
from tools.project import uvcli
from tools.project.scaffold import create_project, init_uv_project, notebook_json, project_names, yaml_number

REPO = Path(__file__).resolve().parents[1]
WHEELS = Path("/opt/wheels")
EXPECTED = {
    "pyproject.toml", ".python-version", ".gitignore", "README.md", ".paper-to-code.json", "uv.lock",
    "requirements.txt", "train.py", "eval.py", "configs/small.yaml", "configs/medium.yaml",
    "configs/large.yaml", "src/{pkg}/__init__.py", "src/{pkg}/config.py", "src/{pkg}/device.py",
    "src/{pkg}/runtime.py", "src/{pkg}/core/__init__.py",
    "src/{pkg}/core/equations.py", "src/{pkg}/core/training.py", "src/{pkg}/models/__init__.py",
    "src/{pkg}/models/reference.py", "tests/conftest.py", "tests/test_model.py", "tests/test_training.py",
    "demo/app.py", "notebooks/quickstart.ipynb", "docs/ALGORITHMS.md",
}
CHECKLIST = r"""# Implementation checklist: Improved Denoising Diffusion Probabilistic Models

<!-- paper-to-code checklist v1 · route: pdf · source: paper.md -->

## Core Algorithms

| ID | caption | steps | where in the paper | detail | status | notes |
|---|---|---|---|---|---|---|
| **ALG-1** | Training | 4 | p. 3 · 2.2. Training | SPECIFIED | [ ] TODO |  |

## Model Components

| ID | component | description | mentions | where in the paper | detail | status | notes |
|---|---|---|---|---|---|---|---|
| **COMP-attention** | attention | self-attention at 16x16 | 3 | p. 5 · 3.2 | SPECIFIED | [ ] TODO |  |

## Key Equations

| ID | equation | where in the paper | detail | status | notes |
|---|---|---|---|---|---|
| **EQ-1** | `q(x1, ..., xT \|x0) := q(xt\|xt−1)` | p. 2 · 2.1. Definitions | SPECIFIED | [ ] TODO |  |
| **EQ-12** | `Lhybrid = Lsimple + λLvlb "q"` | p. 4 · 3.1. Learning Σθ(xt, t) | SPECIFIED | [ ] TODO |  |
| **EQ-A.3** | `\bar\alpha_t = \prod_{s=1}^t \alpha_s \\` | p. 14 · A. Noise | SPECIFIED | [ ] TODO | |

## Hyperparameters

| ID | parameter | value | where in the paper | detail | status | notes |
|---|---|---|---|---|---|---|
| **HP-learning-rate** | learning rate | 10−4 (p. 11); 2 × 10−5 (p. 11) | p. 11 | SPECIFIED | [ ] TODO | |
| **HP-batch-size** | batch size | 128 | p. 11 · A. Hyperparameters | SPECIFIED | [ ] TODO |  |
| **HP-dropout** | dropout | 0.3 | p. 14 · F. Overfitting | SPECIFIED | [ ] TODO |  |
| **HP-weight-decay** | weight decay | unstated | — | UNSPECIFIED | [ ] TODO |  |
"""


def rel_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def expected(pkg: str) -> set[str]:
    return {f.format(pkg=pkg) for f in EXPECTED}


@pytest.fixture(scope="module")
def portable(tmp_path_factory) -> Path:
    """One project with the default (portable PyPI torch) lock: generated and locked once per module."""
    target = tmp_path_factory.mktemp("gen") / "Improved_DDPM.impl"
    original, roots = settings._settings, workspace.get_roots()
    settings._settings = original.model_copy(update={"torch_index": None})
    workspace.set_roots([target.parent])
    try:
        result = create_project(target)
    finally:
        settings._settings = original
        workspace.set_roots(roots)
    assert result.locked, result.warnings
    return target


@pytest.fixture
def root(tmp_path, monkeypatch):
    monkeypatch.setattr(workspace, "_roots", [])
    workspace.set_roots([tmp_path])
    return tmp_path


@pytest.fixture
def no_index(monkeypatch):
    monkeypatch.setattr(settings, "_settings", settings._settings.model_copy(update={"torch_index": None}))


def test_names_are_pep508_normalised():
    assert project_names("Improved_DDPM.impl") == ("improved-ddpm-impl", "improved_ddpm_impl")
    assert project_names("my--Paper__2") == ("my-paper-2", "my_paper_2")
    for bad in ("-x", "has space", "a/b", "2fast", "class", "json", "torch", ""):
        with pytest.raises(PaperToCodeError, match="name"):
            project_names(bad)


def test_portable_project_files_and_metadata(portable):
    pkg = "improved_ddpm_impl"
    assert expected(pkg) <= rel_files(portable)
    assert not (portable / "tests/test_paper_equations.py").exists()  # no checklist, no stubs
    py = tomllib.loads((portable / "pyproject.toml").read_text())
    assert py["project"]["name"] == "improved-ddpm-impl"
    assert py["project"]["requires-python"] == ">=3.11"
    deps = " ".join(py["project"]["dependencies"])
    assert "torch>=" in deps and "numpy" in deps and "pyyaml" in deps
    dev = {d.split(">")[0] for d in py["dependency-groups"]["dev"]}
    assert {"pytest", "ruff", "nbclient", "ipykernel"} <= dev
    assert py["dependency-groups"]["demo"][0].startswith("gradio")
    assert py["build-system"]["build-backend"] == "uv_build"
    assert "--strict-markers" in py["tool"]["pytest"]["ini_options"]["addopts"]
    markers = " ".join(py["tool"]["pytest"]["ini_options"]["markers"])
    assert "gpu:" in markers and "slow:" in markers and "paper(" in markers
    assert "index" not in py.get("tool", {}).get("uv", {})  # portable: torch from PyPI
    assert (portable / ".python-version").read_text().strip() == "3.11"
    answers = json.loads((portable / ".paper-to-code.json").read_text())
    assert answers["generator"] == "paper-to-code" and answers["answers"]["package"] == pkg
    assert set(answers["files"]) == expected(pkg) - {".paper-to-code.json"}
    ignore = (portable / ".gitignore").read_text().splitlines()
    assert {".venv/", "outputs/", "checkpoints/", "wandb/", ".env", ".env.*"} <= set(ignore)
    assert "*.json" not in ignore


def test_portable_lock_and_requirements(portable):
    lock = (portable / "uv.lock").read_text()
    assert 'name = "torch"' in lock and 'name = "gradio"' in lock
    req = (portable / "requirements.txt").read_text()
    assert "torch==" in req and "numpy==" in req
    assert "-e " not in req and "--hash" not in req
    assert "pytest==" not in req and "gradio==" not in req  # dev and demo groups are not runtime
    assert " ; " in req  # environment markers kept (the universal lock's CUDA packages are Linux-only)


def test_generated_python_parses_and_ruff_is_clean(portable):
    for path in portable.rglob("*.py"):
        ast.parse(path.read_text(), filename=str(path))
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is in this repository's dev group"
    run = subprocess.run([ruff, "check", "--no-cache", "."], cwd=portable, capture_output=True, text=True,
                         stdin=subprocess.DEVNULL, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr


def test_notebook_is_valid_nbformat(portable):
    nb = nbformat.read(portable / "notebooks/quickstart.ipynb", as_version=4)
    nbformat.validate(nb)
    kinds = [c.cell_type for c in nb.cells]
    assert kinds[0] == "markdown" and kinds.count("code") >= 2
    for cell in nb.cells:
        if cell.cell_type == "code":
            ast.parse(cell.source)
    assert notebook_json("# %%\nx = 1\n") == notebook_json("# %%\nx = 1\n")  # deterministic


def test_configs_name_hp_ids_and_load_as_numbers(portable):
    for size in ("small", "medium", "large"):
        text = (portable / f"configs/{size}.yaml").read_text()
        data = yaml.safe_load(text)
        assert data["name"] == size
        assert isinstance(data["train"]["learning_rate"], float)
        assert isinstance(data["train"]["batch_size"], int)
        assert "learning_rate: " in text and "# HP-learning-rate" in text
    assert yaml.safe_load(f"x: {yaml_number(3e-5)}")["x"] == 3e-5
    assert yaml.safe_load(f"x: {yaml_number(0.25)}")["x"] == 0.25


def test_readme_quickstart_first(portable):
    readme = (portable / "README.md").read_text()
    assert readme.index("## Quickstart") < readme.index("## Hardware") < readme.index("## Layout")
    for command in ("uv run pytest", "uv run python train.py --config small", "eval.py", "--resume", "--set",
                    "demo/app.py"):
        assert command in readme
    assert "CUDA" in readme and "MPS" in readme and "CPU" in readme


def test_refusals_write_nothing(root, no_index):
    with pytest.raises(BadArgument, match="not a valid package name"):
        init_uv_project("proj", name="bad name!")
    assert not (root / "proj").exists()
    with pytest.raises(OutsideRoots, match=r"\.\."):
        init_uv_project("a/../proj")
    with pytest.raises(OutsideRoots, match="outside the allowed roots"):
        init_uv_project(str(root.parent / "elsewhere-project"))
    assert not (root.parent / "elsewhere-project").exists()
    (root / "busy").mkdir()
    (root / "busy" / "notes.txt").write_text("mine")
    with pytest.raises(Conflict, match="not empty"):
        init_uv_project("busy")
    assert rel_files(root / "busy") == {"notes.txt"}
    with pytest.raises(BadArgument, match="version like"):
        init_uv_project("proj", python="three")
    with pytest.raises(NotFound, match="does not exist"):
        init_uv_project("proj", checklist_path="missing.md")
    assert not (root / "proj").exists()


def test_update_adds_only_missing_files(portable, root, no_index):
    copy = root / "Improved_DDPM.impl"
    shutil.copytree(portable, copy)
    (copy / "train.py").write_text("# my own training script\n")
    (copy / "configs/medium.yaml").unlink()
    lock_before = (copy / "uv.lock").read_bytes()
    with pytest.raises(Conflict, match="update=True"):
        create_project(copy)
    result = create_project(copy, update=True)
    assert result.files_written == ["configs/medium.yaml"]
    assert "train.py" in result.files_kept and "uv.lock" in result.files_kept
    assert (copy / "train.py").read_text() == "# my own training script\n"
    assert (copy / "configs/medium.yaml").read_text() == (portable / "configs/medium.yaml").read_text()
    assert (copy / "uv.lock").read_bytes() == lock_before


def test_update_adds_stubs_for_new_ids_in_new_files_and_never_touches_old_ones(portable, root, no_index):
    shutil.copytree(portable, root / "proj")
    core = root / "proj/src/improved_ddpm_impl/core"
    before = {p: p.read_bytes() for p in (root / "proj").rglob("*.py")}
    (root / "IMPLEMENTATION_CHECKLIST.md").write_text(CHECKLIST)
    result = init_uv_project("proj", name="improved-ddpm-impl", checklist_path="IMPLEMENTATION_CHECKLIST.md",
                             update=True)
    assert "IMPLEMENTATION_CHECKLIST.md" in result.files_written
    assert {"src/improved_ddpm_impl/core/equations_added.py", "tests/test_paper_equations_added.py"} <= set(
        result.files_written)
    assert all(p.read_bytes() == text for p, text in before.items())  # nothing existing rewritten
    added = (core / "equations_added.py").read_text()
    assert "def eq_1(" in added and "def eq_12(" in added and "def eq_a_3(" in added
    assert "from improved_ddpm_impl.core import equations_added as equations" in (
        root / "proj/tests/test_paper_equations_added.py").read_text()
    # a second run finds every ID named in a file: nothing new
    ours = "proj/IMPLEMENTATION_CHECKLIST.md"
    again = init_uv_project("proj", name="improved-ddpm-impl", checklist_path=ours, update=True)
    assert not [f for f in again.files_written if f.endswith(".py")]
    # an ID renamed in the project's checklist (a fragment given its real label) gets its own stub
    checklist = root / "proj/IMPLEMENTATION_CHECKLIST.md"
    checklist.write_text(checklist.read_text().replace("**EQ-A.3**", "**EQ-A.4**"))
    third = init_uv_project("proj", name="improved-ddpm-impl", checklist_path=ours, update=True)
    assert "src/improved_ddpm_impl/core/equations_added_2.py" in third.files_written
    newest = (core / "equations_added_2.py").read_text()
    assert "def eq_a_4(" in newest and "eq_1(" not in newest
    assert (core / "equations_added.py").read_text() == added
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    for args in (["check", "--no-cache", "."], ["format", "--check", "--no-cache", "."]):
        run = subprocess.run([ruff, *args], cwd=root / "proj", capture_output=True, text=True,
                             stdin=subprocess.DEVNULL, timeout=60)
        assert run.returncode == 0, run.stdout + run.stderr


def test_paper_markdown_gives_title_link_bibtex(root, no_index):
    paper = root / "papers" / "iddpm"
    paper.mkdir(parents=True)
    (paper / "paper.md").write_text("<!-- page 1 -->\n# Improved Denoising Diffusion Probabilistic Models\n\n"
                                    "arXiv:2102.09672v1 [cs.LG] 18 Feb 2021\n")
    result = init_uv_project("iddpm", paper_markdown="papers/iddpm/paper.md", name="iddpm-repro")
    readme = (root / "iddpm" / "README.md").read_text()
    assert readme.startswith("# Improved Denoising Diffusion Probabilistic Models")
    assert "https://arxiv.org/abs/2102.09672" in readme
    assert "eprint = {2102.09672}" in readme and "```bibtex" in readme
    assert result.name == "iddpm-repro" and "README.md" in result.files_written
    # the sidecar wins over the Markdown heading
    (paper / "paper.json").write_text(json.dumps({"title": "IDDPM (sidecar title)", "source": "x.pdf"}))
    init_uv_project("iddpm2", paper_markdown="papers/iddpm/paper.md")
    assert (root / "iddpm2" / "README.md").read_text().startswith("# IDDPM (sidecar title)")


@pytest.mark.parametrize("extra", [0, 1, 2])
def test_a_title_near_the_line_limit_keeps_the_package_docstring_ruff_clean(root, no_index, extra):
    # `"""A PyTorch implementation of "<title>"."""` is 101-103 columns: ruff format joins a docstring
    # wrapped after its only line (past the limit), so it must come out as two lines
    title = "Robust-Adaptive Control of Linear Systems: beyond Quadratic Cost" + "s" * extra
    paper = root / "papers" / "p"
    paper.mkdir(parents=True)
    (paper / "paper.md").write_text(f"<!-- page 1 -->\n# {title}\n\nText.\n")
    init_uv_project("proj", paper_markdown="papers/p/paper.md", sync=False)
    doc = (root / "proj/src/proj/__init__.py").read_text().split("\n\n")[0]
    assert title in doc.replace("\n", " ") and max(len(line) for line in doc.splitlines()) <= 100
    assert_ruff_clean(root / "proj")


def test_checklist_gives_equation_stubs_tests_docs_and_hp_configs(root, no_index):
    (root / "IMPLEMENTATION_CHECKLIST.md").write_text(CHECKLIST)
    result = init_uv_project("proj", checklist_path="IMPLEMENTATION_CHECKLIST.md")
    proj = root / "proj"
    assert result.equations == 3
    assert (proj / "IMPLEMENTATION_CHECKLIST.md").read_text() == CHECKLIST
    tests = (proj / "tests/test_paper_equations.py").read_text()
    tree = ast.parse(tests)
    names = [f.name for f in tree.body if isinstance(f, ast.FunctionDef)]
    assert [n.split("_")[:3] for n in names] == [["test", "eq", n] for n in ("1", "12", "a")]
    assert '@pytest.mark.paper("EQ-12")' in tests and "xfail(raises=NotImplementedError" in tests
    equations = (proj / "src/proj/core/equations.py").read_text()
    assert "def eq_12(" in equations and "def eq_a_3(" in equations and "TODO(EQ-12)" in equations
    assert "EQ-12 (page 4, 3.1. Learning" in equations
    assert "Implements:" not in "\n".join(line.strip()[:11] for line in equations.splitlines())
    docs = (proj / "docs/ALGORITHMS.md").read_text()
    assert "| EQ-12 |" in docs and "| ALG-1 |" in docs
    large = (proj / "configs/large.yaml").read_text()
    small = (proj / "configs/small.yaml").read_text()
    assert yaml.safe_load(large)["train"]["learning_rate"] == 1e-4  # the paper's value at paper scale
    # the first of the paper's two values, and the other named beside it
    assert "# HP-learning-rate (the paper's value; the paper also states 2 × 10−5)" in large
    assert "HP-learning-rate ASSUMPTION" in small  # a smoke-test value differs from the paper, and says so
    assert "# HP-weight-decay ASSUMPTION: not stated in the paper" in small
    assert "HP-training-steps" not in small  # not in this checklist: no anchor to an unknown ID
    assert yaml.safe_load(large)["train"]["batch_size"] == 128 and "HP-dropout (the paper's value)" in large
    assert_ruff_clean(proj)


def assert_ruff_clean(proj: Path) -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    for args in (["check", "--no-cache", "."], ["format", "--check", "--no-cache", "."]):
        run = subprocess.run([ruff, *args], cwd=proj, capture_output=True, text=True,
                             stdin=subprocess.DEVNULL, timeout=60)
        assert run.returncode == 0, run.stdout + run.stderr


LONG = r"\mathcal{L}_{\mathrm{vlb}} = " + " + ".join(rf"D_{{KL}}(q(x_{{{t}}}|x_0) \| p_\theta(x_{{{t}}}))"
                                                   for t in range(1, 12))
SCOPED = rf"""# Implementation checklist: a paper

<!-- paper-to-code checklist v1 · route: latex · source: paper.md -->

## Key Equations

| ID | name | equation | where in the paper | detail | status | notes |
|---|---|---|---|---|---|---|
| **EQ-4** | variational bound | `{LONG.replace("|", chr(92) + "|")}` | 3 Method | SPECIFIED | [ ] TODO |  |
| **EQ-5** |  | `a = b + c` | 3 Model estimation | SPECIFIED | [ ] TODO |  |
| **EQ-16** | robust b values | `b = m + s` | 4 Robustness | SPECIFIED | [ ] TODO |  |
| **EQ-17** |  | `a \le b` | C Proofs | SPECIFIED | [-] DERIVATION | inside a proof |
| **EQ-18** | loss | `L = 1` | D Extra | SPECIFIED | [-] OUT_OF_SCOPE | an ablation we skip |
"""


def test_scoped_items_get_no_stub_and_stubs_carry_name_and_whole_latex(root, no_index):
    (root / "IMPLEMENTATION_CHECKLIST.md").write_text(SCOPED)
    result = init_uv_project("proj", checklist_path="IMPLEMENTATION_CHECKLIST.md")
    proj = root / "proj"
    assert result.equations == 3
    equations = (proj / "src/proj/core/equations.py").read_text()
    tree = ast.parse(equations)
    funcs = {f.name: ast.get_docstring(f) for f in tree.body if isinstance(f, ast.FunctionDef)}
    assert set(funcs) == {"eq_4_variational_bound", "eq_5", "eq_16_robust_b_values"}  # one-letter symbol kept
    assert " ".join(LONG.split()) in " ".join(funcs["eq_4_variational_bound"].split())  # not cut
    tests = (proj / "tests/test_paper_equations.py").read_text()
    called = {  # each test -> the stub it calls: named alike, test_ + the stub's name
        f.name: c.func.attr
        for f in ast.parse(tests).body
        if isinstance(f, ast.FunctionDef)
        for c in ast.walk(f)
        if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute) and c.func.attr in funcs
    }
    assert called == {f"test_{fn}": fn for fn in funcs}
    assert "EQ-17" not in tests + equations and "EQ-18" not in tests + equations
    assert "Rename and move functions freely" in equations
    assert_ruff_clean(proj)


@pytest.mark.skipif(not any(WHEELS.glob("torch-*.whl")), reason="no local torch wheel folder on this machine")
def test_torch_index_setting_locks_the_local_cpu_wheel(root, monkeypatch):
    def use(index: str) -> None:
        new = settings._settings.model_copy(update={"torch_index": index})
        monkeypatch.setattr(settings, "_settings", new)

    use(str(WHEELS))
    result = init_uv_project("cpu-proj")
    assert result.locked and result.torch_source == str(WHEELS)
    py = tomllib.loads((root / "cpu-proj/pyproject.toml").read_text())
    assert py["tool"]["uv"]["sources"]["torch"] == {"index": "local-torch"}
    assert py["tool"]["uv"]["index"][0]["format"] == "flat"
    lock = (root / "cpu-proj/uv.lock").read_text()
    assert "+cpu" in lock and "nvidia-" not in lock
    use(str(root))
    with pytest.raises(BadArgument, match="PAPER_TO_CODE_TORCH_INDEX"):
        init_uv_project("other")
    assert not (root / "other").exists()


def test_uv_missing_is_a_clear_error(root, no_index, monkeypatch):
    monkeypatch.setenv("PATH", str(root))
    monkeypatch.delenv("PAPER_TO_CODE_UV", raising=False)
    monkeypatch.setattr(uvcli, "uv_folders", lambda: [root])
    missing = r"uv is missing: looked for \$PAPER_TO_CODE_UV, then `uv` on PATH"
    with pytest.raises(NotFound, match=missing) as e:
        init_uv_project("proj")
    assert "set PAPER_TO_CODE_UV to its full path" in str(e.value)


def test_uv_is_found_beside_python_when_not_on_path(root, no_index, monkeypatch):
    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # a system Python for uv, but no uv
    monkeypatch.delenv("PAPER_TO_CODE_UV", raising=False)
    assert shutil.which("uv") is None
    found = Path(uvcli.uv_path())
    assert found.name == "uv" and found.parent in uvcli.uv_folders()
    assert init_uv_project("proj").locked


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PAPER_TO_CODE_TORCH_INDEX"}
    return run_cli(root, *args, timeout=180, env=env)


def test_cli_creates_and_refuses(tmp_path):
    run = _cli(tmp_path, "init-uv-project", "cli-proj", "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["locked"] and "src/cli_proj/models/reference.py" in result["files_written"]
    run = _cli(tmp_path, "init-uv-project", "cli-proj")
    assert run.returncode == 1 and "not empty" in run.stderr


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.mark.anyio
async def test_mcp_tool(root, no_index):
    from mcp import Client

    from server.app import build_server

    async with Client(build_server()) as c:
        tools = {t.name: t for t in (await c.list_tools()).tools}
        hints = tools["init_uv_project"].annotations
        assert hints.read_only_hint is False and hints.destructive_hint is False
        progress: list[str] = []

        async def on_progress(value, total, message):
            progress.append(message)

        r = await c.call_tool("init_uv_project", {"path": "mcp-proj", "name": "MCP.Proj"},
                              progress_callback=on_progress)
        assert not r.is_error, r.content[0].text
        assert r.structured_content["name"] == "mcp-proj"
        assert "uv.lock" in r.structured_content["files_written"]
        assert progress[:3] == ["rendering templates", "writing files", "uv lock"], progress
        r = await c.call_tool("init_uv_project", {"path": "../x"})
        assert r.is_error and "'..'" in r.content[0].text


def test_a_candidate_value_is_never_written_as_the_papers(root, no_index):
    checklist = CHECKLIST.replace(
        "| **HP-dropout** | dropout | 0.3 | p. 14 · F. Overfitting | SPECIFIED |",
        "| **HP-dropout** | dropout | 0.3 (candidate: confirm) | p. 14 · F. Overfitting "
        "| PARTIALLY_SPECIFIED |",
    )
    assert checklist != CHECKLIST
    (root / "IMPLEMENTATION_CHECKLIST.md").write_text(checklist)
    init_uv_project("proj", checklist_path="IMPLEMENTATION_CHECKLIST.md")
    large = (root / "proj/configs/large.yaml").read_text()
    assert yaml.safe_load(large)["model"]["dropout"] == 0.1  # the default, not the candidate
    assert "HP-dropout ASSUMPTION: default; candidate to confirm in the paper: 0.3" in large
    assert "HP-dropout (the paper's value)" not in large
    assert yaml.safe_load(large)["train"]["batch_size"] == 128  # a stated value still is the paper's


METHOD_ONLY = {"src/{pkg}/method.py", "src/{pkg}/toy.py", "tests/test_method.py"}
MODEL_ONLY = {"src/{pkg}/models/__init__.py", "src/{pkg}/models/reference.py", "tests/test_model.py",
              "demo/app.py", "notebooks/quickstart.ipynb"}
# an estimator paper: equations and hyperparameters, no architecture component
METHOD_CHECKLIST = CHECKLIST[: CHECKLIST.index("## Model Components")] + CHECKLIST[
    CHECKLIST.index("## Key Equations"):
]


def test_a_checklist_without_components_gives_a_method_project_named_after_the_paper(root, no_index):
    assert "COMP-" not in METHOD_CHECKLIST and "EQ-12" in METHOD_CHECKLIST
    (root / "IMPLEMENTATION_CHECKLIST.md").write_text(METHOD_CHECKLIST)
    result = create_project(root / "est", checklist=root / "IMPLEMENTATION_CHECKLIST.md", lock=False)
    proj = root / "est"
    assert result.kind == "method" and result.equations == 3
    files = rel_files(proj)
    assert {f.format(pkg="est") for f in METHOD_ONLY} <= files
    assert not {f.format(pkg="est") for f in MODEL_ONLY} & files
    assert not any(f.startswith(("demo/", "notebooks/", "src/est/models/")) for f in files)
    title = "Improved Denoising Diffusion Probabilistic Models"
    readme = (proj / "README.md").read_text()
    assert readme.startswith(f"# {title}\n") and "my-repro" not in readme and "demo/app.py" not in readme
    pyproject = tomllib.loads((proj / "pyproject.toml").read_text())
    assert title in pyproject["project"]["description"]
    small = yaml.safe_load((proj / "configs/small.yaml").read_text())
    assert set(small) == {"name", "problem", "train"} and small["problem"]["dim"] > 0
    assert json.loads((proj / ".paper-to-code.json").read_text())["answers"]["kind"] == "method"
    for script in ("train.py", "eval.py"):
        text = (proj / script).read_text()
        assert "create_problem" in text and "--set" in text
    assert "--resume" in (proj / "train.py").read_text()
    assert_ruff_clean(proj)


def test_kind_given_wins_over_the_checklist_and_a_bad_kind_is_refused(root, no_index):
    (root / "IMPLEMENTATION_CHECKLIST.md").write_text(METHOD_CHECKLIST)
    result = create_project(root / "m", checklist=root / "IMPLEMENTATION_CHECKLIST.md", lock=False,
                            kind="model")
    assert result.kind == "model" and (root / "m/src/m/models/reference.py").is_file()
    assert create_project(root / "plain", lock=False).kind == "model"  # no checklist: a model project
    with pytest.raises(BadArgument, match="kind='method'"):
        create_project(root / "bad", kind="estimator", lock=False)
    assert not (root / "bad").exists()


SCHEDULED = CHECKLIST.replace(
    "| **HP-weight-decay** |",
    "| **HP-lr-schedule** | learning rate schedule | cosine | p. 11 | SPECIFIED | [ ] TODO | |\n"
    "| **HP-warmup-steps** | warmup steps | 5000 | p. 11 | SPECIFIED | [ ] TODO | |\n"
    "| **HP-gradient-clipping** | gradient clipping | 0.5 | p. 11 | SPECIFIED | [ ] TODO | |\n"
    "| **HP-weight-decay** |",
)


def test_schedule_warmup_and_clipping_come_from_the_hp_rows(root, no_index):
    (root / "IMPLEMENTATION_CHECKLIST.md").write_text(SCHEDULED)
    create_project(root / "cosine", checklist=root / "IMPLEMENTATION_CHECKLIST.md", lock=False)
    texts = {size: (root / f"cosine/configs/{size}.yaml").read_text() for size in ("small", "large")}
    small, large = (yaml.safe_load(texts[size])["train"] for size in ("small", "large"))
    assert small["lr_schedule"] == large["lr_schedule"] == "cosine"  # a schedule holds at any length
    assert small["grad_clip"] == large["grad_clip"] == 0.5
    assert large["warmup_steps"] == 5000 and "# HP-warmup-steps (the paper's value)" in texts["large"]
    assert small["warmup_steps"] < small["steps"]  # a smoke run keeps a short warmup, and says so
    assert "HP-warmup-steps ASSUMPTION: small-run value, not the paper's (5000)" in texts["small"]
    assert small["deterministic"] is False and small["num_threads"] == 1 and small["seed"] == 0
    # without those rows the defaults are marked as assumptions
    (root / "IMPLEMENTATION_CHECKLIST.md").write_text(CHECKLIST)
    create_project(root / "bare", checklist=root / "IMPLEMENTATION_CHECKLIST.md", lock=False)
    bare = (root / "bare/configs/small.yaml").read_text()
    assert "grad_clip: 1.0  # ASSUMPTION: default; the checklist has no gradient clipping row" in bare
    assert "lr_schedule: constant  # ASSUMPTION: default; the checklist has no lr schedule row" in bare


def test_a_new_project_names_no_hp_id_its_checklist_lacks(root, no_index):
    from tools.trace.coverage import check_coverage

    (root / "IMPLEMENTATION_CHECKLIST.md").write_text(CHECKLIST)
    create_project(root / "fresh", checklist=root / "IMPLEMENTATION_CHECKLIST.md", lock=False)
    report = check_coverage("fresh", update=False)
    unknown = [p.message for p in report.problems if p.kind in ("unknown_id", "config_contradicts_paper")]
    assert unknown == []


def _with_rows(*rows: tuple[str, str, str]) -> str:
    """The checklist with HP rows (ID, title, value) added before HP-weight-decay."""
    added = "".join(f"| **{i}** | {t} | {v} | p. 11 | SPECIFIED | [ ] TODO | |\n" for i, t, v in rows)
    return CHECKLIST.replace("| **HP-weight-decay** |", added + "| **HP-weight-decay** |")


def test_the_papers_seed_goes_into_every_config(root, no_index):
    (root / "IMPLEMENTATION_CHECKLIST.md").write_text(_with_rows(("HP-seed", "random seed", "42")))
    create_project(root / "seeded", checklist=root / "IMPLEMENTATION_CHECKLIST.md", lock=False)
    for size in ("small", "large"):
        assert yaml.safe_load((root / f"seeded/configs/{size}.yaml").read_text())["train"]["seed"] == 42


EPOCHS = _with_rows(
    ("HP-epochs", "epochs", "200"),
    ("HP-lr-decay", "lr decay", "0.2"),
    ("HP-lr-milestones", "lr milestones (epochs)", "60, 120 and 160"),
    ("HP-warmup-epochs", "warmup epochs", "5"),
)


def test_a_step_schedule_in_epochs_comes_from_the_hp_rows(root, no_index):
    texts, small, large = _scheduled(root, EPOCHS, "ep")
    # milestones, no schedule named: a step schedule; the decay factor holds at any length
    assert small["lr_schedule"] == large["lr_schedule"] == "step"
    assert small["lr_decay"] == large["lr_decay"] == 0.2
    assert large["lr_milestones"] == [60, 120, 160] and large["milestone_unit"] == "epochs"
    assert small["lr_milestones"] == []  # a smoke run decays at 1/2 and 3/4 of its length, and says so
    assert "not the paper's (60, 120, 160)" in texts["small"]
    # a warmup and a length in epochs: converted with steps_per_epoch, none in steps
    assert large["warmup_epochs"] == 5.0 and large["warmup_steps"] == 0
    assert large["steps"] == 200 * large["steps_per_epoch"]
    assert "steps: 200000  # HP-epochs ASSUMPTION" in texts["large"]
    assert small["warmup_epochs"] * small["steps_per_epoch"] < small["steps"]
    implemented = _implemented_without_contradiction("ep")
    assert {"HP-lr-decay", "HP-lr-milestones", "HP-warmup-epochs", "HP-epochs"} <= implemented


def _scheduled(root, checklist: str, name: str) -> tuple[dict[str, str], dict, dict]:
    """A project made from this checklist: its small and large configs' text, and their train sections."""
    (root / "IMPLEMENTATION_CHECKLIST.md").write_text(checklist)
    create_project(root / name, checklist=root / "IMPLEMENTATION_CHECKLIST.md", lock=False)
    texts = {size: (root / f"{name}/configs/{size}.yaml").read_text() for size in ("small", "large")}
    small, large = (yaml.safe_load(texts[size])["train"] for size in ("small", "large"))
    return texts, small, large


def _implemented_without_contradiction(name: str) -> set[str]:
    """The IDs check_coverage finds implemented, after asserting no config contradicts the paper."""
    from tools.trace.coverage import check_coverage

    report = check_coverage(name, update=False)
    assert [p.message for p in report.problems if p.kind == "config_contradicts_paper"] == []
    return {i.id for i in report.items if i.status != "TODO"}


def test_a_warmup_given_as_a_share_of_the_run_goes_into_every_config(root, no_index):
    texts, small, large = _scheduled(root, _with_rows(("HP-warmup-ratio", "warmup ratio", "0.1")), "wr")
    assert small["warmup_ratio"] == large["warmup_ratio"] == 0.1  # a share of the run holds at any length
    assert "steps_per_epoch" not in large
    assert "warmup_ratio: 0.1  # HP-warmup-ratio (the paper" in texts["small"]
    assert "HP-warmup-ratio" in _implemented_without_contradiction("wr")


PERIODIC = _with_rows(
    ("HP-lr-decay", "learning rate decay factor", "0.5"),
    ("HP-lr-decay-epochs", "learning rate decay every (epochs)", "10"),
)


def test_a_decay_at_a_fixed_period_comes_from_the_hp_rows(root, no_index):
    texts, small, large = _scheduled(root, PERIODIC, "pd")
    assert small["lr_schedule"] == large["lr_schedule"] == "step"
    assert large["lr_decay_every"] == 10 and large["milestone_unit"] == "epochs"
    assert small["lr_decay_every"] == 0 and "not the paper's (10)" in texts["small"]
    assert "HP-lr-decay-epochs" in _implemented_without_contradiction("pd")


def test_a_scoped_out_hp_row_is_never_written_as_the_papers_value(root, no_index):
    from tools.trace.coverage import check_coverage

    epochs = "| **HP-epochs** | epochs | 200 | p. 11 | SPECIFIED |"
    scoped = EPOCHS.replace(f"{epochs} [ ] TODO | |", f"{epochs} [-] OUT_OF_SCOPE | the NMT runs |")
    batch = "| 128 | p. 11 · A. Hyperparameters | SPECIFIED |"
    scoped = scoped.replace(f"{batch} [ ] TODO |", f"{batch} [-] OUT_OF_SCOPE |")
    assert scoped.count("OUT_OF_SCOPE") == 2
    (root / "IMPLEMENTATION_CHECKLIST.md").write_text(scoped)
    create_project(root / "sc", checklist=root / "IMPLEMENTATION_CHECKLIST.md", lock=False)
    large_text = (root / "sc/configs/large.yaml").read_text()
    large = yaml.safe_load(large_text)["train"]
    assert "HP-epochs" not in large_text and large["steps"] != 200 * large["steps_per_epoch"]
    assert "HP-batch-size" not in large_text  # the default, with no paper ID to claim it
    assert large["lr_decay"] == 0.2  # an in-scope row still gives the paper's value
    report = check_coverage("sc", update=False)
    assert [p.message for p in report.problems if p.kind in ("unknown_id", "config_contradicts_paper")] == []


@pytest.mark.anyio
async def test_mcp_method_project(root, no_index):
    from mcp import Client

    from server.app import build_server

    (root / "IMPLEMENTATION_CHECKLIST.md").write_text(METHOD_CHECKLIST)
    async with Client(build_server()) as c:
        schema = {t.name: t for t in (await c.list_tools()).tools}["init_uv_project"].input_schema
        assert "kind" in schema["properties"]
        args = {"path": "est", "checklist_path": "IMPLEMENTATION_CHECKLIST.md"}
        r = await c.call_tool("init_uv_project", args)
        assert not r.is_error, r.content[0].text
        assert r.structured_content["kind"] == "method" and r.structured_content["locked"]
        assert "src/est/toy.py" in r.structured_content["files_written"]
        r = await c.call_tool("init_uv_project", {"path": "other", "kind": "estimator"})
        assert r.is_error and not (root / "other").exists()


def test_a_setting_with_a_value_per_context_says_which_the_config_takes():
    from tools.analysis.checklist import parse_checklist
    from tools.project.scaffold import config_rows, hp_values

    table = (
        "## Hyperparameters\n\n| ID | parameter | value | where in the paper | detail | status | notes |\n"
        "|---|---|---|---|---|---|---|\n"
        "| **HP-hidden-size** | hidden size | 32 [MLP Synthetic]; 64 [MLP Real-World]; 32 [VAE Synthetic] "
        "| 5.1 | SPECIFIED | [ ] TODO |  |\n"
        "| **HP-batch-size** | batch size | 500 [MLP Real-World] | 5.1 | SPECIFIED | [ ] TODO |  |\n"
        "| **HP-dropout** | dropout | 0.1 | 5.1 | SPECIFIED | [ ] TODO |  |\n"
    )
    rows = config_rows("large", hp_values(parse_checklist(table)))
    comments = {r["key"]: r["comment"] for part in ("model", "train") for r in rows[part]}
    assert comments["hidden_dim"] == (
        "HP-hidden-size (the paper's value for MLP Synthetic; the paper also states 64 for MLP Real-World)"
    )
    assert comments["batch_size"] == "HP-batch-size (the paper's value for MLP Real-World)"
    assert comments["dropout"] == "HP-dropout (the paper's value)"  # one plain value: nothing to add
