#include "decode/epoll_consts.h"
#include "decode/epoll_event.h"
#include "decode/fetch.h"
#include "decode/int_arg.h"
#include "decode/syscall_descs.h"

/* All at entry: the kernel only reads the event, so it shows when the call fails. */
static bool epoll_ctl_entry(struct strbuf *out, const struct syscall_call *call)
{
	unsigned int op = (unsigned int) call->args[1];
	uint64_t event = call->args[3];

	print_fd_arg(out, call, call->args[0]);
	sb_puts(out, ", ");
	print_xval(out, &epoll_ctl_ops_xlat, op, "EPOLL_CTL_???");
	sb_puts(out, ", ");
	print_fd_arg(out, call, call->args[2]);
	sb_puts(out, ", ");

	unsigned char raw[EPOLL_EVENT_MAX_SIZE];
	if (op == EPOLL_CTL_DEL_OP)
		print_addr(out, event);
	else if (fetch_or_print_addr(out, call, false, event, raw,
				     call->abi->epoll_event_size))
		print_epoll_event(out, call, raw);
	return true;
}

const struct syscall_desc epoll_ctl_desc = {
	.name = "epoll_ctl",
	.roles = { .epfd = 0, .fd = 2, .op = 1 },
	.entry = epoll_ctl_entry,
};
