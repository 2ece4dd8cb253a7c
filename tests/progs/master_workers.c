/*
 * A master without an epoll instance, as nginx's: it forks two workers,
 * each looping on an instance of its own (epoll_wait with a 20 ms
 * timeout, again after EINTR), and the second worker forks a helper that loops likewise.
 * Once all three have their instance, it prints
 * "master=M workers=W1,W2 helper=H" and reads stdin; at its end it ends
 * them with SIGTERM, reaps its workers and exits 0.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/wait.h>

#include "raw_epoll.h"
#include "selfcheck.h"

/* A loop that never returns; the byte on ready says it has its instance. */
static _Noreturn void loop(int ready)
{
	int ep = (int) EXPECT_OK(sys_epoll_create1(EPOLL_CLOEXEC));
	EXPECT_RET(1, write(ready, "r", 1));
	for (;;) {
		struct epoll_event ev;
		/* An attach or a detach interrupts the wait: a loop calls it again. */
		if (sys_epoll_wait(ep, &ev, 1, 20) < 0)
			EXPECT_TRUE(errno == EINTR);
	}
}

int main(void)
{
	int ready[2];
	EXPECT_OK(pipe(ready));
	pid_t workers[2], helper_pid[2];
	int helper[2];
	EXPECT_OK(pipe(helper));
	for (int i = 0; i < 2; i++) {
		workers[i] = (pid_t) EXPECT_OK(fork());
		if (workers[i] > 0)
			continue;
		if (i == 1) {
			pid_t h = (pid_t) EXPECT_OK(fork());
			if (h == 0)
				loop(ready[1]);
			EXPECT_RET(sizeof(h), write(helper[1], &h, sizeof(h)));
		}
		loop(ready[1]);
	}
	EXPECT_RET(sizeof(helper_pid[0]), read(helper[0], &helper_pid[0], sizeof(helper_pid[0])));
	char byte;
	for (int i = 0; i < 3; i++)
		EXPECT_RET(1, read(ready[0], &byte, 1));
	printf("master=%d workers=%d,%d helper=%d\n", (int) getpid(), (int) workers[0],
	       (int) workers[1], (int) helper_pid[0]);
	fflush(stdout);
	char line[64];
	while (fgets(line, sizeof(line), stdin))
		;
	EXPECT_RET(0, kill(helper_pid[0], SIGTERM));
	for (int i = 0; i < 2; i++) {
		EXPECT_RET(0, kill(workers[i], SIGTERM));
		EXPECT_RET(workers[i], waitpid(workers[i], NULL, 0));
	}
	return 0;
}
