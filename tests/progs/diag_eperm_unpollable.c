/*
 * epolltrace --diagnose, warning[eperm-unpollable]: registering a regular
 * file fails with EPERM, since regular files do not support poll (they are
 * always ready); a loop must read them directly or use io_uring/AIO.
 * F is the file's fd.
 */
#include <fcntl.h>
#include <stdlib.h>

#include "diag_loop.h"

int main(void)
{
	int ep = start_instance();
	char path[] = "/tmp/diag_eperm_unpollable.XXXXXX";
	int file = EXPECT_OK(mkstemp(path));
	EXPECT_RET(0, unlink(path));
	EXPECT_RET(5, write(file, "data\n", 5));

	struct epoll_event ev = epoll_ev(EPOLLIN, file);
	EXPECT_ERRNO(EPERM, sys_epoll_ctl(ep, EPOLL_CTL_ADD, file, &ev));

	EXPECT_RET(0, close(file));
	EXPECT_RET(0, close(ep));
	print_expected_warning(getpid(), ep, file);
	return 0;
}
