/*
 * int arguments with their upper halves set (x86-64 only: i386 registers
 * have none).  The kernel takes only the low 32 bits, so every call here
 * acts on them; a tracer must print, filter and model those.  An i386
 * build makes the same calls with clean arguments.
 */
#include <stdint.h>

#include "raw_epoll.h"
#include "selfcheck.h"

#ifdef __x86_64__
# define HI(v) ((long) (0xdeadbeef00000000UL | (uint32_t) (v)))
#else
# define HI(v) ((long) (v))
#endif

int main(void)
{
	close_inherited_fds();
	long ep = EXPECT_OK(syscall(SYS_epoll_create1, HI(0)));
	EXPECT_RET(4, syscall(SYS_epoll_create, HI(1)));
	int p[2];
	EXPECT_RET(0, pipe(p));
	EXPECT_RET(1, write(p[1], "x", 1));
	struct epoll_event ev = epoll_ev(EPOLLIN, 0x5), out[4];
	EXPECT_RET(0, syscall(SYS_epoll_ctl, HI(ep), HI(EPOLL_CTL_ADD), HI(p[0]), &ev));
	ev = epoll_ev(EPOLLIN | EPOLLRDHUP, 0x6);
	EXPECT_RET(0, syscall(SYS_epoll_ctl, HI(ep), HI(EPOLL_CTL_MOD), HI(p[0]), &ev));
	EXPECT_RET(1, syscall(SYS_epoll_wait, HI(ep), out, HI(4), HI(0)));
	EXPECT_RET(1, syscall(SYS_epoll_pwait, HI(ep), out, HI(4), HI(-1), NULL, KERNEL_SIGSET_SIZE));
	struct kernel_timespec64 zero = { 0, 0 };
	EXPECT_RET(1, syscall(SYS_epoll_pwait2, HI(ep), out, HI(4), &zero, NULL, KERNEL_SIGSET_SIZE));
	struct epoll_busy_params params;
	EXPECT_RET(0, syscall(SYS_ioctl, HI(ep), HI(EPIOCGPARAMS), &params));
	EXPECT_RET(0, syscall(SYS_epoll_ctl, HI(ep), HI(EPOLL_CTL_DEL), HI(p[0]), NULL));
	return 0;
}
