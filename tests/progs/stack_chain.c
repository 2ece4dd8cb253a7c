/*
 * A known call chain for -k: main -> outer_fn -> inner_fn -> epoll_wait
 * (libc's), so that the stack printed after the wait's line must name
 * inner_fn, outer_fn and main, in that order.
 *   stack_chain          one wait (timeout 0), then exit 0
 *   stack_chain loop     prints "ready", then waits (timeout 10 ms) until
 *                        killed, for -p
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>

#include "selfcheck.h"

/*
 * Built with -g -O0, but CFLAGS may still say -O2: the frames must survive
 * it, not be inlined, merged into their callers by tail calls, or renamed
 * by interprocedural passes.
 */
#ifdef __clang__
# define KEEP_FRAME __attribute__((noinline, optnone))
#else
# define KEEP_FRAME __attribute__((noinline, noipa, optimize("O0")))
#endif

KEEP_FRAME static int inner_fn(int ep, int timeout)
{
	struct epoll_event ev;
	int n = epoll_wait(ep, &ev, 1, timeout);
	return n + 1;
}

KEEP_FRAME static int outer_fn(int ep, int timeout)
{
	return inner_fn(ep, timeout) - 1;
}

int main(int argc, char **argv)
{
	int ep = EXPECT_OK(epoll_create1(EPOLL_CLOEXEC));
	if (argc > 1 && strcmp(argv[1], "loop") == 0) {
		puts("ready");
		fflush(stdout);
		for (;;) {
			int n = outer_fn(ep, 10);
			/* Attaching interrupts the wait under way. */
			if (n != 0 && !(n < 0 && errno == EINTR))
				selfcheck_fail("outer_fn(ep, 10)", __LINE__, n, n < 0 ? errno : 0);
		}
	}
	EXPECT_RET(0, outer_fn(ep, 0));
	return 0;
}
