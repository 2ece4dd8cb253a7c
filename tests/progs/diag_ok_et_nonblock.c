/*
 * No epolltrace --diagnose warning: an edge-triggered reader done right.
 * The read end of a pipe has O_NONBLOCK and is registered with
 * EPOLLIN|EPOLLET; after each event the loop reads until EAGAIN.  200
 * messages, each reported once by its own wait.
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* pipe2 */
#endif
#include <fcntl.h>
#include <stdio.h>

#include "raw_epoll.h"
#include "selfcheck.h"

#define MESSAGES 200

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int p[2];
	EXPECT_RET(0, pipe2(p, O_CLOEXEC));
	int flags = EXPECT_OK(fcntl(p[0], F_GETFL));
	EXPECT_RET(0, fcntl(p[0], F_SETFL, flags | O_NONBLOCK));
	struct epoll_event ev = epoll_ev(EPOLLIN | EPOLLET, p[0]);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	struct epoll_event out[4];
	char buf[4];	/* smaller than a message: draining takes several reads */
	for (int i = 0; i < MESSAGES; i++) {
		EXPECT_RET(10, write(p[1], "message!\n\n", 10));
		EXPECT_RET(1, sys_epoll_wait(ep, out, 4, 1000));
		EXPECT_TRUE(out[0].events == EPOLLIN &&
			    out[0].data.u64 == (uint64_t) p[0]);
		long n, total = 0;
		while ((n = read(p[0], buf, sizeof(buf))) > 0)
			total += n;
		EXPECT_ERRNO(EAGAIN, n);
		EXPECT_TRUE(total == 10);
	}
	/* Drained: nothing is reported until the next write. */
	EXPECT_RET(0, sys_epoll_wait(ep, out, 4, 0));

	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	EXPECT_RET(0, close(p[0]));
	EXPECT_RET(0, close(p[1]));
	EXPECT_RET(0, close(ep));
	return 0;
}
