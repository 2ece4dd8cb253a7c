/*
 * A child stops itself with SIGSTOP and then with SIGTSTP (what Ctrl-Z
 * sends); each time we see it stopped, continue it with SIGCONT, and it
 * goes on with epoll calls.  Traced, the child must stop and continue just
 * as it does untraced: our waitpid must report both, and nothing may be
 * left stopped (the test's timeout would fire).
 */
#include <signal.h>
#include <sys/wait.h>

#include "child_epoll.h"

static const int stop_signals[] = { SIGSTOP, SIGTSTP };
#define NSTOPS (sizeof(stop_signals) / sizeof(stop_signals[0]))

static void child(int running_fd, int go_fd)
{
	for (size_t i = 0; i < NSTOPS; i++) {
		EXPECT_RET(0, raise(stop_signals[i]));
		/* Running again: let the parent see that before more epoll calls. */
		EXPECT_RET(1, write(running_fd, "r", 1));
		char c;
		EXPECT_RET(1, read(go_fd, &c, 1));
		epoll_round_trip(0x5700 + i);
	}
	_exit(0);
}

int main(void)
{
	close_inherited_fds();
	int running[2], go[2];
	EXPECT_RET(0, pipe(running));
	EXPECT_RET(0, pipe(go));
	pid_t pid = EXPECT_OK(fork());
	if (pid == 0)
		child(running[1], go[0]);

	int status;
	for (size_t i = 0; i < NSTOPS; i++) {
		EXPECT_RET(pid, waitpid(pid, &status, WUNTRACED));
		EXPECT_TRUE(WIFSTOPPED(status) && WSTOPSIG(status) == stop_signals[i]);
		EXPECT_RET(0, kill(pid, SIGCONT));
		EXPECT_RET(pid, waitpid(pid, &status, WCONTINUED));
		EXPECT_TRUE(WIFCONTINUED(status));
		char c;
		EXPECT_RET(1, read(running[0], &c, 1));
		EXPECT_RET(1, write(go[1], "g", 1));
	}
	EXPECT_RET(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	epoll_round_trip(0x5701);
	return 0;
}
