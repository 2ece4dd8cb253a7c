/*
 * A multi-threaded epoll echo server for the attach tests
 * (tests/e2e/attach-*.sh): what a user points epolltrace -p at.
 *
 * usage: echo_server [WORKERS]  (default 4)
 *
 * It listens on 127.0.0.1 on an ephemeral port and prints "port N", then
 * "ready" once every worker runs.  Each worker has its own epoll instance
 * holding the shared non-blocking listener (EPOLLEXCLUSIVE, so a
 * connection wakes one worker) and the connections it accepted, and
 * echoes every byte back.  Attaching a tracer, and every SIGUSR1, makes a
 * blocked epoll_wait fail with EINTR; every call here retries as a real
 * server must.
 *
 * SIGUSR1 is counted by a handler, which also writes a byte to a pipe: the
 * main thread then prints "usr1 K" for the K-th signal handled, so a test
 * knows a signal arrived before it sends the next one (standard signals
 * pending together merge into one).  On SIGTERM it prints "usr1=COUNT"
 * and exits 0.
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* accept4, pipe2 */
#endif
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "selfcheck.h"

#define DEFAULT_WORKERS 4
#define MAX_WORKERS 64
#define MAX_EVENTS 16
#define BUF_SIZE 65536
/* The listener's epoll data: connections carry their struct conn. */
#define LISTENER_DATA NULL

struct conn {
	int fd;
	size_t pending;	/* bytes read and not yet echoed */
	size_t sent;	/* of those, bytes already written */
	char buf[BUF_SIZE];
};

static atomic_int usr1_count;
static int usr1_pipe[2];
static int listener;

static void on_usr1(int sig)
{
	(void) sig;
	int saved = errno;
	atomic_fetch_add(&usr1_count, 1);
	/* Cannot fail short of a full pipe: one byte per signal. */
	ssize_t r = write(usr1_pipe[1], "u", 1);
	(void) r;
	errno = saved;
}

static long epoll_wait_retrying(int ep, struct epoll_event *events, int max)
{
	long n;
	while ((n = epoll_wait(ep, events, max, -1)) < 0 && errno == EINTR)
		;
	return n;
}

static void set_interest(int ep, struct conn *c, uint32_t events, int op)
{
	struct epoll_event ev = { .events = events, .data.ptr = c };
	EXPECT_RET(0, epoll_ctl(ep, op, c->fd, &ev));
}

static void accept_all(int ep)
{
	for (;;) {
		int fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0) {
			/* EAGAIN: another worker took it, or none is left. */
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			EXPECT_TRUE(errno == EAGAIN);
			return;
		}
		struct conn *c = malloc(sizeof(*c));
		EXPECT_TRUE(c != NULL);
		c->fd = fd;
		c->pending = c->sent = 0;
		set_interest(ep, c, EPOLLIN, EPOLL_CTL_ADD);
	}
}

static void close_conn(int ep, struct conn *c)
{
	EXPECT_RET(0, epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL));
	close(c->fd);
	free(c);
}

/* Writes what is pending; false while the socket cannot take it all. */
static bool flush_conn(struct conn *c)
{
	while (c->sent < c->pending) {
		ssize_t n = write(c->fd, c->buf + c->sent, c->pending - c->sent);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return false;
		EXPECT_TRUE(n > 0);
		c->sent += (size_t) n;
	}
	c->pending = c->sent = 0;
	return true;
}

/*
 * Reads and echoes until the socket has nothing more; a reply the peer is
 * slow to take waits for EPOLLOUT, and reading stops meanwhile, so the
 * echo keeps the order of the bytes.
 */
static void serve(int ep, struct conn *c, uint32_t events)
{
	if (events & EPOLLOUT) {
		if (!flush_conn(c))
			return;
		set_interest(ep, c, EPOLLIN, EPOLL_CTL_MOD);
	}
	for (;;) {
		ssize_t n = read(c->fd, c->buf, sizeof(c->buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n <= 0) {
			/* The client closed (or reset) its connection. */
			close_conn(ep, c);
			return;
		}
		c->pending = (size_t) n;
		if (!flush_conn(c)) {
			set_interest(ep, c, EPOLLOUT, EPOLL_CTL_MOD);
			return;
		}
	}
}

static void *worker(void *arg)
{
	(void) arg;
	int ep = EXPECT_OK(epoll_create1(EPOLL_CLOEXEC));
	struct epoll_event ev = { .events = EPOLLIN | EPOLLEXCLUSIVE,
				  .data.ptr = LISTENER_DATA };
	EXPECT_RET(0, epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev));
	for (;;) {
		struct epoll_event events[MAX_EVENTS];
		long n = EXPECT_OK(epoll_wait_retrying(ep, events, MAX_EVENTS));
		for (long i = 0; i < n; i++) {
			if (events[i].data.ptr == LISTENER_DATA)
				accept_all(ep);
			else
				serve(ep, events[i].data.ptr, events[i].events);
		}
	}
	return NULL;
}

static int listen_on_loopback(void)
{
	int fd = EXPECT_OK(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
	struct sockaddr_in addr = { .sin_family = AF_INET,
				    .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	EXPECT_RET(0, bind(fd, (struct sockaddr *) &addr, sizeof(addr)));
	EXPECT_RET(0, listen(fd, SOMAXCONN));
	socklen_t len = sizeof(addr);
	EXPECT_RET(0, getsockname(fd, (struct sockaddr *) &addr, &len));
	printf("port %d\n", ntohs(addr.sin_port));
	return fd;
}

/* SIGTERM arrives on a signalfd, so only the main thread takes it. */
static int watch_sigterm(void)
{
	sigset_t term;
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	EXPECT_RET(0, pthread_sigmask(SIG_BLOCK, &term, NULL));
	return EXPECT_OK(signalfd(-1, &term, SFD_CLOEXEC));
}

static void install_usr1_handler(void)
{
	EXPECT_RET(0, pipe2(usr1_pipe, O_CLOEXEC | O_NONBLOCK));
	/* No SA_RESTART: the calls it interrupts must cope with EINTR. */
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigemptyset(&sa.sa_mask);
	EXPECT_RET(0, sigaction(SIGUSR1, &sa, NULL));
}

/* Prints "usr1 K" for each signal handled since the last call. */
static void acknowledge_usr1(int *acked)
{
	char bytes[64];
	ssize_t n;
	while ((n = read(usr1_pipe[0], bytes, sizeof(bytes))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		EXPECT_TRUE(n > 0);
		for (ssize_t i = 0; i < n; i++)
			printf("usr1 %d\n", ++*acked);
	}
	EXPECT_RET(0, fflush(stdout));
}

int main(int argc, char *argv[])
{
	int workers = argc > 1 ? atoi(argv[1]) : DEFAULT_WORKERS;
	EXPECT_TRUE(workers >= 1 && workers <= MAX_WORKERS);
	int term_fd = watch_sigterm();
	install_usr1_handler();
	listener = listen_on_loopback();

	pthread_t threads[MAX_WORKERS];
	for (int i = 0; i < workers; i++)
		EXPECT_RET(0, pthread_create(&threads[i], NULL, worker, NULL));

	int ep = EXPECT_OK(epoll_create1(EPOLL_CLOEXEC));
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = term_fd };
	EXPECT_RET(0, epoll_ctl(ep, EPOLL_CTL_ADD, term_fd, &ev));
	ev.data.fd = usr1_pipe[0];
	EXPECT_RET(0, epoll_ctl(ep, EPOLL_CTL_ADD, usr1_pipe[0], &ev));
	printf("ready\n");
	EXPECT_RET(0, fflush(stdout));

	int acked = 0;
	for (;;) {
		struct epoll_event events[2];
		long n = EXPECT_OK(epoll_wait_retrying(ep, events, 2));
		for (long i = 0; i < n; i++) {
			if (events[i].data.fd != term_fd) {
				acknowledge_usr1(&acked);
				continue;
			}
			/* A test waits for each "usr1 K" before SIGTERM. */
			acknowledge_usr1(&acked);
			printf("usr1=%d\n", atomic_load(&usr1_count));
			EXPECT_RET(0, fflush(stdout));
			_exit(0);
		}
	}
}
