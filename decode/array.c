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

/* Elements read at once: all of a default-capped wait in one read. */
#define ARRAY_CHUNK_ELEMS 64

/*
 * Reads count elements at addr into buf in one go, as a wait's array is
 * usually all readable; only when that fails, one by one, to find the
 * first unreadable element.  Returns how many leading elements were read.
 */
static uint64_t fetch_elements(const struct syscall_call *call, uint64_t addr,
			       uint64_t count, size_t elem_size, unsigned char *buf)
{
	if (call->mem.read(call->mem.ctx, addr, buf, count * elem_size))
		return count;
	uint64_t i = 0;
	while (i < count && call->mem.read(call->mem.ctx, addr + i * elem_size,
					   buf + i * elem_size, elem_size))
		i++;
	return i;
}

void emit_array(struct emitter *em, const struct syscall_call *call,
		uint64_t addr, uint64_t nmemb, size_t elem_size,
		emit_elem_fn emit_elem)
{
	if (elem_size > ARRAY_ELEM_MAX)
		abort();
	if (!addr) {
		emit_null(em);
		return;
	}
	if (!nmemb) {
		emit_array_begin(em);
		emit_array_end(em);
		return;
	}
	uint64_t end;
	if (!elements_fit(addr, nmemb, elem_size, &end)) {
		emit_addr(em, addr);
		return;
	}
	uint64_t shown = nmemb;
	if (em->abbreviates_arrays && !call->opts->verbose && call->opts->max_elems < nmemb)
		shown = call->opts->max_elems;

	/*
	 * strace reads an element before it checks the cap, so an unreadable
	 * element just past the cap is reported as such.
	 */
	uint64_t wanted = shown < nmemb ? shown + 1 : nmemb;
	unsigned char chunk[ARRAY_CHUNK_ELEMS * ARRAY_ELEM_MAX];
	uint64_t chunk_start = 0, chunk_len = 0, chunk_readable = 0;
	uint64_t cur = addr;
	/* Where to come back to when the array turns out to be unreadable. */
	struct emit_mark before = emit_save(em);
	for (uint64_t i = 0; i < wanted; i++, cur += elem_size) {
		if (i == chunk_start + chunk_len) {
			chunk_start = i;
			chunk_len = wanted - i < ARRAY_CHUNK_ELEMS ? wanted - i : ARRAY_CHUNK_ELEMS;
			chunk_readable = fetch_elements(call, cur, chunk_len, elem_size, chunk);
		}
		const unsigned char *elem = chunk + (i - chunk_start) * elem_size;
		if (i - chunk_start >= chunk_readable) {
			if (!i || !em->abbreviates_arrays) {
				emit_restore(em, &before);
				emit_addr(em, addr);
				return;
			}
			emit_truncated(em, cur);
			break;
		}
		if (!i)
			emit_array_begin(em);
		if (i == shown) {
			emit_truncated(em, 0);
			break;
		}
		emit_elem(em, call, elem);
	}
	emit_array_end(em);
}
