/*
 * No epolltrace --diagnose warning: forked children that each create
 * their own instance instead of using the parent's.  The first child
 * leaves the inherited epfd open and unused; the second closes it first,
 * so its own instance gets the very number of the parent's.  The parent
 * goes on using its instance after both.
 */
#include <stdio.h>
#include <sys/wait.h>

#include "raw_epoll.h"
#include "selfcheck.h"

static void own_round_trip(int ep)
{
	int p[2];
	EXPECT_RET(0, pipe(p));
	struct epoll_event ev = epoll_ev(EPOLLIN, p[0]), out[4];
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	EXPECT_RET(1, write(p[1], "c", 1));
	EXPECT_RET(1, sys_epoll_wait(ep, out, 4, 1000));
	EXPECT_TRUE(out[0].events == EPOLLIN && out[0].data.u64 == (uint64_t) p[0]);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	EXPECT_RET(0, close(p[0]));
	EXPECT_RET(0, close(p[1]));
	EXPECT_RET(0, close(ep));
}

static void run_child(int inherited_ep, int close_inherited)
{
	pid_t child = EXPECT_OK(fork());
	if (child == 0) {
		if (close_inherited)
			EXPECT_RET(0, close(inherited_ep));
		int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
		/* The lowest free number: the closed one, if it was closed. */
		EXPECT_TRUE((ep == inherited_ep) == !!close_inherited);
		own_round_trip(ep);
		_exit(0);
	}
	int status;
	EXPECT_RET(child, waitpid(child, &status, 0));
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int p[2];
	EXPECT_RET(0, pipe(p));
	struct epoll_event ev = epoll_ev(EPOLLIN, p[0]), out[4];
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	run_child(ep, 0);
	run_child(ep, 1);

	/* The parent's instance is its own alone. */
	EXPECT_RET(1, write(p[1], "p", 1));
	EXPECT_RET(1, sys_epoll_wait(ep, out, 4, 1000));
	EXPECT_TRUE(out[0].events == EPOLLIN && out[0].data.u64 == (uint64_t) p[0]);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	EXPECT_RET(0, close(p[0]));
	EXPECT_RET(0, close(p[1]));
	EXPECT_RET(0, close(ep));
	return 0;
}
