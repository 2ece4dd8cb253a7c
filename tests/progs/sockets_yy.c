/*
 * A socket of each kind -yy describes, registered with epoll_ctl once it is
 * in the state to be shown: TCP and UDP over IPv4 and IPv6 (listening,
 * connected, bound, neither), UNIX stream, datagram and seqpacket sockets
 * (a path name with bytes strace escapes, an abstract name, socketpairs,
 * a client whose connection is not accepted yet), netlink, and, where the
 * kernel has them, protocols strace has no name for; then a pidfd and a
 * device, which -yy also details.  Single-threaded and in a fixed order,
 * so the trace can be compared line by line with strace -yy's.
 *
 * usage: sockets_yy DIR [wait|again]
 * DIR holds the path-named sockets, and names the abstract ones, so that
 * runs in different directories do not meet.  With "wait" the program
 * first prints "waiting" and reads a line from stdin, for a tracer to
 * attach with -p before the first socket exists.  With "again" it only
 * shows one UDP socket bound, then again once connected, and a TCP
 * connection, then again once reset (in state CLOSE, which the kernel no
 * longer reports), which strace shows as it first found them.  IPv6 (or a protocol
 * the kernel lacks) that cannot be had is left out, and said on stderr.
 */
#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "raw_epoll.h"
#include "selfcheck.h"

#ifndef SYS_pidfd_open
# define SYS_pidfd_open 434
#endif
#ifndef IPPROTO_MPTCP
# define IPPROTO_MPTCP 262
#endif

/* Octal escapes of both lengths, quotes, a backslash and a tab. */
static const char stream_path[] = "yy \"q\\\t\0015\002x\351.sock";
static const char dgram_path[] = "yy.dgram";

static int ep;

/* Every fd's data is its number. */
static void add(int fd)
{
	struct epoll_event ev = epoll_ev(EPOLLIN, (uint64_t) fd);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
}

static void mod(int fd)
{
	struct epoll_event ev = epoll_ev(EPOLLIN | EPOLLOUT, (uint64_t) fd);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev));
}

static socklen_t inet_addr_of(int family, struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof(*ss));
	if (family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *) ss;
		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		return sizeof(*sin);
	}
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *) ss;
	sin6->sin6_family = AF_INET6;
	sin6->sin6_addr = in6addr_loopback;
	return sizeof(*sin6);
}

/* A socket bound to the loopback address and a port the kernel picks. */
static int bound_inet(int family, int type, int protocol, struct sockaddr_storage *ss,
		      socklen_t *len)
{
	int fd = EXPECT_OK(socket(family, type, protocol));
	*len = inet_addr_of(family, ss);
	EXPECT_RET(0, bind(fd, (struct sockaddr *) ss, *len));
	EXPECT_RET(0, getsockname(fd, (struct sockaddr *) ss, len));
	return fd;
}

/* A listener, and a client connected to it, whose end it accepted. */
static int tcp_connection(int family, int *client, int *accepted)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int listener = bound_inet(family, SOCK_STREAM, 0, &ss, &len);
	EXPECT_RET(0, listen(listener, 4));
	*client = EXPECT_OK(socket(family, SOCK_STREAM, 0));
	EXPECT_RET(0, connect(*client, (struct sockaddr *) &ss, len));
	*accepted = EXPECT_OK(accept(listener, NULL, NULL));
	return listener;
}

static void tcp_sockets(int family)
{
	int client, accepted;
	int listener = tcp_connection(family, &client, &accepted);
	add(listener);
	add(client);
	add(accepted);
	add(EXPECT_OK(socket(family, SOCK_STREAM, 0)));
}

static void udp_sockets(int family)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int bound = bound_inet(family, SOCK_DGRAM, 0, &ss, &len);
	int connected = EXPECT_OK(socket(family, SOCK_DGRAM, 0));
	EXPECT_RET(0, connect(connected, (struct sockaddr *) &ss, len));
	add(bound);
	add(connected);
	add(EXPECT_OK(socket(family, SOCK_DGRAM, 0)));
}

/* No IPv6 at all, or no ::1 (disabled on lo). */
static bool have_ipv6(void)
{
	int fd = socket(AF_INET6, SOCK_DGRAM, 0);
	if (fd < 0)
		return false;
	struct sockaddr_storage ss;
	socklen_t len = inet_addr_of(AF_INET6, &ss);
	bool ok = bind(fd, (struct sockaddr *) &ss, len) == 0;
	close(fd);
	return ok;
}

static socklen_t unix_addr(struct sockaddr_un *sun, const char *name, size_t name_len)
{
	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	memcpy(sun->sun_path, name, name_len);
	return (socklen_t) (offsetof(struct sockaddr_un, sun_path) + name_len);
}

/* A stream listener on addr, a client and the accepted end. */
static void unix_stream_sockets(const struct sockaddr_un *sun, socklen_t len,
				bool add_before_accept)
{
	int listener = EXPECT_OK(socket(AF_UNIX, SOCK_STREAM, 0));
	EXPECT_RET(0, bind(listener, (const struct sockaddr *) sun, len));
	EXPECT_RET(0, listen(listener, 4));
	add(listener);
	int client = EXPECT_OK(socket(AF_UNIX, SOCK_STREAM, 0));
	EXPECT_RET(0, connect(client, (const struct sockaddr *) sun, len));
	/* Its peer has no inode until accept gives it a file. */
	if (add_before_accept)
		add(client);
	int accepted = EXPECT_OK(accept(listener, NULL, NULL));
	if (add_before_accept)
		mod(client);
	else
		add(client);
	add(accepted);
}

static void unix_sockets(const char *dir)
{
	struct sockaddr_un sun;
	unlink(stream_path);
	unix_stream_sockets(&sun, unix_addr(&sun, stream_path, sizeof(stream_path)), true);
	EXPECT_RET(0, unlink(stream_path));

	/* An abstract name: a NUL, then bytes that need not end in one. */
	char abstract[sizeof(sun.sun_path)];
	int n = snprintf(abstract, sizeof(abstract), "%cyy%s", '\0', dir);
	size_t abstract_len = (size_t) n < sizeof(abstract) ? (size_t) n : sizeof(abstract) - 1;
	unix_stream_sockets(&sun, unix_addr(&sun, abstract, abstract_len), false);

	add(EXPECT_OK(socket(AF_UNIX, SOCK_STREAM, 0)));

	int pair[2];
	static const int pair_types[] = { SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET };
	for (size_t i = 0; i < sizeof(pair_types) / sizeof(pair_types[0]); i++) {
		EXPECT_RET(0, socketpair(AF_UNIX, pair_types[i], 0, pair));
		add(pair[0]);
		add(pair[1]);
	}

	unlink(dgram_path);
	socklen_t len = unix_addr(&sun, dgram_path, sizeof(dgram_path));
	int bound = EXPECT_OK(socket(AF_UNIX, SOCK_DGRAM, 0));
	EXPECT_RET(0, bind(bound, (struct sockaddr *) &sun, len));
	int connected = EXPECT_OK(socket(AF_UNIX, SOCK_DGRAM, 0));
	EXPECT_RET(0, connect(connected, (struct sockaddr *) &sun, len));
	add(bound);
	add(connected);
	add(EXPECT_OK(socket(AF_UNIX, SOCK_DGRAM, 0)));
	EXPECT_RET(0, unlink(dgram_path));
}

static void netlink_sockets(void)
{
	int bound = EXPECT_OK(socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE));
	struct sockaddr_nl snl = { .nl_family = AF_NETLINK };
	EXPECT_RET(0, bind(bound, (struct sockaddr *) &snl, sizeof(snl)));
	add(bound);
	add(EXPECT_OK(socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE)));
}

/*
 * Protocols strace has no name for ("UDP-Lite", "MPTCP"): it tries its
 * lookups on them all the same, and the UDPLITE one finds a bound UDP-Lite
 * socket.  Kernels may lack either.
 */
static void unnamed_protocols(void)
{
	int lite = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDPLITE);
	if (lite >= 0) {
		struct sockaddr_storage ss;
		socklen_t len = inet_addr_of(AF_INET, &ss);
		EXPECT_RET(0, bind(lite, (struct sockaddr *) &ss, len));
		add(lite);
	} else {
		fprintf(stderr, "no UDP-Lite\n");
	}
	int mptcp = socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP);
	if (mptcp >= 0)
		add(mptcp);
	else
		fprintf(stderr, "no MPTCP\n");
}

static void other_details(void)
{
	long pidfd = syscall(SYS_pidfd_open, getpid(), 0);
	if (pidfd >= 0)
		add((int) pidfd);
	else
		fprintf(stderr, "no pidfd_open\n");
	int null = EXPECT_OK(open("/dev/null", O_RDONLY));
	struct epoll_event ev = epoll_ev(EPOLLIN, (uint64_t) null);
	EXPECT_ERRNO(EPERM, sys_epoll_ctl(ep, EPOLL_CTL_ADD, null, &ev));
}

static void shown_again(void)
{
	struct sockaddr_storage peer_addr, own_addr;
	socklen_t peer_len, own_len;
	bound_inet(AF_INET, SOCK_DGRAM, 0, &peer_addr, &peer_len);
	int fd = bound_inet(AF_INET, SOCK_DGRAM, 0, &own_addr, &own_len);
	add(fd);
	EXPECT_RET(0, connect(fd, (struct sockaddr *) &peer_addr, peer_len));
	mod(fd);

	int client, accepted;
	tcp_connection(AF_INET, &client, &accepted);
	add(client);
	/* Closed with a linger of 0, the peer resets the connection. */
	struct linger reset = { .l_onoff = 1, .l_linger = 0 };
	EXPECT_RET(0, setsockopt(accepted, SOL_SOCKET, SO_LINGER, &reset, sizeof(reset)));
	EXPECT_RET(0, close(accepted));
	char c;
	EXPECT_ERRNO(ECONNRESET, recv(client, &c, 1, 0));
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, client, NULL));
}

int main(int argc, char **argv)
{
	const char *mode = argc > 2 ? argv[2] : "";
	if (argc < 2 || argc > 3 || (argc > 2 && strcmp(mode, "wait") != 0 &&
					strcmp(mode, "again") != 0)) {
		fprintf(stderr, "usage: sockets_yy DIR [wait|again]\n");
		return 2;
	}
	close_inherited_fds();
	if (strcmp(mode, "again") == 0) {
		ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
		shown_again();
		return 0;
	}
	if (strcmp(mode, "wait") == 0) {
		char line[16];
		printf("waiting\n");
		EXPECT_RET(0, fflush(stdout));
		EXPECT_TRUE(fgets(line, sizeof(line), stdin) && strcmp(line, "go\n") == 0);
	}
	EXPECT_RET(0, chdir(argv[1]));
	ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));

	tcp_sockets(AF_INET);
	udp_sockets(AF_INET);
	if (have_ipv6()) {
		tcp_sockets(AF_INET6);
		udp_sockets(AF_INET6);
	} else {
		fprintf(stderr, "no IPv6\n");
	}
	unix_sockets(argv[1]);
	netlink_sockets();
	unnamed_protocols();
	other_details();
	return 0;
}
