/*
 * No epolltrace --diagnose warning: libuv's way of updating an fd's
 * interest without remembering whether it is registered: EPOLL_CTL_ADD,
 * and when that fails with EEXIST, EPOLL_CTL_MOD (uv__io_poll).  The
 * recovery is correct, and deliberately not warned about.  One end of a
 * socket pair: read a request, watch for EPOLLOUT to answer, then for
 * EPOLLIN again.
 */
#include <sys/socket.h>

#include "diag_loop.h"

/* uv__io_poll's update of one watcher; true when it took the MOD path. */
static int watch(int ep, int fd, uint32_t events)
{
	struct epoll_event ev = epoll_ev(events, fd);
	if (sys_epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) == 0)
		return 0;
	EXPECT_TRUE(errno == EEXIST);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev));
	return 1;
}

int main(void)
{
	int ep = start_instance();
	int sv[2];
	EXPECT_RET(0, socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, sv));
	char buf[8];

	EXPECT_TRUE(!watch(ep, sv[0], EPOLLIN));	/* ADD succeeds */
	EXPECT_RET(4, write(sv[1], "ping", 4));
	expect_one_event(ep, 1000, sv[0], EPOLLIN);
	EXPECT_RET(4, read(sv[0], buf, sizeof(buf)));

	/* An answer to write: ADD fails with EEXIST, MOD adds EPOLLOUT. */
	EXPECT_TRUE(watch(ep, sv[0], EPOLLIN | EPOLLOUT));
	expect_one_event(ep, 1000, sv[0], EPOLLOUT);
	EXPECT_RET(4, write(sv[0], "pong", 4));
	EXPECT_TRUE(watch(ep, sv[0], EPOLLIN));
	expect_no_event(ep, 10);
	EXPECT_RET(4, read(sv[1], buf, sizeof(buf)));

	close_watched_pair(ep, sv);
	EXPECT_RET(0, close(ep));
	return 0;
}
