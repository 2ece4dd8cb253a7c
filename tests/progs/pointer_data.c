/*
 * A loop that keeps a pointer in each registration's data, as nginx, redis
 * and libuv do: three pipes whose read ends are moved to fds 100, 101 and
 * 102, each registered EPOLLIN with data.ptr pointing at its connection.
 * Six rounds, in the order of the fds, each writes a byte to one pipe and
 * waits: the one event returned must point at that pipe's connection,
 * whose fd the loop then reads.  So each fd is returned by two waits, and
 * no data holds an fd's number.  With an argument, the loop first waits
 * for a line on stdin (a test attaches meanwhile) and prints "ready".
 */
#include <stdio.h>
#include <sys/epoll.h>

#include "raw_epoll.h"
#include "selfcheck.h"

#define CONNS 3
#define ROUNDS 6
#define FIRST_FD 100

struct conn {
	int fd;
	int writer;
	unsigned long reads;
};

int main(int argc, char **argv)
{
	(void) argv;
	static struct conn conns[CONNS];
	int ep = (int) EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	for (int i = 0; i < CONNS; i++) {
		int p[2];
		EXPECT_OK(pipe(p));
		conns[i].fd = FIRST_FD + i;
		conns[i].writer = p[1];
		EXPECT_RET(conns[i].fd, dup2(p[0], conns[i].fd));
		EXPECT_RET(0, close(p[0]));
		struct epoll_event ev = { .events = EPOLLIN, .data.ptr = &conns[i] };
		EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, conns[i].fd, &ev));
	}
	if (argc > 1) {
		char line[16];
		printf("ready\n");
		fflush(stdout);
		EXPECT_TRUE(fgets(line, sizeof(line), stdin) != NULL);
	}
	for (int round = 0; round < ROUNDS; round++) {
		struct conn *c = &conns[round % CONNS];
		EXPECT_RET(1, write(c->writer, "x", 1));
		struct epoll_event out[CONNS];
		EXPECT_RET(1, sys_epoll_wait(ep, out, CONNS, -1));
		struct conn *got = out[0].data.ptr;
		EXPECT_TRUE(got == c);
		char byte;
		EXPECT_RET(1, read(got->fd, &byte, 1));
		got->reads++;
	}
	return 0;
}
