"""The benchmark's theorem-like matching: fair where the ground truth splits what the PDF prints joined."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from bench.scoring import thm_recall


def _found(kind: str, text: str) -> SimpleNamespace:
    return SimpleNamespace(kind=kind, text=text)


def test_subscripts_printed_joined_to_their_base_still_match() -> None:
    # groundtruth.py turns `d_p` into "d p"; the PDF prints "dp"
    gt = {"theorems": [{"env": "lemma", "first_words": "Let d_p be a K-prefix"},
                       {"env": "lemma", "first_words": "[Bounds] The bounds ( L _n, U _n) on the value"}]}
    found = [_found("lemma", "Let dp be a K-prefix and let R be"),
             _found("lemma", "The bounds (Ln, Un) on the value of sequences")]
    assert thm_recall(gt, found) == 1.0


def test_an_operator_the_ground_truth_dropped_does_not_hide_a_statement() -> None:
    gt = {"theorems": [{"env": "theorem", "first_words": "Let d^* _ d R( d , x , y ) be any optimal"}]}
    assert thm_recall(gt, [_found("theorem", "Let d∗ ∈ argmind R(d, x, y) be any optimal rule list")]) == 1.0


def test_a_reference_key_the_ground_truth_kept_does_not_hide_a_statement() -> None:
    # groundtruth.py leaves `\autoref{ass:lip}` as "ass:lip"; the paper prints "Assumption 1"
    gt = {"theorems": [{"env": "proposition", "first_words": "Under ass:lip and , the online Sinkhorn"}]}
    assert thm_recall(gt, [_found("proposition", "Under Assumption 1 and 2, the online Sinkhorn")]) == 1.0
    assert thm_recall(gt, [_found("proposition", "Under Assumption 1 and 2, a batch Sinkhorn")]) == 0.0
    # with the key gone, the 4 words reach into maths the PDF prints joined: 'f t' 'ft', '-L diam' 'Ldiam'
    gt = {"theorems": [{"env": "lemma", "first_words": "Under ass:lip , let (f_t)_t be an i.i.d"},
                       {"env": "lemma", "first_words": "Unser ass:lip , let = 1 - (-L diam ( X ))"}]}
    found = [_found("lemma", "Under Assumption 1, let (ft)t be an i.i.d sequence"),
             _found("lemma", "Unser Assumption 1, let κ = 1−exp(−Ldiam(X )).")]
    assert thm_recall(gt, found) == 1.0
    assert thm_recall(gt, [_found("lemma", "Under Assumption 1, let (gt)t be an i.i.d sequence")]) == 0.0


def test_other_words_kind_or_order_still_miss() -> None:
    gt = {"theorems": [{"env": "lemma", "first_words": "Let d_p be a K-prefix"}]}
    assert thm_recall(gt, [_found("theorem", "Let dp be a K-prefix")]) == 0.0
    assert thm_recall(gt, [_found("lemma", "Let pd be a K-prefix")]) == 0.0
    assert thm_recall(gt, [_found("lemma", "Let dq be a K-prefix")]) == 0.0


def test_phrases_come_only_from_printed_source(tmp_path) -> None:
    from bench.extraction import _printed

    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "paper.cls").write_text("\\excludecomment{CCSXML}\n")
    tex = ("\\newcommand{\\cut}[1]{}\\excludecomment{arxiv}\\begin{document}Kept one."
           "\\begin{arxiv}Long proof.\\end{arxiv}\\cut{Old {draft} text.}Kept two."
           "\\begin{CCSXML}<ccs2012/>\\end{CCSXML}\\end{document}")
    out = _printed(tmp_path, tex)
    assert "Kept one." in out and "Kept two." in out
    assert "Long proof" not in out and "draft" not in out and "ccs2012" not in out


def test_a_body_that_lost_its_order_is_attached_but_not_intact() -> None:
    from bench.extraction import body_attached, body_intact

    tex = r"d := \frac{1}{\sqrt{-K}}"
    read_well = "d := (1)/(√−K)"
    over_under = "1 d := −K √"  # numerator and denominator read as rows around the main one
    pieces_last = "= ∑ xi p(x) i=1 n"  # limits read after the body, on their own baselines
    assert body_intact(read_well, tex) and body_attached(read_well, tex)
    assert body_attached(over_under, tex) and not body_intact(over_under, tex)
    sum_tex = r"p(x) = \sum_{i=1}^{n} x_i"
    assert body_attached(pieces_last, sum_tex) and not body_intact(pieces_last, sum_tex)
    assert body_intact("p(x) = ∑_{i=1}^{n} xi", sum_tex)
    assert not body_intact(read_well + " and the text read on past the equation, far too long to be it", tex)
    # a ground-truth LaTeX cut at 160 characters: a body read whole goes on past it and still counts
    long_tex = " + ".join(f"a_{{{k}}} b_{{{k}}}" for k in range(1, 40))
    cut, whole = long_tex[:160], " + ".join(f"a{k} b{k}" for k in range(1, 40))
    assert body_attached(whole, cut) and body_intact(whole, cut)
    assert not body_intact("c d e f g h i j k l m n o p q r s t u v w x y z" * 4, cut)


def test_a_label_whose_value_names_its_symbol_matches_a_finding_named_by_it(tmp_path) -> None:
    """'gradient_penalty_coefficient = \\lambda=0.025': a finding 'λ = 0.025' states that label; a symbol
    inside a product (`K \\cdot L = 1000`) names nothing."""
    import json

    from bench.scoring import hp_scores

    items = [
        {"name": "gradient_penalty_coefficient", "value": "\\lambda=0.025", "value_normalized": 0.025},
        {"name": "critic_adam_betas", "value": "\\beta_1=\\beta_2=0.5", "value_normalized": 0.5},
        {"name": "sampling_budget", "value": "K \\cdot L = 1000", "value_normalized": 1000},
    ]
    (tmp_path / "hyperparameters.json").write_text(json.dumps({"items": items}))
    found = [
        SimpleNamespace(key="lambda", name="λ", value_normalized=0.025, confidence="stated"),
        SimpleNamespace(key="beta2", name="β2", value_normalized=0.5, confidence="stated"),
        SimpleNamespace(key="L", name="L", value_normalized=1000.0, confidence="stated"),
        SimpleNamespace(key="gamma", name="γ", value_normalized=0.025, confidence="stated"),
    ]
    assert hp_scores(tmp_path, found)["_hp"][:4] == (2, 3, 2, 4)


def test_a_finding_whose_name_ends_with_the_labels_symbol_matches_it(tmp_path) -> None:
    import json

    from bench.scoring import hp_scores

    items = [{"name": "initial_penalty_rho0", "value": "\\rho_{0}=3", "value_normalized": 3}]
    (tmp_path / "hyperparameters.json").write_text(json.dumps({"items": items}))
    key = "initial_penalty_parameter"
    found = [
        SimpleNamespace(key=key, name="initial penalty ρ_0", value_normalized=3.0, confidence="stated"),
        SimpleNamespace(key=key, name="initial penalty", value_normalized=3.0, confidence="stated"),
    ]
    assert hp_scores(tmp_path, found)["_hp"][:4] == (1, 1, 1, 2)


def test_a_caption_found_with_its_citation_matches_the_ground_truth_without_it() -> None:
    from bench.scoring import alg_recall

    gt = {"algorithms": [{"caption": "PlaNet variant that we use for control"}]}
    found = [SimpleNamespace(caption="PlaNet (Hafner et al., 2018) variant that we use for control")]
    assert alg_recall(gt, found) == 1.0
    assert alg_recall(gt, [SimpleNamespace(caption="PlaNet [hafner2018] variant that we use")]) == 1.0
    assert alg_recall(gt, [SimpleNamespace(caption="PlaNet with a variant that we use")]) == 0.0


def test_a_theorem_name_the_ground_truth_left_as_a_lyx_macro() -> None:
    lemma = {"env": "lem", "name": "\\protect\\lemmaname", "first_words": "Invertibility of the integrated"}
    gt = {"theorems": [lemma]}
    assert thm_recall(gt, [_found("lemma", "Invertibility of the integrated Hessian.")]) == 1.0


def test_a_label_named_with_its_symbol_matches_a_finding_named_without_it(tmp_path) -> None:
    """'cycle_loss_weight_gamma', 'ctc_weight_lambda_ctc', 'training_horizon_H_T': the symbol decorates the
    name; a finding naming the setting in words states it. Another setting's words still miss."""
    import json

    from bench.scoring import hp_scores

    items = [
        {"name": "cycle_loss_weight_gamma", "value": "3", "value_normalized": 3},
        {"name": "ctc_weight_lambda_ctc", "value": "0.3", "value_normalized": 0.3},
        {"name": "training_horizon_H_T", "value": "200,000", "value_normalized": 200000},
    ]
    (tmp_path / "hyperparameters.json").write_text(json.dumps({"items": items}))
    named = [("cycle_loss_weight", 3.0), ("ctc_weight", 0.3), ("horizon", 200000.0), ("dropout", 0.3)]
    found = [
        SimpleNamespace(key=k, name=k.replace("_", " "), value_normalized=v, confidence="stated")
        for k, v in named
    ]
    assert hp_scores(tmp_path, found)["_hp"][:4] == (3, 3, 3, 4)


def test_a_candidate_is_shown_but_not_found(tmp_path) -> None:
    """hp_shown_recall counts a label a candidate covers (shown to the agent); recall and precision do not."""
    import json

    from bench.scoring import hp_scores

    items = [
        {"name": "num_restarts", "value": "10", "value_normalized": 10},
        {"name": "learning_rate", "value": "0.1", "value_normalized": 0.1},
    ]
    (tmp_path / "hyperparameters.json").write_text(json.dumps({"items": items}))
    found = [
        SimpleNamespace(key="learning_rate", name="learning rate", value_normalized=0.1, confidence="stated"),
        SimpleNamespace(key="num_restarts", name="restarts", value_normalized=10.0, confidence="candidate"),
    ]
    got = hp_scores(tmp_path, found)
    assert (got["hp_recall"], got["hp_precision"], got["hp_shown_recall"]) == (0.5, 1.0, 1.0)
    assert got["hp_candidates"] == 1


def test_an_algorithm_without_a_caption_is_found_by_an_unnumbered_one() -> None:
    from bench.scoring import alg_recall

    gt = {"algorithms": [{"caption": ""}, {"caption": "Greedy rule search"}]}
    found = [SimpleNamespace(number=None, caption="Posterior"), SimpleNamespace(number="1", caption="x")]
    assert alg_recall(gt, found) == 0.5
    assert alg_recall(gt, [SimpleNamespace(number="1", caption="Greedy rule search")]) == 0.5


def test_a_finding_named_by_the_symbol_its_labels_quote_assigns(tmp_path: Path) -> None:
    from bench.scoring import hp_scores

    items = [
        {"name": "prior_variance_theta1", "value": "10", "value_normalized": 10,
         "quote": "We set σ_1^2 = 10, σ_2^2 = 1 and σ_x^2=2"},
        {"name": "prior_shape", "value": "2", "value_normalized": 2, "quote": "α_ν = 2, β_ν = 2"},
    ]
    (tmp_path / "hyperparameters.json").write_text(json.dumps({"paper": "x", "items": items}))
    found = [
        SimpleNamespace(key="sigma1_squared", name="σ_1^2", value_normalized=10.0, confidence="stated"),
        SimpleNamespace(key="sigma2_squared", name="σ_2^2", value_normalized=10.0, confidence="stated"),
        SimpleNamespace(key="alphanu", name="α_ν", value_normalized=2.0, confidence="stated"),
    ]
    # σ_1^2 = 10 is the first label's; σ_2^2 has another value there; two symbols share the second's value
    assert hp_scores(tmp_path, found)["_hp"][:4] == (1, 2, 1, 3)
