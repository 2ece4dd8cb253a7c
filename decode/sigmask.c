#include <string.h>

#include "decode/fetch.h"
#include "decode/signals.h"
#include "decode/sigmask.h"

#define WORD_BITS 32

static bool bit_set(const uint8_t *mask, unsigned int bit)
{
	return mask[bit / 8] >> (bit % 8) & 1;
}

void print_sigmask(struct strbuf *out, const uint8_t *mask, size_t len)
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
	bool inverted = set >= nbits * 2 / 3;
	if (inverted)
		sb_putc(out, '~');

	char sep = '[';
	for (unsigned int bit = 0; bit < nbits; bit++) {
		if (bit_set(padded, bit) == inverted)
			continue;
		const char *name = signal_name((int) bit + 1);
		if (strncmp(name, "SIG", 3) == 0)
			name += 3;
		sb_putc(out, sep);
		sb_puts(out, name);
		sep = ' ';
	}
	if (sep == '[')
		sb_putc(out, '[');
	sb_putc(out, ']');
}

void print_sigset_at(struct strbuf *out, const struct syscall_call *call,
		     bool exiting, uint64_t addr, uint64_t len)
{
	if (len < call->abi->word_size || len > KERNEL_SIGSET_BYTES) {
		print_addr(out, addr);
		return;
	}
	uint8_t mask[KERNEL_SIGSET_BYTES];
	if (fetch_or_print_addr(out, call, exiting, addr, mask, (size_t) len))
		print_sigmask(out, mask, (size_t) len);
}
