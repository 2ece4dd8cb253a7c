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
#include <sys/eventfd.h>

#include "blocked_in.h"
#include "diag_loop.h"

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

	expect_one_event(h->ep, -1, h->efd, EPOLLIN);
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
	struct herd h;
	h.ep = start_instance();
	h.efd = EXPECT_OK(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
	watch_fd(h.ep, h.efd, EPOLLIN);
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
	close_watched(h.ep, h.efd);
	close_pair(h.tid_pipe);
	EXPECT_RET(0, close(h.ep));
	print_expected_warning(getpid(), h.ep, h.efd);
	return 0;
}
