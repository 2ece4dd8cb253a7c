/*
 * epolltrace --diagnose, warning[maxevents-saturated]: 8 fds are always
 * ready (eventfds with a count nobody reads) and the loop asks for at most
 * 4 events per wait: 300 waits in a row return exactly maxevents, so
 * events wait a round or more to be seen; maxevents is too small for the
 * load.  The warning names only the instance (fd=-1 below).
 */
#include <sys/eventfd.h>

#include "diag_loop.h"

#define READY_FDS 8
#define MAXEVENTS 4
#define WAITS 300

int main(void)
{
	int ep = start_instance();
	int efd[READY_FDS];
	for (int i = 0; i < READY_FDS; i++) {
		efd[i] = EXPECT_OK(eventfd(1, EFD_CLOEXEC | EFD_NONBLOCK));
		watch_fd(ep, efd[i], EPOLLIN);
	}

	struct epoll_event out[MAXEVENTS];
	for (int i = 0; i < WAITS; i++) {
		EXPECT_RET(MAXEVENTS, sys_epoll_wait(ep, out, MAXEVENTS, 0));
		for (int k = 0; k < MAXEVENTS; k++)
			EXPECT_TRUE(out[k].events == EPOLLIN);
	}

	for (int i = 0; i < READY_FDS; i++)
		EXPECT_RET(0, close(efd[i]));
	EXPECT_RET(0, close(ep));
	print_expected_warning(getpid(), ep, -1);
	return 0;
}
