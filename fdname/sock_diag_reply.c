/* The kernel's sock_diag replies, checked before any field is believed. */
#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/unix_diag.h>
#include <string.h>
#include <sys/socket.h>

#include "fdname/sock_diag.h"

bool inet_diag_reply(const void *msg, size_t len, uint64_t ino, struct inet_diag_ends *out)
{
	struct inet_diag_msg m;
	if (len < sizeof(m))
		return false;
	memcpy(&m, msg, sizeof(m));
	unsigned int addr_len = m.idiag_family == AF_INET ? 4 :
				m.idiag_family == AF_INET6 ? 16 : 0;
	if (m.idiag_inode != ino || !addr_len)
		return false;
	*out = (struct inet_diag_ends) { .addr_len = addr_len };
	memcpy(out->local.addr, m.id.idiag_src, addr_len);
	memcpy(out->remote.addr, m.id.idiag_dst, addr_len);
	out->local.port = ntohs(m.id.idiag_sport);
	out->remote.port = ntohs(m.id.idiag_dport);
	return true;
}

static void unix_attr(struct unix_diag_ends *out, unsigned int type,
		      const unsigned char *data, size_t len)
{
	switch (type) {
	case UNIX_DIAG_NAME:
		if (!out->name_len) {
			out->name_len = len < UNIX_NAME_MAX ? len : UNIX_NAME_MAX;
			memcpy(out->name, data, out->name_len);
		}
		break;
	case UNIX_DIAG_PEER:
		if (len >= sizeof(out->peer))
			memcpy(&out->peer, data, sizeof(out->peer));
		break;
	}
}

bool unix_diag_reply(const void *msg, size_t len, uint64_t ino, struct unix_diag_ends *out)
{
	const unsigned char *p = msg;
	struct unix_diag_msg m;
	if (len < sizeof(m))
		return false;
	memcpy(&m, p, sizeof(m));
	if (m.udiag_ino != ino || m.udiag_family != AF_UNIX)
		return false;
	*out = (struct unix_diag_ends) { 0 };
	/* The attributes; a cut one ends them. */
	for (size_t off = NLA_ALIGN(sizeof(m)); off < len && len - off >= NLA_HDRLEN;) {
		struct nlattr a;
		memcpy(&a, p + off, sizeof(a));
		if (a.nla_len < NLA_HDRLEN || a.nla_len > len - off)
			break;
		unix_attr(out, a.nla_type & NLA_TYPE_MASK, p + off + NLA_HDRLEN,
			  a.nla_len - NLA_HDRLEN);
		off += NLA_ALIGN(a.nla_len);
	}
	return true;
}

bool netlink_diag_reply(const void *msg, size_t len, uint64_t ino,
			struct netlink_diag_ends *out)
{
	struct netlink_diag_msg m;
	if (len < sizeof(m))
		return false;
	memcpy(&m, msg, sizeof(m));
	if (m.ndiag_ino != ino || m.ndiag_family != AF_NETLINK)
		return false;
	*out = (struct netlink_diag_ends) { m.ndiag_protocol, m.ndiag_portid };
	return true;
}
