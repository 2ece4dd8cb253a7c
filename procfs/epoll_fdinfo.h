/*
 * An epoll instance's interest list as /proc/PID/fdinfo/EPFD shows it
 * (the kernel's ep_show_fdinfo), one registration per "tfd:" line.
 */
#ifndef EPOLLTRACE_PROCFS_EPOLL_FDINFO_H
#define EPOLLTRACE_PROCFS_EPOLL_FDINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct epoll_reg {
	int tfd;		/* the fd number it was registered under */
	uint32_t events;	/* as the kernel keeps them: EPOLLERR|EPOLLHUP added */
	uint64_t data;
	/* The registered file, as ino and sdev identify it (kernels >= 3.18). */
	bool has_file_id;
	uint64_t ino;
	uint32_t sdev;		/* the kernel's dev_t: major << 20 | minor */
};

struct epoll_fdinfo {
	/* The instance's own inode, from the "ino:" line of newer kernels. */
	bool has_ino;
	uint64_t ino;
	struct epoll_reg *regs;	/* in the kernel's order, which is no order */
	size_t nregs;
};

/*
 * Fills info (which must be zeroed or freed) from fdinfo text; lines that
 * are not whole and well-formed are left out.  Allocation failure aborts,
 * as it does for every strbuf.
 */
void epoll_fdinfo_parse(const char *text, struct epoll_fdinfo *info);

/* Reads /proc/pid/fdinfo/epfd; false, with errno, when it has gone. */
bool epoll_fdinfo_read(pid_t pid, int epfd, struct epoll_fdinfo *info);

void epoll_fdinfo_free(struct epoll_fdinfo *info);

/*
 * A fired EPOLLONESHOT registration: the kernel cleared every bit but the
 * private ones (ONESHOT, ET, WAKEUP, EXCLUSIVE) until the next EPOLL_CTL_MOD.
 */
bool epoll_reg_disarmed(const struct epoll_reg *reg);

#endif
