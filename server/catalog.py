"""The tool catalogue: each core function with its MCP hints. The server and the CLI both read this list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from server.worker import Budget

# heavy tools run in a worker process under these budgets (wall-clock seconds, address-space MB): a hostile or
# damaged paper ends in a TooLarge error instead of a core at 100% that nothing can stop
CONVERT = Budget(seconds=300, megabytes=3072)
ANALYSE = Budget(seconds=60, megabytes=2048)

@dataclass(frozen=True)
class ToolSpec:
    fn: Callable[..., Any]
    title: str
    read_only: bool
    destructive: bool
    idempotent: bool
    open_world: bool = False
    budget: Budget | None = None  # None: run in the server's process (cheap calls: job polling, listing)
    job: bool = False  # over MCP, a call still running after adapt.DETACH_AFTER_S goes on as a job
    mcp_only: bool = False  # no CLI command (the CLI waits until the end, so it has no jobs to poll)

    @property
    def name(self) -> str:
        return self.fn.__name__

    @property
    def cli_name(self) -> str:
        return self.name.replace("_", "-")


def _analysis() -> list[ToolSpec]:
    from server.conversions import cancel_conversion, get_conversion
    from tools.analysis.checklist import make_checklist
    from tools.analysis.checklist_scope import set_scope
    from tools.analysis.equations import grep_equations
    from tools.ingest.paper import pdf_to_markdown
    from tools.ingest.render import render_page

    return [
        # open world: an arXiv id as source downloads the e-print (the LaTeX route); a long one becomes a job
        ToolSpec(pdf_to_markdown, "Convert a paper to Markdown", read_only=False, destructive=False,
                 idempotent=True, open_world=True, budget=CONVERT, job=True),
        ToolSpec(get_conversion, "Conversion job status and result", read_only=True, destructive=False,
                 idempotent=True, mcp_only=True),
        # kills the job's worker: the conversion it was doing is lost
        ToolSpec(cancel_conversion, "Cancel a conversion job", read_only=False, destructive=True,
                 idempotent=True, mcp_only=True),
        ToolSpec(grep_equations, "Find equations, algorithms, theorems, hyperparameters", read_only=True,
                 destructive=False, idempotent=True, budget=ANALYSE),
        ToolSpec(make_checklist, "Write the implementation checklist", read_only=False, destructive=False,
                 idempotent=True, budget=ANALYSE),
        # rewrites only the status and notes cells of the rows named; the same call again changes nothing
        ToolSpec(set_scope, "Set the scope of checklist rows", read_only=False, destructive=False,
                 idempotent=True),
        # writes the PNG into the paper's folder (renders/), the same file for the same arguments
        ToolSpec(render_page, "Render a page or a finding's box as an image", read_only=False,
                 destructive=False, idempotent=True, budget=ANALYSE),
    ]


def _project() -> list[ToolSpec]:
    from tools.project.requirements import export_requirements
    from tools.project.scaffold import init_uv_project
    from tools.runs.api import cancel_test_run, get_test_run, run_tests_on_gpu

    return [
        # init_uv_project runs `uv lock` (package index): open world; never overwrites a file
        ToolSpec(init_uv_project, "Create a uv/PyTorch project", False, False, False, open_world=True),
        ToolSpec(export_requirements, "Export requirements from uv.lock", False, True, True),
        ToolSpec(run_tests_on_gpu, "Run the project's tests (a job)", False, False, False),
        ToolSpec(get_test_run, "Test run status and report", True, False, True),
        ToolSpec(cancel_test_run, "Cancel a test run", False, True, True),
    ]


def _remote() -> list[ToolSpec]:
    from tools.runs.targets import list_gpu_targets

    return [
        ToolSpec(
            list_gpu_targets,
            "List remote GPU targets",
            read_only=True,
            destructive=False,
            idempotent=True,
            open_world=True,
        ),
    ]


def _coverage() -> list[ToolSpec]:
    from tools.trace.coverage import check_coverage
    from tools.trace.oracles import make_equation_test

    return [
        # rewrites only the checklist's status cells (update=True), the same cells for the same evidence
        ToolSpec(check_coverage, "Check the checklist against code, tests and runs", False, False, True,
                 budget=ANALYSE),
        # writes tests/test_oracle_<id>.py; replaces a different existing file only with overwrite=True
        ToolSpec(make_equation_test, "Write an equation oracle test", False, False, True, budget=ANALYSE),
    ]


def all_tools() -> list[ToolSpec]:
    return [*_analysis(), *_project(), *_remote(), *_coverage()]
