/*
 * As uffd_read.c, but a thread drops the page again and again
 * (MADV_DONTNEED) while the main thread makes epoll_ctl calls with the
 * event in it, so that a tracer can find the page filled when it looks
 * and missing when it reads.  The handler serves every fault.  A call
 * that takes half a second or more counts as a stall of the tracer; the
 * calls stop after MAX_STALLS of them, to keep the run short, and the
 * program prints how many there were.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <sys/eventfd.h>
#include <time.h>

#include "uffd_page.h"

#define CALLS 300
#define MAX_STALLS 3
#define STALL_NS 500000000LL

static int uffd;
static int stop_fd;
static char *page;
static atomic_bool dropping = true;

/* Serves faults until stop_fd is written. */
static void *handle_faults(void *unused)
{
	(void) unused;
	int ep = EXPECT_OK(epoll_create1(0));
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = uffd };
	EXPECT_OK(epoll_ctl(ep, EPOLL_CTL_ADD, uffd, &ev));
	ev.data.fd = stop_fd;
	EXPECT_OK(epoll_ctl(ep, EPOLL_CTL_ADD, stop_fd, &ev));
	for (;;) {
		EXPECT_OK(epoll_wait(ep, &ev, 1, -1));
		if (ev.data.fd == stop_fd)
			break;
		struct uffd_msg msg;
		while (read(uffd, &msg, sizeof(msg)) == (ssize_t) sizeof(msg))
			if (msg.event == UFFD_EVENT_PAGEFAULT)
				uffd_page_fill(uffd, msg.arg.pagefault.address);
		EXPECT_TRUE(errno == EAGAIN);
	}
	EXPECT_OK(close(ep));
	return NULL;
}

/* Drops the page about every millisecond. */
static void *drop_page(void *unused)
{
	(void) unused;
	struct timespec pause = { 0, 1000000 };
	while (atomic_load(&dropping)) {
		EXPECT_OK(madvise(page, (size_t) sysconf(_SC_PAGESIZE), MADV_DONTNEED));
		nanosleep(&pause, NULL);
	}
	return NULL;
}

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void)
{
	page = uffd_page_new(&uffd);
	stop_fd = EXPECT_OK(eventfd(0, 0));
	pthread_t handler, dropper;
	EXPECT_RET(0, pthread_create(&handler, NULL, handle_faults, NULL));
	EXPECT_RET(0, pthread_create(&dropper, NULL, drop_page, NULL));

	int ep = EXPECT_OK(epoll_create1(0));
	int efd = EXPECT_OK(eventfd(1, 0));
	struct epoll_event *event = (struct epoll_event *) (page + EVENT_OFFSET);
	EXPECT_RET(0, epoll_ctl(ep, EPOLL_CTL_ADD, efd, event));
	int calls = 0, stalls = 0;
	while (calls < CALLS && stalls < MAX_STALLS) {
		long long before = now_ns();
		EXPECT_RET(0, epoll_ctl(ep, EPOLL_CTL_MOD, efd, event));
		stalls += now_ns() - before >= STALL_NS;
		calls++;
	}

	atomic_store(&dropping, false);
	EXPECT_RET(0, pthread_join(dropper, NULL));
	EXPECT_OK(eventfd_write(stop_fd, 1));
	EXPECT_RET(0, pthread_join(handler, NULL));
	struct epoll_event got;
	EXPECT_RET(1, epoll_wait(ep, &got, 1, 0));
	EXPECT_TRUE(got.data.u64 == UFFD_EVENT_DATA);
	fprintf(stderr, "uffd_race: %d calls, %d stalls\n", calls, stalls);
	return 0;
}
