/*
 * fdname/sock_diag_reply.c and sock_details_text.c: sock_diag replies, as
 * bytes, become strace -yy's text; and strace's quoting of a name.
 */
#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/unix_diag.h>
#include <string.h>
#include <sys/socket.h>

#include "fdname/sock_details.h"
#include "tests/unit/tap.h"
#include "util/strace_quote.h"

#define INO 4242

static struct strbuf sb = STRBUF_INIT;

static const char *quoted(const char *s, size_t len)
{
	sb_reset(&sb);
	print_strace_quoted(&sb, (const unsigned char *) s, len);
	return sb_str(&sb);
}

static struct inet_diag_msg inet_msg(int family, const char *src, unsigned int sport,
				     const char *dst, unsigned int dport)
{
	struct inet_diag_msg m = { .idiag_family = (unsigned char) family, .idiag_inode = INO };
	inet_pton(family, src, m.id.idiag_src);
	inet_pton(family, dst, m.id.idiag_dst);
	m.id.idiag_sport = htons((uint16_t) sport);
	m.id.idiag_dport = htons((uint16_t) dport);
	return m;
}

/* The text of an inet reply, or "(no match)". */
static const char *inet_text(const char *label, const void *msg, size_t len)
{
	struct inet_diag_ends e;
	sb_reset(&sb);
	if (inet_diag_reply(msg, len, INO, &e))
		print_inet_details(&sb, label, &e);
	else
		sb_puts(&sb, "(no match)");
	return sb_str(&sb);
}

/* A unix_diag_msg of inode INO and its attributes, each a type and bytes. */
struct unix_reply {
	unsigned char buf[512];
	size_t len;
};

static void unix_start(struct unix_reply *r)
{
	struct unix_diag_msg m = { .udiag_family = AF_UNIX, .udiag_type = SOCK_STREAM,
				   .udiag_ino = INO };
	memset(r, 0, sizeof(*r));
	memcpy(r->buf, &m, sizeof(m));
	r->len = NLA_ALIGN(sizeof(m));
}

static void unix_attr(struct unix_reply *r, unsigned short type, const void *data, size_t len)
{
	struct nlattr a = { .nla_len = (unsigned short) (NLA_HDRLEN + len), .nla_type = type };
	memcpy(r->buf + r->len, &a, sizeof(a));
	memcpy(r->buf + r->len + NLA_HDRLEN, data, len);
	r->len += NLA_ALIGN(a.nla_len);
}

static const char *unix_text(const char *label, const struct unix_reply *r, size_t len)
{
	struct unix_diag_ends e;
	sb_reset(&sb);
	if (unix_diag_reply(r->buf, len, INO, &e))
		print_unix_details(&sb, label, INO, &e);
	else
		sb_puts(&sb, "(no match)");
	return sb_str(&sb);
}

static const char *netlink_text(unsigned int protocol, uint32_t portid)
{
	struct netlink_diag_msg m = { .ndiag_family = AF_NETLINK,
				      .ndiag_protocol = (unsigned char) protocol,
				      .ndiag_portid = portid, .ndiag_ino = INO };
	struct netlink_diag_ends e;
	sb_reset(&sb);
	if (netlink_diag_reply(&m, sizeof(m), INO, &e))
		print_netlink_details(&sb, "NETLINK", &e);
	else
		sb_puts(&sb, "(no match)");
	return sb_str(&sb);
}

static void quoting(void)
{
	tap_is(quoted("/run/x.sock", 12), "\"/run/x.sock\"", "a plain name");
	tap_is(quoted("q\"b\\t\tn\nv\vf\fr\r", 15), "\"q\\\"b\\\\t\\tn\\nv\\vf\\fr\\r\"",
	       "quote, backslash and C escapes");
	tap_is(quoted("a\001b\0015\0018\177\351", 9), "\"a\\1b\\0015\\18\\177\\351\"",
	       "octal, in three digits only before an octal digit");
	tap_is(quoted("ab\0cd", 5), "\"ab\"", "a NUL ends the name");
	tap_is(quoted("abcdef", 3), "\"abc\"", "at most len bytes");
	tap_is(quoted("", 0), "\"\"", "an empty name");
}

static void inet(void)
{
	struct inet_diag_msg m = inet_msg(AF_INET, "127.0.0.1", 8080, "0.0.0.0", 0);
	tap_is(inet_text("TCP", &m, sizeof(m)), "TCP:[127.0.0.1:8080]", "listening: no peer");
	m = inet_msg(AF_INET, "127.0.0.1", 8080, "127.0.0.1", 51234);
	tap_is(inet_text("TCP", &m, sizeof(m)), "TCP:[127.0.0.1:8080->127.0.0.1:51234]",
	       "connected");
	m = inet_msg(AF_INET, "127.0.0.1", 5353, "127.0.0.1", 0);
	tap_is(inet_text("UDP", &m, sizeof(m)), "UDP:[127.0.0.1:5353->127.0.0.1:0]",
	       "a peer address with port 0 is still a peer");
	m = inet_msg(AF_INET, "0.0.0.0", 53, "0.0.0.0", 7);
	tap_is(inet_text("UDP", &m, sizeof(m)), "UDP:[0.0.0.0:53->0.0.0.0:7]",
	       "as is a port with no address");
	m = inet_msg(AF_INET6, "::1", 80, "::ffff:127.0.0.1", 40000);
	tap_is(inet_text("TCPv6", &m, sizeof(m)), "TCPv6:[[::1]:80->[::ffff:127.0.0.1]:40000]",
	       "IPv6 addresses in brackets");
	m = inet_msg(AF_INET6, "::", 53, "::", 0);
	tap_is(inet_text("UDPv6", &m, sizeof(m)), "UDPv6:[[::]:53]", "the IPv6 wildcard");
	m.idiag_inode = INO + 1;
	tap_is(inet_text("UDPv6", &m, sizeof(m)), "(no match)", "another inode");
	m = inet_msg(AF_INET, "127.0.0.1", 1, "0.0.0.0", 0);
	tap_is(inet_text("TCP", &m, sizeof(m) - 1), "(no match)", "a cut reply");
	m.idiag_family = AF_UNIX;
	tap_is(inet_text("TCP", &m, sizeof(m)), "(no match)", "another family");
}

static void unix_(void)
{
	struct unix_reply r;
	uint32_t peer = 4243;
	static const char path[] = "/run/a\nb.sock";
	static const char abstract[] = "\0abs\"x";

	unix_start(&r);
	tap_is(unix_text("UNIX-STREAM", &r, r.len), "UNIX-STREAM:[4242]", "neither peer nor name");
	unix_attr(&r, UNIX_DIAG_PEER, &peer, sizeof(peer));
	tap_is(unix_text("UNIX-STREAM", &r, r.len), "UNIX-STREAM:[4242->4243]", "a peer");
	size_t before_name = r.len;
	unix_attr(&r, UNIX_DIAG_NAME, path, sizeof(path));
	tap_is(unix_text("UNIX-STREAM", &r, r.len), "UNIX-STREAM:[4242->4243,\"/run/a\\nb.sock\"]",
	       "a peer and a path name");
	tap_is(unix_text("UNIX-STREAM", &r, before_name + NLA_HDRLEN + 2), "UNIX-STREAM:[4242->4243]",
	       "a cut attribute is left out");

	unix_start(&r);
	unix_attr(&r, UNIX_DIAG_NAME, abstract, sizeof(abstract) - 1);
	tap_is(unix_text("UNIX", &r, r.len), "UNIX:[4242,@\"abs\\\"x\"]", "an abstract name");
	unix_start(&r);
	unix_attr(&r, UNIX_DIAG_NAME, "", 1);
	tap_is(unix_text("UNIX", &r, r.len), "UNIX:[4242,@\"\"]", "an empty abstract name");
	unix_start(&r);
	unix_attr(&r, UNIX_DIAG_VFS, "12345678", 8);
	unix_attr(&r, UNIX_DIAG_PEER, &peer, 2);
	tap_is(unix_text("UNIX", &r, r.len), "UNIX:[4242]", "other and short attributes are ignored");

	unix_start(&r);
	r.buf[offsetof(struct unix_diag_msg, udiag_ino)] ^= 1;
	tap_is(unix_text("UNIX", &r, r.len), "(no match)", "another inode");
	tap_is(unix_text("UNIX", &r, sizeof(struct unix_diag_msg) - 1), "(no match)", "a cut reply");
}

static void netlink(void)
{
	tap_is(netlink_text(NETLINK_ROUTE, 42), "NETLINK:[ROUTE:42]", "a netlink protocol's name");
	tap_is(netlink_text(NETLINK_KOBJECT_UEVENT, 7), "NETLINK:[KOBJECT_UEVENT:7]",
	       "without the NETLINK_ prefix");
	tap_is(netlink_text(NETLINK_SOCK_DIAG, 1), "NETLINK:[SOCK_DIAG:1]", "SOCK_DIAG, not INET_DIAG");
	tap_is(netlink_text(99, 42), "NETLINK:[99]", "an unnamed protocol alone");
}

int main(void)
{
	quoting();
	inet();
	unix_();
	netlink();
	sb_free(&sb);
	return tap_done();
}
