/*
 * One thread sleeps in each wait call while the other registers a pipe and
 * writes to it, which wakes the sleeper: a tracer must print the sleeper's
 * call as "<unfinished ...>" and later "<... resumed>".  The main thread
 * acts only once the waiter sleeps inside the call (see blocked_in.h), so
 * the order of lines is fixed.
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* gettid */
#endif
#include <pthread.h>

#include "blocked_in.h"
#include "raw_epoll.h"
#include "selfcheck.h"

enum wait_kind { WAIT, PWAIT, PWAIT2, NKINDS };

struct shared {
	int ep;
	int pipes[NKINDS][2];
	int tid_pipe[2];
};

static const long wait_nr[NKINDS] = {
	[WAIT] = SYS_epoll_wait, [PWAIT] = SYS_epoll_pwait, [PWAIT2] = SYS_epoll_pwait2,
};

static uint64_t data_of(enum wait_kind k)
{
	return 0xabcdef + k;
}

static void *waiter(void *arg)
{
	struct shared *s = arg;
	pid_t tid = gettid();
	EXPECT_RET(sizeof(tid), write(s->tid_pipe[1], &tid, sizeof(tid)));

	uint64_t mask = SIGBIT(SIGHUP) | SIGBIT(SIGUSR1);
	for (int k = 0; k < NKINDS; k++) {
		struct epoll_event out[4];
		long n = -1;
		switch (k) {
		case WAIT:
			n = sys_epoll_wait(s->ep, out, 4, -1);
			break;
		case PWAIT:
			n = sys_epoll_pwait(s->ep, out, 4, -1, &mask, KERNEL_SIGSET_SIZE);
			break;
		case PWAIT2:
			n = sys_epoll_pwait2(s->ep, out, 4, NULL, NULL, 0);
			break;
		}
		EXPECT_RET(1, n);
		EXPECT_TRUE(out[0].data.u64 == data_of(k));
		/* Quiet the descriptor again before the next round. */
		EXPECT_RET(0, sys_epoll_ctl(s->ep, EPOLL_CTL_DEL, s->pipes[k][0], NULL));
	}
	return NULL;
}

int main(void)
{
	close_inherited_fds();
	struct shared s;
	s.ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	for (int k = 0; k < NKINDS; k++)
		EXPECT_RET(0, pipe(s.pipes[k]));
	EXPECT_RET(0, pipe(s.tid_pipe));

	pthread_t thread;
	EXPECT_RET(0, pthread_create(&thread, NULL, waiter, &s));
	pid_t tid;
	EXPECT_RET(sizeof(tid), read(s.tid_pipe[0], &tid, sizeof(tid)));

	for (int k = 0; k < NKINDS; k++) {
		wait_until_sleeping_in(getpid(), tid, wait_nr[k]);
		struct epoll_event ev = epoll_ev(EPOLLIN, data_of(k));
		EXPECT_RET(0, sys_epoll_ctl(s.ep, EPOLL_CTL_ADD, s.pipes[k][0], &ev));
		EXPECT_RET(1, write(s.pipes[k][1], "x", 1));
	}
	EXPECT_RET(0, pthread_join(thread, NULL));
	return 0;
}
