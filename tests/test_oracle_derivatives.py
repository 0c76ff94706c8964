"""Oracles for derivatives on a right-hand side: the derivative of a quantity the line never writes out is
given as its value (named as `\\nabla_\\theta L` is), a partial derivative of an expression written out is
differentiated by sympy; second, mixed and total derivatives whose dependence is not written are refused
with that reason. Also the marks that name a variable (`x^*`, amsmath's `\\Ddot{x}`) and an expression set
equal to a constant (a condition, refused). Each oracle accepts a right implementation and rejects wrong
ones (tests/oracle_proof.py)."""

from __future__ import annotations

import numpy as np
import pytest
from oracle_proof import both_ways

from tools.trace.oracles import oracle_spec


def test_a_gradient_step_takes_the_written_derivative_as_a_given_value():
    spec = both_ways(
        r"w_{t+1} = w_t - \eta \frac{\partial \mathcal{L}}{\partial w_t}",
        lambda w_t, eta, grad_w_t_L_cal: w_t - eta * grad_w_t_L_cal,
        lambda w_t, eta, grad_w_t_L_cal: w_t + eta * grad_w_t_L_cal,  # ascent, not descent
        lambda w_t, eta, grad_w_t_L_cal: w_t - grad_w_t_L_cal,  # the step size dropped
    )
    assert spec["given"] == {
        "grad_w_t_L_cal": r"the value of \frac{\partial\mathcal{L}}{\partial w_t}",
    }


def test_the_fraction_and_the_nabla_name_the_same_given_gradient():
    by_frac = oracle_spec(r"\theta' = \theta - \alpha \frac{\partial J}{\partial \theta}")
    by_nabla = oracle_spec(r"\theta' = \theta - \alpha \nabla_\theta J")
    assert by_frac.ok and by_nabla.ok, (by_frac.reason, by_nabla.reason)
    assert by_frac.spec["inputs"] == by_nabla.spec["inputs"] == ["theta", "alpha", "grad_theta_J"]


def test_the_derivative_of_a_log_and_of_a_function_of_two_arguments_are_given():
    both_ways(
        r"\mu \leftarrow \mu + s^2 \frac{\partial \log Z}{\partial \mu}",
        lambda mu, s, grad_mu_log_Z: mu + s**2 * grad_mu_log_Z,
        lambda mu, s, grad_mu_log_Z: mu + s * grad_mu_log_Z,
    )
    spec = both_ways(
        r"u = \lambda \, \partial_{x} F(x, y)",
        lambda lambda_, grad_x_F_of_x_y: lambda_ * grad_x_F_of_x_y,
        lambda lambda_, grad_x_F_of_x_y: -lambda_ * grad_x_F_of_x_y,
    )
    assert "grad_x_F_of_x_y" in spec["given"]


def test_a_partial_derivative_of_a_written_expression_is_differentiated():
    both_ways(
        r"g = \frac{\partial}{\partial x}\left(a x^3 + b x\right)",
        lambda a, x, b: 3 * a * x**2 + b,
        lambda a, x, b: a * x**3 + b * x,  # not differentiated
        lambda a, x, b: 3 * a * x**2 - b,
        lambda a, x, b: 3 * a * x + b,  # the power rule misapplied
    )


def test_the_operator_applies_to_the_product_term_after_it():
    both_ways(
        r"g = \frac{\partial}{\partial x} a x^2 + c",
        lambda a, x, c: 2 * a * x + c,
        lambda a, x, c: 2 * a * x + c * x,  # the operator read as applying to the whole sum: c's term wrong
        lambda a, x, c: a * x**2 + c,
    )


def test_a_derivative_with_the_expression_in_its_numerator():
    both_ways(
        r"h = \frac{\partial (x^2 y)}{\partial x} + \frac{\partial \left(e^{x y}\right)}{\partial y}",
        lambda x, y: 2 * x * y + x * np.exp(x * y),
        lambda x, y: x**2 + x * np.exp(x * y),
        lambda x, y: 2 * x * y + y * np.exp(x * y),  # differentiated by the wrong variable
    )


def test_the_subscript_form_and_a_total_derivative_in_its_variable_alone():
    both_ways(
        r"v = \partial_u \left( \log(1 + u^2) \right) + \frac{\mathrm{d}}{\mathrm{d}u} u^3",
        lambda u: 2 * u / (1 + u**2) + 3 * u**2,
        lambda u: 2 * u / (1 + u**2) - 3 * u**2,
        lambda u: np.log(1 + u**2) + 3 * u**2,
    )


@pytest.mark.parametrize(
    "latex, reason",
    [
        (r"y = \frac{\partial^2 f}{\partial x^2}", "second or higher derivative"),
        (r"y = \frac{\partial f}{\partial x \partial z}", "second or mixed derivative"),
        (r"y = \frac{d}{dt}\left(a t^2\right)", "which of them depend on t is not written"),
        (r"y = \frac{d}{dt}\left(a^2\right)", "how its symbols depend on t is not written"),
        (r"g = \frac{\partial L}{\partial \mathbf{w}}", "a matrix or vector"),
        (r"g = \frac{\partial}{\partial \theta} \log p(x \mid \theta)", "a renaming"),  # a given score alone
        (
            r"D h = \frac{\partial}{\partial \epsilon}\Big|_{\epsilon = 0} h(x + \epsilon e)",
            "evaluated at a point",
        ),
        (r"g = \sum_{i=1}^{n} \frac{\partial \ell_i}{\partial \theta}", "inside a sum over its index"),
        (r"g = \frac{\partial \sigma(z)}{\partial z} a", "may be a function or a product"),
        (r"g = \frac{\partial}{\partial x} \left(\sum_{i} a_i x\right)", "inside a sum over its index"),
        (r"g = \frac{\partial}{\partial x} \left(\| y \|^2 x\right)", "only plain algebra of scalar inputs"),
        (r"f(x) = x^2, \quad g = \frac{\partial f(x)}{\partial x} + f(x)", "a function the oracle evaluates"),
    ],
)
def test_derivatives_the_oracle_cannot_read_are_refused_with_their_reason(latex, reason):
    result = oracle_spec(latex)
    assert not result.ok
    assert reason in result.reason


def test_a_bare_star_names_a_variable_like_a_braced_one():
    spec = both_ways(
        r"r = (x - x^*)^2 + y^{*}",
        lambda x, x_star, y_star: (x - x_star) ** 2 + y_star,
        lambda x, x_star, y_star: (x + x_star) ** 2 + y_star,
        lambda x, x_star, y_star: (x - x_star) ** 2,
    )
    assert spec["inputs"] == ["x", "x_star", "y_star"]


def test_amsmath_capital_accents_are_the_same_marks():
    both_ways(
        r"\Ddot{x} = -k x - c \Dot{x}",
        lambda k, x, c, x_dot: -k * x - c * x_dot,
        lambda k, x, c, x_dot: -k * x + c * x_dot,
        lambda k, x, c, x_dot: -k * x,
    )


def test_an_expression_set_equal_to_a_constant_is_a_condition():
    result = oracle_spec(r"\ddot{x} + c \dot{x} + k x = 0")
    assert not result.ok
    assert "set equal to a constant" in result.reason


def test_the_score_function_is_a_given_value():
    """`\\nabla_\\lambda \\log q(z; \\lambda)` in a score-function estimator: the gradient of the log of a
    density at the point written, given as its value like the gradient of J; the log of a bare variable is
    refused."""
    spec = both_ways(
        r"f(z) = \nabla_{\lambda} \log q(z; \lambda) \left(\log p(x, z) - \log q(z; \lambda)\right)",
        lambda grad_lambda_log_q_of_z_lambda, p_of_x_z, q_of_z_lambda: (
            grad_lambda_log_q_of_z_lambda * (np.log(p_of_x_z) - np.log(q_of_z_lambda))
        ),
        lambda grad_lambda_log_q_of_z_lambda, p_of_x_z, q_of_z_lambda: (
            grad_lambda_log_q_of_z_lambda * (np.log(q_of_z_lambda) - np.log(p_of_x_z))
        ),
        lambda grad_lambda_log_q_of_z_lambda, p_of_x_z, q_of_z_lambda: (
            np.log(p_of_x_z) - np.log(q_of_z_lambda)
        ),
    )
    assert (
        spec["given"]["grad_lambda_log_q_of_z_lambda"] == r"the value of \nabla_{\lambda} \log q(z;\lambda)"
    )
    assert not oracle_spec(r"g = \nabla_\theta \log x + 1").ok
    assert not oracle_spec(
        r"g = \sum_{i=1}^N \nabla_\theta \log p_\theta(x_i) R_i"
    ).ok  # at each term: refused
