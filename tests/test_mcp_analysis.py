"""The analysis tools through the MCP SDK's client: in process, and once over stdio against the installed
`paper-to-code-mcp` console script."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from mcp import Client, StdioServerParameters

pytestmark = pytest.mark.anyio


async def test_tools_listed_with_annotations_and_schemas(client):
    tools = {t.name: t for t in (await client.list_tools()).tools}
    p2m, grep = tools["pdf_to_markdown"], tools["grep_equations"]
    assert set(p2m.input_schema["properties"]) == {"source", "out_dir", "offset", "limit", "prefer_source"}
    assert set(grep.input_schema["properties"]) == {"markdown_path", "kinds"}
    assert p2m.input_schema["required"] == ["source"]
    for t in (p2m, grep):
        a = t.annotations
        assert None not in (a.read_only_hint, a.destructive_hint, a.idempotent_hint, a.open_world_hint)
        assert t.output_schema and "properties" in t.output_schema
    assert grep.annotations.read_only_hint and not p2m.annotations.read_only_hint
    assert not p2m.annotations.destructive_hint and p2m.annotations.idempotent_hint


async def test_convert_then_grep(client, paper_pdf, corpus_dir):
    progress: list[float] = []

    async def on_progress(p: float, total: float | None, message: str | None) -> None:
        progress.append(p)

    r = await client.call_tool("pdf_to_markdown", {"source": paper_pdf.name, "limit": 2000},
                               progress_callback=on_progress)
    assert not r.is_error, r.content
    s = r.structured_content
    assert s["pages"] == 17 and s["text"].startswith("<!-- page 1 -->") and len(s["text"]) <= 2000
    assert s["next_offset"] == len(s["text"]) and Path(s["markdown_path"]).is_file()
    assert progress  # the conversion reports pages as it goes
    again = await client.call_tool("pdf_to_markdown", {"source": paper_pdf.name, "offset": s["next_offset"]})
    assert again.structured_content["cached"] and again.structured_content["offset"] == s["next_offset"]

    g = await client.call_tool("grep_equations", {"markdown_path": s["markdown_path"],
                                                  "kinds": ["numbered", "hyperparameter"]})
    assert not g.is_error, g.content
    gs = g.structured_content
    labels = {e["label"] for e in gs["numbered"]}
    import json

    want = json.loads((corpus_dir / "iddpm" / "groundtruth.json").read_text())["equation_labels"]
    assert len(labels & set(want)) >= 18 and set(gs["counts"]) == {"numbered", "hyperparameter"}


async def test_bad_kind_is_an_error_result(client, tmp_root):
    (tmp_root / "p.md").write_text("x = y (1)\n")
    r = await client.call_tool("grep_equations", {"markdown_path": "p.md", "kinds": ["nonsense"]})
    assert r.is_error
    ok = await client.call_tool("grep_equations", {"markdown_path": "p.md"})
    assert not ok.is_error and ok.structured_content["counts"]["numbered"] == 1


async def test_stdio_console_script(tmp_path, corpus_dir):
    exe = Path(sys.executable).with_name("paper-to-code-mcp")
    assert exe.exists(), "install the project (uv sync) so the console script exists"
    shutil.copyfile(corpus_dir / "nfp" / "paper.pdf", tmp_path / "nfp.pdf")
    params = StdioServerParameters(command=str(exe), args=["--root", str(tmp_path)])
    async with Client(params) as c:
        names = {t.name for t in (await c.list_tools()).tools}
        assert {"pdf_to_markdown", "grep_equations"} <= names
        r = await c.call_tool("pdf_to_markdown", {"source": "nfp.pdf", "limit": 500})
        assert not r.is_error, r.content
        assert r.structured_content["pages"] == 9
        assert Path(r.structured_content["markdown_path"]).is_relative_to(tmp_path)
        bad = await c.call_tool("pdf_to_markdown", {"source": "../nfp.pdf"})
        assert bad.is_error and ".." in bad.content[0].text
