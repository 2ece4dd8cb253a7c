/*
 * epolltrace --diagnose, warning[ctl-eexist]: a loop that registers an fd
 * it has already registered in the same instance (EPOLL_CTL_ADD fails
 * with EEXIST) and does not follow up with EPOLL_CTL_MOD, so its new
 * interest is silently lost.  Prints the warning's pid, epfd and fd.
 */
#include "diag_loop.h"

int main(void)
{
	int p[2];
	int ep = start_pipe_loop(p, EPOLLIN);
	/* The bug: "also tell me about EPOLLRDHUP now", with ADD again. */
	struct epoll_event ev = epoll_ev(EPOLLIN | EPOLLRDHUP, p[0]);
	EXPECT_ERRNO(EEXIST, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	/* The loop goes on with the first registration. */
	pass_byte(ep, p, 'x');

	close_watched_pair(ep, p);
	EXPECT_RET(0, close(ep));
	print_expected_warning(getpid(), ep, p[0]);
	return 0;
}
