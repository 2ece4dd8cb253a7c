/*
 * clone3 where clone cannot stand in, with no fallback (argv[1]):
 *   clear-sighand: CLONE_CLEAR_SIGHAND: the child must find SIGUSR1's
 *                  handler reset, then makes an epoll instance;
 *   unreadable:    clone_args at an address nothing is mapped at: the
 *                  kernel fails the call with EFAULT, and a tracer that
 *                  cannot copy them may fail it with ENOSYS instead.
 * In both the program's clone_args must keep what it wrote.
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* clone3 */
#endif
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "selfcheck.h"

static void on_usr1(int sig)
{
	(void) sig;
}

static int clear_sighand(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	EXPECT_RET(0, sigaction(SIGUSR1, &sa, NULL));
	struct clone_args args = {
		.flags = CLONE_CLEAR_SIGHAND,
		.exit_signal = SIGCHLD,
	};
	long pid = EXPECT_OK(syscall(SYS_clone3, &args, sizeof(args)));
	if (pid == 0) {
		struct sigaction now;
		EXPECT_RET(0, sigaction(SIGUSR1, NULL, &now));
		EXPECT_TRUE(now.sa_handler == SIG_DFL);
		EXPECT_OK(epoll_create1(0));
		_exit(0);
	}
	EXPECT_TRUE(args.flags == CLONE_CLEAR_SIGHAND && args.exit_signal == SIGCHLD);
	int status;
	EXPECT_RET(pid, waitpid((pid_t) pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	return 0;
}

static int unreadable(void)
{
	long page = sysconf(_SC_PAGESIZE);
	void *gone = mmap(NULL, (size_t) page, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT_TRUE(gone != MAP_FAILED);
	EXPECT_RET(0, munmap(gone, (size_t) page));
	long r = syscall(SYS_clone3, gone, sizeof(struct clone_args));
	EXPECT_TRUE(r == -1 && (errno == EFAULT || errno == ENOSYS));
	return 0;
}

int main(int argc, char **argv)
{
	EXPECT_TRUE(argc == 2);
	if (strcmp(argv[1], "clear-sighand") == 0)
		return clear_sighand();
	EXPECT_TRUE(strcmp(argv[1], "unreadable") == 0);
	return unreadable();
}
