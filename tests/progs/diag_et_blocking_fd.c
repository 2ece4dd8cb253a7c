/*
 * epolltrace --diagnose, warning[et-blocking-fd]: the read end of a pipe
 * is registered edge-triggered (EPOLLIN|EPOLLET) while it is blocking (no
 * O_NONBLOCK).  An ET loop must read until EAGAIN, and on a blocking fd
 * the read that should say EAGAIN blocks the whole loop instead.  The loop
 * then waits on the instance.  F is that fd.
 */
#include <fcntl.h>
#include <stdio.h>

#include "raw_epoll.h"
#include "selfcheck.h"

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int p[2];
	EXPECT_RET(0, pipe(p));
	EXPECT_TRUE(!(EXPECT_OK(fcntl(p[0], F_GETFL)) & O_NONBLOCK));
	struct epoll_event ev = epoll_ev(EPOLLIN | EPOLLET, p[0]);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	struct epoll_event out[4];
	char buf[8];
	EXPECT_RET(3, write(p[1], "abc", 3));
	EXPECT_RET(1, sys_epoll_wait(ep, out, 4, 1000));
	EXPECT_TRUE(out[0].events == EPOLLIN && out[0].data.u64 == (uint64_t) p[0]);
	/*
	 * Draining stops here only because the program knows how much was
	 * written: one more read would block forever.
	 */
	EXPECT_RET(3, read(p[0], buf, sizeof(buf)));

	EXPECT_RET(0, close(p[0]));
	EXPECT_RET(0, close(p[1]));
	EXPECT_RET(0, close(ep));
	printf("expect pid=%d epfd=%d fd=%d\n", (int) getpid(), ep, p[0]);
	return 0;
}
