"""`paper-to-code demo`: the whole analysis phase (convert, grep, checklist) on the paper in tools/data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field

from tools.models import ToolResult
from tools.text import one_line_exact

SAMPLE = "neural-fingerprints.pdf"
_KINDS = ("numbered", "display", "algorithms", "theorems", "architecture", "hyperparameters")
DEFAULT_DIR = "paper-to-code-demo"


class DemoResult(ToolResult):
    folder: str = Field(description="where the demo wrote everything")
    pdf: str = Field(description="the bundled sample paper, copied")
    markdown_path: str
    checklist_path: str
    title: str | None
    pages: int | None
    counts: dict[str, int] = Field(description="findings per kind (grep_equations): numbered, display, ...")
    checklist_counts: dict[str, int] = Field(description="checklist items per kind")
    equations: list[str] = Field(description="a few numbered equations: label and body")
    algorithms: list[str] = Field(description="algorithm numbers and captions")
    hyperparameters: list[str] = Field(description="a few hyperparameters: name = value (page)")
    unstated: list[str] = Field(description="standard hyperparameters the paper does not state")

    def summary_text(self) -> str:
        counts = ", ".join(f"{n} {k}" for k, n in self.counts.items())
        lines = [
            f"Analysed the bundled sample paper: {self.title} ({self.pages} pages)",
            f"found: {counts}",
            *(["equations:"] + [f"  {e}" for e in self.equations] if self.equations else []),
            *(["algorithms:"] + [f"  {a}" for a in self.algorithms] if self.algorithms else []),
            *(
                ["hyperparameters:"] + [f"  {h}" for h in self.hyperparameters]
                if self.hyperparameters
                else []
            ),
        ]
        if self.unstated:
            lines.append("not stated in the paper (listed as unstated): " + ", ".join(self.unstated))
        lines += [
            "files:",
            f"  paper      {self.pdf}",
            f"  markdown   {self.markdown_path}",
            f"  checklist  {self.checklist_path}",
            "next: open the checklist, or run the same tools on your own paper (in a clone):",
            "  uv run paper-to-code pdf-to-markdown your.pdf",
            "  uv run paper-to-code make-checklist <markdown path>",
        ]
        return "\n".join(lines)


def demo(
    workdir: Annotated[
        str | None,
        Field(description=f"folder for the demo's files (default ./{DEFAULT_DIR} in the first allowed root)"),
    ] = None,
) -> DemoResult:
    """Run the analysis phase on the bundled sample paper and show what it found and where the files are."""
    import tools
    from tools.analysis.checklist import make_checklist
    from tools.analysis.equations import grep_equations
    from tools.ingest.paper import pdf_to_markdown
    from tools.workspace import atomic_write, resolve

    folder = resolve(workdir or DEFAULT_DIR, must_exist=False, kind="dir", what="workdir")
    data = Path(tools.__file__).resolve().parent / "data"
    pdf = folder / SAMPLE
    if not pdf.is_file():
        atomic_write(pdf, (data / SAMPLE).read_bytes())
    atomic_write(folder / "ATTRIBUTION.md", (data / "ATTRIBUTION.md").read_bytes())
    converted = pdf_to_markdown(str(pdf), out_dir=str(folder / "analysis"), limit=1)
    found = grep_equations(converted.markdown_path)
    checklist = make_checklist(converted.markdown_path)
    hps = [
        f"{h.key} = {h.value} ('{h.name}'" + (f", p. {h.page})" if h.page else ")")
        for h in found.hyperparameters[:8]
    ]
    return DemoResult(
        folder=str(folder),
        pdf=str(pdf),
        markdown_path=converted.markdown_path,
        checklist_path=checklist.path,
        title=converted.title,
        pages=converted.pages,
        counts={k: len(getattr(found, k)) for k in _KINDS},
        checklist_counts=checklist.counts,
        equations=[f"({e.label}) {one_line_exact(e.body, 90)}" for e in found.numbered[:3]],
        algorithms=[f"Algorithm {a.number}: {one_line_exact(a.caption, 70)}" for a in found.algorithms],
        hyperparameters=[one_line_exact(h, 90) for h in hps],
        unstated=checklist.unstated,
    )
