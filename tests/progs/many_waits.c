/*
 * Many epoll_wait calls in a tight loop, each with a zero timeout on an
 * empty interest list: faster than any reader of a small ring buffer
 * (backend-bpf.sh's lost records).  argv[1]: how many.
 */
#include <stdlib.h>
#include <sys/epoll.h>

#include "selfcheck.h"

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100000;
	int ep = EXPECT_OK(epoll_create1(0));
	struct epoll_event ev;
	for (long i = 0; i < n; i++)
		EXPECT_RET(0, epoll_wait(ep, &ev, 1, 0));
	return 0;
}
