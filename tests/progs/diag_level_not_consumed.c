/*
 * epolltrace --diagnose, warning[level-not-consumed]: one end of a socket
 * pair is registered with events=0 ("paused"), but the kernel reports
 * EPOLLHUP whatever the mask; the peer has closed, and the loop neither
 * closes nor removes the fd, so every wait returns at once with the same
 * event (300 times here): a busy loop.  F is that fd.
 */
#include <stdio.h>
#include <sys/socket.h>

#include "raw_epoll.h"
#include "selfcheck.h"

#define WAITS 300

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int sv[2];
	EXPECT_RET(0, socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
	struct epoll_event ev = epoll_ev(0, sv[0]);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, sv[0], &ev));

	/* The peer goes away. */
	EXPECT_RET(0, close(sv[1]));

	/* The loop ignores the event it did not ask for, and waits again. */
	struct epoll_event out[4];
	for (int i = 0; i < WAITS; i++) {
		EXPECT_RET(1, sys_epoll_wait(ep, out, 4, 1000));
		EXPECT_TRUE(out[0].events == EPOLLHUP &&
			    out[0].data.u64 == (uint64_t) sv[0]);
	}

	EXPECT_RET(0, close(sv[0]));
	EXPECT_RET(0, close(ep));
	printf("expect pid=%d epfd=%d fd=%d\n", (int) getpid(), ep, sv[0]);
	return 0;
}
