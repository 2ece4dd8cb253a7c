/*
 * Ends the way argv asks, after one epoll call, so the test can check what
 * epolltrace prints last and which status the shell gets from it:
 *   exit_status exit N     exit(N)
 *   exit_status signal N   killed by signal N, sent to itself
 *   exit_status segv       a NULL dereference
 *   exit_status threads N  exit_group(N) while a second thread is in epoll_wait
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* gettid */
#endif
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "blocked_in.h"
#include "raw_epoll.h"
#include "selfcheck.h"

static int ep;

static void *sleeping_waiter(void *tid_out)
{
	*(volatile pid_t *) tid_out = gettid();
	struct epoll_event out[1];
	sys_epoll_wait(ep, out, 1, -1);
	return NULL;
}

static void exit_beside_sleeping_thread(int status)
{
	volatile pid_t tid = 0;
	pthread_t thread;
	EXPECT_RET(0, pthread_create(&thread, NULL, sleeping_waiter, (void *) &tid));
	while (tid == 0)
		sched_yield();
	wait_until_sleeping_in(getpid(), tid, SYS_epoll_wait);
	exit(status);
}

int main(int argc, char *argv[])
{
	EXPECT_TRUE(argc >= 2);
	close_inherited_fds();
	ep = EXPECT_OK(sys_epoll_create1(0));
	int arg = argc > 2 ? atoi(argv[2]) : 0;

	if (strcmp(argv[1], "exit") == 0)
		exit(arg);
	if (strcmp(argv[1], "signal") == 0) {
		EXPECT_RET(0, kill(getpid(), arg));
		/* A caught or ignored signal would get us here. */
		selfcheck_fail("kill(self)", __LINE__, 0, 0);
	}
	if (strcmp(argv[1], "segv") == 0) {
		*(volatile int *) NULL = 1;
		selfcheck_fail("NULL dereference", __LINE__, 0, 0);
	}
	if (strcmp(argv[1], "threads") == 0)
		exit_beside_sleeping_thread(arg);
	selfcheck_fail(argv[1], __LINE__, 0, 0);
}
