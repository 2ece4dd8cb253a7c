/*
 * No epolltrace --diagnose warning: an EPOLLONESHOT loop that re-arms the
 * fd with EPOLL_CTL_MOD after handling each event, 300 times.
 */
#include "diag_loop.h"

#define ROUNDS 300

int main(void)
{
	int p[2];
	int ep = start_pipe_loop(p, EPOLLIN | EPOLLONESHOT);

	for (int i = 0; i < ROUNDS; i++) {
		pass_byte(ep, p, 'x');
		struct epoll_event ev = epoll_ev(EPOLLIN | EPOLLONESHOT, p[0]);
		EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
	}

	close_watched_pair(ep, p);
	EXPECT_RET(0, close(ep));
	return 0;
}
