/* The rows of /proc/net/{tcp,tcp6,udp,udp6} and /proc/net/unix. */
#include <string.h>

#include "fdname/sock_table.h"
#include "util/text_scan.h"
#include "util/xalloc.h"

/* Columns between the state and the inode: tx:rx tr:when retrnsmt uid timeout. */
#define INET_COLUMNS_BEFORE_INODE 5
/* Columns before the inode: Num RefCount Protocol Flags Type St. */
#define UNIX_COLUMNS_BEFORE_INODE 6

/* Each table's file and the form of its rows; the parser reads by them. */
const struct sock_proto_info sock_protos[SOCK_PROTO_COUNT] = {
	[SOCK_PROTO_TCP] = { "tcp", "TCP", 4, true },
	[SOCK_PROTO_TCP6] = { "tcp6", "TCPv6", 16, true },
	[SOCK_PROTO_UDP] = { "udp", "UDP", 4, false },
	[SOCK_PROTO_UDP6] = { "udp6", "UDPv6", 16, false },
	[SOCK_PROTO_UNIX] = { "unix", "UNIX", 0, false },
};

/*
 * The kernel prints an address as its 32-bit words, each as one %08X of
 * the word's value in host order; the bytes of that value in memory are
 * the address's bytes.
 */
static bool scan_addr_words(const char **p, unsigned int len, unsigned char *addr)
{
	const char *s = *p;
	for (unsigned int off = 0; off < len; off += 4) {
		uint64_t v;
		if (!scan_hex_digits(&s, 8, &v))
			return false;
		uint32_t word = (uint32_t) v;
		memcpy(addr + off, &word, sizeof(word));
	}
	*p = s;
	return true;
}

/* "0100007F:1F90" */
static bool scan_inet_end(const char **p, unsigned int len, struct inet_end *end)
{
	uint64_t port;
	const char *s = *p;
	scan_blanks(&s);
	if (!scan_addr_words(&s, len, end->addr) || *s++ != ':' ||
	    !scan_num(&s, 16, UINT16_MAX, &port))
		return false;
	end->port = (uint16_t) port;
	*p = s;
	return true;
}

static bool skip_words(const char **p, unsigned int n)
{
	while (n--)
		if (!scan_skip_word(p))
			return false;
	return true;
}

/* "   1: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 71621 ..." */
static bool parse_inet_row(const char *p, enum sock_proto proto, struct sock_entry *e)
{
	unsigned int len = sock_protos[proto].addr_len;
	uint64_t state, ino;
	*e = (struct sock_entry) { .proto = proto };
	if (!skip_words(&p, 1) ||
	    !scan_inet_end(&p, len, &e->local) ||
	    !scan_inet_end(&p, len, &e->remote) ||
	    !scan_num(&p, 16, UINT8_MAX, &state) ||
	    !skip_words(&p, INET_COLUMNS_BEFORE_INODE) ||
	    !scan_num(&p, 10, UINT64_MAX, &ino) || !ino)
		return false;
	e->state = (unsigned int) state;
	e->ino = ino;
	return true;
}

/*
 * "0000000000000000: 00000002 00000000 00010000 0001 01 12345 /run/x.sock":
 * a bound socket's name follows its inode after exactly one space.
 */
static bool parse_unix_row(const char *p, const char *eol, struct sock_entry *e)
{
	uint64_t ino;
	*e = (struct sock_entry) { .proto = SOCK_PROTO_UNIX };
	if (!skip_words(&p, UNIX_COLUMNS_BEFORE_INODE) ||
	    !scan_num(&p, 10, UINT64_MAX, &ino) || !ino)
		return false;
	e->ino = ino;
	if (*p == ' ' && p + 1 < eol)
		e->path = xstrndup(p + 1, (size_t) (eol - p - 1));
	else if (!scan_at_eol(&p))
		return false;
	return true;
}

void sock_table_parse(struct sock_table *t, enum sock_proto proto, const char *text)
{
	const char *nl;
	for (const char *line = text; (nl = strchr(line, '\n')); line = nl + 1) {
		struct sock_entry e;
		bool ok = proto == SOCK_PROTO_UNIX ? parse_unix_row(line, nl, &e)
						   : parse_inet_row(line, proto, &e);
		if (!ok)
			continue;
		t->v = grow_array(t->v, &t->cap, t->n, sizeof(*t->v));
		t->v[t->n++] = e;
	}
}
