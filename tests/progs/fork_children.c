/*
 * A multi-threaded process whose children (fork, vfork, clone, and a fork
 * from a second thread) all make epoll calls, and which then exits with
 * FORK_CHILDREN_STATUS: epolltrace must follow every child and hand that
 * status back.  Each child is waited for before the next starts, so the
 * order of lines is fixed.
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* clone */
#endif
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "child_epoll.h"

#define FORK_CHILDREN_STATUS 3
#define CLONE_STACK_SIZE (256 * 1024)

static void expect_child_exited_ok(pid_t pid)
{
	int status;
	EXPECT_RET(pid, waitpid(pid, &status, __WALL));
	EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static int clone_child(void *arg)
{
	epoll_round_trip((uintptr_t) arg);
	return 0;
}

static void run_clone_child(void)
{
	char *stack = malloc(CLONE_STACK_SIZE);
	EXPECT_TRUE(stack != NULL);
	pid_t pid = EXPECT_OK(clone(clone_child, stack + CLONE_STACK_SIZE, SIGCHLD,
				    (void *) (uintptr_t) 0xc10e));
	expect_child_exited_ok(pid);
	free(stack);
}

static void run_fork_child(uint64_t data)
{
	pid_t pid = EXPECT_OK(fork());
	if (pid == 0) {
		epoll_round_trip(data);
		_exit(0);
	}
	expect_child_exited_ok(pid);
}

static void run_vfork_child(void)
{
	pid_t pid = EXPECT_OK(vfork());
	if (pid == 0) {
		/* Only raw syscalls and _exit: the child borrows our memory. */
		struct epoll_event out;
		long ep = sys_epoll_create1(0);
		long n = ep < 0 ? -1 : sys_epoll_wait(ep, &out, 1, 0);
		_exit(ep >= 0 && n == 0 ? 0 : SELFCHECK_FAILED);
	}
	expect_child_exited_ok(pid);
}

/*
 * The second thread makes its own epoll call, then forks when told to:
 * each step waits for the previous one, so the lines come in order.
 */
struct forker {
	int go[2];
	int done[2];
};

static void *forker_thread(void *arg)
{
	struct forker *f = arg;
	/* Only the main thread takes SIGCHLD, so the signal lines are ordered. */
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	EXPECT_RET(0, pthread_sigmask(SIG_BLOCK, &chld, NULL));

	int ep = EXPECT_OK(sys_epoll_create1(0));
	EXPECT_RET(1, write(f->done[1], "r", 1));
	char c;
	EXPECT_RET(1, read(f->go[0], &c, 1));
	run_fork_child(0x7417);
	close(ep);
	EXPECT_RET(1, write(f->done[1], "x", 1));
	return NULL;
}

int main(void)
{
	close_inherited_fds();
	struct forker f;
	EXPECT_RET(0, pipe(f.go));
	EXPECT_RET(0, pipe(f.done));
	pthread_t thread;
	EXPECT_RET(0, pthread_create(&thread, NULL, forker_thread, &f));
	char c;
	EXPECT_RET(1, read(f.done[0], &c, 1));

	run_fork_child(0xf0);
	run_vfork_child();
	run_clone_child();

	EXPECT_RET(1, write(f.go[1], "x", 1));
	EXPECT_RET(1, read(f.done[0], &c, 1));
	EXPECT_RET(0, pthread_join(thread, NULL));

	epoll_round_trip(0x3a1);
	exit(FORK_CHILDREN_STATUS);
}
