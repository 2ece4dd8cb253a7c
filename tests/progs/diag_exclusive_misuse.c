/*
 * epolltrace --diagnose, warning[exclusive-misuse]: EPOLLEXCLUSIVE with
 * EPOLLONESHOT is refused (EINVAL), and so is EPOLL_CTL_MOD of an
 * EPOLLEXCLUSIVE registration: the exclusive wakeup cannot be combined
 * with one-shot re-arming.  Both mistakes are made on the same fd, so the
 * second is only counted and one warning names F, that fd.
 */
#include <stdio.h>
#include <sys/eventfd.h>

#include "raw_epoll.h"
#include "selfcheck.h"

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int efd = EXPECT_OK(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));

	struct epoll_event ev = epoll_ev(EPOLLIN | EPOLLEXCLUSIVE | EPOLLONESHOT, efd);
	EXPECT_ERRNO(EINVAL, sys_epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev));

	/* Registered without ONESHOT, then "re-armed" with MOD. */
	ev = epoll_ev(EPOLLIN | EPOLLEXCLUSIVE, efd);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev));
	ev = epoll_ev(EPOLLIN, efd);
	EXPECT_ERRNO(EINVAL, sys_epoll_ctl(ep, EPOLL_CTL_MOD, efd, &ev));

	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, efd, NULL));
	EXPECT_RET(0, close(efd));
	EXPECT_RET(0, close(ep));
	printf("expect pid=%d epfd=%d fd=%d\n", (int) getpid(), ep, efd);
	return 0;
}
