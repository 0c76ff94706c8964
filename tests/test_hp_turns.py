"""Settings stated in common turns of phrase: early-stopping patience, pooling windows and kernels written as
sizes, whole sizes (`32 × 32`), a loss term's weight, target-network updates, negatives per positive."""

from __future__ import annotations

from hp_found import found


def test_a_patience_counted_in_epochs_is_the_patience_not_the_training_length() -> None:
    got = found(
        "We train for 200 epochs. Early stopping with a patience of 10 epochs is used.\n\n"
        "A second model stops once the validation loss has not improved for five consecutive epochs.\n"
    )
    assert got["epochs"] == [(200.0, "stated")]
    assert got["patience"] == [(10.0, "stated"), (5.0, "stated")]


def test_kernels_and_pooling_windows_written_as_sizes() -> None:
    got = found(
        "We use 3 × 3 convolutions throughout the network. Each block ends with 2 × 2 max pooling.\n\n"
        "The decoder uses average pooling with a window of 4 × 4.\n"
    )
    assert got["kernel_size"] == [("3 × 3", "stated")]
    assert got["pool_size"] == [("2 × 2", "stated"), ("4 × 4", "stated")]


def test_a_number_with_a_second_side_is_read_as_the_whole_size() -> None:
    got = found(
        "The input images have a resolution of 32 × 32.\n\n"
        "We use a batch size of 32 × 4.\n\n"
        "The model was trained on three different resolutions: 95×120, 190×240 and 285 × 360.\n\n"
        "We train for 2 × 10^5 steps.\n"
    )
    assert got["image_size"][0] == ("32 × 32", "stated")
    assert got["image_size"][1] == ("95×120", "candidate")  # one of three sizes
    assert got["batch_size"] == [("32 × 4", "candidate")]  # a per-device batch times devices?
    assert got["training_steps"] == [(200000.0, "stated")]


def test_a_loss_terms_weight_is_named_by_the_term() -> None:
    got = found(
        "The weight of the auxiliary loss λ is set to 0.5. We weight the reconstruction loss by 10.\n\n"
        "The adversarial loss is weighted by λ_adv = 0.1.\n\n"
        "The total loss is weighted by the batch size. This loss is scaled by 2 × 10^3 units.\n"
    )
    assert got["auxiliary_loss_weight"] == [(0.5, "stated")]
    assert got["reconstruction_loss_weight"] == [(10.0, "stated")]
    assert got["adversarial_loss_weight"] == [(0.1, "stated")]
    assert not {k for k in got if k.startswith(("total", "this"))}


def test_target_network_updates_buffers_and_negatives() -> None:
    got = found(
        "The target network is updated every 1000 steps. We use soft target updates with τ = 0.005 for the "
        "critic. We use a replay buffer of size 1M. We draw 10 negative samples for each positive pair.\n"
    )
    assert got["target_update_interval_steps"] == [(1000.0, "stated")]
    assert got["target_update_rate"] == [(0.005, "stated")]
    assert got["replay_buffer_size"] == [(1000000.0, "stated")]
    assert got["num_negative_samples"] == [(10.0, "stated")]
