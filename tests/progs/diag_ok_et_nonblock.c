/*
 * No epolltrace --diagnose warning: an edge-triggered reader done right.
 * The read end of a pipe has O_NONBLOCK and is registered with
 * EPOLLIN|EPOLLET; after each event the loop reads until EAGAIN.  200
 * messages, each reported once by its own wait.
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* pipe2 */
#endif
#include <fcntl.h>

#include "diag_loop.h"

#define MESSAGES 200

int main(void)
{
	int ep = start_instance();
	int p[2];
	EXPECT_RET(0, pipe2(p, O_CLOEXEC));
	int flags = EXPECT_OK(fcntl(p[0], F_GETFL));
	EXPECT_RET(0, fcntl(p[0], F_SETFL, flags | O_NONBLOCK));
	watch_fd(ep, p[0], EPOLLIN | EPOLLET);

	char buf[4];	/* smaller than a message: draining takes several reads */
	for (int i = 0; i < MESSAGES; i++) {
		EXPECT_RET(10, write(p[1], "message!\n\n", 10));
		expect_one_event(ep, 1000, p[0], EPOLLIN);
		long n, total = 0;
		while ((n = read(p[0], buf, sizeof(buf))) > 0)
			total += n;
		EXPECT_ERRNO(EAGAIN, n);
		EXPECT_TRUE(total == 10);
	}
	/* Drained: nothing is reported until the next write. */
	expect_no_event(ep, 0);

	close_watched_pair(ep, p);
	EXPECT_RET(0, close(ep));
	return 0;
}
