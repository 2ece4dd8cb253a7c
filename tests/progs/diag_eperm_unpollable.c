/*
 * epolltrace --diagnose, warning[eperm-unpollable]: registering a regular
 * file fails with EPERM, since regular files do not support poll (they are
 * always ready); a loop must read them directly or use io_uring/AIO.
 * F is the file's fd.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>

#include "raw_epoll.h"
#include "selfcheck.h"

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	char path[] = "/tmp/diag_eperm_unpollable.XXXXXX";
	int file = EXPECT_OK(mkstemp(path));
	EXPECT_RET(0, unlink(path));
	EXPECT_RET(5, write(file, "data\n", 5));

	struct epoll_event ev = epoll_ev(EPOLLIN, file);
	EXPECT_ERRNO(EPERM, sys_epoll_ctl(ep, EPOLL_CTL_ADD, file, &ev));

	EXPECT_RET(0, close(file));
	EXPECT_RET(0, close(ep));
	printf("expect pid=%d epfd=%d fd=%d\n", (int) getpid(), ep, file);
	return 0;
}
