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
#include <pthread.h>
#include <sys/eventfd.h>

#include "uffd_page.h"

static int uffd;

/* Serves the one fault. */
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
	uffd_page_fill(uffd, msg.arg.pagefault.address);
	EXPECT_OK(close(ep));
	return NULL;
}

int main(void)
{
	char *page = uffd_page_new(&uffd);
	pthread_t handler;
	EXPECT_RET(0, pthread_create(&handler, NULL, handle_fault, NULL));
	int ep = EXPECT_OK(epoll_create1(0));
	int efd = EXPECT_OK(eventfd(1, 0));
	EXPECT_RET(0, epoll_ctl(ep, EPOLL_CTL_ADD, efd, (struct epoll_event *) (page + EVENT_OFFSET)));
	EXPECT_RET(0, pthread_join(handler, NULL));

	/* The kernel took the event the handler wrote. */
	struct epoll_event got;
	EXPECT_RET(1, epoll_wait(ep, &got, 1, 0));
	EXPECT_TRUE(got.data.u64 == UFFD_EVENT_DATA);
	return 0;
}
