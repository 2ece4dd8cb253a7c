/*
 * Which processes -p names, and why one cannot be traced, in words that
 * say what to do.
 */
#ifndef EPOLLTRACE_CLI_ATTACH_TARGET_H
#define EPOLLTRACE_CLI_ATTACH_TARGET_H

#include <stdbool.h>
#include <sys/types.h>

/*
 * Checks one PID from -p and finds its process (a thread's PID names its
 * whole process).  Returns 0 with *process set, or prints why it cannot be
 * traced and returns the exit code for that.
 */
int attach_target_check(const char *text, pid_t *process);

/*
 * The same for a descendant --children found, as strace treats a thread
 * that vanished: one that has ended since (gone, or a zombie) is skipped
 * without a word, with EXIT_NO_TARGET.
 */
int attach_target_check_descendant(pid_t pid, pid_t *process);

/* Prints why attaching to pid failed with err; returns the exit code. */
int attach_target_explain_failure(pid_t pid, int err);

/* pid has ended: it is gone, or a zombie whose threads are gone too. */
bool attach_target_ended(pid_t pid);

#endif
