/*
 * Executes another program after an epoll call: "leader" from the only
 * thread, "thread" from a second thread, which takes over the process's
 * pid when the exec succeeds.
 *
 * usage: exec_chain leader|thread PROGRAM ARG
 */
#include <pthread.h>
#include <string.h>

#include "raw_epoll.h"
#include "selfcheck.h"

static char **exec_argv;

static void exec_target(void)
{
	EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	execv(exec_argv[0], exec_argv);
	selfcheck_fail("execv", __LINE__, -1, errno);
}

static void *exec_thread(void *arg)
{
	(void) arg;
	exec_target();
	return NULL;
}

int main(int argc, char *argv[])
{
	EXPECT_TRUE(argc == 4);
	close_inherited_fds();
	exec_argv = argv + 2;
	EXPECT_OK(sys_epoll_create1(0));

	if (strcmp(argv[1], "leader") == 0)
		exec_target();

	EXPECT_TRUE(strcmp(argv[1], "thread") == 0);
	pthread_t thread;
	EXPECT_RET(0, pthread_create(&thread, NULL, exec_thread, NULL));
	/* The exec ends this thread: the join never returns. */
	pthread_join(thread, NULL);
	selfcheck_fail("exec from a thread", __LINE__, 0, 0);
}
