#include <stdlib.h>

#include "util/u64_map.h"
#include "util/xalloc.h"

static size_t slot_of(const struct u64_map *m, uint64_t key)
{
	/* Fibonacci hashing: fd numbers and pointers are far from random. */
	return (size_t) ((key * 0x9e3779b97f4a7c15ULL) >> 32) & (m->cap - 1);
}

static void grow(struct u64_map *m)
{
	struct u64_map old = *m;
	m->cap = old.cap ? old.cap * 2 : 16;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	m->count = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].used)
			u64_map_put(m, old.slots[i].key, old.slots[i].value);
	free(old.slots);
}

void u64_map_put(struct u64_map *m, uint64_t key, uint64_t value)
{
	if ((m->count + 1) * 4 > m->cap * 3)
		grow(m);
	size_t i = slot_of(m, key);
	while (m->slots[i].used && m->slots[i].key != key)
		i = (i + 1) & (m->cap - 1);
	if (!m->slots[i].used)
		m->count++;
	m->slots[i] = (struct u64_map_slot) { key, value, true };
}

static struct u64_map_slot *find(const struct u64_map *m, uint64_t key)
{
	if (!m->cap)
		return NULL;
	for (size_t i = slot_of(m, key); m->slots[i].used; i = (i + 1) & (m->cap - 1))
		if (m->slots[i].key == key)
			return &m->slots[i];
	return NULL;
}

bool u64_map_get(const struct u64_map *m, uint64_t key, uint64_t *value)
{
	struct u64_map_slot *s = find(m, key);
	if (s && value)
		*value = s->value;
	return s != NULL;
}

/* Backward-shift deletion: later keys of the run move up, so no tombstones. */
bool u64_map_remove(struct u64_map *m, uint64_t key)
{
	struct u64_map_slot *s = find(m, key);
	if (!s)
		return false;
	size_t hole = (size_t) (s - m->slots);
	size_t i = hole;
	for (;;) {
		i = (i + 1) & (m->cap - 1);
		if (!m->slots[i].used)
			break;
		size_t home = slot_of(m, m->slots[i].key);
		/* Moves up only an entry whose home is not between the hole and itself. */
		bool stays = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
		if (stays)
			continue;
		m->slots[hole] = m->slots[i];
		hole = i;
	}
	m->slots[hole].used = false;
	m->count--;
	return true;
}

void u64_map_free(struct u64_map *m)
{
	free(m->slots);
	*m = (struct u64_map) { 0 };
}
