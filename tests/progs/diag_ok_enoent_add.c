/*
 * No epolltrace --diagnose warning: libevent's way of updating an fd's
 * interest (epoll_apply_one_change): EPOLL_CTL_MOD, and when that fails
 * with ENOENT (the fd was closed and reopened under the same number, which
 * removed it from the instance), EPOLL_CTL_ADD.  The recovery is correct,
 * and deliberately not warned about.
 */
#include "diag_loop.h"

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
	int p[2];
	int ep = start_pipe_loop(p, EPOLLIN);

	/*
	 * The pipe is closed and a new one made behind the loop's back (the
	 * last close of a file drops its registrations): same numbers.
	 */
	int old = p[0];
	close_pair(p);
	EXPECT_RET(0, pipe(p));
	EXPECT_TRUE(p[0] == old);

	EXPECT_TRUE(change(ep, p[0], EPOLLIN | EPOLLRDHUP));	/* ENOENT, ADD */
	send_byte(ep, p, 'x');
	EXPECT_TRUE(!change(ep, p[0], EPOLLIN));	/* MOD succeeds */
	char c;
	EXPECT_RET(1, read(p[0], &c, 1));
	expect_no_event(ep, 10);

	close_watched_pair(ep, p);
	EXPECT_RET(0, close(ep));
	return 0;
}
