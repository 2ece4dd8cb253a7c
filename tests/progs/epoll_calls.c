/*
 * Every epoll syscall once per success and error path, in a fixed order, so
 * that epolltrace's output can be compared line by line with strace's.
 * Single-threaded on purpose: the order of lines is the order of calls.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/eventfd.h>

#include "raw_epoll.h"
#include "selfcheck.h"

/* More ready descriptors than strace's default array cap of 32. */
#define MANY_READY 40
/* A descriptor number no program has open. */
#define CLOSED_FD 1000

static int make_pipe_with_data(int p[2])
{
	EXPECT_RET(0, pipe(p));
	EXPECT_RET(1, write(p[1], "x", 1));
	return p[0];
}

static void creates(void)
{
	EXPECT_OK(sys_epoll_create(1));
	EXPECT_ERRNO(EINVAL, sys_epoll_create(0));
	EXPECT_ERRNO(EINVAL, sys_epoll_create(-1));
	EXPECT_OK(sys_epoll_create1(0));
	EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	EXPECT_ERRNO(EINVAL, sys_epoll_create1(0x4));
	EXPECT_ERRNO(EINVAL, sys_epoll_create1(EPOLL_CLOEXEC | 0x1));
}

static void ctl_paths(void)
{
	int ep = EXPECT_OK(sys_epoll_create1(0));
	int p[2];
	EXPECT_RET(0, pipe(p));
	struct epoll_event ev = epoll_ev(EPOLLIN | EPOLLET, 0x1122334455667788ULL);

	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	EXPECT_ERRNO(EEXIST, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));

	/* Every named flag that MOD accepts, and a zero data. */
	ev = epoll_ev(EPOLLIN | EPOLLPRI | EPOLLOUT | EPOLLERR | EPOLLHUP |
		      EPOLLRDNORM | EPOLLRDBAND | EPOLLWRNORM | EPOLLWRBAND |
		      EPOLLMSG | EPOLLRDHUP | EPOLLWAKEUP | EPOLLONESHOT | EPOLLET, 0);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));
	ev = epoll_ev(EPOLLIN | EPOLLEXCLUSIVE, 1);
	EXPECT_ERRNO(EINVAL, sys_epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev));

	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	EXPECT_ERRNO(ENOENT, sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	ev = epoll_ev(EPOLLIN, 5);
	EXPECT_ERRNO(ENOENT, sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[1], &ev));
	EXPECT_ERRNO(ENOENT, sys_epoll_ctl(ep, EPOLL_CTL_MOD, p[1], &ev));

	/* EXCLUSIVE is an ADD-only flag; with ONESHOT it is refused. */
	ev = epoll_ev(EPOLLIN | EPOLLEXCLUSIVE, 0xfeedface);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	ev = epoll_ev(EPOLLOUT | EPOLLEXCLUSIVE | EPOLLONESHOT, 2);
	EXPECT_ERRNO(EINVAL, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &ev));
	/* Bits no flag names are accepted by ADD and printed as a remainder. */
	ev = epoll_ev(EPOLLOUT | 0x1000 | 0x800, UINT64_MAX);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &ev));

	ev = epoll_ev(EPOLLIN, 3);
	EXPECT_ERRNO(EBADF, sys_epoll_ctl(ep, EPOLL_CTL_ADD, CLOSED_FD, &ev));
	EXPECT_ERRNO(EBADF, sys_epoll_ctl(CLOSED_FD, EPOLL_CTL_ADD, p[0], &ev));
	EXPECT_ERRNO(EINVAL, sys_epoll_ctl(p[0], EPOLL_CTL_ADD, p[1], &ev));
	ev = epoll_ev(EPOLLIN | 0x8000000, 6);
	EXPECT_ERRNO(EINVAL, sys_epoll_ctl(ep, 0x63, p[0], &ev));
	EXPECT_ERRNO(EFAULT, sys_epoll_ctl(ep, EPOLL_CTL_ADD, 0, BAD_PTR));
	EXPECT_ERRNO(EFAULT, sys_epoll_ctl(ep, EPOLL_CTL_MOD, p[0], BAD_PTR));

	/* A regular file cannot be polled. */
	int file = EXPECT_OK(open("/proc/self/exe", O_RDONLY | O_CLOEXEC));
	ev = epoll_ev(EPOLLIN, 7);
	EXPECT_ERRNO(EPERM, sys_epoll_ctl(ep, EPOLL_CTL_ADD, file, &ev));
	EXPECT_ERRNO(EINVAL, sys_epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev));

	/* Two epoll instances watching each other form a loop. */
	int ep2 = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, ep2, &ev));
	EXPECT_ERRNO(ELOOP, sys_epoll_ctl(ep2, EPOLL_CTL_ADD, ep, &ev));

	close(file);
	close(ep2);
	close(p[0]);
	close(p[1]);
	close(ep);
}

static void wait_paths(void)
{
	struct epoll_event out[64];
	int ep = EXPECT_OK(sys_epoll_create1(0));
	int rd[2], wr[2];
	make_pipe_with_data(rd);
	EXPECT_RET(0, pipe(wr));

	struct epoll_event ev = epoll_ev(EPOLLIN, 7);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, rd[0], &ev));
	ev = epoll_ev(EPOLLOUT, 1);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, wr[1], &ev));

	EXPECT_RET(2, sys_epoll_wait(ep, out, 8, 0));
	EXPECT_TRUE(out[0].data.u64 == 7 && out[1].data.u64 == 1);
	/* More ready than asked for. */
	EXPECT_RET(1, sys_epoll_wait(ep, out, 1, 0));
	EXPECT_RET(1, sys_epoll_wait(ep, out, 1, -1));

	int empty = EXPECT_OK(sys_epoll_create1(0));
	EXPECT_RET(0, sys_epoll_wait(empty, out, 8, 10));
	EXPECT_RET(0, sys_epoll_wait(empty, out, 8, 0));

	EXPECT_ERRNO(EINVAL, sys_epoll_wait(ep, out, 0, 0));
	EXPECT_ERRNO(EINVAL, sys_epoll_wait(ep, out, -1, 0));
	EXPECT_ERRNO(EFAULT, sys_epoll_wait(ep, BAD_PTR, 8, 0));
	EXPECT_ERRNO(EBADF, sys_epoll_wait(CLOSED_FD, out, 8, 0));
	EXPECT_ERRNO(EINVAL, sys_epoll_wait(rd[0], out, 8, 0));

	/* Past the cap of 32 array elements, and -s / -v change that cap. */
	int many = EXPECT_OK(sys_epoll_create1(0));
	for (int i = 0; i < MANY_READY; i++) {
		int efd = EXPECT_OK(eventfd(1, EFD_CLOEXEC));
		ev = epoll_ev(EPOLLIN, 0x100 + i);
		EXPECT_RET(0, sys_epoll_ctl(many, EPOLL_CTL_ADD, efd, &ev));
	}
	EXPECT_RET(MANY_READY, sys_epoll_wait(many, out, 64, 0));
	EXPECT_RET(5, sys_epoll_wait(many, out, 5, 0));

	close(empty);
	close(many);
	close(ep);
}

static void pwait_paths(void)
{
	struct epoll_event out[8];
	int ep = EXPECT_OK(sys_epoll_create1(0));
	int rd[2];
	make_pipe_with_data(rd);
	struct epoll_event ev = epoll_ev(EPOLLIN, 0xdeadbeef);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, rd[0], &ev));

	uint64_t small = SIGBIT(SIGHUP) | SIGBIT(SIGUSR1);
	/* All but the kernel's first two realtime signals: the ~[...] form. */
	uint64_t nearly_full = ~(SIGBIT(32) | SIGBIT(33));
	uint64_t full = ~0ULL;
	uint64_t none = 0;

	EXPECT_RET(1, sys_epoll_pwait(ep, out, 8, 0, NULL, KERNEL_SIGSET_SIZE));
	EXPECT_RET(1, sys_epoll_pwait(ep, out, 8, 0, &small, KERNEL_SIGSET_SIZE));
	EXPECT_RET(1, sys_epoll_pwait(ep, out, 8, 0, &nearly_full, KERNEL_SIGSET_SIZE));
	EXPECT_RET(1, sys_epoll_pwait(ep, out, 8, 0, &full, KERNEL_SIGSET_SIZE));
	EXPECT_RET(1, sys_epoll_pwait(ep, out, 8, -1, &none, KERNEL_SIGSET_SIZE));
	EXPECT_ERRNO(EINVAL, sys_epoll_pwait(ep, out, 8, 0, &small, 4));
	EXPECT_ERRNO(EFAULT, sys_epoll_pwait(ep, out, 8, 0, BAD_PTR, KERNEL_SIGSET_SIZE));
	EXPECT_ERRNO(EBADF, sys_epoll_pwait(CLOSED_FD, out, 8, 0, NULL, KERNEL_SIGSET_SIZE));

	int empty = EXPECT_OK(sys_epoll_create1(0));
	struct kernel_timespec64 ts = { .tv_sec = 0, .tv_nsec = 5000000 };
	EXPECT_RET(1, sys_epoll_pwait2(ep, out, 4, NULL, NULL, 0));
	EXPECT_RET(0, sys_epoll_pwait2(empty, out, 4, &ts, &small, KERNEL_SIGSET_SIZE));
	ts = (struct kernel_timespec64) { .tv_sec = 0, .tv_nsec = 0 };
	EXPECT_RET(1, sys_epoll_pwait2(ep, out, 4, &ts, &nearly_full, KERNEL_SIGSET_SIZE));
	ts = (struct kernel_timespec64) { .tv_sec = 0, .tv_nsec = 1000000000 };
	EXPECT_ERRNO(EINVAL, sys_epoll_pwait2(ep, out, 4, &ts, NULL, 0));
	ts = (struct kernel_timespec64) { .tv_sec = -1, .tv_nsec = 0 };
	EXPECT_ERRNO(EINVAL, sys_epoll_pwait2(ep, out, 4, &ts, NULL, 0));
	EXPECT_ERRNO(EFAULT, sys_epoll_pwait2(ep, out, 4, BAD_PTR, NULL, 0));
	EXPECT_ERRNO(EINVAL, sys_epoll_pwait2(ep, out, 0, NULL, NULL, 0));
	EXPECT_ERRNO(EINVAL, sys_epoll_pwait2(ep, out, 4, NULL, &small, 16));
	EXPECT_ERRNO(EFAULT, sys_epoll_pwait2(ep, BAD_PTR, 4, NULL, NULL, 0));

	close(empty);
	close(ep);
}

int main(void)
{
	close_inherited_fds();
	creates();
	ctl_paths();
	wait_paths();
	pwait_paths();
	return 0;
}
