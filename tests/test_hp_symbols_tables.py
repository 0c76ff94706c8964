"""Hyperparameter settings given as symbols defined nearby, search grids and ranges, tables of settings, and
assignments that are examples or formulas rather than settings (find_hyperparameters on Markdown)."""

from __future__ import annotations

from hp_found import found


def _found(markdown: str) -> dict[str, list[tuple]]:
    return found(markdown, context=True)


def test_is_set_to_reads_the_value() -> None:
    got = _found("The batch size is set to 256. The temperature is 0.5.\n")
    assert got == {"batch_size": [(256.0, "stated", None)], "temperature": [(0.5, "stated", None)]}


def test_symbol_defined_by_the_name_after_it() -> None:
    got = _found(
        "The return is discounted, where $\\gamma \\in (0, 1)$ is the discount factor.\n\n"
        "Let $\\tau$ denote the temperature.\n\n"
        "In every experiment, we used $\\gamma=0.95$ and $\\tau=0.07$.\n"
    )
    assert got == {"discount_factor": [(0.95, "stated", None)], "temperature": [(0.07, "stated", None)]}


def test_symbol_defined_as_a_count_or_an_attribute_of_a_thing() -> None:
    got = _found(
        "We use $K = 16$ rollouts per update, where $K$ is the number of rollouts.\n\n"
        "The maximal size $B$ of the support of the transitions was used ($B=4$ in the first domain).\n"
    )
    assert got == {"rollouts": [(16.0, "stated", None)], "support_size": [(4.0, "stated", None)]}


def test_a_symbol_after_a_preposition_is_not_the_count() -> None:
    got = _found("where $C(M, k)$ denotes the number of $k$-combinations of $M$. We use $M = 1000$ rules.\n")
    assert got == {"M": [(1000.0, "stated", None)]}  # named by its letter, not the combinations; 'we use' it


def test_example_assignments_and_formulas_are_candidates() -> None:
    got = _found(
        "where $K$ is the number of rules. If $K = 5$, then the search space is small.\n\n"
        "The choice of $K = 10$ in our example above is typical.\n\n"
        "where $q$ is the horizon. Then F q = 0.5dt holds.\n"
    )
    assert got["rules"] == [(5.0, "candidate", None), (10.0, "candidate", None)]
    assert "horizon" not in got


def test_search_grids_and_ranges() -> None:
    got = _found(
        "The learning rate was selected from $\\{10^{-3}, 3 \\times 10^{-4}\\}$.\n\n"
        "The dropout was tuned over [0.1, 0.5].\n"
    )
    assert got["learning_rate"] == [([0.001, 0.0003], "stated", None)]
    assert got["dropout"] == [([0.1, 0.5], "stated", None)]
    got = _found(
        "The weight decay was drawn log-uniformly between 10^-4 and 10^-2. The dropout rate was varied "
        "between 0.1 and 0.5, and the learning rate sampled from [0.001, 0.01].\n"
    )
    assert got["weight_decay"] == [([0.0001, 0.01], "stated", None)]
    assert got["dropout"] == [([0.1, 0.5], "stated", None)]
    assert got["learning_rate"] == [([0.001, 0.01], "stated", None)]


def test_interval_is_not_a_run_length() -> None:
    assert "training_steps" not in _found("We update the target network every 1000 steps.\n")


def test_table_of_settings_gives_every_row_with_its_column() -> None:
    md = (
        "| Hyperparameter | Atari | MuJoCo |\n|---|---|---|\n| Discount $\\gamma$ | 0.99 | 0.995 |\n"
        "| Entropy coefficient | 0.01 | 0 |\n| Minibatch size | 256 | 64 |\n| Optimizer | Adam | Adam |\n\n"
        "| Model | Accuracy |\n|---|---|\n| Ours | 0.93 |\n"
    )
    got = _found(md)
    assert got["discount_factor"] == [(0.99, "stated", "Atari"), (0.995, "stated", "MuJoCo")]
    assert got["entropy_coefficient"] == [(0.01, "stated", "Atari"), (0.0, "stated", "MuJoCo")]
    assert got["batch_size"] == [(256.0, "stated", "Atari"), (64.0, "stated", "MuJoCo")]
    assert got["optimizer"] == [("adam", "stated", "Atari"), ("adam", "stated", "MuJoCo")]
    assert "accuracy" not in got and "ours" not in got


def test_captioned_settings_table_with_one_value_column() -> None:
    md = "**Table 3** Hyperparameters of our agent.\n\n| Name | Value |\n|---|---|\n"
    md += "| Replay buffer size | 1M |\n"
    assert _found(md) == {"replay_buffer_size": [(1e6, "stated", None)]}


def test_samples_drawn_and_examples_trained_on_but_not_a_dataset_size() -> None:
    got = _found(
        "When computing FID we produce 50K samples from our models. All models were trained with 153.6M "
        "examples. The dataset comprises 1,000,000 samples with 100 dimensions.\n"
    )
    assert got == {"samples": [(50000.0, "stated", None)], "examples": [(153600000.0, "stated", None)]}


def test_headless_settings_tables_under_a_settings_heading() -> None:
    got = _found(
        "### Training settings\n\n"
        "| Step size $\\alpha$ | $0.003$ |\n|---|---|\n| Batch size | $64$ |\n"
        "| Dropout rate encoder | $0.2$ |\n\n"
        "| $\\epsilon$ decay horizon | 2M frames |\n|---|---|\n| $\\epsilon$ final | $0.05$ |\n"
    )
    assert got["learning_rate"] == [(0.003, "stated", None)]
    assert got["batch_size"] == [(64.0, "stated", None)]
    assert got["dropout"] == [(0.2, "stated", "encoder")]
    assert got["epsilon_decay_horizon"] == [(2e6, "stated", None)]
    assert got["epsilon_end"] == [(0.05, "stated", None)]  # as an annealed epsilon reads


def test_results_table_after_a_sentence_on_hyperparameters_is_not_settings() -> None:
    got = _found(
        "We tuned the hyperparameters on one task only.\n\n"
        "| Task | Mode | Score |\n|---|---|---|\n| Pong | easy | $12.5$ |\n| Seaquest | hard | $340.0$ |\n"
    )
    assert got == {}


def test_symbol_named_otherwise_in_its_sentence_is_a_candidate() -> None:
    got = _found(
        "We search the dropout rate $p \\in \\{0.1, 0.3\\}$.\n\n"
        "Actions repeat with a probability of $p=0.4$ of keeping the last one.\n"
    )
    assert got["dropout"] == [([0.1, 0.3], "stated", None)]
    assert [c for vals in got.values() for v, c, _x in vals if v == 0.4] == ["candidate"]


def test_common_practice_is_a_candidate_and_part_counts_are_counts_of_their_kind() -> None:
    got = _found("Weights are usually initialized at random (e.g., Kaiming initialization).\n")
    assert got and all(c == "candidate" for vals in got.values() for _v, c, _x in vals)
    got = _found("The encoder has four convolutional layers and one recurrent layer and five dense layers.\n")
    assert "num_layers" not in got  # no count of one kind is the network's depth
    assert got["num_conv_layers"] == [(4.0, "stated", None)]
    assert got["num_fc_layers"] == [(5.0, "stated", None)]
    got = _found("The model has 3 hidden layers and 2 output layers.\n")
    assert got["num_layers"] == [(3.0, "stated", None), (2.0, "candidate", None)]


def test_run_lengths_paired_lists_sizes_and_moving_averages() -> None:
    got = _found(
        "Each agent is trained for 20M and 40M frames, then evaluated for 30 episodes.\n\n"
        "The batch sizes for MNIST and for SVHN are 64 and 256.\n\n"
        "We set the token embedding to size 300 and keep a moving average of the weights "
        "with the rate of 0.99.\n"
    )
    assert got["training_frames"] == [([2e7, 4e7], "stated", None)]
    assert got["num_eval_episodes"] == [(30.0, "stated", None)]
    assert got["batch_size"] == [(64.0, "stated", "MNIST"), (256.0, "stated", "SVHN")]  # paired by order
    assert got["embedding_dim"] == [(300.0, "stated", None)]
    assert got["ema_rate"] == [(0.99, "stated", None)]


def test_a_settings_table_with_one_column_per_setting_reads_its_rows_as_experiments() -> None:
    """'| Task | lr | batch size |' over one row per task: each value is its column's setting and the row's
    first cell its context (the task was read as the setting's name)."""
    md = "**Table 2** Training settings per task.\n\n"
    md += "| Task | lr | batch size | dropout |\n|---|---|---|---|\n"
    md += "| MNIST | $10^{-3}$ | 64 | 0.1 |\n| Penn Treebank | 20 | 20 | 0.5 |\n"
    got = _found(md)
    assert got["learning_rate"] == [(1e-3, "stated", "MNIST"), (20.0, "stated", "Penn Treebank")]
    assert got["batch_size"] == [(64.0, "stated", "MNIST"), (20.0, "stated", "Penn Treebank")]
    assert got["dropout"] == [(0.1, "stated", "MNIST"), (0.5, "stated", "Penn Treebank")]
    assert "mnist" not in got and "penn_treebank" not in got


def test_group_rows_and_one_word_headings_of_a_settings_table() -> None:
    """A LaTeX table's group rows (`\\multicolumn{8}{l}{MLP}`) split its rows into runs under one header; a
    heading cut to 'Batch' is the batch size."""
    md = "**Table 1** Architectures and training parameters.\n\n"
    md += "|  | Data | Hidden Dim. | Batch | Epochs |\n|---|---|---|---|---|\n"
    md += "| **MLP** |  |  |  |  |\n|  | Synthetic | 32 | - | 100 |\n|  | Real-World | 64 | 500 | 100 |\n"
    md += "| **VAE** |  |  |  |  |\n|  | Synthetic | 32 | - | 100 |\n|  | Real-World | 32 | - | 250 |\n"
    got = _found(md)
    assert got["batch_size"] == [(500.0, "stated", "MLP Real-World")]
    assert (250.0, "stated", "VAE Real-World") in got["epochs"]
    assert (64.0, "stated", "MLP Real-World") in got["hidden_size"]


def test_a_table_of_search_ranges_reads_symbol_rows_sets_and_ranges() -> None:
    md = "**Table 6** The hyperparameters and their ranges used in hyperparameter optimization.\n\n"
    md += "| Hyperparameter | Range |\n| --- | --- |\n| b | {2, . . . , 128} |\n| λ | [1.0 − 0.000001] |\n"
    md += "| number of epochs | {5, . . . , 50} |\n| bagging ratio | [0.5 − 1.0] |\n"
    got = _found(md)
    assert got["b"] == [([2.0, 128.0], "stated", None)] and got["lambda"] == [([1.0, 1e-6], "stated", None)]
    assert got["epochs"] == [([5.0, 50.0], "stated", None)]
    assert got["bagging_ratio"] == [([0.5, 1.0], "stated", None)]


def test_a_results_table_under_a_training_details_heading_is_no_settings_table() -> None:
    md = "## B Further Training Details\n\nWe list the settings below.\n\n"
    md += "Table 4: The average accuracy over all validation checkpoints.\n"
    md += "|  | Top-P | Beam | Mixed |\n| --- | --- | --- | --- |\n| No Tuning | 67.5 | 67.5 | 67.5 |\n"
    md += "| +PG | 53.2 | 52.0 | 52.4 |\n\n"
    md += "Table 7: Learning rates used per tuning technique.\n"
    md += "| LM Tuning Technique | Learning Rate |\n| --- | --- |\n| AllTune | 0.00001 |\n| LoRA | 0.0001 |\n"
    got = _found(md)
    assert got.pop("learning_rate") == [(1e-05, "stated", "AllTune"), (0.0001, "stated", "LoRA")]
    # the results table's columns name decoding variants: their accuracies are at most candidates
    assert all(c == "candidate" for rows in got.values() for _v, c, _x in rows)


def test_rows_labelled_by_a_model_variant_give_each_column_its_setting() -> None:
    md = "Table 7: Details of the model variants.\n\n|  | Layers | Heads |\n| --- | --- | --- |\n"
    md += "| Tiny (T) | 12 | 3 |\n| Small (S) | 12 | 6 |\n"
    got = _found(md)
    assert got["num_layers"] == [(12.0, "stated", "Tiny (T)"), (12.0, "stated", "Small (S)")]
    assert got["num_heads"] == [(3.0, "stated", "Tiny (T)"), (6.0, "stated", "Small (S)")]


def test_model_sizes_in_a_table_of_compared_models_are_candidates() -> None:
    md = "## 5 Experiments\n\n| Architecture | Representation | Parameters | Test Perplexity |\n"
    md += "| --- | --- | --- | --- |\n| LSTM | one-hot | 34,011,600 | 120.16 |\n"
    md += "| GCRN-M1 | one-hot | 42,011,602 | 98.67 |\n"
    got = _found(md)
    assert [c for _v, c, _x in got["num_parameters"]] == ["candidate", "candidate"]


def test_a_table_of_methods_in_a_hyperparameter_section_is_results() -> None:
    md = "## 5.1.5 Training Hyper-parameters\n\nThe hyper-parameters are listed in Table 1.\n\n"
    md += "**Table 3** SFT Performance comparison under controlled experimental settings.\n\n"
    md += "| **Method** | **Setting** | **CFBench** |\n|---|---|---|\n"
    md += "| Baseline | - | 0.51 |\n| DIR-10K | Re-run | 0.61 |\n"
    assert _found(md) == {}


def test_a_table_of_dataset_statistics_gives_no_settings() -> None:
    md = "**Table 1** Datasets.\n\n|  | #labels | #features | #test | #train |\n"
    md += "| --- | --- | --- | --- | --- |\n"
    md += "| RCV1 | 103 | 477454 | 23149 | 781265 |\n| EUR-lex | 3791 | 161070 | 11585 | 3865 |\n"
    assert _found(md) == {}


def test_a_paragraph_above_a_plots_ticks_is_still_read_as_prose() -> None:
    """A paragraph naming the data ('samples', 'nodes') right above rows of a plot's tick labels: the
    check for dataset tables must not drop the paragraph's own settings."""
    md = "## 6 Experiments\n\nThe agent samples nodes and users, and both methods run with a budget n = 5460 "
    md += "and discount γ = 0.95 over the grid.\n"
    md += "| 20 | OPD | 20 | GBOP-D |\n| 15 | 15 | 103 |\n| 5 | 5 | 102 |\n"
    got = _found(md)
    assert got["budget"] == [(5460.0, "stated", None)] and got["discount_factor"] == [(0.95, "stated", None)]


def test_the_caption_under_a_settings_table_does_not_make_the_next_table_settings() -> None:
    """A settings table's caption set under it ('Table 3: Hyperparameters ...'), then a results table: the
    caption was read as the results table's, whose rows became settings ('rl = 24K')."""
    md = "## B. Hyperparameters\n| Discount factor | 0.995 |\n| --- | --- |\n"
    md += "| Entropy coefficient | 0.01 |\n\n"
    md += "Table 3: Hyperparameters used in PPO\n<!-- page 14 -->\n## C. Bin Packing Results\n"
    md += "Algorithm Perfect Pack Bounded Waste\n| RL with PP | -39.4 | 15.1 |\n| --- | --- | --- |\n"
    md += "| RL with BW | -57K | 24K |\n"
    assert set(_found(md)) == {"discount_factor", "entropy_coefficient"}
