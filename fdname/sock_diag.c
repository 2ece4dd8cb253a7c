#include <linux/inet_diag.h>
#include <linux/netlink_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>

#include "fdname/sock_diag.h"
#include "fdname/sock_diag_exchange.h"

/* The kernel's inode numbers of sockets are 32-bit. */
static bool fits_diag(uint64_t ino)
{
	return ino != 0 && ino <= UINT32_MAX;
}

struct inet_query {
	uint64_t ino;
	struct inet_diag_ends *out;
};

static bool inet_wanted(const void *msg, size_t len, void *ctx)
{
	struct inet_query *q = ctx;
	return inet_diag_reply(msg, len, q->ino, q->out);
}

/* inet_diag finds a socket by its addresses only: the inode needs a dump. */
bool sock_diag_inet(int family, int protocol, uint64_t ino, struct inet_diag_ends *out)
{
	struct inet_diag_req_v2 req = {
		.sdiag_family = (uint8_t) family,
		.sdiag_protocol = (uint8_t) protocol,
		.idiag_states = ~0U,
	};
	struct inet_query q = { ino, out };
	return fits_diag(ino) && sock_diag_exchange(&req, sizeof(req), true, inet_wanted, &q);
}

struct unix_query {
	uint64_t ino;
	struct unix_diag_ends *out;
};

static bool unix_wanted(const void *msg, size_t len, void *ctx)
{
	struct unix_query *q = ctx;
	return unix_diag_reply(msg, len, q->ino, q->out);
}

bool sock_diag_unix(uint64_t ino, struct unix_diag_ends *out)
{
	struct unix_diag_req req = {
		.sdiag_family = AF_UNIX,
		.udiag_states = ~0U,
		.udiag_ino = (uint32_t) ino,
		.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER,
		/* Any socket with this inode, whatever its cookie. */
		.udiag_cookie = { INET_DIAG_NOCOOKIE, INET_DIAG_NOCOOKIE },
	};
	struct unix_query q = { ino, out };
	return fits_diag(ino) && sock_diag_exchange(&req, sizeof(req), false, unix_wanted, &q);
}

struct netlink_query {
	uint64_t ino;
	struct netlink_diag_ends *out;
};

static bool netlink_wanted(const void *msg, size_t len, void *ctx)
{
	struct netlink_query *q = ctx;
	return netlink_diag_reply(msg, len, q->ino, q->out);
}

/* netlink_diag has no lookup by inode either. */
bool sock_diag_netlink(uint64_t ino, struct netlink_diag_ends *out)
{
	struct netlink_diag_req req = {
		.sdiag_family = AF_NETLINK,
		.sdiag_protocol = NDIAG_PROTO_ALL,
	};
	struct netlink_query q = { ino, out };
	return fits_diag(ino) && sock_diag_exchange(&req, sizeof(req), true, netlink_wanted, &q);
}
