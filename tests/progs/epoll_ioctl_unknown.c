/*
 * ioctl commands of epoll's type 0x8a that no kernel knows, on an epoll
 * fd and on no fd, in every direction and over a range of numbers and
 * sizes: each is trapped and named as strace names unknown commands.  Then
 * ioctls of other types, which the filter must leave alone (they would
 * show in the trace, or fail with ENOSYS if trapped without a tracer).
 */
#include <sys/ioctl.h>
#include <termios.h>

#include "raw_epoll.h"
#include "selfcheck.h"

#define EPOLL_IOC_TYPE 0x8a
#define ARG ((unsigned long) 0xdeadbeefbadc0dedULL)

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(0));
	static const unsigned int dirs[] = { _IOC_NONE, _IOC_READ, _IOC_WRITE, _IOC_READ | _IOC_WRITE };
	for (unsigned int d = 0; d < sizeof(dirs) / sizeof(dirs[0]); d++) {
		for (unsigned int nr = 3; nr < 32; nr += 7) {
			for (unsigned int size = 0; size < 16; size += 5) {
				unsigned long cmd = _IOC(dirs[d], EPOLL_IOC_TYPE, nr, size);
				EXPECT_ERRNO(EBADF, sys_epoll_ioctl(-1, cmd, (void *) ARG));
				/* What epoll answers to unknown commands is its own business. */
				EXPECT_RET(-1, sys_epoll_ioctl(ep, cmd, (void *) ARG));
			}
		}
	}
	/* Not epoll's: never trapped. */
	EXPECT_ERRNO(EBADF, sys_epoll_ioctl(-1, _IOC(_IOC_READ, EPOLL_IOC_TYPE + 1, 3, 8), 0));
	EXPECT_ERRNO(EBADF, sys_epoll_ioctl(-1, TCGETS, 0));
	EXPECT_RET(-1, sys_epoll_ioctl(ep, _IOC(_IOC_NONE, EPOLL_IOC_TYPE - 1, 0, 0), 0));
	return 0;
}
