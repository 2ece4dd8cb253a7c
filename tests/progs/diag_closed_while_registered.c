/*
 * epolltrace --diagnose, warning[closed-while-registered]: the read end of
 * a pipe is registered, dup()ed, and the original fd closed without
 * EPOLL_CTL_DEL.  The dup keeps the file open, so the registration lives
 * on under the closed fd's number, where the program can no longer DEL it.
 * The loop then waits once more on the instance.  F is the closed fd.
 */
#include "diag_loop.h"

int main(void)
{
	int p[2];
	int ep = start_pipe_loop(p, EPOLLIN);

	/* E.g. a library dup()s the fd for a worker; the loop closes its own. */
	int closed = p[0];
	int keep = dup_then_close(closed);

	/* Nothing written yet: the wait times out. */
	expect_no_event(ep, 0);

	EXPECT_RET(0, close(keep));
	EXPECT_RET(0, close(p[1]));
	EXPECT_RET(0, close(ep));
	print_expected_warning(getpid(), ep, closed);
	return 0;
}
