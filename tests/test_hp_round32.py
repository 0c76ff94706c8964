"""Forms read in the thirty-second round, each sentence and table written here in words of our own."""

from __future__ import annotations

from hp_found import found


def test_an_ablation_table_with_switch_marks_is_still_read_as_rows_of_runs():
    table = (
        "| Ep. | LR | Aug | Mix | Acc | Loss |\n|---|---|---|---|---|---|\n"
        "| 2 | 1.00E-03 | ✓ | × | 71.2 | 0.41 |\n| 2 | 1.00E-04 | × | ✓ | 70.8 | 0.44 |\n"
        "| 3 | 1.00E-05 | ✓ | ✓ | 69.9 | 0.47 |\n\n**Table 2** Sensitivity to the step size.\n"
    )
    got = found(f"## 4 Experiments\n\n{table}")
    assert sorted(got["learning_rate"]) == [(1e-05, "stated"), (0.0001, "stated"), (0.001, "stated")]
    assert all(v not in ("✓", "×") for values in got.values() for v, _ in values)  # a mark is no value


def test_a_bracketed_tuple_takes_the_names_the_paper_gave_its_symbols():
    text = (
        "Inputs are tensors of shape $[N, K, S] = [6, 3, 128]$, where $N$ denotes the batch size and $K$ "
        "the number of views."
    )
    got = found(f"## 3 Data\n\n{text}\n")
    assert got["batch_size"] == [(6.0, "stated")]
    assert got["S"] == [(128.0, "candidate")]  # a letter the paper never named, in a tuple no one chose


def test_a_tuple_the_paper_says_it_chose_keeps_its_bare_letters():
    got = found("## 4 Setup\n\nWe set $(p, q) = (4, 16)$ in all runs.\n")
    assert got["p"] == [(4.0, "stated")] and got["q"] == [(16.0, "stated")]


def test_an_epsilon_greedy_decay_written_as_a_noun():
    text = "Agents explore $\\epsilon$-greedily, with an exponential decay from $0.9$ to $0.02$ per run."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["epsilon_start"] == [(0.9, "stated")] and got["epsilon_end"] == [(0.02, "stated")]


def test_a_learning_rate_that_decays_linearly_from_one_value_to_another():
    got = found("## 4 Setup\n\nThe learning rate decays linearly from 2e-3 to 4e-6 over training.\n")
    assert got["learning_rate"] == [(0.002, "stated")]
    assert got["min_learning_rate"] == [(4e-06, "stated")]  # a schedule's floor, not a range's upper end


def test_the_lower_end_of_a_range_searched_over_is_only_a_candidate():
    got = found("## 4 Setup\n\nThe dropout rate was varied from 0.05 to 0.4 across runs.\n")
    assert got["dropout"] == [(0.05, "candidate")]
    got = found("## 4 Setup\n\nThe dropout rate starts from 0.05 and stays there.\n")
    assert got["dropout"] == [(0.05, "stated")]


def test_an_optimiser_a_run_was_done_with_or_a_standard_one_trained_with():
    got = found("## 4 Setup\n\nEvery run was carried out with RMSProp and a step size of 0.002.\n")
    assert got["optimizer"] == [("rmsprop", "stated")]
    got = found("## 4 Training details\n\nThe critic is trained with plain Adagrad.\n")
    assert got["optimizer"] == [("adagrad", "stated")]
    text = "The optimiser stays as in Section 3: Adamax with a fixed learning rate of 2e-3."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["optimizer"] == [("adamax", "stated")]


def test_numbers_that_point_at_tables_are_no_algorithm_listing():
    text = "The runs of Table 2 and the ablations in Tables 3 and 4 all train for 4 epochs."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["epochs"] == [(4.0, "stated")]
    listing = "1 Initialise the buffer 2 Collect 3 episodes 3 Update the critic 4 Repeat"
    assert found(f"## 4 Setup\n\n{listing}\n").get("num_episodes", []) in ([], [(3.0, "candidate")])


def test_the_dimension_of_a_state_being_a_value():
    got = found("## 4 Setup\n\nThe encoder is a GRU, the dimension of the hidden state being 96.\n")
    assert got["hidden_size"] == [(96.0, "stated")]


def test_the_size_a_built_model_comes_to_is_a_candidate_a_size_chosen_is_stated():
    got = found("## 3 Model\n\nThe resulting network comprises a total of 512,330 parameters.\n")
    assert got["num_parameters"] == [(512330.0, "candidate")]
    got = found("## 3 Model\n\nIt contains between 1.2M and 3.4M parameters depending on the vocabulary.\n")
    assert [c for _v, c in got["num_parameters"]] == ["candidate"]
    got = found("## 3 Model\n\nWe pretrain a model with 350M parameters on the corpus.\n")
    assert got["num_parameters"] == [(350000000.0, "stated")]


def test_a_setting_said_to_be_off_is_zero():
    got = found("## 4 Setup\n\nWe train with RMSProp, without momentum and with no weight decay.\n")
    assert got["momentum"] == [(0.0, "stated")] and got["weight_decay"] == [(0.0, "stated")]
    for sentence in (
        "We compare Adam with and without weight decay.",  # an ablation
        "The two losses agree if no label smoothing is applied.",  # a condition
        "There is no dropout layer in the decoder.",  # a part of the model
    ):
        assert not {"weight_decay", "label_smoothing", "dropout"} & set(found(f"## 4 Setup\n\n{sentence}\n"))


def test_a_value_in_brackets_after_equal_to():
    got = found("## 4 Setup\n\nWe optimise with SGD and momentum (equal to 0.95).\n")
    assert got["momentum"] == [(0.95, "stated")]


def test_a_batch_size_said_to_contain_its_items():
    got = found("## 4 Setup\n\nBy default the batch size contains 24 clips.\n")
    assert got["batch_size"] == [(24.0, "stated")]


def test_what_a_value_holds_for_is_no_other_name():
    got = found("## 4 Setup\n\nThe dropout probability for every dropout layer is 20%.\n")
    assert got["dropout"] == [(0.2, "stated")] and "num_layers" not in got


def test_how_many_filters_before_their_size_and_a_size_in_brackets_after_them():
    got = found("## 4 Model\n\nEvery block applies 48 5 × 5 filters with stride 1.\n")
    assert got["base_channels"] == [(48.0, "stated")] and got["kernel_size"] == [("5 × 5", "stated")]
    got = found("## 4 Model\n\nThe stem convolves 24 filters (7 × 7) with stride 2.\n")
    assert got["kernel_size"] == [("7 × 7", "stated")] and got["base_channels"] == [(24.0, "stated")]


def test_an_exponential_decay_of_the_learning_rate_without_the_word_schedule():
    got = found("## 4 Setup\n\nAn exponential decay over epochs is applied to the initial learning rate.\n")
    assert got["lr_schedule"] == [("exponential", "stated")]
    got = found("## 4 Setup\n\nWe start at a learning rate 0.01 on an exponentially decaying schedule.\n")
    assert got["lr_schedule"] == [("exponential", "stated")]
    text = "The learning rate is 0.1; the weight average uses an exponential decay as an EMA."
    assert "lr_schedule" not in found(f"## 4 Setup\n\n{text}\n")


def test_a_constant_learning_rate_is_a_schedule_unless_it_is_one_of_two_options():
    got = found("## 4 Setup\n\nWe train with RMSProp at a constant learning rate of 3e-4.\n")
    assert got["lr_schedule"] == [("constant", "stated")] and got["learning_rate"] == [(0.0003, "stated")]
    text = "We tune whether to keep a constant learning rate or a cosine one."
    assert "lr_schedule" not in found(f"## 4 Setup\n\n{text}\n")


def test_sequences_of_n_tokens_give_the_sequence_length():
    got = found("## 4 Setup\n\nThe model is trained on sequences of 256 tokens drawn from the corpus.\n")
    assert got["sequence_length"] == [(256.0, "stated")]


def test_a_caption_label_that_opens_a_paragraph_ends_no_sentence():
    from tools.analysis.hp_paragraphs import sentence_around

    text = "Figure 4. Samples of the model trained for 40 epochs on the faces data. More text follows."
    at = text.index("40")
    assert sentence_around(text, at, at + 2).startswith("Figure 4. Samples")
    text = "The curve is in Figure 4. Then we train for 40 epochs."
    at = text.index("40")
    assert sentence_around(text, at, at + 2) == "Then we train for 40 epochs."


def test_a_choice_made_as_a_cited_work_made_it_is_the_papers_own():
    text = "Training runs for 12 epochs with a batch size of 48, as described by Moreau et al. (2021, p. 5)."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["epochs"] == [(12.0, "stated")] and got["batch_size"] == [(48.0, "stated")]
    got = found("## 4 Setup\n\nMoreau et al. (2021) train for 12 epochs with a batch size of 48.\n")
    assert got["epochs"] == [(12.0, "candidate")]


def test_samples_generated_for_training_are_the_data_sets_size_not_a_setting():
    got = found("## 4 Setup\n\nWe generate 40000 training samples and 8000 test samples per system.\n")
    assert all(c == "candidate" for values in got.values() for _v, c in values)
    got = found("## 4 Setup\n\nWe computed 500 adversarial samples per image.\n")
    assert got["examples"] == [(500.0, "stated")]


def test_adams_momentum_parameters_named_by_their_symbols():
    text = "Adam runs at a learning rate of 1e-4, momentum parameters $\\beta_1 = 0.5$ and $\\beta_2 = 0.99$."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["beta1"] == [(0.5, "stated")] and got["beta2"] == [(0.99, "stated")] and "momentum" not in got


# ----------------------------------------------------------- classes found after opening the held-out set


def test_a_table_of_scores_captioned_as_results_on_given_settings_holds_no_settings():
    table = (
        "| | Alpha[smith2020] | Beta[lee2019] |\n|---|---|---|\n| Model A with cache | 91.5% | 77.2% |\n"
        "| Model A without cache | 90.1% | 75.0% |\n| Model B | 85.3% | 70.6% |\n\n"
        "**Table 3** Evaluation results on the recommended hyperparameter values\n"
    )
    got = found(f"## 4 Experiments\n\n{table}")
    assert not any(c == "stated" for values in got.values() for _v, c in values)


def test_runs_with_several_setting_columns_beside_their_scores_are_read_across():
    table = (
        "| **Dataset** | **Model** | **$\\gamma$** | **Epoch** | **Batch Size** | **AUC (Ours)** "
        "| **AUC (Paper)** |\n|---|---|---|---|---|---|---|\n"
        "| Alpha[smith2020] | Net w/ Mem | 0.4 | 30 | 8 | 91.2% | 90.0% |\n"
        "|  | Net w/o Mem | – | 35 | 16 | 90.4% | 89.9% |\n\n"
        "**Table 6** Best results after hyperparameter search\n"
    )
    got = found(f"## 4 Experiments\n\n{table}")
    assert sorted(got["epochs"]) == [(30.0, "stated"), (35.0, "stated")]
    assert sorted(got["batch_size"]) == [(8.0, "stated"), (16.0, "stated")]
    assert not [k for k in got if k.startswith("alpha")]  # no setting named after a row's dataset


def test_reinforcement_learning_update_and_exploration_phrases():
    text = "The agent uses DQN with a target update frequency of 250 and an exploration fraction of 0.2."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["target_update_frequency"] == [(250.0, "stated")]
    assert got["exploration_fraction"] == [(0.2, "stated")] and "training_steps" not in got


def test_a_polynomial_decay_of_something_other_than_a_rate_is_no_schedule():
    assert "lr_schedule" not in found("## 3 Method\n\nThe spectrum shows a polynomial decay at high bands.\n")
    got = found("## 4 Setup\n\nThe learning rate follows a polynomial decay.\n")
    assert got["lr_schedule"] == [("polynomial", "stated")]


def test_generic_words_before_adams_symbols_name_nothing():
    text = "We optimise with Adam and its default parameters $\\beta_1 = 0.8$, $\\beta_2 = 0.95$."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["beta1"] == [(0.8, "stated")] and got["beta2"] == [(0.95, "stated")] and "default" not in got


def test_a_count_of_evaluation_trials_in_the_hundreds_of_thousands_is_no_count_of_runs():
    got = found("## 4 Evaluation\n\nIn total there are 310,442 trials, most of them impostor pairs.\n")
    assert all(c == "candidate" for _v, c in got.get("num_runs", []))


def test_a_table_of_each_models_settings_with_the_range_searched_and_the_value_chosen():
    table = (
        "| Model (Param) | Range | Best Value |\n|---|---|---|\n| Ridge: $\\alpha$ | [0.1,10] | 2.5 |\n"
        "| Gradient Boosting: No. of estimators | [10,500] | 120 |\n| Random Forest: depth | [2,12] | 7 |\n"
    )
    got = found(f"## 4 Setup\n\n{table}")
    assert (2.5, "stated") in got["alpha"] and (120.0, "stated") in got["num_trees"]
    assert (7.0, "stated") in got["max_depth"]  # a forest's depth is each tree's, not a count of layers
    ranges = [c for values in got.values() for v, c in values if isinstance(v, list)]
    assert ranges and set(ranges) == {"candidate"}  # what the search covered is no chosen value
