#include "decode/epoll_consts.h"
#include "decode/int_arg.h"
#include "decode/syscall_descs.h"

static bool epoll_create_entry(struct emitter *em, const struct syscall_call *call)
{
	emit_arg(em, "size");
	emit_int_arg(em, call->args[0]);
	return true;
}

static bool epoll_create1_entry(struct emitter *em, const struct syscall_call *call)
{
	emit_arg(em, "flags");
	emit_flags(em, &epoll_create1_flags_xlat, call->args[0], "EPOLL_???");
	return true;
}

#define CREATE_ROLES { .epfd = NO_ARG, .fd = NO_ARG, .op = NO_ARG, .event = NO_ARG, \
			.events = NO_ARG, .maxevents = NO_ARG, .timeout_arg = NO_ARG, .sigmask = NO_ARG, \
			.epfd_result = true }

const struct syscall_desc epoll_create_desc = {
	.name = "epoll_create",
	.roles = CREATE_ROLES,
	.int_args = INT_ARG(0),
	.entry = epoll_create_entry,
};

const struct syscall_desc epoll_create1_desc = {
	.name = "epoll_create1",
	.roles = CREATE_ROLES,
	.int_args = INT_ARG(0),
	.entry = epoll_create1_entry,
};
