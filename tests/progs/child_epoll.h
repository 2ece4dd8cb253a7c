/*
 * The epoll round trip every child of the process tests does, checked
 * step by step: a child that the tracer failed to follow would get ENOSYS
 * from the inherited seccomp filter and exit with SELFCHECK_FAILED.
 */
#ifndef EPOLLTRACE_TESTS_CHILD_EPOLL_H
#define EPOLLTRACE_TESTS_CHILD_EPOLL_H

#include "raw_epoll.h"
#include "selfcheck.h"

static inline void epoll_round_trip(uint64_t data)
{
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int p[2];
	EXPECT_RET(0, pipe(p));
	EXPECT_RET(1, write(p[1], "x", 1));
	struct epoll_event ev = epoll_ev(EPOLLIN, data), out[2];
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	EXPECT_RET(1, sys_epoll_wait(ep, out, 2, -1));
	EXPECT_TRUE(out[0].data.u64 == data);
	EXPECT_RET(1, sys_epoll_pwait2(ep, out, 2, NULL, NULL, 0));
	close(p[0]);
	close(p[1]);
	close(ep);
}

#endif
