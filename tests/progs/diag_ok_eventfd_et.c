/*
 * No epolltrace --diagnose warning: nginx's notification eventfd.  nginx
 * creates it blocking (eventfd(0, 0)), registers it EPOLLIN|EPOLLET with a
 * pointer as data, and its handler reads it once per event.  Outside
 * EFD_SEMAPHORE mode one read takes the whole count, so that read drains
 * the fd and the loop can never block in it.  200 notifications, each
 * reported once by its own wait.
 */
#include <fcntl.h>
#include <sys/eventfd.h>

#include "diag_loop.h"

#define NOTIFICATIONS 200

int main(void)
{
	int ep = start_instance();
	int efd = EXPECT_OK(eventfd(0, EFD_CLOEXEC));
	EXPECT_TRUE(!(EXPECT_OK(fcntl(efd, F_GETFL)) & O_NONBLOCK));
	watch_fd(ep, efd, EPOLLIN | EPOLLET);

	for (int i = 0; i < NOTIFICATIONS; i++) {
		/* Two posts before the loop looks: still one read drains them. */
		uint64_t one = 1, count = 0;
		EXPECT_RET(8, write(efd, &one, sizeof(one)));
		EXPECT_RET(8, write(efd, &one, sizeof(one)));
		expect_one_event(ep, 1000, efd, EPOLLIN);
		EXPECT_RET(8, read(efd, &count, sizeof(count)));
		EXPECT_TRUE(count == 2);
	}
	expect_no_event(ep, 0);

	close_watched(ep, efd);
	EXPECT_RET(0, close(ep));
	return 0;
}
