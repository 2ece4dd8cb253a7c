#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "fdname/fd_link.h"

#define DELETED_SUFFIX " (deleted)"

bool fd_link_read(pid_t tid, int fd, char target[PROC_FD_LINK_MAX], bool *deleted)
{
	*deleted = false;
	if (!proc_fd_link(tid, fd, target))
		return false;
	size_t n = strlen(target), suffix_len = sizeof(DELETED_SUFFIX) - 1;
	if (n <= suffix_len || strcmp(target + n - suffix_len, DELETED_SUFFIX) != 0)
		return true;
	/* Unlinked when the path, suffix and all, leads to no file or to another. */
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int) tid, fd);
	struct stat open_file, named;
	if (stat(path, &open_file) != 0)
		return true;
	if (lstat(target, &named) != 0 || named.st_ino != open_file.st_ino ||
	    named.st_dev != open_file.st_dev) {
		target[n - suffix_len] = '\0';
		*deleted = true;
	}
	return true;
}
