"""Forms read in the twenty-eighth round, each sentence written here in words of our own."""

from __future__ import annotations

from pathlib import Path

from hp_found import found

from tools.analysis.hyperparams import find_hyperparameters
from tools.ingest.latex.document import convert_source


def test_a_remark_column_is_read_as_prose_about_its_row():
    """'| Setting | Value | Remark |': the remark is a sentence about the row's setting, not a value."""
    text = (
        "## 3 Training\n\n**Table 1** Implementation details.\n\n"
        "| Property | Values | Remark |\n|---|---|---|\n"
        "| Momentum | 0.9 | Nesterov momentum |\n"
        "| Learning rate | 0.05 | Divided by 5 at 30, 60 and 90 epochs |\n"
        "| Optimiser | SGD | Told to us by the authors |\n"
    )
    got = found(text)
    assert got["momentum"] == [(0.9, "stated")]
    assert got["learning_rate"] == [(0.05, "stated")]
    assert got["lr_decay"] == [(0.2, "stated")]
    assert got["lr_milestones"] == [([30.0, 60.0, 90.0], "stated")]
    assert got["optimizer"] == [("sgd", "stated")]
    (decay,) = [h for h in find_hyperparameters(text) if h.key == "lr_decay"]
    assert decay.quote == "| Learning rate | 0.05 | Divided by 5 at 30, 60 and 90 epochs |"


def test_a_strut_in_a_latex_table_cell_prints_nothing(tmp_path: Path):
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\\begin{document}\n\\section{Setup}\n"
        "\\begin{tabular}{ll}\\rule{0pt}{1\\normalbaselineskip}Batch size & 64\\\\\n"
        "\\rule[-2pt]{0pt}{10pt}Epochs & 30\\\\\\end{tabular}\n\\end{document}\n"
    )
    md = convert_source(tmp_path).markdown
    assert "| Batch size | 64 |" in md and "| Epochs | 30 |" in md
    assert "0pt" not in md


def test_a_results_table_with_two_header_rows_is_not_read_as_settings():
    """The caption sits above the first of two header rows; it calls the table's numbers results."""
    text = (
        "## 6 Experiments\n\n**Table 1** Total regret over the runs; our method outperforms the baseline.\n\n"
        "|  | *Chain* | *Chain* |\n|---|---|---|\n"
        "| *Algorithm* | *episodic* | *infinite horizon* |\n"
        "| Ours | $2.1 \\times 10^3$ | $5.5 \\times 10^2$ |\n"
        "| Baseline | $4.0 \\times 10^3$ | $9.7 \\times 10^2$ |\n"
    )
    assert all(c == "candidate" for rows in found(text).values() for _, c in rows)


def test_repeating_an_experiment_for_iterations_counts_runs():
    got = found("## 5 Setup\n\nErrors are found by repeating each trial independently for 300 iterations.\n")
    assert got == {"num_runs": [(300.0, "stated")]}
    got = found("## 5 Setup\n\nWe repeat the inner update for 4 iterations.\n")
    assert "num_runs" not in got


def test_a_setting_not_used_is_no_setting():
    got = found("## 4 Setup\n\nUnlike the original code, we did not use layer normalization.\n")
    assert got["normalization"] == [("layer normalization", "candidate")]


def test_a_hyphenated_leaky_rectifier_is_not_a_rectifier():
    got = found("## 4 Setup\n\nAll hidden layers use leaky-relu non-linearities.\n")
    assert got["activation"] == [("leaky relu", "stated")]


def test_an_epoch_timed_with_another_setting_gives_no_epoch_count():
    """'One epoch with K = 8 took about 40 seconds': K is its own setting and one epoch is a unit of time."""
    got = found("## 5 Cost\n\nOne epoch with $K = 8$ took about 40 seconds on our GPU.\n")
    assert got.get("epochs", []) in ([], [(1.0, "candidate")])
    assert got["K"] == [(8.0, "candidate")]


def test_scores_over_the_ultimate_epochs_are_a_window():
    got = found("## 5 Results\n\nTable 2 lists the loss averaged over the ultimate 25 epochs.\n")
    assert got.get("epochs", []) in ([], [(25.0, "candidate")])


def test_a_measure_of_a_named_setting_after_with():
    got = found("## 4 Setup\n\nWe used gradient clipping with a maximum threshold of 2.\n")
    assert got["gradient_clipping"] == [(2.0, "stated")]
    got = found("## 4 Setup\n\nGradient clipping with a max norm of 0.5 keeps training stable.\n")
    assert got["gradient_clipping"] == [(0.5, "stated")]


def test_a_table_the_text_sends_the_reader_to_for_settings_lists_settings():
    """The table floated above its section and its caption names no settings; the section's sentence does."""
    table = (
        "**Table 2** Fine points of our runs.\n\n| Item | Choice |\n|---|---|\n"
        "| Framework | JAX |\n| Crop jitter | 4 |\n| Mixing weight | 0.3 |\n\n"
    )
    sends = "## 4 Training\n\nWe follow the original code; the remaining details are given in Table 2.\n"
    got = found("## 3 Method\n\n" + table + sends)
    assert got["crop_jitter"] == [(4.0, "stated")]
    assert got["mixing_weight"] == [(0.3, "stated")]
    results = "## 4 Training\n\nThe accuracy of each variant is given in Table 2.\n"
    assert found("## 3 Method\n\n" + table + results) == {}


def test_a_deviation_set_as_a_subscript_marks_a_measured_cell():
    """'$0.41_{0.05}$' is a mean with its deviation (a result), so the rows are runs and the columns before
    the metrics name the settings each run used."""
    text = (
        "## 5 Experiments\n\n**Table 3** Runs on the retina data.\n\n"
        "| BS | LR | QWK | MAE |\n|---|---|---|---|\n"
        "| 8 | $10^{-2}$ | $0.41_{0.05}$ | $0.18_{0.02}$ |\n"
        "| 8 | $10^{-3}$ | $0.53_{0.03}$ | $0.14_{0.01}$ |\n"
        "| 16 | $10^{-3}$ | $0.55_{0.02}$ | $0.13_{0.01}$ |\n"
    )
    got = found(text)
    assert [v for v, _ in got["batch_size"]] == [8.0, 16.0]
    assert [v for v, _ in got["learning_rate"]] == [0.01, 0.001]
    assert not any(k in got for k in ("qwk", "mae"))


def test_rule_widths_and_rotated_labels_print_nothing_of_their_own(tmp_path: Path):
    """`\\midrule[0.4mm]` prints no '[0.4mm]' and `\\rotatebox{90}{Pong}` prints 'Pong', not '90Pong'."""
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\\begin{document}\n\\section{Results}\n"
        "\\begin{tabular}{lll}\\toprule[1pt] Game & Mode & Score\\\\ \\midrule[0.4mm]\n"
        "\\multirow{2}{*}{\\rotatebox{90}{Pong}} & m0 & 3.5\\\\\n & m1 & 2.0\\\\ \\bottomrule[1pt]\n"
        "\\end{tabular}\n\\end{document}\n"
    )
    md = convert_source(tmp_path).markdown
    assert "| Pong | m0 | 3.5 |" in md and "| Game | Mode | Score |" in md
    assert "mm]" not in md and "pt]" not in md


def test_a_name_whose_symbol_the_pdf_lost_is_a_candidate():
    """'� initial' (a PDF that could not print ε): the row's value is shown, its setting left to confirm."""
    text = (
        "## B Settings\n\n**Table 3** Hyperparameters.\n\n| Hyperparameter | Value |\n|---|---|\n"
        "| \ufffd initial | 1.0 |\n| \ufffd final | 0.05 |\n| Learning rate | 0.002 |\n"
    )
    got = found(text)
    assert got["initial"] == [(1.0, "candidate")] and got["final"] == [(0.05, "candidate")]
    assert got["learning_rate"] == [(0.002, "stated")]


def test_a_chain_of_symbols_set_to_one_value_sets_each():
    got = found("## 3 Pendulum\n\nFor simplicity we keep $m_1 = m_2 = g = 1$ in every run.\n")
    assert got == {"m1": [(1.0, "stated")], "m2": [(1.0, "stated")], "g": [(1.0, "stated")]}
    got = found("## 3 Prior\n\nWe set $\\mu = \\sigma^2 = 4$ for the prior.\n")
    assert got == {"mu": [(4.0, "stated")], "sigma_squared": [(4.0, "stated")]}


def test_a_setting_the_paper_has_not_used_and_one_epoch_as_a_subject():
    got = found("## 5 Results\n\nThis may explain it, since we have not used layer normalization here.\n")
    assert got == {"normalization": [("layer normalization", "candidate")]}
    text = "## 5 Cost\n\nThe data set is large. One epoch with the large model took a while on the cluster.\n"
    assert found(text) == {"epochs": [(1.0, "candidate")]}


def test_subsections_of_related_work_describe_others():
    text = (
        "# Paper\n\n## 2 Related work\n\nEarlier systems were trained with a dropout of 0.4.\n\n"
        "### 2.1 Ordinal losses\n\nThey found that average pooling and a dropout of 0.3 work well.\n\n"
        "## 3 Method\n\nWe use max pooling.\n\n### 3.1 Training\n\nThe dropout is 0.1.\n"
    )
    got = found(text)
    assert got == {"pooling": [("max", "stated")], "dropout": [(0.1, "stated")]}


def test_a_count_of_generated_data_is_a_candidate():
    text = "## 3 Data\n\nWe generate 300 trajectories with 50 frames each.\n\nWe sample 64 paths per step.\n"
    got = found(text)
    assert got["trajectories"] == [(300.0, "candidate")]
    assert got["paths"] == [(64.0, "stated")]


def test_values_the_paper_replaced_or_a_search_reached_are_candidates():
    got = found("## 4 Method\n\nInstead of fitting 12 trees, we use a fixed probability of 0.4 for each.\n")
    assert got["num_trees"] == [(12.0, "candidate")]
    text = (
        "## 4 Net\n\nThe stem, originally a 7x7 convolution with stride 2, is a 3x3 convolution with "
        "stride 1.\n"
    )
    got = found(text)
    assert got["kernel_size"] == [("7x7", "candidate"), ("3x3", "stated")]
    assert got["stride"] == [(2.0, "candidate"), (1.0, "stated")]
    got = found("## 5 Results\n\nThe dropout probability goes as high as 0.6 on one data set.\n")
    assert got["dropout"] == [(0.6, "candidate")]
    got = found("## 4 Setup\n\nIn the original paper, the weight decay is wrongly reported as 0.003.\n")
    assert got["weight_decay"] == [(0.003, "candidate")]


def test_a_measurement_named_like_a_setting_and_idioms_of_one():
    got = found("## 5 Denoising\n\n*Figure 4* Training PSNR; at the end, PSNR for VAE: 14.2dB, ours: 9.5.\n")
    assert got["psnr_for_vae"] == [(14.2, "candidate")]
    assert found("## 4 Method\n\nThe estimates vary from one minibatch to the next.\n") == {}
    got = found("## 4 Setup\n\nWe train with gradient clipping applied using a max norm threshold of 0.25.\n")
    assert got["gradient_clipping"] == [(0.25, "stated")]


def test_terms_of_formulas_determiners_advice_and_a_size_measured_in_units():
    assert "output_units" not in found("## 4 Model\n\nThe head has $n(n + 3)/2 + 1$ output neurons.\n")
    text = "## 4 Setup\n\nIn our code the number of epochs is one hyperparameter among many.\n"
    assert "epochs" not in found(text)
    got = found("## 4 Details\n\nTo avoid zeros, we suggest to either clamp or use a softplus activation.\n")
    assert got["activation"] == [("softplus", "candidate")]
    got = found("## 4 Setup\n\nWe use a latent size of 64 units and a single hidden layer of 256 units.\n")
    assert got["latent_dim"] == [(64.0, "stated")] and got["hidden_size"] == [(256.0, "stated")]
    got = found("## E Proofs\n\nThe entropy of a normal with variance v is 1/2 v plus a constant.\n")
    assert all(c == "candidate" for rows in got.values() for _, c in rows)


def test_data_drawn_code_comments_and_names_opening_with_a_link_word():
    text = (
        "## 3 Data\n\nWe use a batch size $N = 64$.\n\n"
        "### 3.1 Toy data\n\n$N = 500$ random samples are drawn from it.\n"
    )
    assert found(text)["batch_size"] == [(64.0, "stated"), (500.0, "candidate")]
    listing = "## F Stan\n\n12 model { 13 // Priors 14 // none 15 s ~ uniform(0, 9); 16 y ~ normal(0, 5);\n"
    assert all(c == "candidate" for rows in found(listing).values() for _, c in rows) and found(listing)
    got = found("## 1 Intro\n\nThe spread grows with the size, and either $x = 3$, whereas it falls.\n")
    assert got == {"either": [(3.0, "candidate")]}


def test_switches_in_a_settings_table_and_british_spellings():
    text = (
        "## 3 Training\n\n**Table 1** Implementation details.\n\n"
        "| Property | Values | Remark |\n|---|---|---|\n"
        "| Batch Normalisation | Enabled | - |\n| Optimiser | Adam | Told to us by the authors |\n"
        "| L2 regularisation | 0.0005 | - |\n"
    )
    got = found(text)
    assert got["batch_normalization"] == [("enabled", "stated")]
    assert got["optimizer"] == [("adam", "stated")]
    assert got["weight_decay"] == [(0.0005, "stated")]


def test_betas_written_out_ordinal_milestones_and_a_crop_of_one_side():
    got = found("## 2 Setup\n\nWe use Adam with a learning rate of 0.001 and betas 0.8 and 0.99.\n")
    assert got["beta1"] == [(0.8, "stated")] and got["beta2"] == [(0.99, "stated")]
    got = found("## 2 Setup\n\nWe anneal the learning rate by a factor of 5 at the 40th and 70th epochs.\n")
    assert got["lr_milestones"] == [([40.0, 70.0], "stated")] and got["lr_decay"] == [(0.2, "stated")]
    got = found("## 2 Setup\n\nWe use random flips and random crops of size 28 with a padding of 2.\n")
    assert got["crop_size"] == [(28.0, "stated")]


def test_one_key_for_a_schedules_ends_initialisation_and_l2_weights():
    text = (
        "## B Settings\n\n**Table 3** Hyperparameters.\n\n| Hyperparameter | Value |\n|---|---|\n"
        "| $\\epsilon$ initial | 1.0 |\n| $\\epsilon$ final | 0.05 |\n| Weight Initialisation | Kaiming |\n"
        "| L2 weight | 0.0002 |\n"
    )
    got = found(text)
    assert got["epsilon_start"] == [(1.0, "stated")] and got["epsilon_end"] == [(0.05, "stated")]
    assert got["initialization"] == [("kaiming", "stated")]
    assert got["weight_decay"] == [(0.0002, "stated")]
    got = found("## 4 Setup\n\nWe use a label smoothing constant of 0.15 and a momentum parameter of 0.8.\n")
    assert got["label_smoothing"] == [(0.15, "stated")] and got["momentum"] == [(0.8, "stated")]
