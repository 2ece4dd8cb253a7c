/*
 * A child created by clone with CLONE_UNTRACED makes an epoll call.
 * Untraced it succeeds; under epolltrace it must too, although a tracer
 * cannot normally follow such a child and the seccomp filter it inherits
 * would fail the call with ENOSYS.  clone3's cases are clone3_untraced.c's.
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "selfcheck.h"

static void child_makes_an_instance(void)
{
	EXPECT_OK(epoll_create1(0));
	_exit(0);
}

static void await_success(pid_t pid)
{
	int status;
	EXPECT_RET(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void)
{
	/* Fork-like: no new stack, so the raw calls return twice like fork. */
	pid_t pid = EXPECT_OK(syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0));
	if (pid == 0)
		child_makes_an_instance();
	await_success(pid);
	return 0;
}
