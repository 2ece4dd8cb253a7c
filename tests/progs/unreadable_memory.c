/*
 * Arguments the program itself cannot read: an event and busy-poll
 * parameters in a PROT_NONE page, and an event that runs from a readable
 * page into it.  The kernel fails each call with EFAULT, and a tracer must
 * print the address, not what it could read with ptrace's privileges.
 */
#include <string.h>
#include <sys/mman.h>

#include "raw_epoll.h"
#include "selfcheck.h"

int main(void)
{
	close_inherited_fds();
	long page = sysconf(_SC_PAGESIZE);
	unsigned char *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT_TRUE(map != MAP_FAILED);
	unsigned char *hidden = map + page;

	/* What a tracer reading with ptrace's privileges would find there. */
	struct epoll_event ev = epoll_ev(EPOLLIN | EPOLLOUT, 0x4242424242ULL);
	struct epoll_busy_params params = { 100, 8, 1, 0 };
	memcpy(hidden, &ev, sizeof(ev));
	memcpy(hidden + 64, &params, sizeof(params));
	memcpy(hidden - 4, &ev, sizeof(ev));
	EXPECT_RET(0, mprotect(hidden, page, PROT_NONE));

	int ep = EXPECT_OK(sys_epoll_create1(0));
	int p[2];
	EXPECT_RET(0, pipe(p));
	EXPECT_ERRNO(EFAULT, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], hidden));
	EXPECT_ERRNO(EFAULT, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], hidden - 4));
	EXPECT_ERRNO(EFAULT, sys_epoll_ioctl(ep, EPIOCSPARAMS, hidden + 64));
	return 0;
}
