/*
 * No epolltrace --diagnose warning: EPOLLEXCLUSIVE used as meant.  One
 * eventfd is registered with EPOLLIN|EPOLLEXCLUSIVE in 3 instances, one
 * waiting thread per instance.  Once all 3 sleep in epoll_wait
 * (blocked_in.h), main signals the eventfd 3 times, each time after the
 * previous event was consumed: each signal wakes one thread, which takes
 * the count and exits.  A thread woken with nothing to take waits again.
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* gettid */
#endif
#include <pthread.h>
#include <sys/eventfd.h>

#include "blocked_in.h"
#include "diag_loop.h"

#define WAITERS 3

struct shared {
	int efd;
	int tid_pipe[2];
	int done_pipe[2];
};

struct worker {
	struct shared *s;
	int ep;
	pthread_t thread;
	pid_t tid;
};

static void *worker(void *arg)
{
	struct worker *w = arg;
	struct shared *s = w->s;
	pid_t tid = gettid();
	EXPECT_RET(sizeof(tid), write(s->tid_pipe[1], &tid, sizeof(tid)));

	for (;;) {
		expect_one_event(w->ep, -1, s->efd, EPOLLIN);
		uint64_t count;
		long n = read(s->efd, &count, sizeof(count));
		if (n < 0) {
			EXPECT_ERRNO(EAGAIN, n);
			continue;
		}
		EXPECT_RET(sizeof(count), n);
		EXPECT_TRUE(count == 1);
		break;
	}
	EXPECT_RET(1, write(s->done_pipe[1], "d", 1));
	return NULL;
}

int main(void)
{
	close_inherited_fds();
	struct shared s;
	s.efd = EXPECT_OK(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
	EXPECT_RET(0, pipe(s.tid_pipe));
	EXPECT_RET(0, pipe(s.done_pipe));

	struct worker w[WAITERS];
	for (int i = 0; i < WAITERS; i++) {
		w[i].s = &s;
		w[i].ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
		watch_fd(w[i].ep, s.efd, EPOLLIN | EPOLLEXCLUSIVE);
	}
	for (int i = 0; i < WAITERS; i++) {
		EXPECT_RET(0, pthread_create(&w[i].thread, NULL, worker, &w[i]));
		EXPECT_RET(sizeof(w[i].tid), read(s.tid_pipe[0], &w[i].tid, sizeof(w[i].tid)));
	}
	for (int i = 0; i < WAITERS; i++)
		wait_until_sleeping_in(getpid(), w[i].tid, SYS_epoll_wait);

	for (int i = 0; i < WAITERS; i++) {
		uint64_t one = 1;
		char c;
		EXPECT_RET(sizeof(one), write(s.efd, &one, sizeof(one)));
		EXPECT_RET(1, read(s.done_pipe[0], &c, 1));
	}
	for (int i = 0; i < WAITERS; i++) {
		EXPECT_RET(0, pthread_join(w[i].thread, NULL));
		EXPECT_RET(0, sys_epoll_ctl(w[i].ep, EPOLL_CTL_DEL, s.efd, NULL));
		EXPECT_RET(0, close(w[i].ep));
	}
	EXPECT_RET(0, close(s.efd));
	close_pair(s.tid_pipe);
	close_pair(s.done_pipe);
	return 0;
}
