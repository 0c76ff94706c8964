"""`paper-to-code`: one subcommand per tool, same parameters and result models as the MCP tools."""

from __future__ import annotations

import asyncio
import functools
import inspect
import os
import signal
import sys
import threading
from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any

from cyclopts import App, Parameter

from server.catalog import all_tools
from server.worker import Budget, call_with_budget, use_fork
from tools.errors import PaperToCodeError
from tools.models import ToolResult
from tools.runs import jobs
from tools.runs.models import TestRunReport

app = App(
    name="paper-to-code",
    help="Turn an ML paper into a tested uv/PyTorch project (the CLI of the MCP tools).",
    # a list option takes the values that follow it (`--bbox 72 90 300 140`, `--kinds numbered table`)
    default_parameter=Parameter(consume_multiple=True),
)


def exit_code(result: ToolResult) -> int:
    """The CLI's exit status for a result: a test run that did not pass is not 0 (5: no tests collected)."""
    if not isinstance(result, TestRunReport) or result.status == "passed" or not result.done:
        return 0
    return 5 if result.status == "no_tests" else 1


def _on_sigterm() -> None:
    """SIGTERM cancels this process's test runs (their process groups are killed) and the command prints the
    cancelled report; with none running, the process ends as SIGTERM ends it by default."""
    if jobs.cancel_all() == 0:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)


async def _until_done(result: Awaitable[Any]) -> Any:
    """Await an async tool; the loop ends with the command, so its test runs are waited for to the end."""
    loop = asyncio.get_running_loop()
    handle = threading.current_thread() is threading.main_thread()
    if handle:
        loop.add_signal_handler(signal.SIGTERM, _on_sigterm)
    try:
        return await result
    finally:
        if handle:
            loop.remove_signal_handler(signal.SIGTERM)


def _command(fn: Callable[..., Any], budget: Budget | None = None) -> Callable[..., Any]:
    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        if budget is not None:  # the MCP tool's budget: a worker process, killed when it runs out
            bound = inspect.signature(fn).bind(*args, **kwargs)
            return asyncio.run(call_with_budget(fn, dict(bound.arguments), budget))
        result = fn(*args, **kwargs)
        return asyncio.run(_until_done(result)) if inspect.isawaitable(result) else result

    return run


for _spec in all_tools():
    if _spec.mcp_only:
        continue
    app.command(_command(_spec.fn, _spec.budget), name=_spec.cli_name)

# `paper-to-code demo`: the analysis phase on the bundled sample paper (a CLI command, not an MCP tool)
from server.demo import demo  # noqa: E402

app.command(demo, name="demo")


@app.meta.default
def _launcher(
    *tokens: Annotated[str, Parameter(show=False, allow_leading_hyphen=True)],
    json: Annotated[bool, Parameter(help="print the result model as JSON")] = False,
    root: Annotated[
        list[str] | None,
        Parameter(help="folder tools may read and write (repeatable)", consume_multiple=False),
    ] = None,
) -> int:
    from tools.workspace import set_roots

    try:
        set_roots(root or ["."])
        command, bound, _ = app.parse_args(tokens)
        result = command(*bound.args, **bound.kwargs)
    except PaperToCodeError as e:
        print(f"paper-to-code: error: {e}", file=sys.stderr)
        return 1
    if result is None:
        return 0
    print(result.model_dump_json(indent=2) if json else result.summary_text())
    return exit_code(result)


def main(argv: Sequence[str] | None = None) -> None:
    use_fork()
    try:
        code = app.meta(list(sys.argv[1:] if argv is None else argv), result_action="return_value")
    except BrokenPipeError:  # `paper-to-code ... | head`: the reader left; the work itself is done
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
