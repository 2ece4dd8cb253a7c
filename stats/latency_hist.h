/*
 * Durations counted in logarithmic buckets, for percentiles over a session
 * of any length in fixed memory: each bucket spans at most 1/32 of its
 * values (about 3%), and values below 32 have a bucket each.
 */
#ifndef EPOLLTRACE_STATS_LATENCY_HIST_H
#define EPOLLTRACE_STATS_LATENCY_HIST_H

#include <stdint.h>

struct latency_hist {
	uint64_t *buckets;	/* allocated at the first value */
	uint64_t count;
	uint64_t max;		/* exact */
};

void latency_hist_add(struct latency_hist *h, uint64_t value);

/*
 * The nearest-rank percentile, in thousandths (p99 is 990, so that no
 * floating-point rounding moves a rank): the least value that many of the
 * values do not exceed, as the highest value of its bucket, but never
 * above the largest value added.  0 when empty.
 */
uint64_t latency_hist_percentile(const struct latency_hist *h, unsigned int permille);

void latency_hist_free(struct latency_hist *h);

#endif
