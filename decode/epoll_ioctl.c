#include <string.h>

#include "decode/epoll_params.h"
#include "decode/fetch.h"
#include "decode/int_arg.h"
#include "decode/ioctl_cmd.h"
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

static void emit_params_at(struct emitter *em, const struct syscall_call *call, bool exiting)
{
	unsigned char raw[EPOLL_PARAMS_SIZE];
	if (!fetch_or_emit_addr(em, call, exiting, call->args[2], raw, sizeof(raw)))
		return;
	uint32_t usecs;
	uint16_t budget;
	memcpy(&usecs, raw, sizeof(usecs));
	memcpy(&budget, raw + EPOLL_PARAMS_BUDGET_OFFSET, sizeof(budget));

	emit_struct_begin(em);
	emit_field(em, "busy_poll_usecs");
	emit_ticks(em, usecs, USECS_PER_SECOND, USEC_DIGITS);
	emit_uint_field(em, "busy_poll_budget", budget);
	emit_field(em, "prefer_busy_poll");
	emit_hex(em, raw[EPOLL_PARAMS_PREFER_OFFSET]);
	if (raw[EPOLL_PARAMS_PAD_OFFSET]) {
		emit_field(em, "__pad");
		emit_hex(em, raw[EPOLL_PARAMS_PAD_OFFSET]);
	}
	emit_struct_end(em);
}

/*
 * EPIOCSPARAMS passes its struct in, so it is shown at entry; an unknown
 * command's argument is a bare number.
 */
static bool epoll_ioctl_entry(struct emitter *em, const struct syscall_call *call)
{
	emit_arg(em, "fd");
	emit_fd_arg(em, call, call->args[0]);
	emit_arg(em, "request");
	emit_ioctl_cmd(em, &epoll_ioctls_xlat, request_of(call));
	switch (request_of(call)) {
	case EPOLL_IOC_GET_PARAMS:
		return false;
	case EPOLL_IOC_SET_PARAMS:
		emit_arg(em, "params");
		emit_params_at(em, call, false);
		return true;
	default:
		emit_arg(em, "arg");
		emit_hex(em, call->args[2]);
		return true;
	}
}

/* EPIOCGPARAMS fills its struct, so it is shown at exit. */
static void epoll_ioctl_exit(struct emitter *em, const struct syscall_call *call)
{
	if (request_of(call) == EPOLL_IOC_GET_PARAMS) {
		emit_arg(em, "params");
		emit_params_at(em, call, true);
	}
}

/* Type 0x8a is eventpoll's alone (the kernel's ioctl-number.rst). */
static const struct trap_arg epoll_ioctl_requests[] = {
	{ .index = 1, .mask = IOCTL_CMD_TYPE_MASK, .value = IOCTL_CMD_TYPE(EPOLL_IOC_TYPE) },
};

const struct syscall_desc epoll_ioctl_desc = {
	.name = "ioctl",
	.roles = { .epfd = 0, .fd = NO_ARG, .op = NO_ARG, .event = NO_ARG, .events = NO_ARG,
		   .maxevents = NO_ARG, .timeout_arg = NO_ARG, .sigmask = NO_ARG },
	/* unsigned int fd, unsigned int cmd */
	.int_args = INT_ARG(0) | INT_ARG(1),
	.entry = epoll_ioctl_entry,
	.exit = epoll_ioctl_exit,
	.trap_args = epoll_ioctl_requests,
	.ntrap_args = sizeof(epoll_ioctl_requests) / sizeof(epoll_ioctl_requests[0]),
};
