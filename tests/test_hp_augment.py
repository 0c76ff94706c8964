"""Data augmentation settings, each sentence written here in our own words."""

from __future__ import annotations

from hp_found import found


def test_each_transform_gives_the_setting_its_torchvision_class_takes():
    text = (
        "## 4 Training\n\nTo augment the training images we flip them horizontally with probability 0.5, "
        "apply random rotations of up to 10 degrees, random translations of up to 4 pixels and random "
        "scaling between 0.9 and 1.1. We also use colour jitter with a strength of 0.4 and cutout with "
        "8 × 8 patches. Crops are taken at random from the padded 40×40 image down to a 32×32 image.\n"
    )
    got = found(text)
    assert got["horizontal_flip_probability"] == [(0.5, "stated")]
    assert got["rotation_degrees"] == [(10.0, "stated")]
    assert got["augmentation_shift"] == [(4.0, "stated")]
    assert got["augmentation_zoom"] == [([0.9, 1.1], "stated")]
    assert got["color_jitter"] == [(0.4, "stated")]
    assert got["cutout_size"] == [("8 × 8", "stated")]
    assert got["crop_size"] == [("32×32", "stated")]


def test_a_chance_written_before_the_flip_and_a_mirror():
    got = found("## 4 Data\n\nEvery sample has a 30% chance of being flipped vertically.\n")
    assert got["vertical_flip_probability"] == [(0.3, "stated")]
    got = found("## 4 Data\n\nPictures are mirrored left-right with 50% probability.\n")
    assert got["horizontal_flip_probability"] == [(0.5, "stated")]
    got = found("## 4 Data\n\nTo simulate noisy annotation, each label is flipped with probability 0.25.\n")
    assert got["flip_probability"] == [(0.25, "stated")]  # no direction: a label's flip, not an image's


def test_a_random_sentence_that_scales_or_shifts_something_else_is_no_augmentation():
    text = (
        "## 4 Training\n\nIn each random restart the loss is scaled by 0.5. We test robustness to a "
        "random covariate shift of 0.3. The image is rotated by 10 degrees in Figure 2.\n"
    )
    got = found(text)
    for key in ("augmentation_zoom", "augmentation_shift", "rotation_degrees"):
        assert key not in got, key


def test_a_value_of_another_setting_after_the_transform_is_not_the_transforms():
    text = (
        "## 4 Training\n\nWe use random horizontal flips, a learning rate of 0.1 and colour jitter with a "
        "batch size of 256.\n"
    )
    got = found(text)
    assert "horizontal_flip_probability" not in got and "color_jitter" not in got
    assert got["learning_rate"] == [(0.1, "stated")] and got["batch_size"] == [(256.0, "stated")]


def test_synonyms_name_one_setting():
    from tools.analysis.hyperparams import names_match

    assert names_match("rotation_degrees", "random_rotation_degrees")
    assert names_match("augmentation_shift", "translation_pixels")
    assert names_match("augmentation_zoom", "random_scaling_range")
    assert not names_match("rotation_degrees", "rotation")  # 'rotations of 3-dimensional space' is no range
