"""Theorem-like statements headed in the language a thesis or paper is written in."""

from __future__ import annotations

from tools.analysis.equations import find_all


def test_french_german_and_spanish_heads_are_theorem_like():
    md = (
        "Some text first.\n\n**Théorème 1** (Monotonie). Pour tout K, la borne croît.\n\n"
        "Satz 2.1. Jede beschränkte Folge hat einen Häufungspunkt.\n\n"
        "Teorema 3 (Cota). Para todo n se cumple la desigualdad.\n"
    )
    found = [(t.kind, t.number, t.title) for t in find_all(md, {"theorem"}, None)["theorems"]]
    assert found == [("théorème", "1", "Monotonie"), ("satz", "2.1", None), ("teorema", "3", "Cota")]
    # a plain word in running prose opens no statement
    assert find_all("We call this a lemma 4 times in the text.\n", {"theorem"}, None)["theorems"] == []
