"""Values a paper prints that are not its settings, made candidates (never stated): a results table's row
conditions, a count that refers back, a gate's fixed nonlinearity, a value found wanting or tried aside, a
symbol the sentence makes a property of other things, test-data conditions, a figure's extent in a paragraph
above its tick labels; and "state space dimension" as a setting of its own (find_hyperparameters on
Markdown; the sentences are written for these tests)."""

from __future__ import annotations

from hp_found import found


def _found(markdown: str) -> dict[str, list[tuple]]:
    return found(markdown)


_HORIZON = "The horizon H is the number of planning steps.\n\n"


def test_assignments_beside_scores_are_a_results_rows_condition() -> None:
    pipe = (
        _HORIZON + "| | Ours | Baseline |\n|---|---|---|\n"
        "| N=4, H=30 | 12.5 | **10.1** |\n| N=4, H=60 | 13.9 | 11.0 |\n"
    )
    assert {c for _v, c in _found(pipe)["planning_steps"]} == {"candidate"}
    flat = _HORIZON + "Ours Baseline N=4, H=30 12.5 10.1 N=4, H=60 13.9 11.0 Figure 2. Returns.\n"
    assert {c for _v, c in _found(flat)["planning_steps"]} == {"candidate"}
    # a plain assignment in a sentence stays stated
    assert _found(_HORIZON + "We plan with H = 30 throughout.\n")["planning_steps"] == [(30.0, "stated")]


def test_a_count_with_a_definite_article_refers_back() -> None:
    assert _found("We then freeze the weights of the four layers.\n")["num_layers"] == [(4.0, "candidate")]
    assert _found("The encoder has four layers.\n")["num_layers"] == [(4.0, "stated")]


def test_a_gates_activation_is_part_of_the_cell() -> None:
    got = _found("Its forget gate applies the sigmoid activation, and the output uses a tanh activation.\n")
    assert ("sigmoid", "candidate") in got["activation"]
    assert ("tanh", "stated") in got["activation"]


def test_a_value_found_wanting_or_tried_aside() -> None:
    md = "We found the cosine schedule sub-optimal for images of resolution 128 × 128.\n"
    assert {c for _v, c in _found(md)["image_size"]} == {"candidate"}
    md = "Wider models (namely hidden size 512 and hidden size 1024) yielded similar results.\n"
    assert {c for _v, c in _found(md)["hidden_size"]} == {"candidate"}
    assert _found("We use images of resolution 128 × 128.\n")["image_size"] == [("128 × 128", "stated")]


def test_a_symbol_made_a_property_of_other_things() -> None:
    md = "The model maps inputs to m hidden units.\n\nWe sampled graphs for m equal to 50 and 500.\n"
    got = _found(md)
    assert "hidden_size" not in got and got["graphs"] == [([50.0, 500.0], "candidate")]
    md = "The model maps inputs to m hidden units.\n\nWe train networks with m = 50.\n"
    assert _found(md)["hidden_size"] == [(50.0, "stated")]


def test_conditions_of_the_test_data_are_no_setting() -> None:
    md = _HORIZON + "Below are rollouts on test sets where planning horizon H = 80.\n"
    assert {c for _v, c in _found(md)["planning_steps"]} == {"candidate"}


def test_a_paragraph_above_tick_labels_is_read_as_prose() -> None:
    md = (
        "We compare the two planners in Figure 4, where the graph is only shown up to depth 9 "
        "since it grows without bound afterwards.\n"
        "| 10 | A | 10 | B |\n| 5 | 100 | 5 | 100 |\n| 0 | 10 | 0 | 10 |\n"
    )
    assert _found(md)["num_layers"] == [(9.0, "candidate")]


def test_state_space_dimension_is_a_setting_of_its_own() -> None:
    got = _found(
        "A student with state space dimension d = 64 learns from a teacher with state dimension 8.\n"
    )
    assert got["state_dim"] == [(64.0, "stated"), (8.0, "stated")]


def test_a_printed_module_and_a_point_in_a_run_are_candidates() -> None:
    """A module's children printed in the paper ('( drop ) : Dropout ( p =0.1 ) 6 ( h ) : ModuleList') and
    the point a run was looked at ('fine-tuned after 1 epoch') are no settings the paper states."""
    got = found(
        "GPT2Model ( 3 ( wte ) : Embedding (50257 , 768) 5 ( drop ) : Dropout ( p =0.1 , inplace = False ) "
        "6 ( h ) : ModuleList ( ... ) with 0. ln_1 , 0. attn . c_attn , 0. mlp . dropout 2 1. ln_1\n\n"
        "We compute the gradient of the loss for the models fine-tuned after 1 epoch.\n"
    )
    assert all(conf == "candidate" for rows in got.values() for _, conf in rows), got


def test_the_coefficient_of_a_formula_is_no_value() -> None:
    got = found("The maps are sampled with bandwidth b = 64 (n = 4 b^2 = 16,384 pixels).\n")
    assert got == {"bandwidth": [(64.0, "stated")]}


def test_a_run_of_assignments_keeps_each_whole_value() -> None:
    """'m = 4 m = 32' (a table header run into a line): the check for a formula's coefficient made the
    scanner back off to '3' of '32'."""
    got = found("We vary the number of features m. Speedup with m = 4 m = 32 m = 128 on 256 steps.\n")
    assert [v for v, _ in got["num_features"]] == [4.0, 32.0, 128.0]


def test_a_softmax_output_and_a_model_size_in_a_result_are_candidates() -> None:
    got = found(
        "The representation is passed through a classifier with softmax activation. Note that the best "
        "student with only 5.5M parameters reaches 83% accuracy.\n"
    )
    assert got["activation"] == [("softmax", "candidate")]
    assert got["num_parameters"] == [(5500000.0, "candidate")]


def test_runs_counted_in_words_when_the_sentence_says_they_were_run() -> None:
    got = found("Twenty randomized trials for each resolution and eye were performed.\n")
    assert got["num_runs"] == [(20.0, "stated")]


def test_an_image_s_channels_are_no_layer_width() -> None:
    got = found("We denote x0 as the original image (3 channel RGB). It is encoded in 3 channels.\n")
    assert got["base_channels"] == [(3.0, "candidate")]


def test_results_named_models_cited_clauses_and_diverging_values_are_candidates() -> None:
    md = (
        "Our method achieves a top-1 accuracy of 76.5% with 25M parameters.\n\n"
        "BERT-large has 24 layers and 340M parameters. We feed in the embeddings of a T5-XXL model, which is "
        "frozen and consists of 4.6B parameters.\n\n"
        "In contrast to Smith et al. (2020), who train for 90 epochs, we train for 30 epochs.\n\n"
        "We build on the VGAE model (Kipf & Welling, 2016) which uses layers of size 16.\n\n"
        "We observe that a learning rate of 1.0 causes divergence.\n"
    )
    got = _found(md)
    assert got["num_parameters"] == [(25e6, "candidate"), (340e6, "candidate"), (4.6e9, "candidate")]
    assert got["num_layers"] == [(24.0, "candidate")]
    assert got["epochs"] == [(90.0, "candidate"), (30.0, "stated")]
    assert got["hidden_size"] == [(16.0, "stated")]  # 'which': the model it builds on
    assert got["learning_rate"] == [(1.0, "candidate")]
    # a divergence the method is named after is no run that diverged
    got = _found(
        "We train an RBM using 15 epochs of persistent contrastive divergence, with a batch size of 20.\n"
    )
    assert got["epochs"] == [(15.0, "stated")] and got["batch_size"] == [(20.0, "stated")]


def test_a_seeds_value_and_a_count_of_seeds() -> None:
    got = _found("We set the random seed to 42. Results are averaged over five random seeds and one seed.\n")
    assert got["seed"] == [(42.0, "stated")]
    assert {v for v, _c in got["num_runs"]} == {5.0, 1.0}


def test_the_end_of_a_range_is_no_single_setting() -> None:
    got = _found("We train base models at parameter sizes ranging from 600M to 3B parameters.\n")
    assert got["num_parameters"] == [(3e9, "candidate")]


def test_an_assumed_interval_a_difference_and_timesteps_outside_diffusion() -> None:
    got = _found(
        "We assume that the rewards of all arms are bounded in [0, 1]. Each arm is pulled per round 4 "
        "times; the number of arms is 4 lower than that of UCB.\n\n"
        "We report the cumulative regret over T = 80000 timesteps averaged over 100 independent runs.\n\n"
        "We train the diffusion model with T = 1000 timesteps.\n"
    )
    assert "num_arms" not in got
    assert got["training_steps"] == [(80000.0, "stated")]
    assert got["diffusion_steps"] == [(1000.0, "stated")]


def test_a_value_to_consider_is_an_example_and_a_log_loss_keeps_its_noun() -> None:
    got = _found(
        "To see how it works, consider first a context window of size 2.\n\n"
        "We train both classifiers by minimizing the negative log loss.\n"
    )
    assert got["window_size"] == [(2.0, "candidate")]
    assert got["loss"] == [("negative log loss", "stated")]


def test_the_words_of_an_address_or_a_title_are_no_settings() -> None:
    got = _found(
        "- [Three Trees in Grey Weather by Claude Monet](https://www.wikiart.org/en/three-trees-in-grey-weather)\n"
        "- Code: https://example.org/runs/batch-size-64-epochs-10/\n\n"
        "We train for 10 epochs.\n"
    )
    assert "num_trees" not in got and "batch_size" not in got
    assert got["epochs"] == [(10.0, "stated")]


def test_a_table_of_results_under_several_hyperparameter_settings_states_none() -> None:
    table = (
        "| ϕσ2 | 0.5 | 2 |\n| --- | --- | --- |\n| ϕl | 0.01 | 0.05 |\n| MELBO | -2698.79 | -2671.42 |\n"
        "| TRPA | 0.69 | 0.70 |\n\nTable 3: Model fitting and prediction results under different settings of "
        "hyper-parameters.\n"
    )
    got = _found(table)
    assert all(c == "candidate" for rows in got.values() for _, c in rows)
    assert "trpa" not in got or all(c == "candidate" for _, c in got["trpa"])


def test_a_letter_standing_for_a_value_is_no_value() -> None:
    got = _found("We tune RandomForestClassifier(n estimators=a, criterion=b, min samples split=c).\n")
    assert "criterion" not in got and "min_samples_split" not in got


def test_an_example_rotation_is_no_augmentation_range() -> None:
    got = _found("The question is how to rotate a low-resolution image by 10 degrees without artefacts.\n")
    assert "rotation_degrees" not in got


def test_a_count_describing_the_data_and_a_depth_counted_in_steps() -> None:
    got = _found(
        "Using this method, our data contains 10,000 neurons (out of a total of 200,000). The network has "
        "two hidden layers of 256 neurons.\n\n"
        "The tree could be used for planning to a depth of 8 time-steps. The policy network has a depth "
        "of 4.\n"
    )
    assert sorted(got["hidden_size"]) == [(256.0, "stated"), (10000.0, "candidate")]
    assert (8.0, "candidate") in got["num_layers"] and (4.0, "stated") in got["num_layers"]


def test_the_size_of_a_counted_thing_is_no_count_of_them() -> None:
    got = _found("Maximum tree size was 5500 nodes. We train 100 trees of depth 6.\n")
    assert got["tree_size"] == [(5500.0, "stated")] and got["num_trees"] == [(100.0, "stated")]
    assert got["max_depth"] == [(6.0, "stated")] and "num_layers" not in got


def test_a_number_after_a_hash_is_an_identifier() -> None:
    # a review copy's paper ID, set in the margin, lands inside a sentence of the PDF's text
    got = _found("We attend over the image context using #7245 multi-head attention with 16 heads.\n")
    assert got.get("num_heads") == [(16.0, "stated")]
    assert 7245.0 not in {v for values in got.values() for v, _c in values}


def test_a_step_number_run_into_an_algorithms_comment_is_a_candidate() -> None:
    # a PDF's algorithm box: line 12's number follows line 11's right-set comment on one text line
    got = _found(
        "11 b ← Interpolate(b, v) // Interpolate the box to the OCR image size 12 Find the closest boxes\n"
    )
    assert got["image_size"] == [(12.0, "candidate")]
    assert _found("We resize every image to an image size of 224 for all runs.\n")["image_size"] == [
        (224.0, "stated")
    ]


def test_numbers_counting_up_before_words_are_an_algorithms_lines() -> None:
    # a PDF's algorithm box read as one paragraph: its line numbers are no settings
    got = _found(
        "1 Initialize the weights randomly. 2 Initialize an empty queue. 3 for i = 0 to T do "
        "4 Sample a minibatch uniformly. 5 initialize the gate 6 repeat 7 Update the statistics\n"
    )
    assert all(c == "candidate" for values in got.values() for _v, c in values), got
    assert _found("We sample a minibatch of 4 graphs per step.\n")["batch_size"] == [(4.0, "stated")]


def test_a_named_models_configuration_in_brackets_is_a_candidate() -> None:
    got = found(
        "# Experiments\n\nWe analyse two pretrained models: Qwen3-4B (L=36, 8 KV heads) and Pythia-2.8B "
        "(32 layers, hidden size 2560).\n\nWe fine-tune with a learning rate of 2e-5.\n\n"
        "The outputs are fed into a small RoBERTa (a hidden size of 64).\n"
    )
    assert (2560, "candidate") in got["hidden_size"] and (32, "candidate") in got["num_layers"]
    assert got["learning_rate"] == [(2e-5, "stated")]
    assert (64, "stated") in got["hidden_size"]  # a family name without a size: maybe the paper's own


def test_a_list_whose_first_number_follows_a_name_is_no_list() -> None:
    got = found("# Experiments\n\nThe outputs are fed into a small network (hidden size 64, 2 layers).\n")
    assert got["hidden_size"] == [(64, "stated")] and got["num_layers"] == [(2, "stated")]
    assert found("# Experiments\n\nWe use 2, 4 or 8 layers.\n")["num_layers"] == [([2, 4, 8], "stated")]


def test_a_stretch_of_past_epochs_and_a_datasets_feature_count_are_candidates() -> None:
    got = _found(
        "Training stops once the loss exceeds its mean over the previous 50 epochs. The two largest "
        "datasets (412 and 880 features, respectively) did not fit in memory. We train for 300 epochs.\n"
    )
    assert got["epochs"] == [(50.0, "candidate"), (300.0, "stated")]
    assert got["num_features"] == [([412.0, 880.0], "candidate")]
    assert _found("We select 16 features from each dataset by mutual information.\n")["num_features"] == [
        (16.0, "stated")
    ]
