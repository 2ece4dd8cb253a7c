/*
 * The sockets of a network namespace, from /proc/PID/net/{tcp,tcp6,udp,
 * udp6,unix}, looked up by inode: "socket:[INODE]" is all an fd link says.
 * Each table is parsed once per process, not once per fd.
 */
#ifndef EPOLLTRACE_FDNAME_SOCK_TABLE_H
#define EPOLLTRACE_FDNAME_SOCK_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "util/strbuf.h"

enum sock_proto {
	SOCK_PROTO_TCP,
	SOCK_PROTO_TCP6,
	SOCK_PROTO_UDP,
	SOCK_PROTO_UDP6,
	SOCK_PROTO_UNIX,
	SOCK_PROTO_COUNT
};

struct sock_proto_info {
	const char *proc_file;	/* under /proc/PID/net/ */
	const char *label;	/* as printed: "TCP", "UDPv6" */
	unsigned int addr_len;	/* 4 or 16; 0 for UNIX */
	bool has_state;		/* print the TCP state */
};

/* Indexed by enum sock_proto. */
extern const struct sock_proto_info sock_protos[SOCK_PROTO_COUNT];

struct inet_end {
	unsigned char addr[16];	/* network byte order; 4 bytes for IPv4 */
	uint16_t port;
};

struct sock_entry {
	uint64_t ino;
	enum sock_proto proto;
	unsigned int state;	/* the kernel's TCP_* number (UDP uses them too) */
	struct inet_end local, remote;
	char *path;		/* UNIX: as /proc/net/unix prints it; NULL unnamed */
};

struct sock_table {
	struct sock_entry *v;
	size_t n, cap;
};

/*
 * Adds the rows of one /proc/net table's text; rows that are not whole
 * and well-formed, and rows of sockets without an inode (TIME_WAIT), are
 * left out.  Call sock_table_index after the last one.
 */
void sock_table_parse(struct sock_table *t, enum sock_proto proto, const char *text);
void sock_table_index(struct sock_table *t);

/* Reads, parses and indexes one table of pid's namespace; false when it cannot. */
bool sock_table_read(struct sock_table *t, pid_t pid, enum sock_proto proto);
/* The table of the protocol the kernel names a socket's ("TCP", "UNIX-STREAM"); -1 for none. */
int sock_proto_by_label(const char *label);

/* NULL when no indexed table has the inode. */
const struct sock_entry *sock_table_find(const struct sock_table *t, uint64_t ino);

void sock_table_free(struct sock_table *t);

/*
 * "TCP 127.0.0.1:8080 LISTEN", "TCPv6 [::1]:80->[::1]:51234 ESTABLISHED",
 * "UDP 127.0.0.1:5353", "UNIX /run/x.sock", "UNIX @abstract", "UNIX".
 */
void sock_entry_describe(struct strbuf *out, const struct sock_entry *e);

/* "127.0.0.1:8080", or "[::1]:8080" when addr_len is 16: strace's form too. */
void print_inet_end(struct strbuf *out, unsigned int addr_len,
		    const struct inet_end *end);

#endif
