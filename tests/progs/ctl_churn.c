/*
 * Four threads that change one epoll instance's interest list without
 * pause, each adding its own eventfds and deleting them again, so that a
 * detach catches them at any point of a call.  Prints "ready" once they
 * run and reads stdin; at its end they stop, and it exits 0.  Each call
 * must succeed: a tracer that changed one makes it exit 99.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

#include "raw_epoll.h"
#include "selfcheck.h"

#define THREADS 4
#define FDS_EACH 8

static int ep;
static atomic_bool stop;

static void *churn(void *arg)
{
	(void) arg;
	int fds[FDS_EACH];
	for (int i = 0; i < FDS_EACH; i++)
		fds[i] = (int) EXPECT_OK(eventfd(0, EFD_CLOEXEC));
	while (!atomic_load(&stop)) {
		for (int i = 0; i < FDS_EACH; i++) {
			struct epoll_event ev = { .events = EPOLLIN, .data.u64 = (uint64_t) fds[i] };
			EXPECT_OK(sys_epoll_ctl(ep, EPOLL_CTL_ADD, fds[i], &ev));
		}
		for (int i = 0; i < FDS_EACH; i++)
			EXPECT_OK(sys_epoll_ctl(ep, EPOLL_CTL_DEL, fds[i], NULL));
	}
	for (int i = 0; i < FDS_EACH; i++)
		close(fds[i]);
	return NULL;
}

int main(void)
{
	ep = (int) EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	pthread_t threads[THREADS];
	for (int i = 0; i < THREADS; i++)
		EXPECT_RET(0, pthread_create(&threads[i], NULL, churn, NULL));
	puts("ready");
	fflush(stdout);
	char line[64];
	while (fgets(line, sizeof(line), stdin))
		;
	atomic_store(&stop, true);
	for (int i = 0; i < THREADS; i++)
		EXPECT_RET(0, pthread_join(threads[i], NULL));
	return 0;
}
