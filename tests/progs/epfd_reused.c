/*
 * An epoll fd closed and its number reused by a socket (nginx's master
 * does this with its epfd 4): the model must not take the socket for the
 * instance.  Two instances, OLD and LIVE, each with a pipe's read end
 * registered and waited on once; OLD is closed and a socket takes its
 * number.  The program then pauses for the test (model-epfd-reused.sh),
 * printing
 *   pause 1 pid=P old=O live=L
 * and reading a line from stdin, and exits 0.
 */
#include <stdio.h>
#include <sys/socket.h>

#include "raw_epoll.h"
#include "selfcheck.h"

static int instance_with_pipe(int p[2])
{
	int ep = EXPECT_OK(sys_epoll_create1(0));
	EXPECT_RET(0, pipe(p));
	struct epoll_event ev = epoll_ev(EPOLLIN, (uint64_t) p[0]);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	struct epoll_event out[2];
	EXPECT_RET(0, sys_epoll_wait(ep, out, 2, 0));
	return ep;
}

int main(void)
{
	close_inherited_fds();
	int po[2], pl[2];
	int old = instance_with_pipe(po);
	int live = instance_with_pipe(pl);
	EXPECT_RET(0, close(old));
	EXPECT_RET(old, socket(AF_UNIX, SOCK_STREAM, 0));

	printf("pause 1 pid=%d old=%d live=%d\n", (int) getpid(), old, live);
	fflush(stdout);
	char ch;
	do
		EXPECT_RET(1, read(0, &ch, 1));
	while (ch != '\n');
	return 0;
}
