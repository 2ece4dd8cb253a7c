/*
 * epolltrace --diagnose, warning[spin-loop]: a loop that polls with a zero
 * timeout and finds nothing, 3000 times in a row: it burns a CPU where a
 * blocking wait (a timeout > 0, or -1) would sleep.  No single fd is to
 * blame, so the warning names only the instance (fd=-1 below).
 */
#include <stdio.h>

#include "raw_epoll.h"
#include "selfcheck.h"

#define EMPTY_POLLS 3000

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int p[2];
	EXPECT_RET(0, pipe(p));
	struct epoll_event ev = epoll_ev(EPOLLIN, p[0]);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	/* Nobody ever writes to the pipe. */
	struct epoll_event out[4];
	for (int i = 0; i < EMPTY_POLLS; i++)
		EXPECT_RET(0, sys_epoll_wait(ep, out, 4, 0));

	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	EXPECT_RET(0, close(p[0]));
	EXPECT_RET(0, close(p[1]));
	EXPECT_RET(0, close(ep));
	printf("expect pid=%d epfd=%d fd=-1\n", (int) getpid(), ep);
	return 0;
}
