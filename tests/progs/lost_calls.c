/*
 * Changes its interest list while epolltrace --backend=bpf cannot read
 * (model-lost-calls.sh stops it), so that the records of those calls are
 * lost.  Registers pipe read ends A and B (EPOLLIN) and an eventfd E
 * (EPOLLIN|EPOLLONESHOT), fires E once and reaps it from a wait (E is
 * disarmed), then pauses:
 *   pause 1 pid=P epfd=EP a=A b=B c=C e=E
 * After that line it floods the ring with changes of B (no wait: E is
 * not left disarmed through any wait), re-arms E, deletes A, adds C,
 * changes B to EPOLLIN|EPOLLRDHUP and pauses (pause 2 ...).  Last, argv[1]
 * empty waits (300 by default), in which a model that missed the re-arm
 * would call E not re-armed, and it exits 0.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "selfcheck.h"

/* Far more records than the test's ring buffer holds. */
#define FLOOD 5000

static void pause_for_test(int n, int ep, const int *fds)
{
	printf("pause %d pid=%d epfd=%d a=%d b=%d c=%d e=%d\n", n, (int) getpid(), ep, fds[0],
	       fds[1], fds[2], fds[3]);
	fflush(stdout);
	char ch;
	do
		EXPECT_RET(1, read(0, &ch, 1));
	while (ch != '\n');
}

static void ctl(int ep, int op, int fd, uint32_t events)
{
	struct epoll_event ev = { .events = events, .data.u64 = 0x10000u + (unsigned int) fd };
	EXPECT_RET(0, epoll_ctl(ep, op, fd, &ev));
}

static void empty_waits(int ep, long n)
{
	struct epoll_event ev[4];
	for (long i = 0; i < n; i++)
		EXPECT_RET(0, epoll_wait(ep, ev, 4, 0));
}

int main(int argc, char **argv)
{
	long last = argc > 1 ? atol(argv[1]) : 300;
	int ep = EXPECT_OK(epoll_create1(0));
	int fds[4], p[2];
	for (int i = 0; i < 3; i++) {
		EXPECT_RET(0, pipe(p));
		fds[i] = p[0];
	}
	fds[3] = EXPECT_OK(eventfd(0, EFD_NONBLOCK));
	ctl(ep, EPOLL_CTL_ADD, fds[0], EPOLLIN);
	ctl(ep, EPOLL_CTL_ADD, fds[1], EPOLLIN);
	ctl(ep, EPOLL_CTL_ADD, fds[3], EPOLLIN | EPOLLONESHOT);
	uint64_t one = 1;
	EXPECT_RET(sizeof(one), write(fds[3], &one, sizeof(one)));
	struct epoll_event ev[4];
	EXPECT_RET(1, epoll_wait(ep, ev, 4, 0));
	EXPECT_TRUE(ev[0].data.u64 == 0x10000u + (unsigned int) fds[3]);
	EXPECT_RET(sizeof(one), read(fds[3], &one, sizeof(one)));
	pause_for_test(1, ep, fds);

	for (int i = 0; i < FLOOD; i++)
		ctl(ep, EPOLL_CTL_MOD, fds[1], i % 2 ? EPOLLIN : EPOLLIN | EPOLLOUT);
	ctl(ep, EPOLL_CTL_MOD, fds[3], EPOLLIN | EPOLLONESHOT);
	ctl(ep, EPOLL_CTL_DEL, fds[0], 0);
	ctl(ep, EPOLL_CTL_ADD, fds[2], EPOLLIN);
	ctl(ep, EPOLL_CTL_MOD, fds[1], EPOLLIN | EPOLLRDHUP);
	pause_for_test(2, ep, fds);

	empty_waits(ep, last);
	return 0;
}
