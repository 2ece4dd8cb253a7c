/*
 * A page that userfaultfd tracks for missing pages, for uffd_read.c and
 * uffd_race.c, and its filling with an epoll_event at EVENT_OFFSET.
 */
#ifndef EPOLLTRACE_TESTS_UFFD_PAGE_H
#define EPOLLTRACE_TESTS_UFFD_PAGE_H

#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "selfcheck.h"

/* The exit status when a userfaultfd that handles the kernel's faults cannot be had. */
#define UFFD_UNAVAILABLE 77
#define UFFD_EVENT_DATA 0x4242u
/* Where in the page the event lies. */
#define EVENT_OFFSET 64

/* A registered page; exits UFFD_UNAVAILABLE without a userfaultfd. */
static inline char *uffd_page_new(int *uffd)
{
	*uffd = (int) syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	if (*uffd < 0) {
		fprintf(stderr, "userfaultfd: %s\n", strerror(errno));
		exit(UFFD_UNAVAILABLE);
	}
	struct uffdio_api api = { .api = UFFD_API };
	EXPECT_OK(ioctl(*uffd, UFFDIO_API, &api));
	size_t size = (size_t) sysconf(_SC_PAGESIZE);
	char *page = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT_TRUE(page != MAP_FAILED);
	struct uffdio_register reg = {
		.range = { .start = (uintptr_t) page, .len = size },
		.mode = UFFDIO_REGISTER_MODE_MISSING,
	};
	EXPECT_OK(ioctl(*uffd, UFFDIO_REGISTER, &reg));
	return page;
}

/*
 * Serves a fault at addr: the page, with the event in it.  Another fault
 * may have filled it meanwhile (EEXIST): its waiters are woken then.
 */
static inline void uffd_page_fill(int uffd, uint64_t addr)
{
	size_t size = (size_t) sysconf(_SC_PAGESIZE);
	char *filled = calloc(1, size);
	EXPECT_TRUE(filled != NULL);
	struct epoll_event event = { .events = EPOLLIN, .data.u64 = UFFD_EVENT_DATA };
	memcpy(filled + EVENT_OFFSET, &event, sizeof(event));
	struct uffdio_copy copy = {
		.dst = addr & ~(uint64_t) (size - 1),
		.src = (uintptr_t) filled,
		.len = size,
	};
	int r;
	while ((r = ioctl(uffd, UFFDIO_COPY, &copy)) < 0 && errno == EAGAIN)
		copy.copy = 0;
	if (r < 0) {
		EXPECT_TRUE(errno == EEXIST);
		struct uffdio_range range = { .start = copy.dst, .len = size };
		EXPECT_OK(ioctl(uffd, UFFDIO_WAKE, &range));
	}
	free(filled);
}

#endif
