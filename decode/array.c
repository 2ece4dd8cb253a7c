#include <inttypes.h>
#include <stdlib.h>

#include "decode/array.h"
#include "decode/fetch.h"

static bool elements_fit(uint64_t addr, uint64_t nmemb, size_t elem_size,
			 uint64_t *end)
{
	uint64_t size;
	if (__builtin_mul_overflow(nmemb, (uint64_t) elem_size, &size)
	    || __builtin_add_overflow(addr, size, end))
		return false;
	return true;
}

void print_array(struct strbuf *out, const struct syscall_call *call,
		 uint64_t addr, uint64_t nmemb, size_t elem_size,
		 print_elem_fn print_elem)
{
	if (elem_size > ARRAY_ELEM_MAX)
		abort();
	if (!addr) {
		sb_puts(out, "NULL");
		return;
	}
	if (!nmemb) {
		sb_puts(out, "[]");
		return;
	}
	uint64_t end;
	if (!elements_fit(addr, nmemb, elem_size, &end)) {
		print_addr(out, addr);
		return;
	}
	uint64_t shown = nmemb;
	if (!call->opts->verbose && call->opts->max_elems < nmemb)
		shown = call->opts->max_elems;

	unsigned char elem[ARRAY_ELEM_MAX];
	uint64_t cur = addr;
	/*
	 * strace reads an element before it checks the cap, so an unreadable
	 * element just past the cap is reported as such.
	 */
	for (uint64_t i = 0; i < nmemb; i++, cur += elem_size) {
		if (i)
			sb_puts(out, ", ");
		if (!call->mem.read(call->mem.ctx, cur, elem, elem_size)) {
			if (!i) {
				print_addr(out, cur);
				return;
			}
			sb_printf(out, "... /* %#" PRIx64 " */", cur);
			break;
		}
		if (!i)
			sb_putc(out, '[');
		if (i == shown) {
			sb_puts(out, "...");
			break;
		}
		print_elem(out, call, elem);
	}
	sb_putc(out, ']');
}
