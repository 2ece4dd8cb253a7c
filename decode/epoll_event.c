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
	epoll_event_unpack(call->abi, raw, &events, &data);

	emit_struct_begin(em);
	emit_field(em, "events");
	emit_epoll_events(em, events);
	emit_field(em, "data");
	emit_epoll_data(em, data);
	/*
	 * --event-fds: a returned event whose data is its fd's number gets
	 * the fd's name.  strace's -y leaves data bare.
	 */
	const struct fd_names *names = call->fd_names;
	if (names && names->data_fd && call->desc && call->desc->roles.events_result) {
		int fd = names->data_fd(names->ctx, (int) call->args[call->desc->roles.epfd], data);
		if (fd >= 0)
			emit_name_of_fd(em, call, (uint64_t) fd);
	}
	emit_struct_end(em);
}
