/*
 * epolltrace --diagnose, warning[shared-across-fork]: the parent creates
 * an instance, registers a pipe and forks; the child, instead of creating
 * its own instance, registers its own pipe in the inherited one and waits
 * on it.  The interest list is shared by both processes (the parent's fds
 * can wake the child, the child's the parent), which is rarely meant.
 * The warning names the instance as the child uses it (P is the child,
 * the second process to use it; fd=-1 below).
 */
#include <stdio.h>
#include <sys/wait.h>

#include "raw_epoll.h"
#include "selfcheck.h"

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int a[2];
	EXPECT_RET(0, pipe(a));
	struct epoll_event ev = epoll_ev(EPOLLIN, a[0]);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, a[0], &ev));

	pid_t child = EXPECT_OK(fork());
	if (child == 0) {
		int b[2];
		EXPECT_RET(0, pipe(b));
		struct epoll_event cev = epoll_ev(EPOLLIN, b[0]), out[4];
		EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, b[0], &cev));
		EXPECT_RET(1, write(b[1], "x", 1));
		EXPECT_RET(1, sys_epoll_wait(ep, out, 4, 1000));
		EXPECT_TRUE(out[0].events == EPOLLIN && out[0].data.u64 == (uint64_t) b[0]);
		_exit(0);
	}
	int status;
	EXPECT_RET(child, waitpid(child, &status, 0));
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

	EXPECT_RET(0, close(a[0]));
	EXPECT_RET(0, close(a[1]));
	EXPECT_RET(0, close(ep));
	printf("expect pid=%d epfd=%d fd=-1\n", (int) child, ep);
	return 0;
}
