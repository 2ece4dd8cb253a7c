/*
 * The epoll busy-poll ioctls (Linux 6.9+): EPIOCSPARAMS decoded at entry,
 * EPIOCGPARAMS at exit, with their success and failure paths.  strace 6.1
 * predates them, so the test compares this output with fixed text.
 */
#include "raw_epoll.h"
#include "selfcheck.h"

static struct epoll_busy_params params(uint32_t usecs, uint16_t budget,
				       uint8_t prefer, uint8_t pad)
{
	struct epoll_busy_params p = {
		.busy_poll_usecs = usecs, .busy_poll_budget = budget,
		.prefer_busy_poll = prefer, .pad = pad,
	};
	return p;
}

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(0));
	int p[2];
	EXPECT_RET(0, pipe(p));

	struct epoll_busy_params set = params(100, 8, 1, 0), got = { 0 };
	EXPECT_RET(0, sys_epoll_ioctl(ep, EPIOCSPARAMS, &set));
	EXPECT_RET(0, sys_epoll_ioctl(ep, EPIOCGPARAMS, &got));
	EXPECT_TRUE(got.busy_poll_usecs == 100 && got.busy_poll_budget == 8 &&
		    got.prefer_busy_poll == 1);
	set = params(0, 0, 0, 0);
	EXPECT_RET(0, sys_epoll_ioctl(ep, EPIOCSPARAMS, &set));
	EXPECT_RET(0, sys_epoll_ioctl(ep, EPIOCGPARAMS, &got));

	EXPECT_ERRNO(EFAULT, sys_epoll_ioctl(ep, EPIOCSPARAMS, NULL));
	EXPECT_ERRNO(EFAULT, sys_epoll_ioctl(ep, EPIOCGPARAMS, NULL));
	EXPECT_ERRNO(EFAULT, sys_epoll_ioctl(ep, EPIOCSPARAMS, BAD_PTR));
	EXPECT_ERRNO(EFAULT, sys_epoll_ioctl(ep, EPIOCGPARAMS, BAD_PTR));

	/* The kernel refuses a prefer flag above 1, a set pad byte and huge usecs. */
	set = params(1, 2, 3, 0);
	EXPECT_ERRNO(EINVAL, sys_epoll_ioctl(ep, EPIOCSPARAMS, &set));
	set = params(123456, 789, 0xea, 0x38);
	EXPECT_ERRNO(EINVAL, sys_epoll_ioctl(ep, EPIOCSPARAMS, &set));
	set = params(0x80000000U, 64, 1, 0);
	EXPECT_ERRNO(EINVAL, sys_epoll_ioctl(ep, EPIOCSPARAMS, &set));

	/* Not an epoll descriptor, and no descriptor at all. */
	set = params(100, 8, 1, 0);
	EXPECT_ERRNO(ENOTTY, sys_epoll_ioctl(p[0], EPIOCSPARAMS, &set));
	EXPECT_ERRNO(EBADF, sys_epoll_ioctl(-1, EPIOCSPARAMS, &set));
	EXPECT_ERRNO(EBADF, sys_epoll_ioctl(-1, EPIOCGPARAMS, BAD_PTR));
	return 0;
}
