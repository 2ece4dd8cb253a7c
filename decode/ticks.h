/* Counts of clock ticks, shown with their value in seconds. */
#ifndef EPOLLTRACE_DECODE_TICKS_H
#define EPOLLTRACE_DECODE_TICKS_H

#include <stdint.h>

#include "decode/emitter.h"

/*
 * The count, then unless it is 0 a comment with its seconds to the given
 * number of fractional digits: 100 at 1000000 per second with 6 digits
 * comments "0.000100 s" (strace's print_ticks).
 */
void emit_ticks(struct emitter *em, uint64_t val, uint64_t per_second,
		unsigned int digits);

/* A clock_t of the tracing host, as strace's print_clock_t. */
void emit_clock_ticks(struct emitter *em, uint64_t val);

#endif
