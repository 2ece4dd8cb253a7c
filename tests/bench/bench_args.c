#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "tests/bench/bench_args.h"
#include "tests/progs/selfcheck.h"

long bench_count(int argc, char **argv, int index, long dflt, long min, const char *usage)
{
	if (index >= argc && dflt >= 0)
		return dflt;
	char *end = NULL;
	long n = index < argc ? strtol(argv[index], &end, 10) : -1;
	if (index >= argc || !*argv[index] || *end || n < min) {
		fprintf(stderr, "usage: %s %s\n", argv[0], usage);
		exit(2);
	}
	return n;
}

void bench_allow_fds(long n)
{
	struct rlimit rl;
	EXPECT_RET(0, getrlimit(RLIMIT_NOFILE, &rl));
	if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur >= (rlim_t) n)
		return;
	rl.rlim_cur = (rlim_t) n;
	/* Only root may raise the hard limit; anyone else gets the error. */
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < (rlim_t) n)
		rl.rlim_max = (rlim_t) n;
	EXPECT_RET(0, setrlimit(RLIMIT_NOFILE, &rl));
}
