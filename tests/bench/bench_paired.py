"""Whether one way of running a workload is slower than another, judged
on paired rounds (the loaded column, issue 16).

The two run next to each other in every round, so each round gives the
ratio of their times, in which whatever slowed the machine during that
round (another job, the hypervisor) mostly cancels out.  The typical
ratio is the Hodges-Lehmann estimate of the rounds' log ratios (the
median of the means of every two of them), bounded by the Wilcoxon
signed-rank test: exact for any number of rounds, with no assumption of
a normal spread, and a round that another job disturbed moves it little.

The claim judged is "A is no slower than B": it fails only when A is
slower by more than MARGIN at LEVEL, that is when the lower bound of the
typical ratio is above 1 + MARGIN.  Whether the rounds were precise
enough to show more is said beside it: "shown" when the upper bound is
under 1 + MARGIN too, "not shown slower" when the bounds straddle it, a
run too noisy to show either way.
"""

import math

# How much slower still counts as "no slower", as a share of B's time.
MARGIN = 0.10
# Each one-sided bound holds with this confidence.
LEVEL = 0.95

SHOWN, NOT_SHOWN, SLOWER, TOO_FEW = ("shown", "not shown slower", "slower",
                                     "too few rounds")


def _signed_rank_counts(n):
    """How many of the 2**n sign patterns give each signed-rank sum 0..n(n+1)/2."""
    most = n * (n + 1) // 2
    counts = [1] + [0] * most
    for rank in range(1, n + 1):
        for total in range(most, rank - 1, -1):
            counts[total] += counts[total - rank]
    return counts


def signed_rank_bounds(values, level=LEVEL):
    """(estimate, lower, upper): the Hodges-Lehmann estimate of the
    centre of values and its one-sided bounds, each holding with this
    confidence; the bounds are None when there are too few values for it
    (under 5 for 95%)."""
    n = len(values)
    means = sorted((values[i] + values[j]) / 2 for i in range(n) for j in range(i, n))
    estimate = (means[(len(means) - 1) // 2] + means[len(means) // 2]) / 2
    counts = _signed_rank_counts(n)
    # The k-th smallest of the means is a lower bound with confidence
    # 1 - P(signed-rank sum < k) when nothing differs; the k-th largest,
    # an upper one.
    k, below = 0, 0
    while (below + counts[k]) / 2 ** n <= 1 - level:
        below += counts[k]
        k += 1
    if k == 0:
        return estimate, None, None
    return estimate, means[k - 1], means[-k]


class Comparison:
    """A's times against B's, round by round."""

    def __init__(self, a_times, b_times):
        logs = [math.log(a / b) for a, b in zip(a_times, b_times)]
        estimate, low, high = signed_rank_bounds(logs)
        self.ratio = math.exp(estimate)
        self.low, self.high = (math.exp(low), math.exp(high)) if low is not None else (None, None)
        if low is None:
            self.verdict = TOO_FEW
        elif self.low > 1 + MARGIN:
            self.verdict = SLOWER
        elif self.high < 1 + MARGIN:
            self.verdict = SHOWN
        else:
            self.verdict = NOT_SHOWN
        self.no_slower = self.verdict in (SHOWN, NOT_SHOWN)

    def text(self):
        if self.low is None:
            return "%.2f" % self.ratio
        return "%.2f [%.2f, %.2f]" % (self.ratio, self.low, self.high)
