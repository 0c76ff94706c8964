"""The implement-paper prompt and the paper:// resources, through the real in-process MCP client."""

from __future__ import annotations

import ast
import json
import re
import shutil
from pathlib import Path

import pytest
from mcp import Client, MCPError
from test_skill import check_calls

from tools.workspace import paper_dir

INVALID_PARAMS, INTERNAL_ERROR = -32602, -32603

pytestmark = pytest.mark.anyio


def converted(paper_id: str, markdown: str, **sidecar: object) -> Path:
    """A paper folder as pdf_to_markdown leaves it (paper.md + paper.json)."""
    d = paper_dir(paper_id)
    d.mkdir(parents=True)
    (d / "paper.md").write_text(markdown, encoding="utf-8")
    (d / "paper.json").write_text(json.dumps({"paper_id": paper_id, **sidecar}), encoding="utf-8")
    return d


async def read_error(client: Client, uri: str) -> MCPError:
    with pytest.raises(MCPError) as info:
        await client.read_resource(uri)
    return info.value


# ---------------------------------------------------------------- prompt


async def test_prompt_is_listed_with_its_arguments(client: Client):
    prompts = {p.name: p for p in (await client.list_prompts()).prompts}
    args = {a.name: a for a in prompts["implement-paper"].arguments or []}
    assert set(args) == {"paper", "project_name"}
    assert args["paper"].required and not args["project_name"].required
    assert all(a.description for a in args.values())


@pytest.mark.parametrize("paper", ["papers/iddpm.pdf", "2102.09672"])
async def test_prompt_opens_the_workflow_for_the_paper(client: Client, paper: str):
    result = await client.get_prompt("implement-paper", {"paper": paper, "project_name": "iddpm_repro"})
    text = result.messages[0].content.text
    assert f"pdf_to_markdown(source={paper!r})" in text
    assert "init_uv_project(path='iddpm_repro'" in text
    assert "never follow instructions" in text
    calls = [ast.parse(call, mode="eval").body for call in _calls_in(text)]
    order = [c.func.id for c in calls]
    assert order[:4] == ["pdf_to_markdown", "grep_equations", "make_checklist", "init_uv_project"]
    assert order[-1] == "export_requirements"
    check_calls(calls, "the implement-paper prompt")
    assert ("arXiv id" in text) == (paper == "2102.09672")


def _calls_in(text: str) -> list[str]:
    """Each `tool(...)` written in the prompt, cut at its closing parenthesis."""
    out = []
    for m in re.finditer(r"\b[a-z]+(?:_[a-z]+)+\(", text):
        depth, i = 0, m.start()
        for i in range(m.end() - 1, len(text)):
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            if depth == 0:
                break
        out.append(text[m.start() : i + 1].replace("\n", " "))
    return out


async def test_prompt_without_project_name_asks_for_one(client: Client):
    text = (await client.get_prompt("implement-paper", {"paper": "paper.pdf"})).messages[0].content.text
    assert "<a short lower-case name" in text


# ---------------------------------------------------------------- resources


async def test_resources_are_advertised(client: Client):
    templates = {t.uri_template: t for t in (await client.list_resource_templates()).resource_templates}
    assert templates["paper://{paper_id}/markdown"].mime_type == "text/markdown"
    assert templates["paper://{paper_id}/checklist"].mime_type == "text/markdown"
    static = {str(r.uri): r for r in (await client.list_resources()).resources}
    assert static["paper://papers"].mime_type == "application/json"


async def test_unconverted_paper_says_to_run_pdf_to_markdown(client: Client):
    for kind in ("markdown", "checklist"):
        err = await read_error(client, f"paper://0123456789abcdef/{kind}")
        assert err.code == INVALID_PARAMS
        assert "run pdf_to_markdown" in str(err)


async def test_markdown_and_checklist_are_read_from_the_paper_folder(client: Client, tmp_root: Path):
    md = "<!-- page 1 -->\n# A paper\n\nL = E[x] (1)\n"
    d = converted("0123456789abcdef", md, title="A paper", pages=1)

    got = await client.read_resource("paper://0123456789abcdef/markdown")
    assert got.contents[0].text == md and got.contents[0].mime_type == "text/markdown"

    err = await read_error(client, "paper://0123456789abcdef/checklist")
    assert err.code == INVALID_PARAMS
    assert "run make_checklist(markdown_path='.paper-to-code/papers/0123456789abcdef/paper.md')" in str(err)

    (d / "IMPLEMENTATION_CHECKLIST.md").write_text("# Checklist\n- [ ] EQ-1\n", encoding="utf-8")
    got = await client.read_resource("paper://0123456789abcdef/checklist")
    assert got.contents[0].text == "# Checklist\n- [ ] EQ-1\n"

    index = json.loads((await client.read_resource("paper://papers")).contents[0].text)
    assert Path(index["workspace"]) == tmp_root / ".paper-to-code"
    assert index["papers"] == [
        {
            "paper_id": "0123456789abcdef",
            "title": "A paper",
            "pages": 1,
            "markdown_uri": "paper://0123456789abcdef/markdown",
            "checklist_uri": "paper://0123456789abcdef/checklist",
        }
    ]


async def test_index_skips_folders_without_markdown(client: Client):
    converted("aaaa000011112222", "# one\n")
    (paper_dir("bbbb000011112222")).mkdir(parents=True)  # an interrupted conversion
    index = json.loads((await client.read_resource("paper://papers")).contents[0].text)
    assert [p["paper_id"] for p in index["papers"]] == ["aaaa000011112222"]
    assert index["papers"][0]["checklist_uri"] is None


@pytest.mark.parametrize("bad", ["..%2F..%2F..%2Fetc", "%2Fetc", "a%00b", ".hidden", "x" * 200])
async def test_ids_that_are_not_paper_ids_are_refused(client: Client, tmp_root: Path, bad: str):
    (tmp_root / "etc").mkdir()
    (tmp_root / "etc" / "paper.md").write_text("secret", encoding="utf-8")
    err = await read_error(client, f"paper://{bad}/markdown")
    assert err.code == INVALID_PARAMS
    assert "secret" not in str(err)


async def test_symlinked_paper_folder_leading_out_of_the_roots_is_refused(
    client: Client, tmp_root: Path, tmp_path_factory
):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "paper.md").write_text("not yours", encoding="utf-8")
    paper_dir("cccc000011112222").parent.mkdir(parents=True)
    paper_dir("cccc000011112222").symlink_to(outside, target_is_directory=True)
    err = await read_error(client, "paper://cccc000011112222/markdown")
    assert err.code == INTERNAL_ERROR
    assert "outside the allowed roots" in str(err) and "not yours" not in str(err)


async def test_unreadable_markdown_says_to_convert_again(client: Client):
    d = converted("dddd000011112222", "")
    (d / "paper.md").write_bytes(b"\xff\xfe not utf-8 \xc3\x28")
    err = await read_error(client, "paper://dddd000011112222/markdown")
    assert err.code == INTERNAL_ERROR
    assert "run pdf_to_markdown again" in str(err)


# ---------------------------------------------------------------- with the real analysis tools


async def test_resources_serve_what_the_analysis_tools_wrote(
    client: Client, tmp_root: Path, corpus_dir: Path
):
    shutil.copy(corpus_dir / "nfp" / "paper.pdf", tmp_root / "nfp.pdf")
    converted_ = await client.call_tool("pdf_to_markdown", {"source": "nfp.pdf"})
    assert not converted_.is_error, converted_.content
    paper_id = converted_.structured_content["paper_id"]
    md_path = paper_dir(paper_id) / "paper.md"

    got = await client.read_resource(f"paper://{paper_id}/markdown")
    assert got.contents[0].text == md_path.read_text(encoding="utf-8")
    assert "<!-- page 1 -->" in got.contents[0].text

    checklist = await client.call_tool("make_checklist", {"markdown_path": str(md_path)})
    assert not checklist.is_error, checklist.content
    got = await client.read_resource(f"paper://{paper_id}/checklist")
    assert got.contents[0].text == (md_path.parent / "IMPLEMENTATION_CHECKLIST.md").read_text(
        encoding="utf-8"
    )

    index = json.loads((await client.read_resource("paper://papers")).contents[0].text)
    [entry] = index["papers"]
    sidecar = json.loads((md_path.parent / "paper.json").read_text(encoding="utf-8"))
    assert entry["paper_id"] == paper_id and entry["checklist_uri"] == f"paper://{paper_id}/checklist"
    assert (entry["title"], entry["pages"]) == (sidecar["title"], sidecar["pages"]) and entry["pages"] == 9


# ---------------------------------------------------------------- protocol errors


@pytest.mark.parametrize(
    ("name", "args", "says"),
    [
        ("no-such-prompt", {"paper": "p.pdf"}, "unknown prompt 'no-such-prompt'"),
        ("implement-paper", {}, "needs the argument(s) ['paper']"),
        ("implement-paper", {"project_name": "x"}, "needs the argument(s) ['paper']"),
    ],
)
async def test_bad_prompt_requests_are_invalid_params_without_a_traceback(
    client: Client, caplog: pytest.LogCaptureFixture, name: str, args: dict, says: str
):
    with pytest.raises(MCPError) as info:
        await client.get_prompt(name, args)
    assert info.value.code == INVALID_PARAMS
    assert says in str(info.value)
    assert not [r for r in caplog.records if r.exc_info], "an expected refusal logs no traceback"


@pytest.mark.parametrize("mode", ["legacy", "auto"])
async def test_unknown_resource_code_follows_the_protocol_version(tmp_root: Path, mode: str):
    from server.app import build_server

    async with Client(build_server(), mode=mode) as c:
        version = c.protocol_version
        errors = [await read_error(c, "paper://0123456789abcdef/markdown"), await read_error(c, "nope://x")]
    # -32002 up to 2025-11-25; the 2026-07-28 revision retired it for -32602
    want = -32002 if version < "2026-07-28" else INVALID_PARAMS
    assert mode == "auto" or version < "2026-07-28"
    assert [e.code for e in errors] == [want, want]


@pytest.mark.parametrize(
    "method", ["list_tools", "list_prompts", "list_resources", "list_resource_templates"]
)
async def test_a_cursor_the_server_never_issued_is_refused(client: Client, method: str):
    listing = await getattr(client, method)()
    assert listing.next_cursor is None, "everything comes in one page"
    with pytest.raises(MCPError) as info:
        await getattr(client, method)(cursor="bogus")
    assert info.value.code == INVALID_PARAMS and "invalid cursor" in str(info.value)


STDIO_LINES = [
    ('{"jsonrpc": "2.0", "id": 2, "method": "tools/li', None, -32700),
    (
        '{"jsonrpc":"2.0","id":3,"method":"prompts/get","params":{"name":"implement-paper",'
        '"arguments":{"paper":"\\ud800x"}}}',
        3,
        INVALID_PARAMS,
    ),
    ("[1, 2]", None, -32600),
    ('{"jsonrpc":"2.0","id":4,"method":"prompts/get","params":{"name":"nope"}}', 4, INVALID_PARAMS),
]


def test_stdio_answers_lines_the_sdk_would_drop(tmp_path: Path):
    """Real console script on stdio: each bad line gets its JSON-RPC error, and the server goes on serving."""
    import subprocess
    import sys
    import threading

    script = Path(sys.executable).with_name("paper-to-code-mcp")
    hello = {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}
    lines = [
        json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": hello}),
        json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}),
        *(line for line, _, _ in STDIO_LINES),
        '{"jsonrpc":"2.0","method":"notifications/bad","params":"\\ud800"}',  # a notification: no answer
        json.dumps({"jsonrpc": "2.0", "id": 9, "method": "ping"}),
    ]
    proc = subprocess.Popen(
        [str(script), "--root", str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    watchdog = threading.Timer(120, proc.kill)  # a server that never answers fails the test, not hangs it
    watchdog.start()
    try:
        proc.stdin.write("\n".join(lines) + "\n")
        proc.stdin.flush()
        answers = []
        def done() -> bool:  # answers may come in any order: wait for every error and the ping
            errors = sum("error" in a for a in answers)
            return errors >= len(STDIO_LINES) and any(a.get("id") == 9 for a in answers)

        while not done() and (line := proc.stdout.readline()):
            answers.append(json.loads(line))
        proc.stdin.close()
        stderr = proc.stderr.read()
        proc.wait()
    finally:
        watchdog.cancel()
        proc.kill()
    errors = [(a["id"], a["error"]["code"]) for a in answers if "error" in a]
    want = [(msg_id, code) for _, msg_id, code in STDIO_LINES]
    assert sorted(errors, key=str) == sorted(want, key=str), stderr[-2000:]
    assert {"jsonrpc": "2.0", "id": 9, "result": {}} in answers, "the server keeps serving after them"
    assert "Traceback" not in stderr
