/*
 * How many events each epoll data value was reported with: a hash table,
 * since a server sees as many values as it has connections.
 */
#ifndef EPOLLTRACE_STATS_DATA_COUNTS_H
#define EPOLLTRACE_STATS_DATA_COUNTS_H

#include <stddef.h>
#include <stdint.h>

struct data_count {
	uint64_t data;
	uint64_t events;	/* 0: a free slot */
	int fd;			/* the fd registered with it when last reported; -1: unknown */
};

struct data_counts {
	struct data_count *slots;
	size_t nslots;		/* a power of two, or 0 */
	size_t used;
};

/* One more event with data, registered for fd (-1: unknown). */
void data_counts_add(struct data_counts *dc, uint64_t data, int fd);

/*
 * Fills top with the (at most) n values reported most often, most first,
 * equal counts by data; returns how many it filled.
 */
size_t data_counts_top(const struct data_counts *dc, struct data_count *top, size_t n);

void data_counts_free(struct data_counts *dc);

#endif
