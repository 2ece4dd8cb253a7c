/*
 * A ghost registration that goes away: as in diag_closed_while_registered,
 * the registered fd is closed while a dup keeps its file open (one true
 * warning[closed-while-registered]); then the dup is closed too, and the
 * kernel drops the registration with the file.  The fd number comes back
 * from pipe() and is registered with the same data: its event must be
 * taken for the new registration, not as a stale-event of the ghost.
 */
#include "diag_loop.h"

int main(void)
{
	int p[2];
	int ep = start_pipe_loop(p, EPOLLIN);
	int closed = p[0];
	int keep = dup_then_close(closed);
	EXPECT_RET(0, close(keep));
	EXPECT_RET(0, close(p[1]));

	int q[2];
	EXPECT_RET(0, pipe(q));
	EXPECT_TRUE(q[0] == closed);
	watch_fd(ep, q[0], EPOLLIN);
	send_byte(ep, q, 'x');

	print_expected_warning(getpid(), ep, closed);
	return 0;
}
