/*
 * The pieces of an event loop that the epolltrace --diagnose programs
 * (diag_*.c) share, each call checked as selfcheck.h does.  A program's
 * bug is in what it does between them; these stay the plain, correct
 * steps around it, so that each program's own code shows only its mistake
 * (or, in diag_ok_*.c, the right way).  Every helper makes its system
 * calls in the order a program would write them inline.
 */
#ifndef EPOLLTRACE_TESTS_DIAG_LOOP_H
#define EPOLLTRACE_TESTS_DIAG_LOOP_H

#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "raw_epoll.h"
#include "selfcheck.h"

/* Fds closed first: the expected epfd and fd numbers do not vary. */
static inline int start_instance(void)
{
	close_inherited_fds();
	return EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
}

/* The data is the fd itself, as most loops register theirs. */
static inline void watch_fd(int ep, int fd, uint32_t events)
{
	struct epoll_event ev = epoll_ev(events, fd);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
}

/* The usual loop: p[0] registered (for events) in a fresh instance. */
static inline int start_pipe_loop(int p[2], uint32_t events)
{
	int ep = start_instance();
	EXPECT_RET(0, pipe(p));
	watch_fd(ep, p[0], events);
	return ep;
}

/* Exactly one event, with the data watch_fd gave it. */
static inline void expect_one_event(int ep, int timeout, int fd, uint32_t events)
{
	struct epoll_event out[4];
	EXPECT_RET(1, sys_epoll_wait(ep, out, 4, timeout));
	EXPECT_TRUE(out[0].events == events && out[0].data.u64 == (uint64_t) fd);
}

static inline void expect_no_event(int ep, int timeout)
{
	struct epoll_event out[4];
	EXPECT_RET(0, sys_epoll_wait(ep, out, 4, timeout));
}

/* A byte on the pipe is what makes its watched read end ready. */
static inline void send_byte(int ep, const int p[2], char byte)
{
	EXPECT_RET(1, write(p[1], &byte, 1));
	expect_one_event(ep, 1000, p[0], EPOLLIN);
}

/* send_byte, then the loop handles the event by consuming the byte. */
static inline void pass_byte(int ep, const int p[2], char byte)
{
	send_byte(ep, p, byte);
	char c;
	EXPECT_RET(1, read(p[0], &c, 1));
}

static inline void close_pair(const int fds[2])
{
	EXPECT_RET(0, close(fds[0]));
	EXPECT_RET(0, close(fds[1]));
}

/* The correct order: DEL while the fd still names the file, then close. */
static inline void close_watched(int ep, int fd)
{
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL));
	EXPECT_RET(0, close(fd));
}

/* A pipe or socket pair whose first fd is watched. */
static inline void close_watched_pair(int ep, const int fds[2])
{
	close_watched(ep, fds[0]);
	EXPECT_RET(0, close(fds[1]));
}

/*
 * Closes fd while a dup keeps its file open, so its registration outlives
 * the number; returns the dup.
 */
static inline int dup_then_close(int fd)
{
	int keep = EXPECT_OK(dup(fd));
	EXPECT_RET(0, close(fd));
	return keep;
}

/*
 * Forks a child that runs body(ep, arg) and exits 0, and waits for it: a
 * failed check in the child fails the parent too.  Returns the child's pid.
 */
static inline pid_t run_child(void (*body)(int ep, int arg), int ep, int arg)
{
	pid_t child = EXPECT_OK(fork());
	if (child == 0) {
		body(ep, arg);
		_exit(0);
	}
	int status;
	EXPECT_RET(child, waitpid(child, &status, 0));
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	return child;
}

/*
 * The line tests/e2e/diagnose-kinds.sh reads to know which warning the
 * trace must hold: fd -1 for the kinds that concern no single fd.
 */
static inline void print_expected_warning(pid_t pid, int epfd, int fd)
{
	printf("expect pid=%d epfd=%d fd=%d\n", (int) pid, epfd, fd);
}

#endif
