"""Hostile inputs are answered (a result or a clear error), heavy tools run in a worker under a time and
memory budget, and a cancelled call leaves no worker behind. The inputs are generated (bench/hostile.py)."""

from __future__ import annotations

import functools
import os
import time
from pathlib import Path

import anyio
import pytest

from bench.hostile import long_equation, shared_stream_pdf, unclosed_braces, unclosed_itemize
from server.worker import Budget, call_with_budget
from tools.errors import TooLarge

DEADLINE_S = 120.0  # generous: a loaded 2-core machine; the bench's target is 10 s
CANCEL_S = 20.0  # a cancelled worker is gone well before the tool's own 60 s budget would end it
DOC = "\\documentclass{article}\n\\begin{document}\n\\section{Intro}\n%s\n\\end{document}\n"


def _latex(folder: Path, body: str) -> str:
    folder.mkdir()
    (folder / "main.tex").write_text(DOC % body, encoding="utf-8")
    return str(folder)


async def _call(client, name: str, args: dict) -> tuple[object, float]:
    t = time.monotonic()
    with anyio.fail_after(DEADLINE_S):
        result = await client.call_tool(name, args)
    return result, time.monotonic() - t


def _text(result) -> str:
    return " ".join(getattr(c, "text", "") for c in result.content)


@pytest.mark.anyio
async def test_unclosed_braces_convert(client, tmp_root):
    src = _latex(tmp_root / "braces", unclosed_braces(30_000))
    result, _ = await _call(client, "pdf_to_markdown", {"source": src})
    assert not result.is_error, _text(result)
    out = result.structured_content
    assert out["characters"] > 30_000  # the text is kept as is
    assert "unbalanced braces" in out["warnings"][0]
    assert len(out["warnings"]) <= 21 and "more warnings like these" in out["warnings"][-1]


@pytest.mark.anyio
async def test_unclosed_environments_are_refused_not_a_recursion_error(client, tmp_root):
    src = _latex(tmp_root / "items", unclosed_itemize(200))
    result, _ = await _call(client, "pdf_to_markdown", {"source": src})
    assert result.is_error
    assert "nested more than 30 deep" in _text(result) and "Recursion" not in _text(result)


@pytest.mark.anyio
async def test_a_long_prose_line_is_answered(client, tmp_root):
    words = "the model uses a learning rate of 0.001 with batch size 64 and ( x = y + z ) for [3] layers "
    md = tmp_root / "long.md"
    md.write_text("# Paper\n\n" + words * 700 + "\n", encoding="utf-8")
    result, _ = await _call(client, "grep_equations", {"markdown_path": str(md)})
    assert not result.is_error, _text(result)
    assert result.structured_content["counts"]["hyperparameter"] >= 1


@pytest.mark.anyio
async def test_pages_that_are_walls_of_text_are_refused(client, tmp_root):
    pdf = tmp_root / "wall.pdf"
    pdf.write_bytes(shared_stream_pdf(pages=3, runs=25_000))
    result, _ = await _call(client, "pdf_to_markdown", {"source": str(pdf)})
    assert result.is_error
    assert "3 of its 3 pages are walls of text" in _text(result)


@pytest.mark.anyio
async def test_a_huge_equation_gets_a_stub_with_the_reason(client, tmp_root):
    (tmp_root / "proj" / "src" / "demo").mkdir(parents=True)
    (tmp_root / "proj" / "src" / "demo" / "__init__.py").write_text("")
    latex = "y = " + long_equation(20_000)
    args = {"project_path": str(tmp_root / "proj"), "item_id": "EQ-1", "latex": latex}
    result, _ = await _call(client, "make_equation_test", args)
    assert not result.is_error, _text(result)
    assert result.structured_content["oracle"] is False
    assert "too long for an oracle" in result.structured_content["reason"]


def test_the_time_budget_stops_the_work_with_a_clear_error(tmp_root):
    t = time.monotonic()
    with pytest.raises(TooLarge, match=r"took longer than 1 s and was stopped"):
        anyio.run(call_with_budget, functools.partial(time.sleep, 600), {}, Budget(seconds=1, megabytes=2048))
    assert time.monotonic() - t < DEADLINE_S


def test_the_memory_budget_stops_the_work_with_a_clear_error(tmp_root):
    with pytest.raises(TooLarge, match=r"needed more than 1024 MB of memory"):
        anyio.run(call_with_budget, functools.partial(bytearray, 3 * 2**30), {}, Budget(60, 1024))


def _workers() -> set[int]:
    """The processes the forkserver started that are still running (read from /proc)."""
    from multiprocessing import forkserver

    server = getattr(forkserver._forkserver, "_forkserver_pid", None)
    out = set()
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                status = (d / "status").read_text()
            except OSError:
                continue
            if f"\nPPid:\t{server}\n" in status and "\nState:\tZ" not in status:
                out.add(int(d.name))
    return out


@pytest.mark.anyio
async def test_a_cancelled_call_kills_its_worker(client, tmp_root):
    md = tmp_root / "endless.md"
    # minutes of work on any machine, more than the tool's 60 s budget: only the cancellation ends it sooner
    md.write_text("# P\n\n" + "a learning rate of 0.001 with batch size 64 for x = y " * 300_000)
    before = _workers()
    started: set[int] = set()
    async with anyio.create_task_group() as tg:
        tg.start_soon(client.call_tool, "grep_equations", {"markdown_path": str(md)})
        with anyio.fail_after(DEADLINE_S):
            while not (started := _workers() - before):
                await anyio.sleep(0.05)
        tg.cancel_scope.cancel()
    with anyio.fail_after(CANCEL_S):
        while any(_alive(pid) for pid in started):
            await anyio.sleep(0.1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/status").read_text() if Path(f"/proc/{pid}").exists() else ""
    return "\nState:\tZ" not in state and state != ""


def test_the_cli_answers_a_hostile_source_with_an_error_line(tmp_path):
    import subprocess
    import sys

    src = _latex(tmp_path / "items", unclosed_itemize(200))
    cmd = [sys.executable, "-m", "server.cli", "--root", str(tmp_path), "pdf-to-markdown", src]
    repo = Path(__file__).parents[1]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=DEADLINE_S, cwd=repo)
    assert done.returncode == 1
    assert "error: LaTeX environments nested more than 30 deep" in done.stderr
    assert "Traceback" not in done.stderr
