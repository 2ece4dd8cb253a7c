/*
 * No epolltrace --diagnose warning: forked children that each create
 * their own instance instead of using the parent's.  The first child
 * leaves the inherited epfd open and unused; the second closes it first,
 * so its own instance gets the very number of the parent's.  The parent
 * goes on using its instance after both.
 */
#include "diag_loop.h"

static void own_instance(int inherited_ep, int close_inherited)
{
	if (close_inherited)
		EXPECT_RET(0, close(inherited_ep));
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	/* The lowest free number: the closed one, if it was closed. */
	EXPECT_TRUE((ep == inherited_ep) == !!close_inherited);

	int p[2];
	EXPECT_RET(0, pipe(p));
	watch_fd(ep, p[0], EPOLLIN);
	send_byte(ep, p, 'c');
	close_watched_pair(ep, p);
	EXPECT_RET(0, close(ep));
}

int main(void)
{
	int p[2];
	int ep = start_pipe_loop(p, EPOLLIN);

	run_child(own_instance, ep, 0);
	run_child(own_instance, ep, 1);

	/* The parent's instance is its own alone. */
	send_byte(ep, p, 'p');
	close_watched_pair(ep, p);
	EXPECT_RET(0, close(ep));
	return 0;
}
