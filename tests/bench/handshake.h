/*
 * The protocol of a workload run as a long-lived process, so that a
 * tracer can attach to it before it starts its measured work: it prints
 * "ready", waits for a line on stdin (the runner attaches meanwhile),
 * works, and reports its own elapsed time, since the runner's clock would
 * also count attaching.
 */
#ifndef EPOLLTRACE_BENCH_HANDSHAKE_H
#define EPOLLTRACE_BENCH_HANDSHAKE_H

/* Prints word on its own line and waits for a line on stdin (exits on EOF). */
void handshake_say_and_wait(const char *word);

/* Monotonic time in seconds. */
double handshake_now(void);

/* Prints the seconds elapsed since start, the workload's only output. */
void handshake_report(double start);

#endif
