"""Settings in the compact style of a model description (hp_compact.py): the value before the name, 'N-dim'
sizes, 'N-block' counts, 'name: value' items of a list, resampling factors; and other phrasings of model
settings met on development papers (orders and ranks of a part, rate policies, crops, initializers)."""

from __future__ import annotations

from hp_found import found


def test_values_before_their_names_and_compact_sizes() -> None:
    got = found(
        "Adam optimization is used with a 0.002 learning rate, 1x10^-6 weight decay and a 0.1 dropout. "
        "The model comprises an 8-block Conformer encoder (256-dim output, 4 heads, 1024-dim feedforward) "
        "and a 6-block Transformer decoder.\n"
    )
    assert got["optimizer"] == [("adam", "stated")] and got["learning_rate"] == [(0.002, "stated")]
    assert got["weight_decay"] == [(1e-6, "stated")] and got["dropout"] == [(0.1, "stated")]
    assert got["encoder_blocks"] == [(8.0, "stated")] and got["decoder_blocks"] == [(6.0, "stated")]
    assert got["output_dimension"] == [(256.0, "stated")] and got["num_heads"] == [(4.0, "stated")]
    assert got["ffn_dim"] == [(1024.0, "stated")]


def test_items_of_a_list_keep_their_own_values() -> None:
    """'bottleneck dimension: 32, 4 attention heads' read '32, 4' as the number of heads."""
    got = found(
        "The fusion uses a bottleneck (bottleneck dimension: 32, 4 attention heads, 0.1 dropout) and a small "
        "encoder (hidden: 64-dim, layers: 2, heads: 4). We train with early stopping patience of 5.\n"
    )
    assert got["bottleneck_dimension"] == [(32.0, "stated")] and got["num_heads"] == [(4.0, "stated")]
    assert got["hidden_size"] == [(64.0, "stated")] and got["num_layers"] == [(2.0, "stated")]
    assert got["patience"] == [(5.0, "stated")]


def test_a_layer_count_is_not_read_as_blocks_of_the_next_word() -> None:
    got = found("We use a 3-layer MLP with 128 hidden units.\n")
    assert got == {"num_layers": [(3.0, "stated")], "hidden_size": [(128.0, "stated")]}


def test_an_abbreviation_in_brackets_between_a_count_and_its_noun() -> None:
    got = found("The network has 2 fully-connected (FC) layers and a softmax output.\n")
    assert got == {"num_layers": [(2.0, "stated")]}


def test_a_rate_policy_halved_at_a_period_a_crop_to_a_size_and_an_initializer() -> None:
    got = found(
        "We use a learning rate policy that starts from 0.001 and decreases by half every 50k iterations. "
        "The images are augmented by a random crop to the size of 224 x 224. We initialize all other "
        "network weights randomly using Xavier initializer.\n"
    )
    assert got["learning_rate"] == [(0.001, "stated")] and got["lr_decay"] == [(0.5, "stated")]
    assert got["lr_decay_steps"] == [(50000.0, "stated")] and got["crop_size"] == [("224 x 224", "stated")]
    assert got["initialization"] == [("xavier", "stated")]


def test_a_pair_before_what_it_sizes() -> None:
    got = found("Each set is a convolutional layer with a (4,4) kernel and a (1,1) stride.\n")
    assert got == {"kernel_size": [([4.0, 4.0], "stated")], "stride": [([1.0, 1.0], "stated")]}


def test_the_size_features_are_projected_to() -> None:
    got = found("We extract features from the encoder and project them to 80 dimensions.\n")
    assert got == {"projection_dimension": [(80.0, "stated")]}


def test_an_order_degree_or_rank_of_a_named_part_and_a_duration_that_is_no_count() -> None:
    got = found(
        "The polynomials are all of order P=3, and a low-rank factor of rank 8 is used. "
        "The data was produced by a 20-year run of the atmospheric model.\n"
    )
    assert got == {"polynomial_order": [(3.0, "stated")], "factor_rank": [(8.0, "stated")]}


def test_the_factor_a_layer_resamples_by() -> None:
    got = found("Each convolution is followed by a max pooling layer which down-samples by 4.\n")
    assert got == {"pooling": [("max", "stated")], "downsampling_factor": [(4.0, "stated")]}


def test_items_of_a_settings_list_after_a_colon_or_a_letter_marker() -> None:
    got = found(
        "Hyperparameters follow the default values: initial collect steps: 10,000, discount factor: 0.99. "
        "The detector settings are: (e) ROI heads predictions: 128 (f) NMS threshold: 0.4. To address this, "
        "we employ importance sampling: 2 terms are kept.\n"
    )
    assert got["initial_collect_steps"] == [(10000.0, "stated")] and got["nms_threshold"] == [(0.4, "stated")]
    assert got["roi_heads_predictions"] == [(128.0, "stated")]
    assert not [k for k in got if k.startswith("we_")]
