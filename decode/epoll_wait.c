#include <inttypes.h>

#include "decode/array.h"
#include "decode/epoll_event.h"
#include "decode/int_arg.h"
#include "decode/sigmask.h"
#include "decode/syscall_descs.h"
#include "decode/timespec.h"

static bool epfd_entry(struct strbuf *out, const struct syscall_call *call)
{
	print_fd_arg(out, call, call->args[0]);
	return false;
}

/*
 * The kernel fills as many events as it returns.  On failure the count is
 * -1, too many to fit in memory, so the array shows as its address, as it
 * does in strace.
 */
static void print_events(struct strbuf *out, const struct syscall_call *call)
{
	uint64_t count = call->is_error ? UINT64_MAX : (uint64_t) call->rval;
	sb_puts(out, ", ");
	print_array(out, call, call->args[1], count,
		    call->abi->epoll_event_size, print_epoll_event);
	sb_puts(out, ", ");
	print_int_arg(out, call->args[2]);
	sb_puts(out, ", ");
}

static void print_ms_timeout(struct strbuf *out, const struct syscall_call *call)
{
	print_int_arg(out, call->args[3]);
}

static void print_sigmask_args(struct strbuf *out, const struct syscall_call *call)
{
	sb_puts(out, ", ");
	print_sigset_at(out, call, true, call->args[4], call->args[5]);
	sb_printf(out, ", %" PRIu64, call->args[5]);
}

static void epoll_wait_exit(struct strbuf *out, const struct syscall_call *call)
{
	print_events(out, call);
	print_ms_timeout(out, call);
}

static void epoll_pwait_exit(struct strbuf *out, const struct syscall_call *call)
{
	epoll_wait_exit(out, call);
	print_sigmask_args(out, call);
}

static void epoll_pwait2_exit(struct strbuf *out, const struct syscall_call *call)
{
	print_events(out, call);
	print_timespec64_at(out, call, true, call->args[3]);
	print_sigmask_args(out, call);
}

#define WAIT_ROLES(how) { .epfd = 0, .fd = NO_ARG, .op = NO_ARG, .events_result = true, \
			 .timeout = (how) }

const struct syscall_desc epoll_wait_desc = {
	.name = "epoll_wait",
	.roles = WAIT_ROLES(TIMEOUT_MSEC),
	.entry = epfd_entry,
	.exit = epoll_wait_exit,
};

const struct syscall_desc epoll_pwait_desc = {
	.name = "epoll_pwait",
	.roles = WAIT_ROLES(TIMEOUT_MSEC),
	.entry = epfd_entry,
	.exit = epoll_pwait_exit,
};

const struct syscall_desc epoll_pwait2_desc = {
	.name = "epoll_pwait2",
	.roles = WAIT_ROLES(TIMEOUT_TIMESPEC),
	.entry = epfd_entry,
	.exit = epoll_pwait2_exit,
};
