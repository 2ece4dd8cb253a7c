/* Signal names as strace prints them. */
#ifndef EPOLLTRACE_DECODE_SIGNALS_H
#define EPOLLTRACE_DECODE_SIGNALS_H

/* The highest real-time signal of the Linux ABIs we decode. */
#define SIGNAL_RT_MAX 64

/*
 * "SIGUSR1", "SIGRTMIN" for 32, "SIGRT_2" for 34, or the number for a
 * signal that has no name.  Generated names live in a per-thread buffer
 * that the next call overwrites.
 */
const char *signal_name(int sig);

/* The signal named "SIGUSR1", "usr1" or "RT_2" (any case), or -1. */
int signal_by_name(const char *name);

#endif
