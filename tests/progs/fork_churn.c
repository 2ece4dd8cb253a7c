/*
 * A parent whose children come and go without pause, for --children
 * (tests/e2e/children-vanish.sh): it keeps 16 alive, each living up to
 * 3 ms, and reaps the ended ones every millisecond, so that some are
 * zombies for a while.  Prints "ready" once the first are born; at the
 * end of stdin it reaps them all and exits 0.
 */
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>

#include "selfcheck.h"

#define ALIVE 16

static _Noreturn void brief_life(unsigned int seed)
{
	struct timespec ts = { 0, (long) (seed % 3000) * 1000 };
	nanosleep(&ts, NULL);
	_exit(0);
}

int main(void)
{
	unsigned int seed = (unsigned int) getpid();
	int alive = 0;
	bool told = false;
	for (;;) {
		for (; alive < ALIVE; alive++) {
			seed = seed * 1103515245u + 12345u;
			if (EXPECT_OK(fork()) == 0)
				brief_life(seed >> 8);
		}
		if (!told) {
			puts("ready");
			fflush(stdout);
			told = true;
		}
		struct pollfd in = { .fd = 0, .events = POLLIN };
		if (poll(&in, 1, 1) > 0) {
			char byte;
			if (read(0, &byte, 1) <= 0)
				break;
		}
		int status;
		pid_t ended;
		while ((ended = waitpid(-1, &status, WNOHANG)) > 0) {
			EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
			alive--;
		}
	}
	while (alive > 0) {
		int status;
		EXPECT_OK(wait(&status));
		alive--;
	}
	return 0;
}
