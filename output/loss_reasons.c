#include "output/trace_output.h"

const char *const loss_reasons[ENGINE_NLOSSES] = {
	[LOSS_RING_FULL] = "ring buffer full",
	[LOSS_NO_MEMORY] = "no kernel memory to keep their entries",
};

uint64_t calls_lost_total(const struct run_summary *r)
{
	uint64_t n = 0;
	for (int why = 0; r->calls_lost && why < ENGINE_NLOSSES; why++)
		n += r->calls_lost[why];
	return n;
}
