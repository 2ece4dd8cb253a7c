#include <inttypes.h>
#include <string.h>

#include "decode/epoll_consts.h"
#include "decode/epoll_event.h"

void print_epoll_events(struct strbuf *out, uint32_t events)
{
	print_flags(out, &epoll_events_xlat, events, "EPOLL???");
}

void print_epoll_data(struct strbuf *out, uint64_t data)
{
	sb_printf(out, "%#" PRIx64, data);
}

void print_epoll_event(struct strbuf *out, const struct syscall_call *call,
		       const void *raw)
{
	uint32_t events;
	uint64_t data;
	memcpy(&events, raw, sizeof(events));
	memcpy(&data, (const unsigned char *) raw + call->abi->epoll_data_offset,
	       sizeof(data));

	sb_puts(out, "{events=");
	print_epoll_events(out, events);
	sb_puts(out, ", data=");
	print_epoll_data(out, data);
	sb_putc(out, '}');
}
