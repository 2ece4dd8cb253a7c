#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "decode/ticks.h"

void emit_ticks(struct emitter *em, uint64_t val, uint64_t per_second,
		unsigned int digits)
{
	emit_uint(em, val);
	if (val && per_second) {
		char seconds[64];
		snprintf(seconds, sizeof(seconds), "%" PRIu64 ".%0*" PRIu64 " s",
			 val / per_second, (int) digits, val % per_second);
		emit_comment(em, seconds);
	}
}

static unsigned int floor_log10(uint64_t n)
{
	unsigned int digits = 0;
	while (n >= 10) {
		n /= 10;
		digits++;
	}
	return digits;
}

void emit_clock_ticks(struct emitter *em, uint64_t val)
{
	long hz = sysconf(_SC_CLK_TCK);
	uint64_t per_second = hz > 0 ? (uint64_t) hz : 0;
	unsigned int digits = floor_log10(per_second);
	emit_ticks(em, val, per_second, digits > 9 ? 9 : digits);
}
