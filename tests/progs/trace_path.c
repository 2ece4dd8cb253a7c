/*
 * Epoll calls on fds of known paths, for -P: /dev/null registered (which
 * epoll refuses) and waited on (not an epoll fd), a pipe registered and
 * the instance waited on.  -P /dev/null shows the two calls on /dev/null;
 * -P anon_inode:[eventpoll] the calls whose epoll fd is examined.
 */
#include <fcntl.h>
#include <unistd.h>

#include "raw_epoll.h"
#include "selfcheck.h"

int main(void)
{
	close_inherited_fds();
	int null = EXPECT_OK(open("/dev/null", O_RDONLY));
	int p[2];
	EXPECT_OK(pipe(p));
	int ep = EXPECT_OK(sys_epoll_create1(0));
	struct epoll_event ev = epoll_ev(EPOLLIN, 7), out[2];
	EXPECT_ERRNO(EPERM, sys_epoll_ctl(ep, EPOLL_CTL_ADD, null, &ev));
	EXPECT_OK(sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	EXPECT_RET(0, sys_epoll_wait(ep, out, 2, 0));
	EXPECT_ERRNO(EINVAL, sys_epoll_wait(null, out, 2, 0));
	EXPECT_OK(sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	EXPECT_RET(0, sys_epoll_pwait(ep, out, 2, 0, NULL, KERNEL_SIGSET_SIZE));
	return 0;
}
