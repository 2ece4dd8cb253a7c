#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

#include "tests/bench/bench_args.h"
#include "tests/bench/ready_eventfds.h"
#include "tests/progs/selfcheck.h"

int ready_eventfds(long n)
{
	bench_allow_fds(n + 16);
	int ep = EXPECT_OK(epoll_create1(EPOLL_CLOEXEC));
	for (long i = 0; i < n; i++) {
		/* Created with a count of 1: readable until read, and never read. */
		int fd = EXPECT_OK(eventfd(1, EFD_CLOEXEC));
		struct epoll_event ev = { .events = EPOLLIN, .data.u64 = (uint64_t) fd };
		EXPECT_RET(0, epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
	}
	return ep;
}
