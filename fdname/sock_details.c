#include <inttypes.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/xattr.h>

#include "fdname/sock_details.h"

#ifndef IPPROTO_L2TP
# define IPPROTO_L2TP 115
#endif

enum lookup { LOOKUP_UNIX, LOOKUP_INET, LOOKUP_NETLINK };

struct sock_kind {
	const char *name;	/* the socket's system.sockprotoname */
	enum lookup lookup;
	int family, protocol;	/* what inet_diag is asked about */
};

/*
 * The protocols strace 6.1 knows by name, tried in this order on a socket
 * of any other protocol, as strace tries them.  inet_diag is asked about
 * each inet one, as strace asks, whether or not the running kernel has a
 * handler for it (none has for PING yet).
 */
static const struct sock_kind kinds[] = {
	{ "UNIX", LOOKUP_UNIX, AF_UNIX, 0 },
	{ "UNIX-STREAM", LOOKUP_UNIX, AF_UNIX, 0 },
	{ "TCP", LOOKUP_INET, AF_INET, IPPROTO_TCP },
	{ "UDP", LOOKUP_INET, AF_INET, IPPROTO_UDP },
	{ "UDPLITE", LOOKUP_INET, AF_INET, IPPROTO_UDPLITE },
	{ "DCCP", LOOKUP_INET, AF_INET, IPPROTO_DCCP },
	{ "SCTP", LOOKUP_INET, AF_INET, IPPROTO_SCTP },
	{ "L2TP/IP", LOOKUP_INET, AF_INET, IPPROTO_L2TP },
	{ "PING", LOOKUP_INET, AF_INET, IPPROTO_ICMP },
	{ "RAW", LOOKUP_INET, AF_INET, IPPROTO_RAW },
	{ "TCPv6", LOOKUP_INET, AF_INET6, IPPROTO_TCP },
	{ "UDPv6", LOOKUP_INET, AF_INET6, IPPROTO_UDP },
	{ "UDPLITEv6", LOOKUP_INET, AF_INET6, IPPROTO_UDPLITE },
	{ "DCCPv6", LOOKUP_INET, AF_INET6, IPPROTO_DCCP },
	{ "SCTPv6", LOOKUP_INET, AF_INET6, IPPROTO_SCTP },
	{ "L2TP/IPv6", LOOKUP_INET, AF_INET6, IPPROTO_L2TP },
	{ "PINGv6", LOOKUP_INET, AF_INET6, IPPROTO_ICMP },
	{ "RAWv6", LOOKUP_INET, AF_INET6, IPPROTO_RAW },
	{ "NETLINK", LOOKUP_NETLINK, AF_NETLINK, 0 },
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

/*
 * A socket's protocol is fixed when it is made, and reading it costs a
 * system call per name, so it is kept per inode; a slot's next inode
 * simply replaces it.  Everything else about a socket is asked afresh.
 */
#define KIND_CACHE_SLOTS 256
static struct {
	uint64_t ino;		/* 0: empty */
	const struct sock_kind *kind;	/* NULL: one strace does not know */
} kind_cache[KIND_CACHE_SLOTS];

static const struct sock_kind *kind_named(const char *name)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (strcmp(name, kinds[i].name) == 0)
			return &kinds[i];
	return NULL;
}

/* NULL for an unknown protocol, or when the fd has gone. */
static const struct sock_kind *kind_of(const char *fd_path, uint64_t ino)
{
	unsigned int slot = (unsigned int) (ino % KIND_CACHE_SLOTS);
	if (kind_cache[slot].ino == ino)
		return kind_cache[slot].kind;
	char name[64];
	ssize_t n = getxattr(fd_path, "system.sockprotoname", name, sizeof(name) - 1);
	if (n <= 0)
		return NULL;
	name[n] = '\0';
	const struct sock_kind *kind = kind_named(name);
	kind_cache[slot].ino = ino;
	kind_cache[slot].kind = kind;
	return kind;
}

static bool print_found(struct strbuf *out, const struct sock_kind *k, uint64_t ino)
{
	struct inet_diag_ends inet;
	struct unix_diag_ends unx;
	struct netlink_diag_ends nl;
	switch (k->lookup) {
	case LOOKUP_INET:
		if (!sock_diag_inet(k->family, k->protocol, ino, &inet))
			return false;
		print_inet_details(out, k->name, &inet);
		return true;
	case LOOKUP_UNIX:
		/* Neither a name nor a peer: strace counts it as not found. */
		if (!sock_diag_unix(ino, &unx) || (!unx.peer && !unx.name_len))
			return false;
		print_unix_details(out, k->name, ino, &unx);
		return true;
	case LOOKUP_NETLINK:
		if (!sock_diag_netlink(ino, &nl))
			return false;
		print_netlink_details(out, k->name, &nl);
		return true;
	}
	return false;
}

/*
 * What a lookup found, kept per inode as strace keeps it: a socket is
 * then named as it was first found, even once the kernel no longer
 * reports it (a TCP connection closed, in state CLOSE, keeps its
 * addresses), and a busy server's sockets are not looked up, each a dump
 * of every socket of the protocol, at every call.
 */
#define FOUND_CACHE_SLOTS 1024
static struct {
	uint64_t ino;		/* 0: empty */
	char *text;
} found_cache[FOUND_CACHE_SLOTS];

static void keep_found(uint64_t ino, const char *text)
{
	unsigned int slot = (unsigned int) (ino % FOUND_CACHE_SLOTS);
	char *copy = strdup(text);
	if (!copy)
		return;
	free(found_cache[slot].text);
	found_cache[slot].ino = ino;
	found_cache[slot].text = copy;
}

/* Looks the socket up by its kind, or by every kind; false if none found it. */
static bool look_up(struct strbuf *out, const struct sock_kind *kind, uint64_t ino)
{
	if (kind)
		return print_found(out, kind, ino);
	for (size_t i = 0; i < NKINDS; i++) {
		/* The second UNIX kind would ask the same question again. */
		if (i > 0 && kinds[i].lookup == LOOKUP_UNIX && kinds[i - 1].lookup == LOOKUP_UNIX)
			continue;
		if (print_found(out, &kinds[i], ino))
			return true;
	}
	return false;
}

void sock_details_print(struct strbuf *out, const char *fd_path, uint64_t ino)
{
	unsigned int slot = (unsigned int) (ino % FOUND_CACHE_SLOTS);
	if (found_cache[slot].ino == ino) {
		sb_puts(out, found_cache[slot].text);
		return;
	}
	const struct sock_kind *kind = kind_of(fd_path, ino);
	size_t start = out->len;
	if (look_up(out, kind, ino))
		keep_found(ino, sb_str(out) + start);
	else
		sb_printf(out, "%s:[%" PRIu64 "]", kind ? kind->name : "socket", ino);
}
