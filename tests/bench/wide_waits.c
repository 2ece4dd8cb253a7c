/*
 * wide_waits ITER: ITER calls of epoll_wait(maxevents 1024, timeout 0)
 * that each return 1024 events, so a tracer copies and decodes a full
 * array every time.
 */
#include <stdlib.h>
#include <sys/epoll.h>

#include "tests/bench/bench_args.h"
#include "tests/bench/ready_eventfds.h"
#include "tests/progs/selfcheck.h"

#define WIDTH 1024

int main(int argc, char **argv)
{
	long iter = bench_count(argc, argv, 1, -1, 1, "ITER");
	int ep = ready_eventfds(WIDTH);
	struct epoll_event *evs = calloc(WIDTH, sizeof(*evs));
	EXPECT_TRUE(evs != NULL);
	for (long n = 0; n < iter; n++)
		EXPECT_RET(WIDTH, epoll_wait(ep, evs, WIDTH, 0));
	return 0;
}
