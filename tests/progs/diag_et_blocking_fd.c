/*
 * epolltrace --diagnose, warning[et-blocking-fd]: the read end of a pipe
 * is registered edge-triggered (EPOLLIN|EPOLLET) while it is blocking (no
 * O_NONBLOCK).  An ET loop must read until EAGAIN, and on a blocking fd
 * the read that should say EAGAIN blocks the whole loop instead.  The loop
 * handles one event on it and waits on the instance again, the fd still
 * registered.  F is that fd.
 */
#include <fcntl.h>

#include "diag_loop.h"

int main(void)
{
	int ep = start_instance();
	int p[2];
	EXPECT_RET(0, pipe(p));
	EXPECT_TRUE(!(EXPECT_OK(fcntl(p[0], F_GETFL)) & O_NONBLOCK));
	watch_fd(ep, p[0], EPOLLIN | EPOLLET);

	char buf[8];
	EXPECT_RET(3, write(p[1], "abc", 3));
	expect_one_event(ep, 1000, p[0], EPOLLIN);
	/*
	 * Draining stops here only because the program knows how much was
	 * written: one more read would block forever.
	 */
	EXPECT_RET(3, read(p[0], buf, sizeof(buf)));
	expect_no_event(ep, 0);

	close_pair(p);
	EXPECT_RET(0, close(ep));
	print_expected_warning(getpid(), ep, p[0]);
	return 0;
}
