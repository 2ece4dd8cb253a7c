/* When the engine polls for the next stop before sleeping (trace/spin.h). */
#include <stdio.h>

#include "tests/unit/tap.h"
#include "trace/spin.h"

/* Each step feeds the policy n inputs, then checks its window. */
struct step {
	enum { START, OUTCOMES, LOADS } kind;
	int n;
	unsigned int value;	/* START: ncpus; OUTCOMES: gap in us; LOADS: nr_running */
	unsigned int ours;	/* LOADS: how many of those are the tracee's threads */
	unsigned int window;
	const char *what;
};

#define WINDOW 100

static const struct step steps[] = {
	{ START, 0, 2, 0, WINDOW, "spins from the start on two idle CPUs" },
	{ START, 0, 1, 0, 0, "never spins on a single CPU" },
	{ START, 0, 2, 0, WINDOW, "" },
	{ OUTCOMES, 50, 30, 0, WINDOW, "keeps spinning while stops come within the window" },
	{ OUTCOMES, 20, 5000, 0, 0, "stops spinning when stops come later than the window" },
	{ OUTCOMES, 1, 30, 0, 0, "one quick stop is not enough to spin again" },
	{ OUTCOMES, 5, 30, 0, WINDOW, "spins again once stops come quickly again" },
	{ START, 0, 2, 0, WINDOW, "" },
	{ OUTCOMES, 3, WINDOW + 1, 0, WINDOW, "a few late stops are tolerated" },
	{ OUTCOMES, 1, WINDOW, 0, WINDOW, "a stop exactly at the window's end counts as found" },
	{ START, 0, 2, 0, WINDOW, "" },
	{ LOADS, 20, 2, 0, WINDOW, "spins beside one other runnable task on two CPUs" },
	{ LOADS, 20, 3, 0, 0, "sleeps while others fill both CPUs" },
	{ LOADS, 20, 4, 0, 0, "" },
	{ LOADS, 1, 1, 0, WINDOW, "one sample with a CPU free is enough: load that stays is what stops it" },
	{ LOADS, 15, 4, 0, WINDOW, "the fewest others of the last 16 samples count, not the latest" },
	{ LOADS, 1, 4, 0, 0, "once the free sample is 16 samples old, the load stops the spin" },
	{ LOADS, 20, 1, 0, WINDOW, "spins again when the CPUs are free" },
	{ LOADS, 20, 0, 0, WINDOW, "a count of zero is read as epolltrace alone" },
	{ LOADS, 20, 3, 2, WINDOW, "the tracee's own runnable threads are not others" },
	{ LOADS, 20, 5, 2, 0, "others beside the tracee's threads still fill both CPUs" },
	{ LOADS, 20, 2, 4, WINDOW, "more of ours than the count (read at another moment) is no one else" },
	{ START, 0, 2, 0, WINDOW, "" },
	{ LOADS, 1, 4, 0, 0, "the first sample stands for those not taken yet: a start beside busy CPUs does not spin" },
	{ LOADS, 1, 1, 0, WINDOW, "a second sample with a CPU free is enough again" },
	{ START, 0, 8, 0, WINDOW, "" },
	{ LOADS, 20, 8, 0, WINDOW, "seven others leave one of eight CPUs free" },
	{ LOADS, 20, 9, 0, 0, "eight others fill eight CPUs" },
};

int main(void)
{
	struct spin_policy p;
	char got[16], want[16];

	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		const struct step *s = &steps[i];
		if (s->kind == START)
			spin_policy_init(&p, WINDOW, s->value);
		for (int k = 0; k < s->n; k++) {
			if (s->kind == OUTCOMES)
				spin_policy_outcome(&p, s->value);
			else
				spin_policy_load(&p, s->value, s->ours);
		}
		if (!s->what[0])
			continue;
		snprintf(got, sizeof(got), "%u", spin_policy_window(&p));
		snprintf(want, sizeof(want), "%u", s->window);
		tap_is(got, want, "%s", s->what);
	}
	spin_policy_init(&p, 0, 4);
	snprintf(got, sizeof(got), "%u", spin_policy_window(&p));
	tap_is(got, "0", "--spin=0 never spins");
	return tap_done();
}
