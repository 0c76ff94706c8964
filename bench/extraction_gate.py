"""`bench/extraction.py --gate TARGETS`: a quality gate over the totals of each route.

TARGETS is a JSON object of floors per route and figure, e.g.
`{"pdf": {"eq_label_recall": 0.55}, "latex": {"eq_label_recall": 0.99}}`. A total below its floor, or with
no value (the corpus has nothing to measure it on), fails the gate. Speed figures depend on the machine:
they are printed, never gated, and a floor for one is refused, as is a figure or route the benchmark does
not report.
"""

from __future__ import annotations

import json
from pathlib import Path

SPEED = {
    "seconds",
    "pages_per_s",
    "markitdown_pages_per_s",
    "speedup",
    "converter_pages_per_s",
    "converter_speedup",
}


class BadTargets(ValueError):
    """A targets file the gate cannot apply."""


def load_targets(path: Path, known: dict[str, set[str]]) -> dict[str, dict[str, float]]:
    """Floors per route from `path`, checked against the figures each route reports (`known`)."""
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError) as e:
        raise BadTargets(f"{path}: cannot read the targets ({e}); it must be a JSON object") from e
    if not isinstance(data, dict):
        raise BadTargets(f"{path}: the targets must be a JSON object of routes")
    floors: dict[str, dict[str, float]] = {}
    for route, figures in data.items():
        if route not in known:
            raise BadTargets(f"{path}: unknown route {route!r}; routes: {', '.join(sorted(known))}")
        if not isinstance(figures, dict):
            raise BadTargets(f"{path}: {route} must map figure names to floors")
        for name, floor in figures.items():
            if name in SPEED:
                raise BadTargets(f"{path}: {route}.{name} is a speed figure: printed, never gated")
            if name not in known[route]:
                raise BadTargets(
                    f"{path}: {route} reports no figure {name!r}; it has: "
                    f"{', '.join(sorted(known[route] - SPEED))}"
                )
            if isinstance(floor, bool) or not isinstance(floor, (int, float)):
                raise BadTargets(f"{path}: {route}.{name} must be a number, not {floor!r}")
        floors[route] = {k: float(v) for k, v in figures.items()}
    return floors


def failures(totals: dict[str, dict], floors: dict[str, dict[str, float]]) -> list[str]:
    """One line per total below its floor (routes not measured in this run are left out)."""
    out = []
    for route, figures in floors.items():
        if route not in totals:
            continue
        for name, floor in figures.items():
            value = totals[route].get(name)
            if value is None:
                out.append(f"{route} {name}: no value (nothing in the corpus measures it), floor {floor:.3f}")
            elif value < floor:
                out.append(f"{route} {name}: {value:.3f} is below its floor {floor:.3f}")
    return out
