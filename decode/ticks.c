#include <inttypes.h>
#include <unistd.h>

#include "decode/ticks.h"

void print_ticks(struct strbuf *out, uint64_t val, uint64_t per_second,
		 unsigned int digits)
{
	sb_printf(out, "%" PRIu64, val);
	if (val && per_second)
		sb_printf(out, " /* %" PRIu64 ".%0*" PRIu64 " s */",
			  val / per_second, (int) digits, val % per_second);
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

void print_clock_ticks(struct strbuf *out, uint64_t val)
{
	long hz = sysconf(_SC_CLK_TCK);
	uint64_t per_second = hz > 0 ? (uint64_t) hz : 0;
	unsigned int digits = floor_log10(per_second);
	print_ticks(out, val, per_second, digits > 9 ? 9 : digits);
}
