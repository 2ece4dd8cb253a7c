/*
 * No epolltrace --diagnose warning: a loop that removes each fd from the
 * instance (EPOLL_CTL_DEL) before closing it, and then gets the same fd
 * numbers again from the next pipe() and registers them anew, 20 times.
 */
#include <stdio.h>

#include "raw_epoll.h"
#include "selfcheck.h"

#define ROUNDS 20

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int first_fd = -1;
	for (int i = 0; i < ROUNDS; i++) {
		int p[2];
		EXPECT_RET(0, pipe(p));
		if (i == 0)
			first_fd = p[0];
		EXPECT_TRUE(p[0] == first_fd);	/* the number is reused */
		struct epoll_event ev = epoll_ev(EPOLLIN, p[0]), out[4];
		EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
		EXPECT_RET(1, write(p[1], "x", 1));
		EXPECT_RET(1, sys_epoll_wait(ep, out, 4, 1000));
		EXPECT_TRUE(out[0].events == EPOLLIN &&
			    out[0].data.u64 == (uint64_t) p[0]);
		char c;
		EXPECT_RET(1, read(p[0], &c, 1));
		EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
		EXPECT_RET(0, close(p[0]));
		EXPECT_RET(0, close(p[1]));
	}
	EXPECT_RET(0, close(ep));
	return 0;
}
