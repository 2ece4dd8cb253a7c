#include <stdlib.h>
#include <string.h>

#include "decode/epoll_consts.h"
#include "decode/epoll_event.h"
#include "decode/int_arg.h"

void emit_epoll_events(struct emitter *em, uint32_t events)
{
	emit_flags(em, &epoll_events_xlat, events, "EPOLL???");
}

void emit_epoll_data(struct emitter *em, uint64_t data)
{
	emit_hex(em, data);
}

void emit_epoll_event(struct emitter *em, const struct syscall_call *call, const void *raw)
{
	uint32_t events;
	uint64_t data;
	memcpy(&events, raw, sizeof(events));
	memcpy(&data, (const unsigned char *) raw + call->abi->epoll_data_offset,
	       sizeof(data));

	emit_struct_begin(em);
	emit_field(em, "events");
	emit_epoll_events(em, events);
	emit_field(em, "data");
	emit_epoll_data(em, data);
	/* -y: a returned event whose data is its fd's number gets the fd's name. */
	const struct fd_names *names = call->fd_names;
	if (names && names->data_fd && call->desc && call->desc->roles.events_result) {
		int fd = names->data_fd(names->ctx, (int) call->args[0], data);
		if (fd >= 0)
			emit_fd_name(em, call, (uint64_t) fd);
	}
	emit_struct_end(em);
}

bool for_each_returned_event(const struct syscall_call *call, epoll_event_fn each, void *ctx)
{
	const struct abi *abi = call->abi;
	uint64_t total = call->is_error || call->rval < 0 ? 0 : (uint64_t) call->rval;
	size_t chunk = total < EVENTS_PER_READ ? (size_t) total : EVENTS_PER_READ;
	unsigned char *raw = chunk ? malloc(chunk * abi->epoll_event_size) : NULL;
	if (chunk && !raw)
		abort();
	bool read_all = true, wanted = true;
	for (uint64_t done = 0, n; done < total && read_all && wanted; done += n) {
		n = total - done < chunk ? total - done : chunk;
		read_all = call->mem.read(call->mem.ctx, call->args[1] + done * abi->epoll_event_size,
					  raw, n * abi->epoll_event_size);
		for (uint64_t i = 0; read_all && wanted && i < n; i++) {
			const unsigned char *event = raw + i * abi->epoll_event_size;
			uint32_t events;
			uint64_t data;
			memcpy(&events, event, sizeof(events));
			memcpy(&data, event + abi->epoll_data_offset, sizeof(data));
			wanted = each(ctx, events, data);
		}
	}
	free(raw);
	return read_all;
}
