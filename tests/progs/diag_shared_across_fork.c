/*
 * epolltrace --diagnose, warning[shared-across-fork]: the parent creates
 * an instance, registers a pipe and forks; the child, instead of creating
 * its own instance, registers its own pipe in the inherited one and waits
 * on it.  The interest list is shared by both processes (the parent's fds
 * can wake the child, the child's the parent), which is rarely meant.
 * The warning names the instance as the child uses it (P is the child,
 * the second process to use it; fd=-1 below).
 */
#include "diag_loop.h"

/* The bug: the child's loop in the inherited instance, not one of its own. */
static void child_loop(int inherited_ep, int unused)
{
	(void) unused;
	int b[2];
	EXPECT_RET(0, pipe(b));
	watch_fd(inherited_ep, b[0], EPOLLIN);
	send_byte(inherited_ep, b, 'x');
}

int main(void)
{
	int a[2];
	int ep = start_pipe_loop(a, EPOLLIN);

	pid_t child = run_child(child_loop, ep, 0);

	close_pair(a);
	EXPECT_RET(0, close(ep));
	print_expected_warning(child, ep, -1);
	return 0;
}
