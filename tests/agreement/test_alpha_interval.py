"""The bootstrapped 95% interval of alpha covers the true alpha of simulated data sets.

Each data set is drawn from a model of known reliability: a quote has a true value (drawn from
a fixed, uneven distribution over −2..+2); each coder reports it with probability p and otherwise
a value drawn independently from the same distribution. Two coders then coincide as
p²·[c = k]·π_c + (1 − p²)·π_c·π_k, so the observed disagreement is (1 − p²) times the expected
one and the true alpha is p², whatever the metric.
"""

import numpy as np

from quotes.alpha import bootstrap_interval, ordinal_alpha

VALUES = np.arange(-2, 3)
SHARES = np.array([0.1, 0.2, 0.3, 0.25, 0.15])


def simulated(rng, *, true_alpha: float, quotes: int, coders: int = 3, missing: float = 0.15):
    truth = rng.choice(VALUES, size=quotes, p=SHARES)
    reliable = rng.random((quotes, coders)) < np.sqrt(true_alpha)
    chance = rng.choice(VALUES, size=(quotes, coders), p=SHARES)
    values = np.where(reliable, truth[:, None], chance)
    coded = rng.random((quotes, coders)) >= missing
    return {
        quote: {coder: int(values[quote, coder]) for coder in range(coders) if coded[quote, coder]}
        for quote in range(quotes)
    }


def test_the_95_percent_interval_covers_the_true_alpha_in_at_least_90_percent_of_data_sets():
    """300 data sets of 40 quotes, three coders each missing 15% of them, true alpha 0.4, 0.6 or
    0.8 in turn; 500 resamples each (under a second). The BCa interval covers in 95.3% of them
    here (the plain percentile interval in 94.7%; it falls to about 85% at alpha 0.85 with 20 or
    30 quotes, where BCa keeps about 89%); an 80% interval, or one that ignores the units'
    sampling, would cover far less than 90%."""
    rng = np.random.default_rng(2011)
    covered = contains_estimate = 0
    trials = 300
    for trial in range(trials):
        true_alpha = (0.4, 0.6, 0.8)[trial % 3]
        units = simulated(rng, true_alpha=true_alpha, quotes=40)
        low, high = bootstrap_interval(units, samples=500, seed=trial)
        covered += low <= true_alpha <= high
        contains_estimate += low <= ordinal_alpha(units) <= high
    assert covered / trials >= 0.90
    assert contains_estimate == trials


def test_the_interval_narrows_as_quotes_are_added():
    rng = np.random.default_rng(3)
    few = bootstrap_interval(simulated(rng, true_alpha=0.7, quotes=20))
    many = bootstrap_interval(simulated(rng, true_alpha=0.7, quotes=400))
    assert many[1] - many[0] < (few[1] - few[0]) / 2
