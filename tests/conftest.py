"""Shared fixtures: anyio backend, the paper corpus, allowed roots in a temporary folder, an MCP client."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
pytest_plugins = ["remote_fixtures"]  # loopback sshd and single-node Slurm (tests/remote_fixtures.py)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session", autouse=True)
def subprocesses_keep_bytecode(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Child Pythons (CLI, servers, generated projects) keep the bytecode they compile, in one session folder
    (never beside the sources): with PYTHONDONTWRITEBYTECODE set, each child importing sympy or torch
    compiled them anew (seconds each)."""
    folder = tmp_path_factory.mktemp("pycache")
    patch = pytest.MonkeyPatch()
    patch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
    patch.setenv("PYTHONPYCACHEPREFIX", str(folder))
    yield
    patch.undo()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture
def tmp_root(tmp_path: Path) -> Iterator[Path]:
    """Allowed roots = [tmp_path] for the test, restored afterwards."""
    from tools.workspace import get_roots, set_roots

    before = get_roots()
    set_roots([tmp_path])
    yield tmp_path
    set_roots(before)


@pytest.fixture
def paper_pdf(tmp_root: Path) -> Path:
    """iddpm (two columns, 19 numbered equations) copied into the allowed root as paper.pdf."""
    dst = tmp_root / "paper.pdf"
    shutil.copyfile(CORPUS / "iddpm" / "paper.pdf", dst)
    return dst


@pytest.fixture
async def client(tmp_root: Path) -> AsyncIterator[object]:
    """The real server in process, through the SDK's client."""
    from mcp import Client

    from server.app import build_server

    async with Client(build_server()) as c:
        yield c
