#include <string.h>

#include "decode/fetch.h"
#include "decode/timespec.h"

void emit_timespec64_at(struct emitter *em, const struct syscall_call *call,
			bool exiting, uint64_t addr)
{
	unsigned char raw[16];
	if (!fetch_or_emit_addr(em, call, exiting, addr, raw, sizeof(raw)))
		return;
	int64_t sec;
	uint64_t nsec;
	memcpy(&sec, raw, sizeof(sec));
	memcpy(&nsec, raw + 8, sizeof(nsec));
	emit_struct_begin(em);
	emit_int_field(em, "tv_sec", sec);
	/* strace shows a negative tv_nsec as the unsigned value it is to the kernel. */
	emit_uint_field(em, "tv_nsec", nsec);
	emit_struct_end(em);
}
