/*
 * epolltrace --diagnose, warning[oneshot-not-rearmed]: an fd registered
 * with EPOLLONESHOT fires once and is never re-armed with EPOLL_CTL_MOD,
 * yet the loop keeps waiting on the instance (300 more waits): the next
 * data on the fd, which does arrive, is never reported.  F is that fd.
 */
#include <stdio.h>

#include "raw_epoll.h"
#include "selfcheck.h"

#define MORE_WAITS 300

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int p[2];
	EXPECT_RET(0, pipe(p));
	struct epoll_event ev = epoll_ev(EPOLLIN | EPOLLONESHOT, p[0]);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	/* The first message is reported and handled. */
	struct epoll_event out[4];
	char c;
	EXPECT_RET(1, write(p[1], "1", 1));
	EXPECT_RET(1, sys_epoll_wait(ep, out, 4, 1000));
	EXPECT_TRUE(out[0].events == EPOLLIN && out[0].data.u64 == (uint64_t) p[0]);
	EXPECT_RET(1, read(p[0], &c, 1));

	/* The bug: no EPOLL_CTL_MOD here.  The second message is lost. */
	EXPECT_RET(1, write(p[1], "2", 1));
	for (int i = 0; i < MORE_WAITS; i++)
		EXPECT_RET(0, sys_epoll_wait(ep, out, 4, 0));

	EXPECT_RET(0, close(p[0]));
	EXPECT_RET(0, close(p[1]));
	EXPECT_RET(0, close(ep));
	printf("expect pid=%d epfd=%d fd=%d\n", (int) getpid(), ep, p[0]);
	return 0;
}
