"""An oracle proved both ways on hand-written implementations, for the oracle tests: the right one passes
on three seeds, each wrong one (a sign flip, a dropped term, a transposed index) fails."""

from __future__ import annotations

import pytest

from tools.trace.oracles import load_runtime, oracle_spec


def run_on(spec, impl, seed):
    """Check `impl` against the oracle on the inputs of one seed (numpy)."""
    rt = load_runtime()
    inputs = rt.random_inputs(spec, seed=seed, backend="numpy")
    expected = rt.evaluate(spec, inputs, backend="numpy")
    rt.assert_matches(spec, impl(**inputs), expected, backend="numpy")


def both_ways(latex, right, *wrong, functions=None, callables=frozenset()):
    """The oracle of `latex` (with the paper's inline `functions` and the `callables` it never defines):
    built, `right` passes, each `wrong` fails; its SPEC."""
    result = oracle_spec(latex, functions, callables=callables)
    assert result.ok, result.reason
    for seed in (0, 1, 2):
        run_on(result.spec, right, seed)
    for bad in wrong:
        with pytest.raises((AssertionError, ValueError)):
            run_on(result.spec, bad, 0)
    return result.spec
