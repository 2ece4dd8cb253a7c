/*
 * Which processes -p names, and why one cannot be traced, in words that
 * say what to do.
 */
#ifndef EPOLLTRACE_CLI_ATTACH_TARGET_H
#define EPOLLTRACE_CLI_ATTACH_TARGET_H

#include <sys/types.h>

/*
 * Checks one PID from -p and finds its process (a thread's PID names its
 * whole process).  Returns 0 with *process set, or prints why it cannot be
 * traced and returns the exit code for that.
 */
int attach_target_check(const char *text, pid_t *process);

/* Prints why attaching to pid failed with err; returns the exit code. */
int attach_target_explain_failure(pid_t pid, int err);

#endif
