"""Forms read in the forty-third round, each written here in words of our own."""

from __future__ import annotations

from hp_found import found

from tools.analysis.findings import Hyperparameter, MarkdownLine
from tools.analysis.hp_confidence import doubt
from tools.analysis.hp_footnotes import demote_glued_marks
from tools.analysis.hp_normalize import values_match


def test_a_written_out_name_and_its_abbreviation_are_one_value():
    assert values_match("Mean Squared Error", "mse") and values_match("binary cross-entropy loss", "BCE")
    assert values_match("SGD", "stochastic gradient descent")
    assert not values_match("mse", "mae") and not values_match("cross entropy", "binary cross entropy")


def test_a_square_size_before_what_it_sizes():
    got = found("Each convolution uses 3 × 3 receptive fields; both max pooling layers use 2 × 2 windows.")
    assert got["kernel_size"] == [("3 × 3", "stated")] and got["pool_size"] == [("2 × 2", "stated")]
    got = found("The convolutional kernel size for every layer was 7 × 7, with a stride of 2.")
    assert got["kernel_size"] == [("7 × 7", "stated")] and "base_channels" not in got
    assert found("Conv2d (kernel 5, stride 1, padding 2) opens each block.")["kernel_size"] == [
        (5.0, "stated")
    ]
    got = found("The first layer has 8 feature maps with a receptive field of 3 × 3.")
    assert got["kernel_size"] == [("3 × 3", "stated")] and got["base_channels"] == [(8.0, "stated")]
    # a network's receptive field is no kernel
    assert "kernel_size" not in found("The receptive field of the whole network is 96 frames.")


def test_a_plateau_rule_said_before_its_action():
    got = found(
        "If the best validation loss has not been beaten for four consecutive epochs, we reduce the learning "
        "rate by a factor of 0.2."
    )
    assert got["patience"] == [(4.0, "stated")] and got["lr_decay"] == [(0.2, "stated")]
    got = found(
        "We trained for no more than 3,000 epochs, stopping when there were no improvements after 50 epochs."
    )
    assert got["epochs"] == [(3000.0, "stated")] and got["patience"] == [(50.0, "stated")]
    got = found("We use a ReduceLROnPlateau scheduler (factor 0.3, patience 6 epochs).")
    assert got["lr_decay"] == [(0.3, "stated")] and got["patience"] == [(6.0, "stated")]
    assert "epochs" not in found("The model had no more than 12 layers and fewer than 40 heads.")


def test_a_dropout_written_apart_or_measured_a_few_words_on():
    got = found("We add a drop out layer between the embedding and the GRU with a ratio of 0.25.")
    assert got["dropout"] == [(0.25, "stated")]


def test_the_hidden_state_dimension_written_inverted():
    assert found("The dimension of the hidden state is 48.")["hidden_size"] == [(48.0, "stated")]
    assert found("We sweep latent sizes d_z in {4, 12, 24, 48}.")["latent_dim"] == [
        ([4.0, 12.0, 24.0, 48.0], "stated")
    ]


def test_adams_betas_under_another_letter():
    got = found("We use the Adam optimizer with a batch size of 8, ρ_1 = 0.85 and ρ_2 = 0.995.")
    assert got["beta1"] == [(0.85, "stated")] and got["beta2"] == [(0.995, "stated")]
    # without Adam, or at values no beta takes, the letters keep their own names
    got = found("We use SGD with ρ_1 = 0.85 and ρ_2 = 0.995.")
    assert "beta1" not in got and "beta2" not in got
    assert "beta2" not in found("We use Adam, and set ρ_1 = 0.85 and ρ_2 = 3.")


def test_a_multiple_of_a_defined_symbol_is_no_thousands():
    got = found("The noise has standard deviation σ = 2k, where the scalar k ∈ R_>0 is fixed per run.")
    assert got["standard_deviation"] == [(2000.0, "candidate")]
    assert found("We train for 300k steps with k = 7 neighbours.")["training_steps"] == [(300000.0, "stated")]


def test_multi_head_qualifies_the_noun_after_it():
    got = found("The decoder stacks 6 multi-head Self-Attention blocks with a dropout of 0.2.")
    assert "num_heads" not in got and got["dropout"] == [(0.2, "stated")]
    assert found("Each block has 8 attention heads.")["num_heads"] == [(8.0, "stated")]


def test_a_seed_in_brackets_a_loss_beside_its_optimiser_and_an_init_by_sampling():
    assert found("We used a fixed random seed (1234) for every run.")["seed"] == [(1234.0, "stated")]
    got = found("Categorical cross-entropy loss function and RMSProp optimizer were used for all runs.")
    assert got["loss"] == [("categorical cross-entropy", "stated")]
    got = found("We initialize the weights of every layer by sampling from the He normal distribution.")
    assert got["initialization"] == [("he normal", "stated")]


def test_a_normalization_after_a_cited_word_and_the_end_of_a_decay():
    got = found(
        "Each layer uses GELU[gelu] activations followed by dropout[drop] and local response normalization."
    )
    assert got["normalization"] == [("local response normalization", "stated")]
    got = found("The learning rate was set to 0.05 and set to exponentially decay to 0.0005.")
    assert got["min_learning_rate"] == [(0.0005, "stated")] and got["learning_rate"] == [(0.05, "stated")]
    assert found("Plot of a run with η_0 = 0.02, 20,000 step decay to 0.002.")["min_learning_rate"] == [
        (0.002, "stated")
    ]


def test_a_learning_rate_stepped_value_by_value():
    got = found("The learning rate was 0.01 at start, 0.001 after 8 epochs, and 0.0001 after 20 epochs.")
    assert got["learning_rate"] == [(0.01, "stated"), (0.001, "stated"), (0.0001, "stated")]
    assert got["lr_milestones"] == [([8.0, 20.0], "stated")]


def test_a_symbols_number_joined_by_and_to_a_count_is_no_list():
    got = found("Let $n$ be the number of nodes. We set $p = 0.4$ and 30 nodes in each walk.")
    assert all(not isinstance(v, list) for rows in got.values() for v, _ in rows)


def test_names_without_their_qualifier_results_and_pronouns_after_a_size():
    assert found("We used L2 regularization with default regularization strength of 3.")[
        "regularization_strength"
    ] == [(3.0, "stated")]
    assert found("*Spectral CNN (best acc: 91.20%)") == {}
    assert found("The branches end in adaptive average pooling to 128-dim each.") == {}


def test_a_set_a_symbol_is_sampled_from_and_a_period_said_first():
    got = found("For the second experiment we also sample σ_in from the set {0.5, 1, 1.5, 2}.")
    assert got["sigmain"] == [([0.5, 1.0, 1.5, 2.0], "stated")]
    got = found("Every 250 iterations the validation set is passed through the network.")
    assert got["validation_interval_iterations"] == [(250.0, "stated")]
    assert found("After every 40 batches, the running loss and a few samples are logged.")[
        "log_interval_batches"
    ] == [(40.0, "stated")]


def test_shares_of_the_data_said_in_the_passive():
    got = found(
        "We used a standard division: 70% of it was used as the train data and the remaining 30% was used as "
        "the test data."
    )
    assert got["train_split"] == [(0.7, "stated")] and got["test_split"] == [(0.3, "stated")]
    assert found("15% of the training images are used for validation.")["validation_split"] == [
        (0.15, "stated")
    ]


def test_a_solvers_rate_an_own_consideration_and_one_author():
    got = found("The inner problem is optimized with SGD with a learning rate of 0.3 and momentum 0.5.")
    assert got["learning_rate"] == [(0.3, "stated")] and got["momentum"] == [(0.5, "stated")]
    assert found("For the model, we consider a 4-layer network with 16 channels.")["num_layers"] == [
        (4.0, "stated")
    ]
    assert found("In this paper, the chosen momentum factor is 0.95.")["momentum"] == [(0.95, "stated")]


def test_a_models_name_heads_its_settings_and_a_list_stops_before_a_rate():
    got = found("FlowNet-S: 400 epochs, AdamW with lr 3×10^-4, gradient clipping at 0.5, 20% label dropout.")
    assert got["epochs"] == [(400.0, "stated")] and got["gradient_clipping"] == [(0.5, "stated")]


def test_a_baseline_in_a_training_details_section_is_the_papers_run():
    text = (
        "## 4 Experiments\nWe compare our FlowNet-S against DDPM and DDIM on CIFAR-10.\n\n"
        "## 4.2 Training details\nDDPM uses 300 epochs with a batch size of 96.\n"
    )
    got = found(text)
    assert got["batch_size"] == [(96.0, "stated")] and got["epochs"] == [(300.0, "stated")]


def test_plain_headings_end_a_section_on_others_work_in_a_pdf():
    text = (
        "## Related work\nEarlier studies trained with a batch size of 512.\n"
        "Model analysis\nWe trained the network with a batch size of 24.\n"
    )
    assert ("24", "stated") in [(str(int(v)), c) for v, c in found(text)["batch_size"]]


def test_a_decimal_ending_in_a_lost_footnotes_digit_stays_stated():
    lines = [
        MarkdownLine(1, "We reduce the learning rate by a factor of 0.1, and the depth is 21.", 3, None),
        MarkdownLine(2, "¹Code is public.", 3, None),
    ]
    rows = [
        Hyperparameter(line=1, name=n, key=n, value=v, value_normalized=float(v), page=3, quote=lines[0].text)
        for n, v in (("lr_decay", "0.1"), ("depth", "21"))
    ]
    out = {h.key: h.confidence for h in demote_glued_marks(rows, lines)}
    assert out == {"lr_decay": "stated", "depth": "candidate"}  # '21.' may be 2 with the mark 1


def test_one_authors_i_is_the_papers_own_but_a_numbering_is_not():
    got = found("I train with a batch size of 64, as Smith et al. (2020) did.")
    assert got["batch_size"] == [(64.0, "stated")]
    # 'Table I lists' is a numbering, not one author: the sentence stays about the cited work
    why = doubt("Table I lists what Smith et al. (2020) used: a batch size of 64.", "batch_size", "64", 64.0)
    assert why == "sentence about cited work"
