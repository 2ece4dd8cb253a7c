/* Changing a stopped thread's call: the engine's own uses and -e inject='s. */
#ifndef EPOLLTRACE_TRACE_TAMPER_H
#define EPOLLTRACE_TRACE_TAMPER_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/*
 * At tid's entry or seccomp stop: the call is not made and returns result
 * (-errno for an error); false when the thread is gone.
 */
bool tracee_skip_call(pid_t tid, int64_t result);

#endif
