/*
 * epolltrace --diagnose, warning[ctl-enoent]: a loop that changes (MOD)
 * and removes (DEL) the interest of an fd it never registered: both fail
 * with ENOENT, and no ADD follows, so the fd is never watched.  Prints the
 * warning's pid, epfd and fd.
 */
#include "diag_loop.h"

int main(void)
{
	int ep = start_instance();
	int p[2];
	EXPECT_RET(0, pipe(p));

	/* The bug: the connection was never added, but the loop thinks so. */
	struct epoll_event ev = epoll_ev(EPOLLIN, p[0]);
	EXPECT_ERRNO(ENOENT, sys_epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));

	/* Data arrives, nothing reports it. */
	EXPECT_RET(1, write(p[1], "x", 1));
	expect_no_event(ep, 0);

	/* Closing the connection "unregisters" it. */
	EXPECT_ERRNO(ENOENT, sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	close_pair(p);
	EXPECT_RET(0, close(ep));
	print_expected_warning(getpid(), ep, p[0]);
	return 0;
}
