#include "decode/decoder.h"
#include "decode/int_arg.h"

void emit_int_arg(struct emitter *em, uint64_t arg)
{
	emit_int(em, (int) (uint32_t) arg);
}

void emit_fd_arg(struct emitter *em, const struct syscall_call *call, uint64_t arg)
{
	emit_int_arg(em, arg);
	emit_fd_name(em, call, arg);
}

void emit_fd_name(struct emitter *em, const struct syscall_call *call, uint64_t arg)
{
	if (call->fd_names && call->fd_names->args)
		emit_name_of_fd(em, call, arg);
}

void emit_name_of_fd(struct emitter *em, const struct syscall_call *call, uint64_t arg)
{
	int fd = (int) (uint32_t) arg;
	if (!call->fd_names || fd < 0)
		return;
	/* Kept between calls: one name per fd argument would be an allocation each. */
	static struct strbuf name = STRBUF_INIT;
	sb_reset(&name);
	enum fd_name_found found = call->fd_names->name(call->fd_names->ctx, fd, &name);
	if (found != FD_NOT_OPEN)
		em->ops->fd_name(em, fd, sb_str(&name), found == FD_NAMED_DELETED);
}
