/*
 * epolltrace --diagnose, warning[thundering-herd]: 3 threads sleep in
 * epoll_wait on one instance, where an eventfd is registered
 * level-triggered without EPOLLEXCLUSIVE.  Main makes it readable once;
 * since no thread consumes it before every thread has returned from its
 * wait (a barrier), the one event wakes all three: two of them for
 * nothing.  The main thread writes only once every thread sleeps inside
 * the call (blocked_in.h).  F is the eventfd, P the process.
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* gettid */
#endif
#include <pthread.h>
#include <stdio.h>
#include <sys/eventfd.h>

#include "blocked_in.h"
#include "raw_epoll.h"
#include "selfcheck.h"

#define WAITERS 3

struct herd {
	int ep;
	int efd;
	int tid_pipe[2];
	pthread_barrier_t woken;
};

static void *waiter(void *arg)
{
	struct herd *h = arg;
	pid_t tid = gettid();
	EXPECT_RET(sizeof(tid), write(h->tid_pipe[1], &tid, sizeof(tid)));

	struct epoll_event out[4];
	EXPECT_RET(1, sys_epoll_wait(h->ep, out, 4, -1));
	EXPECT_TRUE(out[0].events == EPOLLIN && out[0].data.u64 == (uint64_t) h->efd);
	/* Every thread got the event; one of them handles it. */
	int r = pthread_barrier_wait(&h->woken);
	EXPECT_TRUE(r == 0 || r == PTHREAD_BARRIER_SERIAL_THREAD);
	if (r == PTHREAD_BARRIER_SERIAL_THREAD) {
		uint64_t count;
		EXPECT_RET(sizeof(count), read(h->efd, &count, sizeof(count)));
		EXPECT_TRUE(count == 1);
	}
	return NULL;
}

int main(void)
{
	close_inherited_fds();
	struct herd h;
	h.ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	h.efd = EXPECT_OK(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
	struct epoll_event ev = epoll_ev(EPOLLIN, h.efd);
	EXPECT_RET(0, sys_epoll_ctl(h.ep, EPOLL_CTL_ADD, h.efd, &ev));
	EXPECT_RET(0, pipe(h.tid_pipe));
	EXPECT_RET(0, pthread_barrier_init(&h.woken, NULL, WAITERS));

	pthread_t threads[WAITERS];
	pid_t tids[WAITERS];
	for (int i = 0; i < WAITERS; i++) {
		EXPECT_RET(0, pthread_create(&threads[i], NULL, waiter, &h));
		EXPECT_RET(sizeof(tids[i]), read(h.tid_pipe[0], &tids[i], sizeof(tids[i])));
	}
	for (int i = 0; i < WAITERS; i++)
		wait_until_sleeping_in(getpid(), tids[i], SYS_epoll_wait);

	uint64_t one = 1;
	EXPECT_RET(sizeof(one), write(h.efd, &one, sizeof(one)));
	for (int i = 0; i < WAITERS; i++)
		EXPECT_RET(0, pthread_join(threads[i], NULL));

	EXPECT_RET(0, pthread_barrier_destroy(&h.woken));
	EXPECT_RET(0, sys_epoll_ctl(h.ep, EPOLL_CTL_DEL, h.efd, NULL));
	EXPECT_RET(0, close(h.efd));
	EXPECT_RET(0, close(h.tid_pipe[0]));
	EXPECT_RET(0, close(h.tid_pipe[1]));
	EXPECT_RET(0, close(h.ep));
	printf("expect pid=%d epfd=%d fd=%d\n", (int) getpid(), h.ep, h.efd);
	return 0;
}
