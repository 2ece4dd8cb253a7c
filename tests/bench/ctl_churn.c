/*
 * ctl_churn ITER [NFDS]: each iteration adds NFDS (default 512) eventfds
 * to one epoll instance, modifies each, then deletes each: 3 * NFDS
 * epoll_ctl calls, with an interest list hundreds of fds long, which is
 * what a tracer that models the interest list pays for.
 */
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

#include "tests/bench/bench_args.h"
#include "tests/progs/selfcheck.h"

static void ctl_all(int ep, int op, const int *fds, long nfds, uint32_t events)
{
	for (long i = 0; i < nfds; i++) {
		struct epoll_event ev = { .events = events, .data.u64 = (uint64_t) i };
		EXPECT_RET(0, epoll_ctl(ep, op, fds[i], op == EPOLL_CTL_DEL ? NULL : &ev));
	}
}

int main(int argc, char **argv)
{
	long iter = bench_count(argc, argv, 1, -1, 1, "ITER [NFDS]");
	long nfds = bench_count(argc, argv, 2, 512, 1, "ITER [NFDS]");
	bench_allow_fds(nfds + 16);
	int *fds = calloc((size_t) nfds, sizeof(*fds));
	EXPECT_TRUE(fds != NULL);
	for (long i = 0; i < nfds; i++)
		fds[i] = EXPECT_OK(eventfd(0, EFD_CLOEXEC));
	int ep = EXPECT_OK(epoll_create1(EPOLL_CLOEXEC));
	for (long n = 0; n < iter; n++) {
		ctl_all(ep, EPOLL_CTL_ADD, fds, nfds, EPOLLIN);
		ctl_all(ep, EPOLL_CTL_MOD, fds, nfds, EPOLLIN | EPOLLOUT | EPOLLET);
		ctl_all(ep, EPOLL_CTL_DEL, fds, nfds, 0);
	}
	return 0;
}
