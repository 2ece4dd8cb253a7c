/*
 * Waits in epoll_wait for a line on stdin, the terminal, as an interactive
 * program does; tests/e2e/job-control.sh stops it with Ctrl-Z in a shell,
 * continues it with "fg" and then types "go".
 *
 * The marker line "waiting pid=PID nr=NR" tells the test which task to
 * watch and the number of the syscall it sleeps in (epoll_wait in this
 * ABI), so the test can wait until it is asleep in the call before it
 * presses Ctrl-Z.  A stop and SIGCONT make a sleeping epoll_wait fail with
 * EINTR even with no handler (signal(7)), so the wait is retried; the
 * number of EINTRs is printed ("interrupted N") for the test to compare
 * with an untraced run.  Exits 0 if the line read is "go", 3 otherwise:
 * the exit status says the input typed after "fg" reached the program.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "raw_epoll.h"
#include "selfcheck.h"

#define STDIN_DATA 0x7474

int main(void)
{
	close_inherited_fds();
	int ep = EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	struct epoll_event ev = epoll_ev(EPOLLIN, STDIN_DATA), out[1];
	EXPECT_RET(0, sys_epoll_ctl(ep, EPOLL_CTL_ADD, STDIN_FILENO, &ev));

	printf("waiting pid=%ld nr=%ld\n", (long) getpid(), (long) SYS_epoll_wait);
	EXPECT_RET(0, fflush(stdout));

	long n;
	int interrupted = 0;
	while ((n = sys_epoll_wait(ep, out, 1, -1)) < 0 && errno == EINTR)
		interrupted++;
	EXPECT_RET(1, n);
	EXPECT_TRUE(out[0].data.u64 == STDIN_DATA && (out[0].events & EPOLLIN));

	char line[64];
	long len = EXPECT_OK(read(STDIN_FILENO, line, sizeof(line) - 1));
	line[len] = '\0';
	line[strcspn(line, "\r\n")] = '\0';
	printf("interrupted %d\n", interrupted);
	EXPECT_RET(0, fflush(stdout));
	close(ep);
	return strcmp(line, "go") == 0 ? 0 : 3;
}
