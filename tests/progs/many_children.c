/*
 * More processes than a tracer may keep a table of: N children (argv[1]),
 * each making one epoll_create1 and exiting; one after the other, so that
 * every one of them must be traced, the last as the first; or with
 * "together" (argv[2]), all alive at once before any makes its call.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "raw_epoll.h"
#include "selfcheck.h"

static void child(int release_fd)
{
	char byte;
	/* Released when the parent closes its end: read returns 0. */
	while (release_fd >= 0 && read(release_fd, &byte, 1) < 0 && errno == EINTR)
		;
	_exit(sys_epoll_create1(0) >= 0 ? 0 : SELFCHECK_FAILED);
}

/* pid, or any child for -1: it must have exited 0. */
static void reap(pid_t pid)
{
	int status;
	EXPECT_TRUE(waitpid(pid, &status, 0) > 0);
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;
	int together = argc > 2 && strcmp(argv[2], "together") == 0;
	int release[2] = { -1, -1 };
	if (together)
		EXPECT_OK(pipe(release));
	for (int i = 0; i < n; i++) {
		pid_t pid = EXPECT_OK(fork());
		if (pid == 0) {
			if (together)
				close(release[1]);
			child(release[0]);
		}
		if (!together)
			reap(pid);
	}
	if (!together)
		return 0;
	close(release[1]);
	for (int i = 0; i < n; i++)
		reap(-1);
	return 0;
}
