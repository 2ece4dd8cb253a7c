/*
 * epolltrace --diagnose, warning[ctl-enoent]: a loop that changes (MOD)
 * and removes (DEL) the interest of an fd it never registered: both fail
 * with ENOENT, and no ADD follows, so the fd is never watched.  Prints the
 * warning's pid, epfd and fd.
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

	/* The bug: the connection was never added, but the loop thinks so. */
	struct epoll_event ev = epoll_ev(EPOLLIN, p[0]);
	EXPECT_ERRNO(ENOENT, sys_epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));

	/* Data arrives, nothing reports it. */
	struct epoll_event out[4];
	EXPECT_RET(1, write(p[1], "x", 1));
	EXPECT_RET(0, sys_epoll_wait(ep, out, 4, 0));

	/* Closing the connection "unregisters" it. */
	EXPECT_ERRNO(ENOENT, sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	EXPECT_RET(0, close(p[0]));
	EXPECT_RET(0, close(p[1]));
	EXPECT_RET(0, close(ep));
	printf("expect pid=%d epfd=%d fd=%d\n", (int) getpid(), ep, p[0]);
	return 0;
}
