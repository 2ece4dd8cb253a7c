/*
 * Steady traffic for tests/progs/echo_server, checked byte for byte.
 *
 * usage: echo_client PORT CONNECTIONS
 *
 * Each connection runs in its own thread and sends numbered messages of
 * varying length, one at a time, reading each reply whole before the
 * next.  A reply that differs, a connection that closes or fails, or any
 * failed call ends the program at once with a message and status 1: a
 * tracer that loses, duplicates or reorders the server's bytes shows up
 * here.  There is no reconnecting, so a dropped connection is a failure.
 *
 * stdin drives it: "mark" prints "replies=N" (the replies checked so far,
 * all connections together), and "stop" or end of file makes every
 * connection finish its message; it then prints "replies=N" and exits 0.
 * It prints "connected" once every connection is up.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CONNECTIONS 64
#define MIN_LEN 32
#define LEN_SPREAD 4000
#define MAX_LEN (MIN_LEN + LEN_SPREAD)

static atomic_ulong replies;
static atomic_bool stopping;

static _Noreturn void fail(int conn, unsigned long msg, const char *what, int err)
{
	fprintf(stderr, "echo_client: connection %d, message %lu: %s%s%s (after %lu replies)\n",
		conn, msg, what, err ? ": " : "", err ? strerror(err) : "",
		atomic_load(&replies));
	_exit(1);
}

/* Message msg of connection conn: its number, then filler, then '\n'. */
static size_t make_message(char *buf, int conn, unsigned long msg)
{
	size_t len = MIN_LEN + (msg * 131 + (unsigned long) conn * 17) % LEN_SPREAD;
	int head = snprintf(buf, len, "c=%d n=%lu ", conn, msg);
	for (size_t i = (size_t) head; i < len - 1; i++)
		buf[i] = (char) ('a' + (i + msg + (unsigned long) conn) % 26);
	buf[len - 1] = '\n';
	return len;
}

static void send_all(int fd, const char *buf, size_t len, int conn, unsigned long msg)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			fail(conn, msg, "cannot send", errno);
		buf += n;
		len -= (size_t) n;
	}
}

static void receive_all(int fd, char *buf, size_t len, int conn, unsigned long msg)
{
	while (len > 0) {
		ssize_t n = read(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			fail(conn, msg, "cannot read the reply", errno);
		if (n == 0)
			fail(conn, msg, "the server closed the connection", 0);
		buf += n;
		len -= (size_t) n;
	}
}

static int connect_to(int port, int conn)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		fail(conn, 0, "socket", errno);
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t) port),
				    .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	if (connect(fd, (struct sockaddr *) &addr, sizeof(addr)) < 0)
		fail(conn, 0, "cannot connect", errno);
	/* One write per message: no need to wait for the previous ACK. */
	int one = 1;
	if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) < 0)
		fail(conn, 0, "TCP_NODELAY", errno);
	return fd;
}

struct connection {
	pthread_t thread;
	int id;
	int fd;
};

static void *talk(void *arg)
{
	struct connection *c = arg;
	static _Thread_local char sent[MAX_LEN], got[MAX_LEN];
	for (unsigned long msg = 0; !atomic_load(&stopping); msg++) {
		size_t len = make_message(sent, c->id, msg);
		send_all(c->fd, sent, len, c->id, msg);
		receive_all(c->fd, got, len, c->id, msg);
		if (memcmp(sent, got, len) != 0)
			fail(c->id, msg, "wrong reply", 0);
		atomic_fetch_add(&replies, 1);
	}
	close(c->fd);
	return NULL;
}

static void print_replies(void)
{
	printf("replies=%lu\n", atomic_load(&replies));
	fflush(stdout);
}

int main(int argc, char *argv[])
{
	if (argc != 3) {
		fprintf(stderr, "usage: echo_client PORT CONNECTIONS\n");
		return 2;
	}
	int port = atoi(argv[1]), nconn = atoi(argv[2]);
	if (port <= 0 || port > 65535 || nconn < 1 || nconn > MAX_CONNECTIONS) {
		fprintf(stderr, "echo_client: bad port or number of connections\n");
		return 2;
	}
	struct connection conns[MAX_CONNECTIONS];
	for (int i = 0; i < nconn; i++) {
		conns[i].id = i;
		conns[i].fd = connect_to(port, i);
	}
	for (int i = 0; i < nconn; i++) {
		int err = pthread_create(&conns[i].thread, NULL, talk, &conns[i]);
		if (err)
			fail(i, 0, "pthread_create", err);
	}
	printf("connected\n");
	fflush(stdout);

	char line[64];
	while (fgets(line, sizeof(line), stdin) && strcmp(line, "stop\n") != 0) {
		if (strcmp(line, "mark\n") == 0)
			print_replies();
	}
	atomic_store(&stopping, true);
	for (int i = 0; i < nconn; i++)
		pthread_join(conns[i].thread, NULL);
	print_replies();
	return 0;
}
