/*
 * No epolltrace --diagnose warning: a loop that removes each fd from the
 * instance (EPOLL_CTL_DEL) before closing it, and then gets the same fd
 * numbers again from the next pipe() and registers them anew, 20 times.
 */
#include "diag_loop.h"

#define ROUNDS 20

int main(void)
{
	int ep = start_instance();
	int first_fd = -1;
	for (int i = 0; i < ROUNDS; i++) {
		int p[2];
		EXPECT_RET(0, pipe(p));
		if (i == 0)
			first_fd = p[0];
		EXPECT_TRUE(p[0] == first_fd);	/* the number is reused */
		watch_fd(ep, p[0], EPOLLIN);
		pass_byte(ep, p, 'x');
		close_watched_pair(ep, p);
	}
	EXPECT_RET(0, close(ep));
	return 0;
}
