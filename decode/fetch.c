#include "decode/fetch.h"

bool fetch_or_emit_addr(struct emitter *em, const struct syscall_call *call,
			bool exiting, uint64_t addr, void *buf, size_t len)
{
	if (addr && !(exiting && call->is_error)
	    && call->mem.read(call->mem.ctx, addr, buf, len))
		return true;
	emit_addr(em, addr);
	return false;
}

void emit_ignored_addr(struct emitter *em, uint64_t addr)
{
	if (em->shows_ignored)
		emit_addr(em, addr);
	else
		emit_null(em);
}
