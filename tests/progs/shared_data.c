/*
 * Two registrations with one data value: a pipe and an eventfd, both
 * registered with the pipe's number as data.  The eventfd fires, the pipe
 * stays empty: the event's data cannot say which of them it is, so
 * --event-fds must leave it bare rather than name the pipe.  Once the
 * eventfd is deleted, the data is the pipe's alone, and is named when the
 * pipe fires.
 */
#include <sys/eventfd.h>

#include "raw_epoll.h"
#include "selfcheck.h"

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(0));
	int p[2];
	EXPECT_RET(0, pipe(p));
	int efd = EXPECT_OK(eventfd(1, 0));
	struct epoll_event ev = epoll_ev(EPOLLIN, (uint64_t) p[0]), out[2];
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev));
	EXPECT_RET(1, sys_epoll_wait(ep, out, 2, -1));
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, efd, NULL));
	EXPECT_RET(1, write(p[1], "x", 1));
	EXPECT_RET(1, sys_epoll_wait(ep, out, 2, -1));
	return 0;
}
