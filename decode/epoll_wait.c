#include "decode/array.h"
#include "decode/epoll_event.h"
#include "decode/int_arg.h"
#include "decode/sigmask.h"
#include "decode/syscall_descs.h"
#include "decode/timespec.h"

static bool epfd_entry(struct emitter *em, const struct syscall_call *call)
{
	emit_arg(em, "epfd");
	emit_fd_arg(em, call, call->args[0]);
	return false;
}

/*
 * The kernel fills as many events as it returns.  On failure the count is
 * -1, too many to fit in memory, so the array shows as its address, as it
 * does in strace.
 */
static void emit_events(struct emitter *em, const struct syscall_call *call)
{
	uint64_t count = call->is_error ? UINT64_MAX : (uint64_t) call->rval;
	emit_arg(em, "events");
	emit_array(em, call, call->args[1], count, call->abi->epoll_event_size,
		   emit_epoll_event);
	emit_arg(em, "maxevents");
	emit_int_arg(em, call->args[2]);
}

static void emit_ms_timeout(struct emitter *em, const struct syscall_call *call)
{
	emit_arg(em, "timeout");
	emit_int_arg(em, call->args[3]);
}

static void emit_sigmask_args(struct emitter *em, const struct syscall_call *call)
{
	emit_arg(em, "sigmask");
	emit_sigset_at(em, call, true, call->args[4], call->args[5]);
	emit_arg(em, "sigsetsize");
	emit_uint(em, call->args[5]);
}

static void epoll_wait_exit(struct emitter *em, const struct syscall_call *call)
{
	emit_events(em, call);
	emit_ms_timeout(em, call);
}

static void epoll_pwait_exit(struct emitter *em, const struct syscall_call *call)
{
	epoll_wait_exit(em, call);
	emit_sigmask_args(em, call);
}

static void epoll_pwait2_exit(struct emitter *em, const struct syscall_call *call)
{
	emit_events(em, call);
	emit_arg(em, "timeout");
	emit_timespec64_at(em, call, true, call->args[3]);
	emit_sigmask_args(em, call);
}

#define WAIT_ROLES(how, mask) { .epfd = 0, .fd = NO_ARG, .op = NO_ARG, .event = NO_ARG, \
			 .events = 1, .maxevents = 2, .timeout_arg = 3, .sigmask = (mask), \
			 .events_result = true, .timeout = (how) }

const struct syscall_desc epoll_wait_desc = {
	.name = "epoll_wait",
	.roles = WAIT_ROLES(TIMEOUT_MSEC, NO_ARG),
	.int_args = INT_ARG(0) | INT_ARG(2) | INT_ARG(3),
	.entry = epfd_entry,
	.exit = epoll_wait_exit,
};

const struct syscall_desc epoll_pwait_desc = {
	.name = "epoll_pwait",
	.roles = WAIT_ROLES(TIMEOUT_MSEC, 4),
	.int_args = INT_ARG(0) | INT_ARG(2) | INT_ARG(3),
	.entry = epfd_entry,
	.exit = epoll_pwait_exit,
};

const struct syscall_desc epoll_pwait2_desc = {
	.name = "epoll_pwait2",
	.roles = WAIT_ROLES(TIMEOUT_TIMESPEC, 4),
	.int_args = INT_ARG(0) | INT_ARG(2),
	.entry = epfd_entry,
	.exit = epoll_pwait2_exit,
};
