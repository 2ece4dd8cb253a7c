/*
 * epolltrace --diagnose, warning[stale-event]: as in
 * diag_closed_while_registered, the registered read end of a pipe is
 * dup()ed and closed without EPOLL_CTL_DEL; then the pipe becomes readable
 * and epoll_wait reports the ghost registration, whose data (data.fd, as
 * most loops use it) names an fd that is closed.  A loop acting on it
 * reads from a closed fd, or from whatever file gets that number next.
 * F is that fd number.
 */
#include "diag_loop.h"

int main(void)
{
	int p[2];
	int ep = start_pipe_loop(p, EPOLLIN);

	int closed = p[0];
	int keep = dup_then_close(closed);

	/* The peer writes: the kernel reports the fd number that is closed. */
	EXPECT_RET(1, write(p[1], "x", 1));
	struct epoll_event out[4];
	EXPECT_RET(1, sys_epoll_wait(ep, out, 4, 1000));
	EXPECT_TRUE(out[0].events == EPOLLIN && out[0].data.fd == closed);
	/* The loop's read on the event's fd fails. */
	char c;
	EXPECT_ERRNO(EBADF, read(out[0].data.fd, &c, 1));

	EXPECT_RET(0, close(keep));
	EXPECT_RET(0, close(p[1]));
	EXPECT_RET(0, close(ep));
	print_expected_warning(getpid(), ep, closed);
	return 0;
}
