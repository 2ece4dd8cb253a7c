#include <arpa/inet.h>
#include <stdbool.h>
#include <sys/socket.h>

#include "decode/xlat.h"
#include "emit/text_values.h"
#include "fdname/sock_table.h"
#include "util/escape.h"

/* include/net/tcp_states.h */
static const struct xlat_entry tcp_states[] = {
	{ 1, "ESTABLISHED" },
	{ 2, "SYN_SENT" },
	{ 3, "SYN_RECV" },
	{ 4, "FIN_WAIT1" },
	{ 5, "FIN_WAIT2" },
	{ 6, "TIME_WAIT" },
	{ 7, "CLOSE" },
	{ 8, "CLOSE_WAIT" },
	{ 9, "LAST_ACK" },
	{ 10, "LISTEN" },
	{ 11, "CLOSING" },
	{ 12, "NEW_SYN_RECV" },
};
static const struct xlat tcp_states_xlat = XLAT_OF(tcp_states);

void print_inet_end(struct strbuf *out, unsigned int addr_len,
		    const struct inet_end *end)
{
	char text[INET6_ADDRSTRLEN];
	bool v6 = addr_len == 16;
	if (!inet_ntop(v6 ? AF_INET6 : AF_INET, end->addr, text, sizeof(text)))
		text[0] = '\0';
	sb_printf(out, v6 ? "[%s]:%u" : "%s:%u", text, end->port);
}

/* A socket that is not connected has the wildcard peer, port 0. */
static bool has_peer(const struct inet_end *remote)
{
	return remote->port != 0;
}

void sock_entry_describe(struct strbuf *out, const struct sock_entry *e)
{
	const struct sock_proto_info *info = &sock_protos[e->proto];
	sb_puts(out, info->label);
	if (!info->addr_len) {
		if (e->path) {
			sb_putc(out, ' ');
			print_escaped(out, e->path);
		}
		return;
	}
	sb_putc(out, ' ');
	print_inet_end(out, info->addr_len, &e->local);
	if (has_peer(&e->remote)) {
		sb_puts(out, "->");
		print_inet_end(out, info->addr_len, &e->remote);
	}
	if (info->has_state) {
		sb_putc(out, ' ');
		print_xval(out, &tcp_states_xlat, e->state, "TCP_???");
	}
}
