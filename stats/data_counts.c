#include <stdbool.h>
#include <stdlib.h>

#include "stats/data_counts.h"

#define INITIAL_SLOTS 64

/* Data values are often pointers, whose low bits are all alike: mix them all in. */
static size_t slot_of(uint64_t data, size_t nslots)
{
	data ^= data >> 33;
	data *= 0xff51afd7ed558ccdULL;
	data ^= data >> 33;
	return (size_t) data & (nslots - 1);
}

static struct data_count *find_slot(struct data_count *slots, size_t nslots, uint64_t data)
{
	size_t i = slot_of(data, nslots);
	while (slots[i].events && slots[i].data != data)
		i = (i + 1) & (nslots - 1);
	return &slots[i];
}

static void grow(struct data_counts *dc)
{
	size_t nslots = dc->nslots ? dc->nslots * 2 : INITIAL_SLOTS;
	struct data_count *slots = calloc(nslots, sizeof(*slots));
	if (!slots)
		abort();
	for (size_t i = 0; i < dc->nslots; i++)
		if (dc->slots[i].events)
			*find_slot(slots, nslots, dc->slots[i].data) = dc->slots[i];
	free(dc->slots);
	dc->slots = slots;
	dc->nslots = nslots;
}

void data_counts_add(struct data_counts *dc, uint64_t data, int fd)
{
	/* At most half full, so that a probe ends soon on a free slot. */
	if ((dc->used + 1) * 2 > dc->nslots)
		grow(dc);
	struct data_count *slot = find_slot(dc->slots, dc->nslots, data);
	if (!slot->events) {
		slot->data = data;
		slot->fd = -1;
		dc->used++;
	}
	slot->events++;
	/* A pointer freed and reused for another connection: the newest tells. */
	if (fd >= 0)
		slot->fd = fd;
}

static bool hotter(const struct data_count *a, const struct data_count *b)
{
	return a->events != b->events ? a->events > b->events : a->data < b->data;
}

size_t data_counts_top(const struct data_counts *dc, struct data_count *top, size_t n)
{
	size_t filled = 0;
	for (size_t i = 0; i < dc->nslots; i++) {
		const struct data_count *c = &dc->slots[i];
		if (!c->events)
			continue;
		/* Insertion into the short sorted list; the coldest falls off its end. */
		size_t at = filled < n ? filled++ : n;
		while (at > 0 && hotter(c, &top[at - 1])) {
			if (at < n)
				top[at] = top[at - 1];
			at--;
		}
		if (at < n)
			top[at] = *c;
	}
	return filled;
}

void data_counts_free(struct data_counts *dc)
{
	free(dc->slots);
	*dc = (struct data_counts) { 0 };
}
