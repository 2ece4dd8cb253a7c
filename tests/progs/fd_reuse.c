/*
 * An fd number that names a pipe, then an eventfd: each waited on, with
 * data = fd, so that -y names it in the call and in the returned event
 * before and after the reuse.  The loop begins when a line arrives on
 * stdin, so that a test can attach first; "reused fd=N" is printed last.
 */
#include <stdio.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "raw_epoll.h"
#include "selfcheck.h"

static void wait_for(int ep, int fd)
{
	struct epoll_event out;
	EXPECT_RET(1, sys_epoll_wait(ep, &out, 1, 5000));
	EXPECT_TRUE(out.data.u64 == (uint64_t) fd);
}

int main(void)
{
	char go[16];
	EXPECT_TRUE(read(0, go, sizeof(go)) > 0);
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int p[2];
	EXPECT_RET(0, pipe(p));
	struct epoll_event ev = epoll_ev(EPOLLIN, p[0]);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	EXPECT_RET(1, write(p[1], "x", 1));
	wait_for(ep, p[0]);
	wait_for(ep, p[0]);

	/* The number goes back to the kernel, and the lowest free one is reused. */
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	EXPECT_RET(0, close(p[0]));
	EXPECT_RET(0, close(p[1]));
	int efd = EXPECT_OK(eventfd(1, EFD_CLOEXEC));
	EXPECT_TRUE(efd == p[0]);
	ev = epoll_ev(EPOLLIN, efd);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev));
	wait_for(ep, efd);
	printf("reused fd=%d\n", efd);
	return 0;
}
