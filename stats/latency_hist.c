#include <stdlib.h>

#include "stats/latency_hist.h"

/* Sub-buckets per power of two: the precision of a percentile. */
#define SUB_BITS 5
#define SUB (1u << SUB_BITS)
/* Values below SUB, then SUB buckets for each power of two from SUB up to 2^63. */
#define NBUCKETS (SUB + (64 - SUB_BITS) * SUB)

static unsigned int bucket_of(uint64_t v)
{
	if (v < SUB)
		return (unsigned int) v;
	unsigned int msb = 63u - (unsigned int) __builtin_clzll(v);
	/* The SUB_BITS bits after the leading one pick the sub-bucket. */
	unsigned int shift = msb - SUB_BITS;
	unsigned int mantissa = (unsigned int) (v >> shift) - SUB;
	return SUB + shift * SUB + mantissa;
}

/* The highest value that falls in bucket b. */
static uint64_t bucket_top(unsigned int b)
{
	if (b < SUB)
		return b;
	unsigned int shift = (b - SUB) / SUB;
	uint64_t mantissa = SUB + (b - SUB) % SUB;
	return ((mantissa + 1) << shift) - 1;
}

void latency_hist_add(struct latency_hist *h, uint64_t value)
{
	if (!h->buckets) {
		h->buckets = calloc(NBUCKETS, sizeof(*h->buckets));
		if (!h->buckets)
			abort();
	}
	h->buckets[bucket_of(value)]++;
	h->count++;
	if (value > h->max)
		h->max = value;
}

uint64_t latency_hist_percentile(const struct latency_hist *h, unsigned int permille)
{
	if (h->count == 0)
		return 0;
	/* Nearest rank: the value ceil(permille/1000 of count) places up, at least the first. */
	uint64_t rank = (permille * h->count + 999) / 1000;
	if (rank < 1)
		rank = 1;
	uint64_t seen = 0;
	for (unsigned int b = 0; b < NBUCKETS; b++) {
		seen += h->buckets[b];
		if (seen >= rank) {
			uint64_t top = bucket_top(b);
			return top < h->max ? top : h->max;
		}
	}
	return h->max;
}

void latency_hist_free(struct latency_hist *h)
{
	free(h->buckets);
	*h = (struct latency_hist) { 0 };
}
