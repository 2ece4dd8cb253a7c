/*
 * A hash map from 64-bit keys to 64-bit values (open addressing, linear
 * probing): the model looks up registrations by data and by fd number
 * for every event a wait returns, so this must not be a list walk.
 */
#ifndef EPOLLTRACE_UTIL_U64_MAP_H
#define EPOLLTRACE_UTIL_U64_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct u64_map_slot {
	uint64_t key;
	uint64_t value;
	bool used;
};

struct u64_map {
	struct u64_map_slot *slots;
	size_t cap;		/* a power of two, or 0 */
	size_t count;
};

/* Sets key to value, replacing what it had. */
void u64_map_put(struct u64_map *m, uint64_t key, uint64_t value);
bool u64_map_get(const struct u64_map *m, uint64_t key, uint64_t *value);
/* False when the key was not there. */
bool u64_map_remove(struct u64_map *m, uint64_t key);
void u64_map_free(struct u64_map *m);

#endif
