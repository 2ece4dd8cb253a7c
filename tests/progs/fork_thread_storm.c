/*
 * A storm of forks and threads in which every loop is correct: 16
 * processes of 16 loop threads each (tests/e2e/diagnose-storm.sh).
 *
 * usage: fork_thread_storm [ROUNDS]  (default 2: a few seconds traced)
 *
 * Each process forks its children (a binary tree: process n forks 2n+1
 * and 2n+2) while its own loops run, so every fork copies a table full
 * of other threads' instances and connections; the child closes what it
 * inherited but the listener and the stop eventfd, as a server's worker
 * does, and starts its loops.
 *
 * Each loop thread has an instance of its own (EPOLL_CLOEXEC) holding:
 * - the listening socket every process inherits, with EPOLLEXCLUSIVE;
 *   the connections it accepts (EPOLLIN|EPOLLRDHUP), echoed and, at
 *   their end, deleted and closed;
 * - its client connection of the round, to the same listener (served by
 *   whichever loop of whichever process accepts it): a message out, its
 *   echo checked, deleted and closed;
 * - a socket pair it writes itself a byte on each round (EPOLLET, read
 *   to EAGAIN);
 * - an eventfd the next thread of its process writes each round
 *   (EPOLLONESHOT, re-armed at once);
 * - the stop eventfd, shared by every process: the loop that finishes
 *   the last round of all writes it, and every loop then closes all it
 *   has and ends.
 * The events' data are pointers, as nginx's, into connections each loop
 * has from its start, as nginx's too: a loop that called malloc would
 * wait, whenever its process forks, for the locks the C library holds
 * across fork (untraced, up to 0.4 s on a loaded machine; under a
 * tracer, seconds).  The processes wait for
 * their children and check their status; the first prints
 * "storm: 16 processes, 256 loops, N echoes" and exits 0.
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* accept4 */
#endif
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include "raw_epoll.h"
#include "selfcheck.h"

#define NPROCS 16
#define NTHREADS 16
#define NLOOPS (NPROCS * NTHREADS)
#define MAX_EVENTS 16
#define MSG_SIZE 32

/* Made first, so that a forked child keeps these numbers and closes the rest. */
enum { LISTENER_FD = 3, STOP_FD, FIRST_OWN_FD };

enum role { LISTENER, STOP, WAKE, SELF, CLIENT, SERVER };

struct conn {
	enum role role;
	int fd;
	char msg[MSG_SIZE];	/* a client's message */
	size_t len, got;
	struct conn *next;	/* a loop's server connections, or its free ones */
};

/* Counted across every process. */
struct totals {
	int loops_done;
	int echoes;
};

static struct totals *totals;
static struct sockaddr_un addr;
static socklen_t addr_len;
static int rounds = 2;
static int proc_index;
static int wake_fds[NTHREADS];

struct loop {
	int index;
	int ep;
	pthread_t thread;
	struct conn listener, stop, wake, self;
	int self_peer;
	struct conn *client;
	struct conn *servers;
	/* At most a client and every other loop's: no loop waits for a full pool. */
	struct conn pool[NLOOPS + 1];
	struct conn *free;
	int round;
	bool stopping;
};

static void watch(struct loop *l, struct conn *c, uint32_t events)
{
	struct epoll_event ev = { .events = events, .data.ptr = c };
	EXPECT_RET(0, sys_epoll_ctl(l->ep, EPOLL_CTL_ADD, c->fd, &ev));
}

/* DEL while the fd still names its file, then close. */
static void unwatch_close(struct loop *l, struct conn *c)
{
	EXPECT_RET(0, sys_epoll_ctl(l->ep, EPOLL_CTL_DEL, c->fd, NULL));
	EXPECT_RET(0, close(c->fd));
}

static struct conn *conn_get(struct loop *l, enum role role, int fd)
{
	struct conn *c = l->free;
	EXPECT_TRUE(c);
	l->free = c->next;
	*c = (struct conn) { .role = role, .fd = fd };
	return c;
}

static void conn_put(struct loop *l, struct conn *c)
{
	c->next = l->free;
	l->free = c;
}

/* A round: a byte to itself, a wake to the next thread, a message to any server. */
static void start_round(struct loop *l)
{
	EXPECT_RET(1, write(l->self_peer, "s", 1));
	uint64_t one = 1;
	EXPECT_RET(sizeof(one), write(wake_fds[(l->index + 1) % NTHREADS], &one, sizeof(one)));

	struct conn *c = conn_get(l, CLIENT,
				  EXPECT_OK(socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)));
	if (connect(c->fd, (struct sockaddr *) &addr, addr_len) < 0) {
		/* A full backlog: the round starts again at the next turn. */
		EXPECT_TRUE(errno == EAGAIN);
		EXPECT_RET(0, close(c->fd));
		conn_put(l, c);
		return;
	}
	c->len = (size_t) snprintf(c->msg, sizeof(c->msg), "p%d t%d r%d\n", proc_index, l->index,
				   l->round);
	EXPECT_RET(c->len, send(c->fd, c->msg, c->len, MSG_NOSIGNAL));
	watch(l, c, EPOLLIN);
	l->client = c;
}

static void round_done(struct loop *l)
{
	__atomic_add_fetch(&totals->echoes, 1, __ATOMIC_SEQ_CST);
	if (++l->round < rounds)
		return;
	if (__atomic_add_fetch(&totals->loops_done, 1, __ATOMIC_SEQ_CST) == NLOOPS) {
		uint64_t one = 1;
		EXPECT_RET(sizeof(one), write(STOP_FD, &one, sizeof(one)));
	}
}

/* A non-blocking read: -1 when nothing is there (yet). */
static long read_ready(int fd, void *buf, size_t size)
{
	long n = read(fd, buf, size);
	if (n < 0)
		EXPECT_ERRNO(EAGAIN, n);
	return n;
}

static void on_client(struct loop *l, struct conn *c)
{
	char buf[MSG_SIZE];
	long n = read_ready(c->fd, buf, sizeof(buf));
	if (n < 0)
		return;
	EXPECT_TRUE(n > 0 && c->got + (size_t) n <= c->len);
	EXPECT_TRUE(memcmp(buf, c->msg + c->got, (size_t) n) == 0);
	c->got += (size_t) n;
	if (c->got < c->len)
		return;
	unwatch_close(l, c);
	conn_put(l, c);
	l->client = NULL;
	round_done(l);
}

static void accept_all(struct loop *l)
{
	for (;;) {
		int fd = (int) accept4(LISTENER_FD, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0) {
			/* Another loop, maybe of another process, took it. */
			EXPECT_ERRNO(EAGAIN, fd);
			return;
		}
		struct conn *c = conn_get(l, SERVER, fd);
		watch(l, c, EPOLLIN | EPOLLRDHUP);
		c->next = l->servers;
		l->servers = c;
	}
}

static void server_close(struct loop *l, struct conn *c)
{
	struct conn **p = &l->servers;
	while (*p != c)
		p = &(*p)->next;
	*p = c->next;
	unwatch_close(l, c);
	conn_put(l, c);
}

/* Echoes what came; the client closes once it has its echo. */
static void on_server(struct loop *l, struct conn *c)
{
	char buf[MSG_SIZE];
	long n = read_ready(c->fd, buf, sizeof(buf));
	if (n < 0)
		return;
	if (n == 0) {
		server_close(l, c);
		return;
	}
	EXPECT_RET(n, send(c->fd, buf, (size_t) n, MSG_NOSIGNAL));
}

/* Edge-triggered: read until EAGAIN. */
static void on_self(struct loop *l)
{
	char buf[64];
	while (read_ready(l->self.fd, buf, sizeof(buf)) > 0)
		;
}

/* One shot: take the count, then arm it again. */
static void on_wake(struct loop *l)
{
	uint64_t count;
	read_ready(l->wake.fd, &count, sizeof(count));
	struct epoll_event ev = { .events = EPOLLIN | EPOLLONESHOT, .data.ptr = &l->wake };
	EXPECT_RET(0, sys_epoll_ctl(l->ep, EPOLL_CTL_MOD, l->wake.fd, &ev));
}

static void handle(struct loop *l, const struct epoll_event *ev)
{
	struct conn *c = ev->data.ptr;
	switch (c->role) {
	case LISTENER:
		accept_all(l);
		break;
	case STOP:
		l->stopping = true;
		break;
	case WAKE:
		on_wake(l);
		break;
	case SELF:
		on_self(l);
		break;
	case CLIENT:
		on_client(l, c);
		break;
	case SERVER:
		on_server(l, c);
		break;
	}
}

static void loop_start(struct loop *l)
{
	for (size_t i = 0; i < sizeof(l->pool) / sizeof(l->pool[0]); i++)
		conn_put(l, &l->pool[i]);
	l->ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	l->listener = (struct conn) { .role = LISTENER, .fd = LISTENER_FD };
	watch(l, &l->listener, EPOLLIN | EPOLLEXCLUSIVE);
	l->stop = (struct conn) { .role = STOP, .fd = STOP_FD };
	watch(l, &l->stop, EPOLLIN);
	l->wake = (struct conn) { .role = WAKE, .fd = wake_fds[l->index] };
	watch(l, &l->wake, EPOLLIN | EPOLLONESHOT);
	int pair[2];
	EXPECT_RET(0, socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, pair));
	l->self = (struct conn) { .role = SELF, .fd = pair[0] };
	l->self_peer = pair[1];
	watch(l, &l->self, EPOLLIN | EPOLLET);
}

/* Every round of every loop is done: all it still has is closed. */
static void loop_end(struct loop *l)
{
	while (l->servers)
		server_close(l, l->servers);
	unwatch_close(l, &l->self);
	EXPECT_RET(0, close(l->self_peer));
	unwatch_close(l, &l->wake);
	EXPECT_RET(0, sys_epoll_ctl(l->ep, EPOLL_CTL_DEL, LISTENER_FD, NULL));
	EXPECT_RET(0, sys_epoll_ctl(l->ep, EPOLL_CTL_DEL, STOP_FD, NULL));
	EXPECT_RET(0, close(l->ep));
}

static void *loop_run(void *arg)
{
	struct loop *l = arg;
	loop_start(l);
	while (!l->stopping) {
		if (!l->client && l->round < rounds)
			start_round(l);
		/* Only a round whose connect found the backlog full waits with a timeout. */
		int timeout = !l->client && l->round < rounds ? 10 : -1;
		struct epoll_event ev[MAX_EVENTS];
		long n = sys_epoll_wait(l->ep, ev, MAX_EVENTS, timeout);
		if (n < 0) {
			EXPECT_ERRNO(EINTR, n);
			continue;
		}
		for (long i = 0; i < n; i++)
			handle(l, &ev[i]);
	}
	loop_end(l);
	return NULL;
}

/* This process's loops, its children forked while they run, then the wait for all. */
static void run_process(int index)
{
	proc_index = index;
	struct loop loops[NTHREADS];
	for (int i = 0; i < NTHREADS; i++)
		wake_fds[i] = EXPECT_OK(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
	for (int i = 0; i < NTHREADS; i++) {
		loops[i] = (struct loop) { .index = i };
		EXPECT_RET(0, pthread_create(&loops[i].thread, NULL, loop_run, &loops[i]));
	}
	pid_t children[2];
	int nchildren = 0;
	for (int child = 2 * index + 1; child <= 2 * index + 2 && child < NPROCS; child++) {
		pid_t pid = EXPECT_OK(fork());
		if (pid == 0) {
			/* A worker keeps what it serves with: the rest was its parent's loops'. */
			EXPECT_RET(0, syscall(SYS_close_range, (unsigned int) FIRST_OWN_FD, ~0U, 0U));
			run_process(child);
			_exit(0);
		}
		children[nchildren++] = pid;
	}
	for (int i = 0; i < NTHREADS; i++)
		EXPECT_RET(0, pthread_join(loops[i].thread, NULL));
	for (int i = 0; i < nchildren; i++) {
		int status;
		EXPECT_RET(children[i], waitpid(children[i], &status, 0));
		EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
}

int main(int argc, char **argv)
{
	if (argc > 1)
		rounds = atoi(argv[1]);
	EXPECT_TRUE(rounds > 0);
	close_inherited_fds();
	totals = mmap(NULL, sizeof(*totals), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
		      -1, 0);
	EXPECT_TRUE(totals != MAP_FAILED);

	/* An abstract name: nothing to remove, and unique to this run. */
	addr.sun_family = AF_UNIX;
	int len = snprintf(addr.sun_path + 1, sizeof(addr.sun_path) - 1,
			   "epolltrace-storm-%d", (int) getpid());
	addr_len = (socklen_t) (offsetof(struct sockaddr_un, sun_path) + 1 + (size_t) len);
	EXPECT_RET(LISTENER_FD, socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
	EXPECT_RET(0, bind(LISTENER_FD, (struct sockaddr *) &addr, addr_len));
	EXPECT_RET(0, listen(LISTENER_FD, SOMAXCONN));
	EXPECT_RET(STOP_FD, eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));

	run_process(0);
	printf("storm: %d processes, %d loops, %d echoes\n", NPROCS, NLOOPS,
	       __atomic_load_n(&totals->echoes, __ATOMIC_SEQ_CST));
	return 0;
}
