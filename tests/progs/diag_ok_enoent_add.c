/*
 * No epolltrace --diagnose warning: libevent's way of updating an fd's
 * interest (epoll_apply_one_change): EPOLL_CTL_MOD, and when that fails
 * with ENOENT (the fd was closed and reopened under the same number, which
 * removed it from the instance), EPOLL_CTL_ADD.  The recovery is correct,
 * and deliberately not warned about.
 */
#include <stdio.h>

#include "raw_epoll.h"
#include "selfcheck.h"

/* libevent's MOD-then-ADD; true when it took the ADD path. */
static int change(int ep, int fd, uint32_t events)
{
	struct epoll_event ev = epoll_ev(events, fd);
	if (sys_epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev) == 0)
		return 0;
	EXPECT_TRUE(errno == ENOENT);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
	return 1;
}

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int p[2];
	EXPECT_RET(0, pipe(p));
	struct epoll_event ev = epoll_ev(EPOLLIN, p[0]), out[4];
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	/*
	 * The pipe is closed and a new one made behind the loop's back (the
	 * last close of a file drops its registrations): same numbers.
	 */
	int old = p[0];
	EXPECT_RET(0, close(p[0]));
	EXPECT_RET(0, close(p[1]));
	EXPECT_RET(0, pipe(p));
	EXPECT_TRUE(p[0] == old);

	EXPECT_TRUE(change(ep, p[0], EPOLLIN | EPOLLRDHUP));	/* ENOENT, ADD */
	EXPECT_RET(1, write(p[1], "x", 1));
	EXPECT_RET(1, sys_epoll_wait(ep, out, 4, 1000));
	EXPECT_TRUE(out[0].events == EPOLLIN && out[0].data.u64 == (uint64_t) p[0]);
	EXPECT_TRUE(!change(ep, p[0], EPOLLIN));	/* MOD succeeds */
	char c;
	EXPECT_RET(1, read(p[0], &c, 1));
	EXPECT_RET(0, sys_epoll_wait(ep, out, 4, 10));

	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	EXPECT_RET(0, close(p[0]));
	EXPECT_RET(0, close(p[1]));
	EXPECT_RET(0, close(ep));
	return 0;
}
