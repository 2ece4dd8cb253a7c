#include <inttypes.h>
#include <string.h>

#include "decode/epoll_params.h"
#include "decode/fetch.h"
#include "decode/int_arg.h"
#include "decode/syscall_descs.h"
#include "decode/ticks.h"
#include "decode/xlat.h"

#define USECS_PER_SECOND 1000000
#define USEC_DIGITS 6
/* ioctl's cmd is an unsigned int in the kernel: higher bits never reach it. */
#define REQUEST_MASK 0xffffffffu

static const struct xlat_entry epoll_ioctls[] = {
	{ EPOLL_IOC_SET_PARAMS, "EPIOCSPARAMS" },
	{ EPOLL_IOC_GET_PARAMS, "EPIOCGPARAMS" },
};
static const struct xlat epoll_ioctls_xlat = XLAT_OF(epoll_ioctls);

static uint32_t request_of(const struct syscall_call *call)
{
	return (uint32_t) (call->args[1] & REQUEST_MASK);
}

static void print_params_at(struct strbuf *out, const struct syscall_call *call,
			    bool exiting)
{
	unsigned char raw[EPOLL_PARAMS_SIZE];
	if (!fetch_or_print_addr(out, call, exiting, call->args[2], raw, sizeof(raw)))
		return;
	uint32_t usecs;
	uint16_t budget;
	memcpy(&usecs, raw, sizeof(usecs));
	memcpy(&budget, raw + EPOLL_PARAMS_BUDGET_OFFSET, sizeof(budget));

	sb_puts(out, "{busy_poll_usecs=");
	print_ticks(out, usecs, USECS_PER_SECOND, USEC_DIGITS);
	sb_printf(out, ", busy_poll_budget=%" PRIu16 ", prefer_busy_poll=%#x",
		  budget, raw[EPOLL_PARAMS_PREFER_OFFSET]);
	if (raw[EPOLL_PARAMS_PAD_OFFSET])
		sb_printf(out, ", __pad=%#x", raw[EPOLL_PARAMS_PAD_OFFSET]);
	sb_putc(out, '}');
}

/* EPIOCSPARAMS passes its struct in, so it is shown at entry. */
static bool epoll_ioctl_entry(struct strbuf *out, const struct syscall_call *call)
{
	print_fd_arg(out, call, call->args[0]);
	sb_puts(out, ", ");
	print_xval(out, &epoll_ioctls_xlat, request_of(call), "EPIOC???");
	if (request_of(call) != EPOLL_IOC_SET_PARAMS)
		return false;
	sb_puts(out, ", ");
	print_params_at(out, call, false);
	return true;
}

/* EPIOCGPARAMS fills its struct, so it is shown at exit. */
static void epoll_ioctl_exit(struct strbuf *out, const struct syscall_call *call)
{
	if (request_of(call) == EPOLL_IOC_GET_PARAMS) {
		sb_puts(out, ", ");
		print_params_at(out, call, true);
	}
}

static const struct trap_arg epoll_ioctl_requests[] = {
	{ .index = 1, .mask = REQUEST_MASK, .value = EPOLL_IOC_SET_PARAMS },
	{ .index = 1, .mask = REQUEST_MASK, .value = EPOLL_IOC_GET_PARAMS },
};

const struct syscall_desc epoll_ioctl_desc = {
	.name = "ioctl",
	.roles = { .epfd = 0, .fd = NO_ARG, .op = NO_ARG },
	.entry = epoll_ioctl_entry,
	.exit = epoll_ioctl_exit,
	.trap_args = epoll_ioctl_requests,
	.ntrap_args = sizeof(epoll_ioctl_requests) / sizeof(epoll_ioctl_requests[0]),
};
