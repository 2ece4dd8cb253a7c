/*
 * No epolltrace --diagnose warning: an EPOLLONESHOT loop that re-arms the
 * fd with EPOLL_CTL_MOD after handling each event, 300 times.
 */
#include <stdio.h>

#include "raw_epoll.h"
#include "selfcheck.h"

#define ROUNDS 300

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int p[2];
	EXPECT_RET(0, pipe(p));
	struct epoll_event ev = epoll_ev(EPOLLIN | EPOLLONESHOT, p[0]);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	struct epoll_event out[4];
	char c;
	for (int i = 0; i < ROUNDS; i++) {
		EXPECT_RET(1, write(p[1], "x", 1));
		EXPECT_RET(1, sys_epoll_wait(ep, out, 4, 1000));
		EXPECT_TRUE(out[0].events == EPOLLIN &&
			    out[0].data.u64 == (uint64_t) p[0]);
		EXPECT_RET(1, read(p[0], &c, 1));
		ev = epoll_ev(EPOLLIN | EPOLLONESHOT, p[0]);
		EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
	}

	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	EXPECT_RET(0, close(p[0]));
	EXPECT_RET(0, close(p[1]));
	EXPECT_RET(0, close(ep));
	return 0;
}
