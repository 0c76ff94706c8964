"""Equation oracles on the corpus papers' real equations (LaTeX route): the oracle built from the paper's
LaTeX accepts an independent correct implementation and rejects deliberately wrong ones (a sign flip, a
missing term). Here the oracle runs on numpy (our env has no torch); the generated project runs the very
same paper_oracle module on torch (the slow test at the end). Plus make_equation_test on a generated
project."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from tools.errors import BadArgument, Conflict
from tools.trace.oracles import load_runtime, make_equation_test, oracle_spec

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
sqrt, log, exp = np.sqrt, np.log, np.exp


def _gauss(x, mean, var):
    """The density of x under N(mean, var I): the product of the per-entry densities (last axis)."""
    return np.prod(np.exp(-((x - mean) ** 2) / (2 * var)) / np.sqrt(2 * math.pi * var), axis=-1)


def _cos_f(t, T, s, sign=1.0):
    return np.cos((t / T + sign * s) / (1 + s) * math.pi / 2) ** 2


# paper -> label -> (correct, sign flip, missing term); each written from the paper by hand, not from sympy
IMPLEMENTATIONS = {
    ("nfp", "1"): (
        lambda x, y: 1 - np.minimum(x, y).sum() / np.maximum(x, y).sum(),
        lambda x, y: 1 + np.minimum(x, y).sum() / np.maximum(x, y).sum(),
        lambda x, y: 1 - np.minimum(x, y).sum(),
    ),
    ("iddpm", "1"): (  # the chain's density: a product of the given per-step densities q(x_t | x_{t-1})
        lambda q_of_x_given_x_minus_1: np.prod(q_of_x_given_x_minus_1, axis=-1),
        lambda q_of_x_given_x_minus_1: np.sum(q_of_x_given_x_minus_1, axis=-1),
        lambda q_of_x_given_x_minus_1: np.prod(q_of_x_given_x_minus_1[..., 1:], axis=-1),
    ),
    ("iddpm", "5"): (  # the last term: minus the log of the given model density p_θ(x_0 | x_1)
        lambda p_theta: -np.log(p_theta),
        lambda p_theta: np.log(p_theta),
        lambda p_theta: -p_theta,
    ),
    ("iddpm", "2"): (  # q(x_t | x_{t-1}) as a density
        lambda x_t, beta_t, x_t_minus_1: _gauss(x_t, sqrt(1 - beta_t) * x_t_minus_1, beta_t),
        lambda x_t, beta_t, x_t_minus_1: _gauss(x_t, sqrt(1 + beta_t) * x_t_minus_1, beta_t),
        lambda x_t, beta_t, x_t_minus_1: _gauss(x_t, sqrt(1 - beta_t), beta_t),
    ),
    ("iddpm", "8"): (
        lambda x_t, alpha_bar_t, x_0: _gauss(x_t, sqrt(alpha_bar_t) * x_0, 1 - alpha_bar_t),
        lambda x_t, alpha_bar_t, x_0: _gauss(x_t, sqrt(alpha_bar_t) * x_0, 1 + alpha_bar_t),
        lambda x_t, alpha_bar_t, x_0: _gauss(x_t, sqrt(alpha_bar_t) * x_0, 1),
    ),
    ("iddpm", "12"): (
        lambda x_t_minus_1, mu_tilde_of_x_t_x_0, beta_tilde_t: _gauss(
            x_t_minus_1, mu_tilde_of_x_t_x_0, beta_tilde_t
        ),
        lambda x_t_minus_1, mu_tilde_of_x_t_x_0, beta_tilde_t: _gauss(
            x_t_minus_1, -mu_tilde_of_x_t_x_0, beta_tilde_t
        ),
        lambda x_t_minus_1, mu_tilde_of_x_t_x_0, beta_tilde_t: _gauss(x_t_minus_1, 0, beta_tilde_t),
    ),
    ("iddpm", "9"): (
        lambda alpha_bar_t, x_0, epsilon: sqrt(alpha_bar_t) * x_0 + sqrt(1 - alpha_bar_t) * epsilon,
        lambda alpha_bar_t, x_0, epsilon: sqrt(alpha_bar_t) * x_0 - sqrt(1 - alpha_bar_t) * epsilon,
        lambda alpha_bar_t, x_0, epsilon: sqrt(alpha_bar_t) * x_0,
    ),
    ("iddpm", "10"): (
        lambda alpha_bar_t_minus_1, alpha_bar_t, beta_t: (
            (1 - alpha_bar_t_minus_1) / (1 - alpha_bar_t) * beta_t
        ),
        lambda alpha_bar_t_minus_1, alpha_bar_t, beta_t: (
            (1 + alpha_bar_t_minus_1) / (1 - alpha_bar_t) * beta_t
        ),
        lambda alpha_bar_t_minus_1, alpha_bar_t, beta_t: (1 - alpha_bar_t_minus_1) / (1 - alpha_bar_t),
    ),
    ("iddpm", "11"): (
        lambda alpha_bar_t_minus_1, beta_t, alpha_bar_t, x_0, alpha_t, x_t: (
            sqrt(alpha_bar_t_minus_1) * beta_t / (1 - alpha_bar_t) * x_0
            + sqrt(alpha_t) * (1 - alpha_bar_t_minus_1) / (1 - alpha_bar_t) * x_t
        ),
        lambda alpha_bar_t_minus_1, beta_t, alpha_bar_t, x_0, alpha_t, x_t: (
            sqrt(alpha_bar_t_minus_1) * beta_t / (1 - alpha_bar_t) * x_0
            - sqrt(alpha_t) * (1 - alpha_bar_t_minus_1) / (1 - alpha_bar_t) * x_t
        ),
        lambda alpha_bar_t_minus_1, beta_t, alpha_bar_t, x_0, alpha_t, x_t: (
            sqrt(alpha_bar_t_minus_1) * beta_t / (1 - alpha_bar_t) * x_0
        ),
    ),
    ("iddpm", "13"): (
        lambda alpha_t, x_t, beta_t, alpha_bar_t, epsilon_theta: (
            (x_t - beta_t / sqrt(1 - alpha_bar_t) * epsilon_theta) / sqrt(alpha_t)
        ),
        lambda alpha_t, x_t, beta_t, alpha_bar_t, epsilon_theta: (
            (x_t + beta_t / sqrt(1 - alpha_bar_t) * epsilon_theta) / sqrt(alpha_t)
        ),
        lambda alpha_t, x_t, beta_t, alpha_bar_t, epsilon_theta: x_t / sqrt(alpha_t),
    ),
    ("iddpm", "14"): (  # an expectation: the inputs inside carry a leading sample axis
        lambda epsilon, epsilon_theta: ((epsilon - epsilon_theta) ** 2).sum(-1).mean(0),
        lambda epsilon, epsilon_theta: ((epsilon + epsilon_theta) ** 2).sum(-1).mean(0),
        lambda epsilon, epsilon_theta: (epsilon**2).sum(-1).mean(0),
    ),
    ("iddpm", "15"): (
        lambda v, beta_t, beta_tilde_t: exp(v * log(beta_t) + (1 - v) * log(beta_tilde_t)),
        lambda v, beta_t, beta_tilde_t: exp(v * log(beta_t) + (1 + v) * log(beta_tilde_t)),
        lambda v, beta_t, beta_tilde_t: exp(v * log(beta_t)),
    ),
    ("iddpm", "16"): (
        lambda L_simple, lambda_, L_vlb: L_simple + lambda_ * L_vlb,
        lambda L_simple, lambda_, L_vlb: L_simple - lambda_ * L_vlb,
        lambda L_simple, lambda_, L_vlb: L_simple,
    ),
    ("iddpm", "17"): (
        lambda t, T, s: _cos_f(t, T, s) / _cos_f(0, T, s),
        lambda t, T, s: _cos_f(t, T, s, sign=-1.0) / _cos_f(0, T, s, sign=-1.0),
        lambda t, T, s: _cos_f(t, T, s),
    ),
    ("iddpm", "18"): (  # importance-sampled: the mean of L_t / p_t over the draws
        lambda L_t, p_t: (L_t / p_t).mean(0),
        lambda L_t, p_t: (-L_t / p_t).mean(0),
        lambda L_t, p_t: L_t.mean(0),
    ),
    ("iddpm", "19"): (
        lambda alpha_bar_S_t, alpha_bar_S_t_minus_1: (
            1 - alpha_bar_S_t / alpha_bar_S_t_minus_1,
            (1 - alpha_bar_S_t_minus_1) / (1 - alpha_bar_S_t) * (1 - alpha_bar_S_t / alpha_bar_S_t_minus_1),
        ),
        lambda alpha_bar_S_t, alpha_bar_S_t_minus_1: (
            1 + alpha_bar_S_t / alpha_bar_S_t_minus_1,
            (1 - alpha_bar_S_t_minus_1) / (1 - alpha_bar_S_t) * (1 + alpha_bar_S_t / alpha_bar_S_t_minus_1),
        ),
        lambda alpha_bar_S_t, alpha_bar_S_t_minus_1: (
            1 - alpha_bar_S_t / alpha_bar_S_t_minus_1,
            (1 - alpha_bar_S_t_minus_1) / (1 - alpha_bar_S_t),
        ),
    ),
}


@pytest.fixture(scope="module")
def corpus_equations() -> dict[tuple[str, str], str]:
    """(paper, label) -> exact LaTeX of every numbered equation, through the LaTeX route."""
    from tools.analysis.equations import find_all
    from tools.ingest.latex.document import convert_source

    out = {}
    for paper in sorted(p.name for p in CORPUS.iterdir() if (p / "source").is_dir()):
        markdown = convert_source(CORPUS / paper / "source").markdown
        for eq in find_all(markdown, {"numbered"})["numbered"]:
            assert eq.latex
            out[(paper, eq.label)] = eq.body
    return out


def _check(spec, impl, seed: int) -> None:
    rt = load_runtime()
    inputs = rt.random_inputs(spec, seed=seed, backend="numpy")
    expected = rt.evaluate(spec, inputs, backend="numpy")
    rt.assert_matches(spec, impl(**inputs), expected, backend="numpy")


def test_every_corpus_oracle_has_a_hand_implementation(corpus_equations):
    working = {key for key, tex in corpus_equations.items() if oracle_spec(tex).ok}
    assert working == set(IMPLEMENTATIONS), "an oracle appeared or vanished: add or check its implementation"


@pytest.mark.parametrize("key", sorted(IMPLEMENTATIONS), ids=lambda k: f"{k[0]}-eq{k[1]}")
def test_oracle_accepts_correct_and_rejects_wrong(corpus_equations, key):
    result = oracle_spec(corpus_equations[key])
    assert result.ok, result.reason
    correct, sign_flip, missing_term = IMPLEMENTATIONS[key]
    for seed in (0, 1, 2):
        _check(result.spec, correct, seed)
    for wrong in (sign_flip, missing_term):
        with pytest.raises(AssertionError):
            _check(result.spec, wrong, 0)


@pytest.mark.parametrize(
    ("latex", "reason"),
    [
        (
            r"p_{\theta}(x_{t-1}|x_t) = \mathcal{N}(x_{t-1}; \mu_{\theta}(x_t, t), \Sigma_{\theta}(x_t, t))",
            "covariance matrix",
        ),
        (r"L = \mathbb{E}_{x}[x] - x", "inside and outside an expectation"),
        (r"L = \mathbb{E}[\mathbb{E}[x]]", "inside another"),
        (r"L = \mathbb{E}_{x \sim p} x", "without brackets"),
        (r"y = \mathcal{N}(0, 1)", "distribution"),
        (r"L = L_0 + L_1 + ... + L_T", "ellipsis"),
        (r"L = \kld{a}{b}", "\\kld"),
        (r"L \propto x", "no `=`"),
        (r"a = b = c", "renames"),
        (r"y = (a+b)^2 = a^2 + a b + b^2", "links of the chain a = b = c disagree"),
        (r"y = \operatorname{diag}(x + z)", "diag of an expression"),
        (r"r = \begin{cases} x & \text{if } x = y \\ 0 & \text{otherwise} \end{cases}", "never equal"),
        (r"r = \begin{cases} x & x > 2 \\ 0 & \text{otherwise} \end{cases}", "never true"),
        (r"\exp_p(v) = \gamma_{p}(v)", "redefines \\exp"),
        (r"y = \mathbf{A}^{1/2} \mathbf{x}", "power 1/2 of a matrix"),
        (r"y = \|\mathbf{A} \mathbf{x}\|_\infty", "only ||v||"),
        (r"x = \frac{1}{2", "unbalanced"),
        (r"y = \int_0^1 x\, dx", "integral"),
        (r"s = \sum_i \sum_j x_{ii} y_j", "repeats an index"),
        (r"y = \sigma(x) + \sigma", "function or a product"),
        (r"L = \sum_{i=1}^{N} c", "no indexed variable"),
        (r"\mu = \sum_{s} \gamma^{s} g_s", "used as a value"),
        (r"p = \prod_{t=1}^{T} \sum_{k=1}^{t} s_k", "triangular"),
        (r"L = -\textnormal{cap}(y \mid x)", "conditional"),
    ],
)
def test_what_is_not_plain_algebra_gets_a_reason(latex, reason):
    result = oracle_spec(latex)
    assert not result.ok
    assert reason in result.reason


def test_norms_sums_and_bounds():
    spec = oracle_spec(r"L = \|x - y\|^2 + \frac{1}{N}\sum_{i=1}^{N} (x_i - y_i)^2").spec
    assert spec["vectors"] == ["x", "y"] and spec["lengths"] == ["N"]
    good = lambda x, y, N: np.sum((x - y) ** 2) + np.mean((x - y) ** 2)  # noqa: E731
    _check(spec, good, 0)
    with pytest.raises(AssertionError):
        _check(spec, lambda x, y, N: np.sum((x - y) ** 2), 0)


@pytest.mark.parametrize(
    ("latex", "correct", "wrong"),
    [
        (
            r"\hat{y}_i = \frac{\exp(z_i)}{\sum_j \exp(z_j)}",
            lambda z: np.exp(z) / np.exp(z).sum(),
            lambda z: np.exp(z) / np.exp(z).max(),
        ),
        (
            r"L = -\sum_{i} y_i \log p_i",
            lambda y, p: -(y * np.log(p)).sum(),
            lambda y, p: -(y * np.log(p)).mean(),
        ),
        (
            r"h_t = g_t \odot h_{t-1} + (1-g_t)\odot i_t",
            lambda g_t, h_t_minus_1, i_t: g_t * h_t_minus_1 + (1 - g_t) * i_t,
            lambda g_t, h_t_minus_1, i_t: g_t * h_t_minus_1 + (1 + g_t) * i_t,
        ),
        (r"y = |x| + \left| z \right|", lambda x, z: np.abs(x) + np.abs(z), lambda x, z: x + z - 1),
        (
            r"\mathcal{L} = (x - y)^2 + \lambda w^2",
            lambda x, y, lambda_, w: (x - y) ** 2 + lambda_ * w**2,
            lambda x, y, lambda_, w: (x - y) ** 2 - lambda_ * w**2,
        ),
        (
            r"y = \max(0, x - \tfrac12) \cdot \beta_t (1 - x)",
            lambda x, beta_t: np.maximum(0, x - 0.5) * beta_t * (1 - x),
            lambda x, beta_t: (x - 0.5) * beta_t * (1 - x),
        ),
    ],
)
def test_more_plain_algebra_forms(latex, correct, wrong):
    result = oracle_spec(latex)
    assert result.ok, result.reason
    _check(result.spec, correct, 0)
    with pytest.raises(AssertionError):
        _check(result.spec, wrong, 0)


def test_a_misread_formula_is_refused_not_guessed():
    rt = load_runtime()
    # a hand-made spec whose right-hand side drops a variable when parsed (x is written twice, y once)
    bad = {
        "definitions": [{"target": "z", "rhs": r"{\zzx}+{\zzx}"}],
        "outputs": ["z"],
        "inputs": ["x", "y"],
        "symbols": {"zzx": "x", "zzy": "y"},
    }
    with pytest.raises(ValueError, match="not among|constant|lost"):
        rt.expressions({**bad, "definitions": [{"target": "z", "rhs": r"1+1"}]})
    assert rt.expressions(bad)["z"].free_symbols  # the well-formed one parses


def test_each_right_hand_side_is_parsed_once_and_still_checked_per_spec():
    """oracle_spec evaluates a spec many times (two samples, each wrong answer): sympy parses each string
    once, and the checks that depend on the spec still run on the cached parse."""
    rt = load_runtime()
    spec = {
        "definitions": [{"target": "z", "rhs": r"\frac{{\zzx} }{1+{\zzy} }-{\zzx} {\zzy} "}],
        "outputs": ["z"],
        "inputs": ["x", "y"],
        "symbols": {"zzx": "x", "zzy": "y"},
    }
    rt._parse_latex.cache_clear()
    for seed in (0, 1):
        inputs = rt.random_inputs(spec, seed=seed, backend="numpy")
        (z,) = rt.evaluate(spec, inputs, backend="numpy")
        x, y = inputs["x"], inputs["y"]
        np.testing.assert_allclose(z, x / (1 + y) - x * y, rtol=1e-12)
    assert rt._parse_latex.cache_info().misses == 1
    assert rt._parse_latex.cache_info().hits == 1
    with pytest.raises(ValueError, match="not among"):  # y is no input of this spec: refused again
        rt.expressions({**spec, "inputs": ["x"]})


# ---------------------------------------------------------------- make_equation_test on a generated project


@pytest.fixture(scope="module")
def built_project(tmp_path_factory) -> Path:
    """iddpm via the LaTeX route -> checklist -> a generated project (not locked), built once per module:
    a folder holding paper/ and proj/."""
    from tools.analysis.checklist import make_checklist
    from tools.ingest.latex.document import convert_source
    from tools.project.scaffold import create_project
    from tools.workspace import get_roots, set_roots

    root, before = tmp_path_factory.mktemp("oracle_project"), get_roots()
    set_roots([root])
    try:
        md = root / "paper" / "paper.md"
        md.parent.mkdir()
        md.write_text(convert_source(CORPUS / "iddpm" / "source").markdown, encoding="utf-8")
        checklist = make_checklist(str(md))
        create_project(root / "proj", checklist=Path(checklist.path), paper_markdown=md, lock=False)
    finally:
        set_roots(before)
    return root


@pytest.fixture
def project(built_project: Path, tmp_root: Path) -> Path:
    """A copy of the built project in this test's root (tests change it), as if generated there: the
    answers file's absolute paths name the copy."""
    for name in ("paper", "proj"):
        shutil.copytree(built_project / name, tmp_root / name)
    answers = tmp_root / "proj" / ".paper-to-code.json"
    answers.write_text(answers.read_text().replace(str(built_project), str(tmp_root)))
    texts = (p.read_text(errors="replace") for p in tmp_root.rglob("*") if p.is_file())
    assert not any(str(built_project) in text for text in texts)
    return tmp_root / "proj"


def test_init_writes_oracles_for_plain_algebra_equations(project):
    oracles = sorted(p.name for p in (project / "tests").glob("test_oracle_*.py"))
    assert oracles == [
        f"test_oracle_eq_{n}.py"
        for n in sorted(["1", "2", "5", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19"])
    ]
    assert (project / "tests" / "paper_oracle.py").is_file()
    assert '"sympy>=1.14"' in (project / "pyproject.toml").read_text()


def test_make_equation_test_writes_oracles_refuses_overwrite_and_keeps_no_backup(project):
    (project / "tests" / "test_oracle_eq_13.py").unlink()
    first = make_equation_test(str(project), "EQ-13")
    assert first.oracle and first.latex_source == "markdown"
    assert first.inputs == ["alpha_t", "x_t", "beta_t", "alpha_bar_t", "epsilon_theta"]
    assert first.files_written == ["tests/test_oracle_eq_13.py"]
    assert make_equation_test(str(project), "EQ-13").files_written == []  # same content: nothing to do
    before = sorted(p.name for p in (project / "tests").iterdir())
    refused = make_equation_test(str(project), "EQ-3")  # a covariance matrix: no oracle, nothing written
    assert not refused.oracle and "covariance matrix" in refused.reason
    assert refused.path is None and refused.files_written == []
    assert sorted(p.name for p in (project / "tests").iterdir()) == before
    assert "nothing written" in refused.summary_text()
    path = project / first.path
    path.write_text(path.read_text() + "\n# edited by hand\n")
    with pytest.raises(Conflict, match="overwrite=True"):
        make_equation_test(str(project), "EQ-13")
    assert "# edited by hand" in path.read_text()  # refused: untouched
    again = make_equation_test(str(project), "EQ-13", overwrite=True)
    assert again.files_written == ["tests/test_oracle_eq_13.py"]
    assert "# edited by hand" not in path.read_text()
    assert not [p.name for p in (project / "tests").iterdir() if not p.name.endswith(".py")]
    custom = make_equation_test(str(project), "EQ-99", latex=r"y = a x^2 + b")
    assert custom.oracle and custom.inputs == ["a", "x", "b"] and custom.latex_source == "argument"
    assert custom.reading == {"y": "a*x**2 + b"} and "read as: y = a*x**2 + b" in custom.summary_text()
    assert "a*x**2 + b" in (project / custom.path).read_text()  # the reading stands in the test's docstring
    assert custom.doubts == []
    guessed = make_equation_test(str(project), "EQ-98", latex=r"y = a \theta^k + b")
    assert guessed.oracle and guessed.doubts[0].startswith("`theta**k`: a superscript read as a power")
    assert "check: `theta**k`" in guessed.summary_text()
    assert "Where that reading guesses" in (project / guessed.path).read_text()
    missing = make_equation_test(str(project), "EQ-u999")
    assert not missing.oracle and "no equation EQ-u999 in paper.md" in missing.reason
    assert not (project / "tests" / "test_oracle_eq_u999.py").exists()
    with pytest.raises(BadArgument, match="not an equation ID"):
        make_equation_test(str(project), "ALG-1")


@pytest.mark.anyio
async def test_make_equation_test_through_the_mcp_client(project, client):
    (project / "tests" / "test_oracle_eq_9.py").unlink()
    r = await client.call_tool("make_equation_test", {"project_path": str(project), "item_id": "EQ-9"})
    assert not r.is_error, r.content[0].text
    assert r.structured_content["oracle"] and r.structured_content["outputs"] == ["x_t"]
    assert (project / "tests" / "test_oracle_eq_9.py").is_file()
    bad = await client.call_tool("make_equation_test", {"project_path": str(project), "item_id": "EQ-9x"})
    assert not bad.is_error and not bad.structured_content["oracle"]  # no such label: refused, saying why
    assert bad.structured_content["files_written"] == [] and bad.structured_content["path"] is None
    assert "no equation EQ-9x in paper.md" in bad.structured_content["reason"]


@pytest.mark.slow
def test_generated_oracle_tests_pass_and_fail_on_torch(project, tmp_path):
    """The generated tests in a real torch environment: xfail before, pass with a correct implementation,
    fail with a sign flip (the same paper_oracle module, lambdified for torch)."""
    # the same local-wheel lookup and bytecode-keeping environment as the green-at-birth test
    from test_generated_project import bytecode_env, local_wheels

    wheels = local_wheels()
    if wheels is None:
        pytest.skip(
            "no local torch wheel (PAPER_TO_CODE_TORCH_INDEX or /opt/wheels): PyPI's is a 4 GB download"
        )
    venv = tmp_path / "venv"
    subprocess.run(
        ["uv", "venv", "-q", "--python", "3.11", str(venv)], check=True, timeout=120, stdin=subprocess.DEVNULL
    )
    py = str(venv / "bin" / "python")
    subprocess.run(
        [
            "uv",
            "pip",
            "install",
            "-q",
            "--python",
            py,
            "--find-links",
            wheels,
            "torch",
            "numpy",
            "pyyaml",
            "pytest",
            "sympy>=1.14",
            "antlr4-python3-runtime==4.11.*",
        ],
        check=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
    )
    keep_pyc = bytecode_env(dict(os.environ))
    env = {**keep_pyc, "PYTHONPATH": str(project / "src")}

    def pytest_run(*files: str) -> str:
        run = subprocess.run(
            [py, "-m", "pytest", "-q", "-p", "no:cacheprovider", *files],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            stdin=subprocess.DEVNULL,
        )
        return run.stdout.strip().splitlines()[-1]

    files = ["tests/test_oracle_eq_13.py", "tests/test_oracle_eq_19.py"]
    assert "4 xfailed" in pytest_run(*files)  # no function says `Implements: EQ-13` yet
    code = project / "src" / "proj" / "core" / "oracle_impl.py"
    code.write_text(
        '"""Hand implementations."""\n\n\n'
        "def posterior_mean(alpha_t, x_t, beta_t, alpha_bar_t, epsilon_theta):\n"
        '    """Implements: EQ-13"""\n'
        "    return (x_t - beta_t / (1 - alpha_bar_t).sqrt() * epsilon_theta) / alpha_t.sqrt()\n\n\n"
        "def respaced(alpha_bar_S_t, alpha_bar_S_t_minus_1):\n"
        '    """Implements: EQ-19"""\n'
        "    beta = 1 - alpha_bar_S_t / alpha_bar_S_t_minus_1\n"
        "    return beta, (1 - alpha_bar_S_t_minus_1) / (1 - alpha_bar_S_t) * beta\n"
    )
    assert "4 passed" in pytest_run(*files)
    code.write_text(code.read_text().replace("(x_t - beta_t", "(x_t + beta_t"))
    summary = pytest_run(*files)
    assert "2 failed" in summary and "2 passed" in summary
    # the runtime's own functions (sums, norms, min/max, cases, named operators) on torch equal numpy's
    forms = [
        r"s = \frac{\sum_i \min(x_i, y_i)}{\sum_i \max(x_i, y_i)} + \|x\|",
        r"r = \begin{cases} x & x \geq 0 \\ c x & x < 0 \end{cases}",
        r"z = \operatorname{arccosh}(1 + x) + \text{sgn}(y) + \pi |y|",
        r"h = (a + b)^2 = a^2 + 2 a b + b^2",
        r"q = (\mathbf{a} - \mathbf{b})^\top \boldsymbol{\Sigma}^{-1} (\mathbf{a} - \mathbf{b}) + \|W\|_F",
        r"\mathbf{h} = \tanh(\mathbf{W} \mathbf{x} + \mathbf{b}) + \mathbf{A}^2 \mathbf{x}",
        r"J = \mathbb{E}_{x \sim p}\left[ \|x - \mu\|^2 \right] + \mathbb{1}[c > d]",
        r"p = \operatorname{softmax}(2 z) \cdot \operatorname{softmax}(z)",
        r"q = \operatorname{logsumexp}(z)",
        r"\mathbf{S} = \sum_{j=0}^{K-1} c_j \mathbf{A}^j \mathbf{B} + \sum_{i} \mathbf{x}_i \mathbf{x}_i^T",
        r"e = \frac{1}{N} \sum_{i=1}^{N} \sum_{j=1}^{M} w_{ij} (x_i - c_j)^2 + \sum_{k=0}^{K} k \lambda^k",
        r"u = \cot(x) + \lfloor y \rfloor + \lceil z \rceil + \sec(x)",
        r"v = \det(\mathbf{A}) + \operatorname{tr}(\mathbf{A} \mathbf{B})",
        r"\mathbf{y} = \operatorname{diag}(\mathbf{s}) \mathbf{W} \mathbf{x}",
        r"h = [x - c]_+ + \|\mathbf{W}\mathbf{x}\|_1 + \max\{a, b\}",
    ]
    specs = tmp_path / "specs.json"
    specs.write_text(json.dumps([oracle_spec(f).spec for f in forms]))
    check = (
        "import json, sys, numpy as np, paper_oracle as po\n"
        "for spec in json.load(open(sys.argv[1])):\n"
        "    inp = po.random_inputs(spec, seed=0)\n"
        "    t = po.evaluate(spec, inp)\n"
        "    n = po.evaluate(spec, {k: v.numpy() for k, v in inp.items()}, backend='numpy')\n"
        "    assert all(np.allclose(a.numpy(), b) for a, b in zip(t, n)), spec\n"
        "print('torch == numpy')\n"
    )
    run = subprocess.run(
        [py, "-c", check, str(specs)],
        cwd=project / "tests",
        env=keep_pyc,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "torch == numpy" in run.stdout, run.stdout + run.stderr
    shutil.rmtree(venv, ignore_errors=True)
    assert json.loads((project / ".paper-to-code.json").read_text())["answers"]["package"] == "proj"


# ---------------------------------------------------------------- forms beyond one plain definition


def _both_ways(result, correct, *wrong) -> None:
    """The oracle accepts the right implementation on three seeds and rejects each wrong one."""
    assert result.ok, result.reason
    for seed in (0, 1, 2):
        _check(result.spec, correct, seed)
    for bad in wrong:
        with pytest.raises(AssertionError):
            _check(result.spec, bad, 0)


@pytest.mark.parametrize(
    ("latex", "correct", "sign_flip", "dropped"),
    [
        (  # cases with an `otherwise` row
            r"f(x) = \begin{cases} x^2 + a & \text{if } x > \frac{1}{2} \\"
            r" 1 - x & \text{otherwise} \end{cases}",
            lambda x, a: np.where(x > 0.5, x**2 + a, 1 - x),
            lambda x, a: np.where(x > 0.5, x**2 + a, 1 + x),
            lambda x, a: np.where(x > 0.5, x**2, 1 - x),
        ),
        (  # a rectifier: the sign test needs signed inputs, which the oracle then draws
            r"r = \begin{cases} x & x \geq 0 \\ c x & x < 0 \end{cases}",
            lambda x, c: np.where(x >= 0, x, c * x),
            lambda x, c: np.where(x >= 0, x, -c * x),
            lambda x, c: x,
        ),
        (  # \left\{ array \right. with a comparison of two inputs
            r"w = \left\{ \begin{array}{ll} \exp(-x) & \text{if } x < y \\"
            r" 0 & \text{otherwise} \end{array} \right. .",
            lambda x, y: np.where(x < y, np.exp(-x), 0.0),
            lambda x, y: np.where(x < y, np.exp(x), 0.0),
            lambda x, y: np.exp(-x),
        ),
    ],
)
def test_piecewise_definitions(latex, correct, sign_flip, dropped):
    _both_ways(oracle_spec(latex), correct, sign_flip, dropped)


@pytest.mark.parametrize(
    "latex",
    [
        r"a_t = b_t x_t - c, \quad t = 1, \dots, T",
        r"a_t = b_t x_t - c \qquad x_t \sim p(x_t \mid b_t)",
        r"a_t = b_t x_t - c \text{ for } t \in \{1, \ldots, T\}.",
        r"a_t = b_t x_t - c, \qquad \forall t",
        r"a_t = b_t x_t - c \: ; \: 0 \leq a_t \leq 1",
    ],
)
def test_trailing_side_conditions_are_dropped(latex):
    result = oracle_spec(latex)
    assert result.ok and result.spec["inputs"] == ["b_t", "x_t", "c"], result.reason
    _both_ways(
        result,
        lambda b_t, x_t, c: b_t * x_t - c,
        lambda b_t, x_t, c: b_t * x_t + c,
        lambda b_t, x_t, c: b_t * x_t,
    )


def test_a_second_definition_after_quad_is_kept():
    result = oracle_spec(r"u = x + y, \qquad v = x - y")
    assert result.ok and result.spec["outputs"] == ["u", "v"]
    _both_ways(result, lambda x, y: (x + y, x - y), lambda x, y: (x + y, y - x), lambda x, y: (x + y, x))


def test_chains_check_every_link():
    result = oracle_spec(r"h(x) = z = (a + b)^2 = a^2 + 2 a b + b^2")
    assert result.spec["outputs"] == ["h"] and len(result.spec["definitions"][0]["links"]) == 1
    _both_ways(result, lambda a, b: (a + b) ** 2, lambda a, b: (a - b) ** 2, lambda a, b: a**2 + b**2)


def test_functions_the_paper_defines_are_called():
    functions = {"g": r"g(u) = u^2 + a", "k": r"k(s) = \frac{g(s)}{1 + s}"}
    result = oracle_spec(r"y = k(x) - c", functions)
    assert result.spec["inputs"] == ["a", "x", "c"]  # g's and k's parameters are not inputs
    _both_ways(
        result,
        lambda a, x, c: (x**2 + a) / (1 + x) - c,
        lambda a, x, c: (x**2 - a) / (1 + x) - c,
        lambda a, x, c: (x**2 + a) / (1 + x),
    )
    alone = oracle_spec(r"y = k(x) - c")  # without the paper's definitions: k's value at x is given
    assert alone.ok and alone.spec["given"] == {"k_of_x": "the value of k(x)"}


def test_named_operators():
    _both_ways(
        oracle_spec(r"z = \operatorname{arccosh}(1 + x) + \tanh(y)"),
        lambda x, y: np.arccosh(1 + x) + np.tanh(y),
        lambda x, y: np.arccosh(1 + x) - np.tanh(y),
        lambda x, y: np.arccosh(1 + x),
    )
    _both_ways(
        oracle_spec(r"h_\lambda(b) = \text{sgn}(b) \max(|b| - \lambda, 0)"),
        lambda b, lambda_: np.sign(b) * np.maximum(np.abs(b) - lambda_, 0),
        lambda b, lambda_: np.sign(b) * np.maximum(np.abs(b) + lambda_, 0),
        lambda b, lambda_: np.sign(b) * np.maximum(np.abs(b), 0),
    )


TINY_PAPER = r"""\documentclass{article}
\begin{document}
\section{Method}
The gate squashes its input, with a helper defined inline:
\[ g(u) = \frac{1}{1 + \exp(-u)} \]
and the update, for every step,
\[ h_t = g(a_t) \, h_{t-1} + b_t, \quad t = 1, \dots, T \]
with the piecewise penalty
\begin{equation}\label{eq:pen}
r = \begin{cases} x^2 & \text{if } x > \frac{1}{2} \\ 1 - x & \text{otherwise} \end{cases}
\end{equation}
\end{document}
"""


def test_unnumbered_items_on_the_latex_route(tmp_root: Path):
    """EQ-u<n> IDs from the checklist find their exact LaTeX in paper.md; init_uv_project writes their
    oracles; the generated files pass the project's ruff format and ruff check."""
    import sys

    from tools.analysis.checklist import make_checklist
    from tools.ingest.latex.document import convert_source
    from tools.project.scaffold import create_project

    src = tmp_root / "src_tex"
    src.mkdir()
    (src / "main.tex").write_text(TINY_PAPER)
    md = tmp_root / "paper" / "paper.md"
    md.parent.mkdir()
    md.write_text(convert_source(src).markdown, encoding="utf-8")
    checklist = make_checklist(str(md))
    ids = [i.id for i in checklist.items if i.kind == "equation"]
    assert "EQ-u1" in ids and "EQ-u2" in ids and "EQ-1" in ids, ids
    create_project(tmp_root / "proj", checklist=Path(checklist.path), paper_markdown=md, lock=False)
    proj = tmp_root / "proj"
    names = sorted(p.name for p in (proj / "tests").glob("test_oracle_*.py"))
    assert names == ["test_oracle_eq_1.py", "test_oracle_eq_u1.py", "test_oracle_eq_u2.py"]
    (proj / "tests" / "test_oracle_eq_u2.py").unlink()
    made = make_equation_test(str(proj), "EQ-u2")
    assert made.oracle and made.latex_source == "markdown" and made.inputs == ["a_t", "h_t_minus_1", "b_t"]
    assert "\\dots" not in " ".join(d.get("rhs", "") for d in _spec_of(proj, "eq_u2")["definitions"])
    for args in (["format", "--check", "tests"], ["check", "tests"]):
        run = subprocess.run(
            [sys.executable, "-m", "ruff", *args], cwd=proj, capture_output=True, text=True, timeout=120
        )
        assert run.returncode == 0, run.stdout + run.stderr


def _spec_of(project: Path, slug: str) -> dict:
    import ast

    tree = ast.parse((project / "tests" / f"test_oracle_{slug}.py").read_text())
    node = next(n for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "SPEC")
    return ast.literal_eval(node.value)


def test_pdf_route_refusal_names_the_route(tmp_root: Path):
    from tools.trace.oracles import find_latex

    latex, reason = find_latex("EQ-p3-2", "# A paper\n\nSome text.\n\n    y = a x + b    (1)\n")
    assert latex is None and "PDF route" in reason


ALIGNED_PAPER = r"""\documentclass{article}
\begin{document}
\section{Method}
The loss expands as
\begin{align}
L &= (a + b)^2 \nonumber \\
  &= a^2 + 2 a b + b^2, \label{eq:expanded} \\
  &\le 2 a^2 + 2 b^2. \label{eq:bound}
\end{align}
A wrong step:
\begin{align}
M &= (a - b)^2 \nonumber \\
  &= a^2 + b^2. \label{eq:wrong}
\end{align}
\end{document}
"""


def test_continuation_rows_are_checked_with_the_rows_they_go_on_from(tmp_root: Path):
    """A row `& = ...` whose left-hand side is in an earlier row is the chain `L = row 1 = row 2`: its oracle
    checks every link; a row after an inequality is refused for it, not for an empty side."""
    from tools.ingest.latex.document import convert_source
    from tools.trace.oracles import equation_map

    src = tmp_root / "aligned"
    src.mkdir()
    (src / "main.tex").write_text(ALIGNED_PAPER)
    bodies = equation_map(convert_source(src).markdown)
    assert bodies is not None
    stated = {k: v for k, v in bodies.items() if not k.startswith("EQ-u")}
    assert len(stated) == 3, bodies
    expanded, bound, wrong = (oracle_spec(stated[k]) for k in sorted(stated))
    assert expanded.ok, expanded.reason
    assert expanded.spec["outputs"] == ["L"] and len(expanded.spec["definitions"][0]["links"]) == 1
    assert not bound.ok and "empty side" not in bound.reason, bound.reason
    assert not wrong.ok and "links of the chain" in wrong.reason, wrong.reason
