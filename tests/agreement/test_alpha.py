"""Krippendorff's ordinal alpha on the published example, and agreement per pair of coders."""

import numpy as np
import pytest

from quotes.alpha import (
    alpha_of_coincidences,
    bootstrap_interval,
    ordinal_alpha,
    pair_agreement,
    unit_coincidences,
)

# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C: four observers,
# twelve units, values 1–5, None where an observer did not code the unit.
RELIABILITY_EXAMPLE = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
}


def as_units(table: dict) -> dict:
    units = {}
    for coder, values in table.items():
        for unit, value in enumerate(values):
            if value is not None:
                units.setdefault(unit, {})[coder] = value
    return units


def test_ordinal_alpha_of_krippendorffs_reliability_example_is_the_published_0_815():
    """Unit 12 has one value and takes no part; the published ordinal alpha is 0.815."""
    assert ordinal_alpha(as_units(RELIABILITY_EXAMPLE)) == pytest.approx(0.815, abs=5e-4)


def test_only_the_order_of_the_values_matters():
    """The same example on the stance scale (1..5 moved to −2..+2) has the same alpha."""
    shifted = {
        unit: {coder: value - 3 for coder, value in codes.items()}
        for unit, codes in as_units(RELIABILITY_EXAMPLE).items()
    }
    assert ordinal_alpha(shifted) == pytest.approx(ordinal_alpha(as_units(RELIABILITY_EXAMPLE)))


def test_the_vectorised_alpha_the_bootstrap_uses_equals_the_krippendorff_package():
    rng = np.random.default_rng(5)
    for _ in range(20):
        units = {
            unit: {coder: int(rng.integers(-2, 3)) for coder in "abc" if rng.random() < 0.8}
            for unit in range(15)
        }
        expected = ordinal_alpha(units)
        computed = alpha_of_coincidences(unit_coincidences(units).sum(axis=0))
        if expected is None:
            assert np.isnan(computed)
        else:
            assert computed == pytest.approx(expected, abs=1e-12)


def test_the_interval_of_the_example_contains_the_estimate_and_is_the_same_for_the_same_seed():
    units = as_units(RELIABILITY_EXAMPLE)
    low, high = bootstrap_interval(units)
    assert low < ordinal_alpha(units) < high <= 1
    assert bootstrap_interval(units) == (low, high)
    assert bootstrap_interval(units, seed=7) == bootstrap_interval(units, seed=7)
    assert bootstrap_interval(units, seed=7) != (low, high)


def _unit_by_unit_percentiles(units: dict, samples: int = 2000) -> tuple[float, float]:
    """The plain percentile interval of alpha over resamples drawn unit by unit, the textbook
    way (slow: one weight per unit and resample)."""
    coincidences = unit_coincidences(units)
    count = len(coincidences)
    picks = np.random.default_rng(11).integers(0, count, size=(samples, count))
    alphas = alpha_of_coincidences(coincidences[picks].sum(axis=1))
    alphas = alphas[~np.isnan(alphas)]
    return float(np.quantile(alphas, 0.025)), float(np.quantile(alphas, 0.975))


def test_resampling_the_coding_patterns_is_resampling_the_units():
    """Units coded alike are resampled as one pattern with its share: the interval is the one
    of resampling unit by unit (a skewed sample, most units in agreement), up to resampling
    noise, and the BCa correction stays small on it."""
    rng = np.random.default_rng(5)
    units = {}
    for unit in range(600):
        first = int(rng.integers(-2, 3))
        second = first if rng.random() < 0.7 else int(rng.integers(-2, 3))
        units[unit] = {"a": first, "b": second}
    low, high = bootstrap_interval(units)
    plain_low, plain_high = _unit_by_unit_percentiles(units)
    assert low == pytest.approx(plain_low, abs=0.02)
    assert high == pytest.approx(plain_high, abs=0.02)
    assert 0.05 < high - low < 0.2


def test_the_interval_is_undefined_where_alpha_is():
    assert bootstrap_interval({1: {"a": 1, "b": 1}, 2: {"a": 1, "b": 1}}) is None
    assert bootstrap_interval({1: {"a": 1}, 2: {"b": -1}}) is None


def test_pair_agreement_counts_the_quotes_each_pair_coded_in_common():
    """Coders A and B share units 1–9 (A coded no unit after 9): eight of nine equal (unit 6 is
    1 against 2), so exact 8/9 and mean difference 1/9."""
    pairs = {pair["annotators"]: pair for pair in pair_agreement(as_units(RELIABILITY_EXAMPLE))}
    assert list(pairs) == [("A", "B"), ("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"), ("C", "D")]
    first = pairs["A", "B"]
    assert (first["units"], first["exact"]) == (9, pytest.approx(8 / 9))
    assert first["mean_difference"] == pytest.approx(1 / 9)


def test_a_pair_agreeing_on_every_quote_has_alpha_1_and_coders_with_nothing_shared_no_pair():
    units = {1: {"a": -2, "b": -2}, 2: {"a": 1, "b": 1, "c": 2}, 3: {"c": 0, "d": 2}}
    pairs = {pair["annotators"]: pair for pair in pair_agreement(units)}
    assert set(pairs) == {("a", "b"), ("a", "c"), ("b", "c"), ("c", "d")}
    assert (pairs["a", "b"]["alpha"], pairs["a", "b"]["exact"]) == (1.0, 1.0)
    assert pairs["a", "c"]["alpha"] == 0  # one quote, coded apart: no better than chance
    assert pairs["c", "d"]["mean_difference"] == 2
