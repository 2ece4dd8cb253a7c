/*
 * A signal handler interrupts waits, which must fail with EINTR after the
 * handler ran:
 *  - epoll_wait sleeping with no ready descriptor, signalled by a child
 *    once the child sees it asleep in the call (blocked_in.h);
 *  - epoll_pwait and epoll_pwait2 whose mask unblocks a signal already
 *    pending, which interrupts them at once.
 * The child waits for our word before it exits, so its SIGCHLD arrives
 * while we are not in an epoll call and the order of lines is fixed.
 */
#include <signal.h>
#include <sys/wait.h>

#include "blocked_in.h"
#include "raw_epoll.h"
#include "selfcheck.h"

static volatile sig_atomic_t handled;

static void on_usr1(int sig)
{
	(void) sig;
	handled++;
}

static void install_handler(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigemptyset(&sa.sa_mask);
	EXPECT_RET(0, sigaction(SIGUSR1, &sa, NULL));
}

static void interrupt_sleeping_wait(int ep)
{
	int bye[2];
	EXPECT_RET(0, pipe(bye));
	pid_t parent = getpid();
	pid_t pid = EXPECT_OK(fork());
	if (pid == 0) {
		wait_until_sleeping_in(parent, parent, SYS_epoll_wait);
		EXPECT_RET(0, kill(parent, SIGUSR1));
		char c;
		EXPECT_RET(1, read(bye[0], &c, 1));
		_exit(0);
	}
	struct epoll_event out[1];
	EXPECT_ERRNO(EINTR, sys_epoll_wait(ep, out, 1, -1));
	EXPECT_TRUE(handled == 1);

	EXPECT_RET(1, write(bye[1], "x", 1));
	int status;
	EXPECT_RET(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(bye[0]);
	close(bye[1]);
}

static void interrupt_with_pending_signal(int ep)
{
	sigset_t usr1, old;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	EXPECT_RET(0, sigprocmask(SIG_BLOCK, &usr1, &old));
	uint64_t unblock_all = 0;
	struct epoll_event out[1];

	EXPECT_RET(0, raise(SIGUSR1));
	EXPECT_TRUE(handled == 1);
	EXPECT_ERRNO(EINTR, sys_epoll_pwait(ep, out, 1, -1, &unblock_all, KERNEL_SIGSET_SIZE));
	EXPECT_TRUE(handled == 2);

	EXPECT_RET(0, raise(SIGUSR1));
	EXPECT_ERRNO(EINTR, sys_epoll_pwait2(ep, out, 1, NULL, &unblock_all, KERNEL_SIGSET_SIZE));
	EXPECT_TRUE(handled == 3);

	EXPECT_RET(0, sigprocmask(SIG_SETMASK, &old, NULL));
}

int main(void)
{
	close_inherited_fds();
	install_handler();
	int ep = EXPECT_OK(sys_epoll_create1(0));
	interrupt_sleeping_wait(ep);
	interrupt_with_pending_signal(ep);
	return 0;
}
