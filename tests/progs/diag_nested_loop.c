/*
 * epolltrace --diagnose, warning[nested-loop]: instance B is registered in
 * instance A, then A in B; the kernel refuses the cycle with ELOOP.  The
 * warning concerns the instance being changed, B (P and E), and names A
 * as the fd (F).
 */
#include <stdio.h>

#include "raw_epoll.h"
#include "selfcheck.h"

int main(void)
{
	close_inherited_fds();
	int a = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int b = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));

	struct epoll_event ev = epoll_ev(EPOLLIN, b);
	EXPECT_RET(0, sys_epoll_ctl(a, EPOLL_CTL_ADD, b, &ev));
	ev = epoll_ev(EPOLLIN, a);
	EXPECT_ERRNO(ELOOP, sys_epoll_ctl(b, EPOLL_CTL_ADD, a, &ev));

	EXPECT_RET(0, sys_epoll_ctl(a, EPOLL_CTL_DEL, b, NULL));
	EXPECT_RET(0, close(b));
	EXPECT_RET(0, close(a));
	printf("expect pid=%d epfd=%d fd=%d\n", (int) getpid(), b, a);
	return 0;
}
