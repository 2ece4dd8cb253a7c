/*
 * epolltrace --diagnose, warning[spin-loop]: a loop that polls with a zero
 * timeout and finds nothing, 3000 times in a row: it burns a CPU where a
 * blocking wait (a timeout > 0, or -1) would sleep.  No single fd is to
 * blame, so the warning names only the instance (fd=-1 below).
 */
#include "diag_loop.h"

#define EMPTY_POLLS 3000

int main(void)
{
	int p[2];
	int ep = start_pipe_loop(p, EPOLLIN);

	/* Nobody ever writes to the pipe. */
	for (int i = 0; i < EMPTY_POLLS; i++)
		expect_no_event(ep, 0);

	close_watched_pair(ep, p);
	EXPECT_RET(0, close(ep));
	print_expected_warning(getpid(), ep, -1);
	return 0;
}
