/*
 * epolltrace --diagnose, warning[level-not-consumed]: one end of a socket
 * pair is registered with events=0 ("paused"), but the kernel reports
 * EPOLLHUP whatever the mask; the peer has closed, and the loop neither
 * closes nor removes the fd, so every wait returns at once with the same
 * event (300 times here): a busy loop.  F is that fd.
 */
#include <sys/socket.h>

#include "diag_loop.h"

#define WAITS 300

int main(void)
{
	int ep = start_instance();
	int sv[2];
	EXPECT_RET(0, socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
	watch_fd(ep, sv[0], 0);

	/* The peer goes away. */
	EXPECT_RET(0, close(sv[1]));

	/* The loop ignores the event it did not ask for, and waits again. */
	for (int i = 0; i < WAITS; i++)
		expect_one_event(ep, 1000, sv[0], EPOLLHUP);

	EXPECT_RET(0, close(sv[0]));
	EXPECT_RET(0, close(ep));
	print_expected_warning(getpid(), ep, sv[0]);
	return 0;
}
