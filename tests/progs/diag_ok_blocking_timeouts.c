/*
 * No epolltrace --diagnose warning: an ordinary loop that blocks in its
 * waits.  A periodic timerfd (every 2 ms) is handled 20 times by waits with
 * a 1 s timeout, each read consuming the expirations; then, with the timer
 * removed, 3 waits of 10 ms time out on an idle pipe; the last wait
 * blocks without a timeout (-1) until a helper thread writes the pipe.
 */
#include <pthread.h>
#include <stdio.h>
#include <sys/timerfd.h>

#include "raw_epoll.h"
#include "selfcheck.h"

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
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int p[2];
	EXPECT_RET(0, pipe(p));
	int tfd = EXPECT_OK(timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK));
	struct itimerspec every = {
		.it_interval = { .tv_nsec = 2000000 },
		.it_value = { .tv_nsec = 2000000 },
	};
	EXPECT_RET(0, timerfd_settime(tfd, 0, &every, NULL));
	struct epoll_event ev = epoll_ev(EPOLLIN, p[0]), out[4];
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	ev = epoll_ev(EPOLLIN, tfd);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, tfd, &ev));

	for (int i = 0; i < TICKS; i++) {
		EXPECT_RET(1, sys_epoll_wait(ep, out, 4, 1000));
		EXPECT_TRUE(out[0].events == EPOLLIN && out[0].data.u64 == (uint64_t) tfd);
		uint64_t expirations;
		EXPECT_RET(sizeof(expirations), read(tfd, &expirations, sizeof(expirations)));
		EXPECT_TRUE(expirations >= 1);
	}
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, tfd, NULL));
	EXPECT_RET(0, close(tfd));

	for (int i = 0; i < IDLE_WAITS; i++)
		EXPECT_RET(0, sys_epoll_wait(ep, out, 4, 10));

	pthread_t thread;
	EXPECT_RET(0, pthread_create(&thread, NULL, writer, &p[1]));
	EXPECT_RET(1, sys_epoll_wait(ep, out, 4, -1));
	EXPECT_TRUE(out[0].events == EPOLLIN && out[0].data.u64 == (uint64_t) p[0]);
	EXPECT_RET(0, pthread_join(thread, NULL));
	char c;
	EXPECT_RET(1, read(p[0], &c, 1));

	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
	EXPECT_RET(0, close(p[0]));
	EXPECT_RET(0, close(p[1]));
	EXPECT_RET(0, close(ep));
	return 0;
}
