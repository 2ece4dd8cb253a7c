/*
 * A loop for attach tests: waits in epoll_wait for input on stdin
 * (registered with data = fd, as most loops do) and echoes what it read,
 * so that each line a test writes, and waits to see echoed, is one traced
 * wait.  A line "quit", or EOF, ends it.  With -e every echo is preceded
 * by an epoll_ctl that fails (EEXIST), for the filters of failed calls.
 */
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "selfcheck.h"

int main(int argc, char **argv)
{
	int fail_each = argc > 1 && strcmp(argv[1], "-e") == 0;
	int ep = EXPECT_OK(epoll_create1(EPOLL_CLOEXEC));
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = 0 };
	EXPECT_OK(epoll_ctl(ep, EPOLL_CTL_ADD, 0, &ev));
	printf("ready epfd=%d\n", ep);
	fflush(stdout);
	for (;;) {
		struct epoll_event got;
		/* An attach interrupts the wait: EINTR, and the loop waits again. */
		if (epoll_wait(ep, &got, 1, -1) != 1)
			continue;
		EXPECT_TRUE(got.data.fd == 0);
		char buf[256];
		ssize_t n = read(0, buf, sizeof(buf) - 1);
		if (n <= 0)
			return 0;
		buf[n] = '\0';
		if (strstr(buf, "quit\n"))
			return 0;
		if (fail_each)
			EXPECT_ERRNO(EEXIST, epoll_ctl(ep, EPOLL_CTL_ADD, 0, &ev));
		EXPECT_RET(n, write(1, buf, (size_t) n));
	}
}
