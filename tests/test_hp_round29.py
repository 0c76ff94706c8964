"""Forms read in the twenty-ninth round, each sentence written here in words of our own."""

from __future__ import annotations

from hp_found import found


def test_a_rate_written_before_its_name_after_a_verb_of_use():
    got = found("## 4 Training\n\nWe use 0.002 learning rate and 0.3 dropout for all runs.\n")
    assert got["learning_rate"] == [(0.002, "stated")] and got["dropout"] == [(0.3, "stated")]
    got = found("## 4 Training\n\nWe use 500 learning rate warmup steps.\n")
    assert "learning_rate" not in got  # the count is the warmup's


def test_the_size_of_a_decision_problem_written_as_a_compound_adjective():
    got = found("## 5 Experiments\n\nWe sample 12-state, 3-action MDPs and a 7-armed bandit.\n")
    assert got["num_states"] == [(12.0, "stated")] and got["num_actions"] == [(3.0, "stated")]
    assert got["num_arms"] == [(7.0, "stated")]
    got = found("## 5 Experiments\n\nThe agent takes 400 actions in each episode.\n")
    assert "num_actions" not in got  # a bare count of actions may be the steps an agent takes
    theory = "Policies of 2-state MDPs form a cube; Figure 1 shows a 3-state 2-action MDP."
    got = found(f"## 3 Theory\n\n{theory}\n")
    assert "num_states" not in got and "num_actions" not in got  # sizes a theory illustrates, no run's


def test_losses_named_after_a_verb_of_use_or_as_the_loss_function():
    for sentence, loss in (
        ("We use MSE loss to fit every model.", "mse"),
        ("We used cross-entropy loss as a loss function.", "cross-entropy"),
        ("The loss function is the mean squared error.", "mean squared error"),
        ("We minimize the squared loss between the output and the target.", "squared loss"),
    ):
        assert found(f"## 4 Training\n\n{sentence}\n")["loss"] == [(loss, "stated")], sentence
    got = found("## 4 Training\n\nWe also train one model using MSE loss to compare it with our loss.\n")
    assert got["loss"] == [("mse", "candidate")]  # a loss set beside another for comparison: a baseline's?
    assert "loss" not in found("## 4 Training\n\nWe use an L1 loss weight of 0.1.\n")


def test_a_value_list_whose_later_item_another_reading_took_keeps_its_first_value():
    got = found("## 4 Training\n\nWe use SGD with momentum 0.9 and 0.05 learning rate for 30 epochs.\n")
    assert got["momentum"] == [(0.9, "stated")] and got["learning_rate"] == [(0.05, "stated")]
    got = found("## 4 Training\n\nThe learning rates are 0.1 and 0.01 for the two phases.\n")
    assert got["learning_rate"] == [([0.1, 0.01], "stated")]  # a free list stays whole
