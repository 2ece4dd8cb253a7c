/*
 * Questions about one socket to the kernel's NETLINK_SOCK_DIAG, asked, as
 * strace asks them, in epolltrace's own network namespace: a tracee in
 * another one has sockets the kernel does not report here.
 */
#ifndef EPOLLTRACE_FDNAME_SOCK_DIAG_H
#define EPOLLTRACE_FDNAME_SOCK_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fdname/sock_table.h"

/* An inet socket's ends, as inet_diag reports them. */
struct inet_diag_ends {
	unsigned int addr_len;	/* 4 or 16 */
	struct inet_end local, remote;
};

/* UNIX_PATH_MAX: the longest name a UNIX socket can have. */
#define UNIX_NAME_MAX 108

/* A UNIX socket's peer and name, as unix_diag reports them. */
struct unix_diag_ends {
	uint32_t peer;		/* the peer's inode; 0 for none */
	size_t name_len;	/* 0 for an unnamed socket */
	unsigned char name[UNIX_NAME_MAX];	/* a NUL first for an abstract name */
};

struct netlink_diag_ends {
	unsigned int protocol;	/* NETLINK_ROUTE, ... */
	uint32_t portid;
};

/*
 * Each is true when the kernel reports the socket with this inode (of this
 * family and protocol, for inet), false when it does not or cannot be
 * asked.  A socket that is neither bound nor connected is usually not
 * reported.
 */
bool sock_diag_inet(int family, int protocol, uint64_t ino, struct inet_diag_ends *out);
bool sock_diag_unix(uint64_t ino, struct unix_diag_ends *out);
bool sock_diag_netlink(uint64_t ino, struct netlink_diag_ends *out);

/*
 * The replies' payloads (after the nlmsghdr) decoded; each is true when
 * msg is a whole reply about the socket ino.  Apart for the unit tests.
 */
bool inet_diag_reply(const void *msg, size_t len, uint64_t ino, struct inet_diag_ends *out);
bool unix_diag_reply(const void *msg, size_t len, uint64_t ino, struct unix_diag_ends *out);
bool netlink_diag_reply(const void *msg, size_t len, uint64_t ino, struct netlink_diag_ends *out);

#endif
