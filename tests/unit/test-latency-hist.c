/* Percentiles of stats/latency_hist.c, and the top list of stats/data_counts.c. */
#include <inttypes.h>
#include <stdio.h>

#include "stats/data_counts.h"
#include "stats/latency_hist.h"
#include "tests/unit/tap.h"

static char buf[64];

static const char *pct(const struct latency_hist *h, unsigned int permille)
{
	snprintf(buf, sizeof(buf), "%" PRIu64, latency_hist_percentile(h, permille));
	return buf;
}

/* Whether v is within the histogram's precision (1/32) below or at want. */
static const char *near(uint64_t v, uint64_t want)
{
	return v <= want && v >= want - want / 32 ? "near" : "far";
}

int main(void)
{
	struct latency_hist h = { 0 };
	tap_is(pct(&h, 500), "0", "empty: 0");

	latency_hist_add(&h, 7);
	tap_is(pct(&h, 500), "7", "one value: p50 is it");
	tap_is(pct(&h, 990), "7", "one value: p99 is it");
	latency_hist_free(&h);

	/* 1..10: small values have a bucket each, so ranks are exact. */
	for (uint64_t v = 10; v >= 1; v--)
		latency_hist_add(&h, v);
	tap_is(pct(&h, 500), "5", "1..10: p50 is the 5th value");
	tap_is(pct(&h, 900), "9", "1..10: p90 is the 9th value");
	tap_is(pct(&h, 990), "10", "1..10: p99 rounds the rank up to the 10th");
	tap_is(pct(&h, 1000), "10", "1..10: p100 is the max");
	tap_is(pct(&h, 1), "1", "1..10: the smallest rank is the first value");
	latency_hist_free(&h);

	/* 100 values 1..100: p99 is the 99th, not the max (no rounding drift). */
	for (uint64_t v = 1; v <= 100; v++)
		latency_hist_add(&h, v);
	uint64_t p99 = latency_hist_percentile(&h, 990);
	tap_is(p99 < 100 ? "below" : "max", "below", "1..100: p99 is below the max");
	tap_is(near(p99, 99), "near", "1..100: p99 is 99 within a bucket");
	latency_hist_free(&h);

	/* Large values: a bucket's top, within 1/32, and never above the max. */
	latency_hist_add(&h, 1000000);
	latency_hist_add(&h, 1000000);
	latency_hist_add(&h, 5000000000ULL);
	tap_is(near(latency_hist_percentile(&h, 500), 1000000 + 1000000 / 32), "near",
	       "large values: p50 within the bucket of 1 ms");
	tap_is(pct(&h, 990), "5000000000", "large values: p99 is the exact max");
	snprintf(buf, sizeof(buf), "%" PRIu64, h.max);
	tap_is(buf, "5000000000", "the max is exact");
	latency_hist_free(&h);

	/* The largest value fits in the last bucket. */
	latency_hist_add(&h, UINT64_MAX);
	tap_is(pct(&h, 500), "18446744073709551615", "UINT64_MAX is counted");
	latency_hist_free(&h);

	struct data_counts dc = { 0 };
	for (uint64_t d = 0; d < 1000; d++)
		for (uint64_t k = 0; k <= d % 7; k++)
			data_counts_add(&dc, d << 32, -1);
	struct data_count top[3];
	size_t n = data_counts_top(&dc, top, 3);
	snprintf(buf, sizeof(buf), "%zu %" PRIx64 ":%" PRIu64 " %" PRIx64 ":%" PRIu64 " %" PRIx64
		 ":%" PRIu64, n, top[0].data, top[0].events, top[1].data, top[1].events,
		 top[2].data, top[2].events);
	tap_is(buf, "3 600000000:7 d00000000:7 1400000000:7",
	       "top 3 of 1000 values: the most events, equal counts by data");
	data_counts_free(&dc);
	tap_is(data_counts_top(&dc, top, 3) ? "some" : "none", "none", "empty: no top");
	return tap_done();
}
