/*
 * A forking loop, for --top's freeze key (tests/e2e/top-freeze.sh): a
 * process whose epoll loop, woken every 20 ms by a timerfd, forks at each
 * wake-up a child that makes one epoll wait of its own and exits; and
 * which, at its first wake-up under a tracer (TracerPid in its status),
 * forks a lasting child that runs the same loop without forking, so that
 * the child is traced from its birth.  Each loop writes its count of
 * wake-ups to a file: COUNT_FILE for the first process, COUNT_FILE.child
 * for its lasting child; the test watches them grow.  SIGCHLD is ignored,
 * so the kernel reaps the children and a stopped parent leaves no zombie.
 * Prints the lasting child's pid, as "child pid=N".  Runs until killed.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/timerfd.h>

#include "raw_epoll.h"
#include "selfcheck.h"

/* A short life: one wait on an instance of its own. */
static void brief_child(void)
{
	struct epoll_event out;
	long ep = sys_epoll_create1(EPOLL_CLOEXEC);
	if (ep >= 0)
		sys_epoll_wait((int) ep, &out, 1, 1);
	_exit(0);
}

static bool traced(void)
{
	char line[256];
	bool yes = false;
	FILE *status = fopen("/proc/self/status", "re");
	while (status && fgets(line, sizeof(line), status))
		if (strncmp(line, "TracerPid:", 10) == 0)
			yes = strtol(line + 10, NULL, 10) != 0;
	if (status)
		fclose(status);
	return yes;
}

/*
 * The loop, writing its wake-ups to count_path; given child_path, it
 * forks, and returns in the lasting child it forked.
 */
static void ticking_loop(const char *count_path, const char *child_path)
{
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	int tfd = EXPECT_OK(timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK));
	const struct itimerspec every_20ms = { { 0, 20 * 1000 * 1000 }, { 0, 20 * 1000 * 1000 } };
	EXPECT_RET(0, timerfd_settime(tfd, 0, &every_20ms, NULL));
	struct epoll_event ev = epoll_ev(EPOLLIN, (uint64_t) tfd);
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, tfd, &ev));
	FILE *count = fopen(count_path, "w");
	EXPECT_TRUE(count != NULL);
	unsigned long ticks = 0;
	for (;;) {
		struct epoll_event out[4];
		uint64_t expirations;
		if (sys_epoll_wait(ep, out, 4, -1) > 0 &&
		    read(tfd, &expirations, sizeof(expirations)) == sizeof(expirations))
			ticks += expirations;
		rewind(count);
		fprintf(count, "%lu\n", ticks);
		fflush(count);
		/* The first process only (the child is given no path of its own). */
		if (!child_path)
			continue;
		if (fork() == 0)
			brief_child();
		if (*child_path && traced()) {
			pid_t child = EXPECT_OK(fork());
			if (child == 0) {
				fclose(count);
				close(ep);
				close(tfd);
				return;
			}
			printf("child pid=%d\n", (int) child);
			EXPECT_RET(0, fflush(stdout));
			child_path = "";
		}
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: top_fork_loop COUNT_FILE\n");
		return 2;
	}
	signal(SIGCHLD, SIG_IGN);
	char child_path[4096];
	snprintf(child_path, sizeof(child_path), "%s.child", argv[1]);
	ticking_loop(argv[1], child_path);
	ticking_loop(child_path, NULL);
	return 0;
}
