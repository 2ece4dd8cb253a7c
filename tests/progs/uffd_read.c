/*
 * epoll_ctl's event lies in a page that userfaultfd tracks, and the
 * page's handler is a thread of the program that waits for the fault in
 * epoll_wait.  A tracer that reads the event at the call's entry faults
 * on the page and waits for the handler, which stops at its epoll_wait
 * and waits for the tracer: neither ever goes on.  The kernel's own read,
 * once the call runs, is served by the handler, and the call succeeds.
 * Exits 77 when a userfaultfd that handles the kernel's faults cannot be
 * had (vm.unprivileged_userfaultfd=0 without CAP_SYS_PTRACE).
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

#define UNAVAILABLE 77
#define DATA 0x4242u
/* Where in the page the event lies. */
#define EVENT_OFFSET 64

static int uffd;
static long page_size;

/* Serves the one fault: the page, with the event in it. */
static void *handle_fault(void *unused)
{
	(void) unused;
	int ep = EXPECT_OK(epoll_create1(0));
	struct epoll_event ev = { .events = EPOLLIN };
	EXPECT_OK(epoll_ctl(ep, EPOLL_CTL_ADD, uffd, &ev));
	EXPECT_RET(1, epoll_wait(ep, &ev, 1, -1));
	struct uffd_msg msg;
	EXPECT_RET(sizeof(msg), read(uffd, &msg, sizeof(msg)));
	EXPECT_TRUE(msg.event == UFFD_EVENT_PAGEFAULT);

	char *filled = calloc(1, (size_t) page_size);
	EXPECT_TRUE(filled != NULL);
	struct epoll_event event = { .events = EPOLLIN, .data.u64 = DATA };
	memcpy(filled + EVENT_OFFSET, &event, sizeof(event));
	struct uffdio_copy copy = {
		.dst = msg.arg.pagefault.address & ~(uint64_t) (page_size - 1),
		.src = (uintptr_t) filled,
		.len = (uint64_t) page_size,
	};
	EXPECT_OK(ioctl(uffd, UFFDIO_COPY, &copy));
	free(filled);
	EXPECT_OK(close(ep));
	return NULL;
}

int main(void)
{
	uffd = (int) syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	if (uffd < 0) {
		fprintf(stderr, "userfaultfd: %s\n", strerror(errno));
		return UNAVAILABLE;
	}
	struct uffdio_api api = { .api = UFFD_API };
	EXPECT_OK(ioctl(uffd, UFFDIO_API, &api));
	page_size = sysconf(_SC_PAGESIZE);
	char *page = mmap(NULL, (size_t) page_size, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT_TRUE(page != MAP_FAILED);
	struct uffdio_register reg = {
		.range = { .start = (uintptr_t) page, .len = (uint64_t) page_size },
		.mode = UFFDIO_REGISTER_MODE_MISSING,
	};
	EXPECT_OK(ioctl(uffd, UFFDIO_REGISTER, &reg));

	pthread_t handler;
	EXPECT_RET(0, pthread_create(&handler, NULL, handle_fault, NULL));
	int ep = EXPECT_OK(epoll_create1(0));
	int efd = EXPECT_OK(eventfd(1, 0));
	EXPECT_RET(0, epoll_ctl(ep, EPOLL_CTL_ADD, efd, (struct epoll_event *) (page + EVENT_OFFSET)));
	EXPECT_RET(0, pthread_join(handler, NULL));

	/* The kernel took the event the handler wrote. */
	struct epoll_event got;
	EXPECT_RET(1, epoll_wait(ep, &got, 1, 0));
	EXPECT_TRUE(got.data.u64 == DATA);
	return 0;
}
