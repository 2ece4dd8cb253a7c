#include <inttypes.h>
#include <string.h>

#include "decode/fetch.h"
#include "decode/timespec.h"

void print_timespec64_at(struct strbuf *out, const struct syscall_call *call,
			 bool exiting, uint64_t addr)
{
	unsigned char raw[16];
	if (!fetch_or_print_addr(out, call, exiting, addr, raw, sizeof(raw)))
		return;
	int64_t sec;
	uint64_t nsec;
	memcpy(&sec, raw, sizeof(sec));
	memcpy(&nsec, raw + 8, sizeof(nsec));
	/* strace shows a negative tv_nsec as the unsigned value it is to the kernel. */
	sb_printf(out, "{tv_sec=%" PRId64 ", tv_nsec=%" PRIu64 "}", sec, nsec);
}
