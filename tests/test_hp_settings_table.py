"""Pipe tables of settings whose layout is not 'name | value' (hp_settings_table.py): a first column that
groups rows, a symbol column, a 'Value' column; tables whose header row the page lost; and the captions that
mark a table as settings without marking a table of results."""

from __future__ import annotations

from hp_found import found

GROUPED = """Table 1: Experiment configuration.

|  | **DESCRIPTION** | **SYMBOL** | **VALUE** |
|---|---|---|---|
|  | Start state | $s_0$ | $[2.0, -2.5]$ |
| Policy $\\pi$ | Horizon | $T$ | $15$ |
|  | Batch size | ${N}_b$ | $64$ |
| Optimiser | Learning rate | N/A | $0.01$ |
|  | Num expert samples | N/A | $1$ |
"""


def test_a_grouped_table_reads_its_value_column_only() -> None:
    got = found(GROUPED, context=True)
    assert got["horizon"] == [(15.0, "stated", None)] and got["batch_size"] == [(64.0, "stated", None)]
    assert got["learning_rate"] == [(0.01, "stated", None)]
    assert got["start_state"] == [([2.0, -2.5], "stated", None)]
    # 'Num expert samples' counts samples; a table's 1 is as plain as any other value
    assert got["expert_samples"] == [(1.0, "stated", None)] and "num_experts" not in got


HEADLESS = """Table 1: Experiment configuration and parameter settings.

| Exploration weight (initial) | β0 | 10.0 |
| --- | --- | --- |
| Batch size | Nb | 64 |
| Learning rate | N/A | 0.01 |
| Epsilon | N/A | 1 × 10−8 |
"""


def test_a_table_whose_header_row_is_a_setting() -> None:
    got = found(HEADLESS)
    assert got["exploration_weight_start"] == [(10.0, "stated")]  # one key for where a schedule starts
    assert got["batch_size"] == [(64.0, "stated")] and got["learning_rate"] == [(0.01, "stated")]
    assert got["epsilon"] == [(1e-8, "stated")]


def test_parameter_settings_in_a_results_caption_do_not_make_settings() -> None:
    """An ablation's caption names 'parameter settings': its header's settings are the paper's, its cells
    are results."""
    md = """Table 4: Results under different parameter settings.

| Model | Batch size 32 | Batch size 64 |
| --- | --- | --- |
| Ours | 71.2 | 73.5 |
"""
    got = found(md)
    assert got["batch_size"] == [(32.0, "stated"), (64.0, "stated")]
    assert not [k for k, v in got.items() if any(x in (71.2, 73.5) for x, _ in v)]


def test_a_results_caption_that_mentions_hyperparameters_later_makes_no_settings() -> None:
    """'Training duration ... in seconds. ... including hyperparameter optimization': the caption is about a
    result, its columns name no setting; the same words under columns that name settings keep them."""
    rows = "| Imputation Method | Training Duration | Rel. SD |\n| --- | --- | --- |\n"
    rows += "| k-NN | 41.204 | 0.254 |\n"
    caption = (
        "Table 7. Training duration for each imputation method in seconds. The durations include "
        "hyperparameter optimization.\n"
    )
    assert found("## 5.3 Complexity\n\n" + rows + "\n" + caption) == {}
    rows = "| Dataset | Model | # Layers | Accuracy |\n| --- | --- | --- | --- |\n"
    rows += "| CIFAR-10 | ViT | 8 | 86.4 |\n"
    caption = "Table 1: Classification accuracy on CIFAR-10. Each training configuration is run 10 times.\n"
    assert found("## 4 Experiments\n\n" + rows + "\n" + caption)["num_layers"] == [(8.0, "stated")]


def test_a_value_column_is_not_taken_from_a_table_without_a_name_column() -> None:
    """'| Model | Parameters | Value |' lists models: 'Parameters' names no setting column here."""
    md = """Table 2: Models compared.

| Model | Parameters | Value |
| --- | --- | --- |
| ResNet-50 | 25M | 76.1 |
"""
    assert not [k for k, v in found(md).items() if any(c == "stated" for _, c in v)]


def test_a_latex_size_suffix_in_maths_keeps_the_row_a_data_row() -> None:
    """'$5.5 \\mathrm{M}$' prints as 5.5M: with the space kept, the row was no table row at all."""
    md = """**Table 7** Details of the model variants.

| Variants | Settings |  |  |
|---|---|---|---|
|  | Layers | Heads | #Param |
| Tiny (T) | 12 | 3 | $5.5 \\mathrm{M}$ |
| Small (S) | 12 | 6 | $21.7 \\mathrm{M}$ |
"""
    got = found(md, context=True)
    assert got["num_heads"] == [(3.0, "stated", "Tiny (T)"), (6.0, "stated", "Small (S)")]


def test_name_value_pairs_set_side_by_side() -> None:
    md = """## B Bin Packing - HyperParameters

| Discount factor | 0.995 | KL coefficient | 1.0 |
|---|---|---|---|
| Experience Buffer | 320000 | Learning rate | 0.0001 |
| Entropy coefficient | 0 | # Workers | 31 |
| Episode length | 10000 | clip param | 0.3 |
"""
    got = found(md, context=True)
    assert got["discount_factor"] == [(0.995, "stated", None)]
    assert got["kl_coefficient"] == [(1.0, "stated", None)]
    assert got["learning_rate"] == [(0.0001, "stated", None)] and got["clip_param"] == [(0.3, "stated", None)]
    assert got["max_episode_steps"] == [(10000.0, "stated", None)]


def test_a_symbol_after_one_generic_word_tells_two_settings_apart() -> None:
    rows = "| Lora α | 32 |\n| Lora r | 8 |\n| Discount γ | 0.99 |\n"
    md = "Table 6: Hyperparameters.\n\n| Name | Value |\n| --- | --- |\n" + rows
    got = found(md)
    assert got["lora_alpha"] == [(32.0, "stated")] and got["lora_r"] == [(8.0, "stated")]
    assert got["discount_factor"] == [(0.99, "stated")]


def test_a_flattened_name_value_table_run_into_its_caption() -> None:
    """A PDF dump wrote the table's caption, its 'Name Value' header and its rows on a few lines."""
    md = (
        "Table 4: Continuous OT hyper-parameters. Name Value Meta batch size (for α, β) 8\n"
        "Inner batch size (to estimate L) 1024 Cycle loss weight (γ) 3.\n"
        "Adam learning rate 1e-3\n"
        "MLP Hidden Sizes [1024, 1024, 1024] Max grad norm (for clipping) 1.\n"
    )
    got = found(md, context=True)
    assert got["meta_batch_size"] == [(8.0, "stated", None)]
    assert got["cycle_loss_weight"] == [(3.0, "stated", None)]
    assert got["learning_rate"] == [(0.001, "stated", "Adam")]
    assert got["gradient_clipping"] == [(1.0, "stated", None)]
    assert got["hidden_size"] == [([1024.0, 1024.0, 1024.0], "stated", "MLP")]  # the part's own widths


def test_latex_row_names_with_an_aside_a_count_and_a_grid_with_dots() -> None:
    md = r"""**Table 6** The hyperparameters and their ranges.

| Hyperparameter | Range |
|---|---|
| Inner batch size (to estimate ${\mathcal{L}}$) | 1024 |
| number of epochs | $\{ 5, \dots , 50\}$ |
| number of PLTs in ensemble | $\{ 3, \dots , 5\}$ |
"""
    got = found(md, context=True)
    assert got["inner_batch_size"] == [(1024.0, "stated", "to estimate L")]
    assert got["epochs"] == [([5.0, 50.0], "stated", None)]
    assert got["num_plts"] == [([3.0, 4.0, 5.0], "stated", "in ensemble")]  # the dots stand for 4


def test_a_settings_table_under_a_caption_that_lost_its_number_and_code_values() -> None:
    md = """Hyper-parameters for SFT and GRPO experiments.
Configuration Value Hyper-parameter setting for SFT
| Max Sequence Length | 4096 |
| --- | --- |
| LR Scheduler | cosine decay |
| Mixed Precision | bf16 |
| DeepSpeed ZeRO Stage | stage 2 |
| Constant mean | cf1 | 0.5 |
"""
    got = found(md)
    assert got["lr_schedule"] == [("cosine decay", "stated")]
    assert got["mixed_precision"] == [("bf16", "stated")]
    assert got["deepspeed_zero_stage"] == [("stage 2", "stated")]
    assert got["constant_mean"] == [(0.5, "stated")]  # 'cf1' before the value is its symbol


def test_an_uncaptioned_table_whose_rows_name_settings_and_its_per_update_and_layer_rows() -> None:
    md = (
        "| | CIFAR-10 | ImageNet |\n| --- | --- | --- |\n| Batch size | 128 | 1024 |\n"
        "| Base LR | 0.1 | 0.4 |\n| Weight decay | 5e-4 | 1e-4 |\n| LR schedule | cosine | step |\n\n"
        "Table 5: PPO.\n\n| Hyperparameter | Value |\n| --- | --- |\n| Number of epochs per update | 10 |\n"
        "| Hidden layers | 2 × 64 |\n| Total timesteps | 1M |\n"
    )
    got = found(md, context=True)
    assert got["learning_rate"] == [(0.1, "stated", "CIFAR-10"), (0.4, "stated", "ImageNet")]
    assert got["weight_decay"] == [(5e-4, "stated", "CIFAR-10"), (1e-4, "stated", "ImageNet")]
    assert got["lr_schedule"] == [("cosine", "stated", "CIFAR-10"), ("step", "stated", "ImageNet")]
    assert got["epochs_per_update"] == [(10.0, "stated", None)]
    assert got["num_layers"] == [(2.0, "stated", None)] and got["hidden_size"] == [(64.0, "stated", None)]
    assert got["training_steps"] == [(1e6, "stated", None)]
    assert "epochs" not in got and "diffusion_steps" not in got


def test_a_flattened_table_under_its_own_header_line() -> None:
    md = (
        "Table 5: Hyperparameters for all experiments.\n\nHyperparameter Value\nLearning rate 3 × 10−4\n"
        "Discount γ 0.99\nTarget smoothing coefficient τ 0.005\nNumber of hidden layers 2\n"
        "Hidden units per layer 256\n\nThe encoder is trained as described above.\n"
    )
    got = found(md)
    assert got["learning_rate"] == [(3e-4, "stated")]
    assert got["discount_factor"] == [(0.99, "stated")]
    assert got["target_smoothing_coefficient"] == [(0.005, "stated")]
    assert got["num_layers"] == [(2.0, "stated")] and got["hidden_size"] == [(256.0, "stated")]


def test_an_architecture_table_reads_one_row_per_layer() -> None:
    md = (
        "Table 6: Network architecture.\n\n| Layer | Kernel size | Stride | Output channels |\n"
        "| --- | --- | --- | --- |\n| conv1 | 3 × 3 | 1 | 64 |\n| conv2 | 3 × 3 | 2 | 128 |\n\n"
        "Table 7: Accuracy of each architecture.\n\n| Model | Depth | Top-1 |\n| --- | --- | --- |\n"
        "| A | 18 | 70.1 |\n| B | 50 | 76.0 |\n"
    )
    got = found(md, context=True)
    assert got["kernel_size"] == [("3 × 3", "stated", "conv1"), ("3 × 3", "stated", "conv2")]
    assert got["stride"] == [(1.0, "stated", "conv1"), (2.0, "stated", "conv2")]
    assert got["base_channels"] == [(64.0, "stated", "conv1"), (128.0, "stated", "conv2")]
    assert [c for _v, c, _x in got["num_layers"]] == ["candidate", "candidate"]  # a results table


OPTIONS = """Table 3: Hyperparameters for the training procedure

| Hyperparameters | Description | Value |
| --- | --- | --- |
| epochs | Number of training epochs | 100 |
| lr0 | Initial learning rate | 0.01 |
| optimizer | Optimizer used for training | auto |
| hsv\\_h | Altering the hue value of the image | 0.015 |
| copy_paste | Copying objects across images with the given probability | 0.3 |
"""


def test_a_table_of_code_options_keys_each_row_by_its_code_name() -> None:
    got = found(OPTIONS)
    # the option a config sets, not the words that describe it ('Altering the hue value ...')
    assert got["hsv_h"] == [(0.015, "stated")] and got["copy_paste"] == [(0.3, "stated")]
    # a known setting keeps its key, from the code name or else from the description ('lr0')
    assert got["epochs"] == [(100.0, "stated")] and got["learning_rate"] == [(0.01, "stated")]
    assert got["optimizer"] == [("auto", "stated")]
    assert not any(k.startswith(("altering", "copying", "number_of")) for k in got)


def test_a_described_table_of_worded_names_still_reads_the_description() -> None:
    table = OPTIONS.replace("hsv\\_h", "Colour").replace("copy_paste", "Copy").replace("lr0", "Rate")
    got = found(table.replace("| epochs |", "| Length |"))
    assert "hsv_h" not in got and "copy_paste" not in got
    assert got["learning_rate"] == [(0.01, "stated")]  # 'Initial learning rate': the description names it


def test_an_appendix_after_the_references_is_read() -> None:
    markdown = (
        "## References\n\n- A. Author. Adam: a method. 2015. Learning rate of 0.1 in their paper.\n\n"
        f"## Appendix\n\n{OPTIONS}"
    )
    got = found(markdown)
    assert got["hsv_h"] == [(0.015, "stated")]
    assert got["learning_rate"] == [(0.01, "stated")]  # the reference's own 0.1 stays unread


def test_a_data_table_under_a_hyperparameter_heading_states_no_settings() -> None:
    markdown = (
        "## 2.3 Hyperparameter Optimization\n\n**Table 4** Evaluated software projects\n\n"
        "| Project | Train versions | Test versions | Training Buggy % |\n|---|---|---|---|\n"
        "| ivy | 1.1, 1.4 | 2.0 | 22.4 |\n| lucene | 2.0, 2.2 | 2.4 | 53.2 |\n\n"
        "| Setting | Value |\n|---|---|\n| Learning rate | 0.01 |\n"
    )
    got = found(markdown)
    assert "ivy" not in got and "lucene" not in got
    assert got["learning_rate"] == [(0.01, "stated")]  # a table whose rows name settings still is one


def test_a_table_whose_heading_row_is_a_setting_with_a_matrix_value() -> None:
    md = """Table 1: Experiment configuration.

| Terminal state weight | H | diag([100, 100]) |
| --- | --- | --- |
| State weight | Q | diag([1, 1]) |
| Constraint level | δ | 0.3 |
"""
    got = found(md, context=True)
    assert got["terminal_state_weight"] == [("diag([100, 100])", "stated", None)]
    assert got["state_weight"] == [("diag([1, 1])", "stated", None)]
    assert got["constraint_level"] == [(0.3, "stated", None)]  # the first row is no column heading


def test_a_whole_number_printed_with_its_point_is_a_value() -> None:
    md = "Table 4: Hyperparameters.\n\n| Hyperparameter | Value |\n|---|---|\n"
    md += "| Max grad norm | 1. |\n| Epochs | 3 |\n"
    got = found(md, context=True)
    assert got["gradient_clipping"] == [(1.0, "stated", None)] and got["epochs"] == [(3.0, "stated", None)]


def test_a_caption_between_two_tables_heads_the_one_below() -> None:
    md = (
        "**Table 4** Hyperparameters of our models.\n\n| Dataset | Epochs | Batch size |\n|---|---|---|\n"
        "| Moons | 100 | 64 |\n\n**Table 5** Accuracy of our models on each dataset.\n\n"
        "| Dataset | Model | Accuracy |\n|---|---|---|\n| Moons | MLP | 0.99 |\n\n"
        "**Table 6** Generator hyperparameters: the step size η and the penalty strengths.\n\n"
        "| Dataset | η | λ_1 | SGLD steps | Sample size |\n|---|---|---|---|---|\n"
        "| Moons | 0.05 | 0.1 | 30 | 2500 |\n"
    )
    got = found(md, context=True)
    assert got["epochs"] == [(100.0, "stated", "Moons")] and got["batch_size"] == [(64.0, "stated", "Moons")]
    assert "moons" not in got  # the accuracy table is results, whatever caption follows it
    assert got["learning_rate"] == [(0.05, "stated", "Moons")]
    assert got["lambda1"] == [(0.1, "stated", "Moons")]
    assert got["sgld_steps"] == [(30.0, "stated", "Moons")]
    assert "sample_size" not in got  # the data's size, no setting


def test_a_two_row_header_run_into_one_cell_keeps_its_setting() -> None:
    md = (
        "| Dataset | Network Hidden Layers | Architecture Activation | Training Epochs "
        "| Training Batch Size |\n"
        "|---|---|---|---|---|\n| Moons | 3 | relu | 100 | 128 |\n| Circles | 2 | swish | 50 | 64 |\n"
    )
    got = found(md)
    assert got["num_layers"] == [(3.0, "stated"), (2.0, "stated")]
    assert got["activation"] == [("relu", "stated"), ("swish", "stated")]
    assert got["batch_size"] == [(128.0, "stated"), (64.0, "stated")]


def test_one_symbol_however_written_is_one_name() -> None:
    from tools.analysis.hyperparams import names_match

    assert names_match("λ_1", "lambda_1") and names_match("lambda_{1}", "lambda1")
    assert not names_match("lambda_1", "lambda_2") and not names_match("w_pred", "w_step")


COLUMNS_PER_SETTING = """## C Algorithm Details

|  | Model | minibatch size | regularization parameter | number iterations | negative samples |
| --- | --- | --- | --- | --- | --- |
| neuro | G-EMB | 100 | 10 | 500 | n/a |
| shopping | all models | n/a | 1 | 3000 | 10 |
| movies | all models | 64 | 1 | 2000 | 10 |

Table 5: Algorithm details for the models studied in Section 3.
"""


def test_a_table_with_empty_cells_and_word_labels_reads_each_column() -> None:
    # 'n/a' is an empty cell and 'all models' a label: the rows stay rows; 'number iterations' is a heading
    # cut short ('number of iterations')
    got = found(COLUMNS_PER_SETTING, context=True)
    assert got["batch_size"] == [(100.0, "stated", "neuro"), (64.0, "stated", "movies")]
    assert got["training_steps"] == [
        (500.0, "stated", "neuro"), (3000.0, "stated", "shopping"), (2000.0, "stated", "movies")
    ]
    assert all(value != "n/a" for rows in got.values() for value, *_ in rows)


def test_a_table_with_a_column_per_layer_gives_each_rows_value_per_layer() -> None:
    md = (
        "Table 1: Dimensions for the conv layers.\n\n"
        "| Layer | conv1 | pool1 | conv2 |\n|---|---|---|---|\n| # Filters | 32 | 32 | 64 |\n"
        "| Filter Length | 64 | 4 | 32 |\n| Stride | 2 | 4 | 2 |\n\n"
        "Table 2: Accuracy of each layer's probe.\n\n"
        "| Layer | 1 | 2 | 3 |\n|---|---|---|---|\n| Probe | 0.61 | 0.72 | 0.80 |\n"
    )
    got = found(md, context=True)
    assert got["stride"] == [(2.0, "stated", "conv1"), (4.0, "stated", "pool1"), (2.0, "stated", "conv2")]
    assert [v for v, *_ in got["filter_length"]] == [64.0, 4.0, 32.0]
    assert "probe" not in got  # layers named by numbers only: no network's columns


ESTIMATES = """#### 5.3 Posterior means

| Parameter | MCMC | MFVB | MCMC std. err. |
|---|---|---|---|
| $\\beta_{1}$ | 1.454 | 1.447 | 0.02067 |
| $\\beta_{2}$ | 0.031 | 0.033 | 0.00025 |
| $\\tau$ | 0.892 | 0.823 | 0.00051 |

**Table 2** Results for the estimation of the posterior means
"""


def test_a_parameter_column_over_estimates_is_no_settings_table() -> None:
    got = found(ESTIMATES)
    assert not {"beta1", "beta2", "tau"} & set(got)
    # the same table captioned as settings is read
    settings = ESTIMATES.replace("Results for the estimation of the posterior means", "Training settings.")
    assert found(settings)["tau"]


SCORES = """**Table 4** GLUE scores for the baseline and its sparse variants.

| Name | Overall | BoolQ | CoLA |
|---|---|---|---|
| Baseline | 0.503 | 0.510 | 0.504 |
| Sparse MoE ($k=2$) | 0.510 | 0.488 | 0.488 |
| Sparse MoE ($k=3$) | 0.503 | 0.497 | 0.510 |
"""

TIMES = """**Table 3** Inference speed of the dense and sparse layers, in milliseconds.

| Model | Mean (ms) | Standard deviation (ms) |
|---|---|---|
| FFN | 12.83 | 0.10 |
| MoE ($k=1$) | 16.14 | 0.07 |
"""


def test_a_table_of_models_compared_is_no_settings_table() -> None:
    got = found(SCORES)
    assert not {"overall", "boolq", "cola", "baseline", "sparse_moe"} & set(got)
    got = found(TIMES)
    assert got["ffn_dim"] == [(12.83, "candidate"), (0.1, "candidate")]


ABLATION = """**Table 3** Ablation studies on the test split.

| Configuration | NDCG@10 | $\\Delta$ |
|---|---|---|
| Full model (ours) | 0.4518 | – |
| w/o masking | 0.4192 | -0.0326 |
"""

DATASETS = """| Dataset | Training Set | Testing Set | # Features |
|---|---|---|---|
| cadata | 10,000 | 10,640 | 8 |
| gisette | 6,000 | 1,000 | 5,000 |
"""


def test_an_ablation_of_configurations_and_a_table_of_datasets_hold_no_settings() -> None:
    assert not {"full_model", "w_o_masking", "ndcg_10"} & set(found(ABLATION))
    assert "num_features" not in found(DATASETS)
    # a name/value table stays one of settings whatever its caption says
    settings = "**Table 6** Settings behind the results in Table 2.\n\n| Setting | Value |\n|---|---|\n"
    assert found(settings + "| Learning rate | 0.001 |\n")["learning_rate"] == [(0.001, "stated")]


PER_DATASET = """#### Implementation details

| **Dataset** | **FFHQ256** | **MNIST** |
|---|---|---|
| Dataset Size | $60,000$ | $60,000$ |
| Codebook Size | $1024$ | $256$ |
| Unroll Steps | 3 | 2 |
| Shorten Factor | 4 | 4 |

**Table 2** Table of parameters for all training experiments.
"""


def test_a_table_of_parameters_for_the_training_runs_is_read_without_its_data_rows() -> None:
    got = found(PER_DATASET, context=True)
    assert got["codebook_size"] == [(1024.0, "stated", "FFHQ256"), (256.0, "stated", "MNIST")]
    assert got["shorten_factor"] == [(4.0, "stated", "FFHQ256"), (4.0, "stated", "MNIST")]
    assert "dataset_size" not in got


METRICS = """**Table 2** The controller of the margin loss on VOC.

| Parameters | AP | AP$_{50}$ | AP$_{75}$ |
|---|---|---|---|
| $\\delta_{s}$=3, $\\delta_{m}$=0 | 54.98 | 78.01 | 59.81 |
| + Controller | 55.03 | 78.24 | 59.76 |
"""


def test_a_table_whose_columns_are_metrics_holds_results() -> None:
    got = found(METRICS)
    assert "controller" not in got and "ap" not in got
