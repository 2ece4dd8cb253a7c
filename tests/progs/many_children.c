/*
 * More processes than a tracer may keep a table of: N children (argv[1]),
 * one after the other, each making one epoll_create1 and exiting.  Every
 * one of them must be traced, the last as the first.
 */
#include <stdlib.h>
#include <sys/wait.h>

#include "raw_epoll.h"
#include "selfcheck.h"

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1;
	for (int i = 0; i < n; i++) {
		pid_t pid = EXPECT_OK(fork());
		if (pid == 0)
			_exit(sys_epoll_create1(0) >= 0 ? 0 : SELFCHECK_FAILED);
		int status;
		EXPECT_RET(pid, waitpid(pid, &status, 0));
		EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	return 0;
}
