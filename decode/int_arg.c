#include "decode/int_arg.h"

void print_int_arg(struct strbuf *out, uint64_t arg)
{
	sb_printf(out, "%d", (int) (uint32_t) arg);
}
