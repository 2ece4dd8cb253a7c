#include <inttypes.h>
#include <string.h>

#include "decode/epoll_consts.h"
#include "decode/epoll_event.h"

void print_epoll_event(struct strbuf *out, const struct syscall_call *call,
		       const void *raw)
{
	uint32_t events;
	uint64_t data;
	memcpy(&events, raw, sizeof(events));
	memcpy(&data, (const unsigned char *) raw + call->abi->epoll_data_offset,
	       sizeof(data));

	sb_puts(out, "{events=");
	print_flags(out, &epoll_events_xlat, events, "EPOLL???");
	/* The tracee's union may hold anything; its full width in hex shows all. */
	sb_printf(out, ", data=%#" PRIx64 "}", data);
}
