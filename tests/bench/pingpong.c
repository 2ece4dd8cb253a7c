/*
 * pingpong [-w] ITER [PAIRS]: PAIRS (default 1) couples of threads, each
 * couple bouncing one byte ITER times over its own socketpair.  Every
 * thread has its own epoll instance and waits in epoll_wait before each
 * read, so one round trip is two traced waits and, in attach mode, four
 * more syscalls.  With -w the threads are started first, then the
 * process follows the handshake protocol (handshake.h), so that a tracer
 * attaching finds the whole thread group already there.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tests/bench/bench_args.h"
#include "tests/bench/handshake.h"
#include "tests/progs/selfcheck.h"

#define USAGE "[-w] ITER [PAIRS]"

struct side {
	int fd;			/* this thread's end of the socketpair */
	int ep;			/* this thread's epoll instance, watching fd */
	int serves;		/* waits first, then answers */
	long iter;
	pthread_barrier_t *start;
};

static void wait_readable(int ep)
{
	struct epoll_event ev;
	int n;
	/* A tracer attaching may interrupt the wait; it is then redone. */
	while ((n = epoll_wait(ep, &ev, 1, -1)) < 0 && errno == EINTR)
		;
	EXPECT_RET(1, n);
}

static void *bounce(void *arg)
{
	struct side *s = arg;
	char byte = 'x';
	pthread_barrier_wait(s->start);
	for (long i = 0; i < s->iter; i++) {
		if (!s->serves)
			EXPECT_RET(1, write(s->fd, &byte, 1));
		wait_readable(s->ep);
		EXPECT_RET(1, read(s->fd, &byte, 1));
		if (s->serves)
			EXPECT_RET(1, write(s->fd, &byte, 1));
	}
	return NULL;
}

static void side_init(struct side *s, int fd, int serves, long iter, pthread_barrier_t *start)
{
	*s = (struct side) { .fd = fd, .serves = serves, .iter = iter, .start = start };
	s->ep = EXPECT_OK(epoll_create1(EPOLL_CLOEXEC));
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = fd };
	EXPECT_RET(0, epoll_ctl(s->ep, EPOLL_CTL_ADD, fd, &ev));
}

int main(int argc, char **argv)
{
	int wait_go = argc > 1 && strcmp(argv[1], "-w") == 0;
	long iter = bench_count(argc, argv, 1 + wait_go, -1, 1, USAGE);
	long pairs = bench_count(argc, argv, 2 + wait_go, 1, 1, USAGE);
	long nthreads = 2 * pairs;
	struct side *sides = calloc((size_t) nthreads, sizeof(*sides));
	pthread_t *threads = calloc((size_t) nthreads, sizeof(*threads));
	EXPECT_TRUE(sides && threads);

	/* The main thread is the last to arrive, so it gives the start. */
	pthread_barrier_t start;
	EXPECT_RET(0, pthread_barrier_init(&start, NULL, (unsigned) nthreads + 1));
	for (long p = 0; p < pairs; p++) {
		int sv[2];
		EXPECT_RET(0, socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
		side_init(&sides[2 * p], sv[0], 0, iter, &start);
		side_init(&sides[2 * p + 1], sv[1], 1, iter, &start);
	}
	for (long t = 0; t < nthreads; t++)
		EXPECT_RET(0, pthread_create(&threads[t], NULL, bounce, &sides[t]));

	if (wait_go)
		handshake_say_and_wait("ready");
	double t0 = handshake_now();
	pthread_barrier_wait(&start);
	for (long t = 0; t < nthreads; t++)
		EXPECT_RET(0, pthread_join(threads[t], NULL));
	if (wait_go)
		handshake_report(t0);
	return 0;
}
