/*
 * Whether a registration's fd number still names the file it was
 * registered with.  epoll keys a registration on the file, not the fd
 * number: after close() of a dup'ed fd, or after the number is reused,
 * the registration lives on as a "ghost" that the program cannot
 * EPOLL_CTL_DEL through that number.
 */
#ifndef EPOLLTRACE_MODEL_REG_TARGET_H
#define EPOLLTRACE_MODEL_REG_TARGET_H

#include <stdint.h>
#include <sys/types.h>

#include "procfs/epoll_fdinfo.h"
#include "procfs/proc_fds.h"

enum reg_target {
	REG_TARGET_SAME,	/* or unknown, on kernels that do not say */
	REG_TARGET_CLOSED,	/* the fd number is not open */
	REG_TARGET_REPLACED,	/* the fd number names another file */
};

/* now: what the fd number names now, NULL when it is closed. */
enum reg_target reg_target_check(const struct epoll_reg *reg,
				 const struct proc_fd *now);

/*
 * st_dev as the kernel prints a superblock's s_dev in fdinfo: its own
 * dev_t (major << 20 | minor), not the userspace encoding of st_dev.
 */
uint32_t kernel_dev_encode(dev_t dev);

#endif
