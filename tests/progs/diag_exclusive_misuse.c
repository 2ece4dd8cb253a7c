/*
 * epolltrace --diagnose, warning[exclusive-misuse]: EPOLLEXCLUSIVE with
 * EPOLLONESHOT is refused (EINVAL), and so is EPOLL_CTL_MOD of an
 * EPOLLEXCLUSIVE registration: the exclusive wakeup cannot be combined
 * with one-shot re-arming.  Both mistakes are made on the same fd, so the
 * second is only counted and one warning names F, that fd.
 */
#include <sys/eventfd.h>

#include "diag_loop.h"

int main(void)
{
	int ep = start_instance();
	int efd = EXPECT_OK(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));

	struct epoll_event ev = epoll_ev(EPOLLIN | EPOLLEXCLUSIVE | EPOLLONESHOT, efd);
	EXPECT_ERRNO(EINVAL, sys_epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev));

	/* Registered without ONESHOT, then "re-armed" with MOD. */
	watch_fd(ep, efd, EPOLLIN | EPOLLEXCLUSIVE);
	ev = epoll_ev(EPOLLIN, efd);
	EXPECT_ERRNO(EINVAL, sys_epoll_ctl(ep, EPOLL_CTL_MOD, efd, &ev));

	close_watched(ep, efd);
	EXPECT_RET(0, close(ep));
	print_expected_warning(getpid(), ep, efd);
	return 0;
}
