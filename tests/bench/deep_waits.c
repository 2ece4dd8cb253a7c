/*
 * deep_waits ITER: ITER calls of epoll_wait(timeout 0) on an empty
 * instance, each made DEPTH calls deep, so that every stack trace a tracer
 * takes (-k) has the same frames: the per-trace cost is then the time with
 * -k less the time without, over ITER.
 */
#include <sys/epoll.h>

#include "tests/bench/bench_args.h"
#include "tests/progs/selfcheck.h"

#define DEPTH 8

/* Written after each call, so that no call is a tail call. */
static volatile int deepest;

/* noinline: each level must stay a frame of its own. */
__attribute__((noinline)) static int wait_at(int depth, int ep)
{
	struct epoll_event ev;
	int n = depth > 0 ? wait_at(depth - 1, ep) : epoll_wait(ep, &ev, 1, 0);
	deepest = depth;
	return n;
}

int main(int argc, char **argv)
{
	long iter = bench_count(argc, argv, 1, -1, 1, "ITER");
	int ep = epoll_create1(0);
	EXPECT_TRUE(ep >= 0);
	for (long n = 0; n < iter; n++)
		EXPECT_RET(0, wait_at(DEPTH, ep));
	return 0;
}
