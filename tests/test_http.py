"""Streamable HTTP: the installed console script serving on 127.0.0.1, driven by the SDK client."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from mcp import Client

from server.catalog import all_tools

pytestmark = pytest.mark.anyio

SCRIPT = Path(sys.executable).with_name("paper-to-code-mcp")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port: int, proc: subprocess.Popen, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}: {log.read_text()[-2000:]}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(
        f"server did not listen on port {port} within {timeout} s: {log.read_text()[-2000:]}"
    )


@contextlib.contextmanager
def serve(tmp_path: Path, *extra: str) -> Iterator[tuple[int, Path]]:
    """The console script serving streamable HTTP (loopback unless `extra` says otherwise): (port, root)."""
    assert SCRIPT.exists(), f"console script {SCRIPT} missing: run `uv sync`"
    root = tmp_path / "root"
    root.mkdir(exist_ok=True)
    port = free_port()
    log = tmp_path / "server.log"
    cmd = [str(SCRIPT), "--transport", "streamable-http", "--port", str(port), "--root", str(root), *extra]
    if "--host" not in extra:
        cmd += ["--host", "127.0.0.1"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=tmp_path,
            start_new_session=True,
        )
    try:
        wait_listening(port, proc, log)
        yield port, root
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@pytest.fixture
def http_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    with serve(tmp_path) as (port, root):
        yield f"http://127.0.0.1:{port}/mcp", root


def find(obj: object, key: str, value: object) -> bool:
    """True when some dict nested in obj maps key to value."""
    if isinstance(obj, dict):
        return obj.get(key) == value or any(find(v, key, value) for v in obj.values())
    if isinstance(obj, list):
        return any(find(v, key, value) for v in obj)
    return False


async def test_tools_prompt_and_resources_over_http(http_server: tuple[str, Path]):
    url, root = http_server
    md = "<!-- page 1 -->\n# Method\n\nWe minimise\n\nL(θ) = E[ ∥ε − εθ(xt, t)∥2 ] (7)\n\nwith Adam.\n"
    (root / "paper.md").write_text(md, encoding="utf-8")
    async with Client(url) as client:  # collect first: a failed assert inside would end up in a task group
        tools = {t.name: t for t in (await client.list_tools()).tools}
        result = await client.call_tool("grep_equations", {"markdown_path": "paper.md"})
        bad = await client.call_tool("grep_equations", {"markdown_path": "../outside.md"})
        prompt = await client.get_prompt("implement-paper", {"paper": "paper.pdf", "project_name": "repro"})
        index = await client.read_resource("paper://papers")

    assert set(tools) == {spec.name for spec in all_tools()}
    assert all(t.output_schema for t in tools.values()), "every tool has structured output"
    assert not result.is_error, result.content
    assert find(result.structured_content, "label", "7"), result.structured_content
    assert bad.is_error and "allowed roots" in bad.content[0].text
    assert "pdf_to_markdown(source='paper.pdf')" in prompt.messages[0].content.text
    assert '"papers": []' in index.contents[0].text


INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "t", "version": "1"},
    },
}


def post_initialize(port: int, host: str) -> int:
    """The HTTP status of an initialize request sent to 127.0.0.1:port with the Host header `host`."""
    headers = {
        "Host": host,
        "Accept": "application/json, text/event-stream",
        "Content-Type": "application/json",
    }
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("POST", "/mcp", body=json.dumps(INITIALIZE), headers=headers)
        return conn.getresponse().status
    finally:
        conn.close()


@pytest.mark.parametrize("bind", ["127.0.0.1", "0.0.0.0"])
def test_dns_rebinding_protection_stays_on_whatever_the_bind_address(tmp_path: Path, bind: str):
    with serve(tmp_path, "--host", bind, "--allowed-host", "gpu-box.lan") as (port, _):
        forged = post_initialize(port, "evil.example")
        forged_with_port = post_initialize(port, f"evil.example:{port}")
        loopback = post_initialize(port, f"127.0.0.1:{port}")
        named = post_initialize(port, f"gpu-box.lan:{port}")
    assert forged >= 400 and forged_with_port >= 400, (forged, forged_with_port)
    assert loopback == 200 and named == 200, (loopback, named)


# ---------------------------------------------------------------- resumable SSE streams

LEGACY = "2025-11-25"


def sse_events(body: str) -> list[dict[str, str]]:
    """The SSE events of a body: one dict per event with its id, event, data and retry fields."""
    events = []
    for block in body.replace("\r\n", "\n").split("\n\n"):
        fields: dict[str, str] = {}
        for line in block.splitlines():
            name, _, value = line.partition(":")
            fields[name] = fields.get(name, "") + value.removeprefix(" ")
        if fields:
            events.append(fields)
    return events


def post(url: str, message: dict, session: str | None = None) -> tuple[str | None, list[dict[str, str]]]:
    """POST one JSON-RPC message; the session id and the SSE events of the reply (read to its end)."""
    import http.client
    import json
    from urllib.parse import urlsplit

    u = urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
    if session:
        headers |= {"mcp-session-id": session, "mcp-protocol-version": LEGACY}
    conn.request("POST", u.path, json.dumps(message), headers)
    resp = conn.getresponse()
    body = resp.read().decode()
    conn.close()
    assert resp.status in (200, 202), (resp.status, body)
    return resp.getheader("mcp-session-id"), sse_events(body)


def resume(url: str, session: str, last_event_id: str, want_id: str) -> list[dict[str, str]]:
    """GET the session's stream with Last-Event-ID; the events replayed until the one with `want_id`."""
    import http.client
    from urllib.parse import urlsplit

    u = urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    headers = {
        "Accept": "text/event-stream",
        "mcp-session-id": session,
        "mcp-protocol-version": LEGACY,
        "Last-Event-ID": last_event_id,
    }
    conn.request("GET", u.path, headers=headers)
    resp = conn.getresponse()
    assert resp.status == 200, resp.status
    text = ""
    try:
        while not (
            text.replace("\r\n", "\n").endswith("\n\n")
            and any(e.get("id") == want_id for e in sse_events(text))
        ):
            chunk = resp.fp.readline()
            assert chunk, f"the stream ended before event {want_id}: {text!r}"
            text += chunk.decode()
    finally:
        conn.close()
    return sse_events(text)


def test_a_dropped_stream_resumes_with_last_event_id(http_server: tuple[str, Path]):
    url, _ = http_server
    hello = {"protocolVersion": LEGACY, "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}
    session, _ = post(url, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": hello})
    assert session
    post(url, {"jsonrpc": "2.0", "method": "notifications/initialized"}, session)
    _, events = post(url, {"jsonrpc": "2.0", "id": 2, "method": "prompts/list"}, session)

    priming, answer = events[0], events[-1]
    assert priming.get("data", "") == "" and int(priming["retry"]) > 0, "a priming event tells when to retry"
    assert '"id":2' in answer["data"] and answer["id"] != priming["id"]
    # the client saw only the priming event, then the connection dropped: it reconnects and gets the answer
    replayed = resume(url, session, priming["id"], answer["id"])
    assert [e["data"] for e in replayed if e.get("id") == answer["id"]] == [answer["data"]]
