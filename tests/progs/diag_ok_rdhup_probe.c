/*
 * No epolltrace --diagnose warning: nginx's EPOLLRDHUP probe
 * (ngx_epoll_test_rdhup).  At start nginx registers one end of a blocking
 * socket pair EPOLLIN|EPOLLRDHUP|EPOLLET, closes the other end, waits
 * once to see whether the kernel reports EPOLLRDHUP, and closes its end
 * without reading it: nothing was ever read, so nothing could block.  The
 * loop then goes on with the same instance, as nginx's does.
 */
#include <fcntl.h>
#include <sys/socket.h>

#include "diag_loop.h"

#define LOOPS 20

int main(void)
{
	int ep = start_instance();
	int s[2];
	EXPECT_RET(0, socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s));
	EXPECT_TRUE(!(EXPECT_OK(fcntl(s[0], F_GETFL)) & O_NONBLOCK));
	watch_fd(ep, s[0], EPOLLIN | EPOLLRDHUP | EPOLLET);
	EXPECT_RET(0, close(s[1]));
	struct epoll_event out[4];
	EXPECT_RET(1, sys_epoll_wait(ep, out, 4, 1000));
	EXPECT_TRUE(out[0].data.u64 == (uint64_t) s[0] && (out[0].events & EPOLLRDHUP));
	/* Its only reference: the registration goes with the file. */
	EXPECT_RET(0, close(s[0]));

	int p[2];
	EXPECT_RET(0, pipe(p));
	watch_fd(ep, p[0], EPOLLIN);
	for (int i = 0; i < LOOPS; i++)
		pass_byte(ep, p, 'x');
	expect_no_event(ep, 0);

	close_watched_pair(ep, p);
	EXPECT_RET(0, close(ep));
	return 0;
}
