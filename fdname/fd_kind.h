/*
 * What an fd is, in a few words, from its /proc/PID/fd link (and, for a
 * socket, its row in the namespace's socket tables).
 */
#ifndef EPOLLTRACE_FDNAME_FD_KIND_H
#define EPOLLTRACE_FDNAME_FD_KIND_H

#include <stdbool.h>
#include <stdint.h>

#include "fdname/sock_table.h"
#include "util/strbuf.h"

/* The inode of a "socket:[INODE]" link. */
bool fd_link_socket_ino(const char *link, uint64_t *ino);

/* An epoll instance's link. */
bool fd_link_is_epoll(const char *link);

/*
 * "TCP 127.0.0.1:8080 LISTEN" for a socket found in socks (which may be
 * NULL), "eventfd", "timerfd", "signalfd", "epoll"; any other link as it
 * is ("pipe:[12]", "socket:[34]", "anon_inode:[io_uring]", "/dev/random"),
 * with control characters escaped.
 */
void fd_kind_describe(struct strbuf *out, const char *link,
		      const struct sock_table *socks);

#endif
