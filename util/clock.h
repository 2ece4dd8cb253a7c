/*
 * The monotonic clock in microseconds, for the engine's and session's
 * timers.  Inline, as the engine's poll-before-sleep reads it in a loop.
 */
#ifndef EPOLLTRACE_UTIL_CLOCK_H
#define EPOLLTRACE_UTIL_CLOCK_H

#include <stdint.h>
#include <time.h>

static inline uint64_t monotonic_usec(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t) ts.tv_sec * 1000000 + (uint64_t) ts.tv_nsec / 1000;
}

#endif
