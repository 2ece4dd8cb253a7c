/*
 * The model's bookkeeping: the hash map every lookup goes through, and
 * the comparison of an interest list with the kernel's fdinfo text.
 */
#include <stdio.h>
#include <stdlib.h>

#include "model/instance.h"
#include "tests/unit/tap.h"

#define NKEYS 5000

/* Keys that crowd into few slots, removed in an order that breaks probe runs. */
static void test_map(void)
{
	struct u64_map map = { 0 };
	static bool present[NKEYS];
	for (uint64_t k = 0; k < NKEYS; k++) {
		u64_map_put(&map, k << 32, k * 3);
		present[k] = true;
	}
	for (uint64_t k = 0; k < NKEYS; k += 3) {
		u64_map_remove(&map, k << 32);
		present[k] = false;
	}
	u64_map_put(&map, 7ULL << 32, 1);
	size_t wrong = 0;
	for (uint64_t k = 0; k < NKEYS; k++) {
		uint64_t v;
		bool found = u64_map_get(&map, k << 32, &v);
		uint64_t want = k == 7 ? 1 : k * 3;
		if (found != present[k] || (found && v != want))
			wrong++;
	}
	char got[64];
	snprintf(got, sizeof(got), "%zu wrong, %zu kept", wrong, map.count);
	char want[64];
	snprintf(want, sizeof(want), "0 wrong, %d kept", NKEYS - (NKEYS + 2) / 3);
	tap_is(got, want, "u64_map: %d keys, a third removed, one replaced", NKEYS);
	tap_is(u64_map_remove(&map, 0) ? "removed" : "absent", "absent",
	       "u64_map: removing a removed key");
	u64_map_free(&map);
}

static const char fdinfo[] =
	"pos:\t0\nflags:\t02\nmnt_id:\t15\nino:\t1057\n"
	"tfd:        5 events:       19 data:                5  pos:0 ino:4d2 sdev:e\n"
	"tfd:        6 events: 40000000 data:     7f00deadbeef  pos:0 ino:4d3 sdev:e\n";

static void test_differences(void)
{
	struct ep_instance *inst = instance_new(1);
	struct epoll_fdinfo info = { 0 };
	epoll_fdinfo_parse(fdinfo, &info);
	struct ep_entry *five = entry_add(inst, 5, 0x19, 5);
	entry_add(inst, 6, 0x40000000, 0x7f00deadbeefULL);
	struct strbuf why = STRBUF_INIT;
	tap_is(instance_differences(inst, &info, &why) ? sb_str(&why) : "same", "same",
	       "a list equal to fdinfo's has no differences");

	five->events = 0x1;
	sb_reset(&why);
	instance_differences(inst, &info, &why);
	tap_is(sb_str(&why), "fd 5: model events=EPOLLIN data=0x5, kernel events=EPOLLIN|EPOLLERR|EPOLLHUP data=0x5",
	       "a different mask is named with both values");

	entry_remove(inst, five, REMOVED_BY_DEL, 0);
	sb_reset(&why);
	instance_differences(inst, &info, &why);
	tap_is(sb_str(&why), "fd 5: only in the kernel's list", "a missing registration is named");
	tap_is(entry_by_data(inst, 5) ? "found" : "gone", "gone", "a removed entry is gone by data");
	const struct removed_reg *r = graveyard_find(inst, false, 5);
	tap_is(r && r->tfd == 5 && r->why == REMOVED_BY_DEL ? "kept" : "lost", "kept",
	       "a removed entry is remembered for late events");
	tap_is(entry_by_tfd(inst, 6) && entry_by_tfd(inst, 6)->data == 0x7f00deadbeefULL ?
	       "found" : "lost", "found", "the other entry is still found by fd after a removal");
	sb_free(&why);
	epoll_fdinfo_free(&info);
	instance_free(inst);
}

int main(void)
{
	test_map();
	test_differences();
	return tap_done();
}
