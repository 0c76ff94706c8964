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
