#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fdname/fd_name_cache.h"
#include "util/xalloc.h"

static uint64_t key_of(pid_t tgid, int fd)
{
	return (uint64_t) (uint32_t) tgid << 32 | (uint32_t) fd;
}

const char *fd_name_cache_get(const struct fd_name_cache *c, pid_t tgid, int fd)
{
	uint64_t v;
	return u64_map_get(&c->names, key_of(tgid, fd), &v) ? (const char *) (uintptr_t) v : NULL;
}

static void forget(struct fd_name_cache *c, uint64_t key)
{
	uint64_t v;
	if (!u64_map_get(&c->names, key, &v))
		return;
	free((char *) (uintptr_t) v);
	u64_map_remove(&c->names, key);
}

void fd_name_cache_put(struct fd_name_cache *c, pid_t tgid, int fd, const char *name)
{
	forget(c, key_of(tgid, fd));
	u64_map_put(&c->names, key_of(tgid, fd), (uintptr_t) xstrndup(name, strlen(name)));
}

/* Removal moves keys within the table: collect first, then forget. */
static void forget_matching(struct fd_name_cache *c, pid_t tgid, unsigned int lo, unsigned int hi)
{
	size_t n = 0;
	uint64_t *keys = xcalloc(c->names.count + 1, sizeof(*keys));
	for (size_t i = 0; i < c->names.cap; i++) {
		const struct u64_map_slot *s = &c->names.slots[i];
		unsigned int fd = (uint32_t) s->key;
		if (s->used && (pid_t) (s->key >> 32) == tgid && fd >= lo && fd <= hi)
			keys[n++] = s->key;
	}
	for (size_t i = 0; i < n; i++)
		forget(c, keys[i]);
	free(keys);
}

void fd_name_cache_forget(struct fd_name_cache *c, pid_t tgid, unsigned int lo, unsigned int hi)
{
	if (hi - lo < 64) {
		/* 64 bits: hi may be UINT_MAX, which an unsigned int never passes. */
		for (uint64_t fd = lo; fd <= hi; fd++)
			forget(c, key_of(tgid, (int) fd));
		return;
	}
	forget_matching(c, tgid, lo, hi);
}

void fd_name_cache_forget_process(struct fd_name_cache *c, pid_t tgid)
{
	forget_matching(c, tgid, 0, UINT32_MAX);
}

void fd_name_cache_free(struct fd_name_cache *c)
{
	for (size_t i = 0; i < c->names.cap; i++)
		if (c->names.slots[i].used)
			free((char *) (uintptr_t) c->names.slots[i].value);
	u64_map_free(&c->names);
}
