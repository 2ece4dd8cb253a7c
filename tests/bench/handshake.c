#include <stdio.h>
#include <time.h>

#include "tests/bench/handshake.h"
#include "tests/progs/selfcheck.h"

void handshake_say_and_wait(const char *word)
{
	char line[64];
	/* Flushed at once: stdout is a pipe the runner is reading. */
	EXPECT_TRUE(printf("%s\n", word) > 0 && fflush(stdout) == 0);
	EXPECT_TRUE(fgets(line, sizeof(line), stdin) != NULL);
}

double handshake_now(void)
{
	struct timespec ts;
	EXPECT_RET(0, clock_gettime(CLOCK_MONOTONIC, &ts));
	return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

void handshake_report(double start)
{
	double elapsed = handshake_now() - start;
	EXPECT_TRUE(printf("%.6f\n", elapsed) > 0 && fflush(stdout) == 0);
}
