"""uv under the minimal environment an MCP client gives its server (the SDK's stdio client passes only HOME,
PATH, SHELL, TERM, USER, LOGNAME): uv is found off PATH, and TLS goes through the system trust store."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from mcp import Client, StdioServerParameters

pytestmark = pytest.mark.anyio


async def test_init_uv_project_locks_over_stdio_with_the_sdk_default_environment(tmp_path, monkeypatch):
    exe = Path(sys.executable).with_name("paper-to-code-mcp")
    assert exe.exists(), "install the project (uv sync) so the console script exists"
    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # a system Python for uv to use, but no uv
    assert shutil.which("uv") is None
    # no env: the SDK's default environment
    params = StdioServerParameters(command=str(exe), args=["--root", str(tmp_path)])
    async with Client(params) as c:
        r = await c.call_tool("init_uv_project", {"path": "proj"})
        assert not r.is_error, r.content[0].text
        s = r.structured_content
        assert s["locked"] and s["torch_source"] == "pypi", s["warnings"]
    assert "torch" in (tmp_path / "proj" / "uv.lock").read_text()
