/* model/sock_table: /proc/net/{tcp,tcp6,udp,udp6,unix} rows, parsed and described. */
#include <inttypes.h>

#include "fdname/sock_table.h"
#include "tests/unit/tap.h"

static struct strbuf sb = STRBUF_INIT;

/* Every socket of the table as "ino: description", by inode. */
static const char *described(enum sock_proto proto, const char *text)
{
	struct sock_table t = { 0 };
	sock_table_parse(&t, proto, text);
	sock_table_index(&t);
	sb_reset(&sb);
	for (size_t i = 0; i < t.n; i++) {
		sb_printf(&sb, "%" PRIu64 ": ", t.v[i].ino);
		sock_entry_describe(&sb, &t.v[i]);
		sb_putc(&sb, '\n');
	}
	sock_table_free(&t);
	return sb_str(&sb);
}

static const char tcp[] =
	"  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
	"   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 71621 1 00000000e6936c0f 100 0 0 10 0\n"
	"   1: 0100007F:1F90 0100007F:C822 01 00000000:00000000 00:00000000 00000000  1000        0 71700 1 0000000011111111 20 4 30 10 -1\n"
	"   2: 0100007F:C822 0100007F:1F90 06 00000000:00000000 03:00001770 00000000     0        0 0 3 0000000022222222\n"
	"   3: 0A00A8C0:D431 2200000A:01BB 08 00000000:00000000 00:00000000 00000000  1000        0 80001 1 0000000033333333 20 4 30 10 -1\n"
	"   4: 00000000:0016 00000000:0000 0D 00000000:00000000 00:00000000 00000000     0        0 80002 1 0000000044444444 100 0 0 10 0\n";

static const char tcp6[] =
	"  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
	"   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 90001 1 0000000055555555 100 0 0 10 0\n"
	"   1: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:D000 01 00000000:00000000 00:00000000 00000000     0        0 90002 1 0000000066666666 20 4 30 10 -1\n"
	"   2: B80D0120000000000000000001000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 90003 1 0000000077777777 100 0 0 10 0\n";

static const char udp[] =
	"   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
	"  120: 0100007F:14E9 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 91001 2 0000000088888888 0\n"
	"  121: 0100007F:A001 0100007F:0035 01 00000000:00000000 00:00000000 00000000     0        0 91002 2 0000000099999999 0\n";

static const char udp6[] =
	"  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
	"  383: 00000000000000000000000001000000:14E9 00000000000000000000000001000000:0035 01 00000000:00000000 00:00000000 00000000     0        0 92001 2 00000000aaaaaaaa 0\n";

static const char unix_[] =
	"Num       RefCount Protocol Flags    Type St Inode Path\n"
	"00000000b4abeb77: 00000003 00000000 00000000 0001 03  1169\n"
	"0000000033333333: 00000002 00000000 00010000 0001 01 93001 /run/many fds.sock\n"
	"0000000044444444: 00000002 00000000 00010000 0005 01 93002 @many_fds.42\n"
	"0000000055555555: 00000002 00000000 00000000 0002 01 93003 @@x@y\n"
	"0000000066666666: 00000002 00000000 00000000 0002 01 93004 /tmp/back\\slash\n"
	"0000000077777777: 00000002 00000000 00000000 0002 01 93005 /tmp/cut";

int main(void)
{
	tap_is(described(SOCK_PROTO_TCP, tcp),
	       "71621: TCP 127.0.0.1:8080 LISTEN\n"
	       "71700: TCP 127.0.0.1:8080->127.0.0.1:51234 ESTABLISHED\n"
	       "80001: TCP 192.168.0.10:54321->10.0.0.34:443 CLOSE_WAIT\n"
	       "80002: TCP 0.0.0.0:22 0xd /* TCP_??? */\n",
	       "TCP: LISTEN, ESTABLISHED, CLOSE_WAIT, an unknown state; TIME_WAIT has no inode");
	tap_is(described(SOCK_PROTO_TCP6, tcp6),
	       "90001: TCPv6 [::1]:8080 LISTEN\n"
	       "90002: TCPv6 [::ffff:127.0.0.1]:8080->[::ffff:127.0.0.1]:53248 ESTABLISHED\n"
	       "90003: TCPv6 [2001:db8::1]:80 LISTEN\n",
	       "TCPv6: loopback, IPv4-mapped, a global address");
	tap_is(described(SOCK_PROTO_UDP, udp),
	       "91001: UDP 127.0.0.1:5353\n"
	       "91002: UDP 127.0.0.1:40961->127.0.0.1:53\n",
	       "UDP: bound, and connected with its peer");
	tap_is(described(SOCK_PROTO_UDP6, udp6),
	       "92001: UDPv6 [::1]:5353->[::1]:53\n", "UDPv6 connected");
	tap_is(described(SOCK_PROTO_UNIX, unix_),
	       "1169: UNIX\n"
	       "93001: UNIX /run/many fds.sock\n"
	       "93002: UNIX @many_fds.42\n"
	       "93003: UNIX @@x@y\n"
	       "93004: UNIX /tmp/back\\\\slash\n",
	       "UNIX: unnamed, named with a space, abstract, abstract with NULs, "
	       "an escaped backslash; a row cut short is left out");
	tap_is(described(SOCK_PROTO_TCP,
			 "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0\n"
			 "   0: 0100007:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5 1\n"
			 "   0: 0100007F:11F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 6 1\n"
			 "   0: 0100007F:1F90 00000000:0000 0A\n"),
	       "", "malformed TCP rows are left out");

	struct sock_table t = { 0 };
	sock_table_parse(&t, SOCK_PROTO_TCP, tcp);
	sock_table_parse(&t, SOCK_PROTO_UNIX, unix_);
	sock_table_index(&t);
	const struct sock_entry *e = sock_table_find(&t, 93002);
	sb_reset(&sb);
	if (e)
		sock_entry_describe(&sb, e);
	tap_is(sb_str(&sb), "UNIX @many_fds.42", "lookup across two tables");
	tap_is(sock_table_find(&t, 4242) ? "found" : "none", "none", "an unknown inode");
	sock_table_free(&t);
	sb_free(&sb);
	return tap_done();
}
