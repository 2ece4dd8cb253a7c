/*
 * paced_waits THREADS RATE SECONDS: each of THREADS threads makes RATE
 * epoll_wait calls a second for SECONDS, in bursts every 0.2 ms, and then
 * prints how many calls all of them made, which a loaded CPU can keep
 * below THREADS x RATE x SECONDS.  Each wait, as a busy server's, may
 * block (timeout -1) and returns at once with one event: its thread's
 * own instance holds an eventfd that stays readable.  The generator of loss_rate.py: the rate at which the
 * eBPF backend's reader falls behind.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>

#include "tests/bench/bench_args.h"
#include "tests/progs/selfcheck.h"

#define USAGE "THREADS RATE SECONDS"

static long rate, seconds;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* Behind the schedule it catches up at once; ahead of it, it sleeps. */
static void *waiter(void *arg)
{
	long *made = arg;
	int ep = EXPECT_OK(epoll_create1(EPOLL_CLOEXEC));
	int ready = EXPECT_OK(eventfd(1, EFD_CLOEXEC));
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = ready };
	EXPECT_RET(0, epoll_ctl(ep, EPOLL_CTL_ADD, ready, &ev));
	double start = now_s(), end = start + (double) seconds;
	for (double t = start; t < end; t = now_s()) {
		long due = (long) ((t - start) * (double) rate);
		while (*made < due) {
			EXPECT_RET(1, epoll_wait(ep, &ev, 1, -1));
			++*made;
		}
		struct timespec nap = { 0, 200000 };
		nanosleep(&nap, NULL);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	long nthreads = bench_count(argc, argv, 1, -1, 1, USAGE);
	rate = bench_count(argc, argv, 2, -1, 1, USAGE);
	seconds = bench_count(argc, argv, 3, -1, 1, USAGE);
	pthread_t *threads = calloc((size_t) nthreads, sizeof(*threads));
	long *made = calloc((size_t) nthreads, sizeof(*made));
	EXPECT_TRUE(threads && made);
	for (long i = 0; i < nthreads; i++)
		EXPECT_RET(0, pthread_create(&threads[i], NULL, waiter, &made[i]));
	long total = 0;
	for (long i = 0; i < nthreads; i++) {
		EXPECT_RET(0, pthread_join(threads[i], NULL));
		total += made[i];
	}
	printf("%ld\n", total);
	return 0;
}
