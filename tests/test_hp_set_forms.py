"""Plain statements of a setting in the forms other rules left (hp_set_forms.py): an aside or a symbol
after the subject, 'we set α to 500', a symbol described and then set; named by the subject's phrase."""

from __future__ import annotations

from hp_found import found


def _one(sentence: str) -> dict[str, list[tuple]]:
    return found(f"# Experiments\n\n{sentence}\n")


def test_an_aside_or_a_symbol_after_the_subject_keeps_its_name() -> None:
    assert _one("The weight decay, which controls overfitting, was set to 0.01.") == {
        "weight_decay": [(0.01, "stated")]
    }
    assert _one("The number of topics K is 100 for all corpora.") == {"num_topics": [(100, "stated")]}
    assert _one("The trade-off parameter β is empirically set as 0.1.") == {"trade_off": [(0.1, "stated")]}
    assert _one("We fix the margin m at 0.5.") == {"margin": [(0.5, "stated")]}
    assert _one("The dimension of the latent space z is set to 64.") == {"latent_dim": [(64, "stated")]}


def test_a_symbol_described_then_set_takes_its_own_key() -> None:
    assert _one("Here α represents the weightage of clean examples and was set to 500.") == {
        "alpha": [(500, "stated")]
    }
    assert _one("ε is a small constant which is set to be 10^-8 in our practice.") == {
        "epsilon": [(1e-8, "stated")]
    }


def test_a_result_or_a_subject_naming_nothing_sets_nothing() -> None:
    assert _one("When the AUC of D is 0.95, the acceptance rate rises.") == {}
    assert _one("The accuracy, which we report in Table 2, is 95.") == {}


def test_a_subject_cut_at_a_preposition_names_nothing() -> None:
    got = _one("Y = 1 is likely when only one of the variables in X is 1.")
    assert not any(k.startswith("variables") for k in got)
