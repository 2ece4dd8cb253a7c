/*
 * reg_fds NFDS: registers NFDS ready eventfds in one epoll instance (the
 * tracer's peak memory with a large interest list), then follows the
 * handshake protocol twice: "ready" (a tracer may attach now, and read
 * the whole list for its header), ten full waits, "done" (the runner reads
 * the tracer's peak memory now), then it exits on the next line or EOF.
 */
#include <stdio.h>
#include <sys/epoll.h>

#include "tests/bench/bench_args.h"
#include "tests/bench/handshake.h"
#include "tests/bench/ready_eventfds.h"
#include "tests/progs/selfcheck.h"

#define WAITS 10
#define MAXEVENTS 1024

int main(int argc, char **argv)
{
	long nfds = bench_count(argc, argv, 1, -1, 1, "NFDS");
	int ep = ready_eventfds(nfds);
	handshake_say_and_wait("ready");
	/* Stops the tracer must get through, so that it is past its header. */
	static struct epoll_event evs[MAXEVENTS];
	int want = nfds < MAXEVENTS ? (int) nfds : MAXEVENTS;
	for (int n = 0; n < WAITS; n++)
		EXPECT_RET(want, epoll_wait(ep, evs, MAXEVENTS, 0));
	char line[8];
	EXPECT_TRUE(printf("done\n") > 0 && fflush(stdout) == 0);
	(void) fgets(line, sizeof(line), stdin);
	return 0;
}
