#include <string.h>

#include "decode/fetch.h"
#include "decode/sigmask.h"
#include "decode/signals.h"

#define WORD_BITS 32

static bool bit_set(const uint8_t *mask, unsigned int bit)
{
	return mask[bit / 8] >> (bit % 8) & 1;
}

void emit_signal(struct emitter *em, int sig, const char *name)
{
	if (em->const_style == CONST_ABBREV) {
		emit_symbol(em, name);
		return;
	}
	emit_uint(em, (uint64_t) sig);
	if (em->const_style == CONST_VERBOSE)
		emit_comment(em, name);
}

void emit_sigmask(struct emitter *em, const uint8_t *mask, size_t len)
{
	/* strace weighs the mask in whole 32-bit words, rounding len up. */
	size_t words = len >= KERNEL_SIGSET_BYTES
		? KERNEL_SIGSET_BYTES / 4 : (len + 3) / 4;
	unsigned int nbits = (unsigned int) words * WORD_BITS;
	uint8_t padded[KERNEL_SIGSET_BYTES] = { 0 };
	memcpy(padded, mask, len < sizeof(padded) ? len : sizeof(padded));

	unsigned int set = 0;
	for (unsigned int bit = 0; bit < nbits; bit++)
		set += bit_set(padded, bit);

	/* A mostly full mask reads better as what it leaves out. */
	bool inverted = em->terse_sets && set >= nbits * 2 / 3;
	emit_set_begin(em, inverted);
	for (unsigned int bit = 0; bit < nbits; bit++) {
		if (bit_set(padded, bit) == inverted)
			continue;
		const char *name = signal_name((int) bit + 1);
		if (em->terse_sets && strncmp(name, "SIG", 3) == 0)
			name += 3;
		emit_signal(em, (int) bit + 1, name);
	}
	emit_set_end(em);
}

void emit_sigset_at(struct emitter *em, const struct syscall_call *call,
		    bool exiting, uint64_t addr, uint64_t len)
{
	if (len < call->abi->word_size || len > KERNEL_SIGSET_BYTES) {
		emit_addr(em, addr);
		return;
	}
	uint8_t mask[KERNEL_SIGSET_BYTES];
	if (fetch_or_emit_addr(em, call, exiting, addr, mask, (size_t) len))
		emit_sigmask(em, mask, (size_t) len);
}
