"""Forms read in the thirty-ninth round, each written here in words of our own."""

from __future__ import annotations

from hp_found import found


def test_a_plateau_schedule_gives_its_factor_and_patience_not_a_run_length():
    got = found(
        "We train with SGD at a learning rate of 0.01 for 90 epochs and cut the learning rate by a factor of "
        "5 every time the validation loss plateaus for 4 epochs."
    )
    assert got["lr_decay"] == [(0.2, "stated")]
    assert got["lr_schedule"] == [("reduce on plateau", "stated")]
    assert got["patience"] == [(4.0, "stated")]
    assert got["epochs"] == [(90.0, "stated")]  # the 4 is no run length


def test_a_plateau_schedule_in_words_and_its_factor_in_the_next_sentence():
    got = found(
        "Training starts at a learning rate of 0.003, reducing the learning rate when a plateau is reached "
        "with 2 epoch patience. The learning rate is reduced by a factor of 0.5."
    )
    assert got["lr_schedule"] == [("reduce on plateau", "stated")]
    assert got["patience"] == [(2.0, "stated")]
    assert got["lr_decay"] == [(0.5, "stated")]
    assert "epochs" not in got


def test_a_singular_count_noun_before_a_number_is_an_index():
    got = found("Rewards are Gaussian for arm 1, a mixture for arm 2 and uniform for arm 3. We use 5 arms.")
    assert got["num_arms"] == [(5.0, "stated")]


def test_a_results_sentence_and_a_point_not_reached_are_no_settings():
    got = found(
        "The results in Table 3 show a mean gap of 0.02 with a standard deviation of 0.011. A useful "
        "accuracy has not been reached in 3 epochs."
    )
    assert all(conf == "candidate" for rows in got.values() for _, conf in rows)


def test_the_index_of_a_set_written_by_its_members_is_no_setting():
    got = found(
        "Let K be the number of training steps. We fit the model on the images "
        "$X = \\{ x_k : k = 0, 1, 2, 3 \\}$ to maximise the AUC."
    )
    assert "training_steps" not in got


def test_one_setting_for_two_parts_of_the_model():
    got = found("We set dropout to 0.15 for the convolutional blocks and 0.3 for the attention blocks.", True)
    assert got["dropout"] == [(0.15, "stated", "convolutional blocks"), (0.3, "stated", "attention blocks")]


def test_a_column_numbering_the_runs_is_no_count_of_runs():
    table = (
        "**Table 2** Settings of each trial.\n\n| Trial | Points | Noise |\n|---|---|---|\n"
        "| 1 | 200 | 1% |\n| 2 | 100 | 5% |\n| 3 | 50 | 0% |\n"
    )
    assert "num_runs" not in found(table)
    assert found(table.replace("| 3 | 50", "| 5 | 50").replace("| 2 | 100", "| 3 | 100"))["num_runs"]


def test_a_details_column_of_sentences_is_read_as_prose():
    table = (
        "**Table 4** Hyperparameters of each method.\n\n| Method | Method details |\n|---|---|\n"
        "| `DeepEnsemble` | Five networks are trained with dropout of 0.2 and the Adam optimizer |\n"
        "| `MCDropout` | Monte Carlo dropout with parameter 0.3 is used at test time with 50 samples |\n"
    )
    got = found(table)
    assert (0.2, "stated") in got["dropout"] and (0.3, "stated") in got["dropout"]
    assert got["optimizer"] == [("adam", "stated")]


def test_a_symbol_the_paper_calls_its_choice_is_stated():
    got = found(
        "From the sweep, it appears that $\\mu = 2 \\times 10^{-2}$ is a sensible choice. The other weight "
        "$\\nu = 5$ keeps its default."
    )
    assert got["mu"] == [(0.02, "stated")]
    assert all(conf == "candidate" for _, conf in got.get("nu", []))


def test_a_seed_value_is_a_seed_and_a_seed_number_is_not():
    assert found("All generators are seeded with seed value 2021.")["seed"] == [(2021.0, "stated")]
    assert "seed" not in found("Curves for seed 3 diverge early.")


def test_a_layer_count_before_a_modifier_with_its_number():
    got = found("The policy network stacks three stride-2 convolutional layers before a GRU layer.")
    assert got["num_layers"] == [(3.0, "stated")]
    assert got["stride"] == [(2.0, "stated")]


def test_an_input_resized_to_a_size_with_an_article():
    assert found("Each observation is resized to a 64×64 image.")["image_size"] == [("64×64", "stated")]


def test_a_minibatch_of_examples_is_the_batch_size_with_a_pdf_spaced_thousands():
    got = found("We optimise with Adam on a minibatch of 2, 048 examples.")
    assert got["batch_size"] == [(2048.0, "stated")]


def test_a_library_path_in_a_settings_table_names_the_choice():
    table = (
        "**Table 3** Hyperparameters.\n\n| Hyperparameter | Value |\n|---|---|\n| training epochs | 40 |\n"
        "| activation | tf.nn.tanh |\n| optimizer | torch.optim.RMSprop |\n"
    )
    got = found(table)
    assert got["activation"] == [("tanh", "stated")]
    assert got["optimizer"] == [("rmsprop", "stated")]


def test_a_table_of_words_with_an_optimizer_column_is_read():
    table = (
        "## Experiments\n\n| Model | Optimizer |\n|---|---|\n| Encoder-only | Adam |\n| Seq2seq | Adagrad |\n"
    )
    got = found(table, True)
    assert got["optimizer"] == [("adam", "stated", "Encoder-only"), ("adagrad", "stated", "Seq2seq")]


def test_the_loss_for_the_evidence_lower_bound_is_a_setting_not_theory():
    got = found(
        "## Training\n\nThe reconstruction loss of the evidence lower bound is computed with *binary "
        "cross-entropy* for the images."
    )
    assert got["loss"] == [("binary cross-entropy", "stated")]


def test_rows_named_by_run_codes_are_runs_not_settings():
    table = (
        "## Appendix\n\n| Name | Corpus | Arch | NEG | Rate |\n|---|---|---|---|---|\n"
        "| 01SG5-3 | Wiki | skip | 5 | 0.001 |\n| 02SG5-2 | Wiki | skip | 5 | 0.01 |\n"
        "| 03CB5-3 | Wiki | cbow | 5 | 0.001 |\n"
    )
    assert not any(k.startswith(("01", "02", "03")) for k in found(table))


def test_a_table_of_metric_columns_under_a_setting_caption_is_results():
    table = (
        "**Table 2** Ten-step horizon: mean metrics over the held-out sets.\n\n"
        "| Regime | Mean Acc. | Mean F1 |\n|---|---|---|\n| Zero-shot | 0.4211 | 0.0618 |\n"
        "| Fine-tuned | 0.4110 | 0.0844 |\n"
    )
    assert "horizon" not in found(table)


def test_the_original_papers_finding_and_a_ranges_end_are_candidates():
    got = found(
        "## Training\n\nThe original paper found the best dropout probability to be 0.6. Our networks stop "
        "improving after 30 - 40 epochs, so we train for 30 epochs."
    )
    assert got["dropout"] == [(0.6, "candidate")]
    assert (40.0, "candidate") in got["epochs"] and (30.0, "stated") in got["epochs"]


def test_a_loss_named_with_its_abbreviation_before_as_the_loss():
    got = found("## Training\n\nThe network was trained using Mean Absolute Error (MAE) as the loss.")
    assert got["loss"] == [("mean absolute error", "stated")]


def test_a_verb_ends_the_papers_own_name_for_a_setting():
    got = found("## Results\n\nThe best model used threshold: 0.25, dropout: 0.1, epochs: 12.")
    assert not any("used" in k for k in got)
    assert got["dropout"] == [(0.1, "stated")] and got["epochs"] == [(12.0, "stated")]


def test_a_table_of_words_is_read_only_where_each_cell_is_a_known_choice():
    results = "## Results\n\n|  | Loss | BLEU |\n|---|---|---|\n| Base | diverge | x |\n| Clip | low | y |\n"
    assert "objective" not in found(results) and "loss" not in found(results)
    formulas = "## Model\n\n| Part | Activation |\n|---|---|\n| Hidden | z = g(q) |\n| Output | None |\n"
    assert "activation" not in found(formulas)
