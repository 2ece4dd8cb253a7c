/*
 * fd_kind_describe for the fds of one process, reading its namespace's
 * socket tables once, at the first socket, for all its fds.
 */
#ifndef EPOLLTRACE_FDNAME_FD_NAMER_H
#define EPOLLTRACE_FDNAME_FD_NAMER_H

#include <stdbool.h>
#include <sys/types.h>

#include "fdname/sock_table.h"
#include "util/strbuf.h"

struct fd_namer {
	pid_t pid;
	bool socks_read;
	struct sock_table socks;
};

void fd_namer_init(struct fd_namer *namer, pid_t pid);
void fd_namer_describe(struct fd_namer *namer, struct strbuf *out, const char *link);
void fd_namer_free(struct fd_namer *namer);

#endif
