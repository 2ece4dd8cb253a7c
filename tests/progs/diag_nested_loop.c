/*
 * epolltrace --diagnose, warning[nested-loop]: instance B is registered in
 * instance A, then A in B; the kernel refuses the cycle with ELOOP.  The
 * warning concerns the instance being changed, B (P and E), and names A
 * as the fd (F).
 */
#include "diag_loop.h"

int main(void)
{
	int a = start_instance();
	int b = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));

	watch_fd(a, b, EPOLLIN);
	struct epoll_event ev = epoll_ev(EPOLLIN, a);
	EXPECT_ERRNO(ELOOP, sys_epoll_ctl(b, EPOLL_CTL_ADD, a, &ev));

	close_watched(a, b);
	EXPECT_RET(0, close(a));
	print_expected_warning(getpid(), b, a);
	return 0;
}
