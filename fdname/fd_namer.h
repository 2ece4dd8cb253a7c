/*
 * fd_kind_describe for the fds of one process, reading each of its
 * namespace's socket tables once, at its first socket of that protocol.
 */
#ifndef EPOLLTRACE_FDNAME_FD_NAMER_H
#define EPOLLTRACE_FDNAME_FD_NAMER_H

#include <stdbool.h>
#include <sys/types.h>

#include "fdname/sock_table.h"
#include "util/strbuf.h"

struct fd_namer {
	pid_t pid;
	/* By enum sock_proto: its table was read (or could not be). */
	bool socks_read[SOCK_PROTO_COUNT];
	struct sock_table socks;
};

void fd_namer_init(struct fd_namer *namer, pid_t pid);
/* fd, whose link is link: "UNIX /run/x.sock", "anon_inode:[eventfd]". */
void fd_namer_describe(struct fd_namer *namer, struct strbuf *out, int fd, const char *link);
void fd_namer_free(struct fd_namer *namer);

#endif
