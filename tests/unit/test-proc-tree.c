/* --children's walk down the parents /proc gives, cycles from pid reuse included. */
#include <stdio.h>
#include <stdlib.h>

#include "procfs/proc_tree.h"
#include "tests/unit/tap.h"
#include "util/strbuf.h"

static const struct {
	struct parentage all[8];
	size_t n;
	pid_t pid;
	const char *want;
	const char *what;
} cases[] = {
	{ { { 11, 1 }, { 20, 10 }, { 10, 1 }, { 22, 11 }, { 21, 11 }, { 30, 2 } }, 6, 1,
	  "10 11 20 21 22", "children, then theirs, each generation by pid" },
	{ { { 10, 1 } }, 1, 10, "", "a process without children" },
	{ { { 7, 5 }, { 5, 7 } }, 2, 5, "7",
	  "a reused pid made pid its own grandchild: listed once, pid never" },
	{ { { 7, 5 }, { 9, 7 }, { 5, 9 }, { 8, 9 } }, 4, 5, "7 9 8",
	  "a longer cycle back to pid, with a branch off it" },
};

int main(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct parentage all[8];
		for (size_t j = 0; j < cases[i].n; j++)
			all[j] = cases[i].all[j];
		pid_t *got;
		size_t n = parentage_descendants(all, cases[i].n, cases[i].pid, &got);
		struct strbuf text = STRBUF_INIT;
		for (size_t j = 0; j < n; j++)
			sb_printf(&text, "%s%d", j ? " " : "", (int) got[j]);
		tap_is(sb_str(&text), cases[i].want, "%s", cases[i].what);
		sb_free(&text);
		free(got);
	}
	return tap_done();
}
