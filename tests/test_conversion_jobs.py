"""A conversion that outlasts the server's wait goes on as a job: pdf_to_markdown returns status 'running'
with a job id, get_conversion polls it to the result, cancel_conversion kills its worker. Through the real
MCP SDK client; the wait is lowered to 0 s so every conversion detaches."""

from __future__ import annotations

import re
from pathlib import Path

import anyio
import pytest

from server.conversions import worker_pid
from tools.ingest.paper import pdf_to_markdown

pytestmark = pytest.mark.anyio
DEADLINE_S = 300.0  # generous: a loaded 2-core machine
COPIES = 120  # 1,080 pages: long enough to be caught running on any machine we know


@pytest.fixture
def detach_at_once(monkeypatch):
    monkeypatch.setattr("server.adapt.DETACH_AFTER_S", 0.0)


def _text(result) -> str:
    return " ".join(getattr(c, "text", "") for c in result.content)


async def _call(client, name: str, args: dict) -> dict:
    result = await client.call_tool(name, args)
    assert not result.is_error, _text(result)
    return result.structured_content


async def _poll_until(client, job_id: str, done) -> dict:
    """get_conversion until done(result) holds; fails after DEADLINE_S."""
    with anyio.fail_after(DEADLINE_S):
        while True:
            out = await _call(client, "get_conversion", {"job_id": job_id, "wait_s": 2})
            if done(out):
                return out


def _long_pdf(corpus_dir: Path, dst: Path) -> Path:
    import pypdfium2

    src = pypdfium2.PdfDocument(corpus_dir / "plrnn" / "paper.pdf")
    doc = pypdfium2.PdfDocument.new()
    for _ in range(COPIES):
        doc.import_pages(src)
    doc.save(dst)
    return dst


async def test_a_detached_conversion_polls_to_the_same_markdown(client, tmp_root, corpus_dir, detach_at_once):
    pdf = tmp_root / "nfp.pdf"
    pdf.write_bytes((corpus_dir / "nfp" / "paper.pdf").read_bytes())
    first = await _call(client, "pdf_to_markdown", {"source": str(pdf), "out_dir": "job"})
    assert first["status"] == "running" and re.fullmatch(r"[0-9a-f]{12}", first["job_id"])
    assert first["text"] == "" and first["characters"] == 0 and first["markdown_path"] == ""
    assert f'get_conversion(job_id="{first["job_id"]}")' in first["warnings"][0]

    done = await _poll_until(client, first["job_id"], lambda out: out["status"] != "running")
    assert done["status"] == "done" and done["job_id"] == first["job_id"]
    direct = pdf_to_markdown(str(pdf), out_dir=str(tmp_root / "direct"))
    assert not direct.cached and direct.status is None
    assert done["text"] == direct.text and done["characters"] == direct.characters > 1000
    assert done["headings"] == [h.model_dump() for h in direct.headings]
    assert Path(done["markdown_path"]).read_text() == Path(direct.markdown_path).read_text()
    again = await _call(client, "get_conversion", {"job_id": first["job_id"], "wait_s": 0})
    assert again == done


async def test_a_repeat_call_joins_the_job_and_cancel_kills_its_worker(
    client, tmp_root, corpus_dir, detach_at_once
):
    pdf = _long_pdf(corpus_dir, tmp_root / "long.pdf")
    first = await _call(client, "pdf_to_markdown", {"source": str(pdf)})
    repeat = await _call(client, "pdf_to_markdown", {"source": "long.pdf"})  # the same file, relative
    assert first["status"] == repeat["status"] == "running"
    assert repeat["job_id"] == first["job_id"]
    job_id = first["job_id"]

    running = await _poll_until(
        client, job_id, lambda out: out["status"] != "running" or "page" in " ".join(out["warnings"])
    )
    assert running["status"] == "running", "the conversion ended before it could be cancelled"
    progress = running["warnings"][0]
    assert re.search(rf"(reading|writing) page \d+ of {9 * COPIES}", progress), running["warnings"]
    pid = worker_pid(job_id)
    assert pid is not None and Path(f"/proc/{pid}").exists()

    cancelled = await _call(client, "cancel_conversion", {"job_id": job_id})
    assert cancelled["status"] == "cancelled" and cancelled["job_id"] == job_id
    with anyio.fail_after(DEADLINE_S):
        while Path(f"/proc/{pid}").exists():
            await anyio.sleep(0.05)
    after = await _call(client, "get_conversion", {"job_id": job_id, "wait_s": 0})
    assert after["status"] == "cancelled"

    fresh = await _call(client, "pdf_to_markdown", {"source": str(pdf)})  # the job ended: a new one starts
    assert fresh["status"] == "running" and fresh["job_id"] != job_id
    assert (await _call(client, "cancel_conversion", {"job_id": fresh["job_id"]}))["status"] == "cancelled"
    assert not list(tmp_root.rglob("paper.md"))


async def test_a_failed_job_answers_its_typed_error(client, tmp_root, detach_at_once):
    bad = tmp_root / "damaged.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"not a pdf body\n" * 200)
    first = await _call(client, "pdf_to_markdown", {"source": str(bad)})
    assert first["status"] == "running"
    with anyio.fail_after(DEADLINE_S):
        while True:
            result = await client.call_tool("get_conversion", {"job_id": first["job_id"], "wait_s": 2})
            if result.is_error or result.structured_content["status"] != "running":
                break
    assert result.is_error, result.structured_content
    assert "damaged.pdf" in _text(result) and "failed unexpectedly" not in _text(result)


@pytest.mark.parametrize("tool", ["get_conversion", "cancel_conversion"])
async def test_unknown_and_malformed_job_ids_are_clear_errors(client, tool):
    unknown = await client.call_tool(tool, {"job_id": "0123456789ab"})
    assert unknown.is_error and "no conversion job '0123456789ab'" in _text(unknown)
    malformed = await client.call_tool(tool, {"job_id": "../etc"})
    assert malformed.is_error and "is not a job id" in _text(malformed)


async def test_the_default_wait_answers_done_with_the_job_id(client, tmp_root, corpus_dir):
    pdf = tmp_root / "nfp.pdf"
    pdf.write_bytes((corpus_dir / "nfp" / "paper.pdf").read_bytes())
    out = await _call(client, "pdf_to_markdown", {"source": str(pdf)})
    if out["status"] == "running":  # a machine so loaded that 9 pages took over the server's wait
        out = await _poll_until(client, out["job_id"], lambda o: o["status"] != "running")
    assert out["status"] == "done" and re.fullmatch(r"[0-9a-f]{12}", out["job_id"])
    assert out["characters"] > 1000 and Path(out["markdown_path"]).is_file()
