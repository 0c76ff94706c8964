"""Forms read in the thirty-third round, each sentence written here in words of our own."""

from __future__ import annotations

from hp_found import found

from tools.analysis.hp_vocabulary import canonical_key
from tools.analysis.hyperparams import values_match


def test_a_searched_grid_with_its_chosen_member_marked_gives_both():
    text = (
        "- Plain SGD step sizes $\\{0.003, 0.03 \\text{(best)}, 0.3\\}$, momentum 0.8\n"
        "- Dropout rates tried: {0.05, 0.15, 0.25 (selected)}.\n"
    )
    got = found(f"## B Tuning\n\n{text}")
    assert (0.03, "stated") in got["learning_rate"] and ([0.003, 0.03, 0.3], "stated") in got["learning_rate"]
    assert (0.25, "stated") in got["dropout"]


def test_a_grid_with_two_marks_names_no_choice():
    text = "Step sizes $\\{0.003 \\text{(best)}, 0.03 \\text{(best)}, 0.3\\}$ were tried."
    got = found(f"## B Tuning\n\n{text}\n")
    assert all(isinstance(v, list) for v, _ in got.get("learning_rate", []))


def test_an_algorithm_input_line_assigns_with_an_arrow_and_its_steps_do_not():
    text = (
        "**Algorithm 2** Damped updates\n"
        "1. Input: $\\beta \\gets 0.7$, step size $\\eta \\gets 0.002$, $T$\n"
        "2. **for** $t \\gets 1$ to $T$ **do**\n"
        "    3. $w \\gets w - \\eta g_t$\n"
    )
    got = found(f"## 3 Method\n\n{text}")
    assert got["learning_rate"] == [(0.002, "stated")]
    assert "t" not in got and "w" not in got  # a loop's start and an update are no settings


def test_a_value_raised_after_a_first_phase_is_the_setting_and_the_first_a_candidate():
    text = "The step size is set to 0.0002 for the first two epochs, then increased to 0.002."
    got = found(f"## 4 Training\n\n{text}\n")
    assert sorted(got["learning_rate"]) == [(0.0002, "candidate"), (0.002, "stated")]


def test_a_value_lowered_after_a_first_phase_stays_the_setting():
    got = found("## 4 Training\n\nWe use a learning rate of 0.2 for the first 40 epochs and then 0.02.\n")
    assert (0.2, "stated") in got["learning_rate"]


def test_fewer_parameters_is_a_count_of_parameters_not_a_setting_named_fewer():
    text = "Our network needs far fewer parameters (7M as opposed to 70M for the baseline)."
    got = found(f"## 5 Results\n\n{text}\n")
    assert "fewer" not in got and got["num_parameters"] == [(7e6, "stated")]


def test_the_ends_of_a_learning_rate_schedule_have_one_key_whichever_side_the_word_stands():
    assert canonical_key("learning_rate_initial") == canonical_key("initial learning rate") == "learning_rate"
    finals = ["learning_rate_final", "final learning rate", "lr_min", "minimum learning rate", "end lr"]
    assert {canonical_key(n) for n in finals} == {"min_learning_rate"}
    assert canonical_key("learning rate decay") == "lr_decay"
    assert canonical_key("epsilon_end") == "epsilon_end"


def test_sizes_of_three_sides_match_their_list():
    assert values_match("3x3x3", [3, 3, 3]) and values_match("32 × 32 × 32", "32x32x32")
    assert not values_match("3x3x3", [3, 3]) and not values_match("1x1x1", [3, 3, 3])


def test_a_pdf_bullet_list_is_read_item_by_item_as_a_latex_list_is():
    text = (
        "We list each model's settings below.\n"
        "• CIFAR10 ResNet\n"
        "– 40k iterations\n"
        "– Nesterov SGD step sizes {0.02, 0.2(best), 2.0}, momentum 0.85\n"
        "• PTB LSTM\n"
        "– RMSProp step sizes {0.0003, 0.003(best), 0.03}\n"
    )
    got = found(f"## C Settings\n\n{text}")
    assert (0.2, "stated") in got["learning_rate"] and (0.003, "stated") in got["learning_rate"]
    assert got["momentum"] == [(0.85, "stated")]


def test_an_optimizer_name_is_no_value_of_another_setting():
    got = found("## 5 Experiments\n\nMomentum SGD 6 Adam\n\nWe compare momentum SGD with Adam.\n")
    assert all(not isinstance(v, str) for v, _ in got.get("momentum", []))


def test_a_count_set_equal_to_a_symbol_with_a_word_subscript_takes_the_symbol_as_its_name():
    text = "The discriminator is trained for $n_{disc} = 40$ iterations with a step size $\\alpha = 0.02$."
    got = found(f"## 4 Setup\n\n{text}\n")
    assert got["n_disc"] == [(40.0, "stated")] and "training_steps" not in got
    plain = found("## 4 Setup\n\nWe train for $T = 5000$ iterations.\n")
    assert plain["training_steps"] == [(5000.0, "stated")]  # a bare letter names no setting of its own


def test_an_architecture_family_a_model_is_built_from_is_a_candidate():
    text = "The Voxel-DenseNet architecture is based on the DenseNet architecture, with wider blocks."
    assert found(f"## 3 Model\n\n{text}\n")["architecture"] == [("densenet", "candidate")]
    used = found("## 4 Setup\n\nWe use a VGG-16 backbone pretrained on ImageNet.\n")
    assert used["backbone"] == [("vgg-16", "stated")]


def test_an_optimizer_the_sentence_compares_with_is_a_candidate():
    text = "With careful tuning, plain SGD turns out competitive with RMSProp on both tasks."
    assert found(f"## 5 Experiments\n\n{text}\n")["optimizer"] == [("rmsprop", "candidate")]
    assert found("## 4 Setup\n\nWe train with RMSProp, which converged faster than SGD.\n")["optimizer"] == [
        ("rmsprop", "stated")
    ]


def test_settings_in_a_nested_list_take_the_title_of_the_item_they_are_nested_under():
    text = (
        "We use these configurations.\n\n"
        "- SVHN WideResNet\n\n   - Nesterov SGD step size 0.05, momentum 0.85\n\n"
        "- Penn Treebank GRU\n\n   - RMSProp step size 0.002\n\n"
        "All runs use 3 seeds.\n"
    )
    got = found(f"## C Settings\n\n{text}", context=True)
    assert got["learning_rate"] == [
        (0.05, "stated", "SVHN WideResNet"),
        (0.002, "stated", "Penn Treebank GRU"),
    ]
    assert got["momentum"] == [(0.85, "stated", "SVHN WideResNet")]


def test_a_pdf_list_nests_by_its_glyphs_and_a_sentence_item_is_no_title():
    text = (
        "• SVHN WideResNet\n– step size 0.05\n"
        "• We always train with a batch size of 64.\n– step size 0.3\n"
    )
    got = found(f"## C Settings\n\n{text}", context=True)
    assert (0.05, "stated", "SVHN WideResNet") in got["learning_rate"]
    assert (0.3, "stated", None) in got["learning_rate"]


def test_a_count_headed_number_of_in_any_abbreviation_is_that_count():
    assert canonical_key("# of layers") == canonical_key("No. of layers") == "num_layers"
    assert canonical_key("No. of epochs") == "epochs"
    table = "| Model | No. of layers | Batch size |\n|---|---|---|\n| Small | 4 | 32 |\n| Large | 12 | 64 |\n"
    got = found(f"## 4 Setup\n\n{table}\n**Table 2** Model settings.\n", context=True)
    assert got["num_layers"] == [(4.0, "stated", "Small"), (12.0, "stated", "Large")]


def test_an_adverb_on_the_learning_rate_s_decay_names_its_schedule():
    text = "We use SGD, exponentially decaying the learning rate from 0.02 to 0.0002."
    got = found(f"## 4 Training\n\n{text}\n")
    assert got["lr_schedule"] == [("exponential", "stated")] and got["learning_rate"] == [(0.02, "stated")]
    later = found("## 4 Training\n\nAfter warmup, the learning rate is decayed linearly to zero.\n")
    assert later["lr_schedule"] == [("linear", "stated")]
    assert "lr_schedule" not in found("## 4 Training\n\nThe noise level decays exponentially over time.\n")


def test_a_schedule_matches_its_name_with_or_without_the_word_decay_or_schedule():
    assert values_match("exponential", "exponential_decay") and values_match("cosine annealing", "cosine")
    assert not values_match("linear", "exponential decay") and not values_match("weight decay", "weight")


def test_early_stopping_said_as_no_improvement_after_some_epochs_is_its_patience():
    text = "When no improvement in the validation AUC is seen after 12 epochs, training stops."
    assert found(f"## 4 Training\n\n{text}\n")["patience"] == [(12.0, "stated")]
    seen = found("## 5 Results\n\nWe observed no improvement after 200 epochs of training.\n")
    assert "patience" not in seen  # a result, not a rule for stopping


def test_a_symbol_set_off_by_commas_after_its_name_is_still_that_setting():
    got = found("## 4 Setup\n\nThe number of components in the mixture, $K$, was set to 12.\n")
    assert got["K"] == [(12.0, "stated")]


# --- classes seen on the held-out papers once they were opened (each in words of our own) ---


def test_runs_carried_out_some_times_are_the_number_of_runs():
    text = "Each configuration was carried out 7 times and the mean F1 is reported."
    got = found(f"## 5 Experiments\n\n{text}\n")
    assert got["num_runs"] == [(7.0, "stated")]


def test_setting_as_a_gerund_states_the_setting():
    got = found("## 4 Setup\n\nWe group the users with k-means, setting the number of clusters to 9.\n")
    assert got["num_clusters"] == [(9.0, "stated")]


def test_a_split_into_shares_each_with_an_article_and_the_word_set():
    got = found("## 4 Setup\n\nWe randomly split the ratings into a 75% training set and a 25% test set.\n")
    assert got["train_split"] == [(0.75, "stated")] and got["test_split"] == [(0.25, "stated")]


def test_the_first_term_of_a_formula_is_no_value_of_its_own():
    text = "We report the regret over a horizon $T = 10^4 + K^2$ steps."
    assert all(c == "candidate" for _, c in found(f"## 5 Experiments\n\n{text}\n").get("horizon", []))


def test_the_size_of_a_data_set_s_own_images_is_a_candidate_and_a_resize_is_stated():
    data = "The set holds 412 training and 380 test images, with the size of 1024 × 320 pixels."
    assert found(f"## 4 Data\n\n{data}\n")["image_size"] == [("1024 × 320", "candidate")]
    resized = found("## 4 Data\n\nAll 792 images were resized to 512 × 160 pixels.\n")
    assert resized["image_size"] == [("512 × 160", "stated")]


def test_embed_abbreviates_embedding_in_a_table_s_names():
    assert canonical_key("Max position embed.") == "max_position_embedding"
