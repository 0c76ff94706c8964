"""paper.boxes.json: where each Markdown line of a PDF-route paper sits on its page, and what its text may
have lost. Written by the PDF source beside paper.md, read by the analysis scanners.

Boxes are in PDF points with the origin at the page's top-left corner and y growing downward (as pdftoppm
and image crops count): [x0, y0, x1, y1], y0 the top edge."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tools.workspace import atomic_write

BOXES_NAME = "paper.boxes.json"
PDF_NAME = "paper.pdf"  # the converted PDF, kept in the paper's folder for page images
ORIGIN = "PDF points, origin top-left of the page, y downward: [x0, top, x1, bottom]"


@dataclass(frozen=True, slots=True)
class Where:
    page: int
    bbox: tuple[float, float, float, float]
    flags: tuple[str, ...] = ()


def write_boxes(folder: Path, boxes: dict[int, object]) -> None:
    """Write the sidecar; `boxes` maps a Markdown line (1-based) to an object with page, bbox and flags."""
    lines = {
        str(no): [b.page, list(b.bbox), list(b.flags)] if b.flags else [b.page, list(b.bbox)]  # type: ignore[attr-defined]
        for no, b in sorted(boxes.items())
    }
    atomic_write(folder / BOXES_NAME, json.dumps({"origin": ORIGIN, "lines": lines}, separators=(",", ":")))


def read_boxes(markdown_path: Path) -> dict[int, Where]:
    """The sidecar beside a paper.md as line -> Where; empty when there is none or it is unreadable."""
    try:
        data = json.loads((markdown_path.with_name(BOXES_NAME)).read_text(encoding="utf-8"))
        return {
            int(k): Where(int(v[0]), tuple(float(x) for x in v[1][:4]), tuple(v[2]) if len(v) > 2 else ())
            for k, v in data["lines"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return {}
