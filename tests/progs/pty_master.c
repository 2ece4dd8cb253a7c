/*
 * A pseudo-terminal's master side registered with epoll, for -yy's
 * "4</dev/ptmx<char 5:2 @/dev/pts/N>>": prints "pts N", the slave the
 * kernel gave it, so that the test knows which number to expect.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "raw_epoll.h"
#include "selfcheck.h"

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(0));
	int master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	if (master < 0) {
		perror("/dev/ptmx");
		return 77;
	}
	unsigned int pts;
	EXPECT_OK(ioctl(master, TIOCGPTN, &pts));
	printf("pts %u\n", pts);
	struct epoll_event ev = epoll_ev(EPOLLIN, (uint64_t) master);
	EXPECT_OK(sys_epoll_ctl(ep, EPOLL_CTL_ADD, master, &ev));
	return 0;
}
