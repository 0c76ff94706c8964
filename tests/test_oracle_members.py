"""Oracles for sums over a set tied to another index (`\\sum_{j \\in \\mathcal{N}(i)}`): the implementation is
passed a 0/1 membership array (an adjacency matrix), drawn at random, so any neighbourhood is checked."""

from __future__ import annotations

import numpy as np
from oracle_proof import both_ways

from tools.trace.oracles import load_runtime, oracle_spec


def test_a_sum_over_neighbours_takes_an_adjacency_matrix():
    spec = both_ways(
        r"h_i = \sum_{j \in \mathcal{N}(i)} w_{ij} z_j",
        lambda N, w, z: (N * w) @ z,
        lambda N, w, z: w @ z,  # the set ignored: a sum over every j
        lambda N, w, z: (N.T * w) @ z,  # the set read the other way round
    )
    assert spec["members"] == ["N"] and spec["inputs"] == ["N", "w", "z"]
    assert "adjacency" in spec["given"]["N"] and "j lies in the set" in spec["given"]["N"]
    drawn = load_runtime().random_inputs(spec, seed=0, backend="numpy")["N"]
    assert set(np.unique(drawn)) == {0.0, 1.0}


def test_a_neighbourhood_sum_inside_a_norm_and_an_outer_sum():
    latex = r"L = \frac{1}{M}\sum_{i=1}^{M} \left\|z_i-\sum_{j\in\mathcal{N}_k(i)}w_{ij}z_j\right\|_2^2"

    def right(N, w, z, M):
        z, w, N = z.reshape(-1), w.reshape(w.shape[:2]), N.reshape(N.shape[:2])
        return np.sum((z - (N * w) @ z) ** 2) / M

    def no_set(N, w, z, M):
        return right(np.ones_like(N), w, z, M)

    spec = both_ways(latex, right, no_set)
    assert spec["members"] == ["N"]


def test_a_set_written_with_a_union_or_a_letter_used_elsewhere_stays_refused():
    assert not oracle_spec(r"h_i = \sum_{j \in \mathcal{N}(i) \cup \{i\}} w_{ij} z_j").ok
    assert not oracle_spec(r"h_i = \frac{1}{N} \sum_{j \in \mathcal{N}(i)} z_j").ok  # N is also a count
    plain = oracle_spec(r"h_i = \sum_{j \in S} z_{ij}")  # a set on its own: all of the axis, no array
    assert not plain.ok or "members" not in plain.spec
