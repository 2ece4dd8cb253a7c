/*
 * epolltrace --diagnose, warning[ctl-eexist]: a loop that registers an fd
 * it has already registered in the same instance (EPOLL_CTL_ADD fails
 * with EEXIST) and does not follow up with EPOLL_CTL_MOD, so its new
 * interest is silently lost.  Prints the warning's pid, epfd and fd.
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
	/* The bug: "also tell me about EPOLLRDHUP now", with ADD again. */
	ev = epoll_ev(EPOLLIN | EPOLLRDHUP, p[0]);
	EXPECT_ERRNO(EEXIST, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	/* The loop goes on with the first registration. */
	struct epoll_event out[4];
	EXPECT_RET(1, write(p[1], "x", 1));
	EXPECT_RET(1, sys_epoll_wait(ep, out, 4, 1000));
	EXPECT_TRUE(out[0].events == EPOLLIN && out[0].data.u64 == (uint64_t) p[0]);
	char c;
	EXPECT_RET(1, read(p[0], &c, 1));

	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	EXPECT_RET(0, close(p[0]));
	EXPECT_RET(0, close(p[1]));
	EXPECT_RET(0, close(ep));
	printf("expect pid=%d epfd=%d fd=%d\n", (int) getpid(), ep, p[0]);
	return 0;
}
