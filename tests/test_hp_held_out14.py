"""Forms read after measuring the fourteenth round's two held-out sets, each written here in words of our own:
a figure's axis ticks are no table, a value 'set at a relatively high value of', a latent space 'z ∈ R^2',
a document's numbering, the steps a recurrent net is unrolled, RMSProp's own decay rate, a table row 'P value
for top-p', and a switch set to True."""

from __future__ import annotations

from hp_found import found


def test_axis_ticks_under_a_named_axis_are_no_table_rows() -> None:
    ticks = "| 0 1 2 3 4 5 6 7 8 9 10 11 | Transformer Block "
    got = found(ticks * 2 + "|\n")
    assert "num_layers" not in got


def test_values_set_at_a_value_a_latent_space_and_no_document_number() -> None:
    got = found(
        "Anonymous Author(s) Submission Id: 2043\n\n## 4 Experiments\n\n"
        "Batch size is set at a relatively high value of 256. All hidden layers have size 100, with a latent "
        "z ∈ R^2. The number of temporal steps to unroll is 20 and the norm of the gradient is bounded "
        "by 5.\n"
    )
    assert got["batch_size"] == [(256.0, "stated")]
    assert got["latent_dim"] == [(2.0, "stated")] and got["hidden_size"] == [(100.0, "stated")]
    assert got["unroll_steps"] == [(20.0, "stated")] and got["gradient_clipping"] == [(5.0, "stated")]
    assert "submission_id" not in got


def test_rmsprops_decay_rate_is_not_a_learning_rate_decay() -> None:
    got = found("We train with RMSProp with a learning rate of 10−3 and a decay rate of 0.9.\n")
    assert got["rmsprop_decay"] == [(0.9, "stated")] and "lr_decay" not in got
    assert found("We use RMSProp with a learning rate decay of 0.5.\n")["lr_decay"] == [(0.5, "stated")]


def test_a_rows_generic_name_for_a_known_setting_and_a_switch() -> None:
    got = found(
        "Table 5: Hyperparameters.\n\n| Hyperparameter | Value |\n|---|---|\n| P value for top-p | 0.99 |\n\n"
        "We use the AdamW optimizer with the AMSGrad variant set to True. For the text datasets, we use "
        "DistilBert as implemented in the transformers library.\n"
    )
    assert got["top_p"] == [(0.99, "stated")]
    assert got["amsgrad"] == [("true", "stated")]
    assert got["model"] == [("distilbert", "stated")]


def test_settings_found_to_work_best_are_the_choice_not_a_result() -> None:
    got = found(
        "## 5 Experiments\n\nIn general, we found the larger control variate with weight decay of .001 to "
        "work best, but it only slightly outperformed other configurations.\n"
    )
    assert got["weight_decay"] == [(0.001, "stated")]
    result = found("Our model outperforms the baseline with weight decay of .001.\n")
    assert result["weight_decay"] == [(0.001, "candidate")]


def test_a_parts_or_methods_name_before_a_known_row_name_is_its_context() -> None:
    md = (
        "Table 4: Hyperparameters.\n\n| Hyperparameter | Value |\n|---|---|\n"
        "| Transformer Hidden Dimension | 2048 |\n| Transformer MLP Dimension | 8192 |\n"
        "| AUSTEREMH(C) minibatch size m from grid search | 450 |\n"
    )
    got = found(md, context=True)
    assert got["hidden_size"] == [(2048.0, "stated", "Transformer")]
    assert got["ffn_dim"] == [(8192.0, "stated", "Transformer")]
    assert got["batch_size"][0][:2] == (450.0, "stated") and "AUSTEREMH(C)" in got["batch_size"][0][2]


def test_derived_values_a_clause_and_a_samplers_step_size() -> None:
    got = found(
        "## 5 Experiments\n\nThis schedule has an expected masking rate of 0.64. We pass the prompt through "
        "the frozen T5-XXL encoder, and the base channel dimension is 128. Since our x resolution is 10,000, "
        "the table is large. The statistic is normal, with error bounded by: 3. Next, we vary the step "
        "size σ for the random walk proposers; we chose σ = 1.\n"
    )
    assert got["mask_ratio"] == [(0.64, "candidate")]
    assert got["encoder"] == [("t5-xxl", "stated")] and got["base_channels"] == [(128.0, "stated")]
    assert got["image_size"] == [(10000.0, "candidate")]
    assert not any(k.startswith("with") for k in got)
    assert got["proposal_step_size"] == [(1.0, "stated")] and "learning_rate" not in got


def test_a_value_times_a_symbol_is_a_formula_and_a_verb_names_nothing() -> None:
    got = found(
        "The batch size is set to 16 × o^2 to keep the supervision identical. The Chebyshev polynomials in "
        "(4) are of degree K = 5. We use 8 × A100 GPUs and a batch size of 64.\n"
    )
    assert got["batch_size"] == [(64.0, "stated")]
    assert "are_degree" not in got


def test_a_symbols_value_after_around_is_approximate() -> None:
    got = found("We use weight decay λ = 0.001 in all runs; a best fit occurs around λ = 103 in the sweep.\n")
    assert got["weight_decay"] == [(0.001, "stated"), (103.0, "candidate")]


def test_a_sampling_planners_iterations_samples_and_elites() -> None:
    got = found(
        "The planner uses a horizon of 12, 10 optimization iterations, 1000 candidate samples and the top "
        "100 as elites. With DCEM we use 100 samples per iteration and 10 elite candidates.\n"
    )
    assert got["optimization_iterations"] == [(10.0, "stated")]
    assert got["samples_per_iteration"] == [(1000.0, "stated"), (100.0, "stated")]
    assert got["num_elites"] == [(100.0, "stated"), (10.0, "stated")]


def test_values_paired_with_the_things_named_after_them_respectively() -> None:
    got = found(
        "The word embedding size are 50 and 300 for English and Chinese dataset respectively. We optimize "
        "both models with Adam, using learning rates of 0.001 and 0.0001 for $\\theta$ and $\\psi$ "
        "respectively.\n",
        context=True,
    )
    assert got["embedding_dim"] == [(50.0, "stated", "English"), (300.0, "stated", "Chinese")]
    assert got["learning_rate"] == [(0.001, "stated", "θ"), (0.0001, "stated", "ψ")]


def test_greek_symbols_with_word_subscripts_listed_after_one_verb() -> None:
    got = found(
        "The loss function weights are set as λnormal = 1.6 × 10−4, λdepth = 0.1 and λcontrastive = "
        "0.001.\n\n"
        "We set $\\lambda_{\\text{voxel}} = 2$.\n"
    )
    assert got["lambda_normal"] == [(0.00016, "stated")] and got["lambda_depth"] == [(0.1, "stated")]
    assert got["lambda_contrastive"] == [(0.001, "stated")] and got["lambda_voxel"] == [(2.0, "stated")]


def test_a_count_before_a_compound_noun_is_not_the_qualifiers() -> None:
    got = found(
        "We use 48 depth hypotheses for our final architecture, and 4 residual layers. The number of depth "
        "hypotheses is chosen as 48.\n"
    )
    assert got["num_layers"] == [(4.0, "stated")]  # 'depth' qualifies the hypotheses: no 48 layers
    assert got["num_depth_hypotheses"] == [(48.0, "stated")]


def test_a_value_that_may_hold_a_lost_footnote_mark_is_a_candidate() -> None:
    """A page whose footnote 2 has no mark in its text lost the mark into a number: 'β = 1' plus the mark
    reads 'β = 12'. The value is kept for the agent to check, never stated."""
    md = (
        "<!-- page 1 -->\n# 1 Experiments\nThe splits follow [11]¹, with two hours of development data. We "
        "fix the loss hyper-parameter β = 12. We train for 20 epochs with a batch size of 64.\n"
        "¹The corpus is publicly available. ²The results were not sensitive to this parameter.\n"
    )
    got = found(md)
    assert got["beta"] == [(12.0, "candidate")]
    assert got["epochs"] == [(20.0, "stated")] and got["batch_size"] == [(64.0, "stated")]
    assert found(md.replace("data. We", "data². We"))["beta"] == [(12.0, "stated")]  # the mark is there
