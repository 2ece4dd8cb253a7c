/*
 * The epoll system calls invoked directly.  The tests need exact control of
 * which syscall runs and with which arguments (bad pointers, bad sizes, the
 * legacy epoll_wait on either ABI), which libc wrappers don't give.
 */
#ifndef EPOLLTRACE_TESTS_RAW_EPOLL_H
#define EPOLLTRACE_TESTS_RAW_EPOLL_H

#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The kernel's sigset for the pwait calls: 64 signals on x86 and i386. */
#define KERNEL_SIGSET_SIZE 8
/* Bit of signal sig in a kernel sigset. */
#define SIGBIT(sig) (1ULL << ((sig) - 1))

/* epoll_pwait2's timeout is a 64-bit timespec on every ABI. */
struct kernel_timespec64 {
	int64_t tv_sec;
	int64_t tv_nsec;
};

/* The installed headers may predate Linux 6.9's epoll ioctls. */
struct epoll_busy_params {
	uint32_t busy_poll_usecs;
	uint16_t busy_poll_budget;
	uint8_t prefer_busy_poll;
	uint8_t pad;
};
#ifndef EPIOCSPARAMS
# define EPIOCSPARAMS _IOW(0x8A, 0x01, struct epoll_busy_params)
# define EPIOCGPARAMS _IOR(0x8A, 0x02, struct epoll_busy_params)
#endif

/* A pointer no program maps: low enough that it is not normalised away. */
#define BAD_PTR ((void *) 8)

static inline long sys_epoll_create(int size)
{
	return syscall(SYS_epoll_create, size);
}

static inline long sys_epoll_create1(int flags)
{
	return syscall(SYS_epoll_create1, flags);
}

static inline long sys_epoll_ctl(int epfd, int op, int fd, const void *event)
{
	return syscall(SYS_epoll_ctl, epfd, op, fd, event);
}

static inline long sys_epoll_wait(int epfd, void *events, int maxevents, int timeout)
{
	return syscall(SYS_epoll_wait, epfd, events, maxevents, timeout);
}

static inline long sys_epoll_pwait(int epfd, void *events, int maxevents, int timeout,
				   const void *sigmask, unsigned long sigsetsize)
{
	return syscall(SYS_epoll_pwait, epfd, events, maxevents, timeout,
		       sigmask, sigsetsize);
}

static inline long sys_epoll_pwait2(int epfd, void *events, int maxevents,
				    const void *timeout, const void *sigmask,
				    unsigned long sigsetsize)
{
	return syscall(SYS_epoll_pwait2, epfd, events, maxevents, timeout,
		       sigmask, sigsetsize);
}

static inline long sys_epoll_ioctl(int fd, unsigned long request, const void *arg)
{
	return syscall(SYS_ioctl, fd, request, arg);
}

/* An epoll_event with the given interest and user data. */
static inline struct epoll_event epoll_ev(uint32_t events, uint64_t data)
{
	struct epoll_event ev = { .events = events, .data.u64 = data };
	return ev;
}

/*
 * Closes every descriptor above stderr, so the descriptor numbers in the
 * output do not depend on what make or the shell left open.
 */
static inline void close_inherited_fds(void)
{
	syscall(SYS_close_range, 3U, ~0U, 0U);
}

#endif
