/*
 * mixed [-t] ITER [OTHER]: ITER times, OTHER (default 20) getppid calls,
 * then one epoll_wait with timeout 0 that finds nothing.  Under a seccomp
 * tracer only the wait stops; the getppid calls pay the filter alone.
 *
 * With -t it prints the seconds spent in the getppid calls alone, timed
 * around each batch with clock_gettime, which the vDSO answers without a
 * syscall: that is what a non-epoll call costs, measured where it runs,
 * between trapped waits, but without the traced waits' own cost, which
 * is a hundred times larger and would drown it in noise.
 */
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tests/bench/bench_args.h"
#include "tests/bench/handshake.h"
#include "tests/progs/selfcheck.h"

#define USAGE "[-t] ITER [OTHER]"

int main(int argc, char **argv)
{
	int timed = argc > 1 && strcmp(argv[1], "-t") == 0;
	long iter = bench_count(argc, argv, 1 + timed, -1, 1, USAGE);
	long other = bench_count(argc, argv, 2 + timed, 20, 0, USAGE);
	pid_t parent = getppid();
	int ep = EXPECT_OK(epoll_create1(EPOLL_CLOEXEC));
	struct epoll_event ev;
	double in_other = 0;
	for (long n = 0; n < iter; n++) {
		double start = timed ? handshake_now() : 0;
		/* syscall(), so that no libc could answer from a cache. */
		for (long k = 0; k < other; k++)
			EXPECT_RET(parent, syscall(SYS_getppid));
		if (timed)
			in_other += handshake_now() - start;
		EXPECT_RET(0, epoll_wait(ep, &ev, 1, 0));
	}
	if (timed)
		EXPECT_TRUE(printf("%.6f\n", in_other) > 0 && fflush(stdout) == 0);
	return 0;
}
