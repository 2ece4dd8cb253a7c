/*
 * epolltrace --diagnose, warning[oneshot-not-rearmed]: an fd registered
 * with EPOLLONESHOT fires once and is never re-armed with EPOLL_CTL_MOD,
 * yet the loop keeps waiting on the instance (300 more waits): the next
 * data on the fd, which does arrive, is never reported.  F is that fd.
 */
#include "diag_loop.h"

#define MORE_WAITS 300

int main(void)
{
	int p[2];
	int ep = start_pipe_loop(p, EPOLLIN | EPOLLONESHOT);

	/* The first message is reported and handled. */
	pass_byte(ep, p, '1');

	/* The bug: no EPOLL_CTL_MOD here.  The second message is lost. */
	EXPECT_RET(1, write(p[1], "2", 1));
	for (int i = 0; i < MORE_WAITS; i++)
		expect_no_event(ep, 0);

	close_pair(p);
	EXPECT_RET(0, close(ep));
	print_expected_warning(getpid(), ep, p[0]);
	return 0;
}
