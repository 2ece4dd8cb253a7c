#include <inttypes.h>
#include <linux/netlink.h>
#include <stdbool.h>

#include "decode/xlat.h"
#include "fdname/sock_details.h"
#include "util/strace_quote.h"

/* A socket that is not connected has the wildcard peer: no address, port 0. */
static bool has_remote(const struct inet_diag_ends *e)
{
	if (e->remote.port)
		return true;
	for (unsigned int i = 0; i < e->addr_len; i++)
		if (e->remote.addr[i])
			return true;
	return false;
}

void print_inet_details(struct strbuf *out, const char *label,
			const struct inet_diag_ends *e)
{
	sb_printf(out, "%s:[", label);
	print_inet_end(out, e->addr_len, &e->local);
	if (has_remote(e)) {
		sb_puts(out, "->");
		print_inet_end(out, e->addr_len, &e->remote);
	}
	sb_putc(out, ']');
}

void print_unix_details(struct strbuf *out, const char *label, uint64_t ino,
			const struct unix_diag_ends *e)
{
	sb_printf(out, "%s:[%" PRIu64, label, ino);
	if (e->peer)
		sb_printf(out, "->%" PRIu32, e->peer);
	if (e->name_len) {
		sb_putc(out, ',');
		/* An abstract name starts with a NUL, which '@' stands for. */
		if (e->name[0] == '\0') {
			sb_putc(out, '@');
			print_strace_quoted(out, e->name + 1, e->name_len - 1);
		} else {
			print_strace_quoted(out, e->name, e->name_len);
		}
	}
	sb_putc(out, ']');
}

/* linux/netlink.h's protocols, as strace names them: without "NETLINK_". */
static const struct xlat_entry netlink_protocols[] = {
	{ NETLINK_ROUTE, "ROUTE" },
	{ NETLINK_UNUSED, "UNUSED" },
	{ NETLINK_USERSOCK, "USERSOCK" },
	{ NETLINK_FIREWALL, "FIREWALL" },
	{ NETLINK_SOCK_DIAG, "SOCK_DIAG" },
	{ NETLINK_NFLOG, "NFLOG" },
	{ NETLINK_XFRM, "XFRM" },
	{ NETLINK_SELINUX, "SELINUX" },
	{ NETLINK_ISCSI, "ISCSI" },
	{ NETLINK_AUDIT, "AUDIT" },
	{ NETLINK_FIB_LOOKUP, "FIB_LOOKUP" },
	{ NETLINK_CONNECTOR, "CONNECTOR" },
	{ NETLINK_NETFILTER, "NETFILTER" },
	{ NETLINK_IP6_FW, "IP6_FW" },
	{ NETLINK_DNRTMSG, "DNRTMSG" },
	{ NETLINK_KOBJECT_UEVENT, "KOBJECT_UEVENT" },
	{ NETLINK_GENERIC, "GENERIC" },
	{ NETLINK_SCSITRANSPORT, "SCSITRANSPORT" },
	{ NETLINK_ECRYPTFS, "ECRYPTFS" },
	{ NETLINK_RDMA, "RDMA" },
	{ NETLINK_CRYPTO, "CRYPTO" },
	{ NETLINK_SMC, "SMC" },
};
static const struct xlat netlink_protocols_xlat = XLAT_OF(netlink_protocols);

/* strace prints a protocol it has no name for alone, without the port id. */
void print_netlink_details(struct strbuf *out, const char *label,
			   const struct netlink_diag_ends *e)
{
	const char *name = xlat_lookup(&netlink_protocols_xlat, e->protocol);
	if (name)
		sb_printf(out, "%s:[%s:%" PRIu32 "]", label, name, e->portid);
	else
		sb_printf(out, "%s:[%u]", label, e->protocol);
}
