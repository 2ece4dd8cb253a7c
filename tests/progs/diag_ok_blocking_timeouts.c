/*
 * No epolltrace --diagnose warning: an ordinary loop that blocks in its
 * waits.  A periodic timerfd (every 2 ms) is handled 20 times by waits with
 * a 1 s timeout, each read consuming the expirations; then, with the timer
 * removed, 3 waits of 10 ms time out on an idle pipe; the last wait
 * blocks without a timeout (-1) until a helper thread writes the pipe.
 */
#include <pthread.h>
#include <sys/timerfd.h>

#include "diag_loop.h"

#define TICKS 20
#define IDLE_WAITS 3

static void *writer(void *arg)
{
	int fd = *(int *) arg;
	EXPECT_RET(1, write(fd, "w", 1));
	return NULL;
}

int main(void)
{
	int ep = start_instance();
	int p[2];
	EXPECT_RET(0, pipe(p));
	int tfd = EXPECT_OK(timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK));
	struct itimerspec every = {
		.it_interval = { .tv_nsec = 2000000 },
		.it_value = { .tv_nsec = 2000000 },
	};
	EXPECT_RET(0, timerfd_settime(tfd, 0, &every, NULL));
	watch_fd(ep, p[0], EPOLLIN);
	watch_fd(ep, tfd, EPOLLIN);

	for (int i = 0; i < TICKS; i++) {
		expect_one_event(ep, 1000, tfd, EPOLLIN);
		uint64_t expirations;
		EXPECT_RET(sizeof(expirations), read(tfd, &expirations, sizeof(expirations)));
		EXPECT_TRUE(expirations >= 1);
	}
	close_watched(ep, tfd);

	for (int i = 0; i < IDLE_WAITS; i++)
		expect_no_event(ep, 10);

	pthread_t thread;
	EXPECT_RET(0, pthread_create(&thread, NULL, writer, &p[1]));
	expect_one_event(ep, -1, p[0], EPOLLIN);
	EXPECT_RET(0, pthread_join(thread, NULL));
	char c;
	EXPECT_RET(1, read(p[0], &c, 1));

	close_watched_pair(ep, p);
	EXPECT_RET(0, close(ep));
	return 0;
}
