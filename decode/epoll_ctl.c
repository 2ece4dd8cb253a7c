#include "decode/epoll_consts.h"
#include "decode/epoll_event.h"
#include "decode/fetch.h"
#include "decode/int_arg.h"
#include "decode/syscall_descs.h"

/* All at entry: the kernel only reads the event, so it shows when the call fails. */
static bool epoll_ctl_entry(struct emitter *em, const struct syscall_call *call)
{
	unsigned int op = (unsigned int) call->args[1];
	uint64_t event = call->args[3];

	emit_arg(em, "epfd");
	emit_fd_arg(em, call, call->args[0]);
	emit_arg(em, "op");
	emit_xval(em, &epoll_ctl_ops_xlat, op, "EPOLL_CTL_???");
	emit_arg(em, "fd");
	emit_fd_arg(em, call, call->args[2]);
	emit_arg(em, "event");

	unsigned char raw[EPOLL_EVENT_MAX_SIZE];
	if (op == EPOLL_CTL_DEL_OP)
		emit_ignored_addr(em, event);
	else if (fetch_or_emit_addr(em, call, false, event, raw, call->abi->epoll_event_size))
		emit_epoll_event(em, call, raw);
	return true;
}

const struct syscall_desc epoll_ctl_desc = {
	.name = "epoll_ctl",
	.roles = { .epfd = 0, .fd = 2, .op = 1, .event = 3, .events = NO_ARG,
		   .maxevents = NO_ARG, .timeout_arg = NO_ARG, .sigmask = NO_ARG },
	.int_args = INT_ARG(0) | INT_ARG(1) | INT_ARG(2),
	.entry = epoll_ctl_entry,
};
