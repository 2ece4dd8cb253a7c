/*
 * The open fds of a process, from /proc/PID/fd: what each link says and
 * which file it is.  The snapshot is exact only while the process is
 * stopped; otherwise each fd is as it was when it was looked at.
 */
#ifndef EPOLLTRACE_PROCFS_PROC_FDS_H
#define EPOLLTRACE_PROCFS_PROC_FDS_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct proc_fd {
	int fd;
	char *link;	/* "socket:[123]", "anon_inode:[eventfd]", "/dev/null" */
	uint64_t ino;	/* of the file the fd names, as stat() says */
	dev_t dev;
	mode_t mode;	/* the file's type, for saying why it cannot be polled */
};

struct proc_fds {
	struct proc_fd *v;	/* sorted by fd */
	size_t n;
};

/*
 * Fills fds (which must be zeroed or freed) with every fd that is open
 * and can be looked at; an fd closed meanwhile is left out.  False, with
 * errno, when /proc/pid/fd cannot be listed.
 */
bool proc_fds_read(pid_t pid, struct proc_fds *fds);

/* NULL when fd was not open at the snapshot. */
const struct proc_fd *proc_fds_find(const struct proc_fds *fds, int fd);

/* Room for an fd's link and its NUL. */
#define PROC_FD_LINK_MAX (PATH_MAX + 1)

/*
 * What fd of pid names now, as its link says ("socket:[123]", a path):
 * a number may name another file than it did.  False when it is not open.
 */
bool proc_fd_link(pid_t pid, int fd, char link[PROC_FD_LINK_MAX]);

/* Looks at one fd now; false when it is not open. */
bool proc_fd_probe(pid_t pid, int fd, struct proc_fd *out);

void proc_fd_free(struct proc_fd *pfd);
void proc_fds_free(struct proc_fds *fds);

#endif
