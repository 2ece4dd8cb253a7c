#include <inttypes.h>

#include "decode/fetch.h"

void print_addr(struct strbuf *out, uint64_t addr)
{
	if (addr)
		sb_printf(out, "%#" PRIx64, addr);
	else
		sb_puts(out, "NULL");
}

bool fetch_or_print_addr(struct strbuf *out, const struct syscall_call *call,
			 bool exiting, uint64_t addr, void *buf, size_t len)
{
	if (addr && !(exiting && call->is_error)
	    && call->mem.read(call->mem.ctx, addr, buf, len))
		return true;
	print_addr(out, addr);
	return false;
}
