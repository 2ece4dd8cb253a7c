/* What an fd names for -y, as strace reads it. */
#ifndef EPOLLTRACE_FDNAME_FD_LINK_H
#define EPOLLTRACE_FDNAME_FD_LINK_H

#include <stdbool.h>
#include <sys/types.h>

#include "procfs/proc_fds.h"

/*
 * proc_fd_link, and an unlinked file's path loses the " (deleted)" the
 * kernel adds, *deleted saying so; a file whose own name ends so (the
 * path still leads to it) keeps it.
 */
bool fd_link_read(pid_t tid, int fd, char target[PROC_FD_LINK_MAX], bool *deleted);

#endif
