/*
 * echo_client PORT ITER: ITER request/response round trips of a 64-byte
 * message with the echo server on 127.0.0.1:PORT, each answer checked,
 * then closes the connection, which tells the server to exit.  It
 * blocks in read and never calls epoll, so a tracer following it from
 * the server's side would not stop it.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/bench/bench_args.h"
#include "tests/progs/selfcheck.h"

#define MSG 64

static void read_all(int fd, char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = EXPECT_OK(read(fd, buf, len));
		EXPECT_TRUE(n > 0);	/* the server must not hang up first */
		buf += n;
		len -= (size_t) n;
	}
}

int main(int argc, char **argv)
{
	long port = bench_count(argc, argv, 1, -1, 1, "PORT ITER");
	long iter = bench_count(argc, argv, 2, -1, 1, "PORT ITER");
	EXPECT_TRUE(port <= 65535);
	int fd = EXPECT_OK(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons((uint16_t) port),
				   .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	EXPECT_RET(0, connect(fd, (struct sockaddr *) &sin, sizeof(sin)));
	/* Small messages go out at once instead of waiting for Nagle. */
	int one = 1;
	EXPECT_RET(0, setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)));

	char out[MSG], in[MSG];
	for (long n = 0; n < iter; n++) {
		memset(out, 'a' + (int) (n % 26), sizeof(out));
		EXPECT_RET(MSG, write(fd, out, sizeof(out)));
		read_all(fd, in, sizeof(in));
		EXPECT_TRUE(memcmp(in, out, sizeof(in)) == 0);
	}
	EXPECT_RET(0, close(fd));
	return 0;
}
