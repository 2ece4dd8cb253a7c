#include "decode/decoder.h"
#include "decode/int_arg.h"

void print_int_arg(struct strbuf *out, uint64_t arg)
{
	sb_printf(out, "%d", (int) (uint32_t) arg);
}

void print_fd_arg(struct strbuf *out, const struct syscall_call *call, uint64_t arg)
{
	print_int_arg(out, arg);
	print_fd_name(out, call, arg);
}

void print_fd_name(struct strbuf *out, const struct syscall_call *call, uint64_t arg)
{
	int fd = (int) (uint32_t) arg;
	if (!call->fd_names || fd < 0)
		return;
	size_t before = out->len;
	sb_putc(out, '<');
	if (call->fd_names->name(call->fd_names->ctx, fd, out)) {
		sb_putc(out, '>');
	} else {
		/* Not open: strace shows the bare number. */
		sb_truncate(out, before);
	}
}
