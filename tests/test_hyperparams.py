"""find_hyperparameters and its public helpers (value normaliser, name synonyms), on written sentences and on
the corpus papers against their hand-labelled hyperparameters.json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hp_found import found

from tools.analysis import hp_tables
from tools.analysis.hyperparams import (
    canonical_key,
    find_hyperparameters,
    names_match,
    normalize_value,
    values_match,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3e-4", 3e-4),
        ("3 × 10^-4", 3e-4),
        ("3·10−4", 3e-4),
        ("2 × 10−5", 2e-5),
        ("10^-4", 1e-4),
        ("10−4", 1e-4),
        ("10^{-4}", 1e-4),
        ("0.0003", 3e-4),
        ("200K", 200_000),
        ("1.5M", 1_500_000),
        ("270 million", 270_000_000),
        ("4,096", 4096),
        ("10%", 0.1),
        ("0.0001/4", 2.5e-5),
        ("four", 4),
        ("{0.1, 0.2, 0.3}", [0.1, 0.2, 0.3]),
        ("64, 96, 128, or 192", [64, 96, 128, 192]),
        ("0.1 and 0.3", [0.1, 0.3]),
        ("Adam", "adam"),
        ("Batch Normalization", "batch normalization"),
    ],
)
def test_normalize_value(text, expected):
    got = normalize_value(text)
    if isinstance(expected, list):
        assert isinstance(got, list) and got == pytest.approx(expected)
    elif isinstance(expected, str):
        assert got == expected
    else:
        assert got == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("lr", "learning_rate"),
        ("Step size", "learning rate"),
        ("minibatch size", "batch_size"),
        ("mini-batch sizes", "batch size"),
        ("Iters", "training_steps"),
        ("training iterations", "training_steps"),
        ("hidden units", "hidden_size"),
        ("num_hidden_layers", "layers"),
        ("attention heads", "num_heads"),
        ("filter width", "kernel_size"),
        ("EMA", "ema_rate"),
    ],
)
def test_synonyms_share_a_key(a, b):
    assert names_match(a, b), (canonical_key(a), canonical_key(b))


def test_different_settings_keep_different_keys():
    keys = {canonical_key(n) for n in ("learning rate", "batch size", "weight decay", "dropout", "epochs")}
    assert len(keys) == 5
    assert canonical_key("fingerprint_length") == "fingerprint_length"  # unknown names keep their own key


def test_values_match():
    assert values_match("3e-4", "3 × 10^-4") and values_match(0.0003, "3·10−4")
    assert values_match("true", True) and values_match(False, "no") and not values_match("true", False)
    assert values_match("200K", 200000) and not values_match("200K", 20000)
    assert values_match("L_hybrid", "Lhybrid")  # subscripts flatten in PDF text
    assert values_match([0.1, 0.2], "{0.2, 0.1}") and not values_match([0.1, 0.2], [0.1, 0.3])
    assert values_match("25, 50, and 100", 50)  # one value of a sweep stated as a list


def _by_key(markdown: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for h in find_hyperparameters(markdown):
        out.setdefault(h.key, []).append(h.value_normalized)
    return out


def test_training_paragraph():
    md = (
        "<!-- page 4 -->\n# 5 Experiments\n"
        "We train for 100 epochs with AdamW (β1 = 0.9, β2 = 0.999) and a batch size of 256. The learning "
        "rate "
        "is 3 × 10^-4 with a linear warmup of 10K steps, weight decay 0.01 and dropout 0.1. The model has 12 "
        "layers, 8 attention heads and a hidden size of 512.\n"
    )
    got = _by_key(md)
    assert got["epochs"] == [100] and got["optimizer"] == ["adamw"] and got["batch_size"] == [256]
    assert got["learning_rate"] == [pytest.approx(3e-4)] and got["warmup_steps"] == [10_000]
    assert got["beta1"] == [0.9] and got["beta2"] == [0.999]
    assert got["weight_decay"] == [0.01] and got["dropout"] == [0.1]
    assert got["num_layers"] == [12] and got["num_heads"] == [8] and got["hidden_size"] == [512]


def test_other_papers_phrasing():
    """Phrasings from papers outside the corpus: flattened subscripts, symbols, 'starts from', x 10^4."""
    md = (
        "We used the Adam optimizer with β1 = 0.9, β2 = 0.98 and ϵ = 10−9. We used warmup_steps = 4000.\n"
        "For the base model, we use a rate of Pdrop = 0.1. We employed label smoothing of value ϵls = 0.1.\n"
        "All sub-layers produce outputs of dimension dmodel = 512.\n\n"
        "We use SGD with a mini-batch size of 256. The learning rate starts from 0.1 and is divided by 10, "
        "and the models are trained for up to 60 × 10^4 iterations. We use a weight decay of 0.0001 and a "
        "momentum of 0.9. We do not use dropout.\n\n"
        "Table 2: Hyperparameters\nHyperparameter Value\nLearning rate 3 × 10−4\nWarmup epochs 5\n"
        "Training epochs 300\nGradient clipping 1.0\n"
    )
    got = _by_key(md)
    assert got["beta1"] == [0.9] and got["beta2"] == [0.98] and got["epsilon"] == [pytest.approx(1e-9)]
    assert got["optimizer"] == ["adam", "sgd"] and got["warmup_steps"] == [4000]
    assert got["dropout"] == [0.1] and got["label_smoothing"] == [0.1] and got["hidden_size"] == [512]
    assert got["batch_size"] == [256] and got["momentum"] == [0.9] and got["weight_decay"] == [0.0001]
    assert got["learning_rate"] == [0.1, pytest.approx(3e-4)] and got["training_steps"] == [600_000]
    assert got["warmup_epochs"] == [5] and got["epochs"] == [300] and got["gradient_clipping"] == [1.0]


def test_settings_the_synonym_table_does_not_know():
    md = (
        "Fingerprints had length 2048. We searched fingerprint depth (up to 6) with random search. "
        "Images are split with a patch size of 16. The dataset size is 50,000 and we used a subset of 20,000 "
        "molecules.\n"
    )
    got = _by_key(md)
    assert got == {
        "fingerprint_length": [2048],
        "fingerprint_depth": [6],
        "hyperparameter_search": ["random search"],
        "patch_size": [16],
    }


def test_location_and_quote():
    md = "<!-- page 1 -->\nIntro text.\n\n<!-- page 2 -->\n## 4.2 Training\nWe use a batch size\nof 128.\n"
    (h,) = find_hyperparameters(md)
    assert (h.key, h.value, h.line, h.page, h.section, h.where) == (
        "batch_size",
        "128",
        6,
        2,
        "4.2 Training",
        "prose",
    )
    assert "batch size of 128" in h.quote


def test_tables():
    md = (
        "Table 3: Hyperparameters.\n"
        "| Hyperparameter | Value |\n|---|---|\n| Learning rate | 1e-4 |\n| Batch size | 64 |\n"
        "| Optimizer | Adam |\n"
        "\nTable 1. Ablations.\nIters T Schedule Objective NLL FID\n200K 1K linear Lsimple 3.99 32.5\n"
        "500K 4K cosine Lhybrid 3.62 28.0\n\nFor a model trained with T diffusion steps we sample.\n"
    )
    found = find_hyperparameters(md)
    got = _by_key(md)
    assert got["learning_rate"] == [1e-4] and got["batch_size"] == [64] and got["optimizer"] == ["adam"]
    assert got["training_steps"] == [200_000, 500_000]
    assert got["diffusion_steps"] == [1000, 4000]  # the column "T", named by "T diffusion steps" in the text
    assert got["noise_schedule"] == ["linear", "cosine"] and got["objective"] == ["lsimple", "lhybrid"]
    assert all(h.where == "table" for h in found)
    results = {3.99, 32.5, 3.62, 28.0}  # NLL and FID columns are results
    assert not any(h.value_normalized in results for h in found)


def test_table_run_into_one_line():
    """A PDF dump can run a table's rows into its caption line; the header's setting column still counts."""
    md = "Table 1: Speed on m features (minibatch size = 1) Sequence Length m = 4 m = 32 16 .06 .05 256 .2 .8"
    got = _by_key(md)
    assert got["sequence_length"] == [16, 256] and got["num_features"] == [4, 32] and got["batch_size"] == [1]
    assert not {0.06, 0.05, 0.2, 0.8} & {v for vs in got.values() for v in vs}  # results


def test_latex_route_text():
    """The LaTeX route keeps inline maths as `$...$` and tables as Markdown pipes."""
    md = (
        "We set $\\lambda = 0.001$ and use a learning rate of $2 \\times 10^{-5}$ with `relu` activations.\n"
        "\n"
        "$$ L = L_{\\text{simple}} + \\lambda L_{\\text{vlb}} $$ (16)\n\n"
        "| Iters | $T$ | Objective | FID |\n|---|---|---|---|\n| 200K | 1K | $L_{\\text{simple}}$ | 32.5 |\n"
        "| 500K | 4K | $L_{\\text{hybrid}}$ | 3.19 |\n\nFor a model trained with $T$ diffusion steps.\n"
    )
    got = _by_key(md)
    assert got["lambda"] == [0.001] and got["learning_rate"] == [pytest.approx(2e-5)]
    assert got["activation"] == ["relu"]
    assert got["training_steps"] == [200_000, 500_000] and got["diffusion_steps"] == [1000, 4000]
    assert got["objective"] == ["l_simple", "l_hybrid"]
    assert values_match(got["objective"][0], "L_simple")
    assert 32.5 not in [v for vs in got.values() for v in vs]


def test_ablation_table_run_into_one_line():
    md = (
        "Table 1. Ablations on ImageNet.\n"
        "Iters T Schedule Objective NLL FID 200K 1K linear Lsimple 3.99 32.5 200K 4K cosine Lhybrid 3.62 "
        "28.0 1.5M 4K cosine Lvlb 3.53 40.1\nFor a model trained with T diffusion steps we sample.\n"
    )
    got = _by_key(md)
    assert got["training_steps"] == [200_000, 1_500_000] and got["diffusion_steps"] == [1000, 4000]
    assert got["noise_schedule"] == ["linear", "cosine"]
    assert got["objective"] == ["lsimple", "lhybrid", "lvlb"]


def test_algorithm_inputs():
    md = (
        "Algorithm 1 WGAN\nRequire: α, the learning rate. c, the clipping parameter. m, the batch size.\n\n"
        "All experiments used the default values α = 0.00005, c = 0.01, m = 64.\n"
    )
    got = _by_key(md)
    assert got["learning_rate"] == [5e-5] and got["batch_size"] == [64]


@pytest.mark.parametrize(
    "sentence",
    [
        "Our model reaches an accuracy of 92.5% and an FID of 3.2 after training.",
        "We use the method of Kingma & Ba (2014) and Adam: A method for stochastic optimization, 2015.",
        "As shown in Table 3 and Section 4, Eq. (12) holds for 50,000 training images.",
        "Training took 3 days on 8 V100 GPUs.",
        "Results are 3.57 ± 0.02 over runs.",
        "DDIM is better with fewer than 50 sampling steps, and worse with 50 or more steps.",
        "5: for L = 1 to R . for each layer 6: end for",
        "Algorithm 1 Power iteration. Require: a matrix A.",
    ],
)
def test_not_hyperparameters(sentence):
    assert find_hyperparameters(sentence + "\n") == []


def test_references_are_skipped():
    md = "# References\nKingma, D. and Ba, J. Adam: a method. We use Adam with a learning rate of 0.1.\n"
    assert find_hyperparameters(md) == []


def _score(found, items) -> tuple[int, int]:
    def match(f, it):
        return values_match(f.value_normalized, it["value_normalized"]) and names_match(f.key, it["name"])

    return sum(any(match(f, it) for f in found) for it in items), sum(
        any(match(f, it) for it in items) for f in found
    )


def test_corpus_recall_and_precision(tmp_root: Path, corpus_dir: Path):
    """The target over the labelled corpus: recall >= 0.7 with precision >= 0.7 (papers pooled)."""
    from tools.ingest.paper import pdf_to_markdown

    hit = labelled = good = found_n = 0
    for name in ("plrnn", "nfp", "iddpm"):
        shutil.copyfile(corpus_dir / name / "paper.pdf", tmp_root / f"{name}.pdf")
        md = Path(pdf_to_markdown(f"{name}.pdf").markdown_path).read_text(encoding="utf-8")
        found = find_hyperparameters(md)
        items = json.loads((corpus_dir / name / "hyperparameters.json").read_text())["items"]
        h, g = _score(found, items)
        hit, labelled, good, found_n = hit + h, labelled + len(items), good + g, found_n + len(found)
        lines = md.split("\n")
        for f in found:  # every finding points at the line that states it
            assert f.value in lines[f.line - 1] or f.value.split()[0] in lines[f.line - 1], f
    assert hit / labelled >= 0.7, (hit, labelled)
    assert good / found_n >= 0.7, (good, found_n)


def test_synthetic_latex_paper_outside_the_corpus(tmp_root: Path):
    """The LaTeX-route fixture written in everyday arXiv style (tests/fixtures/latex/papers/wild)."""
    from tools.ingest.paper import pdf_to_markdown

    src = Path(__file__).parent / "fixtures" / "latex" / "papers" / "wild" / "source"
    shutil.copytree(src, tmp_root / "wild")
    md = Path(pdf_to_markdown("wild/main.tex").markdown_path).read_text(encoding="utf-8")
    got = _by_key(md)
    assert got["learning_rate"] == [pytest.approx(3e-4)] and set(got["optimizer"]) == {"adam", "sgd"}
    # the results table under a second header row: each row's optimiser, with the row as its context
    optimizers = [h for h in find_hyperparameters(md) if h.key == "optimizer" and h.where == "table"]
    assert [(h.value_normalized, h.context) for h in optimizers] == [("sgd", "Baseline"), ("adam", "WildNet")]
    assert got["batch_size"] == [256] and got["weight_decay"] == [pytest.approx(5e-4)]
    assert got["epochs"] == [200]


@pytest.mark.timeout(10)
def test_long_table_row_ending_in_a_word_does_not_backtrack():
    # one plrnn-style row of many numeric cells that ends in a non-value once took 11 s (exponential regex)
    row = "| learning rate | " + " ".join(["1.0  0.4"] * 20) + " | - | n/a x |"
    find_hyperparameters(row)  # returns at all: the guard is the timeout
    assert hp_tables.only_row_values(" | ".join(["3e-4"] * 40))
    assert not hp_tables.only_row_values(" ".join(["1.0"] * 40) + " words")


def _found(markdown: str) -> dict[str, list[tuple]]:
    return found(markdown, context=True)


def test_leading_dot_decimals_keep_their_point():
    got = _found("We use a dropout of .45 and a learning rate of .001 throughout.\n")
    assert got["dropout"] == [(0.45, "stated", None)]
    assert got["learning_rate"] == [(pytest.approx(0.001), "stated", None)]
    assert normalize_value(".5") == 0.5 and normalize_value("0.95.") == 0.95


def test_a_count_of_another_noun_after_a_layer_is_not_a_layer_count():
    got = _found("The first layer consists of 32 neurons. We stack 2 layers of 200 units each.\n")
    assert got["num_layers"] == [(2, "stated", None)]
    assert sorted(v for v, _, _ in got["hidden_size"]) == [32, 200]


def test_a_noun_after_the_name_makes_it_another_setting():
    got = _found("We use a learning rate scaling of 1 on embeddings and a learning rate decay of 0.95.\n")
    assert "learning_rate" not in got
    assert got["learning_rate_scaling"] == [(1, "stated", None)]
    assert got["lr_decay"] == [(0.95, "stated", None)]


def test_loop_bounds_are_not_settings():
    md = "Algorithm 1\n1: for iteration i = 1 to T do\n2: for t = 1, ..., N do\n3: update the weights\n"
    assert find_hyperparameters(md) == []


def test_axis_ticks_and_cited_work_are_candidates():
    md = (
        "validation accuracy over training steps 0 500 1000 1500 2000 training steps\n\n"
        "Smith et al. trained with a learning rate of 0.05 in their setup.\n\n"
        "We train with a learning rate of 0.01.\n"
    )
    got = _found(md)
    assert got["training_steps"] and all(c == "candidate" for _, c, _ in got["training_steps"])
    assert (0.05, "candidate", None) in got["learning_rate"]
    assert (0.01, "stated", None) in got["learning_rate"]


def test_a_symbol_named_only_by_itself_is_stated_when_the_paper_sets_it():
    got = _found("We set R = 11 in all runs. The shrinkage parameter is set to λ = 0.1. Then R = 4 works.\n")
    assert got["R"] == [(11, "stated", None)]  # 'R = 4 works' sets nothing
    assert got["shrinkage"] == [(0.1, "stated", None)]  # 'the shrinkage parameter' is the shrinkage


def test_a_hyperparameter_table_gives_one_finding_per_row_and_column():
    md = (
        "Table 3: Hyperparameters per dataset.\n\n"
        "| Hyperparameter | MNIST | CIFAR-10 |\n| --- | --- | --- |\n"
        "| Learning rate | 0.1 | 1e-2 |\n| Batch size | 128 | 256 |\n| Dropout | .5 | .3 |\n"
    )
    got = _found(md)
    assert got["learning_rate"] == [(0.1, "stated", "MNIST"), (0.01, "stated", "CIFAR-10")]
    assert got["batch_size"] == [(128, "stated", "MNIST"), (256, "stated", "CIFAR-10")]
    assert got["dropout"] == [(0.5, "stated", "MNIST"), (0.3, "stated", "CIFAR-10")]


def test_thousands_separators_and_a_broken_minus_in_values():
    assert normalize_value("1,024, 8,192, and 1,048,576") == [1024, 8192, 1_048_576]
    assert normalize_value("1,2,3") == [1, 2, 3]
    # '´' is the minus of a maths font without a Unicode map: '10´3' is 10^-3, never 10
    got = _found("We use 15K optimization steps with Adam optimizer and a learning rate of 10´3.\n")
    assert got["learning_rate"] == [(pytest.approx(1e-3), "stated", None)]
    got = _found("We initialize a model with an initialization scale of 10´6 and train for 1000 steps.\n")
    assert got["init_scale"] == [(pytest.approx(1e-6), "stated", None)]


def test_symbolic_fractions_and_successive_layers_are_no_values():
    md = ("We used the generalized radius R = 1/ −K in place of the curvature. The idea is to select a "
          "limited number of connections between two successive layers.\n")
    got = _found(md)
    assert "generalized_radius" not in got and "num_layers" not in got


def test_a_symbol_after_a_singular_count_noun_is_an_index():
    md = ("At iteration n, we denote the current tree by T. At each iteration n we expand a node.\n\n"
          "Both run with a budget n = 5460 and discount γ = 0.95.\n\n"
          "We train for T iterations with T = 5000.\n")
    got = _found(md)
    assert 5460 not in [v for v, _, _ in got.get("training_steps", [])]
    assert (5000, "stated", None) in got["training_steps"]


def test_folds_knn_graphs_repeats_and_cited_choices():
    md = (
        "We use stratified 10-fold cross-validation to evaluate. We construct an 8-NN graph of the grid.\n\n"
        "The procedure is repeated for 20 times. Errorbars: 1 standard deviation computed over 5 trials.\n\n"
        "We use residual layers [He et al., 2016] and batch normalization [Ioffe and Szegedy, 2015].\n\n"
        "We use LeakyReLU for our encoder non-linearity while tanh is used elsewhere.\n"
    )
    got = _found(md)
    assert got["cv_folds"] == [(10, "stated", None)]
    assert got["knn_graph_k"] == [(8, "stated", None)]
    assert sorted(v for v, _, _ in got["num_runs"]) == [5, 20]
    assert got["normalization"] == [("batch normalization", "stated", None)]
    assert ("leaky relu", "stated", None) in got["activation"]  # one spelling: LeakyReLU, leaky-relu
    assert _found("We use K-NN graphs to sparsify it. We ran it 10 times.\n") == {}


def test_a_noun_naming_the_symbol_and_runs_counted_in_words():
    md = ("The K parameters are shared. The filters have the same support of K = 25. Both run with a "
          "budget n = 5460.\n\nResults are an average over ten random seeds, with five runs per "
          "configuration. The two runs differ.\n")
    got = _found(md)
    assert got["support"] == [(25, "stated", None)] and got["budget"] == [(5460, "stated", None)]
    assert sorted((v, c) for v, c, _ in got["num_runs"]) == [(2, "candidate"), (5, "stated"), (10, "stated")]


def test_settings_stated_in_a_fixed_turn_of_phrase():
    md = (
        "We extracted the 10,000 most common words. All sequences are padded to a fixed length of 1024 "
        "tokens.\n\nThe student is trained on sequences of length k = 30. We add zero-mean Gaussian noise "
        "with the standard deviation 0.5 to the inputs.\n\nThe hyperparameters were optimized using 50 "
        "trials for each fold, and we perform importance sampling using 500 samples.\n"
    )
    got = _found(md)
    assert got["vocab_size"] == [(10_000, "stated", None)]
    assert sorted(v for v, _, _ in got["sequence_length"]) == [30, 1024]
    assert got["noise_std"] == [(0.5, "stated", None)]
    assert got["search_trials"] == [(50, "stated", None)]
    assert got["importance_samples"] == [(500, "stated", None)]
    # a count of the most common other things is no vocabulary; a length in pages is no sequence length
    got = _found("We list the 3 most common errors. The paper has a length of 9 pages.\n")
    assert "vocab_size" not in got and "sequence_length" not in got


def test_the_size_of_a_model_part_keeps_both_sides_of_a_product():
    md = (
        "The flow has 2 linear layers each of size 128. Filters are of size 5 × 5 and graph filters have "
        "the same support of K = 25. We use a GAT layer of size 32.\n"
    )
    got = _found(md)
    assert sorted(v for v, _, _ in got["hidden_size"]) == [32, 128]  # a layer's size is its width
    assert got["kernel_size"] == [("5 × 5", "stated", None)]
    assert got["num_layers"] == [(2, "stated", None)]
    assert "hidden_size" not in _found("The training set is of size 5000 and each image of size 32.\n")


def test_the_initialization_scheme_is_a_setting():
    got = _found("We initialise our models' parameters via the Kaiming method.\n")
    assert got["initialization"] == [("kaiming", "stated", None)]
    got = _found("All weights use Xavier uniform initialization. Biases start at zero.\n")
    assert got["initialization"] == [("xavier uniform", "stated", None)]  # the variant is the scheme's
    # a citation of He et al. is no He initialization
    assert "initialization" not in _found("We initialize the encoder as done by He et al. in their work.\n")


def test_dim_is_short_for_dimension():
    assert names_match("state_dim", "state dimension") and names_match("space_dim", "space dimensionality")
    assert canonical_key("hidden dim") == canonical_key("hidden dimension") == "hidden_size"
    assert canonical_key("latent_dimensionality") == "latent_dim"


def test_an_equals_sign_lost_to_an_unmapped_math_font():
    # such a font prints '=' as a lone '“'; an opening quote is never followed by a space
    got = _found("We train for T iterations with T “ 5000 and a batch size of 64.\n")
    assert (5000, "stated", None) in got["training_steps"]
    got = _found("We train for T iterations; the run is named T “5000” in the logs.\n")
    assert "training_steps" not in got


def test_the_extent_a_figure_draws_is_a_candidate():
    got = _found("It explores deeper for the same budget (the tree is only shown up to depth 12).\n")
    assert got["num_layers"] == [(12, "candidate", None)]
    assert _found("The network has a depth of 12.\n")["num_layers"] == [(12, "stated", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{0.1, 0.2, ..., 0.5}", [0.1, 0.2, 0.3, 0.4, 0.5]),
        ("{10^-3, 10^-2, ..., 10^2, 10^3}", [1e-3, 1e-2, 0.1, 1, 10, 100, 1000]),
        ("{1, 2, 4, ..., 64}", [1, 2, 4, 8, 16, 32, 64]),
        ("{0,...,5}", [0, 1, 2, 3, 4, 5]),
        ("{30, 000, 60, 000, ..., 150, 000}", [30_000, 60_000, 90_000, 120_000, 150_000]),
        ("10, 20, ..., 50", [10, 20, 30, 40, 50]),
        # the printed values only: a step and a factor both fit, none fits, or too many values
        ("{2, 4, ..., 128}", [2, 4, 128]),
        ("{0.1, 0.3, ..., 0.6}", [0.1, 0.3, 0.6]),
        ("{1, 2, ..., 1000}", [1, 2, 1000]),
        ("{5, ..., 50}", [5, 50]),
        ("{128,256,512}", [128, 256, 512]),  # a set written without spaces: every comma separates
        ("{1,000, 2,000}", [1000, 2000]),
    ],
)
def test_an_ellipsis_stands_for_the_values_of_one_step(text, expected):
    assert normalize_value(text) == pytest.approx(expected)


def test_spelled_numbers_past_twelve_are_values():
    got = found("# Setup\n\nWe train for forty epochs with a hundred hidden units and fifteen layers.\n")
    assert got["epochs"] == [(40, "stated")] and got["num_layers"] == [(15, "stated")]
    assert got["hidden_size"] == [(100, "stated")]  # 'a hundred', not 'a' and then nothing


def test_a_numbered_section_after_the_references_is_read():
    refs = "# Intro\n\nWe study hashing.\n\n## References\n\n[1] A. Author. Adam: a paper. 2020.\n\n"
    got = found(refs + "## 7 Adversarial Training\n\nWe train 20000 iterations with a batch size of 128.\n")
    assert got["batch_size"] == [(128, "stated")] and got["training_steps"] == [(20000, "stated")]
    assert "optimizer" not in found(refs + "[2] B. Author. SGD with momentum. 2019.\n")  # still the list
