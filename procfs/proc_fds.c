#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "procfs/proc_fds.h"
#include "util/text_scan.h"
#include "util/xalloc.h"

/* name is an fd's entry in the directory dirfd (/proc/PID/fd), or its path. */
static ssize_t link_at(int dirfd, const char *name, char link[PROC_FD_LINK_MAX])
{
	ssize_t len = readlinkat(dirfd, name, link, PROC_FD_LINK_MAX);
	if (len < 0 || len >= PROC_FD_LINK_MAX)
		return -1;
	link[len] = '\0';
	return len;
}

static void fd_path(char path[64], pid_t pid, int fd)
{
	snprintf(path, 64, "/proc/%d/fd/%d", (int) pid, fd);
}

bool proc_fd_link(pid_t pid, int fd, char link[PROC_FD_LINK_MAX])
{
	char path[64];
	fd_path(path, pid, fd);
	return link_at(AT_FDCWD, path, link) >= 0;
}

static bool probe_at(int dirfd, const char *name, int fd, struct proc_fd *out)
{
	struct stat st;
	char link[PROC_FD_LINK_MAX];
	if (fstatat(dirfd, name, &st, 0) < 0)
		return false;
	ssize_t len = link_at(dirfd, name, link);
	if (len < 0)
		return false;
	*out = (struct proc_fd) {
		.fd = fd, .link = xstrndup(link, (size_t) len),
		.ino = st.st_ino, .dev = st.st_dev, .mode = st.st_mode,
	};
	return true;
}

bool proc_fd_probe(pid_t pid, int fd, struct proc_fd *out)
{
	char path[64];
	fd_path(path, pid, fd);
	return probe_at(AT_FDCWD, path, fd, out);
}

/* Directory entries other than fd numbers (".", "..") are not fds. */
static bool fd_of_name(const char *name, int *fd)
{
	uint64_t v;
	if (!scan_num(&name, 10, INT_MAX, &v) || *name)
		return false;
	*fd = (int) v;
	return true;
}

static int by_fd(const void *a, const void *b)
{
	int x = ((const struct proc_fd *) a)->fd, y = ((const struct proc_fd *) b)->fd;
	return (x > y) - (x < y);
}

bool proc_fds_read(pid_t pid, struct proc_fds *fds)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/fd", (int) pid);
	DIR *dir = opendir(path);
	if (!dir)
		return false;

	size_t cap = 0;
	struct dirent *de;
	while ((de = readdir(dir))) {
		int fd;
		if (!fd_of_name(de->d_name, &fd))
			continue;
		fds->v = grow_array(fds->v, &cap, fds->n, sizeof(*fds->v));
		if (probe_at(dirfd(dir), de->d_name, fd, &fds->v[fds->n]))
			fds->n++;
	}
	closedir(dir);
	if (fds->n)
		qsort(fds->v, fds->n, sizeof(*fds->v), by_fd);
	return true;
}

const struct proc_fd *proc_fds_find(const struct proc_fds *fds, int fd)
{
	struct proc_fd key = { .fd = fd };
	if (!fds->n)
		return NULL;
	return bsearch(&key, fds->v, fds->n, sizeof(*fds->v), by_fd);
}

void proc_fd_free(struct proc_fd *pfd)
{
	free(pfd->link);
	pfd->link = NULL;
}

void proc_fds_free(struct proc_fds *fds)
{
	for (size_t i = 0; i < fds->n; i++)
		proc_fd_free(&fds->v[i]);
	free(fds->v);
	*fds = (struct proc_fds) { 0 };
}
