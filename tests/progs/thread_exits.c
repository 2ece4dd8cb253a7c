/*
 * Threads that end while their process lives on, then the process's
 * exit_group(THREAD_EXITS_STATUS) just after the last join: each thread's
 * exit must be told where it ended, with its own status (0), not late
 * with the status of the process.  The join waits for the kernel to be
 * done with the thread's memory only, not for its exit to be reported,
 * so a tracer that tells exits when it reaps them tells them late.
 */
#include <pthread.h>
#include <stdlib.h>

#include "raw_epoll.h"
#include "selfcheck.h"

#define THREAD_EXITS_STATUS 3
#define ROUNDS 3

static void *one_call(void *arg)
{
	EXPECT_RET(-1, sys_epoll_ctl(-1, EPOLL_CTL_DEL, (int) (intptr_t) arg, NULL));
	return NULL;
}

static void run_thread(int round)
{
	pthread_t thread;
	EXPECT_RET(0, pthread_create(&thread, NULL, one_call, (void *) (intptr_t) round));
	EXPECT_RET(0, pthread_join(thread, NULL));
}

int main(void)
{
	close_inherited_fds();
	for (int round = 0; round < ROUNDS; round++) {
		run_thread(round);
		/* Its line must follow the thread's exit. */
		EXPECT_RET(-1, sys_epoll_ctl(-1, EPOLL_CTL_DEL, 100 + round, NULL));
	}
	/* The process's status now, with the last thread just joined. */
	run_thread(ROUNDS);
	exit(THREAD_EXITS_STATUS);
}
