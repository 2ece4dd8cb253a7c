/* When the engine polls for the next stop before sleeping (trace/spin.h). */
#include <stdio.h>

#include "tests/unit/tap.h"
#include "trace/spin.h"

static void is_window(const struct spin_policy *p, unsigned int expected, const char *what)
{
	char got[32], want[32];
	snprintf(got, sizeof(got), "%u", spin_policy_window(p));
	snprintf(want, sizeof(want), "%u", expected);
	tap_is(got, want, "%s", what);
}

static void outcomes(struct spin_policy *p, int n, unsigned int gap_usec)
{
	for (int i = 0; i < n; i++)
		spin_policy_outcome(p, gap_usec);
}

static void loads(struct spin_policy *p, int n, unsigned int nr_running)
{
	for (int i = 0; i < n; i++)
		spin_policy_load(p, nr_running);
}

int main(void)
{
	struct spin_policy p;

	spin_policy_init(&p, 100, 2);
	is_window(&p, 100, "spins from the start on two idle CPUs");
	spin_policy_init(&p, 100, 1);
	is_window(&p, 0, "never spins on a single CPU");
	spin_policy_init(&p, 0, 4);
	is_window(&p, 0, "--spin=0 never spins");

	spin_policy_init(&p, 100, 2);
	outcomes(&p, 50, 30);
	is_window(&p, 100, "keeps spinning while stops come within the window");
	outcomes(&p, 20, 5000);
	is_window(&p, 0, "stops spinning when stops come later than the window");
	outcomes(&p, 1, 30);
	is_window(&p, 0, "one quick stop is not enough to spin again");
	outcomes(&p, 5, 30);
	is_window(&p, 100, "spins again once stops come quickly again");
	spin_policy_init(&p, 100, 2);
	outcomes(&p, 3, 101);
	is_window(&p, 100, "a few late stops are tolerated");
	outcomes(&p, 1, 100);
	is_window(&p, 100, "a stop exactly at the window's end counts as found");

	spin_policy_init(&p, 100, 2);
	loads(&p, 20, 2);
	is_window(&p, 100, "spins beside one other runnable task on two CPUs");
	loads(&p, 20, 3);
	is_window(&p, 0, "sleeps while others fill both CPUs");
	loads(&p, 20, 4);
	loads(&p, 1, 1);
	is_window(&p, 0, "one idle sample does not end the back-off");
	loads(&p, 20, 1);
	is_window(&p, 100, "spins again when the CPUs are free");
	loads(&p, 20, 0);
	is_window(&p, 100, "a count of zero is read as epolltrace alone");
	spin_policy_init(&p, 100, 8);
	loads(&p, 20, 8);
	is_window(&p, 100, "seven others leave one of eight CPUs free");
	loads(&p, 20, 9);
	is_window(&p, 0, "eight others fill eight CPUs");
	return tap_done();
}
