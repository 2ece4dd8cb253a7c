/*
 * A loop that works between its waits: five waits on a pipe, each woken
 * by a byte, and after each of the first four the loop sleeps 20 ms, its
 * "work", before it waits again.  So -c counts four loop iterations of
 * this thread, each at least 20 ms long.  Prints "pid=P".
 */
#include <stdio.h>
#include <time.h>

#include "diag_loop.h"

#define WAITS 5

int main(void)
{
	int p[2];
	int ep = start_pipe_loop(p, EPOLLIN);
	printf("pid=%d\n", (int) getpid());
	fflush(stdout);
	for (int i = 0; i < WAITS; i++) {
		pass_byte(ep, p, 'w');
		if (i + 1 < WAITS) {
			struct timespec work = { 0, 20 * 1000 * 1000 };
			EXPECT_RET(0, nanosleep(&work, NULL));
		}
	}
	close_watched_pair(ep, p);
	EXPECT_RET(0, close(ep));
	return 0;
}
