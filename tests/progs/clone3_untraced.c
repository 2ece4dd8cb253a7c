/*
 * clone3 with CLONE_UNTRACED in the ways that a tracer rewriting the
 * flags in memory gets wrong (argv[1]):
 *   readonly: clone_args in a read-only shared mapping, which the tracer
 *             cannot write either;
 *   kept:     the program's clone_args must hold the same flags after the
 *             call;
 *   race:     a thread sets the flag again and again while 200 children
 *             are made;
 *   later:    as kept, once a line is read from stdin (for -p).
 * clone3 must succeed, with no fallback.  Each child makes an epoll
 * instance and exits with 38 (ENOSYS) when the call fails so; the program
 * prints how many children did and fails if any did.
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE /* clone3, memfd_create */
#endif
#include <linux/sched.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "selfcheck.h"

#define CHILD_SAW_ENOSYS 38
#define RACE_CHILDREN 200

/* Makes a child (fork-like) that makes an instance; true when the child saw ENOSYS. */
static bool child_saw_enosys(struct clone_args *args)
{
	long pid = EXPECT_OK(syscall(SYS_clone3, args, sizeof(*args)));
	if (pid == 0) {
		if (epoll_create1(0) >= 0)
			_exit(0);
		_exit(errno == ENOSYS ? CHILD_SAW_ENOSYS : SELFCHECK_FAILED);
	}
	int status;
	EXPECT_RET(pid, waitpid((pid_t) pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_TRUE(WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == CHILD_SAW_ENOSYS);
	return WEXITSTATUS(status) == CHILD_SAW_ENOSYS;
}

static const struct clone_args untraced = {
	.flags = CLONE_UNTRACED,
	.exit_signal = SIGCHLD,
};

static int readonly_args(void)
{
	int fd = EXPECT_OK(memfd_create("clone_args", MFD_CLOEXEC));
	EXPECT_OK(write(fd, &untraced, sizeof(untraced)));
	struct clone_args *args = mmap(NULL, sizeof(*args), PROT_READ, MAP_SHARED, fd, 0);
	EXPECT_TRUE(args != MAP_FAILED);
	int saw = child_saw_enosys(args);
	EXPECT_TRUE(args->flags == CLONE_UNTRACED && args->exit_signal == SIGCHLD);
	return saw;
}

static int flags_kept(void)
{
	struct clone_args args = untraced;
	int saw = child_saw_enosys(&args);
	EXPECT_TRUE(args.flags == CLONE_UNTRACED && args.exit_signal == SIGCHLD);
	return saw;
}

static struct clone_args shared_args;
static volatile bool racing = true;

static void *set_flag_again(void *unused)
{
	(void) unused;
	while (racing)
		__atomic_store_n(&shared_args.flags, (uint64_t) CLONE_UNTRACED, __ATOMIC_RELAXED);
	return NULL;
}

static int racing_thread(void)
{
	shared_args = untraced;
	pthread_t thread;
	EXPECT_RET(0, pthread_create(&thread, NULL, set_flag_again, NULL));
	int saw = 0;
	for (int i = 0; i < RACE_CHILDREN; i++)
		saw += child_saw_enosys(&shared_args);
	racing = false;
	EXPECT_RET(0, pthread_join(thread, NULL));
	EXPECT_TRUE(shared_args.flags == CLONE_UNTRACED && shared_args.exit_signal == SIGCHLD);
	return saw;
}

int main(int argc, char **argv)
{
	EXPECT_TRUE(argc == 2);
	int saw, of = 1;
	if (strcmp(argv[1], "readonly") == 0) {
		saw = readonly_args();
	} else if (strcmp(argv[1], "kept") == 0) {
		saw = flags_kept();
	} else if (strcmp(argv[1], "later") == 0) {
		printf("ready\n");
		fflush(stdout);
		char line[16];
		EXPECT_TRUE(fgets(line, sizeof(line), stdin) != NULL);
		saw = flags_kept();
	} else {
		EXPECT_TRUE(strcmp(argv[1], "race") == 0);
		saw = racing_thread();
		of = RACE_CHILDREN;
	}
	fprintf(stderr, "clone3_untraced %s: %d of %d children saw ENOSYS\n", argv[1], saw, of);
	return saw ? 1 : 0;
}
