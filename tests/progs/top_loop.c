/*
 * The loop tests/e2e/top-*.sh watch with --top: rates known in advance.
 *
 * The main thread's instance (its epfd printed as "ticks epfd=N") holds a
 * timerfd firing every 50 ms (20 waits, wake-ups and events a second),
 * a pipe nobody writes to, and an eventfd registered EPOLLONESHOT that
 * fires once and is never re-armed.  Each wake-up's tick count is written
 * to the file named by the first argument (the test watches it grow: the
 * loop goes on serving).  A second thread spins on its own instance
 * ("spin epfd=N") with zero timeouts and a short sleep between, so that
 * --diagnose reports a spin-loop.  Runs until killed.
 */
#include <pthread.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <time.h>

#include "raw_epoll.h"
#include "selfcheck.h"

static void *spin(void *arg)
{
	int ep = *(int *) arg;
	struct epoll_event out[4];
	const struct timespec pause = { 0, 200 * 1000 };
	for (;;) {
		sys_epoll_wait(ep, out, 4, 0);
		nanosleep(&pause, NULL);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: top_loop COUNT_FILE\n");
		return 2;
	}
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int tfd = EXPECT_OK(timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK));
	const struct itimerspec every_50ms = { { 0, 50 * 1000 * 1000 }, { 0, 50 * 1000 * 1000 } };
	EXPECT_RET(0, timerfd_settime(tfd, 0, &every_50ms, NULL));
	int p[2];
	EXPECT_RET(0, pipe(p));
	int efd = EXPECT_OK(eventfd(1, EFD_CLOEXEC | EFD_NONBLOCK));
	struct epoll_event ev = epoll_ev(EPOLLIN, (uint64_t) tfd);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, tfd, &ev));
	ev = epoll_ev(EPOLLIN, (uint64_t) p[0]);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	ev = epoll_ev(EPOLLIN | EPOLLONESHOT, (uint64_t) efd);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev));

	int spin_ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	ev = epoll_ev(EPOLLIN, (uint64_t) p[0]);
	EXPECT_RET(0, sys_epoll_ctl(spin_ep, EPOLL_CTL_ADD, p[0], &ev));
	pthread_t spinner;
	EXPECT_RET(0, pthread_create(&spinner, NULL, spin, &spin_ep));

	FILE *count = fopen(argv[1], "w");
	EXPECT_TRUE(count != NULL);
	printf("ticks epfd=%d\nspin epfd=%d\n", ep, spin_ep);
	EXPECT_RET(0, fflush(stdout));
	unsigned long ticks = 0;
	for (;;) {
		struct epoll_event out[8];
		long n = sys_epoll_wait(ep, out, 8, -1);
		for (long i = 0; i < n; i++) {
			uint64_t expirations;
			if (out[i].data.u64 == (uint64_t) tfd &&
			    read(tfd, &expirations, sizeof(expirations)) == sizeof(expirations))
				ticks += expirations;
		}
		rewind(count);
		fprintf(count, "%lu\n", ticks);
		fflush(count);
	}
}
