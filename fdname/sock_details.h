/*
 * -yy's name of a socket, as strace prints it, from what the kernel's
 * sock_diag said of it when it was first found (strace keeps that too).
 */
#ifndef EPOLLTRACE_FDNAME_SOCK_DETAILS_H
#define EPOLLTRACE_FDNAME_SOCK_DETAILS_H

#include <stdint.h>

#include "fdname/sock_diag.h"
#include "util/strbuf.h"

/*
 * For the socket behind fd_path (/proc/TID/fd/N), of inode ino:
 * "TCP:[127.0.0.1:8080->127.0.0.1:51234]", "UDPv6:[[::1]:53]",
 * "UNIX-STREAM:[1234->1235,\"/run/x.sock\"]", "NETLINK:[ROUTE:42]";
 * "TCP:[5678]" when the kernel reports nothing of it (not bound, or in
 * another network namespace); "socket:[5678]" for a protocol strace does
 * not know, unless one of its lookups finds the socket all the same.
 */
void sock_details_print(struct strbuf *out, const char *fd_path, uint64_t ino);

/* The texts of the three kinds of lookups, apart for the unit tests. */
void print_inet_details(struct strbuf *out, const char *label,
			const struct inet_diag_ends *e);
void print_unix_details(struct strbuf *out, const char *label, uint64_t ino,
			const struct unix_diag_ends *e);
void print_netlink_details(struct strbuf *out, const char *label,
			   const struct netlink_diag_ends *e);

#endif
