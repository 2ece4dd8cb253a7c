/*
 * epolltrace --diagnose, warning[closed-while-registered]: the read end of
 * a pipe is registered, dup()ed, and the original fd closed without
 * EPOLL_CTL_DEL.  The dup keeps the file open, so the registration lives
 * on under the closed fd's number, where the program can no longer DEL it.
 * The loop then waits once more on the instance.  F is the closed fd.
 */
#include <stdio.h>

#include "raw_epoll.h"
#include "selfcheck.h"

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int p[2];
	EXPECT_RET(0, pipe(p));
	struct epoll_event ev = epoll_ev(EPOLLIN, p[0]);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	/* E.g. a library dup()s the fd for a worker; the loop closes its own. */
	int keep = EXPECT_OK(dup(p[0]));
	int closed = p[0];
	EXPECT_RET(0, close(closed));

	/* Nothing written yet: the wait times out. */
	struct epoll_event out[4];
	EXPECT_RET(0, sys_epoll_wait(ep, out, 4, 0));

	EXPECT_RET(0, close(keep));
	EXPECT_RET(0, close(p[1]));
	EXPECT_RET(0, close(ep));
	printf("expect pid=%d epfd=%d fd=%d\n", (int) getpid(), ep, closed);
	return 0;
}
