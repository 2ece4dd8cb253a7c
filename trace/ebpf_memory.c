#include <string.h>

#include "trace/ebpf_backend.h"
#include "trace/ebpf_record.h"
#include "trace/tracee_memory.h"

/* Whether [addr, addr+len) lies within [start, start+size), and where. */
static bool within(uint64_t start, uint64_t size, uint64_t addr, size_t len)
{
	return addr >= start && addr - start <= size && len <= size - (addr - start);
}

static bool overlaps(uint64_t start, uint64_t end, uint64_t addr, size_t len)
{
	return addr < end && addr + len > start;
}

bool ebpf_read_copied(const struct ebpf_record *r, pid_t tid, uint64_t addr, void *buf,
		      size_t len)
{
	if (r->mem_len && within(r->mem_addr, r->mem_len, addr, len)) {
		memcpy(buf, r->mem + (addr - r->mem_addr), len);
		return true;
	}
	for (size_t i = 0; i < EBPF_ENTRY_COPIES; i++) {
		const struct ebpf_entry_copy *c = &r->entry[i];
		if (c->len && within(c->addr, c->len, addr, len)) {
			memcpy(buf, c->mem + (addr - c->addr), len);
			return true;
		}
	}
	/*
	 * What the call wrote beyond the copy is gone by now: a truncated
	 * array is not read again, where it may hold the next call's events.
	 */
	uint64_t copied_end = r->flags & EBPF_MEM_TRUNCATED ? UINT64_MAX : r->mem_addr + r->mem_len;
	if (r->mem_addr && overlaps(r->mem_addr, copied_end, addr, len))
		return false;
	/* Memory the call only reads (a sigmask, an ioctl's parameters), read late. */
	return tracee_read(tid, addr, buf, len);
}
